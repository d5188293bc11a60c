"""Secrets and output safety.

A planted API key is used for real (the server checks it arrives), then every
file the runs wrote (results, Markdown, the SQLite cache and its journal, cache
exports, briefs) and every stdout/stderr is searched for it, on success and on
error paths where the server echoes the key back. HTML and Markdown outputs
show article and model text literally: a <script> in an article never runs
(checked in real headless Chromium).
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from articlegen import article_text, citing_answer, code, write_articles
from browser import dump_dom
from forkcli import summarize
from faultserver import Fault, FaultServer

PAYLOAD = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_planted_key_appears_in_no_file_and_no_output(tmp_path: Path, fault_server: FaultServer) -> None:
    key = f"sk-plant-{uuid.uuid4().hex}"
    echo = json.dumps({"error": {"message": f"Incorrect API key provided: {key}. Yours was {key[:12]}..."}})
    fault_server.responder = citing_answer
    fault_server.on(code(2), always=Fault.status(401, body=echo))
    fault_server.on(code(3), always=Fault.status(500, retry_after="0", body=echo))
    fault_server.on(code(4), always=Fault.invalid({"stances": f"no, {key}"}))
    work = tmp_path / "work"
    articles = work / "in"
    for path in write_articles(articles, 4):  # one day, so the brief takes them all
        path.with_name(path.stem + ".meta.json").write_text('{"date": "2031-05-01"}')
    env = {"OPENAI_API_KEY": key, "HOME": str(work / "home"), "XDG_CACHE_HOME": str(work / "xdg"),
           "SUMMARIZER_DEBUG": ""}
    model = ["--provider", "openai", "--base-url", fault_server.url, "--model", "fault-model",
             "--cache-dir", str(work / "cache")]
    out = work / "out"
    runs = [
        summarize("-f", "jsonl", "-o", str(out / "r.jsonl"), *model, str(articles), env=env),
        summarize("-f", "markdown", "-o", str(out / "r.md"), *model, str(articles), env=env),
        summarize("-f", "json", *model, str(articles / "article-002.txt"), env=env),
        summarize("brief", str(articles), "--date", "2031-05-01", "-f", "all", "-o", str(out / "brief"), *model,
                  env=env),
        summarize("cache", "export", str(out / "cache.jsonl"), "--cache-dir", str(work / "cache"), env=env),
    ]
    assert [r.returncode for r in runs] == [1, 1, 1, 1, 0], [r.stderr for r in runs]
    assert fault_server.seen[0].headers["authorization"] == f"Bearer {key}"  # the key was really used
    assert "HTTP 401" in runs[2].stdout and "[redacted]" in runs[2].stdout  # the echo arrived, redacted
    written = files_under(work)
    assert {"r.jsonl", "r.md", "responses.sqlite", "cache.jsonl", "brief-2031-05-01.html"} <= {p.name for p in written}
    secret = key.encode()
    for path in written:
        assert secret not in path.read_bytes(), f"the key leaked into {path}"
    for run in runs:
        assert key not in run.stdout + run.stderr and key[9:] not in run.stdout + run.stderr
        assert "Traceback" not in run.stderr


def test_html_brief_shows_a_script_in_an_article_as_text(tmp_path: Path, fault_server: FaultServer) -> None:
    fault_server.responder = citing_answer  # cites the article's last sentence, where the payload is
    folder = tmp_path / "in"
    write_articles(folder, 1)
    hostile = folder / "article-002.txt"
    hostile.write_text(article_text(2) + f"Vesmark's envoy Karim Vell said {PAYLOAD} talks would resume.\n")
    for path in folder.glob("*.txt"):  # one day, so the brief takes them all
        path.with_name(path.stem + ".meta.json").write_text('{"date": "2031-05-01"}')
    page = tmp_path / "brief.html"
    result = summarize("brief", str(folder), "--date", "2031-05-01", "-f", "html", "-o", str(page),
                       "--provider", "openai", "--base-url", fault_server.url, "--model", "m", "--no-cache")
    assert result.returncode == 0, result.stderr
    assert PAYLOAD not in page.read_text()
    soup = BeautifulSoup(dump_dom(page), "html.parser")
    assert "pwned" not in (soup.title.string or "")  # no injected script ran
    assert not soup.find_all("img") and all(not s.string or "pwned" not in s.string for s in soup.find_all("script"))
    assert PAYLOAD in soup.get_text()  # shown, literally


def test_markdown_shows_article_and_model_text_literally(tmp_path: Path, fault_server: FaultServer, cli) -> None:  # type: ignore[no-untyped-def]
    fault_server.responder = citing_answer
    path = tmp_path / "a<b>.txt"
    path.write_text(article_text(5) + f"Estoria said {PAYLOAD} and [a link](javascript:alert(1)) mattered.\n")
    result = cli("-f", "markdown", "--provider", "openai", "--base-url", fault_server.url, "--model", "m",
                 "--no-cache", str(path))
    assert result.code == 0, result.err
    assert "<script" not in result.out and "<img" not in result.out and "<b>" not in result.out
    assert not re.search(r"(?<!\\)\]\(javascript:", result.out)  # the link is text, not a link
    assert "&lt;script&gt;" in result.out and "\\[a link\\]" in result.out


def test_answers_lose_the_key_and_nothing_else(fault_server: FaultServer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from faultserver import fast_config
    from summarizer.extract.drafts import draft_model
    from summarizer.llm.providers import build_provider

    messages = [{"role": "user", "content": "[1] A said talks are not needed."}]
    key = f"sk-plant-{uuid.uuid4().hex}"

    def ask(position: str) -> str:
        item = {"holder": "A", "topic": "talks", "polarity": "against", "position": position,
                "attribution": "author_claim", "sentences": [1]}
        fault_server.script(Fault.answer({"stances": [item]}))
        answer = build_provider(fast_config(fault_server)).complete(messages, draft_model("stance", 1), max_tokens=64)
        return answer.stances[0].position

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    assert ask("talks are not-needed") == "talks are not-needed"  # no key: the client's placeholder is not one
    monkeypatch.setenv("OPENAI_API_KEY", key)
    assert ask(f"the key is {key}") == "the key is [redacted]"


@pytest.mark.parametrize("spelling", ["json", "json2", "url"])
def test_key_escaped_in_answers_reaches_no_output(tmp_path: Path, fault_server: FaultServer, spelling: str) -> None:
    """The key JSON-escaped (`\\u0073k-...`, at any depth) or percent-encoded in a 200 answer: not in -o, stdout, cache."""
    key = f"sk-plant-{uuid.uuid4().hex}"

    def leaky(body: dict) -> dict:  # type: ignore[type-arg]
        answer = citing_answer(body)
        for item in answer.get("stances", []):
            item["position"] = f"{item['position']} (@KEY@)"
        return answer

    fault_server.responder = leaky
    fault_server.key_spelling = spelling
    write_articles(tmp_path / "in", 1)
    env = {"OPENAI_API_KEY": key, "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    model = ["--provider", "openai", "--base-url", fault_server.url, "--model", "fault-model"]
    runs = [summarize("-f", fmt, "-o", str(tmp_path / f"r.{fmt}"), *model, str(tmp_path / "in"), env=env)
            for fmt in ("json", "jsonl", "markdown")]
    runs.append(summarize("-f", "jsonl", *model, str(tmp_path / "in"), env=env))
    assert [r.returncode for r in runs] == [0, 0, 0, 0], [r.stderr for r in runs]
    assert "[redacted]" in (tmp_path / "r.json").read_text()
    for path in files_under(tmp_path):
        data = path.read_bytes()
        assert key.encode() not in data and key[3:].encode() not in data, f"the key leaked into {path}"
    for run in runs:
        assert key not in run.stdout + run.stderr and key[3:] not in run.stdout + run.stderr
