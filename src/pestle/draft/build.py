"""Draft a case folder from documents (what `pestle init DIR --from DOC ...` does).

    summary = draft_case("my_case", ["a.txt", "b.txt"], region="Northland")
    print(summary.lines())

Steps: copy the documents under `sources/`; write case.yaml; read the documents as the
loader does (sections, claims); draft one indicator per claim with a checked evidence link
(`indicators`), factors per PESTLE dimension from the passages that discuss them (`factors`,
with the lexicon copied into the case), neutral illustrative judgments for those factors and
the demand model's template files (`templates`); write each file with its schema line and
the schemas themselves; finally load the draft with `pestle.load_case` and read its
judgments and policy coding, so a draft that is written is a draft that loads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pestle.case import evidence as ev
from pestle.case.documents import load_documents
from pestle.case.models import CaseInfo
from pestle.case.schema import write_schemas
from pestle.draft import templates
from pestle.draft.capacity import DraftedCapacity, draft_capacity
from pestle.draft.copy import prepare_folder
from pestle.draft.factors import draft_factors
from pestle.draft.indicators import Unplaced, draft_indicators, slug, unique_id
from pestle.draft.lexicon import DEFAULT_LEXICON, Lexicon, default_lexicon_text, load_lexicon
from pestle.draft.write import SCHEMA_FOLDER, write_text, write_yaml
from pestle.errors import InputError
from pestle.ingest.reader import read_text

INDICATORS_FILE = "entities/indicators.yaml"
CAPACITY_FILE = "sources/capacity_history.yaml"
BASES_FILE = "entities/energy.yaml"
MIN_FACTORS = 2


@dataclass
class DraftSummary:
    """What a draft holds: files written with their item counts, claims linked, what was not
    placed, and the command to run next."""

    folder: Path
    counts: dict[str, int] = field(default_factory=dict)
    template_files: tuple[str, ...] = tuple(f"{k}.yaml" for k in templates.TEMPLATE_KINDS)
    claims: int = 0
    linked: int = 0
    unplaced: list[Unplaced] = field(default_factory=list)

    @property
    def linked_share(self) -> float:
        return self.linked / self.claims if self.claims else 0.0

    @property
    def next_command(self) -> str:
        return f"pestle check {self.folder}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "files": self.counts,
            "templates": list(self.template_files),
            "claims": self.claims,
            "linked": self.linked,
            "linked_share": self.linked_share,
            "unplaced": [u.__dict__ for u in self.unplaced],
            "next": self.next_command,
        }


def draft_case(
    folder: str | Path,
    documents: Sequence[str | Path],
    *,
    region: str | None = None,
    industry: str = "composite materials",
    language: str = "en",
    lexicon: str | Path | None = None,
) -> DraftSummary:
    """Draft a case in `folder` (new or empty) from `documents` (UTF-8 text files)."""
    if not documents:
        raise InputError("give at least one document to draft from", parameter="documents")
    words = load_lexicon(lexicon)
    texts = [(Path(d), read_text(Path(d))) for d in documents]  # one-line InputError each
    target = prepare_folder(folder)
    region = region or "the region"
    info = _case_info(target, texts, region, industry, language)
    docs = load_documents(target, info)
    indexes = ev.index_documents(docs)
    summary = DraftSummary(folder=target)
    taken: set[str] = set()
    indicators: list[dict[str, Any]] = []
    factors: list[dict[str, Any]] = []
    from pestle.ingest import parse

    for doc in docs:
        drafted = draft_indicators(doc, indexes[doc.id], taken, region)
        indicators.extend(drafted.entities)
        summary.claims += drafted.claims
        summary.unplaced.extend(drafted.unplaced)
        found = draft_factors(doc, parse(doc.text), indexes[doc.id], words, indicators, taken)
        factors.extend(found.factors)
        summary.unplaced.extend(found.unplaced)
    summary.linked = len(indicators)
    if len(factors) < MIN_FACTORS:
        # AHP and DEMATEL compare factors: one factor (or none) gives them nothing to compare
        raise InputError(
            f"the documents give {len(factors)} factor(s) and the factor methods need at least "
            f"{MIN_FACTORS}: no other passage reaches the lexicon's {words.min_hits} hits for a "
            "PESTLE dimension (add documents, or lower min_hits in a copy of lexicon.yaml and "
            "pass it with --lexicon)",
            parameter="documents",
        )
    capacity = draft_capacity(docs, indexes, words, taken)
    summary.unplaced.extend(capacity.unplaced)
    if capacity.rows:
        info = info.model_copy(update={"capacity_history": CAPACITY_FILE})
    paths = _capacity_paths(target, capacity)
    measures = _write(target, info, indicators, factors, words, region, industry, paths)
    if capacity.bases:
        write_yaml(
            target / BASES_FILE,
            target,
            "entities",
            "DRAFT energy bases: the dated power claims whose subject names a project (words in\n"
            "lexicon.yaml, capacity). Check status and date against the source.",
            capacity.bases,
        )
    summary.counts = {
        "case.yaml": len(info.documents),
        INDICATORS_FILE: len(indicators),
        "factors.yaml": len(factors),
        "judgments.yaml": len(factors),
        "scenarios.yaml": max(len(paths), 1),
        **({CAPACITY_FILE: capacity.rows} if capacity.rows else {}),
        **({BASES_FILE: len(capacity.bases)} if capacity.bases else {}),
        "policy_measures.yaml": measures,
    }
    _load(target)
    return summary


def _case_info(
    target: Path, texts: list[tuple[Path, str]], region: str, industry: str, language: str
) -> CaseInfo:
    (target / "sources").mkdir(exist_ok=True)
    taken: set[str] = set()
    specs: dict[str, dict[str, Any]] = {}
    for path, text in texts:
        doc_id = unique_id(slug(path.stem), taken)
        name = f"sources/{doc_id}{path.suffix or '.txt'}"
        (target / name).write_text(text, encoding="utf-8")
        specs[doc_id] = {
            "path": name,
            "title": _title(text, path),
            "language": language,
            "origin": str(path),
        }
    case_id = slug(f"{region}_{industry}")
    raw = {
        "id": case_id,
        "name": f"{industry[:1].upper()}{industry[1:]} industry of {region} (draft)",
        "region": region,
        "target_industry": industry,
        "description": "Drafted by pestle init from the documents under sources/; every "
        "entity and factor is marked draft until an analyst confirms it.",
        "documents": specs,
        "entities": ["entities/*.yaml"],
        "factors": ["factors.yaml"],
        "judgments": "judgments.yaml",
        "parameters": "parameters.yaml",
        "scenarios": "scenarios.yaml",
        "linkage": "linkage.yaml",
        "policy_measures": "policy_measures.yaml",
    }
    return CaseInfo.model_validate(raw)


def _title(text: str, path: Path) -> str:
    """The first non-empty line of a document (without Markdown #), else its file name."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 120 else line[:119] + "…"
    return path.name


def _write(
    target: Path,
    info: CaseInfo,
    indicators: list[dict[str, Any]],
    factors: list[dict[str, Any]],
    words: Lexicon,
    region: str,
    industry: str,
    capacity_paths: tuple[str, ...],
) -> int:
    """Write every file of the draft; returns the number of policy measures drafted."""
    write_schemas(target / SCHEMA_FOLDER)
    write_yaml(
        target / "case.yaml",
        target,
        "case",
        f"Draft case: the {industry} industry of {region}, drafted by `pestle init --from`.\n"
        "Paths are relative to this folder; see the schema line above for every key.",
        info.model_dump(mode="json", exclude_defaults=False),
    )
    write_yaml(
        target / INDICATORS_FILE,
        target,
        "entities",
        "Indicators drafted from every claim of the documents that a quote could support.\n"
        "Each `value` links to the passage it was read from (checked as the loader checks).\n"
        "Review each one: fix the measure, subject and name; delete `draft: true` to confirm.",
        indicators,
    )
    write_yaml(
        target / "factors.yaml",
        target,
        "factors",
        "PESTLE factors drafted per dimension from the passages that discuss it (the words\n"
        "counted are in lexicon.yaml). Rewrite each statement, check dimension and direction,\n"
        "add threats the documents leave out (origin: analyst, with sources), and delete\n"
        "`draft: true` to confirm.",
        factors,
    )
    write_yaml(
        target / "judgments.yaml",
        target,
        "judgments",
        "ILLUSTRATIVE: neutral judgments over the drafted factors, so that every method runs.\n"
        "Replace each with an analyst's judgment and its rationale.",
        templates.judgments(factors, region, model_demand=bool(capacity_paths)),
    )
    write_yaml(
        target / "policy_measures.yaml",
        target,
        "policy_measures",
        "DRAFT policy measures: the sentences of the political factors, coded by level,\n"
        "instrument and target from their words (lexicon.yaml, policy). Check every code.",
        (coding := templates.policy_measures(factors, words)),
    )
    write_yaml(
        target / "scenarios.yaml",
        target,
        "scenarios",
        "Scenarios of the demand model, one per capacity path the documents feed (the first\n"
        "is the headline): observed = the drafted capacity history, as_stated = the bases.",
        templates.scenarios(capacity_paths),
    )
    for kind in templates.TEMPLATE_KINDS:
        write_text(target / f"{kind}.yaml", target, kind, templates.embedded_template(kind))
    (target / DEFAULT_LEXICON).write_text(default_lexicon_text(), encoding="utf-8")
    return len(coding["measures"])


def _capacity_paths(target: Path, capacity: DraftedCapacity) -> tuple[str, ...]:
    """The demand model's capacity paths the draft can feed, best first: `observed` when the
    drafted history yields yearly additions (read with the model's own code), `bases` when
    energy bases were drafted. The history is written here, where it is read back."""
    from pestle.analysis.demand.observed import yearly_additions
    from pestle.case.capacity_file import load_observed_capacity

    paths: list[str] = []
    if capacity.rows:
        path = write_yaml(
            target / CAPACITY_FILE,
            target,
            None,
            "DRAFT installed wind and solar capacity from the documents' power claims (W).\n"
            "Keep only region-wide stocks (date) and stated additions (year); delete project\n"
            "capacities, plans and targets; check each row against its source.",
            capacity.history,
        )
        if yearly_additions(load_observed_capacity(path)).additions:
            paths.append("observed")
    if capacity.bases:
        paths.append("bases")
    return tuple(paths)


def _load(target: Path) -> None:
    """Load the draft as every command will: a draft that does not load is a bug here."""
    from pestle.case.loader import load_case

    case = load_case(target)
    case.judgments  # noqa: B018 - reading checks the judgments against the factors
    case.policy_measures  # noqa: B018
    case.parameters  # noqa: B018
    case.scenarios  # noqa: B018
