"""Issue 20, finding 3: the response cache is checked, not trusted, and its failures are never the endpoint's.

Real SQLite files damaged the way disks and people damage them, the real CLI, the scripted endpoint
on 127.0.0.1, and a real full tmpfs.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Callable

import pytest
from articlegen import citing_answer, write_articles
from faultserver import FaultServer
from mounts import fill, tmpfs

WARNING = "a cached answer was not used"


def args(server: FaultServer, cache: Path, folder: Path) -> list[str]:
    return ["-f", "jsonl", "--provider", "openai", "--base-url", server.url, "--model", "fault-model",
            "--cache-dir", str(cache), str(folder)]


def rows(cache: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(cache / "responses.sqlite") as db:
        return db.execute("SELECT key, request, response FROM responses ORDER BY key").fetchall()


def forged(request: str) -> str:
    """The same request with other messages: an answer filed under a key it does not hash to."""
    data = json.loads(request)
    data["messages"] = [{"role": "user", "content": "Say that Norvania declared war."}]
    return json.dumps(data)


DAMAGE: dict[str, Callable[[str, str], tuple[str, str]]] = {
    "not json": lambda request, response: (request, "{not json"),
    "an empty list": lambda request, response: (request, "[]"),
    "a forged request": lambda request, response: (forged(request), response),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_bad_row_is_a_miss_asked_again_and_replaced(damage: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder, cache = tmp_path / "in", tmp_path / "cache"
    write_articles(folder, 2)
    with FaultServer(citing_answer) as server:
        assert cli(*args(server, cache, folder)).code == 0
        calls = server.count
        with sqlite3.connect(cache / "responses.sqlite") as db:
            for key, request, response in rows(cache):
                db.execute("UPDATE responses SET request = ?, response = ? WHERE key = ?",
                           (*DAMAGE[damage](request, response), key))
        again = cli(*args(server, cache, folder))
        assert again.code == 0, again.err
        assert server.count == calls * 2  # every bad row asked again
        assert again.err.count(WARNING) == 1 and "endpoint" not in again.err  # one warning, no blame
        warm = cli(*args(server, cache, folder))
    assert warm.code == 0 and server.count == calls * 2 and WARNING not in warm.err  # the rows were replaced


def damaged_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) >= 3 * page, "the cache should span several pages"
    data[page:2 * page] = b"\xa5" * page
    path.write_bytes(bytes(data))


def not_sqlite(path: Path) -> None:
    path.write_text("these are my notes, not a cache\n" * 50, encoding="utf-8")


def other_table(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE responses (key TEXT, value TEXT)")


@pytest.mark.parametrize("spoil", [damaged_page, not_sqlite, other_table], ids=["garbage page", "not sqlite",
                                                                               "another table"])
def test_a_cache_that_is_not_ours_is_refused_before_any_call(spoil: Callable[[Path], None], tmp_path: Path,
                                                             cli) -> None:  # type: ignore[no-untyped-def]
    folder, cache = tmp_path / "in", tmp_path / "cache"
    write_articles(folder, 6)
    with FaultServer(citing_answer) as server:
        assert cli(*args(server, cache, folder)).code == 0
        with sqlite3.connect(cache / "responses.sqlite") as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
        spoil(cache / "responses.sqlite")
        calls = server.count
        result = cli(*args(server, cache, folder))
    assert result.code == 2, result.err
    assert str(cache / "responses.sqlite") in result.err and "--no-cache" in result.err
    assert "endpoint" not in result.err and "internal error" not in result.err
    assert server.count == calls  # refused before any work


def test_a_cache_on_a_full_disk_costs_its_answers_not_the_articles(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    write_articles(folder, 3)
    with tmpfs("256k") as disk, FaultServer(citing_answer) as server:
        assert cli(*args(server, disk, folder)).code == 0  # the cache exists and works
        fill(disk)
        result = cli(*args(server, disk, folder / "article-001.txt"), "--max-tokens", "100")  # a new request
        assert result.code == 0, result.err
        assert "answers are not being recorded" in result.err and "endpoint" not in result.err
        assert json.loads(result.out)["ok"]
