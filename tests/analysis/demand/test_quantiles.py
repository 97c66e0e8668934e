"""Quantiles of the Monte Carlo's output rows: numpy's 'linear' quantiles to the bit, each
row's content sorted once (within a run, and across runs while it is remembered)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from pestle.analysis.demand import quantiles
from pestle.analysis.demand.model import QUANTILES


@pytest.fixture(autouse=True)
def _empty_memo():
    quantiles.forget()
    yield
    quantiles.forget()


def _sorted_rows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The rows `row_quantiles` sorts from now on (by index in their store)."""
    seen: list[int] = []
    sort = quantiles._sort

    def counted(store, rows):
        seen.extend(int(k) for k in rows)
        sort(store, rows)

    monkeypatch.setattr(quantiles, "_sort", counted)
    return seen


def _reference(store: np.ndarray, qs) -> np.ndarray:
    """The sort-every-row computation this replaces (model.py before the memo)."""
    rows = np.sort(store, axis=1)
    n = rows.shape[1]
    out = np.empty((rows.shape[0], len(qs)))
    for j, q in enumerate(qs):
        h = (n - 1) * q
        lo = int(np.floor(h))
        hi = min(lo + 1, n - 1)
        a, b = rows[:, lo].astype(float), rows[:, hi].astype(float)
        out[:, j] = a + (h - lo) * (b - a)
    return out


finite = st.floats(-1e6, 1e6, width=32, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(
    store=st.tuples(st.integers(1, 6), st.integers(1, 50)).flatmap(
        lambda shape: arrays(np.float32, shape, elements=finite)
    ),
    repeat=st.booleans(),
    threads=st.integers(1, 3),
)
def test_the_same_quantiles_to_the_bit(store, repeat, threads) -> None:
    if repeat:  # a row repeated, as the scenarios repeat the rows they do not change
        store = np.concatenate([store, store[:1]])
    expected = _reference(store.copy(), QUANTILES)
    got = quantiles.row_quantiles(store.copy(), QUANTILES, threads=threads)
    assert np.array_equal(got, expected)
    assert np.allclose(got, np.quantile(store.astype(float), QUANTILES, axis=1).T, rtol=1e-6)
    # and again, from memory
    assert np.array_equal(quantiles.row_quantiles(store.copy(), QUANTILES), expected)


def test_a_row_is_sorted_once_per_content(monkeypatch) -> None:
    rng = np.random.default_rng(0)
    store = rng.random((4, 2000)).astype(np.float32)
    store[3] = store[1]  # the same row twice in one run
    sorted_rows = _sorted_rows(monkeypatch)
    first = quantiles.row_quantiles(store.copy(), QUANTILES)
    assert sorted(sorted_rows) == [0, 1, 2]
    # the next run: one row changed by one sample, the others as before
    sorted_rows.clear()
    again = store.copy()
    again[2, 1234] += 1.0
    second = quantiles.row_quantiles(again.copy(), QUANTILES)
    assert sorted_rows == [2]
    assert np.array_equal(second[[0, 1, 3]], first[[0, 1, 3]])
    assert np.array_equal(second, _reference(again, QUANTILES))
    # other quantiles of the same rows are other results
    sorted_rows.clear()
    quantiles.row_quantiles(store.copy(), (0.25, 0.75))
    assert sorted(sorted_rows) == [0, 1, 2]


def test_memory_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(quantiles, "MEMO_ROWS", 5)
    rng = np.random.default_rng(1)
    sorted_rows = _sorted_rows(monkeypatch)
    early = rng.random((4, 100)).astype(np.float32)
    quantiles.row_quantiles(early.copy(), QUANTILES)
    quantiles.row_quantiles(rng.random((4, 100)).astype(np.float32), QUANTILES)
    assert len(quantiles._memo) == 5
    sorted_rows.clear()
    quantiles.row_quantiles(early.copy(), QUANTILES)  # 3 of its 4 rows were forgotten
    assert sorted(sorted_rows) == [0, 1, 2]
