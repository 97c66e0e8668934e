"""Hand-made cases for the rule tests: documents whose claims carry their true spans."""

from __future__ import annotations

from typing import Any

from pestle.checks.inputs import CheckInputs, DocumentText, Reference, StatusReference
from pestle.model import Claim, Entity, EvidenceRef, Period

Q1_2025 = Period.quarter(2025, 1)
H1_2023 = Period.half(2023, 1)
Y2022 = Period.year(2022)


class Doc:
    """Write a document piece by piece; `figure` records a claim at its exact span."""

    def __init__(self, doc_id: str = "doc") -> None:
        self.id = doc_id
        self.text = ""
        self.claims: list[Claim] = []
        self.section: str | None = None

    def heading(self, title: str) -> Doc:
        self.text += f"1. {title}\n"
        self.section = title
        return self

    def say(self, text: str) -> Doc:
        self.text += text
        return self

    def figure(
        self,
        written: str,
        value: float,
        unit: str,
        measure: str | None = None,
        subject: str | None = None,
        period: Period | None = None,
        qualifier: str = "=",
    ) -> Claim:
        start = len(self.text)
        self.text += written
        claim = Claim(
            value=value,
            unit=unit,  # type: ignore[arg-type]
            qualifier=qualifier,  # type: ignore[arg-type]
            period=period,
            measure=measure,
            subject=subject,
            text=written,
            start=start,
            end=start + len(written),
            section=self.section,
        )
        self.claims.append(claim)
        return claim

    def document(self) -> DocumentText:
        return DocumentText(id=self.id, text=self.text, claims=tuple(self.claims))

    def inputs(self, **kwargs: Any) -> CheckInputs:
        kwargs.setdefault("region", "Xinjiang Uygur Autonomous Region, China")
        return CheckInputs(documents=(self.document(),), **kwargs)


def ref(series: str, measure: str, period: Period | None, value: float, **kw: Any) -> Reference:
    kw.setdefault("unit", "CNY")
    kw.setdefault("quality", "firm")
    kw.setdefault("source", "Test Bureau of Statistics")
    label = period.iso() if period else "none"
    return Reference(
        id=f"{series}@{label}", series=series, measure=measure, period=period, value=value, **kw
    )


def entity(
    entity_id: str,
    kind: str,
    name: str,
    attributes: dict[str, Any],
    evidence: tuple[tuple[str | None, str, str | None], ...] = (),
    document: str = "doc",
) -> Entity:
    """An entity; evidence as (section, quote, attribute) triples."""
    return Entity(
        id=entity_id,
        kind=kind,
        name=name,
        attributes=attributes,
        evidence=tuple(
            EvidenceRef(document=document, section=s, quote=q, attribute=a) for s, q, a in evidence
        ),
    )


def corridor(name: str, in_operation: str | None) -> StatusReference:
    return StatusReference(
        id=f"uhv_corridors@{name}",
        series="uhv_corridors",
        name=name,
        in_operation=in_operation,
        quality="firm",
        source="Test Grid Company",
    )


def economy(
    primary: str = "142.45",
    secondary: str = "1,878.48",
    tertiary: str = "2,708.16",
    gdp: str = "472.909",
    growth: tuple[str, str, str, str] = ("5.6", "5.0", "5.9", "5.4"),
    period: Period | None = Q1_2025,
    total_period: Period | None = Q1_2025,
) -> Doc:
    """The Q1 2025 economy paragraph and industry table, as the extractor reads them."""
    doc = Doc().heading("Current Situation and Trend Analysis of Economic Growth")
    doc.say("In the first quarter of 2025, with a regional GDP of ")
    doc.figure(
        f"{gdp} billion yuan",
        float(f"{gdp.replace(',', '')}e9"),
        "CNY",
        "GDP",
        "Xinjiang",
        total_period,
    )
    doc.say(", a year-on-year increase of ")
    doc.figure(f"{growth[0]}%", float(growth[0]), "%", "GDP growth rate", "Xinjiang", total_period)
    doc.say(" at constant prices.\n")
    doc.say("Industrial Type | Added Value (100 million yuan) | Year-on-Year Growth Rate (%) |\n")
    doc.say("---|---|---|\n")
    for name, value, g in (
        ("Primary Industry", primary, growth[1]),
        ("Secondary Industry", secondary, growth[2]),
        ("Tertiary Industry", tertiary, growth[3]),
    ):
        doc.say(f"{name} | ")
        doc.figure(value, float(f"{value.replace(',', '')}e8"), "CNY", "added value", name, period)
        doc.say(" | ")
        doc.figure(g, float(g), "%", "added value growth rate", name, period)
        doc.say(" |\n")
    return doc
