"""Who "he", "she", "we", "it", "the government" and "the court" stand for (codebook §1, §2, §3): gender
agreement shown by the text, joint statements by named ministers, a government's state, a body named by the
head noun of its name, and two reporting cues, on invented sentences."""

from __future__ import annotations

from rulecases import holders

from summarizer.rules.agreement import Genders, gender_of


def test_gender_words_are_closed_classes_of_honorifics_nouns_and_pronouns() -> None:
    assert gender_of("Mrs") == "f" and gender_of("Mr.") == "m" and gender_of("spokeswoman") == "f"
    assert gender_of("minister") is None and gender_of("Lind") is None
    genders = Genders()
    genders.known["Ann Lind"] = "f"
    assert genders.agrees("Ann Lind", "she") and not genders.agrees("Ann Lind", "he")
    assert genders.agrees("Bo Berg", "he") and genders.agrees("Bo Berg", "she")  # unknown agrees with either


def test_she_skips_the_last_speaker_when_an_honorific_shows_he_is_a_man() -> None:
    # grammar: "she" agrees only with a person the text shows as a woman ("Ms"); the last speaker,
    # shown as a man by "Mr", cannot be "she"
    text = ("Border talks resume\n"
            "Ms Ann Lind, the Ruritanian envoy, arrived in Oslo on Monday.\n"
            "Mr Bo Berg, the Vostokian negotiator, said the talks would be difficult.\n"
            "She said Ruritania would never give up the northern valley.\n")
    assert holders(text)["She said Ruritania w"] == [["Ann Lind"]]


def test_he_skips_a_woman_shown_by_her_own_possessive() -> None:
    # grammar: a sentence naming one person and using "her" of her shows that person is a woman;
    # "he" then goes to the last person who may be a man
    text = ("Port dispute\n"
            "Vostokian negotiator Bo Berg arrived in the capital on Sunday.\n"
            "Ruritanian Foreign Minister Ann Lind said her government would reopen the port.\n"
            "He said Vostokia would not pay the new harbour fees.\n")
    assert holders(text)["He said Vostokia wou"] == [["Bo Berg"]]


def test_he_still_continues_the_last_speaker_when_no_gender_is_shown() -> None:
    # an unknown gender agrees with either pronoun: the rule never drops a holder it cannot check
    text = ("Port dispute\n"
            "Ruritanian Foreign Minister Ann Lind said the port would reopen.\n"
            "He said Ruritania would not pay the new harbour fees.\n")
    assert holders(text)["He said Ruritania wo"] == [["Ann Lind"]]


def test_joint_we_includes_every_name_coordinated_in_the_signatory_list() -> None:
    # §2 (1.2): "We, the foreign ministers of A and B, X and Y, ..." -> each named minister holds what
    # "we" says, also a name the tagger does not take for a person (here the hyphenated one) but lists
    # with the others
    text = ("Joint statement\n"
            "We, the Foreign Ministers of Ruritania, Vostokia and Norway, Jean-Loïc Varrot, Bo Berg and "
            "Kari Nordmann, met today.\n"
            "We call on Borduria to withdraw its troops from the border.\n")
    found = holders(text)["We call on Borduria "]
    assert found and {"Jean-Loïc Varrot", "Bo Berg", "Kari Nordmann"} <= set(found[0])


def test_the_government_is_the_state_that_spoke_not_a_body_that_spoke_since() -> None:
    # §1: "the Government" standing alone is the government of the state the context names, never an
    # international body that spoke in between
    text = ("Energy statement\n"
            "Norway said on Friday that gas deliveries to the north had stopped.\n"
            "The European Commission has said it is ready to help with the crisis.\n"
            "The Government reaffirms that the dispute can be settled only by political means.\n")
    assert holders(text)["The Government reaff"] == [["Norway"]]


def test_a_we_sentence_of_a_joint_statement_stays_the_signatories_words() -> None:
    # §2 (1.2): a reproduced joint statement is its signatories' speech throughout; a clause inside a "we"
    # sentence with another actor as subject is what they require of that actor, not that actor's stance
    text = ("Joint statement\n"
            "We, the Foreign Ministers of Norway and Sweden, Kari Nordmann and Bo Berg, met today.\n"
            "We were prepared to discuss a delay on two conditions: that Serbia resume full cooperation with the "
            "OSCE; that it account for its stock of arms; and that it return to direct negotiations with Kosovo.\n")
    found = holders(text)["We were prepared to "]
    assert found and all(set(h) == {"Kari Nordmann", "Bo Berg"} for h in found)


def test_a_definite_description_repeats_the_head_noun_of_a_body_named_before() -> None:
    # grammar: "the court" after "the Permanent Court of Arbitration" is that body (definite anaphora by
    # the head noun of its name), not no one and not the last state that spoke
    text = ("Drilling case\n"
            "Sweden said on Monday that the drilling had to stop.\n"
            "The Permanent Court of Arbitration opened its hearings on the case in The Hague.\n"
            "The court said Norway should suspend the drilling while the case is pending.\n")
    assert holders(text)["The court said Norwa"] == [["Permanent Court of Arbitration"]]


def test_it_calls_for_a_step_is_a_speech_act_of_the_state_that_spoke() -> None:
    # grammar: "call for X" is a demand on X (a speech act with its object after "for"), and "it" continues
    # the state that spoke last
    text = ("Fishing dispute\n"
            "Norway said on Monday that the fishing zone would stay open to all boats.\n"
            "It calls once more for the release of the detained fishermen.\n")
    assert holders(text)["It calls once more f"] == [["Norway"]]


def test_a_verb_of_judgment_with_a_small_clause_states_the_subjects_position() -> None:
    # grammar: "X considers Y unfounded" is X's judgment of Y (§3, cognition); "X is considering Y" is none
    text = ("Gas debt\n"
            "Norway said on Monday that the pipeline would reopen in May.\n"
            "The Government considers this claim of debt unfounded.\n"
            "Norway is considering the offer of a loan.\n")
    found = holders(text)
    assert found["The Government consi"] == [["Norway"]]
    assert found["Norway is considerin"] == []
