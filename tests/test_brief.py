"""Merging, coverage, divergence and verification on hand-made extraction results (no model)."""

from __future__ import annotations

from brief_fixtures import ALPHA, BETA, condition, day_one, ev, failed, participant, record, stance

from summarizer.brief.build import build_brief, holder_text, ungrounded
from summarizer.brief.models import Brief


def _brief(records=None, texts=None) -> Brief:  # type: ignore[no-untyped-def]
    if records is None:
        records, texts = day_one()
    return build_brief(records, texts, "2026-03-02")


def _texts_by_id(brief: Brief, texts: dict[str, str]) -> dict[str, str]:
    return {s.id: texts[s.path] for s in brief.sources if s.ok}


def test_one_holder_named_two_ways_gets_one_merged_stance_with_all_evidence() -> None:
    records, texts = day_one()
    records[1].result["stances"][0]["polarity"] = "favor"  # type: ignore[index]
    [stance_item] = _brief(records, texts).stances
    assert stance_item.holder == "sameh-shoukry"
    assert stance_item.outlets == ["ALN", "Beta Wire"] and stance_item.coverage == "multiple"
    assert {(q.outlet, q.article) for q in stance_item.evidence} == {("ALN", "alpha"), ("Beta Wire", "beta")}


def test_opposite_polarities_stay_two_stances_each_with_its_outlets() -> None:
    favour, against = _brief().stances
    assert (favour.holder, favour.polarity, favour.outlets) == ("sameh-shoukry", "favor", ["ALN"])
    assert (against.holder, against.polarity, against.outlets) == ("sameh-shoukry", "against", ["Beta Wire"])
    assert favour.other_polarities == [against.id] and against.other_polarities == [favour.id]
    assert {q.article for q in favour.evidence} == {"alpha"} and {q.article for q in against.evidence} == {"beta"}
    assert all(s.polarity != "mixed" for s in _brief().stances)


def test_conditions_merge_by_holder_and_red_lines_stay_single_source() -> None:
    brief = _brief()
    [cond] = brief.conditions
    assert cond.holder == "egypt" and cond.coverage == "multiple" and len(cond.evidence) == 2
    assert {r.holder: r.coverage for r in brief.red_lines} == {"egypt": "single", "abiy-ahmed": "single"}


def test_opposite_polarity_across_outlets_is_a_contradiction() -> None:
    brief = _brief()
    [contra] = [d for d in brief.divergences if d.kind == "contradiction"]
    assert {s.label: s.outlets for s in contra.sides} == {"favor": ["ALN"], "against": ["Beta Wire"]}
    assert contra.items == [s.id for s in brief.stances] and all(contra.id in s.divergences for s in brief.stances)


def test_same_polarity_everywhere_is_no_contradiction() -> None:
    records, texts = day_one()
    records[1].result["stances"][0]["polarity"] = "favor"  # type: ignore[index]
    brief = _brief(records, texts)
    assert not [d for d in brief.divergences if d.kind == "contradiction"]
    assert brief.stances[0].polarity == "favor"


def test_one_outlet_holding_both_polarities_is_not_an_outlet_divergence() -> None:
    records, texts = day_one()
    quote = "Shoukry said Cairo supports a binding agreement on the dam."
    records[0].result["stances"].append(  # type: ignore[index]
        stance(ALPHA, "sameh-shoukry", "the binding agreement on the dam", "against", quote))
    records[1].result["stances"] = []  # type: ignore[index]
    assert not [d for d in _brief(records, texts).divergences if d.kind == "contradiction"]


def test_contacts_not_negotiations_against_planned_meeting_is_a_framing_divergence() -> None:
    brief = _brief()
    [framing] = [d for d in brief.divergences if d.kind == "framing"]
    sides = {s.label: s for s in framing.sides}
    assert sides["contacts, not negotiations"].outlets == ["ALN"]
    assert sides["talks held or planned"].outlets == ["Beta Wire"]
    assert set(framing.actors) == {"egypt", "ethiopia"}
    assert any("expected to meet" in q.quote for q in sides["talks held or planned"].evidence)


def test_framing_needs_the_same_parties() -> None:
    other = BETA.replace("Egypt's foreign minister and Ethiopian officials",
                         "Chile's foreign minister and Peruvian officials")
    records, texts = day_one()
    records[1] = record("beta", other, "Beta Wire")
    texts["/articles/beta.txt"] = other
    assert not [d for d in _brief(records, texts).divergences if d.kind == "framing"]


def test_failed_articles_are_listed_not_dropped() -> None:
    records, texts = day_one()
    brief = _brief([*records, failed("delta")], texts)
    delta = next(s for s in brief.sources if s.id == "delta")
    assert not delta.ok and "unreachable" in (delta.error or "") and delta.items == 0


