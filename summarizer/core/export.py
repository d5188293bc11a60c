"""JSON Schema files for every published model, and a drift check for tests and CI."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from summarizer.core.records import ExtractionRecord
from summarizer.core.tasks import result_models


def published_models() -> dict[str, type[BaseModel]]:
    """File stem -> model; other modules (the brief) add theirs here."""
    models: dict[str, type[BaseModel]] = result_models()
    models["record"] = ExtractionRecord
    try:
        from summarizer.brief.models import Brief
    except ImportError:
        pass
    else:
        models["brief"] = Brief
    return models


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in published_models().items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files missing or different from the models."""
    stale = []
    for name, model in published_models().items():
        path = folder / f"{name}.schema.json"
        if not path.exists() or path.read_text(encoding="utf-8") != schema_text(model):
            stale.append(path.name)
    return stale
