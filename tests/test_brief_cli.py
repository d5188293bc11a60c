"""`summarize brief` end to end with the rule-based provider (no model), on invented articles, and its errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import jsonschema
import pytest
from brief_fixtures import ALPHA, BETA, GAMMA

from summarizer.text.articles import read_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATE, NEXT = "2026-03-02", "2026-03-03"
PROVIDER = ("--provider", "rules", "--no-cache")


def _front(text: str, date: str | None, outlet: str | None) -> str:
    keys = [f"date: {date}" if date else "", f"outlet: {outlet}" if outlet else "", "title: x"]
    return "---\n" + "".join(k + "\n" for k in keys if k) + "---\n" + text


def day_folder(folder: Path, date: str) -> Path:
    """Three articles dated `date` (one without outlet), one dated earlier, one with no date at all."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "alpha.txt").write_text(_front(ALPHA, date, "ALN"))
    (folder / "beta.txt").write_text(_front(BETA, date, "Beta Wire"))
    (folder / "gamma-wire-story.txt").write_text(_front(GAMMA.replace(" (GMW)", ""), date, None))
    (folder / "old.txt").write_text(_front(ALPHA, "2026-02-20", "ALN"))
    (folder / "nodate.txt").write_text(BETA.replace("(", "").replace(")", ""))
    return folder


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """One rules run over a day's folder, all three formats (a subprocess, as a user runs it)."""
    from forkcli import summarize

    articles = day_folder(tmp_path_factory.mktemp("articles"), DATE)
    out = tmp_path_factory.mktemp("brief")
    done = summarize("brief", str(articles), "--date", DATE, *PROVIDER, "-f", "all", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return articles, out, done.stderr


def test_three_outputs_are_written_and_stderr_says_what_was_left_out(run: tuple[Path, Path, str]) -> None:
    articles, out, err = run
    assert sorted(p.name for p in out.iterdir()) == [f"brief-{DATE}.html", f"brief-{DATE}.json", f"brief-{DATE}.md"]
    assert (out / f"brief-{DATE}.md").read_text().startswith(f"# Daily brief — {DATE}")
    assert f"left out {articles / 'old.txt'}: dated 2026-02-20, not {DATE}" in err
    assert f"left out {articles / 'nodate.txt'}: no date" in err
    assert f"brief {DATE}: 3 articles (0 failed, 2 left out)" in err and "extracted by rules / " in err


def test_json_follows_the_published_schema_names_its_maker_and_every_quote_verifies(
        run: tuple[Path, Path, str]) -> None:
    data = json.loads((run[1] / f"brief-{DATE}.json").read_text())
    jsonschema.validate(data, json.loads((ROOT / "schemas" / "brief.schema.json").read_text()))
    assert [e["provider"] for e in data["extracted_by"]] == ["rules"] and data["extracted_by"][0]["model"]
    texts = {s["id"]: read_article(s["path"]).text for s in data["sources"]}
    quotes = [q for key in ("stances", "conditions", "red_lines", "actors") for item in data[key]
              for q in item["evidence"]]
    quotes += [q for d in data["divergences"] for side in d["sides"] for q in side["evidence"]]
    assert quotes and all(texts[q["article"]][q["start"]:q["end"]] == q["quote"] for q in quotes)
    assert {s["id"]: s["outlet"] for s in data["sources"]} == {"alpha": "ALN", "beta": "Beta Wire",
                                                                "gamma-wire-story": None}
    assert sorted(item["id"] for item in data["left_out"]) == ["nodate", "old"]


def test_rerun_next_day_against_its_own_brief_marks_everything_repeated(
        run: tuple[Path, Path, str], cli: Callable[..., object], tmp_path: Path) -> None:
    articles = day_folder(tmp_path / "next", NEXT)
    result = cli("brief", str(articles), "--date", NEXT, *PROVIDER, "--previous",
                 str(run[1] / f"brief-{DATE}.json"), "-f", "json", "-o", str(tmp_path / "b.json"))
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    data = json.loads((tmp_path / "b.json").read_text())
    assert data["novelty"]["new"] == data["novelty"]["changed"] == 0 and not data["novelty"]["gone"]
    assert data["novelty"]["repeated"] == len(data["stances"]) + len(data["conditions"]) + len(data["red_lines"])


def test_include_undated_takes_the_undated_article(cli: Callable[..., object], tmp_path: Path) -> None:
    articles = day_folder(tmp_path / "a", DATE)
    result = cli("brief", str(articles), "--date", DATE, "--include-undated", *PROVIDER, "-f", "json")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    data = json.loads(result.out)  # type: ignore[attr-defined]
    assert "nodate" in {s["id"] for s in data["sources"]} and [i["id"] for i in data["left_out"]] == ["old"]


def test_no_article_of_the_day_is_an_error_before_any_extraction(cli: Callable[..., object], tmp_path: Path) -> None:
    articles = day_folder(tmp_path / "a", DATE)
    out = tmp_path / "brief.md"
    result = cli("brief", str(articles), "--date", "2026-01-01", *PROVIDER, "-o", str(out))
    assert result.code == 2 and not out.exists()  # type: ignore[attr-defined]
    assert "no article is dated 2026-01-01 (found: 2026-02-20, 2026-03-02 and 1 undated)" in result.err  # type: ignore


def test_an_unreadable_article_is_listed_as_failed_and_the_brief_still_written(
        cli: Callable[..., object], tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"not utf-8 \xc3\x28 at all")
    (tmp_path / "alpha.txt").write_text(_front(ALPHA, DATE, "ALN"))
    result = cli("brief", str(tmp_path / "alpha.txt"), str(tmp_path / "bad.txt"), "--date", DATE, *PROVIDER,
                 "-f", "json")
    assert result.code == 2  # type: ignore[attr-defined]
    data = json.loads(result.out)  # type: ignore[attr-defined]
    bad = next(s for s in data["sources"] if s["path"].endswith("bad.txt"))
    assert not bad["ok"] and "UTF-8" in bad["error"]
    assert "not valid UTF-8" in result.err  # type: ignore[attr-defined]


def test_every_article_failed_writes_no_brief_and_exits_1(cli: Callable[..., object], tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"not utf-8 \xc3\x28 at all")
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "brief.md"
    result = cli("brief", str(tmp_path / "bad.txt"), str(tmp_path / "empty.txt"), "--date", DATE, *PROVIDER,
                 "-o", str(out))
    assert result.code == 1 and not out.exists()  # type: ignore[attr-defined]
    assert "no brief was written" in result.err and "not valid UTF-8" in result.err  # type: ignore[attr-defined]
    assert "the article is empty" in result.err  # type: ignore[attr-defined]


@pytest.mark.parametrize("args, message", [
    (["--date", "3 Feb 2026"], "is not a date YYYY-MM-DD"),
    (["--date", "2026-02-30"], "is not a date YYYY-MM-DD"),
    (["--date", DATE, "-f", "all"], "-f all writes three files and needs a folder"),
    (["--date", DATE, "--previous", "/nonexistent/brief.json"], "no such file (--previous)"),
])
def test_bad_arguments_are_clear_errors(cli: Callable[..., object], args: list[str], message: str) -> None:
    result = cli("brief", str(SEEDS), *PROVIDER, *args)
    assert result.code == 2 and message in result.err, result.err  # type: ignore[attr-defined]
    assert "Traceback" not in result.err  # type: ignore[attr-defined]


def test_previous_that_is_not_a_brief_is_rejected_before_any_extraction(
        cli: Callable[..., object], tmp_path: Path) -> None:
    other = tmp_path / "records.json"
    other.write_text(json.dumps({"article": {"id": "x"}, "ok": True}))
    result = cli("brief", str(SEEDS), "--date", DATE, "--previous", str(other), "--provider", "rules")
    assert result.code == 2 and "not a brief: field" in result.err  # type: ignore[attr-defined]
    assert "summarize brief -f json" in result.err  # type: ignore[attr-defined]


def test_tie_break_without_a_model_is_a_warning_not_a_failure(cli: Callable[..., object], tmp_path: Path) -> None:
    (tmp_path / "alpha.txt").write_text(_front(ALPHA, DATE, "ALN"))
    result = cli("brief", str(tmp_path / "alpha.txt"), "--date", DATE, *PROVIDER, "--tie-break", "-f", "json")
    assert result.code == 0 and "--tie-break needs a model" in result.err  # type: ignore[attr-defined]
    assert json.loads(result.out)["sources"][0]["ok"]  # type: ignore[attr-defined]


def test_empty_folder_is_a_clear_error(cli: Callable[..., object], tmp_path: Path) -> None:
    result = cli("brief", str(tmp_path), "--date", DATE, "--provider", "rules")
    assert result.code == 2 and "no article files" in result.err  # type: ignore[attr-defined]
