"""Helpers of the `pestle init` tests: the held-out documents."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
HELD_OUT = tuple(sorted(CORPUS.glob("*.txt")))
