"""Which tables each JSON document of pestle becomes: the results, the check report, the
demand results, the claims of documents, a stored revision, and the charts' data.

Each function takes the document a surface prints as JSON (so a workbook holds the same
numbers as `--format json`) and returns its `Sheet`s; none computes a value.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pestle.export.sheets import (
    Sheet,
    parallel_sheet,
    records_sheet,
    source_of,
    unit_of,
    values_sheet,
)

CHECKS = "pestle checks of the case's figures (expected against actual, with tolerance)"
INDICATORS = "pestle indicators from the case's figures"
JUDGMENTS = "pestle, from the case's analyst judgments"
DEMAND = "pestle demand model (Monte Carlo), the case's parameters and scenarios"
LINKAGE = "pestle linkage: input-output (Leontief) effects of the headline demand"


def results_sheets(doc: Mapping[str, Any]) -> list[Sheet]:
    """Every table of the results' JSON (`Results.to_dict`, `pestle analyze --format json`)."""
    sheets = [*check_sheets(doc["findings"], prefix="findings.")]
    sheets += _indicator_sheets(doc["indicators"])
    sheets.append(
        values_sheet(
            "policy mix", "Policy mix: index and counts", "policy_mix",
            _scalars(doc["policy_mix"]), "pestle policy mix of the case's coded measures",
        )
    )  # fmt: skip
    sheets.append(
        records_sheet(
            "factors", "Factors of the analysis", "factors",
            ({"factor": k, **v} for k, v in doc["factors"].items()), JUDGMENTS,
        )
    )  # fmt: skip
    ahp = doc["ahp"]
    sheets.append(records_sheet("ahp weights", "AHP weights", "ahp.rows", ahp["rows"], JUDGMENTS))
    sheets.append(
        records_sheet(
            "ahp consistency", "AHP consistency of each matrix", "ahp.consistency",
            ahp["consistency"], JUDGMENTS,
        )
    )  # fmt: skip
    sheets.append(
        records_sheet(
            "dematel", "DEMATEL: given, received, prominence, relation", "dematel.factors",
            doc["dematel"]["factors"], JUDGMENTS,
        )
    )  # fmt: skip
    sheets.append(records_sheet("efe", "EFE matrix", "efe.rows", doc["efe"]["rows"], JUDGMENTS))
    if doc["entropy"].get("series"):
        sheets.append(
            records_sheet(
                "entropy", "Entropy weights of the factors' series", "entropy.series",
                doc["entropy"]["series"], INDICATORS,
            )
        )  # fmt: skip
    sheets.append(
        parallel_sheet(
            "topsis", "TOPSIS ranking of the product segments", "topsis", doc["topsis"],
            "alternatives", ("closeness", "rank", "distance_ideal", "distance_anti_ideal"),
            doc["topsis"].get("demand_size_source") or JUDGMENTS,
            units={"distance_ideal": "index", "distance_anti_ideal": "index"},
        )
    )  # fmt: skip
    sheets.append(
        parallel_sheet(
            "ranking stability", "Stability of the ranking under perturbed judgments",
            "stability", doc["stability"], "alternatives", ("base_rank", "keep_share"),
            JUDGMENTS, units={"base_rank": "rank"},
        )
    )  # fmt: skip
    sheets += demand_sheets(doc["demand"], prefix="demand.")
    if doc.get("linkage"):
        sheets += _linkage_sheets(doc["linkage"])
    return sheets


def check_sheets(report: Mapping[str, Any], prefix: str = "") -> list[Sheet]:
    """The check report's findings, one row each, and its summary counts."""
    return [
        records_sheet(
            "checks", "Consistency checks: expected, actual, tolerance", f"{prefix}findings",
            report["findings"], CHECKS,
        ),
        values_sheet(
            "checks summary", "Checks by outcome", f"{prefix}summary", report["summary"], CHECKS
        ),
    ]  # fmt: skip


