"""The evidence-aware matching rule and the pooled figures, pinned on cases worked out by hand.

The made-up article is tests/evalkit.py's ARTICLE; every expected number below is
computed in the comment next to it, never read off the scorer.
"""

from __future__ import annotations

import pytest

from evalkit import ARTICLE, ev, gold, stance
from summarizer.evaluation.matching import overlaps, spans
from summarizer.evaluation.pooled import ALL, by_split, pool
from summarizer.evaluation.scoring import FIELDS, VIEWS, WEIGHTS, score_article

EMPTY = {f: [] for f in FIELDS}


def score(pred, gold_items=None, split="default"):
    return score_article("a", ARTICLE, gold_items if gold_items is not None else gold(), pred, split=split)


def counts(s, field="stances", view="ident"):
    c = s.fields[field].views[view]
    return c.tp, c.n_pred, c.n_gold


def at(start: int, end: int) -> dict:
    return {"quote": ARTICLE[start:end], "start": start, "end": end, "speaker": None}


# ---------------------------------------------------------------- spans

def test_spans_intersect_by_at_least_one_character():
    assert overlaps([(0, 5)], [(4, 9)]) and overlaps([(4, 9)], [(0, 5)])
    assert not overlaps([(0, 5)], [(5, 9)])  # half-open: touching is not sharing
    assert overlaps([(0, 2), (20, 30)], [(10, 12), (29, 40)])  # any span of one side with any of the other
    assert not overlaps([], [(0, 100)])
    assert spans({"evidence": [{"start": "3", "end": 9}, "junk", {"start": 1, "end": 4}]}) == [(1, 4)]


def test_same_holder_and_text_but_other_evidence_is_no_match():
    g = gold()
    pred = gold()
    pred["stances"][0]["evidence"] = [ev("We will never accept foreign troops on our soil")]  # another sentence
    s = score(pred, g)
    assert counts(s) == (1, 2, 2)  # only the untouched Trentino stance pairs
    assert s.fields["stances"].missed == [0] and s.fields["stances"].hallucinated == [0]
    assert s.polarity["favor"].tp == 1  # an unpaired stance earns no polarity credit either


def test_partly_overlapping_evidence_is_a_match():
    pred = gold()
    quote = "talks with Sylvania can resume only if Sylvania withdraws its troops from the border"
    start = ARTICLE.index(quote)
    pred["stances"][0]["evidence"] = [at(start - 30, start + 1)]  # shares one character with the gold span
    assert counts(score(pred)) == (2, 2, 2)
    pred["stances"][0]["evidence"] = [at(start - 30, start)]  # ends where gold starts: nothing shared
    assert counts(score(pred)) == (1, 2, 2)


def test_wrong_holder_on_the_right_evidence_is_a_false_positive_and_a_miss():
    pred = gold()
    pred["red_lines"][0]["holder"] = "freedonia"  # a gold participant, but not the one who said it
    s = score(pred)
    assert counts(s, "red_lines") == (0, 1, 1)
    assert s.fields["red_lines"].views["class_soft"].f1 == 0.0


def test_a_duplicate_prediction_is_a_false_positive():
    pred = gold()
    pred["stances"].append(dict(pred["stances"][0]))
    s = score(pred)
    for view in VIEWS:  # tp 2, predicted 3, gold 2: P 2/3, R 1, F1 0.8
        c = s.fields["stances"].views[view]
        assert (c.tp, c.n_pred, c.n_gold) == (2, 3, 2) and c.f1 == pytest.approx(0.8)
    assert len(s.fields["stances"].hallucinated) == 1
    assert s.polarity["favor"].tp == 2 and s.polarity["favor"].n_pred == 3


def test_participants_need_no_evidence_overlap():
    pred = gold()
    for p in pred["participants"]:
        p["evidence"] = [ev("Freedonia and Sylvania resume contacts")]
    assert counts(score(pred), "participants") == (4, 4, 4)


def test_text_similarity_chooses_among_candidates_of_one_holder_and_one_sentence():
    g = {**EMPTY, "participants": gold()["participants"], "stances": [
        stance("carlo-trentino", "the offer of talks", "favor", "Trentino welcomed talks", "Carlo Trentino welcomed"),
        stance("carlo-trentino", "the blockade", "against", "Trentino opposes a blockade", "Trentino warned")]}
    g["stances"][1]["evidence"] = [ev("Carlo Trentino welcomed")]  # both gold items cite the same words
    pred = {**EMPTY, "stances": [dict(g["stances"][1]), dict(g["stances"][0])]}
    s = score(pred, g)
    assert sorted((p.pred, p.gold) for p in s.fields["stances"].pairs) == [(0, 1), (1, 0)]
    assert s.fields["stances"].views["class_strict"].tp == 2


