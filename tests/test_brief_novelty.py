"""Novelty against a previous brief: new, changed, repeated, and what is gone."""

from __future__ import annotations

from brief_fixtures import ALPHA, BETA, GAMMA, condition, day_one, participant, record, red_line, stance

from summarizer.brief.build import build_brief
from summarizer.brief.models import Brief


def _yesterday() -> Brief:
    """Every outlet reports Shoukry against the binding agreement on 2026-03-01."""
    records, texts = day_one("2026-03-01")
    records[0].result["stances"][0]["polarity"] = "against"  # type: ignore[index]
    brief = build_brief(records, texts, "2026-03-01")
    return Brief.model_validate_json(brief.model_dump_json())  # as read back from --previous


def _today(previous: Brief) -> Brief:
    """Shoukry now only in favour; Egypt's requirement moved; Ethiopia's red line gone; a new red line."""
    alpha = record("alpha2", ALPHA, "ALN", participants=[
        participant(ALPHA, "Sameh Shoukry", "person", "Egyptian Foreign Minister Sameh Shoukry said on Monday")],
        stances=[stance(ALPHA, "sameh-shoukry", "binding agreement on the dam", "favor",
                        "Shoukry said Cairo supports a binding agreement on the dam.")],
        conditions=[condition(ALPHA, "egypt", "talks", "Addis Ababa signs a written guarantee on water shares",
                              "He said Egypt will accept talks only if Ethiopia stops filling the reservoir.")],
        red_lines=[red_line(ALPHA, "egypt", "unilateral filling of the reservoir",
                            "The minister said any unilateral filling is a red line for Cairo.")])
    beta = record("beta2", BETA, "Beta Wire",
                  red_lines=[red_line(BETA, "ethiopia", "officials meeting in Khartoum without Cairo",
                                      "Egypt's foreign minister and Ethiopian officials are expected to meet in "
                                      "Khartoum next week, diplomats said.")])
    texts = {"/articles/alpha2.txt": ALPHA, "/articles/beta2.txt": BETA}
    return build_brief([alpha, beta], texts, "2026-03-02", previous)


def test_polarity_moved_is_changed() -> None:
    today = _today(_yesterday())
    [item] = today.stances
    assert item.novelty == "changed"
    assert any(c.startswith("polarity: against → favor") for c in item.changes)


def test_requirement_moved_is_changed_and_named() -> None:
    [cond] = _today(_yesterday()).conditions
    assert cond.novelty == "changed"
    assert "Ethiopia stops filling the reservoir" in cond.changes[0] and "written guarantee" in cond.changes[0]


def test_same_red_line_is_repeated_and_a_new_one_is_new() -> None:
    today = _today(_yesterday())
    novelty = {r.holder: r.novelty for r in today.red_lines}
    assert novelty == {"egypt": "repeated", "ethiopia": "new"}


def test_items_no_longer_reported_are_listed_as_gone() -> None:
    today = _today(_yesterday())
    assert today.novelty is not None and today.novelty.previous_date == "2026-03-01"
    assert [(g.kind, g.holder) for g in today.novelty.gone] == [("red_line", "abiy-ahmed")]
    assert (today.novelty.new, today.novelty.changed, today.novelty.repeated) == (1, 2, 1)


def test_the_same_articles_again_are_all_repeated() -> None:
    previous = _yesterday()
    records, texts = day_one()
    records[0].result["stances"][0]["polarity"] = "against"  # type: ignore[index]
    again = build_brief(records, texts, "2026-03-02", previous)
    assert {i.novelty for i in [*again.stances, *again.conditions, *again.red_lines]} == {"repeated"}
    assert again.novelty is not None and again.novelty.gone == []


def test_renamed_actor_still_matches_through_its_mentions() -> None:
    previous = _yesterday()
    for actor in previous.actors:
        if actor.id == "abiy-ahmed":
            actor.id = "abiy"
    for item in previous.red_lines:
        if item.holder == "abiy-ahmed":
            item.holder = "abiy"
    gamma = record("gamma", GAMMA, "GMW", red_lines=[red_line(GAMMA, "abiy-ahmed", "a halt to the filling",
                                                              "Abiy said Addis Ababa will never accept a halt to the "
                                                              "filling.")])
    today = build_brief([gamma], {"/articles/gamma.txt": GAMMA}, "2026-03-02", previous)
    assert today.red_lines[0].novelty == "repeated"


def test_without_previous_nothing_is_marked() -> None:
    records, texts = day_one()
    brief = build_brief(records, texts, "2026-03-02")
    assert brief.novelty is None and all(i.novelty is None for i in brief.stances)


def test_a_stance_matches_yesterdays_stance_of_the_same_polarity() -> None:
    """Yesterday favour (ALN) and against (Beta Wire); today only favour: repeated, and against is gone."""
    records, texts = day_one("2026-03-01")
    previous = build_brief(records, texts, "2026-03-01")
    alpha = record("alpha", ALPHA, "ALN", stances=[stance(ALPHA, "sameh-shoukry", "binding agreement on the dam",
                                                          "favor", "Shoukry said Cairo supports a binding "
                                                          "agreement on the dam.")])
    today = build_brief([alpha], {"/articles/alpha.txt": ALPHA}, "2026-03-02", previous)
    [item] = today.stances
    assert item.novelty == "repeated" and not item.changes
    assert today.novelty is not None
    assert [(g.kind, g.holder) for g in today.novelty.gone if g.kind == "stance"] == [("stance", "sameh-shoukry")]
