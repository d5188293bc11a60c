"""The gold labels are what every prompt change is judged by, so they are checked as strictly as output."""

from __future__ import annotations

import copy
import importlib.util
import os
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import pytest

from summarizer.text.articles import read_article
from summarizer.errors import InputError
from summarizer.evaluation.gold import FIELDS, GoldArticle, load_gold, load_gold_file
from summarizer.core.schemas import slugify

ROOT = Path(__file__).resolve().parents[1]
GOLD_ROOT = ROOT / "evals" / "gold"
GOLD_DIR = GOLD_ROOT / "seeds"
SEEDS = ROOT / "seeds"
ARTICLES = {"seeds": SEEDS, "dev": ROOT / "evals" / "dev" / "articles"}  # split -> its articles
TOOL = ROOT / "evals" / "tools" / "gold_offsets.py"
HOLDER_FIELDS = ("stances", "conditions", "red_lines")


@pytest.fixture(scope="module", params=sorted(ARTICLES))
def split(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def gold(split: str) -> list[tuple[GoldArticle, str]]:
    return load_gold(GOLD_ROOT / split)


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gold_offsets", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the committed gold ---------------------------------------------------------------------------

def test_every_article_has_exactly_one_gold_file(gold: list[tuple[GoldArticle, str]], split: str) -> None:
    assert sorted(g.article_id for g, _ in gold) == sorted(p.stem for p in ARTICLES[split].glob("*.txt"))
    assert sorted(p.stem for p in (GOLD_ROOT / split).glob("*.json")) == sorted(g.article_id for g, _ in gold)


def test_gold_points_at_its_article_and_its_hash(gold: list[tuple[GoldArticle, str]], split: str) -> None:
    for g, text in gold:
        article_path = ARTICLES[split] / f"{g.article_id}.txt"
        assert g.source == os.path.relpath(article_path, GOLD_ROOT / split)
        article = read_article(article_path)
        assert article.text == text and article.sha256 == g.sha256


def test_every_quote_is_the_article_slice(gold: list[tuple[GoldArticle, str]]) -> None:
    for g, text in gold:
        for field in FIELDS:
            for item in getattr(g, field):
                for ev in item.evidence:
                    assert text[ev.start:ev.end] == ev.quote, (g.article_id, field, ev.quote)
                    assert ev.quote == ev.quote.strip() and ev.quote, (g.article_id, field, ev.quote)


def test_every_holder_and_speaker_is_a_participant_of_the_same_file(gold: list[tuple[GoldArticle, str]]) -> None:
    for g, _ in gold:
        ids = [p.id for p in g.participants]
        assert len(ids) == len(set(ids)), g.article_id
        for field in HOLDER_FIELDS:
            for item in getattr(g, field):
                assert item.holder in ids, (g.article_id, field, item.holder)
        for field in FIELDS:
            for item in getattr(g, field):
                for ev in item.evidence:
                    assert ev.speaker is None or ev.speaker in ids, (g.article_id, field, ev.speaker)


def test_participants_follow_the_codebook(gold: list[tuple[GoldArticle, str]]) -> None:
    for g, text in gold:
        for p in g.participants:
            assert p.id == slugify(p.name), (g.article_id, p.id)
            assert p.country is None or re.fullmatch(r"[A-Z]{3}", p.country), (g.article_id, p.id)
            assert len(p.aliases) == len(set(p.aliases)) and p.name not in p.aliases, (g.article_id, p.id)
            for alias in p.aliases:
                assert alias in text, (g.article_id, p.id, alias)


def test_explicit_red_lines_are_exactly_those_saying_red_line(gold: list[tuple[GoldArticle, str]]) -> None:
    for g, _ in gold:
        for r in g.red_lines:
            says_it = any("red line" in ev.quote.lower() for ev in r.evidence)
            assert r.explicit == says_it, (g.article_id, r.line)


def test_no_item_is_labelled_twice(gold: list[tuple[GoldArticle, str]]) -> None:
    for g, _ in gold:
        for field in FIELDS:
            keys = [item.model_dump_json(exclude={"evidence"}) for item in getattr(g, field)]
            assert len(keys) == len(set(keys)), (g.article_id, field)


def test_gold_carries_a_guidelines_version_the_codebook_documents() -> None:
    """Each gold file names the codebook version it was labelled with: the current one or an earlier
    one whose changes section the codebook keeps (so a reader knows which rules a label follows)."""
    codebook = (ROOT / "evals" / "GUIDELINES.md").read_text()
    found = re.search(r"^Guidelines version: (\S+)$", codebook, re.M)
    assert found, "GUIDELINES.md lost its version line"
    documented = {found.group(1), "1.0", *re.findall(r"^## Changes in (\S+)", codebook, re.M)}
    for path in sorted(GOLD_DIR.parent.glob("*/*.json")):
        assert json.loads(path.read_text(encoding="utf-8"))["guidelines_version"] in documented, path


def test_offsets_tool_finds_nothing_to_change_in_the_committed_gold() -> None:
    files = sorted(str(path) for split in ARTICLES for path in (GOLD_ROOT / split).glob("*.json"))
    done = subprocess.run([sys.executable, str(TOOL), "--check", *files],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


# --- bad gold files give an InputError naming the file and the field ---------------------------------

def _seed_gold() -> dict[str, Any]:
    path = GOLD_DIR / "000_3675c51b65d8f5ab.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["source"] = str(SEEDS / "000_3675c51b65d8f5ab.txt")  # absolute, so the copy works from tmp_path
    return raw


def _load_broken(tmp_path: Path, breaks: Callable[[dict[str, Any]], None]) -> InputError:
    raw = copy.deepcopy(_seed_gold())
    breaks(raw)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_gold(tmp_path)
    assert str(path) in caught.value.message
    return caught.value


def test_the_unbroken_copy_loads(tmp_path: Path) -> None:
    (tmp_path / "ok.json").write_text(json.dumps(_seed_gold()), encoding="utf-8")
    [(g, _)] = load_gold(tmp_path)
    assert g.article_id == "000_3675c51b65d8f5ab"


def test_invalid_json_names_the_file_and_the_position(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"article_id": "x",\n  "source": }', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_gold_file(path)
    assert str(path) in caught.value.message and "line 2" in caught.value.message


def test_missing_field_is_named(tmp_path: Path) -> None:
    error = _load_broken(tmp_path, lambda raw: raw["stances"][1].pop("polarity"))
    assert "field stances.1.polarity" in error.message


def test_missing_top_level_field_is_named(tmp_path: Path) -> None:
    error = _load_broken(tmp_path, lambda raw: raw.pop("guidelines_version"))
    assert "field guidelines_version" in error.message


def test_bad_enum_is_named(tmp_path: Path) -> None:
    error = _load_broken(tmp_path, lambda raw: raw["red_lines"][0].update(kind="threat"))
    assert "field red_lines.0.kind" in error.message


def test_quote_that_is_not_the_slice_is_named(tmp_path: Path) -> None:
    def shift(raw: dict[str, Any]) -> None:
        ev = raw["conditions"][2]["evidence"][0]
        ev["start"], ev["end"] = ev["start"] + 1, ev["end"] + 1

    error = _load_broken(tmp_path, shift)
    assert "field conditions.2.evidence.0" in error.message


def test_span_of_the_wrong_length_is_named(tmp_path: Path) -> None:
    error = _load_broken(tmp_path, lambda raw: raw["participants"][0]["evidence"][0].update(end=1))
    assert "field participants.0.evidence.0" in error.message


def test_wrong_sha256_is_named(tmp_path: Path) -> None:
    error = _load_broken(tmp_path, lambda raw: raw.update(sha256="0" * 64))
    assert "field sha256" in error.message


def test_missing_article_is_named(tmp_path: Path) -> None:
    error = _load_broken(tmp_path, lambda raw: raw.update(source=str(tmp_path / "gone.txt")))
    assert "field source" in error.message and "gone.txt" in error.message


def test_missing_or_empty_gold_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no gold files"):
        load_gold(tmp_path)
    with pytest.raises(InputError, match="not found"):
        load_gold(tmp_path / "nowhere")


def test_html_article_gold_indexes_the_text_the_tool_reads(tmp_path: Path) -> None:
    article = tmp_path / "story.html"
    article.write_text("<html><body><p>Oman said <b>talks</b> resume.</p><p>Iran agreed.</p></body></html>",
                       encoding="utf-8")
    text = read_article(article).text
    quote = "Iran agreed."
    raw = {"article_id": "story", "source": "story.html", "sha256": read_article(article).sha256,
           "guidelines_version": "1.0",
           "participants": [{"id": "iran", "name": "Iran", "kind": "state", "country": "IRN",
                             "evidence": [{"quote": quote, "start": text.index(quote),
                                           "end": text.index(quote) + len(quote)}]}]}
    (tmp_path / "story.json").write_text(json.dumps(raw), encoding="utf-8")
    [(g, loaded)] = load_gold(tmp_path)
    assert loaded == text and g.participants[0].id == "iran"


# --- the offsets tool ------------------------------------------------------------------------------

def test_tool_fills_offsets_and_hash_and_needs_a_hint_only_for_repeats(tmp_path: Path) -> None:
    tool = _tool()
    text = "Iran said yes. Then Iran said no."
    filled: dict[str, Any] = {"stances": [{"evidence": [{"quote": "Then Iran", "speaker": None}]}]}
    assert tool.fill(filled, text, "abc") == []
    assert filled["sha256"] == "abc"
    assert filled["stances"][0]["evidence"][0] == {"quote": "Then Iran", "start": 15, "end": 24, "speaker": None}
    [error] = tool.fill({"stances": [{"evidence": [{"quote": "Iran said"}]}]}, text, "abc")
    assert error.startswith("stances.0.evidence.0:") and "[0, 20]" in error
    hinted = {"red_lines": [{"evidence": [{"quote": "Iran said", "start": 18}]}]}
    assert tool.fill(hinted, text, "abc") == [] and hinted["red_lines"][0]["evidence"][0]["start"] == 20
    [missing] = tool.fill({"conditions": [{"evidence": [{"quote": "Iran said maybe"}]}]}, text, "abc")
    assert "not in the article" in missing


def test_tool_check_reports_stale_offsets(tmp_path: Path) -> None:
    raw = _seed_gold()
    raw["stances"][0]["evidence"][0]["start"] += 3
    path = tmp_path / "stale.json"
    path.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(TOOL), "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 1 and "out of date" in done.stderr
    done = subprocess.run([sys.executable, str(TOOL), str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(path.read_text(encoding="utf-8")) == _seed_gold()
