"""Issue 20, finding 2: a record with a failed task is an incomplete article, and the run says so.

The scripted endpoint on 127.0.0.1 answers every task of `-s all` with grounded items, except the
participants task of one article, which it answers in prose (past --max-retries 0): that record is
`ok` with `failed_tasks`. `summarize`, `brief` and `eval` must exit non-zero and print one run summary.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from articlegen import article_text, citing_answer, code
from chatschema import response_schema, user_text
from evalkit import write_gold_folder
from faultserver import FaultServer

DATE = "2031-05-09"


def failing_participants(of: str) -> Any:
    """A model that answers every task, but answers the participants task of article `of` in prose."""
    def respond(body: dict[str, Any]) -> Any:
        if "participants" in response_schema(body).get("properties", {}) and of in user_text(body):
            return "Sure! The participants are the officials named in the article."
        return citing_answer(body)
    return respond


def endpoint(server: FaultServer) -> list[str]:
    return ["--provider", "openai", "--base-url", server.url, "--model", "fault-model", "--no-cache",
            "--max-retries", "0"]


def dated_articles(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        (folder / f"article-{n:03d}.txt").write_text(f"---\ndate: {DATE}\n---\n{article_text(n)}", encoding="utf-8")


def test_a_failed_task_fails_the_run_and_the_summary_names_it(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    dated_articles(tmp_path / "in", 3)
    with FaultServer(failing_participants(code(2))) as server:
        result = cli("-s", "all", "-f", "jsonl", *endpoint(server), str(tmp_path / "in"))
    rows = [json.loads(line) for line in result.out.splitlines()]
    partial = [r for r in rows if r["provenance"]["failed_tasks"]]
    assert [r["article"]["id"] for r in partial] == ["article-002"] and partial[0]["ok"]  # kept what succeeded
    assert result.code == 1, result.err
    assert "1 of 3 articles incomplete: participants failed in 1 (article-002)" in result.err
    assert "article-002.txt: incomplete: participants" in result.err


def test_a_failed_task_fails_the_brief(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    dated_articles(tmp_path / "in", 2)
    with FaultServer(failing_participants(code(1))) as server:
        result = cli("brief", "--date", DATE, "-j", "1", *endpoint(server), str(tmp_path / "in"))
    assert "# Daily brief" in result.out  # the brief is still written
    assert result.code == 1, result.err
    assert "1 of 2 articles incomplete: participants failed in 1 (article-001)" in result.err


def test_a_failed_task_fails_the_evaluation(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    gold = write_gold_folder(tmp_path, {"one": article_text(1), "two": article_text(2)})
    with FaultServer(failing_participants(code(2))) as server:
        result = cli("eval", "--gold", str(gold), "--no-baseline", "-s", "all", *endpoint(server))
    assert result.code == 5, result.err  # `eval`: 5 = some output of a run made here failed
    assert "1 of 2 articles incomplete: participants failed in 1 (two)" in result.err


def test_a_complete_run_exits_zero_and_prints_no_summary(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    dated_articles(tmp_path / "in", 2)
    with FaultServer(citing_answer) as server:
        result = cli("-s", "all", "-f", "jsonl", *endpoint(server), str(tmp_path / "in"))
    assert result.code == 0, result.err
    assert "incomplete" not in result.err
