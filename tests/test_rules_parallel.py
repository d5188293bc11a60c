"""The rules under -j N: worker processes give the records of one process, in input order, and a batch that
is interrupted, or whose worker fails or dies, loses nothing (extract/workers.py, extract/runner.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from summarizer.rules.extractor import RulesProvider

from clirun import ROOT, interrupted
from forkcli import summarize
from parallel_batch import MARKER

DEV = sorted((ROOT / "evals" / "dev" / "articles").glob("*.txt"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def batch(provider: str, jobs: int, schema: str, paths: list[Path]) -> dict[str, Any]:
    """tests/parallel_batch.py in a fresh process (no other thread, so -j 2 forks its workers)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "parallel_batch.py"), provider, str(jobs), schema,
                           *map(str, paths)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def copies(folder: Path, count: int) -> list[Path]:
    """`count` dev articles, each under a new name with its own first line (so its own text and hash)."""
    folder.mkdir(exist_ok=True)
    out = []
    for n in range(count):
        path = folder / f"copy{n:02d}.txt"
        path.write_text(f"Copy {n}\n" + DEV[n % len(DEV)].read_text(encoding="utf-8"), encoding="utf-8")
        out.append(path)
    return out


def with_marker(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\nThe {MARKER} talks resumed.\n", encoding="utf-8")


def test_two_processes_give_the_records_of_one_in_input_order() -> None:
    paths = [*SEEDS, *DEV[:4], SEEDS[0]]  # the seed again: one extraction, two records
    alone, parallel = batch("rules", 1, "all", paths), batch("rules", 2, "all", paths)
    assert alone["workers"] == 0 and parallel["workers"] == 2  # the records came from two worker processes
    assert parallel["handed"] == [str(p) for p in paths] and parallel["left"] == 0  # in order; workers gone
    assert all(r["ok"] for r in alone["records"]) and len(alone["records"]) == len(paths)
    assert parallel["records"] == alone["records"]


def test_a_rule_that_raises_in_a_worker_fails_its_article_only(tmp_path: Path) -> None:
    paths = copies(tmp_path, 3)
    with_marker(paths[1])
    done = batch("fails-on-marker", 2, "stance", paths)
    records = done["records"]
    assert done["workers"] == 2 and [r["ok"] for r in records] == [True, False, True]
    assert records[1]["error"].startswith("internal error: RuntimeError: rule crashed")
    assert [r["article"]["source"] for r in records] == [str(p) for p in paths]


def test_a_worker_that_dies_fails_articles_with_a_record_and_the_batch_ends(tmp_path: Path) -> None:
    paths = copies(tmp_path, 4)
    with_marker(paths[0])
    records = batch("dies-on-marker", 2, "stance", paths)["records"]
    assert [r["article"]["source"] for r in records] == [str(p) for p in paths]
    assert not records[0]["ok"] and "worker process running it died" in records[0]["error"]
    assert all(r["ok"] or "re-run with --resume" in r["error"] for r in records)


FREEZE_PROBE = """
import gc, json, os, sys
from pathlib import Path
from summarizer.extract.pipeline import ExtractOptions
from summarizer.extract.runner import load_articles, run_batch
from summarizer.rules.extractor import RulesProvider

class Noting(RulesProvider):  # each process that runs an article notes what its collector holds frozen
    def answer(self, call):
        Path(sys.argv[1], str(os.getpid())).write_text(str(gc.get_freeze_count()))
        return super().answer(call)

articles, _ = load_articles(sys.argv[2:])
records = run_batch(articles, Noting(), ExtractOptions(schema="stance"), 2, progress=False)
print(json.dumps({"parent": os.getpid(), "frozen_after": gc.get_freeze_count(), "ok": [r.ok for r in records]}))
"""


def test_workers_start_with_the_parents_objects_frozen_and_the_parent_unfreezes_them(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    paths = copies(tmp_path / "in", 4)
    done = subprocess.run([sys.executable, "-c", FREEZE_PROBE, str(notes), *map(str, paths)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["ok"] == [True] * len(paths)
    counts = {int(note.name): int(note.read_text()) for note in notes.iterdir()}
    assert counts and result["parent"] not in counts  # the articles ran in worker processes
    assert all(count > 1000 for count in counts.values())  # the model and modules, not a handful of objects
    assert result["frozen_after"] == 0  # the parent's collector visits everything again (nothing kept for ever)


def test_a_brief_with_the_rules_runs_a_worker_process_per_core_by_default(tmp_path: Path) -> None:
    paths = copies(tmp_path / "in", 3)
    spy = ("import sys; from summarizer.extract import workers; start = workers.start; "  # the real start, announced
           "workers.start = lambda provider, n, show: print(f'workers: {n}', file=sys.stderr) or start(provider, n, show); "
           "from summarizer.cli import main; main()")
    done = subprocess.run([sys.executable, "-c", spy, "brief", "--provider", "rules", "--no-cache", "--date",
                           "2026-01-05", "--include-undated", "-f", "json", *map(str, paths)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert [(s["path"], s["ok"]) for s in json.loads(done.stdout)["sources"]] == [(str(p), True) for p in paths]
    expected = min(len(os.sched_getaffinity(0)), len(paths), 4)  # one per core, at most 4, at most one per article
    assert [line for line in done.stderr.splitlines() if line.startswith("workers: ")] == (
        [f"workers: {expected}"] if expected >= 2 else [])


def lines_of(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.split("\n") if line]


def without_timings(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for line in lines:
        line["provenance"] = {k: v for k, v in line["provenance"].items() if k not in ("latency_s", "created_at")}
    return lines


def test_resume_under_two_processes_finishes_the_file_as_one_process_writes_it(tmp_path: Path) -> None:
    paths = copies(tmp_path / "in", 5)
    whole, part = tmp_path / "whole.jsonl", tmp_path / "part.jsonl"
    rules = ["--provider", "rules", "--no-cache", "-f", "jsonl"]
    assert summarize(*rules, "-o", str(whole), *map(str, paths)).returncode == 0
    assert summarize(*rules, "-o", str(part), *map(str, paths[:2])).returncode == 0
    resumed = summarize(*rules, "-o", str(part), "--resume", "-j", "2", *map(str, paths))
    assert resumed.returncode == 0 and "2 done, 3 to run" in resumed.stderr
    assert without_timings(lines_of(part)) == without_timings(lines_of(whole))


def _processes_naming(marker: str) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker.encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_ctrl_c_under_two_processes_stops_the_workers_keeps_finished_lines_and_resume_completes(
        tmp_path: Path) -> None:
    paths = copies(tmp_path / "in", 16)
    out = tmp_path / "results.jsonl"
    args = ["--provider", "rules", "--no-cache", "-f", "jsonl", "-o", str(out), "--resume", "-j", "2",
            str(tmp_path / "in")]
    code, err = interrupted(args, out, after_lines=2)
    assert code == 130 and "re-run with --resume" in err and "Traceback" not in err
    assert not _processes_naming(str(out))  # no worker outlives the run
    kept = lines_of(out)
    assert 2 <= len(kept) < len(paths)
    resumed = summarize(*args, timeout=600)  # a process of its own, as after a crash
    assert resumed.returncode == 0, resumed.stderr
    assert Counter(r["article"]["source"] for r in lines_of(out)) == Counter(str(p) for p in sorted(paths))


def test_the_workers_end_when_their_parent_is_killed_with_minus_9(tmp_path: Path) -> None:
    paths = copies(tmp_path / "in", 16)
    out = tmp_path / "results.jsonl"
    run = subprocess.Popen([sys.executable, "-c", "from summarizer.cli import main; main()", "--provider", "rules",
                            "--no-cache", "-f", "jsonl", "-o", str(out), "-j", "2", str(tmp_path / "in")], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") >= 1):
        time.sleep(0.05)
    workers = [pid for pid in _processes_naming(str(out)) if pid != run.pid]
    run.kill()
    run.wait()
    assert len(workers) == 2
    deadline = time.monotonic() + 60  # a bound on the wait, not a speed requirement
    while time.monotonic() < deadline and _processes_naming(str(out)):
        time.sleep(0.1)
    left = _processes_naming(str(out))
    for pid in left:  # should this fail, leave nothing running
        os.kill(pid, signal.SIGKILL)
    assert not left  # none waits for work for ever


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_long_article_reports_its_progress_on_stderr_off_a_terminal(tmp_path: Path, jobs: str) -> None:
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in DEV[:6]), encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text(DEV[6].read_text(encoding="utf-8"), encoding="utf-8")
    # a lower bar for "long", and a line after every call, so the test needs no clock; workers inherit both
    code = ("from summarizer.extract import progress; progress.LONG_ARTICLE_CHARS = 15_000; "
            "progress.REPORT_SECONDS = 0.0; from summarizer.cli import main; main()")
    done = subprocess.run([sys.executable, "-c", code, "--provider", "rules", "--no-cache", "-j", jobs, "-f", "jsonl",
                           str(long), str(short)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if "sentences done" in line]
    assert lines and all(line.startswith(f"summarize: {long}: ") for line in lines)  # the short one says nothing
    counts = [int(line.split(": ")[2].split(" ")[0].replace(",", "")) for line in lines]
    assert counts == sorted(counts) and len(set(counts)) > 1  # chunk after chunk, in article order
    total = len(long.read_text(encoding="utf-8"))
    assert f"/{total:,} characters" in lines[-1]


def test_on_a_terminal_two_processes_say_loading_model_then_show_the_bar(tmp_path: Path) -> None:
    from test_progress import on_terminal

    paths = copies(tmp_path / "in", 3)
    code, out, terminal = on_terminal("--provider", "rules", "--no-cache", "-j", "2", *map(str, paths))
    assert code == 0 and [r["article"]["source"] for r in json.loads(out)] == [str(p) for p in paths]
    assert f"loading model {RulesProvider.model}…" in terminal and "3/3 articles" in terminal
    assert terminal.index("loading model") < terminal.index("articles")
