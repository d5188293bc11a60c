"""End to end on the real embedded llama.cpp model: valid, grounded JSON for every seed article.

Asserts properties that any correct run has (schema validity, every quote equals
the article slice, provenance complete), never particular model outputs.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from clirun import ROOT, summarize

pytestmark = pytest.mark.slow  # minutes of real llama.cpp: CI runs it after the fast suite


def test_stance_on_every_seed_is_valid_and_grounded(tmp_path: Path) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert len(seeds) == 4
    result = summarize("--provider", "local", "--schema", "stance", "-f", "jsonl", "--cache-dir", str(tmp_path / "cache"),
                       *map(str, seeds))
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 4
    record_schema = json.loads((ROOT / "schemas" / "record.schema.json").read_text())
    stance_schema = json.loads((ROOT / "schemas" / "stance.schema.json").read_text())
    for record, seed in zip(records, seeds):
        jsonschema.validate(record, record_schema)
        text = seed.read_bytes().decode("utf-8-sig")
        assert record["article"]["source"] == str(seed)
        prov = record["provenance"]
        assert prov["provider"] == "embedded" and prov["model"].endswith(".gguf")
        assert prov["prompts"][0]["name"] == "stance" and len(prov["prompts"][0]["sha256"]) == 64
        assert prov["dropped_count"] == len(prov["dropped"])
        if not record["ok"]:  # a model failure must be reported, never hidden
            assert record["error"] and result.returncode == 1
            assert record["error"] in result.stderr
            continue
        assert prov["usage"]["calls"] >= 1 and prov["usage"]["completion_tokens"] > 0, prov["usage"]
        jsonschema.validate(record["result"], stance_schema)
        for stance in record["result"]["stances"]:
            for ev in stance["evidence"]:
                assert text[ev["start"] : ev["end"]] == ev["quote"]
    assert result.returncode == (0 if all(r["ok"] for r in records) else 1)
    # a run in which nothing extracted proves nothing about the model path
    assert any(r["ok"] for r in records), [r["error"] for r in records]


def test_warm_rerun_makes_no_model_calls(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Lima talks\nPeru's foreign minister said Peru is ready to resume talks with Chile.\n")
    cache = str(tmp_path / "cache")
    cold = json.loads(summarize("--provider", "local", "--schema", "stance", "--cache-dir", cache, str(article)).stdout)
    warm = json.loads(summarize("--provider", "local", "--schema", "stance", "--cache-dir", cache, "--replay", str(article)).stdout)
    assert cold["provenance"]["usage"]["cached_calls"] == 0
    assert warm["provenance"]["usage"]["calls"] == warm["provenance"]["usage"]["cached_calls"] >= 1
    assert warm["result"] == cold["result"]
