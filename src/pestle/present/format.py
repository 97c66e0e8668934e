"""Numbers for people: the only place in pestle where a number becomes a string.

One style everywhere (issue 7): ``472.9 billion yuan``, ``10 GW``, ``5.6 %``, ``0.2 pp``,
ranges as ``12–18 kt``. A value and its unit are separated by a no-break space so that
they never wrap apart; ranges use an en dash and share one scale chosen from the larger
end. Magnitudes are scaled to the largest word or prefix that keeps the mantissa >= 1.

Every function takes a `locale` (default: the active language, `i18n.current()`). Chinese
uses the units of Chinese statistics: ``4,729.1亿元``, ``1,000万千瓦``, ``1.2万吨``,
``5.6%``, ``0.2个百分点``, ``2025年第一季度``; the number and its unit are not spaced.

Precision: mantissas of 100 or more keep one decimal only when it is not zero
(``472.9``, ``894``), mantissas from 10 to 100 keep one decimal, below 10 two; trailing
zeros are dropped, so a stated ``10 million kilowatts`` reads ``10 GW``, not ``10.00 GW``.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from pestle.model.period import Period
from pestle.present.i18n import N_, pick, resolve
from pestle.present.i18n import gettext as _

NBSP = "\u00a0"
DASH = "\u2013"  # en dash, for ranges
MINUS = "\u2212"

_QUALIFIER_WORDS = {
    "=": "",
    ">": "more than ",
    ">=": "at least ",
    "<": "less than ",
    "<=": "at most ",
    "~": "about ",
}

_QUALIFIER_WORDS_ZH = {"=": "", ">": "超过", ">=": "至少", "<": "不足", "<=": "至多", "~": "约"}

# (threshold, word) from largest to smallest; values below the last are written in full.
_MONEY_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_SI_PREFIXES = ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"))
_MASS_SCALES = ((1e9, "Gt"), (1e6, "Mt"), (1e3, "kt"))
_CURRENCY_WORDS = {"CNY": "yuan", "USD": "US dollars"}
# Chinese: 万 (1e4) and 亿 (1e8) steps, as statistical bulletins write them
_MONEY_SCALES_ZH = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
_CURRENCY_ZH = {"CNY": "元", "USD": "美元"}
_POWER_SCALES_ZH = ((1e11, "亿千瓦"), (1e7, "万千瓦"), (1e3, "千瓦"))
_ENERGY_SCALES_ZH = ((1e11, "亿千瓦时"), (1e7, "万千瓦时"), (1e3, "千瓦时"))
_MASS_SCALES_ZH = ((1e8, "亿吨"), (1e4, "万吨"))


# each language's form of the English separators: "; " between clauses, ", " between
# items, " and " before the last, " " between sentences
_SEPARATORS = {"zh": {"; ": "；", ", ": "、", " and ": "和", " ": ""}}


def _zh(locale: str | None) -> bool:
    return resolve(locale) == "zh"


def separator(english: str, *, locale: str | None = None) -> str:
    """An English separator ("; ", ", ", " and ", " ") in the reader's language."""
    return _SEPARATORS.get(resolve(locale), {}).get(english, english)


def _trim(text: str) -> str:
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _decimals_for(mantissa: float) -> int:
    m = abs(mantissa)
    if m >= 10:
        return 1
    return 2


