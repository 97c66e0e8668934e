"""Direct plus indirect effects through a network: the (I - M)^-1 propagation.

One mechanism, used twice (DESIGN.md): DEMATEL's total relation T = D (I - D)^-1 and the
Leontief inverse L = (I - A)^-1 are the same series I + M + M^2 + ... . Linear systems are
solved rather than inverted where only a product is needed.
"""

from __future__ import annotations

import warnings

import numpy as np
import scipy.linalg
from numpy.typing import ArrayLike, NDArray

from pestle.errors import AnalysisError


def _square(matrix: ArrayLike, name: str) -> NDArray[np.float64]:
    m = np.asarray(matrix, dtype=float)
    if m.ndim != 2 or m.shape[0] != m.shape[1]:
        raise AnalysisError(f"{name} must be a square matrix, got shape {m.shape}")
    if not np.all(np.isfinite(m)):
        raise AnalysisError(f"{name} contains NaN or infinite entries")
    return m


def _system(m: NDArray[np.float64], name: str) -> NDArray[np.float64]:
    system = np.eye(m.shape[0]) - m
    # The series converges iff the spectral radius is < 1; a singular I - M means it does not.
    if np.linalg.cond(system) > 1e12:
        raise AnalysisError(
            f"I - {name} is singular or nearly so: effects do not converge "
            f"(normalise {name} so its row and column sums stay below 1)"
        )
    return system


def leontief_inverse(matrix: ArrayLike, name: str = "M") -> NDArray[np.float64]:
    """(I - M)^-1: the total (direct + indirect) requirements of a unit impulse."""
    m = _square(matrix, name)
    return np.linalg.solve(_system(m, name), np.eye(m.shape[0]))


def total_relation(matrix: ArrayLike, name: str = "D") -> NDArray[np.float64]:
    """M (I - M)^-1 = (I - M)^-1 - I: every indirect round of influence, excluding the impulse."""
    m = _square(matrix, name)
    # M (I-M)^-1 solved as a system: (I-M)^T X^T = M^T  ->  X = M (I-M)^-1
    return np.linalg.solve(_system(m, name).T, m.T).T


def propagate(matrix: ArrayLike, impulse: ArrayLike, name: str = "M") -> NDArray[np.float64]:
    """x = (I - M)^-1 f without forming the inverse (Leontief: output for final demand f)."""
    m = _square(matrix, name)
    f = np.asarray(impulse, dtype=float)
    if f.shape[0] != m.shape[0]:
        raise AnalysisError(f"impulse has {f.shape[0]} entries but {name} has {m.shape[0]} rows")
    return np.linalg.solve(_system(m, name), f)


class Propagator:
    """(I - M) factorised once (LU) for many solves, each O(n^2) instead of O(n^3).

    The convergence check uses LAPACK's 1-norm condition estimate from the factors (gecon,
    O(n^2)) instead of an SVD, which costs more than the factorisation itself at n = 5,000.
    """

    def __init__(self, matrix: ArrayLike, name: str = "M") -> None:
        m = _square(matrix, name)
        system = np.eye(m.shape[0]) - m
        norm = float(np.abs(system).sum(axis=0).max()) if system.size else 0.0
        with warnings.catch_warnings():  # an exactly singular system is reported below
            warnings.simplefilter("ignore", scipy.linalg.LinAlgWarning)
            self._lu = scipy.linalg.lu_factor(system, overwrite_a=True, check_finite=False)
        (gecon,) = scipy.linalg.get_lapack_funcs(("gecon",), (self._lu[0],))
        rcond = gecon(self._lu[0], norm, norm="1")[0] if m.size else 1.0
        if not rcond > 1e-12:
            raise AnalysisError(
                f"I - {name} is singular or nearly so: effects do not converge "
                f"(normalise {name} so its row and column sums stay below 1)"
            )
        self.n = m.shape[0]

    def solve(self, impulse: ArrayLike) -> NDArray[np.float64]:
        """(I - M)^-1 f: the response to an impulse f (Leontief: output for final demand f)."""
        return scipy.linalg.lu_solve(self._lu, np.asarray(impulse, dtype=float), check_finite=False)

    def solve_transposed(self, weights: ArrayLike) -> NDArray[np.float64]:
        """w (I - M)^-1 as a vector: column-weighted totals (multipliers) without the inverse."""
        w = np.asarray(weights, dtype=float)
        return scipy.linalg.lu_solve(self._lu, w, trans=1, check_finite=False)

    def inverse(self) -> NDArray[np.float64]:
        """(I - M)^-1 from the stored factors."""
        return self.solve(np.eye(self.n))
