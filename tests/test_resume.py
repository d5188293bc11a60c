"""Batches that lose nothing: per-article JSONL with fsync, kill -9, --resume, one line per article.

Semantics under test (docs/reliability.md): with --resume, an article whose last
line is a success is skipped; every other article runs again and its old failure
line is replaced, so the file always holds at most one line per article; a
half-written last line left by a kill is dropped. Without --resume an existing
results file is refused rather than appended to or overwritten.
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

from articlegen import article_text, citing_answer, code, write_articles
from clirun import ROOT, interrupted
from forkcli import summarize
from faultserver import Fault, FaultServer


def lines_of(path: Path) -> list[dict]:  # type: ignore[type-arg]
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n"), "the results file must end with a complete line"
    return [json.loads(line) for line in text.split("\n") if line]


def endpoint(server: FaultServer) -> list[str]:
    return ["--provider", "openai", "--base-url", server.url, "--model", "fault-model"]


def inject_faults(server: FaultServer, count: int) -> tuple[int, set[str]]:
    """30% of the articles misbehave (n ending in 1, 4, 7): how many, and the sources that never succeed."""
    permanent = set()
    faulty = [n for n in range(1, count + 1) if n % 10 in (1, 4, 7)]
    for n in faulty:
        if n % 10 == 1:
            server.on(code(n), Fault.status(429, retry_after="0"), Fault.status(500, retry_after="0"))
        elif n % 20 == 4:
            server.on(code(n), Fault.reset())
        elif n % 20 == 14:
            server.on(code(n), always=Fault.status(403))
            permanent.add(n)
        elif n % 20 == 7:
            server.on(code(n), Fault.truncated())
        elif n % 20 == 17:
            server.on(code(n), always=Fault.invalid({"stances": "refused"}))
            permanent.add(n)
    return len(faulty), {f"article-{n:03d}.txt" for n in permanent}


def test_kill_9_mid_batch_then_resume_gives_exactly_one_line_per_article(tmp_path: Path,
                                                                        fault_server: FaultServer) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, 50)
    fault_server.responder = citing_answer
    fault_server.latency = 0.05
    faulty, doomed = inject_faults(fault_server, 50)
    assert faulty == 15 and len(doomed) == 4  # 30% misbehave, 4 of them for good
    out = tmp_path / "results.jsonl"
    args = [sys.executable, "-c", "from summarizer.cli import main; main()", "-f", "jsonl", "-o", str(out),
            "--resume", "-j", "2", "--max-retries", "1", "--cache-dir", str(tmp_path / "cache"),
            *endpoint(fault_server), str(folder)]
    first = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and first.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 20:
            os.kill(first.pid, signal.SIGKILL)
            break
        time.sleep(0.02)
    first.communicate(timeout=60)
    assert first.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    complete = out.read_text(encoding="utf-8").split("\n")[:-1]  # a torn last line is not complete
    before = [json.loads(line) for line in complete]
    assert 20 <= len(before) < 50
    assert any(not r["ok"] for r in before), "resume must also replace failure lines"

    resumed = summarize(*args[3:], timeout=300)  # a process of its own, as after a crash
    assert "Traceback" not in resumed.stderr
    records = lines_of(out)
    sources = Counter(Path(r["article"]["source"]).name for r in records)
    assert len(records) == 50 and len(sources) == 50 and max(sources.values()) == 1
    assert sources.keys() == {p.name for p in folder.iterdir()}
    failed = {Path(r["article"]["source"]).name for r in records if not r["ok"]}
    assert failed == doomed and all(r["error"] for r in records if not r["ok"])
    assert resumed.returncode == 1  # some articles failed for good: the exit code says so
    done_before = {r["article"]["source"] for r in before if r["ok"]}
    assert f"resuming {out}: {len(done_before)} done, {50 - len(done_before)} to run" in resumed.stderr


def test_torn_last_line_is_dropped_and_redone(tmp_path: Path, fault_server: FaultServer, cli) -> None:  # type: ignore[no-untyped-def]
    fault_server.responder = citing_answer
    folder = tmp_path / "in"
    write_articles(folder, 4)
    out = tmp_path / "r.jsonl"
    assert cli("-f", "jsonl", "-o", str(out), "--no-cache", *endpoint(fault_server), str(folder)).code == 0
    text = out.read_text(encoding="utf-8")
    out.write_text(text[: len(text) - len(text.split("\n")[-2]) // 2 - 1], encoding="utf-8")  # kill mid-write
    calls = fault_server.count
    result = cli("-f", "jsonl", "-o", str(out), "--resume", "--no-cache", *endpoint(fault_server), str(folder))
    assert result.code == 0 and "half-written last line" in result.err
    assert fault_server.count == calls + 1  # only the torn article ran again
    assert sorted(Path(r["article"]["source"]).name for r in lines_of(out)) == [p.name for p in sorted(folder.iterdir())]


def test_resume_retries_failures_and_replaces_their_lines(tmp_path: Path, fault_server: FaultServer, cli) -> None:  # type: ignore[no-untyped-def]
    fault_server.responder = citing_answer
    fault_server.on(code(2), always=Fault.status(401))
    folder = tmp_path / "in"
    write_articles(folder, 3)
    out = tmp_path / "r.jsonl"
    first = cli("-f", "jsonl", "-o", str(out), "--no-cache", *endpoint(fault_server), str(folder))
    assert first.code == 1 and "article-002.txt: extraction failed" in first.err
    assert [r["ok"] for r in sorted(lines_of(out), key=lambda r: r["article"]["source"])] == [True, False, True]
    fault_server.clear()
    again = cli("-f", "jsonl", "-o", str(out), "--resume", "--no-cache", *endpoint(fault_server), str(folder))
    assert again.code == 0 and "2 done, 1 to run" in again.err
    records = lines_of(out)
    assert len(records) == 3 and all(r["ok"] for r in records)


def test_resume_with_nothing_left_makes_no_calls(tmp_path: Path, fault_server: FaultServer, cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    write_articles(folder, 2)
    (folder / "article-002.txt").write_text(article_text(2) + "Line\u2028separated and NEL\x85 too.\n")
    out = tmp_path / "r.jsonl"
    assert cli("-f", "jsonl", "-o", str(out), "--no-cache", *endpoint(fault_server), str(folder)).code == 0
    before, calls = out.read_bytes(), fault_server.count
    again = cli("-f", "jsonl", "-o", str(out), "--resume", "--no-cache", *endpoint(fault_server), str(folder))
    assert again.code == 0 and fault_server.count == calls and out.read_bytes() == before


def test_existing_results_file_is_never_appended_to_without_resume(tmp_path: Path, fault_server: FaultServer,
                                                                    cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    write_articles(folder, 1)
    out = tmp_path / "r.jsonl"
    assert cli("-f", "jsonl", "-o", str(out), "--no-cache", *endpoint(fault_server), str(folder)).code == 0
    before = out.read_bytes()
    again = cli("-f", "jsonl", "-o", str(out), "--no-cache", *endpoint(fault_server), str(folder))
    assert again.code == 2 and "already holds results" in again.err and "--resume" in again.err
    assert out.read_bytes() == before and "Traceback" not in again.err


def test_a_corrupt_line_in_the_middle_is_an_error_not_data_loss(tmp_path: Path, fault_server: FaultServer,
                                                                cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    write_articles(folder, 2)
    out = tmp_path / "r.jsonl"
    assert cli("-f", "jsonl", "-o", str(out), "--no-cache", *endpoint(fault_server), str(folder)).code == 0
    lines = out.read_text().split("\n")
    out.write_text("\n".join([lines[0], "{oops", *lines[1:]]))
    before = out.read_bytes()
    again = cli("-f", "jsonl", "-o", str(out), "--resume", "--no-cache", *endpoint(fault_server), str(folder))
    assert again.code == 2 and f"{out}:2: not a result line" in again.err
    assert out.read_bytes() == before


def test_ctrl_c_stops_starting_articles_keeps_finished_ones_and_resume_completes(tmp_path: Path,
                                                                                fault_server: FaultServer) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, 20)
    fault_server.responder = citing_answer
    fault_server.latency = 0.1
    out = tmp_path / "results.jsonl"
    args = ["-f", "jsonl", "-o", str(out), "--resume", "-j", "2", "--no-cache", *endpoint(fault_server), str(folder)]
    code, err = interrupted(args, out, after_lines=3, timeout=120)
    assert code == 130 and "re-run with --resume" in err and "Traceback" not in err
    kept = lines_of(out)
    assert 3 <= len(kept) < 20 and fault_server.count < 20  # the queued articles were never started
    resumed = summarize(*args, timeout=300)  # a process of its own, as after a crash
    assert resumed.returncode == 0
    sources = Counter(r["article"]["source"] for r in lines_of(out))
    assert len(sources) == 20 and max(sources.values()) == 1
