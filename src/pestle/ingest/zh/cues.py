"""Words around a Chinese number: its qualifier, whether it is a change (and which way), a
share or a gap, and the phrase that names what it measures.

Chinese puts these before the number ("同比增长5.6%", "超过100万吨", "约占...的75%") or right
after it ("5%左右", "60%以上"); the windows looked at are a few characters wide and never
cross the previous number, so the work per number is bounded.
"""

from __future__ import annotations

import re

from pestle.ingest.zh.periods import find_periods

# qualifier written right before the number (spaces allowed: "约 49%")
_BEFORE = re.compile(
    r"(?=[最不至约大接将近超逾突多少低])(?:(?P<le>最高达到?|最多|不超过|不高于|至多)[ \t]*$"
    r"|(?P<ge>至少|不少于|不低于)[ \t]*$"
    r"|(?P<lt>不足|不到|少于|低于)[ \t]*$"
    r"|(?P<approx>约达到?|大约|约为|约合|约|接近|将近|近)[ \t]*$"
    r"|(?P<gt>超过|超出|逾|突破|超|多于|大于)[ \t]*$)"
)
_AFTER = {"左右": "~", "上下": "~", "以上": ">=", "以下": "<=", "以内": "<=", "有余": ">"}
_QUALIFIER = {"le": "<=", "ge": ">=", "lt": "<", "approx": "~", "gt": ">"}

# a change: growth (+), decline (-); a level reached ("降至1.6%", "达到") ends the search
_CHANGE = re.compile(
    r"(?=[降升增回提达是占为上减低高快慢涨跌收放缩扩加多下])(?:(?P<level>[降升增回落提高]至|提高到|增长到|下降到|为|达到|达|是|占)"
    r"|(?P<up>增长|增加|上涨|上升|提高|提升|加快|扩大|回升|增速|高于|高出|快于|多出|增|涨|快|高)"
    r"|(?P<down>下降|减少|下跌|降低|回落|收窄|放缓|缩小|下滑|低于|慢于|减|降|跌|慢|低))"
)
# the last cue of the window in one call: a greedy ".*" first, then the cue
_LAST_CHANGE = re.compile(".*" + _CHANGE.pattern, re.DOTALL)
_CHANGE_WINDOW = 24
_SEPARATORS = re.compile(r"[ \t]*(?:、|和|与|及|或|,|，|/)[ \t]*")
CLAUSE = re.compile(r"[,，;；。:：!！?？\n]")
# words that start a measure phrase's tail: verbs and adverbs between the noun and the number
_TAIL_WORDS = [
    "较上年同期",
    "按年",
    "较",
    "比",
    "同比",
    "环比",
    "比上年同期",
    "比上年",
    "较上年",
    "分别",
    "累计",
    "实现",
    "完成",
    "达到",
    "达",
    "为",
    "是",
    "约",
    "近",
    "超过",
    "超",
    "突破",
    "增长",
    "下降",
    "增加",
    "减少",
    "提高",
    "降低",
    "回落",
    "名义",
    "实际",
    "按可比价计算",
    "保持",
    "已有",
    "已",
    "将",
    "有",
    "共计",
    "共",
]
# the words, reversed: matched at the start of the reversed phrase, the tail is found in
# time proportional to its length (a "(...)+$" search would try every position)
_TAIL_REVERSED = re.compile(
    "(?:" + "|".join(re.escape(w[::-1]) for w in sorted(_TAIL_WORDS, key=len, reverse=True)) + ")+"
)
# words before the noun that scope it, not name it ("全国", "公司", "累计", "全口径")
_HEAD_SCOPE = re.compile(
    r"^(?:(?:其中|全国|我国|中国|全年|同期|今年|当年|此外|另外|另据|公司|行业|累计|全口径"
    r"|实现)[ \t:：]*)+"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_PERIOD_HINT = re.compile(r"[年月季期]")  # no period without one of these: skip the search
_ASIDE = re.compile(r"[(（][^()（）]*[)）]")
_DIGIT = re.compile(r"[0-9]")
_SUBJECT_VERB = re.compile(
    r"^(?P<subj>[\u4e00-\u9fff]{2,8}?)(?:实现|完成|累计完成|的)(?P<rest>.+)$"
)


def qualifier(text: str, start: int, end: int, floor: int, more: bool, clause: int) -> str:
    """The qualifier of the number at ``text[start:end]``; ``floor`` bounds the look-back,
    ``clause`` is where the number's clause starts."""
    m = _BEFORE.search(text, max(floor, start - 6), start)
    if m is not None:
        return _QUALIFIER[m.lastgroup or ""]
    after = text[end : end + 2]
    if after in _AFTER:
        return _AFTER[after]
    if more:
        return ">"
    if text.find("约占", max(floor, clause, start - 30), start) >= 0:  # in its own clause
        return "~"
    return "="


def change_sign(text: str, start: int, floor: int) -> int | None:
    """+1 or -1 when the number is a change ("增长5%", "回落1.8个百分点", "高于...27.7个百分点"),
    None when it is a level ("降至1.6%", "为51.0%") or nothing says. ``floor``: the start of
    the number's clause or the end of the number before, whichever is later."""
    last = _LAST_CHANGE.match(text, max(floor, start - _CHANGE_WINDOW), start)
    if last is None or last.lastgroup == "level":
        return None
    return 1 if last.lastgroup == "up" else -1


def is_series(text: str, prev_end: int, start: int) -> bool:
    """Only separators between the previous number and this one ("9.5%和8.9%")."""
    return _SEPARATORS.fullmatch(text, prev_end, start) is not None


def is_share(text: str, start: int, floor: int) -> bool:
    """A percentage that is a share: "占全区总值的75.1%", "约占...的54.7%"."""
    return text.find("占", floor, start) >= 0


def phrase_before(text: str, start: int, floor: int) -> tuple[str | None, str | None]:
    """(subject, measure) named in the clause before a number, both possibly None.

    "一季度,某省实现地区生产总值4413.21亿元" -> ("某省", "地区生产总值"), as does
    "某省一季度地区生产总值4413.21亿元" (a period splits them); the words between the noun and
    the number (同比增长, 达到, 约 ...) and asides in brackets are not part of it.
    """
    phrase = text[max(floor, start - 40) : start].strip()
    if len(phrase) < 2:
        return None, None
    if "(" in phrase or "（" in phrase:
        phrase = _ASIDE.sub("", phrase)
    subject: str | None = None
    periods = find_periods(phrase, 0, len(phrase)) if _PERIOD_HINT.search(phrase) else []
    if periods:
        last = periods[-1]
        before = phrase[: last.start].strip()
        subject = before if 2 <= len(before) <= 8 and _HAN.match(before) else None
        phrase = phrase[last.end :].strip()
    tail = _TAIL_REVERSED.match(phrase[::-1])
    if tail is not None:
        phrase = phrase[: len(phrase) - tail.end()].rstrip()
    head = _HEAD_SCOPE.match(phrase)
    if head is not None:
        phrase = phrase[head.end() :].lstrip()
    if not phrase or _HAN.search(phrase) is None or _DIGIT.search(phrase) is not None:
        return None, None
    m = (
        _SUBJECT_VERB.match(phrase)
        if ("实现" in phrase or "完成" in phrase or "的" in phrase)
        else None
    )
    if m is not None:
        return m.group("subj"), m.group("rest") or None
    return subject, phrase