def test_quotes_that_do_not_match_the_article_are_dropped_and_counted() -> None:
    records, texts = day_one()
    bad = ev(ALPHA, "Shoukry said Cairo supports a binding agreement on the dam.")
    bad["start"] += 1
    bad["end"] += 1
    records[0].result["stances"][0]["evidence"] = [bad]  # type: ignore[index]
    brief = _brief(records, texts)
    assert brief.verification.quotes_dropped == 1 and brief.verification.items_dropped == 1
    assert all(s.outlets == ["Beta Wire"] for s in brief.stances)
    assert not [d for d in brief.divergences if d.kind == "contradiction"]


def test_an_article_changed_since_extraction_counts_as_failed() -> None:
    records, texts = day_one()
    texts["/articles/gamma.txt"] = texts["/articles/gamma.txt"].replace("continue", "resume")
    brief = _brief(records, texts)
    gamma = next(s for s in brief.sources if s.id == "gamma")
    assert not gamma.ok and "changed" in (gamma.error or "")
    assert all("gamma" not in i.articles for i in brief.red_lines)


def test_every_item_actor_and_divergence_rests_on_verified_quotes() -> None:
    records, texts = day_one()
    brief = _brief(records, texts)
    by_id = _texts_by_id(brief, texts)
    assert ungrounded(brief, by_id) == []
    for item in [*brief.stances, *brief.conditions, *brief.red_lines, *brief.actors]:
        assert item.evidence
    tampered = brief.model_copy(deep=True)
    tampered.red_lines[0].evidence[0].start += 2
    assert ungrounded(tampered, by_id) == [tampered.red_lines[0].evidence[0].id]


def test_merged_mentions_are_listed_with_their_rule() -> None:
    brief = _brief()
    notes = {(m.left.text, m.right.text): m.rule for m in brief.merges}
    assert notes[("Sameh Shoukry", "Shoukry")] == "surname"
    assert notes[("Abiy Ahmed", "Abiy")] == "given name"
    assert all(m.left.text != m.right.text for m in brief.merges)


def test_headlines_lead_with_divergences_then_multi_outlet_items() -> None:
    brief = _brief()
    kinds = [h.kind for h in brief.headlines]
    assert kinds[:2] == ["divergence", "divergence"]
    refs = [h.ref for h in brief.headlines]
    assert brief.conditions[0].id in refs[2:5]  # the one item two outlets report
    assert all(refs.index(brief.conditions[0].id) < refs.index(r.id) for r in brief.red_lines if r.id in refs)
    quote_ids = {q.id for i in [*brief.stances, *brief.conditions, *brief.red_lines] for q in i.evidence} | \
        {q.id for d in brief.divergences for s in d.sides for q in s.evidence}
    assert all(set(h.evidence) <= quote_ids for h in brief.headlines)


def test_holder_ids_recover_the_article_wording() -> None:
    text = "Talks resumed. Iran’s ambassador to the UN in Geneva said so."
    assert holder_text("iran-s-ambassador-to-the-un-in-geneva", text) == "Iran’s ambassador to the UN in Geneva"
    assert holder_text("nobody-here", text) == "Nobody Here"


def test_participants_from_several_articles_become_one_actor_with_all_mentions() -> None:
    records, texts = day_one()
    records[1].result["participants"].append(  # type: ignore[index]
        participant(BETA, "Egypt", "state", "Shoukry said Egypt would only join talks"))
    records[1].result["conditions"].append(  # type: ignore[index]
        condition(BETA, "cairo", "talks", "Ethiopia stops filling the reservoir",
                  "Shoukry said Egypt would only join talks if Ethiopia stops filling the reservoir first."))
    brief = _brief(records, texts)
    egypt = next(a for a in brief.actors if a.id == "egypt")
    assert {m.text for m in egypt.mentions} >= {"Egypt", "Cairo"}
    assert len(brief.conditions) == 1 and brief.conditions[0].holder == "egypt"


def test_a_sentence_given_as_holder_is_dropped_and_counted() -> None:
    records, texts = day_one()
    sentence = "Shoukry said Cairo supports a binding agreement on the dam."
    records[0].result["stances"][0]["holder"] = "shoukry-said-cairo-supports-a-binding-agreement-on-the-dam-in-" \
        "the-talks-today"  # type: ignore[index]
    brief = _brief(records, texts)
    assert brief.verification.items_dropped == 1
    assert any("the holder is a sentence" in r for r in brief.verification.reasons)
    assert all(sentence not in q.quote for s in brief.stances for q in s.evidence)


def test_headlines_are_short_statements_not_cut_quotes() -> None:
    brief = _brief()
    quotes = [q.quote for q in ungrounded_free_quotes(brief)]
    by_ref = {h.ref: h.text for h in brief.headlines}
    favour = next(s for s in brief.stances if s.polarity == "favor")
    condition = brief.conditions[0]
    assert by_ref[favour.id] == f"Sameh Shoukry supports {favour.topic}"
    assert by_ref[condition.id] == f"Egypt: {condition.conditions} only if {condition.requirement}"
    for text in by_ref.values():
        assert "…" not in text and not any(text in q or q in text for q in quotes)


def ungrounded_free_quotes(brief: Brief) -> list:  # type: ignore[type-arg]
    return [q for i in [*brief.stances, *brief.conditions, *brief.red_lines] for q in i.evidence]
