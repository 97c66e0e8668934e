"""The default settings' values as plain numbers: `Settings` (settings.py) takes its defaults
from here, and the command line quotes them in its help without importing pydantic
(`pestle --help` stays light: tests/cli/test_import_budget.py)."""

from __future__ import annotations

SEED = 1
SAMPLES = 20_000
SOBOL_SAMPLES = 2**10
DRAWS = 2_000
SPREAD = 0.2
