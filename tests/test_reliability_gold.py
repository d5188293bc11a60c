"""Issue 20, finding 7: `summarize eval` validates its gold set before scoring anything.

Real gold folders on disk, read through the real CLI (`--from-run`, so no model is involved).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evalkit import ARTICLE, gold_json, record, sha, write_gold_folder, write_run


def project(tmp_path: Path) -> tuple[Path, Path]:
    """A gold folder with one good gold file (`one`), and a saved run for it."""
    root = tmp_path / "project"
    gold = write_gold_folder(root, {"one": ARTICLE})
    run = write_run(root / "run.jsonl", [record(ARTICLE, None, article_id="one")])
    return gold, run


def evaluate(cli, gold: Path, run: Path, *extra: str):  # type: ignore[no-untyped-def]
    result = cli("eval", "--gold", str(gold), "--from-run", str(run), "--no-baseline", *extra)
    assert "internal error" not in result.err and "Traceback" not in result.err
    return result


def edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_the_good_gold_set_is_scored(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    gold, run = project(tmp_path)
    result = evaluate(cli, gold, run)
    assert result.code in (0, 5), result.err  # scored (the run's empty result is no failure of the gold)


def test_two_gold_files_for_one_article_name_both(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    gold, run = project(tmp_path)
    (gold / "copy").mkdir()
    copy = gold / "copy" / "again.json"
    copy.write_text((gold / "one.json").read_text(encoding="utf-8").replace('"../articles/', '"../../articles/'),
                    encoding="utf-8")
    result = evaluate(cli, gold, run)
    assert result.code == 2, result.err
    assert str(gold / "one.json") in result.err and str(copy) in result.err and "'one'" in result.err


def test_deeply_nested_json_is_refused(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    gold, run = project(tmp_path)
    (gold / "deep.json").write_text('{"article_id": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    result = evaluate(cli, gold, run)
    assert result.code == 2 and "deep.json" in result.err and "nested deeper" in result.err


def test_a_huge_gold_file_is_refused_before_parsing(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    gold, run = project(tmp_path)
    (gold / "huge.json").write_text('{"article_id": "' + "x" * 6_000_000 + '"}', encoding="utf-8")
    result = evaluate(cli, gold, run)
    assert result.code == 2 and "huge.json" in result.err and "larger than a gold file can be" in result.err


def test_a_holder_that_is_not_a_participant_is_refused(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    gold, run = project(tmp_path)
    edit(gold / "one.json", lambda data: data["stances"][1].update(holder="someone-else"))
    result = evaluate(cli, gold, run)
    assert result.code == 2, result.err
    assert "one.json: field stances.1.holder: 'someone-else' is not a participant id" in result.err


def outside_article(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "private.txt"
    secret.parent.mkdir()
    secret.write_text("Private. The vault code is Q-4471-Z.\n", encoding="utf-8")
    return secret


def test_a_source_outside_the_gold_and_article_folders_is_refused(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    gold, run = project(tmp_path)
    secret = outside_article(tmp_path)
    text = secret.read_text(encoding="utf-8")
    empty = {"participants": [], "stances": [], "conditions": [], "red_lines": []}
    (gold / "abs.json").write_text(json.dumps(gold_json("abs", str(secret), text, empty)), encoding="utf-8")
    html = tmp_path / "report.html"
    result = evaluate(cli, gold, run, "--html", str(html))
    assert result.code == 2 and "abs.json: field source" in result.err and "outside the gold folder" in result.err
    assert not html.exists()
    (gold / "abs.json").unlink()
    (gold / "link.txt").symlink_to(secret)  # a link inside the gold folder to a file outside it
    (gold / "link.json").write_text(json.dumps(gold_json("link", "link.txt", text, empty)), encoding="utf-8")
    linked = evaluate(cli, gold, run)
    assert linked.code == 2 and "link.json: field source" in linked.err
    allowed = evaluate(cli, gold, run, "--article-dir", str(secret.parent), "--article-dir",
                       str(gold.parent / "articles"), "--html", str(html))
    assert allowed.code in (0, 5), allowed.err  # named with --article-dir: read
    assert sha(text) in (gold / "link.json").read_text(encoding="utf-8")