def demand_sheets(demand: Mapping[str, Any], prefix: str = "") -> list[Sheet]:
    """Every scenario's demand by segment and year and in total, the region's production,
    the headline scenario's Sobol' indices and the backtest."""
    scenarios = demand["scenarios"]
    yearly, cumulative, production = [], [], []
    for name, s in scenarios.items():
        unit = s.get("unit", "t")
        for segment, stats in s["segments"].items():
            lead = {"scenario": name, "segment": segment}
            cumulative.append(({**lead, **stats["cumulative"]}, unit))
            for year, values in stats["yearly"].items():
                yearly.append(({**lead, "year": int(year), **values}, unit))
        made = s.get("regional_production")
        if made:
            for year, values in made["yearly"].items():
                row = {"scenario": name, "segment": made["segment"], "year": int(year), **values}
                production.append((row, unit))
    sheets = [
        _stat_sheet(
            "demand by year", "Composite demand by scenario, segment and year",
            f"{prefix}scenarios", yearly,
        ),
        _stat_sheet(
            "demand cumulative", "Cumulative composite demand by scenario and segment",
            f"{prefix}scenarios", cumulative,
        ),
    ]  # fmt: skip
    if production:
        sheets.append(
            _stat_sheet(
                "regional production", "What the region's own plants can make, by year",
                f"{prefix}scenarios", production,
            )
        )  # fmt: skip
    sens = demand.get("sensitivity")
    if sens:
        sheets.append(
            records_sheet(
                "sobol", f"Sobol' indices of {sens.get('output', 'total demand')}",
                f"{prefix}sensitivity.indices", sens["indices"],
                f"{DEMAND}; {sens.get('method', 'Sobol')}", units=_INDEX_UNITS,
            )
        )  # fmt: skip
    backtest = demand.get("backtest") or {}
    if backtest.get("rows"):
        sheets.append(
            records_sheet(
                "backtest", "Backtest: forecasts from the capacity history against observed",
                f"{prefix}backtest.rows", backtest["rows"], DEMAND, units=_BACKTEST_UNITS,
            )
        )  # fmt: skip
    return sheets


_INDEX_UNITS = {
    k: "index" for k in ("S1", "S1_conf", "S1_low", "S1_high", "S1_clipped", "ST", "ST_conf")
}
_BACKTEST_UNITS = {
    k: "see measure" for k in ("p5", "p50", "p95", "observed", "observed_low", "observed_high")
}


def _stat_sheet(
    name: str, title: str, origin: str, rows: list[tuple[dict[str, Any], str]]
) -> Sheet:
    units = {k: rows[0][1] if rows else "t" for k in ("p5", "p50", "p95", "mean")}
    return records_sheet(name, title, origin, (r for r, _ in rows), DEMAND, units=units)


def _indicator_sheets(ind: Mapping[str, Any]) -> list[Sheet]:
    sheets: list[Sheet] = []
    structure = [
        {"period": s["period"], "unit": s["unit"], **r} for s in ind["structure"] for r in s["rows"]
    ]
    if structure:
        sheets.append(
            records_sheet(
                "industry structure", "Industry structure: value added, share, contribution",
                "indicators.structure", structure, INDICATORS,
            )
        )  # fmt: skip
    sheets.append(
        records_sheet(
            "growth bases", "Growth and the implied base of the prior period",
            "indicators.bases", ind["bases"], INDICATORS,
        )
    )  # fmt: skip
    trade = [
        {"dimension": d["dimension"], **c}
        for d in ind["trade"]["dimensions"]
        for c in d.get("categories", [])
    ]
    if trade:
        sheets.append(
            records_sheet(
                "trade structure", "Trade structure: shares within each dimension",
                "indicators.trade.dimensions", trade, INDICATORS,
            )
        )  # fmt: skip
    ftz = [{"ftz": f["ftz"], **s} for f in ind["ftz"] for s in f["sections"]]
    if ftz:
        sheets.append(
            records_sheet(
                "ftz sections", "Free trade zone: permissions by section", "indicators.ftz",
                ftz, INDICATORS,
            )
        )  # fmt: skip
    sheets.append(
        records_sheet(
            "platforms", "Opening platforms", "indicators.platforms.platforms",
            ind["platforms"]["platforms"], INDICATORS,
        )
    )  # fmt: skip
    shares = ind["clusters"].get("gdp_shares") or []
    if shares:
        sheets.append(
            records_sheet(
                "cluster shares", "Industrial clusters' share of GDP",
                "indicators.clusters.gdp_shares", shares, INDICATORS,
            )
        )  # fmt: skip
    return sheets


def _linkage_sheets(link: Mapping[str, Any]) -> list[Sheet]:
    unit = link.get("unit", "CNY")
    sectors = link["sectors"]
    units = {k: unit for k in sectors[0] if k not in ("code", "name")} if sectors else {}
    totals = [{"prices": k, **v} for k, v in link["totals"].items()]
    return [
        records_sheet(
            "linkage totals", "Input-output effects of the headline demand, by price case",
            "linkage.totals", totals, LINKAGE, units={k: unit for k in totals[0] if k != "prices"}
            if totals else None,
        ),
        records_sheet(
            "linkage sectors", "Input-output effects by sector (central prices; low and high)",
            "linkage.sectors", sectors, LINKAGE, units=units,
        ),
    ]  # fmt: skip


