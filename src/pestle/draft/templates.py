"""Templates of the files a drafted case needs besides its entities and factors.

Judgments are written for the drafted factors: every comparison neutral (AHP 1, DEMATEL 1,
EFE 2, TOPSIS 3) with a rationale that says it is a placeholder, and `illustrative: true`, so
every method runs and every surface labels the result illustrative. The demand model's files
(parameters, scenarios, linkage) are the embedded case's, read from the installed package and
headed by a notice that they describe that case until an analyst replaces them; the policy
coding starts empty.
"""

from __future__ import annotations

from importlib import resources
from itertools import combinations
from typing import Any

from pestle.case.models import DIMENSIONS
from pestle.cases import DEFAULT_CASE
from pestle.draft.indicators import slug, unique_id
from pestle.draft.lexicon import Lexicon

PLACEHOLDER = "[draft] placeholder until an analyst judges it"
TEMPLATE_KINDS = ("parameters", "linkage")
SEGMENTS = ("wind_blades", "pv_frames", "hydrogen_vessels", "transmission_insulators_cores")
_CRITERIA = {
    "demand_size": (0.35, "index 1..5 of composites demand in tonnes per year", True),
    "growth": (0.25, "index 1..5 of expected demand growth", False),
    "policy_support": (0.20, "index 1..5 of explicit policy backing in the case sources", False),
    "local_capability": (0.20, "index 1..5 of existing local production capability", False),
}


_STATED_ORDER = (
    "[draft] placeholder index in list order, not a judgment: the ranking replaces it with "
    "the demand model's tonnes"
)


def judgments(
    factors: list[dict[str, Any]], region: str, model_demand: bool = True
) -> dict[str, Any]:
    """Neutral, illustrative judgments over `factors` (dicts as written to factors.yaml).
    `model_demand`: the demand model has capacity to work on, so the TOPSIS demand size is a
    stated input it replaces (without capacity its tonnes are all zero and cannot rank)."""
    ids = [f["id"] for f in factors]
    dims = [d for d in DIMENSIONS if any(f["dimension"] == d for f in factors)]
    within = {
        d: _pairwise(f"Importance of the {d} factors ({PLACEHOLDER}).", members)
        for d in dims
        if len(members := [f["id"] for f in factors if f["dimension"] == d]) > 1
    }
    return {
        "illustrative": True,
        "note": "ILLUSTRATIVE template written by pestle init: every judgment is neutral and "
        f"stands for nobody's opinion of {region}. Replace each with an analyst's judgment "
        "and its rationale, then set illustrative: false.",
        "factors": {
            f["id"]: {
                "name": f["name"],
                "dimension": f["dimension"],
                "kind": f["direction"],
                "evidence": f"[report: {f['name']}] {PLACEHOLDER}",
            }
            for f in factors
        },
        "ahp": {
            "random_index": "saaty1980",
            "dimensions": _pairwise(f"Importance of each PESTLE dimension ({PLACEHOLDER}).", dims),
            "within": within,
        },
        "dematel": {
            "rationale": f"Direct influence of each factor on each other ({PLACEHOLDER}).",
            "scale": "0 none, 1 low, 2 medium, 3 high, 4 very high",
            "labels": ids,
            # every influence 1 has no DEMATEL solution (I - D singular after normalising):
            # the last factor's row stays 0 until judged
            "rows": {a: [0 if a == b or a == ids[-1] else 1 for b in ids] for a in ids},
            "why": {a: PLACEHOLDER for a in ids[:-1]},
        },
        "efe": {a: {"rating": 2, "why": PLACEHOLDER} for a in ids},
        "topsis": {
            "rationale": f"Ranking of composite product segments ({PLACEHOLDER}).",
            "alternatives": list(SEGMENTS),
            "criteria": {
                name: {
                    "kind": "benefit",
                    "weight": weight,
                    "scale": scale,
                    **({"stated_input": True} if stated and model_demand else {}),
                    "why": PLACEHOLDER,
                }
                for name, (weight, scale, stated) in _CRITERIA.items()
            },
            # the stated ranking needs alternatives that differ somewhere: the demand-size
            # index is a placeholder in list order (the ranking uses the model's tonnes)
            "rows": {
                s: [len(SEGMENTS) - i] + [3] * (len(_CRITERIA) - 1) for i, s in enumerate(SEGMENTS)
            },
            "why": {
                s: {c: _STATED_ORDER if c == "demand_size" else PLACEHOLDER for c in _CRITERIA}
                for s in SEGMENTS
            },
        },
    }


