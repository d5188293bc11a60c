"""What a local server receives: one shared prefix per article up to the task, no schema dump, no seed names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from clirun import ROOT
from faultserver import FaultServer, fast_config
from summarizer.extract.pipeline import ExtractOptions, extract_article
from summarizer.llm.providers import build_provider
from summarizer.text.articles import Article, guess_meta

TEXT = ("Harbour talks in Velmora\n"
        + "".join(f"Velmoran envoy Dana Orsk said on day {n} that Velmora is ready to discuss fishing rights.\n"
                  for n in range(1, 30)))


def bodies(server: FaultServer, chunk_chars: int = 6000, **config: str) -> list[dict]:
    article = Article(id="velmora", source="velmora.txt", text=TEXT, meta=guess_meta(TEXT))
    extract_article(article, build_provider(fast_config(server, **config)),
                    ExtractOptions(schema="all", chunk_chars=chunk_chars))
    return [seen.body for seen in server.seen]


def head(body: dict) -> tuple[str, str]:
    """Everything before the task: the system message and the article part of the user message."""
    system, user = body["messages"][0]["content"], body["messages"][1]["content"]
    return system, user[: user.index("ARTICLE>>>") + len("ARTICLE>>>")]


def test_requests_for_one_article_share_their_prefix_up_to_the_task(fault_server: FaultServer) -> None:
    sent = bodies(fault_server)
    assert len(sent) == 5
    assert len({head(b) for b in sent}) == 1  # byte-identical prefix
    tasks = [b["messages"][1]["content"][len(head(b)[1]):] for b in sent]
    assert len(set(tasks)) == 5 and all(t.strip().startswith("Task:") for t in tasks)
    prefix = os.path.commonprefix([json.dumps(b["messages"]) for b in sent])
    assert "ARTICLE>>>" in prefix


def test_consecutive_requests_share_the_chunk_and_later_chunks_carry_context(fault_server: FaultServer) -> None:
    sent = bodies(fault_server, chunk_chars=1200)
    heads = [head(b) for b in sent]
    assert len(sent) % 5 == 0 and len(sent) > 5
    runs = [heads[i:i + 5] for i in range(0, len(heads), 5)]
    assert all(len(set(run)) == 1 for run in runs)  # chunk by chunk, task by task
    second = runs[1][0][1]
    assert "repeated for context" in second
    first_ids = [line.split("]")[0] for line in runs[0][0][1].splitlines() if line.startswith("[")]
    assert first_ids[-1] + "]" in second  # the last sentence of chunk 1 opens chunk 2


def test_no_prompt_carries_a_schema_dump_or_a_gold_name(fault_server: FaultServer) -> None:
    names = set()
    for path in (ROOT / "evals" / "gold").rglob("*.json"):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            continue  # a gold file being written right now
        if isinstance(gold, dict):
            names |= {p.get("name", "") for p in gold.get("participants", []) if isinstance(p, dict)}
    prompts = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "prompts").glob("*.j2"))
    assert names and not [n for n in names if len(n) > 3 and n in prompts]
    for body in bodies(fault_server):
        shown = json.dumps(body["messages"])
        assert "$defs" not in shown and '\\"properties\\"' not in shown and "Draft" not in shown


@pytest.mark.parametrize("mode", ["json", "md_json"])
def test_json_modes_carry_the_schema_once(fault_server: FaultServer, mode: str) -> None:
    body = bodies(fault_server, mode=mode)[0]
    shown = json.dumps(body)
    assert shown.count('\\"title\\": \\"ParticipantAnswer\\"') == 1


def test_the_worse_prompts_keep_the_layout(tmp_path: Path) -> None:
    worse = ROOT / "evals" / "prompts-worse"
    for name in ("_system.j2", "_article.j2"):
        assert (worse / name).read_text() == (ROOT / "prompts" / name).read_text()
