"""False drops: dropped items that match a gold item no kept item matched, per field and reason, and the gate.

Made-up article and gold (tests/evalkit.py); dropped items are written into records as
grounding writes them, and in the shape records had before they carried evidence.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from evalkit import ARTICLE, ev, gold, record, write_gold_folder, write_run
from summarizer.core.records import DroppedItem, ExtractionRecord
from summarizer.evaluation.drops import reason_kind
from summarizer.evaluation.harness import load_dataset, score_run

WELCOMED = "Carlo Trentino welcomed the offer of talks."
FLIP = "polarity flip: the cited clause negates 'welcome' the other way"


def trentino(quote: str = WELCOMED, holder: str = "carlo-trentino") -> dict[str, Any]:
    return {"holder": holder, "topic": "the offer of talks", "polarity": "favor",
            "position": "Trentino welcomed the offer of talks.", "attribution": "reported_speech",
            "evidence": [ev(quote)]}


def run_with(dropped: list[DroppedItem], keep_trentino: bool = False) -> ExtractionRecord:
    items = gold()
    if not keep_trentino:
        items["stances"] = items["stances"][:1]
    rec = record(ARTICLE, items, article_id="art0")
    assert rec.provenance is not None
    rec.provenance.dropped, rec.provenance.dropped_count = dropped, len(dropped)
    return rec


def dropped_stance(reason: str = FLIP, **kw: Any) -> DroppedItem:
    item = trentino(**kw)
    return DroppedItem(field="stances", reason=reason, item={**item, "sentences": [4]}, holder=item["holder"],
                       evidence=item["evidence"])


def scored(tmp_path: Path, rec: ExtractionRecord) -> Any:
    return score_run("run", load_dataset(write_gold_folder(tmp_path, {"art0": ARTICLE})), [rec])


def test_a_dropped_item_matching_an_unmatched_gold_item_is_a_false_drop(tmp_path: Path) -> None:
    drops = scored(tmp_path, run_with([dropped_stance()])).drops
    assert drops.kept["stances"] == 1 and drops.false_drops("stances") == 1
    assert drops.rate("stances") == pytest.approx(0.5) and drops.rate("stances", "polarity flip") == pytest.approx(0.5)
    assert drops.rate() == pytest.approx(1 / 8)  # kept matches: 4 participants, 1 stance, 1 condition, 1 red line


def test_a_drop_repeating_a_kept_match_or_pointing_elsewhere_is_no_false_drop(tmp_path: Path) -> None:
    duplicate = dropped_stance("duplicate item (evidence merged into the first)")
    elsewhere = dropped_stance(quote="Trentino warned that any blockade of the port would be met with force.")
    other_holder = dropped_stance(holder="rufus-firefly")
    drops = scored(tmp_path, run_with([duplicate], keep_trentino=True)).drops
    assert drops.false_drops() == 0 and drops.dropped == {("stances", "duplicate item (evidence merged into the first)"): 1}
    drops = scored(tmp_path, run_with([elsewhere, other_holder])).drops
    assert drops.false_drops() == 0 and drops.rate("stances") == 0.0


def test_two_drops_of_one_gold_item_count_once(tmp_path: Path) -> None:
    drops = scored(tmp_path, run_with([dropped_stance(), dropped_stance("holder is not named in the article")])).drops
    assert drops.false_drops("stances") == 1 and sum(drops.dropped.values()) == 2


def test_a_record_written_before_drops_kept_evidence_loads_and_is_matched_by_its_sentences(tmp_path: Path) -> None:
    rec = run_with([]).to_dict()
    said = {k: v for k, v in trentino().items() if k != "evidence"}
    rec["provenance"]["dropped"] = [{"field": "stances", "reason": "polarity flip: the claim and its cited sentences "
                                     "disagree on a negation", "item": {**said, "holder": "Carlo Trentino",
                                                                         "sentences": [4]}}]
    old = ExtractionRecord.model_validate(rec)
    assert old.provenance is not None and old.provenance.dropped[0].evidence == []
    drops = scored(tmp_path, old).drops
    assert drops.false == {("stances", "polarity flip"): 1}


@pytest.mark.parametrize("reason, kind", [
    ("cites sentence(s) [42] that the article does not have", "cites sentence(s) that the article does not have"),
    ("alias 'Kestria' names another actor (not 'Dana Orsk')", "alias names another actor"),
    ("alias 'Kestria' names another actor, not Dana Orsk", "alias names another actor"),
    ("invalid item: Input should be 'favor' or 'against'", "invalid item"),
    ("cited sentences do not state it (only one content word in common)",
     "cited sentences do not state it (only one content word in common)"),
    ("cited sentences only mention its words, not what it says ('declare')",
     "cited sentences only mention its words, not what it says"),
])
def test_reasons_are_grouped_without_their_specifics(reason: str, kind: str) -> None:
    assert reason_kind(reason) == kind


def gold_and_runs(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder = write_gold_folder(tmp_path, {"art0": ARTICLE})
    return (folder, write_run(tmp_path / "dropping.jsonl", [run_with([dropped_stance()])]),
            write_run(tmp_path / "clean.jsonl", [run_with([], keep_trentino=True)]))


def test_eval_reports_false_drops_in_every_format(tmp_path: Path, cli: Callable[..., Any]) -> None:
    folder, dropping, _ = gold_and_runs(tmp_path)
    out = cli("eval", "--gold", str(folder), "--from-run", str(dropping), "--no-baseline", "--json",
              str(tmp_path / "r.json"), "--markdown", str(tmp_path / "r.md"), "--html", str(tmp_path / "r.html"))
    assert out.code == 0, out.err
    assert "False drops" in out.out and "1 / 1 · 50.0" in out.out
    summary = json.loads((tmp_path / "r.json").read_text())["runs"][0]["false_drops"]
    assert summary["fields"]["stances"]["reasons"]["polarity flip"] == {"dropped": 1, "false_drops": 1, "rate": 0.5}
    assert "| stances | polarity flip | 1 / 1 · 50.0 |" in (tmp_path / "r.md").read_text()
    assert "<h2>False drops</h2>" in (tmp_path / "r.html").read_text()


def test_the_false_drop_rate_gates_alone_and_against_a_reference(tmp_path: Path, cli: Callable[..., Any]) -> None:
    folder, dropping, clean = gold_and_runs(tmp_path)
    base = ("eval", "--gold", str(folder), "--no-baseline")
    over = cli(*base, "--from-run", str(dropping), "--max-false-drop-rate", "10")
    assert over.code == 1 and "false-drop rate 12.50% is above the limit 10.00%" in over.out
    assert cli(*base, "--from-run", str(dropping), "--max-false-drop-rate", "15").code == 0
    rise = cli(*base, "--from-run", str(dropping), "--compare", str(clean), "--max-false-drop-rise", "0")
    assert rise.code == 1 and "rose from 0.00% (reference) to 12.50%" in rise.out
    assert cli(*base, "--from-run", str(dropping), "--compare", str(dropping), "--max-false-drop-rise", "0").code == 0
    assert cli(*base, "--from-run", str(clean), "--compare", str(dropping), "--max-false-drop-rise", "0").code == 0
    alone = cli(*base, "--from-run", str(dropping), "--max-false-drop-rise", "0")
    assert alone.code == 2 and "--compare" in alone.err


def test_a_fall_of_the_composite_below_the_reference_fails_the_gate(tmp_path: Path, cli: Callable[..., Any]) -> None:
    """A deterministic replay may not lose composite points: the clean run dropped nothing, the other lost items."""
    folder, dropping, clean = gold_and_runs(tmp_path)
    base = ("eval", "--gold", str(folder), "--no-baseline", "--max-composite-fall", "0")
    fell = cli(*base, "--from-run", str(dropping), "--compare", str(clean))
    assert fell.code == 1 and "composite fell from" in fell.out
    assert cli(*base, "--from-run", str(clean), "--compare", str(clean)).code == 0
    assert cli(*base, "--from-run", str(clean), "--compare", str(dropping)).code == 0
    alone = cli("eval", "--gold", str(folder), "--no-baseline", "--from-run", str(clean), "--max-composite-fall", "0")
    assert alone.code == 2 and "--compare" in alone.err
