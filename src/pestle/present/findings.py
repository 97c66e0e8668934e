"""What a consistency finding says, in the reader's language (report and dashboard).

The checks store every text of a finding in English (results.json and the terminal show
it, whatever the reader's language) and, beside it, what the text says in no language: a
message code and typed parameters (`pestle.checks.said.Say`). In English this module
returns the stored text unchanged; in another language it writes the sentence from the
catalogue's translation of the code's English wording (`pestle.checks.messages`), with
the parameters in that language's formats: amounts in 万/亿 units, periods as 2025年第一季度,
codes of a closed vocabulary through `format.words`. Words someone else wrote (a quote of
the document, a source, a name) stay as written. A text a rule gave no code keeps its
English.
"""

from __future__ import annotations

import math
from typing import Any

from pestle.checks.messages import MESSAGES
from pestle.checks.said import (
    Amount,
    Code,
    Join,
    Natural,
    Num,
    Say,
    Text,
    Unit,
    When,
    Years,
    number_text,
)
from pestle.checks.units import unit_name
from pestle.present import format as fmt
from pestle.present.i18n import SOURCE, pick, resolve
from pestle.present.i18n import gettext as _


def text(english: str, said: Say | None, locale: str | None = None) -> str:
    """`english` (a stored text of a finding) in the reader's language."""
    lang = resolve(locale)
    if lang == SOURCE or said is None:
        return english
    return render(said, lang)


def render(p: Any, lang: str) -> str:
    """A parameter, or a whole sentence, in `lang` (the active language's catalogue)."""
    if isinstance(p, Say):
        values = {k: render(v, lang) for k, v in p.params.items()}
        return _(MESSAGES[p.code]).format(**values)
    if isinstance(p, Num):
        return fmt.qualifier(p.qualifier, locale=lang) + _number(p, lang)
    if isinstance(p, Amount):
        return fmt.stated(p.value, p.unit, p.scale, p.places, p.qualifier, locale=lang)
    if isinstance(p, Natural):
        return fmt.exact(p.value, p.unit, p.qualifier, locale=lang)
    if isinstance(p, Unit):
        found = fmt.step(p.unit, p.scale, locale=lang) if p.steps else None
        return found[1] if found is not None else fmt.unit_words(p.unit, p.scale, locale=lang)
    if isinstance(p, When):
        return fmt.period(p.period, locale=lang) if p.period else _("no period stated")
    if isinstance(p, Years):
        if p.first == p.last:
            return fmt.year(p.first, locale=lang)
        return fmt.years(p.first, p.last, locale=lang)
    if isinstance(p, Text):
        return pick(p.text, lang)
    if isinstance(p, Code):
        return fmt.words(p.code)
    if isinstance(p, Join):
        return fmt.separator(p.sep, locale=lang).join(render(i, lang) for i in p.items)
    raise TypeError(f"not a parameter of a sentence: {p!r}")


def _number(p: Num, lang: str) -> str:
    """A number's digits; one counted in a unit's scale, in the language's own step (46.1
    million kilowatts -> 4,610 in 万千瓦), its stated decimals kept as far as they go."""
    found = fmt.step(p.unit, p.scale, locale=lang) if p.unit is not None else None
    if found is None:
        return number_text(p)
    step = found[0]
    value = p.value * p.scale / step
    shift = round(math.log10(p.scale / step))
    places = None if p.places is None else max(0, p.places - shift)
    return number_text(Num(value=value, places=places, trim=p.trim))


def title(f: Any) -> str:
    return text(f.title, f.title_said)


def message(f: Any) -> str:
    return text(f.message, f.message_said)


def figure(fig: Any) -> str:
    """One side of a comparison (expected, actual), or a dash."""
    return text(fig.text, fig.text_said) if fig is not None else "—"


def tolerance(t: Any) -> str:
    """How far apart the figures may be, and why (or a dash)."""
    if t is None:
        return "—"
    lang = resolve(None)
    if lang == SOURCE or t.why_said is None:
        return t.text
    why = render(t.why_said, lang)
    if t.unit == "×":
        return _("within a factor of {factor} ({why})").format(factor=f"{t.value:.4g}", why=why)
    value, unit = _tolerance_in(t.value, t.unit, lang)
    return _("±{value} {unit} ({why})").format(value=f"{value:.4g}", unit=unit, why=why)


def _tolerance_in(value: float, name: str, lang: str) -> tuple[float, str]:
    """A tolerance and its unit, which the checks name as `checks.units.unit_name` does
    (100 million yuan, million kilowatts, pp, count), in `lang`'s own unit and step; a
    name it does not know stays as it is."""
    if name in ("pp", "%"):
        return value, fmt.unit_words(name, locale=lang)
    if name == "count":
        return value, ""
    found = _UNIT_NAMES.get(name)
    if found is None:
        return value, name
    step = fmt.step(*found, locale=lang)
    if step is not None:
        return value * found[1] / step[0], step[1]
    return value, fmt.unit_words(*found, locale=lang)


# every (unit, scale) a check may name, by its English name: 'million kilowatts' -> ('W', 1e9)
_UNIT_NAMES = {
    unit_name(code, 10.0**k): (code, 10.0**k)
    for code in ("CNY", "USD", "W", "Wh", "t", "kg", "km")
    for k in range(16)
}


def readings(f: Any) -> list[tuple[str, bool]]:
    """Each reading of a finding in the reader's words, and whether it is benign."""
    said = f.readings_said if len(f.readings_said) == len(f.readings) else (None,) * len(f.readings)
    return [(text(r, s), r in f.benign_readings) for r, s in zip(f.readings, said, strict=True)]


def row(r: Any) -> str:
    """One place a root cause affects, with its correction and how sure it is."""
    return text(r.text, r.text_said)
