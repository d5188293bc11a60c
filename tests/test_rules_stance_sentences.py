"""Stance polarity, topics and holders from the parse (codebook §2, §3; rules.polarity), on invented sentences."""

from __future__ import annotations

from typing import Any

from summarizer.text.segment import split_sentences


def _stances(text: str) -> list[dict[str, Any]]:
    from summarizer.rules.extractor import analyse

    return analyse(tuple(split_sentences(text))).items["stances"]


def _polarity(text: str) -> str:
    [stance] = _stances(text)
    return str(stance["polarity"])


def test_an_accusation_of_another_actors_conduct_is_against() -> None:
    assert _polarity("Foreign Minister Ana Ruiz said Peru had violated the fishing truce.\n") == "against"


def test_a_negated_positive_judgement_is_against() -> None:
    text = "Foreign Minister Ana Ruiz said that membership of the bloc was not a realistic option for Chile.\n"
    assert _polarity(text) == "against"


def test_a_threatened_response_is_against_the_trigger() -> None:
    assert _polarity("Foreign Minister Ana Ruiz said any incursion into Chilean waters would be met with force.\n") \
        == "against"


def test_a_demand_with_a_reporting_verb_is_favor_the_demanded_act() -> None:
    assert _polarity("Foreign Minister Ana Ruiz urged Peru to withdraw its patrol boats from the bay.\n") == "favor"


def test_a_characterisation_as_provocation_is_against() -> None:
    assert _polarity("Foreign Minister Ana Ruiz called the naval drill a reckless provocation.\n") == "against"


def test_the_holders_own_announced_step_is_favor() -> None:
    text = "Foreign Minister Ana Ruiz said Chile would restart grain shipments to Peru next week.\n"
    assert _polarity(text) == "favor"


def test_a_negative_subject_flips_the_statement() -> None:
    assert _polarity("Foreign Minister Ana Ruiz said neither country wanted a trade war.\n") == "against"


def test_negation_of_one_conjunct_does_not_flip_the_other() -> None:
    text = ("Foreign Minister Ana Ruiz said the levy was not a bargaining chip and that Chile does not accept "
            "any talk of raising it.\n")
    assert "against" in {s["polarity"] for s in _stances(text)}
    assert "favor" not in {s["polarity"] for s in _stances(text)}


def test_what_was_not_discussed_is_neutral_but_a_planned_discussion_is_favor() -> None:
    assert _polarity("Foreign Minister Ana Ruiz said the border question was not discussed.\n") == "neutral"
    assert _polarity("Foreign Minister Ana Ruiz said Chile would discuss the border question with Peru.\n") == "favor"


def test_a_role_noun_with_a_state_possessive_names_the_person() -> None:
    [stance] = _stances("Chile's foreign minister, Carlos Mendoza, rejected the new tariff plan.\n")
    assert stance["holder"] == "Carlos Mendoza" and stance["polarity"] == "against"


def test_a_statement_under_a_transcript_label_is_the_speakers() -> None:
    text = ("Transcript of a press briefing in Santiago\n"
            "Carlos Mendoza: Chile firmly opposes the new tariffs on copper.\n")
    holders = {s["holder"] for s in _stances(text)}
    assert holders == {"Carlos Mendoza"}


def test_coordinated_clauses_with_their_own_subjects_are_two_stances() -> None:
    text = "Foreign Minister Carlos Mendoza said Chile rejected the levy and that Peru would lift the quota.\n"
    found = {(s["polarity"], s["topic"]) for s in _stances(text)}
    assert ("against", "the levy") in found and len(found) == 2


def test_an_event_in_the_pluperfect_is_no_stance() -> None:
    assert _stances("Foreign Minister Carlos Mendoza said the delegation had arrived in Lima on Monday.\n") == []
    assert _stances("Foreign Minister Carlos Mendoza said Chile would send a delegation to Lima.\n") != []


def test_a_judgement_is_about_the_subject_not_the_judging_noun() -> None:
    text = "Foreign Minister Carlos Mendoza said the tariff plan was a road to ruin and a grave mistake.\n"
    [stance] = _stances(text)
    assert stance["topic"] == "the tariff plan" and stance["polarity"] == "against"


