"""Actor resolution on the mentions the seed articles actually contain.

Each mention is checked to occur verbatim in its seed, then given to the resolver
as its own entity (the worst case: an extractor that lists no aliases).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from summarizer.entities.resolve import Entity, resolve

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE = {"000": "000_3675c51b65d8f5ab", "001": "001_c4f4e3ce92e2f73e", "002": "002_b2b0cc6f5916fcb9",
           "003": "003_00a50c160ab2e9cb"}

# (article, mention, kind the extractor might give or None, role or None)
MENTIONS = [
    ("000", "Ali Bahreini", "person", None),
    ("000", "Bahreini", None, None),
    ("000", "Iran’s ambassador to the United Nations in Geneva", None, None),
    ("001", "Iranian Ambassador to the UN in Geneva Ali Bahreini", "person", None),
    ("001", "Bahreini", "person", None),
    ("000", "Washington", None, None),
    ("000", "the US", None, None),
    ("001", "the U.S.", None, None),
    ("001", "the United States", "state", None),
    ("000", "Tehran", "organization", None),
    ("001", "Iran", "state", None),
    ("001", "Supreme Leader Ayatollah Ali Khamenei", "person", None),
    ("003", "Leader of the Islamic Revolution Ali Khamenei", "person", None),
    ("003", "Ali Bagheri", "person", "foreign policy chief at Iran’s Supreme National Security Council"),
    ("003", "Bagheri", None, None),
    ("002", "Foreign Ministry spokesman Esmail Baghaei", "person", None),
    ("002", "Baghaei", None, None),
    ("003", "Washington’s special envoy Steve Witkoff", "person", None),
    ("002", "Steve Witkoff", "person", "the U.S. President’s special representative"),
    ("002", "the U.S. President’s special envoy", None, None),
    ("001", "Trump", "person", "President of the United States"),
    ("003", "Iranian President Masoud Pezeshkian", "person", None),
    ("003", "Pezeshkian", None, None),
    ("003", "Foreign Minister Abbas Araghchi", "person", None),
    ("003", "Araghchi", None, None),
]


def _entities(mentions: list[tuple[str, str, str | None, str | None]]) -> list[Entity]:
    return [Entity(ARTICLE[a], f"m{i}", [text], kind, role) for i, (a, text, kind, role) in enumerate(mentions)]


def _groups(mentions: list[tuple[str, str, str | None, str | None]]) -> dict[str, set[str]]:
    result = resolve(_entities(mentions))
    return {a.name: {text for text, _ in a.mentions()} for a in result.actors}


def test_every_pinned_mention_is_in_its_seed() -> None:
    for article, text, _, _ in MENTIONS:
        assert text in (SEEDS / f"{ARTICLE[article]}.txt").read_text(encoding="utf-8"), text


def test_bahreini_by_name_surname_and_role_is_one_person() -> None:
    groups = _groups(MENTIONS)
    assert groups["Ali Bahreini"] == {"Ali Bahreini", "Bahreini", "Iran’s ambassador to the United Nations in Geneva",
                                      "Iranian Ambassador to the UN in Geneva Ali Bahreini"}


def test_the_issue_wording_of_the_role_also_resolves() -> None:
    mentions = [m for m in MENTIONS if "ambassador to the United Nations" not in m[1]]
    mentions.append(("000", "Iran's ambassador to the UN in Geneva", None, None))
    assert "Iran's ambassador to the UN in Geneva" in _groups(mentions)["Ali Bahreini"]


def test_us_washington_and_the_united_states_are_one_state() -> None:
    result = resolve(_entities(MENTIONS))
    us = next(a for a in result.actors if a.name == "United States")
    assert {t for t, _ in us.mentions()} == {"Washington", "the US", "the U.S.", "the United States"}
    assert (us.kind, us.country) == ("state", "USA")
    iran = next(a for a in result.actors if a.name == "Iran")
    assert {t for t, _ in iran.mentions()} == {"Tehran", "Iran"} and iran.kind == "state"


def test_people_sharing_a_given_name_stay_apart() -> None:
    groups = _groups(MENTIONS)
    assert groups["Ali Khamenei"] == {"Supreme Leader Ayatollah Ali Khamenei",
                                      "Leader of the Islamic Revolution Ali Khamenei"}
    assert groups["Ali Bagheri"] == {"Ali Bagheri", "Bagheri"}
    assert groups["Esmail Baghaei"] == {"Foreign Ministry spokesman Esmail Baghaei", "Baghaei"}


def test_role_phrase_picks_the_person_whose_role_fits_best() -> None:
    groups = _groups(MENTIONS)
    assert "the U.S. President’s special envoy" in groups["Steve Witkoff"]
    assert groups["Trump"] == {"Trump"}
    assert groups["Masoud Pezeshkian"] == {"Iranian President Masoud Pezeshkian", "Pezeshkian"}
    assert groups["Abbas Araghchi"] == {"Foreign Minister Abbas Araghchi", "Araghchi"}


def test_every_merge_is_explained_with_its_rule() -> None:
    result = resolve(_entities(MENTIONS))
    rules = {(m.left, m.right): m.rule for m in result.merges}
    assert rules[("Ali Bahreini", "Iran’s ambassador to the United Nations in Geneva")] == "role"
    assert rules[("Ali Bagheri", "Bagheri")] == "surname"
    assert rules[("Washington", "the US")] == "gazetteer" or rules[("the US", "Washington")] == "gazetteer"
    assert all(m.detail for m in result.merges)


def test_resolution_does_not_depend_on_input_order() -> None:
    shuffled = MENTIONS[:]
    random.Random(7).shuffle(shuffled)
    assert {frozenset(g) for g in _groups(MENTIONS).values()} == {frozenset(g) for g in _groups(shuffled).values()}


def test_an_ambiguous_name_is_left_apart_and_reported() -> None:
    result = resolve(_entities([*MENTIONS, ("001", "Ali", None, None)]))
    ali = next(a for a in result.actors if {t for t, _ in a.mentions()} == {"Ali"})
    assert ali.members and any("“Ali”" in note for note in result.ambiguous)


def test_spelling_variants_merge_but_similar_surnames_of_others_do_not() -> None:
    groups = _groups([("003", "Abbas Araghchi", "person", None), ("002", "Abbas Araqchi", "person", None),
                      ("002", "Esmail Baghaei", "person", None), ("003", "Ali Bagheri", "person", None),
                      ("003", "Ali Bahreini", "person", None)])
    assert groups["Abbas Araghchi"] == {"Abbas Araghchi", "Abbas Araqchi"}
    assert len(groups) == 4


@pytest.mark.parametrize("holder_text", ["U S", "United States", "Washington"])
def test_slug_shaped_holders_find_their_state(holder_text: str) -> None:
    result = resolve([Entity("a", "p", ["the United States"], "state"), Entity("b", "h", [holder_text])])
    assert result.actor_id("a", "p") == result.actor_id("b", "h") == "united-states"


def test_a_state_mislabelled_as_a_person_is_still_the_state() -> None:
    result = resolve([Entity("a", "p", ["Iran"], "person"), Entity("b", "q", ["Tehran"], "state"),
                      Entity("b", "r", ["Jordan Bardella"], "person")])
    assert result.actor_id("a", "p") == result.actor_id("b", "q") == "iran"
    assert result.by_id()["iran"].kind == "state" and result.actor_id("b", "r") == "jordan-bardella"


def test_a_bare_role_actor_does_not_repeat_its_name_as_role() -> None:
    result = resolve([Entity("a", "x", ["The envoy"])])
    assert result.actors[0].name == "The envoy" and result.actors[0].role is None
