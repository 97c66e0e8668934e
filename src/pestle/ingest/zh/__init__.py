"""Extraction of simplified-Chinese text, to the same Claim contract as English.

The family mirrors the English modules: `numerals` (numbers as written: full-width forms,
Chinese numerals, magnitude characters 万/亿), `quantities` (a number with its unit or
counter: the lexer), `periods` (2024年上半年, 一季度, 1—5月, 截至10月底, "十四五"期间 ...),
`cues` (qualifiers 超过/约/以上 ..., growth and decline, bases of comparison, the phrase
naming what is measured) and `extractor` (the driver over a parsed document's Chinese
sentences). `pestle.ingest.extract` sends each sentence to the extractor of its language.
"""

from pestle.ingest.zh.extractor import extract_chinese

__all__ = ["extract_chinese"]
