"""Leontief demand model and Ghosh supply model on one input-output table.

A (technical coefficients), L = (I - A)^-1 (total requirements), output multipliers (column
sums of L), value-added and import multipliers, Rasmussen backward linkages (power of
dispersion, column sums of L over their mean) and forward linkages (sensitivity of
dispersion, row sums of L over their mean; the Ghosh version uses row sums of G), the Ghosh
model B = X^-1 A X and G = (I - B)^-1 = X^-1 L X, and the direct / indirect split of a
final-demand shock f: direct = f, indirect = L f - f.

One LU factorisation of I - A (`pestle.analysis.propagation.Propagator`, the same (I - M)^-1
mechanism as DEMATEL) serves every multiplier and shock: only products are needed, so systems
are solved and L, B and G are formed only when asked for.

Bases: "domestic" (default) uses domestic coefficients, so output effects are domestic output
and value added + imports add up to the shock; "total" treats every input, imported or not, as
produced at home (for the competitive 153 table, A = Z / GO exactly): its value-added
multipliers are 1 and its import effects 0 by construction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from pestle.analysis.linkage.io_table import Basis, IOTable
from pestle.analysis.linkage.messages import (
    IMPORTS_APPROXIMATED,
    IMPORTS_BLOCK,
    TOTAL_BASIS,
    ZERO_OUTPUT,
)
from pestle.analysis.propagation import Propagator
from pestle.errors import AnalysisError

Vector = NDArray[np.float64]


def note_parts(table: IOTable, basis: Basis) -> tuple[tuple[str, dict[str, Any]], ...]:
    """The note's sentences as (template, values; `messages`): the table's own note first
    (no placeholders), then the basis and import treatment, then the zero-output sectors if
    any. `note_text` writes them in English, `pestle.present.linkage` in the reader's language."""
    parts: list[tuple[str, dict[str, Any]]] = [(table.note, {})] if table.note else []
    if basis == "total":
        parts.append((TOTAL_BASIS, {}))
    elif table.Z_imports is None:
        parts.append((IMPORTS_APPROXIMATED, {}))
    else:
        parts.append((IMPORTS_BLOCK, {}))
    zero = int(table.zero_output.sum())
    if zero:
        parts.append((ZERO_OUTPUT, {"count": zero}))
    return tuple(parts)


def note_text(
    table: IOTable, basis: Basis, translate: Callable[[str], str] = lambda t: t, gap: str = " "
) -> str:
    """The note's sentences (`note_parts`) as one text, `gap` between them, each template
    passed through `translate` first (the catalogue's, for a reader of another language)."""
    return gap.join(
        translate(template).format(**values) if values else translate(template)
        for template, values in note_parts(table, basis)
    )


@dataclass(frozen=True, eq=False)
class ShockEffects:
    """Effects of a final-demand shock by sector, in yuan: direct (the shock's own round) and
    indirect (every further round, L f - f). Imports are by purchasing sector."""

    codes: tuple[str, ...]
    names: tuple[str, ...]
    basis: Basis
    shock: Vector
    output_indirect: Vector
    value_added_direct: Vector
    value_added_indirect: Vector
    imports_direct: Vector
    imports_indirect: Vector
    note: str
    unit: str = "CNY"
    names_zh: tuple[str, ...] = ()  # the sectors' Chinese names, when the table gives them

    @property
    def output_direct(self) -> Vector:
        return self.shock

    @property
    def output_total(self) -> Vector:
        return self.shock + self.output_indirect

    @property
    def value_added_total(self) -> Vector:
        return self.value_added_direct + self.value_added_indirect

    @property
    def imports_total(self) -> Vector:
        return self.imports_direct + self.imports_indirect

    def totals(self) -> dict[str, float]:
        """Economy-wide sums of every column of to_frame()."""
        return {k: float(v) for k, v in self.to_frame().drop(columns="name").sum().items()}

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "name": self.names,
                "final_demand": self.shock,
                "output_direct": self.output_direct,
                "output_indirect": self.output_indirect,
                "output_total": self.output_total,
                "value_added_direct": self.value_added_direct,
                "value_added_indirect": self.value_added_indirect,
                "value_added_total": self.value_added_total,
                "imports_direct": self.imports_direct,
                "imports_indirect": self.imports_indirect,
                "imports_total": self.imports_total,
            },
            index=pd.Index(self.codes, name="code"),
        )

    def to_dict(self) -> dict[str, Any]:
        frame = self.to_frame()
        return {
            "note": self.note,
            "unit": self.unit,
            "basis": self.basis,
            "totals": self.totals(),
            "sectors": frame.reset_index().to_dict(orient="records"),
        }


