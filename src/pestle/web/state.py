"""What the app keeps between requests: the served cases and their results, computed once.

A `CaseState` holds one loaded case and its `Results` under the default `Settings` (the one
orchestrator, `pestle.results`: the same numbers as `pestle analyze` and the report), plus
the evidence index (which checks and entities use which claim). The case is read-only while
the server runs. What-if demand runs (a scenario, overrides, samples, seed from a request)
are the results of the same orchestrator under other settings; they are deterministic, so
the last few are kept in a small LRU cache keyed by those settings.
"""

from __future__ import annotations

import contextlib
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pestle.results import DEFAULTS, Results, Settings
from pestle.web.live import CaseWatcher, LiveStatus

if TYPE_CHECKING:
    from starlette.templating import Jinja2Templates

    from pestle.analysis.demand import DemandInputs, SensitivityResult
    from pestle.case import Case
    from pestle.checks import CheckReport
    from pestle.model import Claim
    from pestle.model.judgment import Judgments
    from pestle.store import Store

T = TypeVar("T")

DEMAND_CACHE = 64  # what-if results kept (each holds one run per scenario)


@dataclass(frozen=True)
class ClaimUse:
    """Who uses one claim: findings that quote it, entities and factors it supports."""

    findings: tuple[str, ...] = ()
    owners: tuple[tuple[str, str, str, str | None], ...] = ()  # (type, id, name, attribute)


class CaseState:
    """One served case and its results, each computed once (thread-safe)."""

    def __init__(self, case: Case, settings: Settings = DEFAULTS) -> None:
        self.case = case
        self.id: str = case.id
        self.results = Results(case, settings)
        self._lock = threading.RLock()
        self._once: dict[str, Any] = {}
        self._demand: OrderedDict[Hashable, Results] = OrderedDict()
        self._demand_lock = threading.Lock()
        self.claims: tuple[Claim, ...] = case.claims
        self.claim_documents: tuple[str, ...] = tuple(
            d.id for d in case.documents for _ in d.claims
        )  # document of each claim id
        self.document_claims: dict[str, tuple[int, ...]] = {
            d.id: tuple(k for k, doc in enumerate(self.claim_documents) if doc == d.id)
            for d in case.documents
        }  # claim ids of each document, in the document's claim order
        self._claim_ids: dict[tuple[str, int, int], int] = {
            (doc, c.start, c.end): k
            for k, (doc, c) in enumerate(zip(self.claim_documents, self.claims, strict=True))
        }

    def warm(self, build: Callable[[CaseState], object], lang: str) -> threading.Thread:
        """Compute what `build` needs (the first page) in a background thread, from now: a
        server starts it before it listens, so the first request finds the work done or
        under way (it then waits for it: `once` and `Results` compute each thing once). An
        error is left for the request that needs the value to raise."""
        from pestle.present import i18n

        def run() -> None:
            with contextlib.suppress(Exception), i18n.use(lang):
                build(self)

        thread = threading.Thread(target=run, name=f"pestle-warm-{self.id}", daemon=True)
        thread.start()
        return thread

    # -- cached results -----------------------------------------------------------------
    def once(self, key: str, build: Callable[[], T]) -> T:
        with self._lock:
            if key not in self._once:
                self._once[key] = build()
            return self._once[key]

    @property
    def checks(self) -> CheckReport:
        return self.results.findings

    @property
    def demand_inputs(self) -> DemandInputs:
        return self.results.demand_inputs

    @property
    def judgments(self) -> Judgments:
        return self.results.judgments

    @property
    def sensitivity(self) -> SensitivityResult | None:
        """Sobol' indices of total demand in the headline scenario (ranks the sliders)."""
        return self.results.sensitivity

    # -- claims -------------------------------------------------------------------------
    def claim_id(self, document: str | None, start: int, end: int) -> int | None:
        if document is None:
            return None
        return self._claim_ids.get((document, start, end))

    @property
    def uses(self) -> dict[int, ClaimUse]:
        """For each claim id: the findings that quote it and the entities it supports."""
        return self.once("uses", self._build_uses)

    def _build_uses(self) -> dict[int, ClaimUse]:
        findings: dict[int, list[str]] = {}
        for f in self.checks.findings:
            for ev in f.evidence:
                if ev.kind != "claim":
                    continue
                k = self.claim_id(ev.document, ev.start, ev.end)
                if k is not None and f.id not in findings.setdefault(k, []):
                    findings[k].append(f.id)
        owners: dict[int, list[tuple[str, str, str, str | None]]] = {}
        for kind, items in (("entity", self.case.entities), ("factor", self.case.factors)):
            for owner in items:
                for link in owner.evidence:
                    resolution = self.case.resolve(link)
                    for claim in resolution.claims:
                        k = self.claim_id(resolution.document, claim.start, claim.end)
                        if k is None:
                            continue
                        row = (kind, owner.id, owner.name, link.attribute)
                        if row not in owners.setdefault(k, []):
                            owners[k].append(row)
        keys = set(findings) | set(owners)
        return {
            k: ClaimUse(findings=tuple(findings.get(k, ())), owners=tuple(owners.get(k, ())))
            for k in keys
        }

    # -- what-if results -------------------------------------------------------------------
    def results_for(self, settings: Settings) -> Results:
        """The case's results under `settings` (the served ones when they are the same)."""
        if settings == self.results.settings:
            return self.results
        with self._demand_lock:
            hit = self._demand.get(settings)
            if hit is None:
                hit = self._demand[settings] = Results(self.case, settings)
            self._demand.move_to_end(settings)
            while len(self._demand) > DEMAND_CACHE:
                self._demand.popitem(last=False)
            return hit