def test_an_accusation_is_about_the_accused_act() -> None:
    [stance] = _stances("Foreign Minister Carlos Mendoza accused Peru of blocking the fishing boats.\n")
    assert stance["polarity"] == "against" and stance["topic"] == "Peru blocking the fishing boats"


def test_a_demand_is_about_the_demanded_act() -> None:
    [stance] = _stances("Foreign Minister Carlos Mendoza urged Peru to reopen the border crossing at Tacna.\n")
    assert stance["polarity"] == "favor" and stance["topic"] == "Peru reopen the border crossing at Tacna"


def test_a_light_noun_gives_its_complement_as_topic() -> None:
    [stance] = _stances("Foreign Minister Carlos Mendoza said Peru had no right to close the shared river.\n")
    assert stance["polarity"] == "against" and stance["topic"] == "close the shared river"


def test_they_after_a_joint_statement_is_every_holder() -> None:
    text = ("Carlos Mendoza and Lucia Fernandez said Chile welcomed the accord.\n"
            "They said the accord would help farmers on both sides.\n")
    second = [s for s in _stances(text) if "farmers" in s["position"]]
    assert {s["holder"] for s in second} == {"Carlos Mendoza", "Lucia Fernandez"}


def test_the_item_cap_keeps_attitudes_before_plain_statements() -> None:
    from summarizer.extract.drafts import MAX_ITEMS
    from summarizer.rules.extractor import _most_telling

    items = [{"holder": "A", "topic": f"t{i}", "polarity": "favor", "sentences": [i], "weak": i % 2 == 0}
             for i in range(2 * MAX_ITEMS)]
    kept = _most_telling(items, "stances")
    assert len(kept) == MAX_ITEMS and all(int(k["topic"][1:]) % 2 == 1 for k in kept)
    assert all("weak" not in k and "_weak" not in k for k in kept)


def test_there_will_be_no_x_is_against_x_and_there_would_be_consequences_a_threat() -> None:
    assert _polarity("Foreign Minister Carlos Mendoza said there would be no foreign bases on Chilean soil.\n") \
        == "against"
    assert _polarity("Foreign Minister Carlos Mendoza warned there would be consequences for any raid.\n") == "against"


def test_a_threat_decides_before_the_modal_that_carries_it() -> None:
    text = "Foreign Minister Carlos Mendoza said whoever attacks Chilean ships should expect to pay a heavy price.\n"
    assert _polarity(text) == "against"


def test_a_transcript_label_by_surname_in_capitals_gives_the_floor_to_that_person() -> None:
    text = ("Foreign Minister Carlos Mendoza spoke to reporters after the talks in Lima.\n"
            "QUESTION: Will the quota stay?\n"
            "MENDOZA: Chile rejects any quota on copper exports.\n")
    found = [s for s in _stances(text) if "quota" in s["position"]]
    assert found and {s["holder"] for s in found} == {"Carlos Mendoza"}


def test_a_named_agreement_is_no_actor_and_holds_no_stance() -> None:
    from summarizer.rules.actors import _names_a_document

    assert _names_a_document("Agreement on the Pacific Fisheries") and _names_a_document("Lima Accords")
    assert not _names_a_document("Organization of American States")
    text = "The Agreement on the Pacific Fisheries does not ask Chile to cut its fleet.\n"
    assert all("Agreement" not in s["holder"] for s in _stances(text))


def test_striking_a_deal_is_no_hostile_conduct() -> None:
    assert _polarity("Foreign Minister Carlos Mendoza said Chile and Peru could strike a deal on fishing.\n") == "favor"
    assert _polarity("Foreign Minister Carlos Mendoza said Peru could strike Chilean fishing boats.\n") == "against"


def test_a_conditional_retaliation_is_against() -> None:
    text = "Foreign Minister Carlos Mendoza said Chile would retaliate if Peruvian ships entered its waters.\n"
    assert _polarity(text) == "against"
