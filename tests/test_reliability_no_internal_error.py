"""Issue 20: every error class of the probe, fed to the real CLI, is a clear error or a failure record.

"internal error" (exit 70, and the per-article "internal error: ..." record of extract/runner.py) is
for genuine bugs only: `grep -rn "internal error" summarizer/` shows those two places. Here each
class of the issue's list runs once (real files and mounts, the scripted endpoint on 127.0.0.1) and
neither the exit status nor any output may say "internal error".
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Callable

import pytest
from articlegen import citing_answer, code, write_articles
from evalkit import ARTICLE, record, write_gold_folder, write_run
from faultserver import Fault, FaultServer
from mounts import fill, tmpfs

Case = Callable[[Path, FaultServer], list[str]]
DATE = "2031-05-09"


def endpoint(server: FaultServer, cache: Path | None = None) -> list[str]:
    where = ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    return ["--provider", "openai", "--base-url", server.url, "--model", "fault-model", "--max-retries", "0", *where]


def folder(tmp: Path, count: int = 2) -> Path:
    for path in write_articles(tmp / "in", count):
        path.write_text(f"---\ndate: {DATE}\n---\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp / "in"


def latin1_name(tmp: Path, server: FaultServer) -> list[str]:
    with open(os.path.join(os.fsencode(folder(tmp)), b"x\xe9.txt"), "wb") as out:
        out.write(b"caf\xe9 au lait\n")
    return ["-f", "jsonl", "-o", str(tmp / "r.jsonl"), *endpoint(server), str(tmp / "in")]


def path_max(tmp: Path, server: FaultServer) -> list[str]:
    return [str(tmp / "/".join(["d" * 250] * 20) / "a.txt")]


def symlink_out(tmp: Path, server: FaultServer) -> list[str]:
    (tmp / "private.txt").write_text("Private.\n", encoding="utf-8")
    (folder(tmp) / "innocent.txt").symlink_to(tmp / "private.txt")
    return ["brief", "--date", DATE, *endpoint(server), str(tmp / "in")]


def failed_task(tmp: Path, server: FaultServer) -> list[str]:
    server.on(code(1), always=Fault.not_json())
    return ["-s", "all", *endpoint(server), str(folder(tmp))]


def spoil_cache(tmp: Path, how: str) -> None:
    path = tmp / "cache" / "responses.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if how in ("{not json", "[]"):
            db.execute("UPDATE responses SET response = ?", (how,))
    if how == "garbage page":
        data = bytearray(path.read_bytes())
        data[4096:8192] = b"\xa5" * 4096
        path.write_bytes(bytes(data))
    elif how == "another table":
        path.unlink()
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE responses (key TEXT, value TEXT)")


def dev_full(tmp: Path, server: FaultServer) -> list[str]:
    return ["-f", "jsonl", "-o", "/dev/full", *endpoint(server), str(folder(tmp))]


def gold_case(change: Callable[[Path], None]) -> Case:
    def case(tmp: Path, server: FaultServer) -> list[str]:
        gold = write_gold_folder(tmp, {"one": ARTICLE})
        change(gold)
        run = write_run(tmp / "run.jsonl", [record(ARTICLE, None, article_id="one")])
        return ["eval", "--gold", str(gold), "--from-run", str(run), "--no-rules"]
    return case


def duplicate(gold: Path) -> None:
    (gold / "two.json").write_text((gold / "one.json").read_text(encoding="utf-8"), encoding="utf-8")


def deep(gold: Path) -> None:
    (gold / "deep.json").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")


def stranger(gold: Path) -> None:
    data = json.loads((gold / "one.json").read_text(encoding="utf-8"))
    data["stances"][0]["holder"] = "a-stranger"
    (gold / "one.json").write_text(json.dumps(data), encoding="utf-8")


def elsewhere(gold: Path) -> None:
    data = json.loads((gold / "one.json").read_text(encoding="utf-8"))
    data["source"] = "/etc/hostname"
    (gold / "one.json").write_text(json.dumps(data), encoding="utf-8")


CASES: dict[str, Case] = {
    "file name not UTF-8": latin1_name,
    "path past PATH_MAX": path_max,
    "symlink out of the folder": symlink_out,
    "failed task": failed_task,
    "/dev/full": dev_full,
    "two gold files for one id": gold_case(duplicate),
    "deeply nested gold": gold_case(deep),
    "holder not a participant": gold_case(stranger),
    "gold source outside": gold_case(elsewhere),
}
CACHE_DAMAGE = ["{not json", "[]", "garbage page", "another table"]
DISK = ["json", "markdown", "jsonl", "brief", "eval"]


def check(result) -> None:  # type: ignore[no-untyped-def]
    assert result.code != 70, result.err
    assert "internal error" not in result.err + result.out, result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("case", CASES)
def test_no_error_class_is_an_internal_error(case: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    with FaultServer(citing_answer) as server:
        check(cli(*CASES[case](tmp_path, server)))


@pytest.mark.parametrize("damage", CACHE_DAMAGE)
def test_no_cache_damage_is_an_internal_error(damage: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    args = ["-f", "jsonl", str(folder(tmp_path, 6))]
    with FaultServer(citing_answer) as server:
        assert cli(*args, *endpoint(server, tmp_path / "cache")).code == 0
        spoil_cache(tmp_path, damage)
        check(cli(*args, *endpoint(server, tmp_path / "cache")))


@pytest.mark.parametrize("target", DISK)
def test_no_full_or_read_only_disk_is_an_internal_error(target: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    gold = write_gold_folder(tmp_path / "eval", {"one": ARTICLE})
    run = write_run(tmp_path / "run.jsonl", [record(ARTICLE, None, article_id="one")])
    with tmpfs("64k") as disk, FaultServer(citing_answer) as server:
        args = {"brief": ["brief", "--date", DATE, "-f", "all", "-o", str(disk / "b")],
                "eval": ["eval", "--gold", str(gold), "--from-run", str(run), "--no-rules", "--html",
                         str(disk / "r.html")]}.get(target, ["-f", target, "-o", str(disk / "out")])
        if target != "eval":
            args += [*endpoint(server), str(folder(tmp_path, 3))]
        fill(disk)
        check(full := cli(*args))
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        check(read_only := cli(*args))
    assert full.code == read_only.code == 2
