"""The report's side of the contracts with the case, the checks and the analyses.

Each `run_*` calls one library function per result and stores it in `Inputs`; a module
that is not built yet is recorded as missing (see `inputs.Inputs.run`). Nothing here
computes a number.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pestle.report.footnotes import DocumentText
from pestle.report.inputs import Inputs

CASE_MODULE = "pestle.case"
CHECKS_MODULE = "pestle.checks.runner"


def load(
    case: str | Path | None = None,
    scenario: str | None = None,
    overrides: Mapping[str, float | str] | None = None,
) -> Inputs:
    """Load the case (a bad case file raises its file:line error here, before any write).

    `overrides` fixes demand-model parameters at a value (`--set NAME=VALUE`)."""
    inputs = Inputs(case_ref=case, scenario=scenario, overrides=dict(overrides or {}))

    def _load(mod: Any) -> Any:
        return mod.load_case(case) if case is not None else mod.load_case()

    inputs.case = inputs.run("case", CASE_MODULE, _load)
    return inputs


def run_checks(inputs: Inputs) -> None:
    if inputs.case is None and inputs.get("case") is None:
        inputs.missing.setdefault(CHECKS_MODULE, _needs_case(CHECKS_MODULE))
        return
    inputs.run("findings", CHECKS_MODULE, lambda mod: mod.run_checks(inputs.get("case")))


# Settings of the report's runs (stated in the report next to the results).
DEMAND_SAMPLES = 20_000
DEMAND_SEED = 0
SOBOL_BASE_SAMPLES = 2**10
ROBUSTNESS_DRAWS = 2000
ROBUSTNESS_SPREAD = 0.2
ROBUSTNESS_SEED = 0


def run_analyses(inputs: Inputs) -> None:
    """Run every analysis the report presents (those that exist)."""
    case = inputs.get("case")
    inputs.case = case
    if case is None:
        for module in (
            "pestle.analysis.demand",
            "pestle.analysis.linkage",
            "pestle.analysis.ahp",
            "pestle.analysis.indicators",
            "pestle.analysis.policy",
        ):
            inputs.missing.setdefault(module, _needs_case(module))
        return
    folder = Path(case.folder)
    inputs.run("indicators", "pestle.analysis.indicators", lambda m: m.case_indicators(case))
    inputs.run("policy", "pestle.analysis.policy", lambda m: m.case_policy_mix(case))
    inputs.run("entropy", "pestle.analysis.factor_panel", lambda m: m.case_entropy(case))
    _run_factors(inputs, folder)
    _run_demand(inputs, folder)


FACTOR_RESULTS = ("judgments", "ahp", "dematel", "efe", "topsis", "robustness")
# The factor analyses of the last judgments file seen, by its content: they depend on that
# file only, so a rebuild in the same process (a parameter changed) does not redo them.
_factors_seen: dict[str, dict[str, Any]] = {}


def _run_factors(inputs: Inputs, folder: Path) -> None:
    found = inputs.case.files()["judgments"] if inputs.case is not None else ()
    path = found[0] if found else folder / "judgments.yaml"
    if not found:
        inputs.results["judgments"] = None
        return
    try:
        seen_key = f"{path.resolve()}|{hashlib.sha256(path.read_bytes()).hexdigest()}"
    except OSError:
        seen_key = ""
    seen = _factors_seen.get(seen_key)
    if seen is not None:
        inputs.results.update(seen)
        return
    _analyse_factors(inputs, path)
    found = {k: inputs.results.get(k) for k in FACTOR_RESULTS}
    if seen_key and all(v is not None for v in found.values()):
        _factors_seen.clear()
        _factors_seen[seen_key] = found


def _analyse_factors(inputs: Inputs, path: Path) -> None:
    judgments = inputs.run(
        "judgments", "pestle.analysis.run", lambda m: m.load_case_judgments(inputs.case)
    )
    if judgments is None:
        return
    hierarchy = inputs.run(
        "ahp",
        "pestle.analysis.ahp",
        lambda m: m.hierarchy(
            judgments.dimension_matrix(),
            judgments.within_matrices(),
            random_index_table=judgments.ahp.random_index,
        ),
    )
    inputs.run(
        "dematel", "pestle.analysis.dematel", lambda m: m.dematel(judgments.influence_matrix())
    )
    if hierarchy is not None:
        inputs.run(
            "efe",
            "pestle.analysis.efe",
            lambda m: m.efe(judgments.efe_matrix(hierarchy.global_weights())),
        )
    inputs.run("topsis", "pestle.analysis.topsis", lambda m: m.topsis(judgments.decision_matrix()))
    inputs.run(
        "robustness",
        "pestle.analysis.robustness",
        lambda m: m.rank_stability(
            judgments.decision_matrix(),
            draws=ROBUSTNESS_DRAWS,
            spread=ROBUSTNESS_SPREAD,
            seed=ROBUSTNESS_SEED,
        ),
    )


def _run_demand(inputs: Inputs, folder: Path) -> None:
    def demand(mod: Any) -> Any:
        data = mod.load_demand_inputs(inputs.case)  # the case as loaded, not read again
        inputs.results["demand_inputs"] = data
        return mod.compare_scenarios(
            data.build_out,
            data.parameters,
            data.scenarios,
            overrides=inputs.overrides,
            samples=DEMAND_SAMPLES,
            seed=DEMAND_SEED,
            sobol_samples=None,  # Sobol' for the presented scenario only, below
        )

    comparison = inputs.run("demand", "pestle.analysis.demand", demand)
    if comparison is None:
        inputs.missing.setdefault(
            "pestle.analysis.linkage", _needs("pestle.analysis.linkage", "pestle.analysis.demand")
        )
        return
    chosen = inputs.scenario or comparison.names[0]
    if chosen not in comparison.names:
        from pestle.errors import InputError

        raise InputError(
            f"--scenario {chosen}: unknown scenario; scenarios of this case: "
            f"{', '.join(comparison.names)}"
        )
    inputs.results["scenario_name"] = chosen
    result = comparison[chosen]
    inputs.run(
        "sensitivity",
        "pestle.analysis.demand",
        lambda mod: mod.demand_sensitivity(
            inputs.results["demand_inputs"].build_out,
            result.parameters,
            base_samples=SOBOL_BASE_SAMPLES,
            seed=DEMAND_SEED,
        ),
    )

    def linkage(mod: Any) -> Any:
        tonnes = {
            seg: result.demand.get("cumulative_demand_t", seg)["mean"]
            for seg in result.demand.segments
        }
        config = inputs.case.linkage
        if config is None:
            return None
        usable = {k: v for k, v in tonnes.items() if k in config.segments}
        return mod.composite_effects(usable, config=config)

    inputs.run("linkage", "pestle.analysis.linkage", linkage)


def _needs(module: str, dep: str) -> str:
    return f"not yet available: {module} needs {dep}, which is not built"


def _needs_case(module: str) -> str:
    return f"not yet available: {module} needs pestle.case, which is not built"


def documents_of(inputs: Inputs) -> Mapping[str, DocumentText]:
    """The case's documents, with the parser's sentence boundaries for footnote quotes."""
    case = inputs.get("case")
    if case is None:
        return {}
    out: dict[str, DocumentText] = {}
    docs = getattr(case, "documents", {}) or {}
    items = docs.values() if isinstance(docs, Mapping) else docs
    for doc in items:
        out[doc.id] = _document_text(doc)
    return out


def _document_text(doc: Any) -> DocumentText:
    """A case document for footnotes: sentences, sections and table headers by offset."""
    from pestle.ingest import parse

    text: str = doc.text
    parsed = parse(text)

    def sentence_span(offset: int) -> tuple[int, int] | None:
        s = parsed.sentence_at(offset)
        return (s.start, s.end) if s.start <= offset <= s.end else None

    def section_at(offset: int) -> str | None:
        sec = parsed.section_at(offset)
        return sec.title if sec is not None else None

    def table_header_at(offset: int) -> str | None:
        for table in parsed.tables:
            if table.start <= offset < table.end and table.header:
                first, last = table.header[0], table.header[-1]
                return text[first.start : last.end].strip(" |")
        return None

    source = getattr(doc, "source", None)
    folder_path = getattr(doc, "path", None)
    return DocumentText(
        id=doc.id,
        title=doc.title,
        text=text,
        path=str(getattr(source, "path", None) or folder_path or "") or None,
        sha256=getattr(source, "sha256", None),
        sentence_span=sentence_span,
        section_at=section_at,
        table_header_at=table_header_at,
    )
