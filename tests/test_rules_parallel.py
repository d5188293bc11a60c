"""The rules under -j N: worker processes give the records of one process, in input order, and a batch that
is interrupted, or whose worker fails or dies, loses nothing (extract/workers.py, extract/runner.py)."""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from clirun import ROOT, interrupted
from forkcli import summarize
from summarizer.core.records import ExtractionRecord
from summarizer.extract.pipeline import ExtractOptions
from summarizer.extract.runner import load_articles, run_batch
from summarizer.rules.extractor import BaselineProvider

DEV = sorted((ROOT / "evals" / "dev" / "articles").glob("*.txt"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
MARKER = "Quillwort"  # an invented word: the test providers below act up on the article that contains it


def comparable(record: ExtractionRecord) -> dict[str, Any]:
    """Everything in a record but the timings."""
    data = record.model_dump(mode="json")
    data["provenance"] = {k: v for k, v in (data["provenance"] or {}).items() if k not in ("latency_s", "created_at")}
    return data


def sources(paths: list[Path]) -> list[Any]:
    articles, unreadable = load_articles(str(p) for p in paths)
    assert not unreadable
    return articles


def copies(folder: Path, count: int) -> list[Path]:
    """`count` dev articles, each under a new name with its own first line (so its own text and hash)."""
    folder.mkdir(exist_ok=True)
    out = []
    for n in range(count):
        path = folder / f"copy{n:02d}.txt"
        path.write_text(f"Copy {n}\n" + DEV[n % len(DEV)].read_text(encoding="utf-8"), encoding="utf-8")
        out.append(path)
    return out


class FailsOnMarker(BaselineProvider):
    """The rules, except that the article with MARKER raises inside the provider (a bug in the rules)."""

    def answer(self, call: Any) -> Any:
        if any(MARKER in s.text for s in call.sentences):
            raise RuntimeError("rule crashed")
        return super().answer(call)


class DiesOnMarker(BaselineProvider):
    """The rules, except that the process running the article with MARKER dies (as if killed for memory)."""

    def answer(self, call: Any) -> Any:
        if any(MARKER in s.text for s in call.sentences):
            os._exit(9)
        return super().answer(call)


def test_two_processes_give_the_records_of_one_in_input_order() -> None:
    articles = sources([*SEEDS, *DEV[:4], SEEDS[0]])  # the seed again: one extraction, two records
    options = ExtractOptions(schema="all")
    alone = run_batch(articles, BaselineProvider(), options, concurrency=1, progress=False)
    workers_seen: list[int] = []
    handed: list[str] = []

    def on_record(record: ExtractionRecord) -> None:
        handed.append(record.article.source)
        workers_seen.append(len(multiprocessing.active_children()))

    parallel = run_batch(articles, BaselineProvider(), options, concurrency=2, on_record=on_record, progress=False)
    assert max(workers_seen) == 2  # the records came from two worker processes
    assert handed == [a.source for a in articles]
    assert all(r.ok for r in alone) and len(parallel) == len(articles)
    assert [comparable(r) for r in parallel] == [comparable(r) for r in alone]
    assert not multiprocessing.active_children()  # the workers are gone once the batch is done


def test_a_rule_that_raises_in_a_worker_fails_its_article_only(tmp_path: Path) -> None:
    paths = copies(tmp_path, 3)
    paths[1].write_text(paths[1].read_text(encoding="utf-8") + f"\nThe {MARKER} talks resumed.\n", encoding="utf-8")
    records = run_batch(sources(paths), FailsOnMarker(), ExtractOptions(schema="stance"), concurrency=2,
                        progress=False)
    assert [r.ok for r in records] == [True, False, True]
    assert records[1].error.startswith("internal error: RuntimeError: rule crashed")
    assert [r.article.source for r in records] == [str(p) for p in paths]


def test_a_worker_that_dies_fails_articles_with_a_record_and_the_batch_ends(tmp_path: Path) -> None:
    paths = copies(tmp_path, 4)
    paths[0].write_text(paths[0].read_text(encoding="utf-8") + f"\nThe {MARKER} talks resumed.\n", encoding="utf-8")
    records = run_batch(sources(paths), DiesOnMarker(), ExtractOptions(schema="stance"), concurrency=2,
                        progress=False)
    assert [r.article.source for r in records] == [str(p) for p in paths]
    assert not records[0].ok and "worker process running it died" in (records[0].error or "")
    assert all(r.ok or "re-run with --resume" in (r.error or "") for r in records)


def lines_of(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.split("\n") if line]


def without_timings(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for line in lines:
        line["provenance"] = {k: v for k, v in line["provenance"].items() if k not in ("latency_s", "created_at")}
    return lines


def test_resume_under_two_processes_finishes_the_file_as_one_process_writes_it(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    paths = copies(tmp_path / "in", 5)
    whole, part = tmp_path / "whole.jsonl", tmp_path / "part.jsonl"
    assert cli("--provider", "rules", "--no-cache", "-f", "jsonl", "-o", str(whole), *map(str, paths)).code == 0
    assert cli("--provider", "rules", "--no-cache", "-f", "jsonl", "-o", str(part), *map(str, paths[:2])).code == 0
    resumed = cli("--provider", "rules", "--no-cache", "-f", "jsonl", "-o", str(part), "--resume", "-j", "2",
                  *map(str, paths))
    assert resumed.code == 0 and "2 done, 3 to run" in resumed.err
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


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_long_article_reports_its_progress_on_stderr_off_a_terminal(tmp_path: Path, jobs: str,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      capfd: pytest.CaptureFixture[str]) -> None:
    from summarizer.cli import main
    from summarizer.extract import progress

    monkeypatch.setattr(progress, "LONG_ARTICLE_CHARS", 15_000)  # forked workers inherit both settings
    monkeypatch.setattr(progress, "REPORT_SECONDS", 0.0)  # a line after every call, so the test needs no clock
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in DEV[:6]), encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text(DEV[6].read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["summarize", "--provider", "rules", "--no-cache", "-j", jobs, "-f", "jsonl",
                                      str(long), str(short)])
    with pytest.raises(SystemExit) as ended:  # in this process: stderr is captured at the descriptor, which
        main()  # the workers write to as well
    assert ended.value.code == 0
    lines = [line for line in capfd.readouterr().err.splitlines() if "sentences done" in line]
    assert lines and all(line.startswith(f"summarize: {long}: ") for line in lines)  # the short one says nothing
    done = [int(line.split(": ")[2].split(" ")[0].replace(",", "")) for line in lines]
    assert done == sorted(done) and len(set(done)) > 1  # chunk after chunk, in article order
    total = len(long.read_text(encoding="utf-8"))
    assert f"/{total:,} characters" in lines[-1]


def test_on_a_terminal_two_processes_say_loading_model_then_show_the_bar(tmp_path: Path) -> None:
    from test_progress import on_terminal

    paths = copies(tmp_path / "in", 3)
    code, out, terminal = on_terminal("--provider", "rules", "--no-cache", "-j", "2", *map(str, paths))
    assert code == 0 and [r["article"]["source"] for r in json.loads(out)] == [str(p) for p in paths]
    assert "loading model rules-v4…" in terminal and "3/3 articles" in terminal
    assert terminal.index("loading model") < terminal.index("articles")
