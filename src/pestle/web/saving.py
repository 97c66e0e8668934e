"""Saving work from the dashboard into the served case's files (`pestle.case.writer`).

A request's matrices or scenario become the case's judgments or scenarios file: the writer
checks the new text with the case's own loaders first (a bad edit is refused with the
loader's file:line message and nothing is written) and replaces the file atomically; the
served case is then loaded again from its folder (`live.reload_case`), so every page and
endpoint shows the saved judgments at once. The same texts are offered as YAML downloads
without writing anything, which is how edits to a case shipped with pestle (read-only) leave
the dashboard.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from pestle.case.writer import (
    JudgmentEdits,
    MatrixEdit,
    NewScenario,
    judgments_text,
    save_judgments,
    save_scenario,
    scenarios_text,
)
from pestle.web.live import LiveStatus, reload_case
from pestle.web.runs import checked_overrides, scenario_parameters

if TYPE_CHECKING:
    from pathlib import Path

    from pestle.web.schemas import JudgmentsRequest, PairwiseInput, ScenarioSave
    from pestle.web.state import AppState, CaseState

# one save at a time per server: two saves racing on one file would each read the old text
_SAVING = threading.Lock()


def _edit(m: PairwiseInput | Any) -> MatrixEdit:
    return MatrixEdit(labels=tuple(m.labels), values=tuple(tuple(row) for row in m.values))


def judgment_edits(request: JudgmentsRequest) -> JudgmentEdits:
    """The writer's edits from a judgments request (a part not sent keeps the file's own)."""
    ahp = request.ahp
    return JudgmentEdits(
        dimensions=_edit(ahp.dimensions) if ahp is not None else None,
        within={d: _edit(m) for d, m in ahp.within.items()} if ahp is not None else {},
        dematel=_edit(request.dematel) if request.dematel is not None else None,
    )


def new_scenario(cs: CaseState, request: ScenarioSave) -> NewScenario:
    """The scenario to save: its base scenario's settings with the request's overrides on
    top (each checked against its parameter as a what-if run checks it)."""
    base = request.base or cs.results.scenario
    overrides = checked_overrides(scenario_parameters(cs, base), request.overrides)
    chosen = next(s for s in cs.demand_inputs.scenarios if s.name == base)
    values: dict[str, Any] = {
        name: _written(o.model_dump(exclude_none=True)) for name, o in chosen.overrides.items()
    }
    values.update(overrides)
    return NewScenario(name=request.name, description=request.description, values=values)


def _written(override: dict[str, Any]) -> Any:
    """An override as the file writes it: a bare value when it only fixes one."""
    if set(override) == {"value"}:
        return override["value"]
    return override


def judgments_yaml(cs: CaseState, request: JudgmentsRequest) -> str:
    return judgments_text(cs.case, judgment_edits(request))


def scenarios_yaml(cs: CaseState, request: ScenarioSave) -> str:
    return scenarios_text(cs.case, new_scenario(cs, request))


def save_judgment_edits(
    state: AppState, cs: CaseState, request: JudgmentsRequest
) -> tuple[Path, LiveStatus]:
    """Write the edits; the case as served afterwards (its revision, or why it did not load)."""
    with _SAVING:
        path = save_judgments(cs.case, judgment_edits(request))
        return path, reload_case(state, cs.id, (path,))


def save_named_scenario(
    state: AppState, cs: CaseState, request: ScenarioSave
) -> tuple[Path, LiveStatus]:
    with _SAVING:
        path = save_scenario(cs.case, new_scenario(cs, request))
        return path, reload_case(state, cs.id, (path,))
