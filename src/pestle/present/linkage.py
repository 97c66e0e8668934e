"""The input-output model's notes and sector names in the reader's language.

The analysis writes its notes in English from sentence templates (`leontief.note_text`,
`messages.SHOCK_NOTE`): that is what results.json and the terminal carry. A report or page
writes the same templates through the catalogue, whose msgids they are; in English the
words are the analysis's own, to the character (tested). A table's own note has no entry
and reads as its maker wrote it."""

from __future__ import annotations

from typing import Any

from pestle.present import i18n
from pestle.present.i18n import gettext as _
from pestle.present.i18n import pick


def model_note(model: Any) -> str:
    """What the coefficients are and how imports are treated (a `LeontiefModel`)."""
    # imported here: the input-output code brings pandas, which a page need not load
    from pestle.analysis.linkage.leontief import note_text
    from pestle.present import format as fmt

    # sentences follow one another as the reader's language writes them (Chinese: no space)
    return note_text(model.table, model.basis, _, gap=fmt.separator(" "))


def shock_note(model: Any, price_basis: Any) -> str:
    """The model's note and how the shock is made (`CompositeEffects.note`)."""
    from pestle.analysis.linkage.messages import SHOCK_NOTE

    return _(SHOCK_NOTE).format(model=model_note(model), basis=pick(price_basis))


def sector_names(effects: Any) -> dict[str, str]:
    """Sector code -> its name in the reader's language (a table's Chinese column when the
    report is in Chinese and the table has one; else the table's own names)."""
    central = getattr(effects, "central", effects)  # `CompositeEffects` or `ShockEffects`
    names = central.names
    if i18n.current() == "zh" and len(central.names_zh) == len(names):
        names = central.names_zh
    return dict(zip(central.codes, names, strict=True))


def assumption_lines(config: Any, effects: Any) -> list[str]:
    """The prices and sector shares the case states as assumptions (its linkage file), one
    line a segment, in the reader's words: the segment and sectors by name, yuan a tonne,
    shares as percentages (results.json keeps the analysis's own lines, with ids)."""
    from pestle.present import format as fmt
    from pestle.present.charts import segment_name

    sectors = sector_names(effects)
    gap = fmt.separator(", ")
    lines = []
    for code, segment in config.segments.items():
        price, shares = segment.price, segment.sectors
        if code not in effects.tonnes or not (price.assumption or shares.assumption):
            continue
        bought = gap.join(
            f"{sectors.get(sector, sector)} ({sector}) {fmt.share(value, 0)}"
            for sector, value in shares.shares.items()
        )
        lines.append(
            _(
                "{segment}: {low} to {high} a tonne ({price_reason}); bought from {sectors} "
                "({shares_reason})"
            ).format(
                segment=segment_name(code),
                low=fmt.money(price.range[0]),
                high=fmt.money(price.range[1]),
                price_reason=pick(price.reason or price.source or ""),
                sectors=bought,
                shares_reason=pick(shares.reason or shares.source or ""),
            )
        )
    return lines
