"""Issue 13, findings 5, 6 and 9 (inputs and outputs): bad metadata, -o targets, encodings, links, order,
the circuit breaker and status hints. Real files, the real CLI, a real server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from articlegen import article_text, citing_answer, code, write_articles
from clirun import ROOT
from forkcli import summarize
from faultserver import Fault, FaultServer, fast_config
from summarizer.errors import InputError, ProviderError
from summarizer.extract.drafts import draft_model
from summarizer.extract.pipeline import ExtractOptions
from summarizer.extract.runner import NOT_ATTEMPTED, run_batch
from summarizer.llm.providers import build_provider
from summarizer.text.articles import Article, find_articles, guess_meta, read_article, scan_articles


def endpoint(server: FaultServer) -> list[str]:
    return ["--provider", "openai", "--base-url", server.url, "--model", "fault-model", "--no-cache"]


def by_name(path: Path) -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]
    return {Path(r["article"]["source"]).name: r for r in rows}


# --- finding 5: sidecars and front matter are validated; one bad article never aborts the batch ---------


@pytest.mark.parametrize("sidecar,phrase", [
    ({"title": ["a", "b"]}, "field title: must be a string, not list"),
    ({"date": 5}, "field date: must be a string, not int"),
    ({"date": "2031-02-30"}, "field date: '2031-02-30' is not a date"),
    ([1, 2], "a JSON object is needed"),
    (None, "it is a directory"),
], ids=["title-list", "date-int", "date-impossible", "array", "directory"])
def test_bad_sidecar_fails_its_article_not_the_batch(tmp_path: Path, fault_server: FaultServer, cli,
                                                     sidecar: Any, phrase: str) -> None:  # type: ignore[no-untyped-def]
    fault_server.responder = citing_answer
    folder = tmp_path / "in"
    write_articles(folder, 2)
    meta = folder / "article-001.meta.json"
    if sidecar is None:
        meta.mkdir()
    else:
        meta.write_text(json.dumps(sidecar))
    out = tmp_path / "r.jsonl"
    result = cli("-f", "jsonl", "-o", str(out), *endpoint(fault_server), str(folder))
    assert result.code == 2 and "Traceback" not in result.err and "internal error" not in result.err
    assert f"{meta}: " in result.err and phrase in result.err and "hint:" in result.err
    records = by_name(out)
    assert not records["article-001.txt"]["ok"] and phrase in records["article-001.txt"]["error"]
    assert records["article-002.txt"]["ok"]


def test_sidecar_values_reach_the_record_as_strings(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(article_text(1))
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": " Talks ", "outlet": None, "date": "2031-05-01"}))
    meta = read_article(path).meta
    assert (meta.title, meta.date) == ("Talks", "2031-05-01")


def test_front_matter_with_an_impossible_date_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: Talks\ndate: 2031-13-01\n---\n" + article_text(1))
    with pytest.raises(InputError, match=r"a\.txt: front matter field date: '2031-13-01'"):
        read_article(path)


# --- finding 6: -o is never an input; streams are written, never read ---------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonl", "markdown"])
def test_output_that_is_an_input_is_refused(tmp_path: Path, fault_server: FaultServer, cli, fmt: str) -> None:  # type: ignore[no-untyped-def]
    path = write_articles(tmp_path / "in", 1)[0]
    before = path.read_bytes()
    for target in (path, tmp_path / "in" / "." / path.name):
        result = cli("-f", fmt, "-o", str(target), *endpoint(fault_server), str(path))
        assert result.code == 2 and "is also one of the input articles" in result.err
    assert path.read_bytes() == before and fault_server.count == 0


def test_jsonl_to_dev_stdout_through_a_pipe_does_not_deadlock(tmp_path: Path, fault_server: FaultServer) -> None:
    fault_server.responder = citing_answer
    write_articles(tmp_path / "in", 2)
    args = [sys.executable, "-c", "from summarizer.cli import main; main()", "-f", "jsonl", "-o", "/dev/stdout",
            *endpoint(fault_server), str(tmp_path / "in")]
    try:
        run = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("`-f jsonl -o /dev/stdout | cat` hangs")
    assert run.returncode == 0, run.stderr
    assert [json.loads(line)["ok"] for line in run.stdout.splitlines()] == [True, True]


def test_output_file_is_replaced_whole(tmp_path: Path, fault_server: FaultServer, cli) -> None:  # type: ignore[no-untyped-def]
    fault_server.responder = citing_answer
    write_articles(tmp_path / "in", 1)
    out = tmp_path / "r.json"
    out.write_text("old")
    assert cli("-f", "json", "-o", str(out), *endpoint(fault_server), str(tmp_path / "in")).code == 0
    assert json.loads(out.read_text())["ok"] and not list(tmp_path.glob(".*.tmp"))


# --- finding 9: encodings, links, folder scans -------------------------------------------------------


@pytest.mark.parametrize("encoding,name", [("utf-16", "UTF-16LE"), ("utf-16-be", "UTF-16BE"),
                                           ("utf-16-le", "UTF-16LE")])
def test_utf16_is_named_with_an_iconv_command(tmp_path: Path, encoding: str, name: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(article_text(1).encode(encoding))
    with pytest.raises(InputError, match=f"{name}") as caught:
        read_article(path)
    assert "binary" not in caught.value.message and f"iconv -f {name} -t UTF-8" in (caught.value.hint or "")


def test_symlink_loop_and_broken_link_are_named(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    with pytest.raises(InputError, match="a.txt: a symbolic link loop"):
        read_article(tmp_path / "a.txt")
    with pytest.raises(InputError, match="dangling.txt: a broken symbolic link"):
        read_article(tmp_path / "dangling.txt")
    (tmp_path / "real.txt").write_text(article_text(1))
    found, skipped = scan_articles([str(tmp_path)])
    assert [Path(p).name for p in found] == ["real.txt"]
    assert {Path(p).name: why for p, why in skipped} == {"a.txt": "symbolic link loop", "b.txt": "symbolic link loop",
                                                         "dangling.txt": "broken symbolic link"}


def test_folder_scan_reads_articles_only_and_says_what_it_skipped(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "README.md", "LICENSE.txt", "CHANGELOG.md", "notes.pdf", ".draft.txt",
                 "a.meta.json"):
        (tmp_path / name).write_text("x")
    (tmp_path / "sub").mkdir()
    said: list[str] = []
    assert [Path(p).name for p in find_articles([str(tmp_path)], report=said.append)] == ["a.txt", "b.md"]
    prefix = f"summarize: skipped {tmp_path}/"
    assert all(line.startswith(prefix) for line in said)
    reasons = dict(line[len(prefix):].split(": ", 1) for line in said)
    assert reasons == {"README.md": "a project file, not an article", "LICENSE.txt": "a project file, not an article",
                       "CHANGELOG.md": "a project file, not an article", "notes.pdf": "not an article type (.pdf)",
                       ".draft.txt": "hidden file", "sub": "folder (folders are not scanned; pass it as an argument)"}


# --- finding 9: input order with -j, the circuit breaker, status hints -------------------------------


def article(n: int) -> Article:
    text = article_text(n, 4)
    return Article(id=f"a{n}", source=f"a{n}.txt", text=text, meta=guess_meta(text))


def test_records_are_handed_over_in_input_order_with_concurrency(fault_server: FaultServer) -> None:
    def slow_first(body: dict[str, Any]) -> Any:
        if code(1) in json.dumps(body):
            time.sleep(1.0)  # article 1 finishes last; its record must still come first
        return citing_answer(body)

    fault_server.responder = slow_first
    seen: list[str] = []
    run_batch([article(n) for n in range(1, 6)], build_provider(fast_config(fault_server, timeout=10.0)),
              ExtractOptions(), concurrency=3, on_record=lambda r: seen.append(r.article.source))
    assert seen == [f"a{n}.txt" for n in range(1, 6)]


@pytest.mark.parametrize("fault,error", [(Fault.status(503, retry_after="0"), "HTTP 503"),
                                         (Fault.reset(), "connection was reset")], ids=["503", "reset"])
def test_circuit_breaker_stops_calling_a_dead_endpoint(fault_server: FaultServer, fault: Fault, error: str) -> None:
    fault_server.on("", always=fault)
    records = run_batch([article(n) for n in range(1, 11)], build_provider(fast_config(fault_server)),
                        ExtractOptions(), breaker=3)
    assert fault_server.count == 3 * 3  # three articles, three attempts each; then nothing
    assert all(error in (r.error or "") for r in records[:3])
    assert all((r.error or "").startswith(NOT_ATTEMPTED) and "3 articles in a row" in (r.error or "")
               for r in records[3:])


def test_circuit_breaker_message_is_said_once(tmp_path: Path, fault_server: FaultServer) -> None:
    """Through the CLI: one line for the whole skipped rest, not one per article.

    `--time-budget 1` ends each dead article after a second instead of the CLI's full backoff (about 4 s
    an article, which no option shortens); that resets exhaust the retries and trip the breaker is the
    `reset` case above."""
    fault_server.on("", always=Fault.reset())
    write_articles(tmp_path / "in", 9)
    result = summarize("-f", "jsonl", "-o", str(tmp_path / "r.jsonl"), "--time-budget", "1", *endpoint(fault_server),
                       str(tmp_path / "in"))
    assert result.returncode == 1 and result.stderr.count(NOT_ATTEMPTED) == 1
    assert len(by_name(tmp_path / "r.jsonl")) == 9 and fault_server.count < 9 * 5


@pytest.mark.parametrize("status,phrase", [(429, "rate limit"), (503, "busy"), (401, "OPENAI_API_KEY")])
def test_hint_fits_the_status(fault_server: FaultServer, status: int, phrase: str) -> None:
    fault_server.on("", always=Fault.status(status, retry_after="0"))
    provider = build_provider(fast_config(fault_server))
    with pytest.raises(ProviderError) as caught:
        provider.complete([{"role": "user", "content": "[1] A."}], draft_model("stance", 1), max_tokens=64)
    assert phrase in (caught.value.hint or "")
    if status in (429, 503):
        assert "-j" in (caught.value.hint or "") and "API key" not in (caught.value.hint or "")
