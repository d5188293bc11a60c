"""The published JSON Schemas must match the models, and the models must hold their invariants."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from summarizer.core.export import published_models, schema_text, stale_schemas, write_schemas
from summarizer.core.schemas import Evidence, RedLine, slugify

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def test_committed_schemas_match_models() -> None:
    assert stale_schemas(SCHEMAS) == [], "run `summarize schemas export` and commit schemas/"


def test_drift_is_detected(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    assert stale_schemas(tmp_path) == []
    path = tmp_path / "stance.schema.json"
    data = json.loads(path.read_text())
    data["properties"]["stances"]["description"] = "edited by hand"
    path.write_text(json.dumps(data))
    assert stale_schemas(tmp_path) == ["stance.schema.json"]
    (tmp_path / "all.schema.json").unlink()
    assert "all.schema.json" in stale_schemas(tmp_path)


@pytest.mark.parametrize("name", sorted(published_models()))
def test_each_schema_is_valid_json_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(schema_text(published_models()[name])))


def test_evidence_span_must_fit_quote() -> None:
    Evidence(quote="abc", start=3, end=6)
    with pytest.raises(ValidationError):
        Evidence(quote="abc", start=3, end=7)


def test_red_line_requires_evidence() -> None:
    with pytest.raises(ValidationError):
        RedLine(holder="x", line="y", kind="refusal", explicit=False, evidence=[])


@pytest.mark.parametrize("name,slug", [("Ali Bahreini", "ali-bahreini"), ("U.S.", "u-s"), ("  ", "unknown"),
                                       ("Esmaïl  Baghaei", "esmail-baghaei")])
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug
