"""Article metadata for the brief: front matter, sidecar, file-name date; offsets index the text after front matter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.text.articles import read_article
from summarizer.errors import InputError
from summarizer.text.segment import split_sentences

BODY = "Ministers meet in Oslo\nNorway's minister said talks continue. He added more.\n"


def test_front_matter_fills_metadata_and_is_not_article_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text('---\ntitle: "Oslo talks"\noutlet: NTB\ndate: 2025-11-03\nauthor: someone\n---\n' + BODY)
    article = read_article(path)
    assert (article.meta.title, article.meta.outlet, article.meta.date) == ("Oslo talks", "NTB", "2025-11-03")
    assert article.text == BODY
    first = split_sentences(article.text)[1]
    assert article.text[first.start:first.end] == "Norway's minister said talks continue."


def test_sidecar_overrides_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\noutlet: NTB\n---\n" + BODY)
    (tmp_path / "story.meta.json").write_text(json.dumps({"outlet": "Reuters"}))
    assert read_article(path).meta.outlet == "Reuters"


def test_date_from_the_file_name_when_nothing_else_has_one(tmp_path: Path) -> None:
    path = tmp_path / "2026-02-03_wire.txt"
    path.write_text(BODY)
    assert read_article(path).meta.date == "2026-02-03"
    dated = tmp_path / "20260101-x.txt"
    dated.write_text(" date 2025-12-31 9\n" + BODY)
    assert read_article(dated).meta.date == "2025-12-31"  # the text's own date wins


@pytest.mark.parametrize("front, message", [
    ("---\ndate: 3 Feb\n---\n", "is not a date YYYY-MM-DD"),
    ("---\njust words\n---\n", "line 2: front matter lines are `key: value`"),
])
def test_bad_front_matter_is_a_clear_error(tmp_path: Path, front: str, message: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(front + BODY)
    with pytest.raises(InputError, match=message.replace("`", ".")):
        read_article(path)


def test_front_matter_alone_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: x\n---\n\n")
    with pytest.raises(InputError, match="only front matter"):
        read_article(path)


def test_a_rule_line_that_is_not_front_matter_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\n" + BODY)
    assert read_article(path).text == "---\n" + BODY
