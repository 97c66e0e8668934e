"""JSON Schema of each kind of case file, generated from the pydantic models that read them.

    schemas()            # {"case": {...}, "entities": {...}, ...}
    schema("factors")    # one kind

A schema describes the shape a file must have: its keys, types, allowed codes and patterns.
What needs more than one file (an evidence quote found once in its document, a linked value
equal to its claim, a factor id known to the judgments, AHP consistency) only the loader can
check; tests/case/test_schema.py lists those differences. Fields the loader fills in itself
(`file`, `line`, the path a file was read from) are not part of any file and are left out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from pestle.case.linkage_file import LinkageConfig
from pestle.case.models import ENTITY_KINDS, CaseEntity, CaseInfo, Factor
from pestle.case.policy_file import PolicyMeasure
from pestle.model.capacity import OverlapGroup
from pestle.model.judgment import Judgments
from pestle.model.parameter import Override, Parameter
from pestle.model.text import Text

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# keys the loader sets from where it read a file; never written in one
_INTERNAL = frozenset({"file", "line", "attribute_lines", "series_lines"})
_FRACTION = r"^\s*\d+(\.\d+)?(\s*/\s*\d+(\.\d+)?)?\s*$"
# ... and, at the top of these kinds, the path and lines of the file read
_INTERNAL_TOP = {"judgments": ("path", "lines"), "linkage": ("path",)}


class _Within(BaseModel):
    """An `overlaps.nested` entry: the child project's key maps to its parent."""

    within: str
    reason: Text = Field(min_length=1)


class _Overlaps(BaseModel):
    model_config = ConfigDict(extra="forbid")

    nested: dict[str, _Within] | None = None
    groups: list[OverlapGroup] | None = None


class ParametersFile(BaseModel):
    """`parameters.yaml`: parameters by name, and which projects overlap."""

    model_config = ConfigDict(extra="forbid")

    parameters: dict[str, Parameter]
    overlaps: _Overlaps | None = None


class _ScenarioBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: Text | None = Field(default=None, description="the scenario in plain words")
    description: Text = ""
    set: dict[str, Override | float | int | str | bool] = Field(default_factory=dict)


class ScenariosFile(BaseModel):
    """`scenarios.yaml`: named sets of parameter overrides."""

    model_config = ConfigDict(extra="forbid")

    scenarios: dict[str, _ScenarioBody | None]


class PolicyMeasuresFile(BaseModel):
    """`policy_measures.yaml`: policy measures coded by level, instrument and target."""

    model_config = ConfigDict(extra="forbid")

    typology: str | None = None
    note: Text | None = None
    measures: list[PolicyMeasure]


