"""Issue 20, findings 1, 6 and 8 (PATH_MAX): file names as the OS gives them, scans that stay in their folder.

Real files with names that are not UTF-8 (Linux names are bytes), real symbolic links, the real CLI
and the scripted endpoint on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from articlegen import article_text, citing_answer
from faultserver import FaultServer
from markdown_it import MarkdownIt

DATE = "2031-05-09"
LATIN1_NAME = b"r\xe9sum\xe9.txt"  # 'résumé.txt' in Latin-1: not UTF-8
SHOWN = "r\\xe9sum\\xe9.txt"  # how the tool writes it


def endpoint(server: FaultServer) -> list[str]:
    return ["--provider", "openai", "--base-url", server.url, "--model", "fault-model", "--no-cache"]


def article(n: int) -> str:
    return f"---\ndate: {DATE}\n---\n{article_text(n)}"


def folder_with_a_latin1_name(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(article(1), encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), LATIN1_NAME), "w", encoding="utf-8") as out:
        out.write(article(2))
    return folder


def test_a_name_that_is_not_utf8_is_carried_and_written_escaped(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = folder_with_a_latin1_name(tmp_path)
    out = tmp_path / "r.jsonl"
    with FaultServer(citing_answer) as server:
        first = cli("-f", "jsonl", "-o", str(out), *endpoint(server), str(folder))
        assert first.code == 0, first.err
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert sorted(os.path.basename(r["article"]["source"]) for r in rows) == ["good.txt", SHOWN]
        assert all(r["ok"] for r in rows)
        calls = server.count
        again = cli("-f", "jsonl", "-o", str(out), "--resume", *endpoint(server), str(folder))
        assert again.code == 0, again.err
        assert server.count == calls  # both recognised as done, the escaped one included
        brief = cli("brief", "--date", DATE, "-j", "1", *endpoint(server), str(folder))
    assert brief.code == 0, brief.err
    html = MarkdownIt("commonmark").render(brief.out)
    assert "<code>r\\xe9sum\\xe9</code>" in html  # the escaped id, shown literally


def test_an_unreadable_file_with_such_a_name_is_one_failure_record(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(article(1), encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), LATIN1_NAME), "wb") as out:
        out.write("Le ministre a dit que la réunion aura lieu.\n".encode("latin-1"))
    with FaultServer(citing_answer) as server:
        result = cli("-f", "json", *endpoint(server), str(folder))
    assert result.code == 2 and "internal error" not in result.err
    rows = {os.path.basename(r["article"]["source"]): r for r in json.loads(result.out)}
    assert rows["good.txt"]["ok"] and not rows[SHOWN]["ok"] and "not valid UTF-8" in rows[SHOWN]["error"]
    assert SHOWN in result.err


def test_a_symlink_out_of_the_folder_is_skipped_unless_asked(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "elsewhere" / "private.txt"
    secret.parent.mkdir()
    secret.write_text("Private note. The vault code is Q-4471-Z and nobody may read it.\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(article(1), encoding="utf-8")
    (folder / "innocent.txt").symlink_to(secret)
    (folder / "sub").mkdir()
    (folder / "sub" / "two.txt").write_text(article(3), encoding="utf-8")
    (folder / "inside.txt").symlink_to(folder / "sub" / "two.txt")  # a link that stays in the folder is read
    with FaultServer(citing_answer) as server:
        result = cli("-f", "jsonl", *endpoint(server), str(folder))
        assert result.code == 0, result.err
        assert f"skipped {folder / 'innocent.txt'}: a symbolic link that points outside the folder" in result.err
        assert not any("Q-4471-Z" in json.dumps(seen.body) for seen in server.seen)  # never sent
        assert "Q-4471-Z" not in result.out
        assert sorted(json.loads(r)["article"]["id"] for r in result.out.splitlines()) == ["good", "inside"]
        followed = cli("-f", "jsonl", "--follow-symlinks", *endpoint(server), str(folder))
    assert followed.code == 0 and "Q-4471-Z" in followed.out


def test_a_path_longer_than_path_max_is_a_clear_error(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    long = str(tmp_path / "/".join(["d" * 200] * 25) / "a.txt")  # 5000+ bytes: past PATH_MAX (4096)
    result = cli(long)
    assert result.code == 2, result.err
    assert "the path is too long" in result.err and "internal error" not in result.err
    good = tmp_path / "a.txt"
    good.write_text(article(1), encoding="utf-8")
    with FaultServer(citing_answer) as server:
        out = cli("-o", long, *endpoint(server), str(good))
    assert out.code == 2 and "cannot write results there" in out.err and "internal error" not in out.err
