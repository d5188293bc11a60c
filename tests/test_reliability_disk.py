"""Issue 20, finding 4: a full disk, a read-only file system or a forbidden folder is one clear error.

Real mounts: a 64 KiB tmpfs (mounted for the test, unmounted after; the test is skipped, saying why,
only where mounting is impossible), remounted read-only for EROFS; `/dev/full` for ENOSPC on a
stream; a run as the user `nobody` for EACCES. Every case: exit 2, one line naming the file, no
temporary file left, no half output.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from articlegen import article_text, citing_answer
from clirun import ROOT
from evalkit import record, write_gold_folder, write_run
from faultserver import FaultServer
from mounts import fill, tmpfs

DATE = "2031-05-09"


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 64 KiB tmpfs, mounted for this test."""
    with tmpfs("64k") as where:
        yield where


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "filler")


def endpoint(server: FaultServer) -> list[str]:
    return ["--provider", "openai", "--base-url", server.url, "--model", "fault-model", "--no-cache"]


def articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        (folder / f"article-{n:03d}.txt").write_text(f"---\ndate: {DATE}\n---\n{article_text(n)}", encoding="utf-8")
    return folder


def clean_error(result, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.code == 2, result.err
    assert "internal error" not in result.err and "Traceback" not in result.err
    assert all(word in result.err for word in words), result.err


@pytest.mark.parametrize("fmt", ["json", "jsonl", "markdown"])
def test_dev_full_is_a_full_disk_not_an_internal_error(fmt: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = articles(tmp_path / "in", 1)
    with FaultServer(citing_answer) as server:
        result = cli("-f", fmt, "-o", "/dev/full", *endpoint(server), str(folder))
    clean_error(result, "/dev/full", "the disk is full")


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_a_full_disk_leaves_no_temporary_file(fmt: str, small_disk: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = articles(tmp_path / "in", 2)
    fill(small_disk)
    with FaultServer(citing_answer) as server:
        result = cli("-f", fmt, "-o", str(small_disk / "out"), *endpoint(server), str(folder))
    clean_error(result, str(small_disk / "out"), "the disk is full")
    assert leftovers(small_disk) == []


def test_a_full_disk_mid_batch_keeps_whole_lines_and_says_resume(small_disk: Path, tmp_path: Path,
                                                                 cli) -> None:  # type: ignore[no-untyped-def]
    folder = articles(tmp_path / "in", 6)
    fill(small_disk, leave=4096)
    out = small_disk / "r.jsonl"
    with FaultServer(citing_answer) as server:
        result = cli("-f", "jsonl", "-o", str(out), *endpoint(server), str(folder))
    clean_error(result, str(out), "the disk is full", "--resume")
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and all(json.loads(line)["ok"] for line in lines[:-1])  # no torn line
    assert len(lines) - 1 < 6 and leftovers(small_disk) == ["r.jsonl"]


def test_brief_all_writes_all_three_files_or_none(small_disk: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = articles(tmp_path / "in", 2)
    with FaultServer(citing_answer) as server:
        whole = cli("brief", "--date", DATE, "-j", "1", "-f", "all", "-o", str(tmp_path / "ok"), *endpoint(server),
                    str(folder))
        assert whole.code == 0, whole.err
        sizes = sorted(p.stat().st_size for p in (tmp_path / "ok").iterdir())
        fill(small_disk, leave=sizes[0] + 4096)  # room for the smallest file, not for all three
        result = cli("brief", "--date", DATE, "-j", "1", "-f", "all", "-o", str(small_disk / "b"),
                     *endpoint(server), str(folder))
    clean_error(result, "the disk is full")
    assert leftovers(small_disk / "b") == []


def test_a_read_only_file_system_is_named(small_disk: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = articles(tmp_path / "in", 1)
    gold = write_gold_folder(tmp_path / "eval", {"one": article_text(1)})
    run = write_run(tmp_path / "run.jsonl", [record(article_text(1), {}, article_id="one")])
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with FaultServer(citing_answer) as server:
        extract = cli("-o", str(small_disk / "out.json"), *endpoint(server), str(folder))
        brief = cli("brief", "--date", DATE, "-f", "all", "-o", str(small_disk / "b"), *endpoint(server), str(folder))
    clean_error(extract, str(small_disk / "out.json"), "read-only")
    clean_error(brief, str(small_disk / "b"), "read-only")
    report = cli("eval", "--gold", str(gold), "--from-run", str(run), "--no-baseline",
                 "--html", str(small_disk / "r.html"))
    clean_error(report, str(small_disk / "r.html"), "read-only")


def test_a_forbidden_folder_is_named(tmp_path: Path) -> None:
    """An evaluation report into a folder its user may not write (mode 0555; run without the capability
    that lets root write anyway): EACCES."""
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to run without CAP_DAC_OVERRIDE")
    gold = write_gold_folder(tmp_path, {"one": article_text(1)})
    run = write_run(tmp_path / "run.jsonl", [record(article_text(1), {}, article_id="one")])
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    done = subprocess.run(["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search,-fowner",
                           sys.executable, "-c", "from summarizer.cli import main; main()", "eval", "--gold",
                           str(gold), "--from-run", str(run), "--no-baseline", "--json", str(locked / "r.json")],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=tmp_path,
                          timeout=300)
    assert done.returncode == 2, done.stderr
    assert f"{locked / 'r.json'}: cannot write results there: permission denied" in done.stderr  # before any work
    assert "internal error" not in done.stderr and leftovers(locked) == []