@dataclass(frozen=True, eq=False)
class LeontiefModel:
    """Multipliers and linkages of one table on one basis; L, B and G on demand."""

    table: IOTable
    basis: Basis
    A: NDArray[np.float64]
    A_imports: NDArray[np.float64] | None
    value_added_coefficients: Vector
    output_multipliers: Vector
    value_added_multipliers: Vector
    import_multipliers: Vector
    backward_linkages: Vector
    forward_linkages: Vector
    forward_linkages_ghosh: Vector
    note: str
    _solver: Propagator = field(repr=False)

    @property
    def codes(self) -> tuple[str, ...]:
        return self.table.codes

    @cached_property
    def L(self) -> NDArray[np.float64]:
        """Leontief inverse (I - A)^-1, formed from the stored factors on first use."""
        return self._solver.inverse()

    @cached_property
    def B(self) -> NDArray[np.float64]:
        """Ghosh allocation coefficients X^-1 A X (zero rows for zero-output sectors)."""
        x = self.table.output
        return _per(x)[:, None] * self.A * x[None, :]

    @cached_property
    def G(self) -> NDArray[np.float64]:
        """Ghosh inverse (I - B)^-1 = X^-1 L X, with identity rows for zero-output sectors."""
        x = self.table.output
        g = _per(x)[:, None] * self.L * x[None, :]
        zero = np.flatnonzero(x == 0)
        g[zero, zero] = 1.0
        return g

    def solve(self, final_demand: ArrayLike) -> Vector:
        """x = L f by a solve, not by forming L."""
        return self._solver.solve(self._vector(final_demand, "final demand"))

    def ghosh_output(self, primary_inputs: ArrayLike) -> Vector:
        """Supply-driven output x' = v' G (Ghosh) for primary inputs v: every input not
        allocated through B (value added; on the domestic basis imported inputs; inputs of a
        zero-output product, which has no output to allocate)."""
        v = self._vector(primary_inputs, "primary inputs")
        x = self.table.output
        return self._solver.solve_transposed(v * _per(x)) * x + np.where(x == 0, v, 0.0)

    def effects(self, final_demand: ArrayLike, *, yuan_per_unit: float = 1.0) -> ShockEffects:
        """Direct / indirect split of a final-demand shock f: direct = f, indirect = L f - f.

        `yuan_per_unit` converts f to yuan (1 when f is already in yuan). Value added is v * x
        and imports (by purchasing sector) are the import coefficients' column sums * x.
        """
        f = self._vector(final_demand, "final demand") * yuan_per_unit
        indirect = self._solver.solve(f) - f
        m = self._import_content()
        v = self.value_added_coefficients
        return ShockEffects(
            codes=self.table.codes,
            names=self.table.names,
            basis=self.basis,
            shock=f,
            output_indirect=indirect,
            value_added_direct=v * f,
            value_added_indirect=v * indirect,
            imports_direct=m * f,
            imports_indirect=m * indirect,
            note=self.note,
            names_zh=self.table.names_zh,
        )

    def _import_content(self) -> Vector:
        if self.A_imports is None:
            return np.zeros(self.table.n)
        return self.A_imports.sum(axis=0)

    def _vector(self, values: ArrayLike, what: str) -> Vector:
        f = np.asarray(values, dtype=float)
        if f.shape != (self.table.n,):
            raise AnalysisError(f"{what} has shape {f.shape}, the table has {self.table.n} sectors")
        if not np.all(np.isfinite(f)):
            raise AnalysisError(f"{what} contains NaN or infinite entries")
        return f

    def to_frame(self) -> pd.DataFrame:
        """One row per sector: multipliers, linkages and the key-sector flag (both > 1)."""
        return pd.DataFrame(
            {
                "name": self.table.names,
                "output_multiplier": self.output_multipliers,
                "value_added_multiplier": self.value_added_multipliers,
                "import_multiplier": self.import_multipliers,
                "backward_linkage": self.backward_linkages,
                "forward_linkage": self.forward_linkages,
                "forward_linkage_ghosh": self.forward_linkages_ghosh,
                "key_sector": (self.backward_linkages > 1) & (self.forward_linkages > 1),
            },
            index=pd.Index(self.table.codes, name="code"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "note": self.note,
            "basis": self.basis,
            "table": self.table.source,
            "layout": self.table.layout,
            "sectors": self.to_frame().reset_index().to_dict(orient="records"),
        }


def _per(x: Vector) -> Vector:
    return np.divide(1.0, x, out=np.zeros_like(x), where=x != 0)


def _relative(values: Vector) -> Vector:
    mean = values.mean()
    return values / mean if mean else np.zeros_like(values)


def leontief(table: IOTable, *, basis: Basis = "domestic") -> LeontiefModel:
    """Multipliers and Rasmussen linkages of `table` from one factorisation of I - A."""
    a, a_imports = table.coefficients(basis)
    solver = Propagator(a, name="A")
    ones = np.ones(table.n)
    colsums = solver.solve_transposed(ones)  # 1' L
    rowsums = solver.solve(ones)  # L 1
    x = table.output
    ghosh_rowsums = _per(x) * solver.solve(x) + (x == 0)  # G 1 = X^-1 L x (+1 on zero rows)
    v = table.value_added_coefficients()
    if a_imports is None:
        import_multipliers = np.zeros(table.n)
    else:
        import_multipliers = solver.solve_transposed(a_imports.sum(axis=0))
    return LeontiefModel(
        table=table,
        basis=basis,
        A=a,
        A_imports=a_imports,
        value_added_coefficients=v,
        output_multipliers=colsums,
        value_added_multipliers=solver.solve_transposed(v),
        import_multipliers=import_multipliers,
        backward_linkages=_relative(colsums),
        forward_linkages=_relative(rowsums),
        forward_linkages_ghosh=_relative(ghosh_rowsums),
        note=note_text(table, basis),
        _solver=solver,
    )
