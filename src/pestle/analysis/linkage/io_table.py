"""Input-output tables: read the documented CSV layouts, check them, derive coefficients.

Two layouts (src/pestle/data/io/README.md):

- competitive imports: sector rows, then aggregate rows (`TII`, `VA001`..`VA004`, `TVA`,
  `TI`); columns `Code, Description[, DescriptionInChinese]`, one column per sector,
  `TIU`, final-use columns, `TFU`, `IM`, `GO`. Row balance: Z row + TFU - IM = GO.
- non-competitive imports: a column `Origin`; sector rows twice, first `Domestic`, then
  `Imports` (same codes, same order), then the aggregate rows; columns as above without
  `IM`. Row balance: Z row + TFU = GO for both blocks (GO of an import row = its imports).

Column balance in both: all intermediate inputs + TVA = GO of the sector. A sector with zero
gross output gets a zero coefficient column (it neither buys nor sells): no NaN.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from pestle.analysis.linkage.messages import NATIONAL_NOTE
from pestle.errors import AnalysisError, InputError, ParseError

Layout = Literal["competitive", "non-competitive"]
Basis = Literal["domestic", "total"]

_HEADER = ("Code", "Description", "DescriptionInChinese", "Origin")
_AGGREGATES = frozenset({"TII", "VA001", "VA002", "VA003", "VA004", "TVA", "TI"})


@dataclass(frozen=True, eq=False)
class IOTable:
    """One checked input-output table; flows in the table's unit (`unit_yuan` yuan each).

    `Z` is the intermediate block as published: all flows (competitive) or the domestic block
    (non-competitive, with `Z_imports` the import block). `imports` is per product: the IM
    column, or the GO of the import rows.
    """

    source: str
    layout: Layout
    codes: tuple[str, ...]
    names: tuple[str, ...]
    Z: NDArray[np.float64]
    final_use: NDArray[np.float64]
    output: NDArray[np.float64]
    value_added: NDArray[np.float64]
    imports: NDArray[np.float64]
    Z_imports: NDArray[np.float64] | None = None
    unit_yuan: float = 1.0
    note: str = ""
    names_zh: tuple[str, ...] = ()  # the DescriptionInChinese column, when the file has one

    @property
    def n(self) -> int:
        return len(self.codes)

    @property
    def zero_output(self) -> NDArray[np.bool_]:
        """Sectors with zero gross output (their coefficient columns are set to zero)."""
        return self.output == 0

    def _per_output(self) -> NDArray[np.float64]:
        x = self.output
        return np.divide(1.0, x, out=np.zeros_like(x), where=x != 0)

    def import_shares(self) -> NDArray[np.float64]:
        """Imports / total use per product, total use = intermediate use + final use.

        Competitive layout: IM / (TIU + TFU) = IM / (GO + IM); non-competitive: imports of the
        product / (GO + imports). 0 where a product has no use. The competitive layout applies
        this one share to every user of the product (the proportionality approximation).
        """
        use = self.output + self.imports  # = TIU + TFU (competitive rows balance)
        return np.divide(self.imports, use, out=np.zeros_like(use), where=use != 0)

    def coefficients(
        self, basis: Basis = "domestic"
    ) -> tuple[NDArray[np.float64], NDArray[np.float64] | None]:
        """(A, A_imports) per unit of output; A_imports is None on the total basis.

        total: every intermediate input per unit of output (competitive: A = Z / GO).
        domestic: domestic inputs only, with the import coefficients beside them; for the
        competitive layout A_d = (1 - m_i) a_ij and A_m = m_i a_ij with m = import_shares().
        """
        r = self._per_output()
        if basis == "total":
            flows = self.Z if self.Z_imports is None else self.Z + self.Z_imports
            return flows * r, None
        if basis != "domestic":
            raise AnalysisError(f"unknown basis {basis!r}: use 'domestic' or 'total'")
        if self.Z_imports is not None:
            return self.Z * r, self.Z_imports * r
        a = self.Z * r
        m = self.import_shares()[:, None]
        return a * (1.0 - m), a * m

    def value_added_coefficients(self) -> NDArray[np.float64]:
        """TVA / GO by sector (0 for zero-output sectors)."""
        return self.value_added * self._per_output()

    def to_frame(self) -> pd.DataFrame:
        """One row per sector: output, final use, imports, value added (table units)."""
        return pd.DataFrame(
            {
                "name": self.names,
                "output": self.output,
                "final_use": self.final_use,
                "imports": self.imports,
                "value_added": self.value_added,
            },
            index=pd.Index(self.codes, name="code"),
        )

    @classmethod
    def from_arrays(
        cls,
        Z: ArrayLike,
        final_use: ArrayLike,
        value_added: ArrayLike,
        *,
        imports: ArrayLike | None = None,
        codes: list[str] | None = None,
        names: list[str] | None = None,
        source: str = "<arrays>",
        unit_yuan: float = 1.0,
        note: str = "",
        rtol: float = 1e-5,
    ) -> IOTable:
        """A competitive-layout table from arrays, checked like a file (GO = Z row + TFU - IM)."""
        z = np.asarray(Z, dtype=float)
        if z.ndim != 2 or z.shape[0] != z.shape[1]:
            raise AnalysisError(f"{source}: table is not square: Z has shape {z.shape}")
        n = z.shape[0]
        fu = np.asarray(final_use, dtype=float).reshape(n)
        im = np.zeros(n) if imports is None else np.asarray(imports, dtype=float).reshape(n)
        go = z.sum(axis=1) + fu - im
        codes = codes or [str(i + 1) for i in range(n)]
        table = cls(
            source=source,
            layout="competitive",
            codes=tuple(codes),
            names=tuple(names or codes),
            Z=z,
            final_use=fu,
            output=go,
            value_added=np.asarray(value_added, dtype=float).reshape(n),
            imports=im,
            unit_yuan=unit_yuan,
            note=note,
        )
        _check_columns(table, None, rtol)
        return table


def china_2020(sectors: Literal[42, 153] = 153) -> IOTable:
    """The embedded national table for 2020 (42 or 153 sectors), in 10,000 yuan."""
    if sectors not in (42, 153):
        raise AnalysisError(f"no embedded 2020 table with {sectors} sectors: use 42 or 153")
    ref = resources.files("pestle") / "data" / "io" / f"china_2020_{sectors}.csv"
    with resources.as_file(ref) as path:
        table = read_table(path, unit_yuan=1e4, note=NATIONAL_NOTE)
    return table


def read_table(
    path: str | Path, *, unit_yuan: float = 1e4, note: str | None = None, rtol: float = 1e-5
) -> IOTable:
    """Read and check a table in one of the documented layouts.

    `unit_yuan`: yuan per table unit (the NBS tables are in 10,000 yuan). `rtol`: balance
    tolerance relative to the larger of GO and the summed magnitudes of the row or column.
    Errors are one line naming the file (and line): missing column, not square, unbalanced.
    """
    path = Path(path)
    rows = _read_rows(path)
    header, body = rows[0][1], rows[1:]
    missing = [c for c in ("Code", "Description", "TIU", "TFU", "GO") if c not in header]
    layout: Layout = "non-competitive" if "Origin" in header else "competitive"
    if layout == "competitive" and "IM" not in header:
        missing.append("IM")
    if missing:
        raise ParseError(
            f"missing column(s) {', '.join(missing)}; the {layout} layout needs Code, "
            "Description, one column per sector, TIU, TFU, "
            + ("IM, GO" if layout == "competitive" else "GO"),
            path,
            1,
        )
    col = {name: i for i, name in enumerate(header)}
    first = max(col[h] for h in _HEADER if h in col) + 1
    sector_cols = header[first : col["TIU"]]

    sector_rows: list[tuple[int, list[str]]] = []
    aggregates: dict[str, tuple[int, list[str]]] = {}
    for line, cells in body:
        if len(cells) != len(header):
            raise ParseError(
                f"row has {len(cells)} cells, the header has {len(header)}", path, line
            )
        code = cells[col["Code"]].strip()
        if code in _AGGREGATES:
            aggregates[code] = (line, cells)
        elif aggregates:
            raise ParseError(f"sector row {code!r} after the aggregate rows", path, line)
        else:
            sector_rows.append((line, cells))
    if "TVA" not in aggregates:
        raise ParseError("missing row TVA (total value added)", path)

    if layout == "non-competitive":
        blocks = {"Domestic": [], "Imports": []}
        for line, cells in sector_rows:
            origin = cells[col["Origin"]].strip()
            if origin not in blocks:
                raise ParseError(f"Origin {origin!r} is neither Domestic nor Imports", path, line)
            blocks[origin].append((line, cells))
        domestic, imported = blocks["Domestic"], blocks["Imports"]
    else:
        domestic, imported = sector_rows, []

    n = len(sector_cols)
    blocks_to_check = [("", domestic)]
    if layout == "non-competitive":
        blocks_to_check.append(("import ", imported))
    for label, block in blocks_to_check:
        if len(block) != n:
            raise ParseError(
                f"table is not square: {len(block)} {label}sector rows but {n} sector columns",
                path,
            )
        for k, (line, cells) in enumerate(block):
            code = cells[col["Code"]].strip()
            if code != sector_cols[k]:
                raise ParseError(
                    f"table is not square: {label}row {code!r} where sector column {k + 1} "
                    f"is {sector_cols[k]!r}",
                    path,
                    line,
                )

    sector_idx = list(range(first, first + n))

    def numbers(block: list[tuple[int, list[str]]], idx: list[int]) -> NDArray[np.float64]:
        return np.array([[_number(c[i], header[i], path, ln) for i in idx] for ln, c in block])

    def column(block: list[tuple[int, list[str]]], name: str) -> NDArray[np.float64]:
        return numbers(block, [col[name]]).reshape(len(block))

    z = numbers(domestic, sector_idx).reshape(n, n)
    go = column(domestic, "GO")
    va_line, va_cells = aggregates["TVA"]
    va = numbers([(va_line, va_cells)], sector_idx).reshape(n)
    if layout == "competitive":
        zm = None
        im = column(domestic, "IM")
    else:
        zm = numbers(imported, sector_idx).reshape(n, n)
        im = column(imported, "GO")

    fu = column(domestic, "TFU")
    _check_rows(path, domestic, z, fu, go, im if zm is None else None, rtol)
    if zm is not None:
        _check_rows(path, imported, zm, column(imported, "TFU"), im, None, rtol, "import ")

    table = IOTable(
        source=str(path),
        layout=layout,
        codes=tuple(sector_cols),
        names=tuple(c[col["Description"]].strip() for _, c in domestic),
        Z=z,
        final_use=fu,
        output=go,
        value_added=va,
        imports=im,
        Z_imports=zm,
        unit_yuan=unit_yuan,
        note=note if note is not None else f"Coefficients from {path.name}.",
        names_zh=tuple(c[col["DescriptionInChinese"]].strip() for _, c in domestic)
        if "DescriptionInChinese" in col
        else (),
    )
    ti = aggregates.get("TI")
    _check_columns(table, None if ti is None else numbers([ti], sector_idx).reshape(n), rtol)
    return table


def _read_rows(path: Path) -> list[tuple[int, list[str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            rows = [(reader.line_num, cells) for cells in reader if any(c.strip() for c in cells)]
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text (save the table as UTF-8 CSV)") from None
    except (OSError, csv.Error) as exc:
        raise InputError(f"{path}: cannot read as CSV ({exc})") from None
    if len(rows) < 2:
        raise ParseError("no rows under the header", path, 1)
    rows[0] = (rows[0][0], [c.strip() for c in rows[0][1]])
    return rows


def _number(text: str, column: str, path: Path, line: int) -> float:
    text = text.strip()
    if not text:
        raise ParseError(f"column {column} is empty (write 0 for a zero flow)", path, line)
    try:
        value = float(text)
    except ValueError:
        raise ParseError(f"column {column}: {text!r} is not a number", path, line) from None
    if not np.isfinite(value):
        raise ParseError(f"column {column}: {text!r} is not a finite number", path, line)
    return value


def _check_rows(
    path: Path,
    block: list[tuple[int, list[str]]],
    z: NDArray[np.float64],
    fu: NDArray[np.float64],
    go: NDArray[np.float64],
    im: NDArray[np.float64] | None,
    rtol: float,
    label: str = "",
) -> None:
    minus = np.zeros_like(fu) if im is None else im
    lhs = z.sum(axis=1) + fu - minus
    scale = np.maximum.reduce([np.abs(go), np.abs(z).sum(axis=1) + np.abs(fu) + np.abs(minus)])
    bad = np.flatnonzero(np.abs(lhs - go) > rtol * np.maximum(scale, 1.0))
    if bad.size:
        i = int(bad[0])
        terms = "intermediate use + final use" + (" - imports" if im is not None else "")
        raise ParseError(
            f"{label}row {block[i][1][0].strip()} does not balance: {terms} = {lhs[i]:.10g} "
            f"but GO = {go[i]:.10g}",
            path,
            block[i][0],
        )


def _check_columns(table: IOTable, ti: NDArray[np.float64] | None, rtol: float) -> None:
    inputs = table.Z.sum(axis=0) + table.value_added
    magnitude = np.abs(table.Z).sum(axis=0) + np.abs(table.value_added)
    if table.Z_imports is not None:
        inputs = inputs + table.Z_imports.sum(axis=0)
        magnitude = magnitude + np.abs(table.Z_imports).sum(axis=0)
    tol = rtol * np.maximum(np.maximum(np.abs(table.output), magnitude), 1.0)
    checks = [("intermediate inputs + TVA", inputs)]
    if ti is not None:
        checks.append(("TI", ti))
    for what, total in checks:
        bad = np.flatnonzero(np.abs(total - table.output) > tol)
        if bad.size:
            j = int(bad[0])
            raise ParseError(
                f"column {table.codes[j]} does not balance: {what} = {total[j]:.10g} "
                f"but GO = {table.output[j]:.10g}",
                table.source,
            )
