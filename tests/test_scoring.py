"""The scorer on hand-computed cases over a made-up article (tests/evalkit.py); matching rules: test_scoring_matching.py."""

from __future__ import annotations

import numpy as np
import pytest

from evalkit import ARTICLE, ev, gold, participant, stance
from summarizer.evaluation.matching import assign
from summarizer.evaluation.scoring import FIELDS, VIEWS, WEIGHTS, score_article
from summarizer.evaluation.similarity import EntityResolver, text_similarity, token_f1

EMPTY = {f: [] for f in FIELDS}


def score(pred, gold_items=None, valid=True):
    return score_article("a", ARTICLE, gold_items if gold_items is not None else gold(), pred, valid)


def prf(s, field, view):
    c = s.fields[field].views[view]
    return c.precision, c.recall, c.f1


def test_perfect_match_scores_one_everywhere():
    s = score(gold())
    for field in FIELDS:
        for view in VIEWS:
            assert prf(s, field, view) == (1.0, 1.0, 1.0), (field, view)
    assert s.semeval == 1.0 and s.composite == pytest.approx(1.0)
    assert s.quotes == s.grounded == 8 and s.valid


def test_empty_vs_empty_has_no_field_scores_and_the_article_counts_as_one():
    s = score(dict(EMPTY), gold_items=dict(EMPTY))
    assert all(prf(s, f, v) == (None, None, None) for f in FIELDS for v in VIEWS)
    assert s.semeval is None and s.composite == 1.0


def test_failed_extraction_is_an_empty_prediction():
    s = score(None, valid=False)
    assert all(prf(s, f, v) == (0.0, 0.0, 0.0) for f in FIELDS for v in VIEWS)
    assert s.composite == 0.0 and not s.valid


def test_one_missing_item():
    pred = gold()
    pred["stances"] = pred["stances"][:1]
    s = score(pred)
    for view in VIEWS:
        assert prf(s, "stances", view) == pytest.approx((1.0, 0.5, 2 / 3))


def test_one_hallucinated_item():
    pred = gold()
    pred["stances"].append(stance("sylvania", "troops at the border", "against", "Sylvania keeps its troops.",
                                  "Sylvania withdraws its troops from the border"))
    s = score(pred)
    for view in VIEWS:
        assert prf(s, "stances", view) == pytest.approx((2 / 3, 1.0, 0.8))
    assert s.fields["stances"].hallucinated == [2] and s.fields["stances"].missed == []


def test_reordered_items_change_nothing():
    pred = {f: list(reversed(items)) for f, items in gold().items()}
    s = score(pred)
    assert all(prf(s, f, v) == (1.0, 1.0, 1.0) for f in FIELDS for v in VIEWS)


def test_holder_given_by_alias_surname_or_title_is_the_same_holder():
    pred = gold()
    pred["stances"][0]["holder"] = "firefly"  # an alias in gold
    pred["stances"][1]["holder"] = "ambassador-carlo-trentino"  # a title before a person's name
    pred["conditions"][0]["holder"] = "rufus"  # a first name is not a name the resolver knows
    s = score(pred)
    assert prf(s, "stances", "class_strict") == (1.0, 1.0, 1.0)
    assert prf(s, "conditions", "ident") == (0.0, 0.0, 0.0)


def test_holder_resolved_through_the_predicted_participant():
    pred = gold()
    pred["participants"].append(participant("sylvanian-envoy", "Sylvanian envoy", "person", "Trentino",
                                            aliases=["Trentino"]))
    pred["stances"][1]["holder"] = "sylvanian-envoy"
    s = score(pred)
    assert prf(s, "stances", "ident") == (1.0, 1.0, 1.0)


def test_participant_alias_is_the_canonical_entity():
    pred = gold()
    pred["participants"][0] = participant("firefly", "Firefly", "person", "Firefly", role="foreign minister",
                                          country="FRD")
    s = score(pred)
    assert prf(s, "participants", "class_strict") == (1.0, 1.0, 1.0)


def test_ambiguous_surname_resolves_to_nothing():
    people = [participant("rufus-firefly", "Rufus Firefly", "person", "Firefly"),
              participant("teasdale-firefly", "Teasdale Firefly", "person", "Firefly")]
    resolver = EntityResolver(people)
    assert resolver.lookup("firefly") is None
    assert resolver.lookup("Rufus Firefly") == "rufus-firefly"
    assert resolver.resolve("firefly") == "firefly"


def test_misspelt_name_is_another_participant():
    pred = gold()
    pred["participants"][0] = participant("rufus-fireflye", "Rufus Fireflye", "person", "Firefly",
                                          role="foreign minister", country="FRD")
    s = score(pred)
    assert prf(s, "participants", "ident") == pytest.approx((0.75, 0.75, 0.75))
    assert s.fields["participants"].hallucinated == [0] and s.fields["participants"].missed == [0]