@dataclass
class AppState:
    """Everything the routes share: served cases, token, store, templates, limits."""

    cases: dict[str, CaseState]
    default: str
    token: str
    store_factory: Callable[[], Store]
    templates: Jinja2Templates
    max_upload: int
    report_dir: Path | None = None
    sweeps: dict[str, Any] = field(default_factory=dict)  # name -> (SweepResult, description)
    live: dict[str, LiveStatus] = field(default_factory=dict)  # case id -> reloads, errors
    watchers: list[CaseWatcher] = field(default_factory=list)  # `pestle serve --watch`
    _store: Store | None = field(default=None, repr=False)
    _reports: dict[tuple[str, str], Path] = field(default_factory=dict, repr=False)
    _report_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _store_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def primary(self) -> CaseState:
        return self.cases[self.default]

    @property
    def store(self) -> Store:
        with self._store_lock:
            if self._store is None:
                self._store = self.store_factory()
            return self._store

    def report(self, case_id: str, fmt: str, build: Callable[[Path], Path]) -> Path:
        """The built report of a case in one format, built once into the app's own folder."""
        with self._report_lock:
            key = (case_id, fmt)
            if key in self._reports and self._reports[key].is_file():
                return self._reports[key]
            if self.report_dir is None:
                self.report_dir = Path(tempfile.mkdtemp(prefix="pestle-serve-"))
            path = build(self.report_dir / f"{case_id}-{fmt}")
            self._reports[key] = path
            return path

    def status(self, case_id: str) -> LiveStatus:
        return self.live.get(case_id, LiveStatus())

    def forget_reports(self, case_id: str) -> None:
        """Drop the built reports of a case (it was reloaded: they show the old one)."""
        with self._report_lock:
            for key in [k for k in self._reports if k[0] == case_id]:
                self._reports.pop(key).unlink(missing_ok=True)

    def close(self) -> None:
        for watcher in self.watchers:
            watcher.stop()
        self.watchers.clear()
        if self._store is not None:
            self._store.close()
        if self.report_dir is not None:
            import shutil

            shutil.rmtree(self.report_dir, ignore_errors=True)
            self.report_dir = None
