"""Chinese extraction, piece by piece: numbers and units, qualifiers, periods, structure, what
is not a claim; and properties over generated numbers (hypothesis)."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pestle.ingest import extract, parse
from pestle.ingest.document import Section, Table
from pestle.ingest.language import detect, is_chinese
from pestle.model import Claim


def one(text: str) -> Claim:
    claims = extract(text)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("产量3.5万吨。", 3.5e4, "t"),
        ("收入1.2亿元。", 1.2e8, "CNY"),
        ("规模2万亿元。", 2e12, "CNY"),
        ("出口5.4亿美元。", 5.4e8, "USD"),
        ("装机10万千瓦。", 1e8, "W"),
        ("装机3千万千瓦。", 3e10, "W"),
        ("装机12吉瓦。", 1.2e10, "W"),
        ("装机5兆瓦。", 5e6, "W"),
        ("装机79.447GW。", 7.9447e10, "W"),
        ("发电量1.5亿千瓦时。", 1.5e11, "Wh"),
        ("用电量20亿度。", 2e12, "Wh"),
        ("重量30公斤。", 30.0, "kg"),
        ("线路1200公里。", 1200.0, "km"),
        ("线路800千米。", 800.0, "km"),
        ("增长5.4%。", 5.4, "%"),
        ("增长５．４％。", 5.4, "%"),
        ("占百分之五。", 5.0, "%"),
        ("提高3个百分点。", 3.0, "pp"),
        ("企业12家。", 12.0, "count"),
        ("项目五个。", 5.0, "count"),
        ("新增十二万五千吨。", 125000.0, "t"),
        ("投资两千万元。", 2e7, "CNY"),
        ("机组一百二十三台。", 123.0, "count"),
        ("共叁项。", 3.0, "count"),
        ("就业12.65万人。", 126500.0, "count"),
        ("总股本408,716,549股。", 408716549.0, "count"),
        ("净利润 -46.56 亿元。", -4.656e9, "CNY"),
    ],
)
def test_numbers_magnitudes_and_units(text: str, value: float, unit: str) -> None:
    c = one(text)
    assert (c.value, c.unit) == (pytest.approx(value, rel=1e-12), unit)
    assert c.text == text[c.start : c.end]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("产量超过100万吨。", ">"),
        ("产量逾100万吨。", ">"),
        ("规模突破100万吨。", ">"),
        ("产量达100万吨。", "="),
        ("产量近100万吨。", "~"),
        ("产量约100万吨。", "~"),
        ("产量100万吨左右。", "~"),
        ("产量100万吨以上。", ">="),
        ("产量100万吨以下。", "<="),
        ("产量不足100万吨。", "<"),
        ("产量至少100万吨。", ">="),
        ("出口190多亿美元。", ">"),
        ("效率最高达27%。", "<="),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2024年上半年,产量100万吨。", "2024-01-01/2024-06-30"),
        ("2024年,产量100万吨。一季度,产量30万吨。", "2024-01-01/2024-03-31"),
        ("2025年第一季度,产量30万吨。", "2025-01-01/2025-03-31"),
        ("2024年前三季度,产量80万吨。", "2024-01-01/2024-09-30"),
        ("2025年1—5月,产量50万吨。", "2025-01-01/2025-05-31"),
        ("2024年1-10月,产量90万吨。", "2024-01-01/2024-10-31"),
        ("截至2024年10月底,装机100万千瓦。", "2024-10-31/2024-10-31"),
        ("截至2024年底,装机100万千瓦。", "2024-12-31/2024-12-31"),
        ("“十四五”期间,累计投资100亿元。", "2021-01-01/2025-12-31"),
        ("2011~2020年,累计投资100亿元。", "2011-01-01/2020-12-31"),
    ],
)
def test_periods(text: str, period: str) -> None:
    assert str(extract(text)[-1].period) == period


def test_a_bulletin_dates_year_less_periods_and_relative_years() -> None:
    text = (
        "发布时间:2025-06-16\n\n"
        "1—5月,产量同比增长5.0%。今年以来,出口增长3%。去年,进口100亿元。全年,进口200亿元。\n"
    )
    by_text = {c.text: c for c in extract(text)}
    assert str(by_text["5.0%"].period) == "2025-01-01/2025-05-31"
    assert str(by_text["3%"].period) == "2025-01-01/2025-12-31"
    assert str(by_text["100亿元"].period) == "2024-01-01/2024-12-31"
    assert str(by_text["200亿元"].period) == "2024-01-01/2024-12-31"  # the year stated last


def test_without_a_date_relative_years_are_unknown() -> None:
    claims = extract("去年,进口100亿元,全年出口200亿元。")
    assert [c.period for c in claims] == [None, None]


def test_growth_and_decline_are_signed_and_named() -> None:
    claims = extract(
        "2024年,地区生产总值5000亿元,同比增长6.1%;进口下降3.2%,比上年回落1.5个百分点,"
        "增速高于全国2个百分点。"
    )
    got = [(c.text, c.value, c.measure) for c in claims]
    assert got == [
        ("5000亿元", 5e11, "地区生产总值"),
        ("6.1%", 6.1, "地区生产总值 growth rate"),
        ("3.2%", -3.2, "进口 growth rate"),
        ("1.5个百分点", -1.5, "进口 growth rate change"),
        ("2个百分点", 2.0, "进口 growth rate gap to 全国"),
    ]


def test_a_shared_unit_and_a_slash_series_with_a_year_range() -> None:
    claims = extract("风电、太阳能发电量分别为4665、2611亿千瓦时。")
    assert [(c.text, c.value) for c in claims] == [("4665", 4.665e14), ("2611亿千瓦时", 2.611e14)]
    claims = extract("预计2024-2026年营业收入732.12/945.94/1096.46亿元。")
    assert [str(c.period)[:4] for c in claims] == ["2024", "2025", "2026"]
    assert [c.value for c in claims] == [7.3212e10, 9.4594e10, 1.09646e11]


@pytest.mark.parametrize(
    "text",
    [
        "连续15个月高于临界点。",  # a duration
        "利润增长1.06倍。",  # a multiple
        "排名第7位。",  # an ordinal
        "每10股派发现金红利。",  # the basis of a rate
        "建成6个千万千瓦级基地。",  # a size class (the 6 bases are a count)
        "价格0.03元/W。",  # a price per unit
        "粮食1.3万亿斤。",  # a unit outside the contract
        "出生率11.69‰,下降0.75个千分点。",
        "证券代码:300196,公告编号:2025-020。",
        "一个亮点是三次产业结构6.8:42.7:50.5。",
        "中亚五国",
        "单位:万千瓦",
    ],
)
def test_what_is_not_a_claim(text: str) -> None:
    claims = extract(text)
    assert [c.text for c in claims] in ([], ["6个"])


def test_chinese_headings_sentences_and_a_table_with_a_unit_line() -> None:
    text = (
        "第一章 综合\n"
        "一、经济运行\n"
        "（一）地区生产总值\n"
        "1.总量\n"
        "2024年,地区生产总值5000亿元。增长6.1%!进口下降3.2%;出口增长2%?\n"
        "表1 2024年主要指标\n"
        "单位:亿元\n"
        "| 指标 | 绝对数 | 比上年增长(%) |\n"
        "|---|---|---|\n"
        "| 进口 | 1,200.5 | -3.2 |\n"
    )
    doc = parse(text)
    sections = [b for b in doc.blocks if isinstance(b, Section)]
    assert [(s.title, s.level) for s in sections] == [
        ("综合", 1),
        ("经济运行", 3),
        ("地区生产总值", 4),
        ("总量", 5),
    ]
    prose = [s.text for s in doc.sentences if s.kind == "prose"]
    assert prose[:4] == [
        "2024年,地区生产总值5000亿元。",
        "增长6.1%!",
        "进口下降3.2%;",
        "出口增长2%?",
    ]
    assert any(isinstance(b, Table) for b in doc.blocks)
    table = {c.text: c for c in extract(text) if c.start > text.index("| 进口")}
    assert (table["1,200.5"].value, table["1,200.5"].unit) == (1.2005e11, "CNY")
    assert (table["-3.2"].value, table["-3.2"].unit) == (-3.2, "%")
    assert table["-3.2"].measure == "进口 growth rate"
    assert str(table["1,200.5"].period) == "2024-01-01/2024-12-31"


def test_mixed_text_goes_sentence_by_sentence() -> None:
    text = (
        "2024年,出口增长5.3%。\n"
        "Exports rose 5.3 percent to 18.62 trillion yuan in 2024.\n"
        "进口13.71万亿元,增长4.1%。\n"
    )
    assert detect(text).code == "mixed"
    assert is_chinese("2024 年度出货量 79.447GW") and not is_chinese("(Xinhua) Output rose")
    got = [(c.text, c.value, c.unit) for c in extract(text)]
    assert ("18.62 trillion yuan", 1.862e13, "CNY") in got
    assert ("13.71万亿元", 1.371e13, "CNY") in got
    assert len(got) == 5


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=2, max_value=10**12))
def test_any_chinese_numeral_with_a_counter_is_its_value(n: int) -> None:
    numeral = cn2an.an2cn(str(n))
    claims = extract(f"共有{numeral}家企业。")
    assert [(c.value, c.unit) for c in claims] == [(float(n), "count")]


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value="0.01", max_value="99999.99", places=2),
    st.sampled_from(["万元", "亿元", "万吨", "万千瓦", "亿千瓦时", "%", "个百分点"]),
)
def test_full_width_text_reads_as_half_width(amount, unit: str) -> None:  # type: ignore[no-untyped-def]
    half = f"2024年,指标为{amount}{unit}。"
    full = half.translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％"))
    a, b = extract(half), extract(full)
    assert [(c.value, c.unit, c.period) for c in a] == [(c.value, c.unit, c.period) for c in b]
    assert len(a) == 1 and (a[0].start, a[0].end) == (b[0].start, b[0].end)


_PIECES = st.sampled_from(
    [
        "2024年",
        "一季度",
        "1—5月",
        "截至10月底",
        "去年",
        "全年",
        "同比增长",
        "下降",
        "超过",
        "约",
        "左右",
        "以上",
        "亿元",
        "万千瓦",
        "万吨",
        "%",
        "个百分点",
        "家",
        "个",
        "十二万五千",
        "两",
        "3.5",
        "-2",
        "1,200",
        "５",
        "．",
        "。",
        "；",
        ",",
        "、",
        "/",
        "\n",
        "| ",
        "第",
        "每",
        "地区生产总值",
        "Exports rose 5% in 2024. ",
        "从",
        "到",
        "(",
        ")",
        "十四五",
        "连续三年",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_mix_of_chinese_pieces_gives_well_formed_claims(text: str) -> None:
    """Whatever the text: no error, spans that are the text, finite values, sorted."""
    claims = extract(text)
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.value == c.value and abs(c.value) != float("inf")
    assert [(c.start, c.end) for c in claims] == sorted((c.start, c.end) for c in claims)


def test_a_table_with_year_columns_and_a_growth_column() -> None:
    text = (
        "装机情况\n"
        "单位：万千瓦\n"
        "| 类型 | 2023年 | 2024年 | 增长（%） |\n"
        "|---|---|---|---|\n"
        "| 风电 | 100 | 120.5 | 20.5 |\n"
        "| 光伏 | — | 80 | - |\n"
    )
    got = [(c.text, c.value, c.unit, str(c.period)[:4], c.measure) for c in extract(text)]
    assert got == [
        ("100", 1e9, "W", "2023", "风电"),
        ("120.5", 1.205e9, "W", "2024", "风电"),
        ("20.5", 20.5, "%", "2024", "风电 growth rate"),
        ("80", 8e8, "W", "2024", "光伏"),
    ]
