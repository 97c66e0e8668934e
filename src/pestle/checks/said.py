"""What a finding says, in no language: a message code and its typed parameters.

A rule does not write its sentences; it names one (`code`, a key of
`pestle.checks.messages.MESSAGES`, whose value is the English wording with ``{name}``
placeholders) and gives the parameters as values: numbers stay numbers, an amount keeps
its unit, stated scale and decimals, a period stays a period, a code of a closed
vocabulary stays a code. `english` writes the sentence as the checks always have (the
`message`, `title` ... fields of a finding, which the JSON and the terminal show); the
presentation layer writes the same `Say` in the reader's language from the catalogue
(`pestle.present.findings`), with its own number formats.

Parameter kinds:

- `Num`: a plain number (``fmt`` of `checks.units`, or a Python format spec: ``.2f``);
- `Amount`: a canonical value shown in the scale the document used (149.62 × 100 million
  yuan), with the decimals it wrote and its qualifier (more than ...);
- `Natural`: a canonical value in the words a reader expects (149.62 billion yuan);
- `Unit`: the name of a unit at a scale (100 million yuan);
- `When`: a period (ISO interval) or none; `Years`: a span of calendar years;
- `Text`: words written by someone else (a document's quote, a case's name, a source):
  shown as written, a name the case gives per language in the reader's;
- `Code`: a word of a closed vocabulary (a project status): the catalogue translates it;
- `Say`: a sentence inside a sentence; `Join`: several parameters in a list.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pestle.checks.compare import words
from pestle.checks.periods import label
from pestle.checks.units import amount, fmt, natural, unit_name
from pestle.model import Period
from pestle.model.text import CaseText


class _Param(BaseModel):
    model_config = ConfigDict(frozen=True)


class Num(_Param):
    """A number; `spec` is a Python format spec (``.2f``), else `places` decimals (or
    `checks.units.fmt`'s choice when None)."""

    kind: Literal["num"] = "num"
    value: float
    places: int | None = None
    spec: str | None = None
    qualifier: str = "="
    trim: bool = False  # trailing zeros of `places` dropped (59.30 -> 59.3)
    # a number counted in `unit` × `scale` (46.1 million kilowatts: 'W', 1e9): a language
    # whose statistics count in other steps (万千瓦) may rescale it, with the `Unit` of `steps`
    unit: str | None = None
    scale: float = 1.0


class Amount(_Param):
    """A canonical value in the document's scale: value / scale with `places` decimals."""

    kind: Literal["amount"] = "amount"
    value: float
    unit: str
    scale: float = 1.0
    places: int | None = None
    qualifier: str = "="


class Natural(_Param):
    """A canonical value in the largest word of its unit that keeps it exact."""

    kind: Literal["natural"] = "natural"
    value: float
    unit: str
    qualifier: str = "="


class Unit(_Param):
    """The name of a unit at a scale: ('CNY', 1e8) is '100 million yuan'."""

    kind: Literal["unit"] = "unit"
    unit: str
    scale: float = 1.0
    # the unit of numbers `Num(unit=..., scale=...)`: a language may name its own step
    # (万千瓦 for million kilowatts) as it rescales them; without it the unit is named as is
    steps: bool = False


class When(_Param):
    """A period (ISO interval `start/end`), or None: no period stated."""

    kind: Literal["period"] = "period"
    period: str | None = None


class Years(_Param):
    """Calendar years first..last (one year when they are equal)."""

    kind: Literal["years"] = "years"
    first: int
    last: int


class Text(_Param):
    """Words as someone else wrote them (a quote, a name, a source): never translated."""

    kind: Literal["text"] = "text"
    # a name the case writes per language stays a `CaseText`: the reader's form is picked
    # where it is shown; JSON holds the case's own form, the same in every language
    text: CaseText


class Code(_Param):
    """A code of a closed vocabulary (``in_operation``): its words in each language."""

    kind: Literal["code"] = "code"
    code: str


class Join(_Param):
    """Parameters listed with a separator (each language writes its own)."""

    kind: Literal["join"] = "join"
    items: tuple[Param, ...]
    sep: Literal["; ", ", ", " + ", " and ", " ", ""] = "; "


class Say(_Param):
    """A sentence: a message code and its parameters."""

    kind: Literal["say"] = "say"
    code: str
    params: dict[str, Param] = Field(default_factory=dict)
    # written as the start of a sentence (a finding's title or message quoted in another)
    capital: bool = False

    @property
    def english(self) -> str:
        return english(self)


Param = Annotated[
    Num | Amount | Natural | Unit | When | Years | Text | Code | Join | Say,
    Field(discriminator="kind"),
]

Join.model_rebuild()
Say.model_rebuild()


def param(value: Any) -> Param:
    """A parameter from a plain value: a str is a `Text`, a number a `Num`."""
    if isinstance(value, _Param):
        return value  # type: ignore[return-value]
    if isinstance(value, bool):
        raise TypeError("a truth value is no parameter of a sentence")
    if isinstance(value, int | float):
        return Num(value=value)
    if isinstance(value, Period):
        return When(period=value.iso())
    if isinstance(value, str):
        return Text(text=value)
    raise TypeError(f"cannot say a {type(value).__name__}")


def say(code: str, **params: Any) -> Say:
    """The sentence `code` with its parameters (the code must be one of `MESSAGES`)."""
    from pestle.checks.messages import MESSAGES

    if code not in MESSAGES:
        raise KeyError(f"no message {code!r} in pestle.checks.messages")
    return Say(code=code, params={k: param(v) for k, v in params.items()})


def when(period: Period | None) -> When:
    return When(period=period.iso() if period is not None else None)


def join(items: Any, sep: Literal["; ", ", ", " + ", " and ", " ", ""] = "; ") -> Join:
    return Join(items=tuple(param(i) for i in items), sep=sep)


def said(field: str, code: str, **params: Any) -> dict[str, Any]:
    """The keyword arguments of a model field written by a sentence: ``field`` holds the
    English text, ``field_said`` what was said (``Finding(**said("message", ...))``)."""
    sentence = say(code, **params)
    return {field: english(sentence), f"{field}_said": sentence}


def number_text(p: Num) -> str:
    """A `Num`'s digits (the same in every language pestle writes)."""
    text = format(p.value, p.spec) if p.spec is not None else fmt(p.value, p.places)
    return text.rstrip("0").rstrip(".") if p.trim and "." in text else text


def english(p: Param) -> str:
    """A parameter, or a whole sentence, in English as the checks write it."""
    from pestle.checks.messages import MESSAGES

    if isinstance(p, Say):
        values = {k: english(v) for k, v in p.params.items()}
        text = MESSAGES[p.code].format(**values)
        return text[:1].upper() + text[1:] if p.capital else text
    if isinstance(p, Num):
        return words(p.qualifier) + number_text(p)
    if isinstance(p, Amount):
        return words(p.qualifier) + amount(p.value, p.unit, p.scale, p.places)
    if isinstance(p, Natural):
        return words(p.qualifier) + natural(p.value, p.unit)
    if isinstance(p, Unit):
        return unit_name(p.unit, p.scale)
    if isinstance(p, When):
        return label(Period.parse(p.period) if p.period is not None else None)
    if isinstance(p, Years):
        return str(p.first) if p.first == p.last else f"{p.first}–{p.last}"
    if isinstance(p, Text):
        return p.text
    if isinstance(p, Code):
        return p.code.replace("_", " ")
    if isinstance(p, Join):
        return p.sep.join(english(i) for i in p.items)
    raise TypeError(f"not a parameter: {p!r}")
