"""The sentences of the input-output model's notes, English with ``{placeholders}``, marked
for the catalogue.

`leontief.note_parts` picks the model's sentences and `shock.composite_effects` wraps them
in `SHOCK_NOTE`; the English is what results.json and the terminal carry. A report in
another language writes the same sentences from the catalogue (src/pestle/locale/,
extracted from this file by babel.cfg; `pestle.present.linkage`).
"""

from __future__ import annotations

from pestle.languages import N_

NATIONAL_NOTE = N_(
    "National coefficients: China 2020 input-output table (National Bureau of Statistics); "
    "no regional table exists for the case's region, so effects are national-average effects "
    "of the demand, not effects inside the region."
)
TOTAL_BASIS = N_(
    "Total basis: imported inputs are treated as domestic production (A = all "
    "intermediate inputs / GO), so import effects are zero and value-added multipliers "
    "1 by construction."
)
IMPORTS_APPROXIMATED = N_(
    "Imports approximated: the table has competitive imports (one IM column), so each "
    "product's import share IM / (intermediate use + final use) is applied to every "
    "user of that product (proportionality assumption)."
)
IMPORTS_BLOCK = N_("Imports from the table's import coefficient block (non-competitive).")
ZERO_OUTPUT = N_(
    "{count} sector(s) with zero gross output get zero coefficient columns and "
    "identity Ghosh rows (no NaN)."
)
SHOCK_NOTE = N_(
    "{model} Shock = tonnes x price x sector share, {basis}; prices and shares are stated "
    "assumptions (see assumptions); the shock is treated as demand on domestic producers."
)
