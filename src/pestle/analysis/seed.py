"""One seed helper for every stochastic analysis (after SALib's `handle_seed`)."""

from __future__ import annotations

import numpy as np


def rng(seed: int | np.random.Generator | None = None) -> np.random.Generator:
    """Turn an int, a Generator or None into a `numpy.random.Generator`."""
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(seed)