# kind -> (the type of the whole file, what it is)
KINDS: dict[str, tuple[Any, str]] = {
    "case": (CaseInfo, "case.yaml: what the case is and every file it is made of"),
    "entities": (list[CaseEntity], "entity files: zones, projects, indicators, with evidence"),
    "factors": (list[Factor], "factor files: the PESTLE factors, with evidence or sources"),
    "judgments": (Judgments, "judgments.yaml: AHP, DEMATEL, EFE and TOPSIS judgments"),
    "parameters": (ParametersFile, "parameters.yaml: the demand model's parameters"),
    "scenarios": (ScenariosFile, "scenarios.yaml: named parameter overrides"),
    "linkage": (LinkageConfig, "linkage.yaml: composite demand -> input-output sectors"),
    "policy_measures": (PolicyMeasuresFile, "policy_measures.yaml: coded policy measures"),
}


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of case file (`KINDS`); ValueError for an unknown kind."""
    if kind not in KINDS:
        raise ValueError(f"unknown file kind {kind!r}; known: {', '.join(KINDS)}")
    model, what = KINDS[kind]
    out = TypeAdapter(model).json_schema(mode="validation")
    out = _clean(out)
    for key in _INTERNAL_TOP.get(kind, ()):
        out["properties"].pop(key, None)
    _loader_shorthands(kind, out)
    _loader_rules(out)
    return {"$schema": SCHEMA_DIALECT, **out, "title": f"pestle {kind}", "description": what}


def schemas() -> dict[str, dict[str, Any]]:
    return {kind: schema(kind) for kind in KINDS}


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def write_schemas(folder: str | Path, kinds: tuple[str, ...] = ()) -> list[Path]:
    """Write `<kind>.schema.json` for each kind (all if none given) into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in kinds or tuple(KINDS):
        path = folder / file_name(kind)
        path.write_text(json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n", "utf-8")
        written.append(path)
    return written


def _clean(node: Any) -> Any:
    """Drop the loader-filled keys from every object schema (and from `required`)."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for key in _INTERNAL & set(props):
                del props[key]
            if "required" in node:
                node["required"] = [k for k in node["required"] if k not in _INTERNAL]
                if not node["required"]:
                    del node["required"]
        return {k: _clean(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_clean(v) for v in node]
    return node


def _loader_shorthands(kind: str, out: dict[str, Any]) -> None:
    """What the loader accepts besides the models' own shapes: `document` may be left out of
    an evidence link (it defaults to the case's first document), a reference link may be just
    its id, its `attributes` a list of names, and case.yaml's `entities`/`factors` one glob."""
    defs = out.get("$defs", {})
    evidence = defs.get("Evidence")
    if evidence is not None and "document" in evidence.get("required", []):
        evidence["required"] = [k for k in evidence["required"] if k != "document"]
    link = defs.get("ReferenceLink")
    if link is not None:
        attrs = link["properties"]["attributes"]
        link["properties"]["attributes"] = {
            "anyOf": [attrs, {"type": "array", "items": {"type": "string"}}]
        }
        defs["ReferenceLinkOrId"] = {
            "anyOf": [{"$ref": "#/$defs/ReferenceLink"}, {"type": "string"}]
        }
        _retarget(out, "#/$defs/ReferenceLink", "#/$defs/ReferenceLinkOrId", skip=defs)
    if kind == "case":
        for key in ("entities", "factors"):
            prop = out["properties"][key]
            out["properties"][key] = {
                "anyOf": [prop, {"type": "string"}],
                "default": prop.get("default"),
            }


def _loader_rules(out: dict[str, Any]) -> None:
    """Rules of the loader a schema can state: an entity's kind is one of `ENTITY_KINDS`; a
    factor from the report needs evidence, one an analyst added a public source; a
    parameter's name is its key, not a field."""
    defs = out.get("$defs", {})
    entity = defs.get("CaseEntity")
    if entity is not None:
        entity["properties"]["kind"]["enum"] = list(ENTITY_KINDS)
    factor = defs.get("Factor")
    if factor is not None:
        factor["allOf"] = [
            {
                "if": {"properties": {"origin": {"const": origin}}, "required": ["origin"]},
                "then": {"required": [key], "properties": {key: {"minItems": 1}}},
            }
            for origin, key in (("report", "evidence"), ("analyst", "sources"))
        ]
    # a judgment may be written as a fraction ("1/3"), as the judgments reader accepts
    for name in ("PairwiseJudgments", "InfluenceJudgments", "TopsisJudgments"):
        rows = defs.get(name, {}).get("properties", {}).get("rows", {})
        cells = rows.get("additionalProperties", {}).get("items")
        if cells is not None:
            kinds = cells.get("anyOf", [{"type": cells.get("type")}])
            cells.clear()
            cells["anyOf"] = [*kinds, {"type": "string", "pattern": _FRACTION}]
    parameter = defs.get("Parameter")
    if parameter is not None:
        parameter["properties"].pop("name", None)
        parameter["required"] = [k for k in parameter.get("required", []) if k != "name"]


def _retarget(node: Any, old: str, new: str, skip: dict[str, Any]) -> None:
    """Point every `$ref: old` at `new`, except inside the definition `new` itself."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$defs":
                for name, sub in value.items():
                    if name != "ReferenceLinkOrId":
                        _retarget(sub, old, new, skip)
            elif key == "$ref" and value == old:
                node[key] = new
            else:
                _retarget(value, old, new, skip)
    elif isinstance(node, list):
        for value in node:
            _retarget(value, old, new, skip)


__all__ = ["KINDS", "SCHEMA_DIALECT", "file_name", "schema", "schemas", "write_schemas"]