# ---------------------------------------------------------------- empty fields and the composite

def test_a_field_empty_on_both_sides_leaves_the_article_composite_and_is_renormalised_away():
    g = {**gold(), "conditions": []}
    pred = {**gold(), "conditions": [], "stances": []}
    s = score(pred, g)
    assert s.f1("conditions") is None and s.f1("stances") == 0.0 and s.semeval == 0.0
    # participants 0.15 * 1 + stances 0.25 * 0 + polarity 0.10 * 0 + red lines 0.25 * 1, over 0.75
    assert s.composite == pytest.approx(0.40 / 0.75)
    pooled = pool("x", [s, score({**gold(), "conditions": []}, g)])
    assert pooled.f1("conditions") is None and "conditions" not in pooled.composite_parts


def test_an_empty_split_has_no_figures():
    empty = pool("dev", [])
    assert empty.articles == 0 and empty.composite is None and empty.semeval is None
    assert all(empty.f1(f, v) is None for f in FIELDS for v in VIEWS)
    assert empty.to_dict()["fields"]["stances"]["ident"] == {"tp": 0.0, "n_pred": 0, "n_gold": 0, "precision": None,
                                                               "recall": None, "f1": None}


# ---------------------------------------------------------------- pooled against the mean over articles

def test_pooled_figures_differ_from_the_mean_over_articles():
    one = {**EMPTY, "participants": gold()["participants"], "stances": gold()["stances"][:1]}
    a = score({**EMPTY, "stances": gold()["stances"][:1]}, one)  # tp 1, predicted 1, gold 1: F1 1
    wrong = gold()["stances"]
    wrong[1]["holder"] = "sylvania"
    b = score({**EMPTY, "stances": wrong}, {**EMPTY, "participants": gold()["participants"],
                                          "stances": gold()["stances"]})  # tp 1, predicted 2, gold 2: F1 0.5
    c = score(dict(EMPTY), {**EMPTY, "participants": gold()["participants"]})  # no stances on either side
    assert [x.f1("stances", "ident") for x in (a, b, c)] == [1.0, 0.5, None]
    pooled = pool(ALL, [a, b, c])
    # tp 2, predicted 3, gold 3: P = R = F1 = 2/3, where the mean over the two scored articles is 0.75
    assert pooled.fields["stances"]["ident"].f1 == pytest.approx(2 / 3)
    # participants: predicted none anywhere, gold 12 -> F1 0; stances soft 2/3; polarity (favor tp 2,
    # predicted 3, gold 3) 2/3; conditions and red lines empty everywhere: left out
    expected = (0.15 * 0 + 0.25 * 2 / 3 + 0.10 * 2 / 3) / 0.50
    assert pooled.composite == pytest.approx(expected)
    assert pooled.composite_parts == ["participants", "stances", "polarity"]


def test_splits_are_pooled_separately_and_together():
    perfect = [score(gold(), split="seeds"), score(gold(), split="seeds")]
    empty = [score(None, split="dev")]
    seeds, dev, everything = by_split(perfect + empty)
    assert (seeds.split, dev.split, everything.split) == ("seeds", "dev", ALL)
    assert seeds.composite == pytest.approx(1.0) and dev.composite == 0.0
    stances = everything.fields["stances"]["ident"]  # 2 + 2 + 0 matched, 2 + 2 + 0 predicted, 6 gold
    assert (stances.tp, stances.n_pred, stances.n_gold) == (4, 4, 6) and stances.f1 == pytest.approx(0.8)
    assert [p.split for p in by_split(perfect)] == ["seeds"]  # one split is not repeated as `all`


def test_weights_are_the_published_ones():
    assert WEIGHTS == {"participants": 0.15, "stances": 0.25, "polarity": 0.10, "conditions": 0.25, "red_lines": 0.25}


def test_a_changed_gold_label_changes_the_score():
    tampered = gold()
    tampered["stances"][1]["polarity"] = "against"
    before, after = score(gold()), score(gold(), tampered)
    assert after.composite < before.composite
    assert after.fields["stances"].views["class_strict"].tp == 1 and after.polarity["favor"].tp == 1
