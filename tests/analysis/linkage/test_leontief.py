"""Leontief and Ghosh models: a textbook example, the 2020 national tables, identities."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from pestle.analysis.linkage import IOTable, LeontiefModel, china_2020, leontief
from pestle.errors import AnalysisError

# Miller & Blair, Input-Output Analysis, 2nd ed. (2009), ch. 2 two-sector example:
# Z = [[150, 500], [200, 100]], f = [350, 1700], x = [1000, 2000], value added [650, 1400].
MB_Z = [[150.0, 500.0], [200.0, 100.0]]
MB_F = [350.0, 1700.0]
MB_VA = [650.0, 1400.0]


@pytest.fixture(scope="module")
def mb() -> LeontiefModel:
    return leontief(IOTable.from_arrays(MB_Z, MB_F, MB_VA), basis="total")


@pytest.fixture(scope="module")
def t153() -> IOTable:
    return china_2020(153)


@pytest.fixture(scope="module", params=["domestic", "total"])
def m153(request: pytest.FixtureRequest, t153: IOTable) -> LeontiefModel:
    return leontief(t153, basis=request.param)


def test_textbook_coefficients_and_inverse(mb: LeontiefModel) -> None:
    assert_allclose(mb.table.output, [1000, 2000])
    assert_allclose(mb.A, [[0.15, 0.25], [0.20, 0.05]], rtol=1e-12)
    # the book's L to 4 decimals; exactly (1 / 0.7575) [[0.95, 0.25], [0.2, 0.85]]
    assert_allclose(mb.L, [[1.2541, 0.3300], [0.2640, 1.1221]], atol=5e-5)
    assert_allclose(mb.L, np.array([[0.95, 0.25], [0.20, 0.85]]) / 0.7575, rtol=1e-12)


def test_textbook_multipliers_and_new_demand(mb: LeontiefModel) -> None:
    assert_allclose(mb.output_multipliers, [1.518, 1.452], atol=5e-4)  # the book's figures
    assert_allclose(mb.solve([600, 1500]), [1247.52, 1841.58], atol=5e-3)
    # value added = final demand on the total basis: every multiplier is 1
    assert_allclose(mb.value_added_multipliers, [1.0, 1.0], rtol=1e-12)
    assert_allclose(mb.import_multipliers, [0.0, 0.0])
    # Rasmussen: column / row sums of L over their mean
    assert_allclose(mb.backward_linkages, np.array([1.5182, 1.4521]) / 1.48515, atol=1e-4)
    assert_allclose(mb.forward_linkages, np.array([1.5842, 1.3861]) / 1.48515, atol=1e-4)


def test_textbook_ghosh(mb: LeontiefModel) -> None:
    # B = X^-1 Z: [[150/1000, 500/1000], [200/2000, 100/2000]]
    assert_allclose(mb.B, [[0.15, 0.50], [0.10, 0.05]], rtol=1e-12)
    assert_allclose(mb.G, np.array([[0.95, 0.50], [0.10, 0.85]]) / 0.7575, rtol=1e-12)
    # supply-driven: the base year's value added reproduces the base year's output
    assert_allclose(mb.ghosh_output(MB_VA), [1000, 2000], rtol=1e-12)


def test_153_leontief_properties(m153: LeontiefModel) -> None:
    n = m153.table.n
    eye = np.eye(n)
    assert (m153.A.sum(axis=0) < 1).all()
    assert (eye <= m153.L).all()
    assert np.abs(m153.L @ (eye - m153.A) - eye).max() < 1e-9
    assert_allclose(m153.output_multipliers, m153.L.sum(axis=0), rtol=1e-12)
    assert_allclose(m153.backward_linkages.mean(), 1.0, rtol=1e-12)
    assert_allclose(m153.forward_linkages, m153.L.sum(axis=1) / m153.L.sum(axis=1).mean())
    assert_allclose(m153.forward_linkages_ghosh, m153.G.sum(axis=1) / m153.G.sum(axis=1).mean())


def test_153_total_basis_is_z_over_go(t153: IOTable) -> None:
    model = leontief(t153, basis="total")
    assert_allclose(model.A, t153.Z / t153.output, rtol=1e-15)
    assert model.A_imports is None


def test_ghosh_is_the_similarity_transform_of_leontief(m153: LeontiefModel) -> None:
    x = m153.table.output
    x_hat, x_inv = np.diag(x), np.diag(1 / x)
    assert_allclose(m153.B, x_inv @ m153.A @ x_hat, rtol=1e-12, atol=1e-15)
    g_direct = np.linalg.inv(np.eye(len(x)) - m153.B)
    assert np.abs(m153.G - g_direct).max() < 1e-9
    assert_allclose(m153.G, x_inv @ m153.L @ x_hat, rtol=1e-12, atol=1e-15)
    v = m153.table.value_added
    assert_allclose(m153.ghosh_output(v), v @ m153.G, rtol=1e-10)


@pytest.mark.parametrize("sectors", [42, 153])
def test_domestic_value_added_and_import_multipliers_add_to_one(sectors: int) -> None:
    # every yuan of final demand ends as domestic value added or as imports
    model = leontief(china_2020(sectors), basis="domestic")
    assert_allclose(model.value_added_multipliers + model.import_multipliers, 1.0, rtol=1e-10)
    assert ((model.import_multipliers > 0) & (model.import_multipliers < 1)).all()


def test_42_import_multipliers_use_the_import_block() -> None:
    table = china_2020(42)
    model = leontief(table)
    expected = (table.Z_imports / table.output).sum(axis=0) @ model.L
    assert_allclose(model.import_multipliers, expected, rtol=1e-12)


def test_shock_direct_plus_indirect_is_total(m153: LeontiefModel) -> None:
    f = np.zeros(153)
    f[56], f[52] = 2e8, 5e7  # glass and glass products, plastic products
    effects = m153.effects(f)
    assert_allclose(effects.output_direct, f)
    assert_allclose(effects.output_direct + effects.output_indirect, m153.L @ f, rtol=1e-10)
    assert_allclose(effects.output_total, m153.solve(f), rtol=1e-12)
    v = m153.value_added_coefficients
    assert_allclose(effects.value_added_total, v * (m153.L @ f), rtol=1e-10)
    assert (effects.output_indirect >= 0).all()
    totals = effects.totals()
    assert totals["value_added_direct"] + totals["value_added_indirect"] == pytest.approx(
        totals["value_added_total"], rel=1e-12
    )
    # domestic basis: value added + imports exhaust the shock
    if m153.basis == "domestic":
        leak = totals["value_added_total"] + totals["imports_total"]
        assert leak == pytest.approx(f.sum(), rel=1e-10)


def test_results_carry_the_national_note(m153: LeontiefModel) -> None:
    f = np.zeros(153)
    f[56] = 1e6
    for result in (m153, m153.effects(f)):
        data = result.to_dict()
        assert "no regional table exists for the case's region" in data["note"]
        json.dumps(data)  # plain JSON
    frame = m153.to_frame()
    assert frame.shape == (153, 8) and frame.index[56] == "057"
    if m153.basis == "domestic":
        assert "Imports approximated" in m153.note


def test_zero_output_sector_does_not_produce_nan() -> None:
    z = [[10, 20, 0], [15, 5, 0], [5, 10, 0]]
    table = IOTable.from_arrays(z, [80, 60, 0], [80, 45, 0], imports=[0, 0, 15])
    for basis in ("domestic", "total"):
        model = leontief(table, basis=basis)
        arrays = [model.A, model.L, model.B, model.G, *model.to_frame().iloc[:, 1:7].T.values]
        assert all(np.isfinite(a).all() for a in arrays)
        assert_allclose(model.G, np.linalg.inv(np.eye(3) - model.B), atol=1e-12)
        assert "1 sector(s) with zero gross output" in model.note
        # primary inputs: whatever of GO is not allocated through B (value added, imports,
        # and inputs of the zero-output product, of which there is no output to allocate)
        primary = table.output - (table.output[:, None] * model.B).sum(axis=0)
        assert_allclose(model.ghosh_output(primary), [110, 80, 0], rtol=1e-12)


def test_bad_shock_shape() -> None:
    model = leontief(IOTable.from_arrays(MB_Z, MB_F, MB_VA))
    with pytest.raises(AnalysisError, match=r"final demand has shape \(3,\), the table has 2"):
        model.effects([1.0, 2.0, 3.0])


@st.composite
def productive_tables(draw: st.DrawFn) -> IOTable:
    n = draw(st.integers(2, 6))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    a = rng.random((n, n)) * (rng.random((n, n)) < 0.7)
    a *= rng.uniform(0.1, 0.9, n) / np.maximum(a.sum(axis=0), 1e-12)  # column sums < 1
    f = rng.uniform(0, 100, n)
    x = np.linalg.solve(np.eye(n) - a, f)
    z = a * x
    im = rng.uniform(0, 0.5, n) * (z.sum(axis=1) + f)
    return IOTable.from_arrays(z, f + im, x - z.sum(axis=0), imports=im)


@settings(max_examples=30, deadline=None)
@given(productive_tables(), st.integers(0, 2**32 - 1))
def test_split_and_leakage_identities(table: IOTable, seed: int) -> None:
    model = leontief(table)
    f = np.random.default_rng(seed).uniform(0, 10, table.n)
    e = model.effects(f)
    assert_allclose(e.output_direct + e.output_indirect, model.L @ f, rtol=1e-9, atol=1e-9)
    assert e.value_added_total.sum() + e.imports_total.sum() == pytest.approx(f.sum(), rel=1e-9)
    assert np.abs(model.L @ (np.eye(table.n) - model.A) - np.eye(table.n)).max() < 1e-9


def test_agrees_with_pymrio_on_the_153_table(t153: IOTable) -> None:
    pymrio = pytest.importorskip("pymrio")
    model = leontief(t153, basis="total")
    x = t153.output
    assert_allclose(pymrio.calc_A(t153.Z, x), model.A, rtol=1e-14)
    l_pymrio = pymrio.calc_L(pymrio.calc_A(t153.Z, x))
    assert_allclose(model.output_multipliers, l_pymrio.sum(axis=0), rtol=1e-10)
    b_pymrio = pymrio.calc_B(t153.Z, x)
    assert_allclose(model.B, b_pymrio, rtol=1e-12, atol=1e-15)
    assert_allclose(model.G, pymrio.calc_G(b_pymrio), rtol=1e-9, atol=1e-12)
