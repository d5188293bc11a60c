"""Issue 13, finding 4 and the acceptance run: --resume keyed by content, not by the path as typed.

An article is done when its file's last line is a complete success made from the
same text, schema, prompt set, provider and model; paths may be spelt any way.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from articlegen import article_text, citing_answer, code, write_articles
from clirun import ROOT
from forkcli import summarize
from faultserver import Fault, FaultServer


def rows(path: Path) -> list[dict]:  # type: ignore[type-arg]
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n"), "the results file must end with a complete line"
    return [json.loads(line) for line in text.split("\n") if line]


def endpoint(server: FaultServer, model: str = "fault-model") -> list[str]:
    return ["--provider", "openai", "--base-url", server.url, "--model", model, "--no-cache"]


def test_resume_with_paths_spelt_differently_makes_no_calls(tmp_path: Path, fault_server: FaultServer, cli,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    fault_server.responder = citing_answer
    write_articles(tmp_path / "in", 3)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "r.jsonl"
    assert cli("-f", "jsonl", "-o", "r.jsonl", *endpoint(fault_server), "in").code == 0
    before, calls = out.read_bytes(), fault_server.count
    for spelling in ([str(tmp_path / "in")], ["./in/"], [str(p) for p in sorted((tmp_path / "in").iterdir())]):
        again = cli("-f", "jsonl", "-o", str(out), "--resume", *endpoint(fault_server), *spelling)
        assert again.code == 0 and fault_server.count == calls, (spelling, again.err)
        assert out.read_bytes() == before


def test_an_edited_article_is_redone_and_keeps_one_line(tmp_path: Path, fault_server: FaultServer, cli) -> None:  # type: ignore[no-untyped-def]
    fault_server.responder = citing_answer
    paths = write_articles(tmp_path / "in", 3)
    out = tmp_path / "r.jsonl"
    assert cli("-f", "jsonl", "-o", str(out), *endpoint(fault_server), str(tmp_path / "in")).code == 0
    paths[1].write_text(article_text(2) + "Estoria said on Tuesday the talks would continue.\n")
    calls = fault_server.count
    again = cli("-f", "jsonl", "-o", str(out), "--resume", *endpoint(fault_server), str(tmp_path / "in"))
    assert again.code == 0 and "2 done, 1 to run" in again.err and fault_server.count == calls + 1
    records = {Path(r["article"]["source"]).name: r for r in rows(out)}
    assert len(rows(out)) == 3 and records["article-002.txt"]["article"]["chars"] == len(paths[1].read_text())


def test_another_model_is_not_done_yet(tmp_path: Path, fault_server: FaultServer, cli) -> None:  # type: ignore[no-untyped-def]
    fault_server.responder = citing_answer
    write_articles(tmp_path / "in", 2)
    out = tmp_path / "r.jsonl"
    assert cli("-f", "jsonl", "-o", str(out), *endpoint(fault_server), str(tmp_path / "in")).code == 0
    again = cli("-f", "jsonl", "-o", str(out), "--resume", *endpoint(fault_server, "other-model"),
                str(tmp_path / "in"))
    assert again.code == 0 and fault_server.count == 4
    assert sorted(r["provenance"]["model"] for r in rows(out)) == ["other-model", "other-model"]


def inject(server: FaultServer, count: int) -> list[int]:
    """30% of the articles misbehave once, each way a flaky endpoint does (all transient)."""
    faults = [Fault.not_json(), Fault.trickle(0.3), Fault.cut("reset"), Fault.cut("stall", 30.0),
              Fault.status(503, "0"), Fault.reset()]
    faulty = [n for n in range(1, count + 1) if n % 10 in (2, 5, 8)]
    for n, fault in zip(faulty, faults):
        server.on(code(n), *([fault] * (2 if fault.kind == "answer" else 1)))  # prose past --max-retries 1
    return faulty


def test_kill_9_then_resume_with_other_paths_recovers_every_transient_failure(tmp_path: Path,
                                                                              fault_server: FaultServer) -> None:
    write_articles(tmp_path / "articles", 20)
    fault_server.responder = citing_answer
    fault_server.latency = 0.1
    assert len(inject(fault_server, 20)) == 6
    out = tmp_path / "results.jsonl"
    base = [sys.executable, "-c", "from summarizer.cli import main; main()", "-f", "jsonl", "-o", str(out),
            "--resume", "-j", "2", "--max-retries", "1", "--timeout", "1", "--cache-dir", str(tmp_path / "cache"),
            "--provider", "openai", "--base-url", fault_server.url, "--model", "fault-model"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    first = subprocess.Popen([*base, "articles"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    wanted = {"trickle", "cut-reset", "cut-stall"}  # the faults that must have struck before the kill
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and first.poll() is None:
        # Kill on what happened, not on how fast: at least 8 lines written *and* the three faults served.
        if out.exists() and out.read_bytes().count(b"\n") >= 8 and wanted <= set(fault_server.faults_seen()):
            os.kill(first.pid, signal.SIGKILL)
            break
        time.sleep(0.02)
    _, first_err = first.communicate(timeout=60)
    assert first.returncode == -signal.SIGKILL, ("the run finished before it could be killed", first_err[-2000:])
    before = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n")[:-1]]
    assert 8 <= len(before) < 20
    failed = {Path(r["article"]["source"]).name for r in before if not r["ok"]}
    assert "article-002.txt" in failed  # its bad answers are in the cache, stored as failed
    seen = set(fault_server.faults_seen())
    assert wanted <= seen, seen
    fault_server.clear()  # the endpoint is healthy again
    spelt = [str(p) for p in sorted((tmp_path / "articles").iterdir())]  # absolute, file by file
    resumed = summarize(*base[3:], *spelt, env=env, timeout=600)  # a process of its own, as after a crash
    assert "Traceback" not in resumed.stderr
    records = rows(out)
    names = Counter(Path(r["article"]["source"]).name for r in records)
    assert len(records) == 20 and len(names) == 20 and max(names.values()) == 1
    assert all(r["ok"] and not r.get("error") for r in records), [r["error"] for r in records if not r["ok"]]
    assert resumed.returncode == 0, resumed.stderr
    done = sum(1 for r in before if r["ok"] and not r.get("error"))
    assert f"{done} done, {20 - done} to run" in resumed.stderr
