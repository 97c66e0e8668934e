"""The input-output model's notes in the reader's language.

The analysis writes its notes in English (`leontief._notes`, `shock.composite_effects`):
they are what results.json and the terminal carry. A report or page in another language
writes the same sentences from the same facts (the table, its basis and imports, the case's
price basis) through the catalogue; in English the words are the analysis's own, to the
character (tested)."""

from __future__ import annotations

from typing import Any

from pestle.present import i18n
from pestle.present.i18n import gettext as _
from pestle.present.i18n import pick


def model_note(model: Any) -> str:
    """What the coefficients are and how imports are treated (a `LeontiefModel`)."""
    # imported here: the input-output reader brings pandas, which a page need not load
    from pestle.analysis.linkage.io_table import NATIONAL_NOTE

    table = model.table
    parts = []
    if table.note:
        parts.append(
            _(
                "National coefficients: China 2020 input-output table (National Bureau of "
                "Statistics); no regional table exists for the case's region, so effects are "
                "national-average effects of the demand, not effects inside the region."
            )
            if table.note == NATIONAL_NOTE
            else table.note  # a table's own note, as its reader gave it
        )
    if model.basis == "total":
        parts.append(
            _(
                "Total basis: imported inputs are treated as domestic production (A = all "
                "intermediate inputs / GO), so import effects are zero and value-added "
                "multipliers 1 by construction."
            )
        )
    elif table.Z_imports is None:
        parts.append(
            _(
                "Imports approximated: the table has competitive imports (one IM column), so "
                "each product's import share IM / (intermediate use + final use) is applied to "
                "every user of that product (proportionality assumption)."
            )
        )
    else:
        parts.append(_("Imports from the table's import coefficient block (non-competitive)."))
    zero = int(table.zero_output.sum())
    if zero:
        parts.append(
            _(
                "{count} sector(s) with zero gross output get zero coefficient columns and "
                "identity Ghosh rows (no NaN)."
            ).format(count=zero)
        )
    return " ".join(parts)


def shock_note(model: Any, price_basis: Any) -> str:
    """The model's note and how the shock is made (`CompositeEffects.note`)."""
    return _(
        "{model} Shock = tonnes x price x sector share, {basis}; prices and shares are "
        "stated assumptions (see assumptions); the shock is treated as demand on domestic "
        "producers."
    ).format(model=model_note(model), basis=pick(price_basis))


def sector_names(effects: Any) -> dict[str, str]:
    """Sector code -> its name in the reader's language (a table's Chinese column when the
    report is in Chinese and the table has one; else the table's own names)."""
    central = getattr(effects, "central", effects)  # `CompositeEffects` or `ShockEffects`
    names = central.names
    chinese = getattr(central, "names_zh", ())
    if i18n.current() == "zh" and len(chinese) == len(names):
        names = chinese
    return dict(zip(central.codes, names, strict=True))
