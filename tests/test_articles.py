"""Article metadata comes from the text, then a sidecar; text is kept exactly as decoded."""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.text.articles import find_articles, guess_meta, read_article


def test_date_line_and_headline() -> None:
    meta = guess_meta(" date 2025-11-03 17\nMinisters meet in Oslo\n(NTB) Norway's minister said ...\n")
    assert (meta.date, meta.title, meta.outlet) == ("2025-11-03", "Ministers meet in Oslo", "NTB")


def test_dateline_takes_its_year_from_the_text() -> None:
    text = "\nCAIRO [Egypt], March 9 (AFP): Egypt said talks continue.\n— Someone (@x) March 9, 2025\n"
    meta = guess_meta(text)
    assert meta.outlet == "AFP" and meta.date == "2025-03-09"


def test_no_metadata_when_the_text_has_none() -> None:
    meta = guess_meta("The minister said talks continue. He added more.\nAnother paragraph here.\n")
    assert meta.date is None and meta.outlet is None and meta.title is None


def test_sidecar_fills_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The minister said talks continue.\nMore text.\n", encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(json.dumps({"outlet": "Reuters", "date": "2025-01-02"}))
    article = read_article(path)
    assert article.meta.outlet == "Reuters" and article.meta.date == "2025-01-02"


def test_bom_removed_and_line_endings_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffTitle\r\nBody said this.\r\n".encode("utf-8"))
    article = read_article(path)
    assert article.text == "Title\r\nBody said this.\r\n"


def test_directories_expand_to_sorted_article_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.json", "d.html"):
        (tmp_path / name).write_text("x")
    assert [Path(p).name for p in find_articles([str(tmp_path)])] == ["a.md", "b.txt", "d.html"]