def _pairwise(rationale: str, labels: list[str]) -> dict[str, Any]:
    return {
        "rationale": rationale,
        "labels": labels,
        "rows": {a: [1] * len(labels) for a in labels},
        "why": {f"{a} vs {b}": PLACEHOLDER for a, b in combinations(labels, 2)},
    }


def policy_measures(factors: list[dict[str, Any]], lexicon: Lexicon) -> dict[str, Any]:
    """One measure per evidence sentence of the political factors (of every factor when
    there is none), coded from its words by the lexicon's `policy` codes."""
    political = [f for f in factors if f["dimension"] == "political"] or factors
    measures = []
    taken: set[str] = set()
    for factor in political:
        for link in factor["evidence"]:
            quote = link["quote"]
            measures.append(
                {
                    "id": unique_id(slug(f"measure_{factor['id']}"), taken),
                    "name": f"{factor['name']} ({len(measures) + 1})",
                    "level": lexicon.policy_code(quote, "level", "regional"),
                    "instrument": lexicon.policy_code(quote, "instrument", "environment"),
                    "target": lexicon.policy_code(quote, "target", "industry"),
                    "entities": [],
                    "evidence": [link],
                    "rationale": f"{PLACEHOLDER}: codes drafted from the words of the quote "
                    "(lexicon.yaml, policy)",
                }
            )
    return {
        "typology": "Rothwell and Zegveld (1981), supply-side / demand-side / "
        "environment-side instruments",
        "note": "DRAFT coding written by pestle init from the lexicon: check every code and "
        "rationale, and add the measures it missed.",
        "measures": measures,
    }


_SCENARIOS = {
    "observed": "[draft] What the documents say was built (the drafted capacity history), then "
    "a projection at the template parameters' rates.",
    "as_stated": "[draft] The energy bases the documents state (entities/energy.yaml), as stated.",
    "no_capacity": "[draft] The documents state no capacity the demand model can use: demand "
    "is zero until a capacity history (capacity_history in case.yaml) or energy bases "
    "(entities of kind energy_base) are added.",
}


def scenarios(paths: tuple[str, ...]) -> dict[str, Any]:
    """One scenario per capacity path the draft can feed (`observed`, `bases`), the best
    first (the first scenario is the headline); without either, the bases path on no bases
    (zero demand, said in its description) so that every command runs on the draft."""
    if not paths:
        return {
            "scenarios": {
                "as_stated": {
                    "description": _SCENARIOS["no_capacity"],
                    "set": {"capacity_path": "bases"},
                }
            }
        }
    out: dict[str, Any] = {}
    for path in paths:
        name = "observed" if path == "observed" else "as_stated"
        out[name] = {"description": _SCENARIOS[name]}
        if path != "observed":
            out[name]["set"] = {"capacity_path": path}
    return {"scenarios": out}


def embedded_template(kind: str) -> str:
    """The embedded case's file of `kind` (parameters, scenarios, linkage), headed by a
    notice that it is a template (read from the installed package, never the source tree)."""
    folder = resources.files("pestle.cases").joinpath(DEFAULT_CASE)
    text = folder.joinpath(f"{kind}.yaml").read_text(encoding="utf-8")
    header = (
        f"# TEMPLATE (illustrative), written by `pestle init --from`: a copy of the {kind} file\n"
        f"# of the embedded case {DEFAULT_CASE}. Its values, ranges, sources and reasons\n"
        "# describe that case, not this one: replace each with this region's figure and source.\n"
        "#\n"
    )
    return header + text