def number(
    value: float, decimals: int | None = None, *, grouping: bool = True, fixed: bool = False
) -> str:
    """A plain number: thousands separators, a true minus sign, trailing zeros dropped
    (kept with `fixed`, for rates whose stated precision matters: 5.0 %)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "n/a"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else _decimals_for(value)
    text = f"{abs(value):,.{decimals}f}" if grouping else f"{abs(value):.{decimals}f}"
    if not fixed:
        text = _trim(text)
    elif float(text.replace(",", "")) == 0:
        return text
    if text in {"0", ""}:
        return "0"
    return (MINUS if value < 0 else "") + text


def _scaled(value: float, scales: tuple[tuple[float, str], ...]) -> tuple[float, str]:
    for threshold, word in scales:
        if abs(value) >= threshold:
            return value / threshold, word
    return value, ""


def _mantissa(value: float, decimals: int | None) -> str:
    return number(value, _decimals_for(value) if decimals is None else decimals)


def money(
    value: float, currency: str = "CNY", decimals: int | None = None, *, locale: str | None = None
) -> str:
    """``472.9 billion yuan``; ``2 trillion yuan``; ``28.6 billion yuan`` (zh: ``4,729.1亿元``)."""
    if _zh(locale):
        m, word = _scaled(value, _MONEY_SCALES_ZH)
        return f"{_mantissa(m, decimals)}{word}{_CURRENCY_ZH.get(currency, currency)}"
    m, word = _scaled(value, _MONEY_SCALES)
    unit = _CURRENCY_WORDS.get(currency, currency)
    return f"{_mantissa(m, decimals)}{NBSP}{word + ' ' if word else ''}{unit}"


def power(
    watts: float, decimals: int | None = None, unit: str = "W", *, locale: str | None = None
) -> str:
    """``10 GW``, ``6.1 GW``, ``800 kV``-style SI prefixes for W and Wh (zh: ``1,000万千瓦``,
    ``12.3亿千瓦时``)."""
    if _zh(locale):
        scales = _ENERGY_SCALES_ZH if unit == "Wh" else _POWER_SCALES_ZH
        m, word = _scaled(watts, scales)
        return f"{_mantissa(m, decimals)}{word or ('瓦时' if unit == 'Wh' else '瓦')}"
    m, prefix = _scaled(watts, _SI_PREFIXES)
    return f"{_mantissa(m, decimals)}{NBSP}{prefix}{unit}"


def mass(tonnes: float, decimals: int | None = None, *, locale: str | None = None) -> str:
    """``850 t``, ``12 kt``, ``1.2 Mt`` (input in tonnes; zh: ``850吨``, ``1.2万吨``)."""
    if _zh(locale):
        m, word = _scaled(tonnes, _MASS_SCALES_ZH)
        return f"{_mantissa(m, decimals)}{word or '吨'}"
    m, unit = _scaled(tonnes, _MASS_SCALES)
    return f"{_mantissa(m, decimals)}{NBSP}{unit or 't'}"


def percent(value: float, decimals: int = 1, *, locale: str | None = None) -> str:
    """A percentage as written, at fixed precision (5.6 -> ``5.6 %``, 5 -> ``5.0 %``;
    zh: ``5.6%``)."""
    space = "" if _zh(locale) else NBSP
    return f"{number(value, decimals, fixed=True)}{space}%"


def share(fraction: float, decimals: int = 1, *, locale: str | None = None) -> str:
    """A fraction as a percentage (0.549 -> ``54.9 %``)."""
    return percent(fraction * 100.0, decimals, locale=locale)


def points(value: float, decimals: int = 1, *, locale: str | None = None) -> str:
    """Percentage points (``0.2 pp``; zh: ``0.2个百分点``), signed when asked by the caller
    via `signed`."""
    if _zh(locale):
        return f"{number(value, decimals, fixed=True)}个百分点"
    return f"{number(value, decimals, fixed=True)}{NBSP}pp"


def signed(text: str, value: float) -> str:
    """Prefix a formatted non-negative number with ``+`` (negatives already carry −)."""
    return f"+{text}" if value > 0 else text


def decimal(value: float, decimals: int = 3) -> str:
    """A coefficient or weight with fixed decimals (``0.234``, ``0.087``)."""
    if value is None or not math.isfinite(value):
        return "n/a"
    text = f"{abs(value):.{decimals}f}"
    if float(text) == 0:
        return f"{0:.{decimals}f}"
    return (MINUS if value < 0 else "") + text


def count(value: float) -> str:
    """Things counted: ``25``, ``1,878``."""
    return number(round(value), 0)


def length(km: float, decimals: int | None = None, *, locale: str | None = None) -> str:
    unit = "公里" if _zh(locale) else f"{NBSP}km"
    return f"{number(km, 0 if decimals is None else decimals)}{unit}"


def voltage(kv: float, *, locale: str | None = None) -> str:
    unit = "千伏" if _zh(locale) else f"{NBSP}kV"
    return f"{number(kv, 0)}{unit}"


def quantity(
    value: float,
    unit: str,
    qualifier: str = "=",
    decimals: int | None = None,
    *,
    locale: str | None = None,
) -> str:
    """Any claim-shaped value in its canonical unit (DESIGN.md unit codes)."""
    lang = resolve(locale)
    body: str
    if unit in _CURRENCY_WORDS:
        body = money(value, unit, decimals, locale=lang)
    elif unit in {"W", "Wh"}:
        body = power(value, decimals, unit, locale=lang)
    elif unit == "t":
        body = mass(value, decimals, locale=lang)
    elif unit == "kg":
        body = mass(value / 1000.0, decimals, locale=lang)
    elif unit == "km":
        body = length(value, decimals, locale=lang)
    elif unit == "%":
        body = percent(value, 1 if decimals is None else decimals, locale=lang)
    elif unit == "fraction":
        body = share(value, 1 if decimals is None else decimals, locale=lang)
    elif unit == "pp":
        body = points(value, 1 if decimals is None else decimals, locale=lang)
    elif unit == "count":
        body = count(value)
    elif unit == "kV" and lang == "zh":
        body = voltage(value, locale=lang)
    else:
        body = f"{number(value, decimals)}{NBSP}{unit}" if unit else number(value, decimals)
    words = _QUALIFIER_WORDS_ZH if lang == "zh" else _QUALIFIER_WORDS
    return words.get(qualifier, "") + body


def qualifier(code: str, *, locale: str | None = None) -> str:
    """The words before a qualified figure: ``more than `` (zh: ``超过``)."""
    words = _QUALIFIER_WORDS_ZH if _zh(locale) else _QUALIFIER_WORDS
    return words.get(code, "")


# Chinese: the names of powers of ten, and each unit's word (with the power of ten that word
# already means: 千瓦 is 1e3 W), for a unit at the scale a document wrote it in
_POWERS_ZH = {
    0: "",
    3: "千",
    4: "万",
    6: "百万",
    7: "千万",
    8: "亿",
    9: "十亿",
    10: "百亿",
    12: "万亿",
}
_UNIT_ZH = {
    "CNY": ("元", 0),
    "USD": ("美元", 0),
    "W": ("千瓦", 3),
    "Wh": ("千瓦时", 3),
    "t": ("吨", 0),
    "kg": ("千克", 0),
    "km": ("公里", 0),
}
# the scales Chinese statistics write each unit in (a figure's 万 or 亿 step)
_STEPS_ZH = {
    "CNY": _MONEY_SCALES_ZH,
    "USD": _MONEY_SCALES_ZH,
    "W": _POWER_SCALES_ZH,
    "Wh": _ENERGY_SCALES_ZH,
    "t": _MASS_SCALES_ZH,
}


def unit_words(unit: str, scale: float = 1.0, *, locale: str | None = None) -> str:
    """A unit at a scale, as a figure's unit is named: ('CNY', 1e8) -> ``100 million yuan``
    (zh: ``亿元``); ('W', 1e10) -> ``10 million kilowatts`` (zh: ``千万千瓦``)."""
    if not _zh(locale):
        from pestle.checks.units import unit_name  # the checks' own English names

        return unit_name(unit, scale)
    if unit in ("%", "pp"):
        return "%" if unit == "%" else "个百分点"
    if unit == "count":
        return ""
    word, power10 = _UNIT_ZH.get(unit, (unit, 0))
    k = round(math.log10(scale)) - power10 if scale > 0 else 0
    return f"{_POWERS_ZH.get(k, f'×10^{k}')}{word}"


def step(unit: str, scale: float, *, locale: str | None = None) -> tuple[float, str] | None:
    """The step (and its name) a language counts numbers of `unit` at `scale` in, when it is
    not `scale` itself: Chinese counts million kilowatts (1e9 W) in 万千瓦 (1e7 W), billions
    of yuan in 亿元; None when the numbers stay as they are."""
    if not _zh(locale) or unit not in _STEPS_ZH:
        return None
    for threshold, word in _STEPS_ZH[unit]:
        if threshold <= scale * 1.0000001:
            name = word + _CURRENCY_ZH[unit] if unit in _CURRENCY_ZH else word
            return (threshold, name) if threshold != scale else None
    return None


def stated(
    value: float,
    unit: str,
    scale: float = 1.0,
    places: int | None = None,
    qualifier_code: str = "=",
    *,
    locale: str | None = None,
) -> str:
    """A figure as a document stated it, at its precision: `places` decimals of
    value / `scale`. Chinese takes the 万/亿 step of its statistics and as many decimals as
    keep the stated precision (472.909 billion yuan, 3 decimals -> ``4,729.09亿元``)."""
    if not _zh(locale) or unit not in _STEPS_ZH or places is None:
        return quantity(value, unit, qualifier_code, places, locale=locale)
    lang = resolve(locale)
    m, word = _scaled(value, _STEPS_ZH[unit])
    step = value / m if m else 1.0
    decimals = max(0, places + round(math.log10(step / scale))) if scale > 0 else places
    bare = {"W": "瓦", "Wh": "瓦时", "t": "吨"}.get(unit, "")
    if unit in _CURRENCY_ZH:
        word, bare = word + _CURRENCY_ZH[unit], _CURRENCY_ZH[unit]
    return qualifier(qualifier_code, locale=lang) + f"{number(m, decimals)}{word or bare}"


def exact(value: float, unit: str, qualifier_code: str = "=", *, locale: str | None = None) -> str:
    """A reference figure with every digit it was given (``1,774.134亿元`` ...)."""
    if value == 0 or not math.isfinite(value) or unit not in _STEPS_ZH:
        return quantity(value, unit, qualifier_code, locale=locale)
    from decimal import Decimal

    digits = -int(Decimal(repr(abs(value))).normalize().as_tuple().exponent)
    return stated(value, unit, 1.0, max(0, digits), qualifier_code, locale=locale)


def _range_zh(low: float, high: float, unit: str, decimals: int | None) -> str | None:
    """Chinese ranges in 万/亿 units (``1.2–1.8万吨``), or None for other units."""
    scales: tuple[tuple[float, str], ...]
    factor, bare = 1.0, ""
    if unit in _CURRENCY_ZH:
        scales = tuple((t, w + _CURRENCY_ZH[unit]) for t, w in _MONEY_SCALES_ZH)
        bare = _CURRENCY_ZH[unit]
    elif unit in {"W", "Wh"}:
        scales = _ENERGY_SCALES_ZH if unit == "Wh" else _POWER_SCALES_ZH
        bare = "瓦时" if unit == "Wh" else "瓦"
    elif unit in {"t", "kg"}:
        scales, bare = _MASS_SCALES_ZH, "吨"
        factor = 0.001 if unit == "kg" else 1.0
    elif unit == "%":
        d = 1 if decimals is None else decimals
        return f"{number(low, d, fixed=True)}{DASH}{number(high, d, fixed=True)}%"
    else:
        return None
    big = max(abs(low), abs(high)) * factor
    m, word = _scaled(big, scales)
    scale = big / m if m else 1.0
    lo, hi = low * factor / scale, high * factor / scale
    d = _decimals_for(max(abs(lo), abs(hi))) if decimals is None else decimals
    return f"{number(lo, d)}{DASH}{number(hi, d)}{word or bare}"


def value_range(
    low: float, high: float, unit: str, decimals: int | None = None, *, locale: str | None = None
) -> str:
    """``12–18 kt``; ``10–14 t/MW``; ``20–30 years``: one scale, from the larger end
    (zh: ``1.2–1.8万吨``)."""
    if _zh(locale):
        zh = _range_zh(low, high, unit, decimals)
        if zh is not None:
            return zh
    if unit in _CURRENCY_WORDS:
        m_hi, word = _scaled(max(abs(low), abs(high)), _MONEY_SCALES)
        scale = max(abs(low), abs(high)) / m_hi if m_hi else 1.0
        cur = _CURRENCY_WORDS[unit]
        lo, hi = low / scale, high / scale
        d = _decimals_for(max(abs(lo), abs(hi))) if decimals is None else decimals
        return f"{number(lo, d)}{DASH}{number(hi, d)}{NBSP}{word + ' ' if word else ''}{cur}"
    table: tuple[tuple[float, str], ...] | None = None
    suffix = unit
    factor = 1.0
    if unit in {"W", "Wh"}:
        table = tuple((t, p + unit) for t, p in _SI_PREFIXES)
    elif unit in {"t", "kg"}:
        table = _MASS_SCALES
        factor = 0.001 if unit == "kg" else 1.0
        suffix = "t"
    if table is not None:
        big = max(abs(low), abs(high)) * factor
        m, suffix2 = _scaled(big, table)
        scale = big / m if m else 1.0
        lo, hi = low * factor / scale, high * factor / scale
        d = _decimals_for(max(abs(lo), abs(hi))) if decimals is None else decimals
        return f"{number(lo, d)}{DASH}{number(hi, d)}{NBSP}{suffix2 or suffix}"
    if unit == "%":
        d = 1 if decimals is None else decimals
        return f"{number(low, d, fixed=True)}{DASH}{number(high, d, fixed=True)}{NBSP}%"
    d = decimals
    if d is None:
        both_int = float(low).is_integer() and float(high).is_integer()
        d = 0 if both_int else _decimals_for(max(abs(low), abs(high)))
    text = f"{number(low, d)}{DASH}{number(high, d)}"
    return f"{text}{NBSP}{unit}" if unit else text


_MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def day(d: date, *, locale: str | None = None) -> str:
    if _zh(locale):
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


_QUARTERS_ZH = ("第一季度", "第二季度", "第三季度", "第四季度")
ZH_DASH = "\u2014"  # 1—5月: Chinese ranges of months and years take the em dash


def _period_shape(p: Period) -> tuple[Any, ...]:
    """What a period is, whatever the language: ("day", d), ("year", y), ("month", y, m),
    ("quarter", y, q), ("half", y, h), ("months", y, m1, m2), ("years", y1, y2) or
    ("days", d1, d2)."""
    s, e = p.start, p.end
    whole_months = s.day == 1 and Period.months(e.year, e.month, e.month).end == e
    if s == e:
        return ("day", s)
    if s.year == e.year and whole_months:
        if s.month == 1 and e.month == 12:
            return ("year", s.year)
        if s.month == e.month:
            return ("month", s.year, s.month)
        if e.month - s.month == 2 and s.month % 3 == 1:
            return ("quarter", s.year, (s.month + 2) // 3)
        if e.month - s.month == 5 and s.month in {1, 7}:
            return ("half", s.year, 1 if s.month == 1 else 2)
        return ("months", s.year, s.month, e.month)
    if whole_months and s.month == 1 and e.month == 12:
        return ("years", s.year, e.year)
    return ("days", s, e)


def _period_zh(shape: tuple[Any, ...]) -> str:
    """``2024年``, ``2025年第一季度``, ``2023年上半年``, ``2025年1—5月``, ``2024年2月26日``."""
    kind, *v = shape
    if kind == "day":
        return day(v[0], locale="zh")
    if kind == "year":
        return f"{v[0]}年"
    if kind == "month":
        return f"{v[0]}年{v[1]}月"
    if kind == "quarter":
        return f"{v[0]}年{_QUARTERS_ZH[v[1] - 1]}"
    if kind == "half":
        return f"{v[0]}年{'上' if v[1] == 1 else '下'}半年"
    if kind == "months":
        return f"{v[0]}年{v[1]}{ZH_DASH}{v[2]}月"
    if kind == "years":
        return f"{v[0]}{ZH_DASH}{v[1]}年"
    return f"{day(v[0], locale='zh')}{ZH_DASH}{day(v[1], locale='zh')}"


def _period_en(shape: tuple[Any, ...]) -> str:
    kind, *v = shape
    if kind == "day":
        return day(v[0])
    if kind == "year":
        return str(v[0])
    if kind == "month":
        return f"{_MONTHS[v[1] - 1]} {v[0]}"
    if kind == "quarter":
        return f"Q{v[1]} {v[0]}"
    if kind == "half":
        return f"H{v[1]} {v[0]}"
    if kind == "months":
        return f"{_MONTHS[v[1] - 1]}{DASH}{_MONTHS[v[2] - 1]} {v[0]}"
    if kind == "years":
        return f"{v[0]}{DASH}{v[1]}"
    return f"{day(v[0])}{DASH}{day(v[1])}"


def period(p: Period | str | None, *, locale: str | None = None) -> str:
    """``2024``, ``Q1 2025``, ``H1 2023``, ``Jan–May 2025``, ``May 2023``, ``26 Feb 2024``
    (in Chinese: ``2025年第一季度`` ...)."""
    if p is None:
        return "n/a"
    if isinstance(p, str):
        p = Period.parse(p)
    shape = _period_shape(p)
    return _period_zh(shape) if _zh(locale) else _period_en(shape)


def year(y: int, *, locale: str | None = None) -> str:
    """A calendar year as text (no thousands separator; zh: ``2024年``)."""
    return f"{int(y)}年" if _zh(locale) else str(int(y))


def axis_year(y: int) -> str:
    """A year as a chart's axis label, in every language: the number alone, since the axis
    says it is a year (``2024年`` per tick would crowd the axis)."""
    return str(int(y))


def years(first: int, last: int, *, locale: str | None = None) -> str:
    """A span of calendar years: ``2025–2030`` (zh: ``2025—2030年``)."""
    if _zh(locale):
        return f"{int(first)}{ZH_DASH}{int(last)}年"
    return f"{int(first)}{DASH}{int(last)}"


def sha_short(sha256: str, n: int = 12) -> str:
    return sha256[:n]


def seconds(value: float) -> str:
    return f"{value:.2f}{NBSP}s"


_DISPLAY = {"GW": ("W", 1e9), "MW": ("W", 1e6), "kt": ("t", 1e3), "billion yuan": ("CNY", 1e9)}
# a chart's display unit in Chinese: the 万/亿 unit of the same quantity (axis titles in the
# catalogue name these units)
_DISPLAY_ZH = {"GW": 1e7, "MW": 1e4, "kt": 1e4, "billion yuan": 1e8}


def in_unit(value: float, display: str, *, locale: str | None = None) -> float:
    """A canonical value in a chart's display unit (``in_unit(6.1e9, "GW") == 6.1``); in
    Chinese the unit of Chinese statistics instead (GW -> 万千瓦, kt -> 万吨, billion yuan
    -> 亿元: ``in_unit(6.1e9, "GW", locale="zh") == 610``)."""
    if _zh(locale):
        return value / _DISPLAY_ZH[display]
    _, factor = _DISPLAY[display]
    return value / factor


# Codes of the analysis vocabularies a case uses (policy level, Rothwell & Zegveld
# instrument, target area, project status, EFE interpretation), marked for the catalogue;
# in English each reads as the code with spaces (zone_wide: with why), so English output is
# unchanged.
CODE_WORDS = {
    "national": N_("national"),
    "regional": N_("regional"),
    "local": N_("local"),
    "zone": N_("zone"),
    "supply": N_("supply"),
    "demand": N_("demand"),
    "environment": N_("environment"),
    "plan": N_("plan"),
    "strategy": N_("strategy"),
    "delegation_of_powers": N_("delegation of powers"),
    "industry": N_("industry"),
    "energy": N_("energy"),
    "finance": N_("finance"),
    "services": N_("services"),
    "trade_investment": N_("trade investment"),
    "digital_economy": N_("digital economy"),
    "zone_wide": N_("zone-wide (the report names policy areas, not industries)"),
    "approved": N_("approved"),
    "planned": N_("planned"),
    "completed": N_("completed"),
    "under_construction": N_("under construction"),
    "in_operation": N_("in operation"),
    "not_found": N_("not found"),
    "plan_under_evaluation": N_("plan under evaluation"),
    "opportunity": N_("opportunity"),
    "threat": N_("threat"),
    "above_average": N_("above average"),
    "average": N_("average"),
    "below_average": N_("below average"),
    "trade_mode": N_("trade mode"),
    "product_category": N_("product category"),
    "zone_channel": N_("zone channel"),
    "political": N_("political"),
    "economic": N_("economic"),
    "social": N_("social"),
    "technological": N_("technological"),
    "legal": N_("legal"),
    "environmental": N_("environmental"),
    "fail": N_("fail"),
    "pass": N_("pass"),
    "ambiguous": N_("ambiguous"),
    "unknown": N_("unknown"),
    "info": N_("info"),
    "warning": N_("warning"),
    "error": N_("error"),
    # words of the consistency checks' findings: kinds of capacity listed, counted grants,
    # measures and attributes the rules compare, parts of a capacity total
    "energy_base": N_("energy base"),
    "uhv_corridor": N_("uhv corridor"),
    "powers": N_("powers"),
    "permissions": N_("permissions"),
    "measures": N_("measures"),
    "capacity": N_("capacity"),
    # kinds of a finding's evidence
    "claim": N_("claim"),
    "passage": N_("passage"),
    "reference": N_("reference"),
    "entity": N_("entity"),
    "value": N_("value"),
    "investment": N_("investment"),
    "wind": N_("wind"),
    "solar": N_("solar"),
    "gdp": N_("gdp"),
    "added value": N_("added value"),
    "total import and export value": N_("total import and export value"),
    "primary industry": N_("primary industry"),
    "secondary industry": N_("secondary industry"),
    "tertiary industry": N_("tertiary industry"),
}


def words(code: str | None) -> str:
    """A case code as words: ``under_construction`` -> ``under construction`` (in the
    active language when the code is one of the vocabularies' `CODE_WORDS`)."""
    if code is None:
        return "n/a"
    if code in CODE_WORDS:
        return _(CODE_WORDS[code])
    return str(code).replace("_", " ")


# the distributions of a parameter and the unit codes that are words, in the reader's words
DISTRIBUTIONS = {"fixed": N_("fixed"), "uniform": N_("uniform"), "triangular": N_("triangular")}
UNIT_WORDS = {"year": N_("year"), "years": N_("years"), "choice": N_("choice")}


def parameter_unit(p: Any) -> str:
    """A parameter's unit as a reader reads it: a code that is a word (year) translated, a
    unit written in words by the case in the reader's language, a symbol (t/MW) as it is."""
    unit = str(p.unit)
    return _(UNIT_WORDS[unit]) if unit in UNIT_WORDS else pick(p.unit)


def choice(p: Any, value: str) -> str:
    """One choice of a categorical parameter in plain words: its label in the case file
    (`choice_labels`), in the reader's language, else the choice as written."""
    labels = getattr(p, "choice_labels", None) or {}
    return pick(labels[value]) if value in labels else value


def parameter_value(p: Any) -> str:
    """A demand-model parameter as written: its value (a choice in plain words), or its
    distribution and range."""
    if isinstance(p.base, str):
        return choice(p, p.base)
    unit = "" if p.unit in ("year",) else pick(p.unit)
    base = year(int(p.base)) if p.unit == "year" else number(p.base)
    if p.distribution == "fixed" or p.range is None:
        return f"{base} {unit}".strip()
    lo, hi = p.range
    return (
        _("{distribution} on {range} {unit}, base {base}")
        .format(
            distribution=_(DISTRIBUTIONS.get(p.distribution, p.distribution)),
            range=value_range(lo, hi, ""),
            unit=unit,
            base=base,
        )
        .strip()
    )


BACKTEST_QUANTITIES = {
    "wind_w": N_("Wind capacity added"),
    "solar_w": N_("Solar capacity added"),
    "wind_blades_t": N_("Wind-blade demand"),
}


def backtest_row(r: Any) -> dict[str, str]:
    """One backtest row as printed (report and dashboard): the quantity, the forecast's
    median and p5–p95, the observed value (and, for demand, the range it implies), the
    error of the median."""
    capacity = r.measure.endswith("_w")
    value, unit = (power, "W") if capacity else (mass, "t")
    return {
        "cut": year(r.cut),
        "year": year(r.year),
        "quantity": _(BACKTEST_QUANTITIES[r.measure])
        if r.measure in BACKTEST_QUANTITIES
        else r.measure,
        "median": value(r.p50),
        "band": value_range(r.p5, r.p95, unit),
        "observed": value(r.observed),
        "observed_range": "" if capacity else value_range(r.observed_low, r.observed_high, unit),
        "error": signed(share(r.error, 0), r.error),
    }
