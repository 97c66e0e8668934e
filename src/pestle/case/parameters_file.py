"""Read a case's parameters and scenarios files into the types of `pestle.model.parameter`.

- `load_parameters(path)`: the `parameters:` mapping (name -> fields) -> `ParameterSet`;
- `load_overlaps(path)`: the `overlaps:` block of the same file (which announced projects lie
  within others, which may describe the same capacity) -> `Overlaps`;
- `load_scenarios(path, parameters)`: the `scenarios:` mapping -> `Scenario`s, each checked
  against the parameters;
- `parse_assignment(text)`: one override `name=value` as a person types it.

Files are read with `pestle.case.yaml_lines`, the one YAML reader of case files; every problem
is one `ParseError` naming the file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pestle.case.yaml_lines import line_at, load_yaml
from pestle.errors import InputError, ParseError
from pestle.model.capacity import Nesting, OverlapGroup, Overlaps
from pestle.model.number import number_or_text
from pestle.model.parameter import Override, Parameter, ParameterSet, Scenario, Value


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    return str(err.get("msg", exc)).removeprefix("Value error, ")


def _mapping_of(data: Any, key: str, path: Path) -> dict:
    if not isinstance(data, dict) or not isinstance(data.get(key), dict):
        raise ParseError(f"expected a top-level mapping '{key}:'", path, 1)
    return data[key]


def load_parameters(path: str | Path) -> ParameterSet:
    """Read the `parameters:` mapping of a YAML file (name -> fields) into a ParameterSet."""
    path = Path(path)
    data = load_yaml(path)
    block = _mapping_of(data, "parameters", path)
    items: list[Parameter] = []
    for name, fields in block.items():
        at = ("parameters", name)
        if not isinstance(fields, dict):
            raise ParseError(
                f"parameter {name!r}: expected a mapping of fields", path, line_at(data, at)
            )
        try:
            items.append(Parameter.model_validate({"name": name, **fields}))
        except ValidationError as exc:
            loc = tuple(exc.errors()[0]["loc"])
            field = loc[0] if loc else None
            line = line_at(data, (*at, *loc))
            what = f"{name}.{field}" if field else str(name)
            raise ParseError(f"parameter {what}: {_first_error(exc)}", path, line) from None
    try:
        return ParameterSet(parameters=tuple(items), origin=str(path))
    except ValidationError as exc:
        raise ParseError(_first_error(exc), path, line_at(data, ("parameters",))) from None


def load_scenarios(
    path: str | Path, parameters: ParameterSet | None = None
) -> tuple[Scenario, ...]:
    """Read the `scenarios:` mapping (name -> description, set: {param: value | dist}).

    With `parameters`, each override is checked (names and values) and errors point at the
    override's line.
    """
    path = Path(path)
    data = load_yaml(path)
    block = _mapping_of(data, "scenarios", path)
    result: list[Scenario] = []
    for name, body in block.items():
        at = ("scenarios", name)
        body = body or {}
        if not isinstance(body, dict):
            raise ParseError(f"scenario {name!r}: expected a mapping", path, line_at(data, at))
        extra = set(body) - {"label", "description", "set"}
        if extra:
            key = sorted(extra, key=str)[0]
            raise ParseError(
                f"scenario {name!r}: unknown field {key!r} (use 'label', 'description' and 'set')",
                path,
                line_at(data, (*at, key)),
            )
        raw_set = body.get("set") or {}
        if not isinstance(raw_set, dict):
            raise ParseError(
                f"scenario {name!r}: 'set' must map parameter names to values",
                path,
                line_at(data, (*at, "set")),
            )
        overrides: dict[str, Override] = {}
        override_lines: dict[str, int] = {}
        for pname, raw in raw_set.items():
            pat = (*at, "set", pname)
            override_lines[str(pname)] = line_at(data, pat) or 0
            spec = raw if isinstance(raw, dict) else {"value": raw}
            try:
                overrides[str(pname)] = Override.model_validate(spec)
            except ValidationError as exc:
                loc = tuple(exc.errors()[0]["loc"])
                raise ParseError(
                    f"scenario {name!r}, {pname}: {_first_error(exc)}",
                    path,
                    line_at(data, (*pat, *loc)),
                ) from None
        try:
            scenario = Scenario(
                name=str(name),
                label=_text(body.get("label")),
                description=_text(body.get("description")) or "",
                overrides=overrides,
                origin=str(path),
                lines=override_lines,
            )
        except ValidationError as exc:
            loc = tuple(exc.errors()[0]["loc"])
            raise ParseError(
                f"scenario {name!r}: {_first_error(exc)}", path, line_at(data, (*at, *loc))
            ) from None
        if parameters is not None:
            parameters.apply(scenario)  # raises ParseError at the override's line
        result.append(scenario)
    return tuple(result)


def _text(raw: Any) -> Any:
    """A scenario's label or description as written: a string (stripped; empty is none)
    or a language mapping, which the model reads (`pestle.model.text`)."""
    if raw is None or isinstance(raw, dict):
        return raw
    return str(raw).strip() or None


def load_overlaps(path: str | Path) -> Overlaps:
    """Read the `overlaps:` block (nested, groups) of a parameters file (none: empty)."""
    path = Path(path)
    data = load_yaml(path)
    block = data.get("overlaps") if isinstance(data, dict) else None
    if block is None:
        return Overlaps()
    at = ("overlaps",)
    if not isinstance(block, dict):
        raise ParseError(
            "'overlaps' must be a mapping with 'nested' and 'groups'", path, line_at(data, at)
        )
    nested_block = block.get("nested") or {}
    if not isinstance(nested_block, dict):
        where = line_at(data, (*at, "nested"))
        raise ParseError("overlaps.nested: expected a mapping child -> within/reason", path, where)
    nested: list[Nesting] = []
    for child, body in nested_block.items():
        where = line_at(data, (*at, "nested", child))
        if not isinstance(body, dict):
            raise ParseError(f"overlaps.nested.{child}: expected within/reason", path, where)
        if "reason" not in body:
            raise ParseError(f"overlaps.nested.{child}: give a 'reason'", path, where)
        if str(body.get("within")) == str(child):
            raise ParseError(
                f"overlaps.nested.{child}: a project cannot lie within itself", path, where
            )
        try:
            nested.append(
                Nesting(child=str(child), parent=str(body.get("within")), reason=body["reason"])
            )
        except ValidationError as exc:
            raise ParseError(f"overlaps.nested.{child}: {_located(exc)}", path, where) from None
    groups_block = block.get("groups") or []
    if not isinstance(groups_block, list):
        where = line_at(data, (*at, "groups"))
        raise ParseError("overlaps.groups: expected a list of members/reason", path, where)
    groups: list[OverlapGroup] = []
    for i, body in enumerate(groups_block):
        where = line_at(data, (*at, "groups", i))
        try:
            groups.append(OverlapGroup.model_validate(body))
        except ValidationError as exc:
            raise ParseError(f"overlaps.groups[{i}]: {_located(exc)}", path, where) from None
    return Overlaps(nested=tuple(nested), groups=tuple(groups))


def _located(exc: ValidationError) -> str:
    """The first problem pydantic found, as `field: message`."""
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    message = str(err["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def parse_assignment(text: str) -> tuple[str, Value]:
    """Parse one override `name=value` (a number, or text for a categorical parameter);
    a malformed one is an `InputError` about the parameter `overrides`."""
    name, sep, raw = text.partition("=")
    name, raw = name.strip(), raw.strip()
    if not sep or not name or not raw:
        raise InputError(
            f"overrides: {text!r}: expected NAME=VALUE, e.g. wind_share=0.6",
            parameter="overrides",
        )
    try:
        return name, number_or_text(raw)  # the one number parser: bounded, finite
    except ValueError as exc:
        raise InputError(f"overrides: {name}: {exc}", parameter="overrides") from None


__all__ = ["load_overlaps", "load_parameters", "load_scenarios", "parse_assignment"]
