"""The task registry: every list of schemas, tasks and fields derives from it; a sixth schema is one entry."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest
from pydantic import Field

from clirun import ROOT, summarize
from faultserver import FaultServer, fast_config
from summarizer.core import tasks
from summarizer.core.drafts import Cited
from summarizer.extract.drafts import draft_model
from summarizer.extract.pipeline import ExtractOptions, extract_article
from summarizer.llm.providers import build_provider
from summarizer.text.articles import Article, guess_meta

TEXT = ("Velmora pledges aid\n"
        "Velmoran Foreign Minister Dana Orsk promised that Velmora will send grain to Kestria before winter.\n"
        "It rained in the capital.\n")


def test_every_schema_has_its_prompts_and_models() -> None:
    for name, schema in tasks.SCHEMAS.items():
        assert schema.tasks and schema.result_model().model_json_schema()
        for task in schema.tasks:
            assert (ROOT / "prompts" / f"{task.prompt}.j2").is_file()
            assert tasks.TASKS[task.prompt] is task
            model = draft_model(task.prompt, 5)
            schema_of = model.model_json_schema()["properties"][task.field]
            assert (schema_of.get("type") == "array") == task.many
    assert tasks.ITEM_FIELDS == ("participants", "stances", "conditions", "red_lines")


def test_the_cli_offers_exactly_the_registered_schemas() -> None:
    result = summarize("--schema", "no-such-schema", "x.txt")
    assert result.returncode == 2
    for name in tasks.SCHEMAS:
        assert name in result.stderr


class PromiseDraft(Cited):
    """A commitment an actor makes about what it will do."""

    holder: str = Field(max_length=80)
    promise: str = Field(max_length=200)
    sentences: list[int] = Field(min_length=1, max_length=4)
    excerpt: Optional[str] = None


@pytest.fixture
def promises(tmp_path: Path) -> Iterator[Path]:
    """A toy sixth schema: one registry entry, one prompt, one draft model."""
    folder = tmp_path / "prompts"
    shutil.copytree(ROOT / "prompts", folder)
    (folder / "promises.j2").write_text("Task: list the promises: what a named actor commits to do.\n")
    tasks.register("promises", [tasks.Task("promises", "promises", PromiseDraft, claim=("promise",))])
    try:
        yield folder
    finally:
        tasks.unregister("promises")


def test_a_toy_sixth_schema_runs_end_to_end(fault_server: FaultServer, promises: Path) -> None:
    def respond(body: dict[str, Any]) -> Any:
        return {"promises": [
            {"holder": "Dana Orsk", "promise": "Velmora will send grain to Kestria", "sentences": [2],
             "excerpt": "Velmora will send grain to Kestria before winter"},
            {"holder": "Dana Orsk", "promise": "Velmora will build a dam", "sentences": [3]}]}

    fault_server.responder = respond
    article = Article(id="velmora", source="velmora.txt", text=TEXT, meta=guess_meta(TEXT))
    record = extract_article(article, build_provider(fast_config(fault_server)),
                             ExtractOptions(schema="promises", prompts_dir=promises))
    assert record.ok, record.error
    (item,) = record.result["promises"]
    assert item["holder"] == "dana-orsk" and item["promise"] == "Velmora will send grain to Kestria"
    (ev,) = item["evidence"]
    assert TEXT[ev["start"]:ev["end"]] == ev["quote"] == "Velmora will send grain to Kestria before winter"
    assert [d.field for d in record.provenance.dropped] == ["promises"]
    tasks.SCHEMAS["promises"].result_model().model_validate(record.result)
    assert "list the promises" in fault_server.seen[0].body["messages"][1]["content"]


def test_unregistering_leaves_the_shipped_schemas(promises: Path) -> None:
    assert "promises" in tasks.SCHEMAS and "promises" in tasks.TASKS
    tasks.unregister("promises")
    assert "promises" not in tasks.TASKS and set(tasks.SCHEMAS) == {"stance", "conditions", "red-lines",
                                                                    "participants", "all"}
    tasks.register("promises", [tasks.Task("promises", "promises", PromiseDraft)])  # the fixture removes it
