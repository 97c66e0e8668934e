"""Numbers as written in Chinese text.

- Full-width digits and signs ("１２．５％") are read as ASCII by a one-to-one translation, so
  offsets in the translated text are offsets in the original.
- Magnitude characters multiply: 万 10^4, 亿 10^8, 千 10^3, 百 10^2, 十 10; "2万亿" is
  2 x 10^4 x 10^8. Written after Arabic digits they make one correctly rounded float
  (``float("3.5e4")``), as English magnitude words do.
- Chinese numerals (一百二十三, 两, 〇, 十二万五千, the formal 叁) are read by cn2an. Trailing
  magnitude characters are split off first ("三千万千瓦" is 三千 x 万 x 千瓦), which gives the
  same value whichever way the characters group, and lets 千 be the unit prefix of 千瓦.
"""

from __future__ import annotations

import re
from functools import lru_cache

import cn2an

FULL_WIDTH = str.maketrans("０１２３４５６７８９．％＋－（）～／", "0123456789.%+-()~/")

MAGNITUDE_EXP: dict[str, int] = {
    "十": 1,
    "拾": 1,
    "百": 2,
    "佰": 2,
    "千": 3,
    "仟": 3,
    "万": 4,
    "亿": 8,
}
DIGIT_CHARS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
NUMERAL_CHARS = DIGIT_CHARS + "十拾百佰千仟万亿"
# a Chinese numeral: numeral characters ending in a digit or 十 ("十二万五", "三", "十")
CN_NUMERAL = f"[{NUMERAL_CHARS}]*[{DIGIT_CHARS}十拾]"


_FULL_WIDTH_ANY = re.compile("[０-９．％＋－（）～／]")


def normalize(text: str) -> str:
    """``text`` with full-width digits and signs as ASCII; the same length."""
    if _FULL_WIDTH_ANY.search(text) is None:
        return text  # the usual case: a scan, no copy
    return text.translate(FULL_WIDTH)


def magnitude_exponent(chars: str) -> int:
    """The power of ten of magnitude characters written together ("万亿" -> 12)."""
    return sum(MAGNITUDE_EXP.get(c, 0) for c in chars)


def arabic_value(digits: str, exponent: int) -> float:
    """Arabic ``digits`` ("1,129.58") x 10**``exponent`` as one correctly rounded float."""
    plain = digits.replace(",", "")
    return float(plain) if exponent == 0 else float(f"{plain}e{exponent}")


@lru_cache(maxsize=4096)
def chinese_value(numeral: str) -> tuple[float, int] | None:
    """(value, extra power of ten) of a Chinese numeral, or None if it is not one.

    Magnitude characters that follow another magnitude character are split off as a power
    of ten ("三千万" -> (3000, 4)); a numeral must hold a digit character or be 十 ("万"
    alone, as in "单位:万千瓦", is not a number; "十万" is).
    """
    if not any(c in DIGIT_CHARS for c in numeral) and numeral[:1] not in {"十", "拾"}:
        return None
    exponent = 0
    core = numeral
    while len(core) > 1 and core[-1] in MAGNITUDE_EXP and core[-2] in MAGNITUDE_EXP:
        exponent += MAGNITUDE_EXP[core[-1]]
        core = core[:-1]
    try:
        value = cn2an.cn2an(core, "normal")
    except (ValueError, KeyError):
        return None
    return float(value), exponent


def decimal_value(text: str) -> float | None:
    """A number written after 百分之: Arabic ("5.4") or Chinese with 点 ("五点四")."""
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return float(cn2an.cn2an(text, "normal"))
    except (ValueError, KeyError):
        return None
