"""The lexer of Chinese text: numbers with their unit or counter, and nothing else.

A Chinese number is a claim only with a unit (亿元, 万千瓦, 万吨, %, 个百分点 ...) or a counter
of things (个, 家, 项, 座, 台 ...); a bare number is a code, a page number or part of a date.
Two exceptions: a number that shares the unit of the next one ("4665、2611亿千瓦时",
"1.9和4.4个百分点", "732.12/945.94/1096.46亿元"), and "N大" sets ("三大门类": three
categories, as "eight major clusters" is a count in English).

Not claims: durations (15个月, 三年), multiples (1.06倍), ordinals (第7位), the basis of a
rate (每10股), a size class (千万千瓦级), a price per unit (0.03元/W), units outside the
contract (斤, 亩, 标箱, 小时, 摄氏度, 千伏).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pestle.ingest.zh.numerals import (
    CN_NUMERAL,
    NUMERAL_CHARS,
    arabic_value,
    chinese_value,
    decimal_value,
    magnitude_exponent,
)

# unit as written -> (code, power of ten of the canonical unit); magnitude characters
# before it (万, 亿, and 千 of 千瓦) are read separately and multiply
UNITS: dict[str, tuple[str, int]] = {
    "个百分点": ("pp", 0),
    "百分点": ("pp", 0),
    "%": ("%", 0),
    "美元": ("USD", 0),
    "元": ("CNY", 0),
    "瓦时": ("Wh", 0),
    "兆瓦时": ("Wh", 6),
    "吉瓦时": ("Wh", 9),
    "太瓦时": ("Wh", 12),
    "度": ("Wh", 3),  # a kilowatt-hour; only after 万 or 亿 ("亿度"), else an angle or degree
    "kWh": ("Wh", 3),
    "KWh": ("Wh", 3),
    "kwh": ("Wh", 3),
    "MWh": ("Wh", 6),
    "GWh": ("Wh", 9),
    "TWh": ("Wh", 12),
    "Wh": ("Wh", 0),
    "兆瓦": ("W", 6),
    "吉瓦": ("W", 9),
    "瓦": ("W", 0),
    "kW": ("W", 3),
    "KW": ("W", 3),
    "MW": ("W", 6),
    "GW": ("W", 9),
    "TW": ("W", 12),
    "W": ("W", 0),
    "吨": ("t", 0),
    "公斤": ("kg", 0),
    "克": ("kg", -3),
    "kg": ("kg", 0),
    "公里": ("km", 0),
    "米": ("km", -3),
    "km": ("km", 0),
}
# counters of things; "个" not of months or hours (a duration) nor of per-mille points; "次"
# not of "三次产业" (the three sectors); "列" counts trains
_COUNTERS = (
    "人次|人|家|项|条|座|台|套|批|所|名|户|辆|艘|架|件|处|股|次(?!产业)|种|类|列|趟|省区市|省份"
    "|省|地州|地市|城市|市(?!场)|县|区(?![间域])|州|个(?!月|小时|工作日|季度|星期|千分点)"
)
_UNIT_ALTS = "|".join(
    re.escape(u) + (r"(?![A-Za-z])" if u.isascii() and u != "%" else "")
    for u in sorted(UNITS, key=len, reverse=True)
)
_NUMBER = (
    r"(?:(?P<neg>(?<![0-9A-Za-z.\-])-)?(?<![0-9A-Za-z.])"
    r"(?P<ara>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?<![{'零〇一二两三四五六七八九十百千万亿'}])(?P<cn>{CN_NUMERAL}))"
)
# a lookahead of the characters a match can start with lets the regex engine skip the rest
_LEX = re.compile(
    rf"(?=[-0-9{NUMERAL_CHARS}])(?:{_NUMBER}(?P<more>多|余)?[ \t]?(?P<mag>[十百千万亿]*)"
    rf"(?:(?P<unit>{_UNIT_ALTS})|(?P<counter>{_COUNTERS}))"
    r"|百分之(?P<pct>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百点]+)"
    r"|(?<![零〇一二两三四五六七八九十百千万亿第])(?P<nda>[二两三四五六七八九十叁])大"
    r"(?=[\u4e00-\u9fff])(?![于学会小概]))"
)
# what may come before a number that shares the unit of the next one
_SERIES_BEFORE = re.compile(
    r"(?:(?<![0-9A-Za-z.\-])-)?(?<![0-9A-Za-z.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"[ \t]*(?:、|/|和|与|及)[ \t]*$"
)
_SERIES_MARKS = frozenset("、/和与及 \t")  # what a number sharing the next one's unit ends with
_NDA_VALUE = {"二": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_NDA_VALUE |= {"九": 9, "十": 10}
_BEFORE_NOT = frozenset("第每")


@dataclass(slots=True)  # not frozen: one per number of a text, never changed after
class Mention:
    """A number and its unit as written: span, value in the canonical unit, unit code."""

    start: int
    end: int
    value: float
    unit: str
    kind: str  # "quantity", "count", "percent" (% and pp)
    more: bool = False  # "190多亿美元", "100余家": more than the number


def lex(text: str, start: int, end: int) -> list[Mention]:
    """Every number with a unit or counter in ``text[start:end]`` (normalized text)."""
    out: list[Mention] = []
    for m in _LEX.finditer(text, start, end):
        found = _mention(text, m)
        if found is None:
            continue
        if text[found.start - 1 : found.start] in _SERIES_MARKS and m.group("nda") is None:
            out.extend(_series(text, start, out[-1].end if out else start, m, found))
        out.append(found)
    return out


def _mention(text: str, m: re.Match[str]) -> Mention | None:
    s, e = m.start(), m.end()
    neg, ara, cn, more, mag, unit_text, counter, pct, nda = m.groups()  # one call for all
    if pct is not None:
        value = decimal_value(pct)
        return None if value is None else Mention(s, e, value, "%", "percent")
    if nda is not None:
        return Mention(s, e - 1, float(_NDA_VALUE[nda]), "count", "count")
    if s and text[s - 1] in _BEFORE_NOT:
        return None  # "第7位", "每10股"
    after = text[e : e + 1]
    if after == "级" or (after == "/" and counter is None):
        return None  # "千万千瓦级" is a size class; "0.5元/W" a price per unit
    if ara is not None:
        exponent = magnitude_exponent(mag) if mag else 0
        base = None
    else:  # the magnitude characters belong to the numeral ("十二万五" + "千")
        parsed = chinese_value(cn + mag)
        if parsed is None:
            return None
        base, exponent = parsed
    if unit_text is not None:
        code, unit_exp = UNITS[unit_text]
        if code == "%" or code == "pp":
            if mag:
                return None
            kind = "percent"
        else:
            if unit_text == "度" and not mag:
                return None
            kind = "quantity"
    else:
        code, unit_exp, kind = "count", 0, "count"
        if base == 1.0 and not mag:
            return None  # "一个亮点", "一批项目": an article, not a count
    if base is None:
        value = arabic_value(ara, exponent + unit_exp)
        if neg:
            value = -value
    else:
        value = base * 10.0 ** (exponent + unit_exp) if exponent + unit_exp else base
    if not math.isfinite(value):
        return None  # a 400-digit "number": no finite value, no claim (JSON has no Infinity)
    return Mention(s, e, value, code, kind, more=more is not None)


def _series(text: str, floor: int, after: int, m: re.Match[str], found: Mention) -> list[Mention]:
    """Bare numbers right before ``found`` that share its unit and scale, in order."""
    if m.group("ara") is None:
        return []
    exponent = magnitude_exponent(m.group("mag")) + UNITS.get(m.group("unit") or "", ("", 0))[1]
    out: list[Mention] = []
    at = found.start
    while at > max(floor, after):
        b = _SERIES_BEFORE.search(text, max(floor, after, at - 40), at)
        if b is None:
            break
        raw = b.group(1)
        value = arabic_value(raw, exponent)
        if b.group(0).startswith("-"):
            value = -value
        out.append(Mention(b.start(), b.start(1) + len(raw), value, found.unit, found.kind))
        at = b.start()
    out.reverse()
    return out