def _scalars(node: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a mapping that are numbers or nested counts (not lists of names)."""
    return {k: v for k, v in node.items() if not isinstance(v, list)}


def claims_sheet(claims: list[Mapping[str, Any]], origin: str, title: str, source: str) -> Sheet:
    """Claims (the JSON contract), one row each; the value's unit is the claim's own."""
    return records_sheet(
        "claims", title, origin, claims, source, units={"value": "see unit column"}
    )


def extract_sheets(documents: list[Mapping[str, Any]]) -> list[Sheet]:
    """The claims of one or more documents (`pestle extract --format json`): one sheet of the
    sources and one of every claim with the document it was read from."""
    rows = [{"document": d["source"]["title"], **c} for d in documents for c in d["claims"]]
    sources = records_sheet(
        "documents", "Documents read", "", (d["source"] for d in documents), "pestle extract"
    )
    claims = records_sheet(
        "claims", "Numeric claims of the documents", "claims", rows,
        "pestle extract: each claim's text and character span in its document",
        units={"value": "see unit column"},
    )  # fmt: skip
    return [sources, claims]


def revision_sheets(export: Mapping[str, Any]) -> list[Sheet]:
    """A stored revision (`pestle db export`): the revision and its claims."""
    info = export["revision"]
    source = f"store revision {info.get('id')}: {info.get('title') or info.get('label') or ''}"
    return [
        values_sheet("revision", "Revision", "revision", info, "pestle store"),
        records_sheet(
            "claims", "Claims of the revision", "claims", export["claims"], source,
            units={"value": "see unit column"},
        ),
    ]  # fmt: skip


def chart_sheets(specs: Mapping[str, Mapping[str, Any]]) -> list[Sheet]:
    """The data of each chart as the chart shows it (display units, e.g. kt)."""
    return [chart_sheet(name, spec) for name, spec in specs.items()]


def chart_sheet(name: str, spec: Mapping[str, Any]) -> Sheet:
    title, source = _chart_title(spec)
    datasets = spec.get("datasets") or {}
    key = next(iter(datasets), None)
    records = datasets.get(key, []) if key is not None else []
    titles = dict(_encoding_titles(spec))
    first = records[0] if records else {}
    numeric = [
        k for k, v in first.items() if isinstance(v, int | float) and not isinstance(v, bool)
    ]
    units = {k: titles[k] for k in numeric if k in titles}
    # a band's median is drawn on the band's axis: the statistics of one row share a unit
    stats = [k for k in numeric if k in _STATS]
    shared = next((units[k] for k in stats if k in units), None)
    if shared is not None:
        units.update({k: shared for k in stats})
    sheet = records_sheet(
        _chart_tab(name), f"Chart data: {title}", f"chart:{name}", records, source, units=units
    )
    return sheet


def _chart_title(spec: Mapping[str, Any]) -> tuple[str, str]:
    t = spec.get("title") or {}
    if isinstance(t, str):
        return t, "pestle chart"
    subtitle = t.get("subtitle") or []
    sub = subtitle[0] if isinstance(subtitle, list) and subtitle else str(subtitle or "")
    return str(t.get("text", "")), sub.removeprefix("Source: ") or "pestle chart"


_STATS = ("p5", "p50", "p95", "mean")
_AXES = (("x", "x2"), ("y", "y2"), ("theta", "theta2"))


def _encoding_titles(node: Any) -> Iterator[tuple[str, str]]:
    """(field, axis title) of the position channels of a spec: the title names the unit
    (``Composites (kt per year)``); a band's second field (``y2``) shares its axis."""
    if isinstance(node, Mapping):
        encoding = node.get("encoding")
        if isinstance(encoding, Mapping):
            for first, second in _AXES:
                channel = encoding.get(first)
                if not isinstance(channel, Mapping) or not isinstance(channel.get("title"), str):
                    continue
                for ch in (channel, encoding.get(second)):
                    if isinstance(ch, Mapping) and isinstance(ch.get("field"), str):
                        yield ch["field"], channel["title"]
        for value in node.values():
            yield from _encoding_titles(value)
    elif isinstance(node, list):
        for value in node:
            yield from _encoding_titles(value)


def _chart_tab(name: str) -> str:
    return f"chart {name.removeprefix('chart-').replace('_', ' ').replace('-', ' ')}"[:31]


__all__ = [
    "chart_sheets",
    "check_sheets",
    "claims_sheet",
    "demand_sheets",
    "extract_sheets",
    "results_sheets",
    "revision_sheets",
    "source_of",
    "unit_of",
]
