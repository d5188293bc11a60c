"""A brief on any day: the latest day by default (said on stderr), every day with --date all, headlines on a day
of one outlet, and red lines phrased by the grammar of their text (invented sentences throughout)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

import summarizer
from summarizer.brief.phrasing import red_line_statement, shape

PROVIDER = ("--provider", "rules", "--no-cache")
ONE_OUTLET = """---
date: {date}
outlet: Harbour Post
---
Fishing talks stall as ministers trade warnings
Norway's foreign minister Kari Lunde said Norway supports new talks on the fishing dispute.
Lunde said Oslo will host the talks only if both fleets leave the disputed waters.
Iceland's fisheries minister Bjorn Arason said Iceland will never accept quotas set by its neighbours.
Arason warned that any seizure of an Icelandic trawler would be a red line for Reykjavik.
Lunde said Norway opposes any new quota system imposed without consultation.
"""


def _folder(tmp_path: Path, dates: list[str]) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, date in enumerate(dates):
        (folder / f"a{i}.txt").write_text(ONE_OUTLET.format(date=date).replace("Oslo", f"Oslo{'' if not i else i}"),
                                          encoding="utf-8")
    (folder / "undated.txt").write_text(ONE_OUTLET.split("---\n", 2)[2], encoding="utf-8")
    return folder


def test_without_date_the_brief_is_for_the_latest_day_and_says_so(cli: Callable[..., object],
                                                                   tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["2031-04-01", "2031-04-03", "2031-04-02"])
    result = cli("brief", str(folder), *PROVIDER, "-f", "json")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    assert "brief for 2031-04-03, the most recent date among the articles" in result.err  # type: ignore
    data = json.loads(result.out)  # type: ignore[attr-defined]
    assert data["date"] == "2031-04-03" and [s["id"] for s in data["sources"]] == ["a1"]


def test_date_all_gives_one_brief_per_day_in_order(cli: Callable[..., object], tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["2031-04-02", "2031-04-01"])
    result = cli("brief", str(folder), *PROVIDER, "--date", "all", "-f", "json")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    briefs = json.loads(result.out)  # type: ignore[attr-defined]
    assert [(b["date"], [s["id"] for s in b["sources"]]) for b in briefs] == [("2031-04-01", ["a1"]),
                                                                              ("2031-04-02", ["a0"])]
    assert briefs[1]["novelty"]["previous_date"] == "2031-04-01"  # each day against the day before
    out = tmp_path / "out"
    out.mkdir()
    assert cli("brief", str(folder), *PROVIDER, "--date", "all", "-f", "html", "-o", str(out)).code == 0  # type: ignore
    assert sorted(p.name for p in out.iterdir()) == ["brief-2031-04-01.html", "brief-2031-04-02.html"]


def test_a_single_outlet_day_has_headlines_led_by_red_lines_and_conditions() -> None:
    brief = summarizer.brief([ONE_OUTLET.format(date="2031-04-01")], provider="rules")
    items = len(brief.stances) + len(brief.conditions) + len(brief.red_lines)
    assert items >= 3 and len(brief.headlines) >= 3
    kinds = [h.kind for h in brief.headlines]
    assert kinds[0] == "red_line" and "condition" in kinds
    assert all(h.reasons != ["reported today"] for h in brief.headlines)


@pytest.mark.parametrize("text,expected", [
    ("the navy enters the strait", "clause"),
    ("accept any limit on the fleet", "verb"),
    ("reopening the old agreement", "gerund"),
    ("any seizure of a trawler", "noun"),
])
def test_shape_of_a_red_line_text(text: str, expected: str) -> None:
    assert shape(text) == expected


def test_red_lines_are_phrased_so_a_clause_is_never_read_as_the_line() -> None:
    assert red_line_statement("Kari Lunde", "trigger", "the navy enters the strait", None) == \
        "Kari Lunde draws a red line if the navy enters the strait"
    assert red_line_statement("Kari Lunde", "refusal", "accept any limit on the fleet", None) == \
        "Kari Lunde will not accept any limit on the fleet"
    assert red_line_statement("Kari Lunde", "trigger", "any seizure of a trawler", "respond") == \
        "Kari Lunde warns against any seizure of a trawler (consequence: respond)"
    assert red_line_statement("Kari Lunde", "refusal", "reopening the old agreement", None) == \
        "Kari Lunde rules out reopening the old agreement"


def test_without_date_and_without_dated_articles_the_error_says_what_to_pass(cli: Callable[..., object],
                                                                              tmp_path: Path) -> None:
    (tmp_path / "undated.txt").write_text(ONE_OUTLET.split("---\n", 2)[2], encoding="utf-8")
    result = cli("brief", str(tmp_path), *PROVIDER)
    assert result.code == 2 and "no article carries a date" in result.err  # type: ignore[attr-defined]
    assert "--include-undated" in result.err  # type: ignore[attr-defined]
