"""Reading and checking input-output tables: the embedded 2020 tables and user CSVs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from linkage_tables import GO, IM, TFU, TVA, Z, competitive_rows, write
from numpy.testing import assert_allclose

from pestle.analysis.linkage import NATIONAL_NOTE, IOTable, china_2020, read_table
from pestle.errors import InputError, ParseError


@pytest.fixture
def competitive_csv(tmp_path: Path) -> Path:
    return write(tmp_path / "small.csv", competitive_rows())


@pytest.fixture(scope="module")
def t153() -> IOTable:
    return china_2020(153)


@pytest.fixture(scope="module")
def t42() -> IOTable:
    return china_2020(42)


def test_153_table_layout_and_balances(t153: IOTable) -> None:
    assert t153.layout == "competitive" and t153.n == 153 and t153.Z_imports is None
    assert t153.codes[0] == "001" and t153.codes[-1] == "153"
    assert t153.names[56] == "Manufacture of glass and glass products"
    assert t153.unit_yuan == 1e4 and t153.note == NATIONAL_NOTE
    # rows: Z row + TFU - IM = GO; columns: Z column + TVA = GO (what the README states)
    assert_allclose(t153.Z.sum(axis=1) + t153.final_use - t153.imports, t153.output, rtol=1e-12)
    assert_allclose(t153.Z.sum(axis=0) + t153.value_added, t153.output, rtol=1e-12)
    assert not t153.zero_output.any()


def test_153_technical_coefficients_are_z_over_go(t153: IOTable) -> None:
    a, a_imports = t153.coefficients("total")
    assert a_imports is None
    assert_allclose(a, t153.Z / t153.output[None, :], rtol=1e-15)
    assert (a.sum(axis=0) < 1).all()


def test_153_import_shares_are_im_over_total_use(t153: IOTable) -> None:
    m = t153.import_shares()
    total_use = t153.Z.sum(axis=1) + t153.final_use  # TIU + TFU
    assert_allclose(m, t153.imports / total_use, rtol=1e-12)
    assert ((m >= 0) & (m < 1)).all()
    a_d, a_m = t153.coefficients("domestic")
    assert a_m is not None
    assert_allclose(a_d + a_m, t153.coefficients("total")[0], rtol=1e-12)


def test_42_table_is_non_competitive_with_an_import_block(t42: IOTable) -> None:
    assert t42.layout == "non-competitive" and t42.n == 42 and t42.Z_imports is not None
    a_d, a_m = t42.coefficients("domestic")
    assert a_m is not None
    assert_allclose(a_d, t42.Z / t42.output, rtol=1e-15)
    assert_allclose(a_m, t42.Z_imports / t42.output, rtol=1e-15)
    inputs = t42.Z.sum(axis=0) + t42.Z_imports.sum(axis=0) + t42.value_added
    assert_allclose(inputs, t42.output, rtol=1e-12)
    assert (a_d.sum(axis=0) + a_m.sum(axis=0) < 1).all()


def test_user_table_in_the_same_layout(competitive_csv: Path) -> None:
    table = read_table(competitive_csv, unit_yuan=1.0)
    assert table.codes == ("01", "02", "03") and table.names[0] == "sector 01"
    assert_allclose(table.Z, Z)
    assert_allclose(table.output, GO)
    assert_allclose(table.imports, IM)
    assert_allclose(table.final_use, TFU)
    assert_allclose(table.value_added, TVA)
    assert table.note == "Coefficients from small.csv."
    assert list(table.to_frame().columns) == [
        "name",
        "output",
        "final_use",
        "imports",
        "value_added",
    ]


def test_non_competitive_user_table(tmp_path: Path) -> None:
    header = ["Code", "Description", "Origin", "01", "02", "TIU", "TFU", "GO"]
    rows = [
        header,
        ["01", "a", "Domestic", "10", "20", "30", "70", "100"],
        ["02", "b", "Domestic", "5", "15", "20", "60", "80"],
        ["01", "a", "Imports", "2", "3", "5", "5", "10"],
        ["02", "b", "Imports", "1", "4", "5", "5", "10"],
        ["TVA", "value added", "TOT", "82", "38", "", "", ""],
    ]
    table = read_table(write(tmp_path / "nc.csv", rows))
    assert table.layout == "non-competitive"
    assert table.Z_imports is not None
    assert_allclose(table.Z_imports, [[2, 3], [1, 4]])
    assert_allclose(table.imports, [10, 10])
    assert_allclose(table.import_shares(), [10 / 110, 10 / 90])


# --- bad tables: one line, naming the file (and line) -------------------------------------


def _error(path: Path) -> str:
    with pytest.raises(ParseError) as info:
        read_table(path)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_non_square_table(tmp_path: Path) -> None:
    rows = [r[:5] + r[6:] for r in competitive_rows()]  # drop the column of sector 03
    path = write(tmp_path / "t.csv", rows)
    assert _error(path) == f"{path}: table is not square: 3 sector rows but 2 sector columns"


def test_row_code_not_matching_its_column(tmp_path: Path) -> None:
    rows = competitive_rows()
    rows[2][0] = "09"
    path = write(tmp_path / "t.csv", rows)
    assert _error(path) == f"{path}:3: table is not square: row '09' where sector column 2 is '02'"


def test_unbalanced_row(tmp_path: Path) -> None:
    rows = competitive_rows()
    rows[1][3] = "11"  # Z[0][0] 10 -> 11
    path = write(tmp_path / "t.csv", rows)
    assert _error(path) == (
        f"{path}:2: row 01 does not balance: intermediate use + final use - imports = 101 "
        "but GO = 100"
    )


def test_unbalanced_column(tmp_path: Path) -> None:
    rows = competitive_rows()
    rows[5][4] = "46"  # TVA of sector 02: 45 -> 46
    path = write(tmp_path / "t.csv", rows)
    assert _error(path) == (
        f"{path}: column 02 does not balance: intermediate inputs + TVA = 81 but GO = 80"
    )


def test_total_inputs_row_disagreeing_with_output(tmp_path: Path) -> None:
    rows = competitive_rows()
    rows[6][5] = "121"  # TI of sector 03
    path = write(tmp_path / "t.csv", rows)
    assert _error(path) == f"{path}: column 03 does not balance: TI = 121 but GO = 120"


def test_missing_column(tmp_path: Path) -> None:
    rows = [r[:-2] + r[-1:] for r in competitive_rows()]  # drop IM
    path = write(tmp_path / "t.csv", rows)
    assert _error(path) == (
        f"{path}:1: missing column(s) IM; the competitive layout needs Code, Description, "
        "one column per sector, TIU, TFU, IM, GO"
    )


def test_missing_value_added_row(tmp_path: Path) -> None:
    rows = [r for r in competitive_rows() if r[0] != "TVA"]
    path = write(tmp_path / "t.csv", rows)
    assert _error(path) == f"{path}: missing row TVA (total value added)"


@pytest.mark.parametrize(
    ("cell", "message"),
    [("x", "column 02: 'x' is not a number"), ("", "column 02 is empty (write 0 for a zero flow)")],
)
def test_bad_cell(tmp_path: Path, cell: str, message: str) -> None:
    rows = competitive_rows()
    rows[3][4] = cell
    path = write(tmp_path / "t.csv", rows)
    assert _error(path) == f"{path}:4: {message}"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.csv: no such file$"):
        read_table(tmp_path / "nope.csv")


def test_zero_output_sector_gives_zero_columns_not_nan() -> None:
    # sector 3 produces nothing; its product is used but wholly imported
    z = [[10, 20, 0], [15, 5, 0], [5, 10, 0]]
    table = IOTable.from_arrays(z, [80, 60, 0], [80, 45, 0], imports=[0, 0, 15])
    assert_allclose(table.output, [110, 80, 0])
    for basis in ("domestic", "total"):
        a, _ = table.coefficients(basis)
        assert np.isfinite(a).all() and (a[:, 2] == 0).all()
    assert table.import_shares()[2] == 1.0
    assert table.value_added_coefficients()[2] == 0.0