def test_token_f1_by_hand():
    # content stems: firef open talks sylva troop withd | firef open talks sylva once soldi leave
    assert token_f1("Firefly is open to talks with Sylvania if troops withdraw",
                    "Firefly is open to talks with Sylvania once all soldiers leave") == pytest.approx(8 / 13)
    assert text_similarity(None, None) == 1.0 and text_similarity("x y", None) == 0.0
    assert text_similarity("The weather is nice", "Troops withdraw from the border") == 0.0


def test_near_duplicate_text_counts_as_the_same():
    assert text_similarity("Firefly is open to talks with Sylvania if troops withdraw",
                           "firefly is open to talks with sylvania, if troops withdraw!!") == 1.0
    pred = gold()
    pred["stances"][0]["position"] = "Firefly is open to talks with Sylvania once all soldiers leave"
    s = score(pred)
    assert prf(s, "stances", "class_strict") == (1.0, 1.0, 1.0)  # 8/13 >= TEXT_THRESHOLD
    soft_tp = 1 + (3 + 8 / 13) / 4  # the other stance is exact; labels 2/2, topic 1, position 8/13
    assert s.fields["stances"].views["class_soft"].tp == pytest.approx(soft_tp)
    assert prf(s, "stances", "class_soft")[2] == pytest.approx(soft_tp / 2)


def test_unrelated_text_fails_strict_classification_but_not_identification():
    pred = gold()
    pred["stances"][0]["topic"] = "the weather"
    pred["stances"][0]["position"] = "Firefly spoke on Monday"
    s = score(pred)
    assert prf(s, "stances", "ident") == (1.0, 1.0, 1.0)
    assert prf(s, "stances", "class_strict") == (0.5, 0.5, 0.5)


def test_wrong_label_costs_its_share_of_soft_credit():
    pred = gold()
    pred["red_lines"][0]["kind"] = "trigger"  # labels kind, explicit; texts line, consequence
    s = score(pred)
    assert prf(s, "red_lines", "class_strict") == (0.0, 0.0, 0.0)
    assert prf(s, "red_lines", "class_soft") == pytest.approx((0.75, 0.75, 0.75))
    assert prf(s, "red_lines", "ident") == (1.0, 1.0, 1.0)


def test_semeval_polarity_by_hand():
    g = {**EMPTY, "participants": gold()["participants"], "stances": [
        stance("rufus-firefly", "talks", "favor", "Firefly favours talks", "Rufus Firefly"),
        stance("carlo-trentino", "the blockade", "against", "Trentino opposes a blockade", "Trentino warned"),
        stance("freedonia", "talks", "favor", "Freedonia favours talks", "Freedonia")]}
    p = {**EMPTY, "stances": [
        stance("rufus-firefly", "talks", "favor", "Firefly favours talks", "Rufus Firefly"),
        stance("carlo-trentino", "the blockade", "favor", "Trentino opposes a blockade", "Trentino warned"),
        stance("sylvania", "talks", "against", "Sylvania opposes talks", "Sylvania")]}
    s = score(p, gold_items=g)
    # favor: tp 1, predicted 2, gold 2 -> F 0.5; against: tp 0, predicted 1, gold 1 -> F 0
    assert s.polarity["favor"].f1 == pytest.approx(0.5) and s.polarity["against"].f1 == 0.0
    assert s.semeval == pytest.approx(0.25)


def test_semeval_averages_only_the_labels_present():
    only_favor = {**EMPTY, "stances": [stance("freedonia", "talks", "favor", "Freedonia favours talks", "Freedonia")]}
    assert score(dict(EMPTY), gold_items=only_favor).semeval == 0.0
    assert score(only_favor, gold_items=only_favor).semeval == 1.0
    assert score(dict(EMPTY), gold_items=dict(EMPTY)).semeval is None


def test_a_quote_that_is_not_the_article_slice_makes_the_output_invalid():
    pred = gold()
    pred["stances"][0]["evidence"] = [{**ev("Carlo Trentino welcomed"), "quote": "Carlo Trentino welcomes"}]
    s = score(pred)
    assert s.quotes == 8 and s.grounded == 7 and not s.valid


def test_matching_is_optimal_not_greedy():
    # greedy on similarity would take (0, 0) and leave prediction 1 unmatched
    allowed = np.array([[True, True], [True, False]])
    similarity = np.array([[1.0, 0.1], [0.2, 0.0]])
    assert assign(allowed, similarity) == [(0, 1), (1, 0)]


def test_matching_prefers_the_most_similar_text_among_assignments_of_one_size():
    allowed = np.ones((2, 2), dtype=bool)
    similarity = np.array([[0.1, 0.9], [0.8, 0.2]])
    assert assign(allowed, similarity) == [(0, 1), (1, 0)]


def test_composite_weights_are_fixed_and_sum_to_one():
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)
    pred = gold()
    pred["red_lines"] = []
    assert score(pred).composite == pytest.approx(1.0 - WEIGHTS["red_lines"])
