"""Read a case's production file: `composite_plants`, each a plant with its product,
capacity (as the source states it, with `capacity_unit`), start year, status and source; or
a product searched for and `status: not_found`. Every problem is one `ParseError` naming the
file and line."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from pestle.case.yaml_lines import line_at, load_yaml
from pestle.errors import ParseError
from pestle.model.production import Plant, ProductionPlants

FIELDS = set(Plant.model_fields) - {"line"}


def load_plants(path: str | Path) -> ProductionPlants:
    path = Path(path)
    data = load_yaml(path)
    rows = data.get("composite_plants") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise ParseError("expected a list 'composite_plants'", path, 1)
    plants: list[Plant] = []
    missing: list[str] = []
    for i, row in enumerate(rows):
        where = line_at(data, ("composite_plants", i))
        if not isinstance(row, dict) or "product" not in row:
            raise ParseError("each plant needs a 'product'", path, where)
        if row.get("status") == "not_found":
            missing.append(str(row["product"]))
            continue
        if not str(row.get("source", "")).strip():
            raise ParseError("each plant needs a 'source'", path, where)
        fields = {k: v for k, v in row.items() if k in FIELDS}
        try:
            plants.append(Plant(**fields, line=where))
        except ValidationError as exc:
            err = exc.errors()[0]
            key = ".".join(str(p) for p in err["loc"])
            at = line_at(data, ("composite_plants", i, *err["loc"])) or where
            raise ParseError(f"{key}: {err['msg']}", path, at) from None
    return ProductionPlants(tuple(plants), tuple(missing), str(path))


__all__ = ["load_plants"]
