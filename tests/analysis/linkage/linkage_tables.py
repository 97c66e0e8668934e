"""Small hand-made tables written as CSV in the documented layouts (helpers for the tests)."""

from __future__ import annotations

import csv
from pathlib import Path

CODES = ["01", "02", "03"]
# Competitive 3-sector table: rows balance (Z row + TFU - IM = GO), columns balance (TI = GO).
Z = [[10, 20, 5], [15, 5, 10], [5, 10, 20]]
GO = [100, 80, 120]
IM = [5, 0, 10]
TFU = [70, 50, 95]
TVA = [70, 45, 85]


def competitive_rows() -> list[list[str]]:
    header = ["Code", "Description", "DescriptionInChinese", *CODES, "TIU", "TC", "TFU", "IM", "GO"]
    rows = [header]
    for i, code in enumerate(CODES):
        tiu = sum(Z[i])
        rows.append(
            [
                code,
                f"sector {code}",
                "",
                *map(str, Z[i]),
                str(tiu),
                str(TFU[i]),
                str(TFU[i]),
                str(IM[i]),
                str(GO[i]),
            ]
        )
    tii = [sum(Z[i][j] for i in range(3)) for j in range(3)]
    rows.append(["TII", "Total intermediate input", "", *map(str, tii), "", "", "", "", ""])
    rows.append(["TVA", "Total value-added", "", *map(str, TVA), "", "", "", "", ""])
    rows.append(["TI", "Total inputs", "", *map(str, GO), "", "", "", "", ""])
    return rows


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path
