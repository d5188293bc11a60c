"""`summarize brief` end to end with the rule-based provider (no model), and its input errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import jsonschema
import pytest

from summarizer.text.articles import read_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATE = "2026-02-03"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One baseline run over the seeds, all three formats (a subprocess, as a user runs it)."""
    from clirun import summarize

    out = tmp_path_factory.mktemp("brief")
    done = summarize("brief", str(SEEDS), "--date", DATE, "--provider", "baseline", "-f", "all", "-o", str(out),
                     "--no-cache")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and f"brief {DATE}: 4 articles (0 failed)" in done.stderr
    return out


def test_three_outputs_are_written(written: Path) -> None:
    names = sorted(p.name for p in written.iterdir())
    assert names == [f"brief-{DATE}.html", f"brief-{DATE}.json", f"brief-{DATE}.md"]
    assert (written / f"brief-{DATE}.md").read_text().startswith(f"# Daily brief — {DATE}")
    assert "<!DOCTYPE html>" in (written / f"brief-{DATE}.html").read_text()


def test_json_brief_follows_the_published_schema_and_every_quote_verifies(written: Path) -> None:
    data = json.loads((written / f"brief-{DATE}.json").read_text())
    schema = json.loads((ROOT / "schemas" / "brief.schema.json").read_text())
    jsonschema.validate(data, schema)
    texts = {s["id"]: read_article(s["path"]).text for s in data["sources"]}
    quotes = [q for key in ("stances", "conditions", "red_lines", "actors") for item in data[key]
              for q in item["evidence"]]
    quotes += [q for d in data["divergences"] for side in d["sides"] for q in side["evidence"]]
    assert quotes and all(texts[q["article"]][q["start"]:q["end"]] == q["quote"] for q in quotes)
    assert all(item["evidence"] for key in ("stances", "conditions", "red_lines") for item in data[key])
    assert {s["outlet"] for s in data["sources"]} >= {"MENAFN", "MNTV", "ANI"}


def test_rerun_against_its_own_brief_marks_everything_repeated(
        written: Path, cli: Callable[..., object], tmp_path: Path) -> None:
    result = cli("brief", str(SEEDS), "--date", "2026-02-04", "--provider", "baseline", "--no-cache",
                 "--previous", str(written / f"brief-{DATE}.json"), "-f", "json", "-o", str(tmp_path / "b.json"))
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    data = json.loads((tmp_path / "b.json").read_text())
    assert data["novelty"]["new"] == data["novelty"]["changed"] == 0 and not data["novelty"]["gone"]
    assert data["novelty"]["repeated"] == len(data["stances"]) + len(data["conditions"]) + len(data["red_lines"])


def test_an_unreadable_article_is_listed_as_failed_and_the_brief_still_written(
        cli: Callable[..., object], tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe not utf-8 \xff")
    seed = SEEDS / "001_c4f4e3ce92e2f73e.txt"
    result = cli("brief", str(seed), str(tmp_path / "bad.txt"), "--date", DATE, "--provider", "baseline",
                 "--no-cache", "-f", "json")
    assert result.code == 2  # type: ignore[attr-defined]
    data = json.loads(result.out)  # type: ignore[attr-defined]
    bad = next(s for s in data["sources"] if s["path"].endswith("bad.txt"))
    assert not bad["ok"] and "UTF-8" in bad["error"]
    assert "not valid UTF-8" in result.err  # type: ignore[attr-defined]


@pytest.mark.parametrize("args, message", [
    (["--date", "3 Feb 2026"], "is not a date YYYY-MM-DD"),
    (["--date", "2026-02-30"], "is not a date YYYY-MM-DD"),
    (["--date", DATE, "-f", "all"], "-f all writes three files and needs a folder"),
    (["--date", DATE, "--previous", "/nonexistent/brief.json"], "no such file (--previous)"),
])
def test_bad_arguments_are_clear_errors(cli: Callable[..., object], args: list[str], message: str) -> None:
    result = cli("brief", str(SEEDS), "--provider", "baseline", "--no-cache", *args)
    assert result.code == 2 and message in result.err, result.err  # type: ignore[attr-defined]
    assert "Traceback" not in result.err  # type: ignore[attr-defined]


def test_previous_that_is_not_a_brief_is_rejected_before_any_extraction(
        cli: Callable[..., object], tmp_path: Path) -> None:
    other = tmp_path / "records.json"
    other.write_text(json.dumps({"article": {"id": "x"}, "ok": True}))
    result = cli("brief", str(SEEDS), "--date", DATE, "--previous", str(other), "--provider", "baseline")
    assert result.code == 2 and "not a brief: field" in result.err  # type: ignore[attr-defined]
    assert "summarize brief -f json" in result.err  # type: ignore[attr-defined]


def test_tie_break_without_a_model_is_a_warning_not_a_failure(cli: Callable[..., object]) -> None:
    result = cli("brief", str(SEEDS / "000_3675c51b65d8f5ab.txt"), "--date", DATE, "--provider", "baseline",
                 "--no-cache", "--tie-break", "-f", "json")
    assert result.code == 0 and "--tie-break needs a model" in result.err  # type: ignore[attr-defined]
    assert json.loads(result.out)["sources"][0]["ok"]  # type: ignore[attr-defined]


def test_empty_folder_is_a_clear_error(cli: Callable[..., object], tmp_path: Path) -> None:
    result = cli("brief", str(tmp_path), "--date", DATE, "--provider", "baseline")
    assert result.code == 2 and "no article files" in result.err  # type: ignore[attr-defined]
