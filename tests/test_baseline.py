"""The rule-based `rules` provider on invented articles (never the seeds): actors, speakers, rules, grounding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from clirun import ROOT, summarize
from summarizer.text.articles import Article, guess_meta
from summarizer.rules.extractor import RulesProvider
from summarizer.extract.drafts import draft_model
from summarizer.extract.pipeline import ExtractOptions, extract_article
from summarizer.entities.gazetteer import find_places, lookup
from summarizer.llm.providers import ProviderConfig, build_provider
from summarizer.text.segment import split_sentences

TRADE = """Brazil and Argentina edge back toward trade talks
BRASILIA, March 4 (Reuters) – Brazilian Foreign Minister Helena Duarte said on Tuesday that Brazil is ready to resume trade negotiations with Argentina, provided that Buenos Aires lifts the new tariffs on steel imports.
"We are open to a fair agreement, but we will never accept quotas that hurt our farmers," Duarte told reporters.
Argentine Economy Minister Tomás Ferreyra rejected the demand, saying the tariffs would stay until a review ends.
He added that Argentina will respond if Brazil imposes new duties on its wine.
Prices of soybeans fell for a third day, and traders said they will not recover soon.
"""

EU = """EU offers to host new round of talks
The European Union is willing to host a new round of talks between Serbia and its neighbours only if both sides commit to the existing agreement, EU spokesperson Marta Lindqvist said on Friday.
“Our door remains open, and we support every step toward normalisation,” Lindqvist said.
Belgrade has no intention of recognising the arrangement, Serbian officials told local media.
The spokesperson stressed that the red line for the bloc is any use of force in the region.
"""

NATO = """NATO warns against any attack on the Baltic states
NATO Secretary General Jens Halvorsen warned on Monday that any attack on an ally would trigger a collective response.
“We will not be intimidated,” Halvorsen told a news conference.
Russian Deputy Foreign Minister Pavel Orlov said Moscow was open to talks on arms control as long as the alliance halts its exercises near the border.
"""


def run(text: str, schema: str = "all") -> dict[str, Any]:
    article = Article(id="invented", source="invented.txt", text=text, meta=guess_meta(text))
    record = extract_article(article, RulesProvider(), ExtractOptions(schema=schema))
    assert record.ok, record.error
    assert record.result is not None
    return record.result


def by_id(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["id"]: p for p in result["participants"]}


def all_evidence(result: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(result.get("summary_evidence", []))
    for field in ("participants", "stances", "conditions", "red_lines"):
        for item in result.get(field, []):
            found += item["evidence"]
    return found


@pytest.mark.parametrize("text", [TRADE, EU, NATO], ids=["trade", "eu", "nato"])
def test_everything_is_grounded_and_nothing_dropped(text: str) -> None:
    article = Article(id="a", source="a.txt", text=text, meta=guess_meta(text))
    record = extract_article(article, RulesProvider(), ExtractOptions(schema="all"))
    assert record.ok and record.result is not None
    evidence = all_evidence(record.result)
    assert evidence
    for ev in evidence:
        assert text[ev["start"]:ev["end"]] == ev["quote"]
    assert record.provenance is not None
    assert record.provenance.provider == "rules" and record.provenance.model == "rules-v5"
    assert record.provenance.dropped == []


def test_states_organisations_and_people() -> None:
    trade = by_id(run(TRADE))
    assert trade["brazil"]["kind"] == "state" and trade["brazil"]["country"] == "BRA"
    assert trade["argentina"]["country"] == "ARG"
    assert "Buenos Aires" in trade["argentina"]["aliases"]
    assert "Argentine" not in trade["argentina"]["aliases"]  # §1: adjectives are not aliases
    duarte = trade["helena-duarte"]
    assert duarte["kind"] == "person" and duarte["country"] == "BRA" and "Foreign Minister" in duarte["role"]
    assert "Duarte" in duarte["aliases"]
    assert trade["tomas-ferreyra"]["country"] == "ARG"
    eu = by_id(run(EU))
    assert eu["european-union"]["kind"] == "international_organization"
    assert eu["serbia"]["country"] == "SRB" and "Belgrade" in eu["serbia"]["aliases"]
    assert eu["marta-lindqvist"]["kind"] == "person"
    nato = by_id(run(NATO))
    assert nato["nato"]["kind"] == "international_organization"
    assert nato["jens-halvorsen"]["role"] == "NATO Secretary General"
    assert nato["russia"]["country"] == "RUS" and "Moscow" in nato["russia"]["aliases"]
    assert nato["pavel-orlov"]["country"] == "RUS"


def test_people_need_a_title_or_a_voice() -> None:
    text = "Talks resume\nThe meeting in Cairo, named after the late Karl Mendel, ended early.\n"
    ids = set(by_id(run(text)))
    assert "egypt" not in ids  # §1: a venue is a place, not a participant
    assert "karl-mendel" not in ids  # §1: a name mentioned only passively is not a participant


def test_speakers_and_attribution() -> None:
    stances = run(TRADE)["stances"]
    by_sentence = {s["evidence"][0]["quote"][:20]: s for s in stances}
    reported = by_sentence["BRASILIA, March 4 (R"]
    assert reported["holder"] == "helena-duarte" and reported["attribution"] == "reported_speech"
    quoted = by_sentence['"We are open to a fa']
    assert quoted["holder"] == "helena-duarte" and quoted["attribution"] == "direct_quote"
    assert quoted["polarity"] == "favor" and "agreement" in quoted["topic"]  # open to a fair agreement
    assert quoted["evidence"][0]["speaker"] == "Helena Duarte"
    claim = next(s for s in stances if s["topic"] == "the demand")
    assert claim["holder"] == "tomas-ferreyra" and claim["attribution"] == "author_claim"
    assert claim["polarity"] == "against"
    assert by_sentence["He added that Argent"]["holder"] == "tomas-ferreyra"  # pronoun carries over
    assert "negotiations with Argentina" in reported["topic"] and reported["polarity"] == "favor"


def test_speaker_after_appositive_quote_and_source() -> None:
    eu = run(EU)["stances"]
    holders = {s["evidence"][0]["quote"][:12]: s["holder"] for s in eu}
    assert holders["The European"] == "marta-lindqvist"  # "..., EU spokesperson Marta Lindqvist said"
    assert holders["“Our door re"] == "marta-lindqvist"
    assert holders["Belgrade has"] == "serbia"  # "Serbian officials told"
    assert holders["The spokespe"] == "marta-lindqvist"  # role noun -> last speaker


def test_conditions() -> None:
    trade = run(TRADE)["conditions"]
    duarte = [c for c in trade if c["holder"] == "helena-duarte"]
    assert len(duarte) == 1
    assert duarte[0]["requirement"] == "Buenos Aires lifts the new tariffs on steel imports"
    assert "negotiations with Argentina" in duarte[0]["conditions"]
    eu = run(EU)["conditions"]
    assert [c["requirement"] for c in eu] == ["both sides commit to the existing agreement"]
    nato = run(NATO)["conditions"]
    assert nato[0]["holder"] == "pavel-orlov"
    assert nato[0]["requirement"] == "the alliance halts its exercises near the border"


def test_red_lines() -> None:
    trade = run(TRADE)["red_lines"]
    refusal = [r for r in trade if r["kind"] == "refusal"]
    # §5: the line is worded without negation; a plain "rejected" is a stance, not a red line
    assert [(r["holder"], r["line"]) for r in refusal] == [("helena-duarte", "accepting quotas that hurt our farmers")]
    trigger = [r for r in trade if r["kind"] == "trigger"]
    assert len(trigger) == 1 and trigger[0]["holder"] == "tomas-ferreyra"
    assert trigger[0]["line"] == "Brazil imposes new duties on its wine"
    assert "respond" in trigger[0]["consequence"] and trigger[0]["explicit"] is False
    # "traders said they will not recover": no actor refuses anything
    assert not any("recover" in r["line"] for r in trade)
    eu = {r["kind"]: r for r in run(EU)["red_lines"]}
    assert eu["trigger"]["explicit"] is True and eu["trigger"]["line"] == "any use of force in the region"
    assert eu["refusal"]["holder"] == "serbia" and eu["refusal"]["line"] == "recognising the arrangement"
    nato = {r["kind"]: r for r in run(NATO)["red_lines"]}
    assert nato["trigger"]["line"] == "any attack on an ally"
    assert nato["trigger"]["consequence"] == "trigger a collective response"


def test_summary_is_the_lead_without_headline_or_dateline() -> None:
    result = run(TRADE)
    assert result["summary"].startswith("Brazilian Foreign Minister Helena Duarte said")
    assert "Reuters" not in result["summary"]
    assert result["summary_evidence"][0]["quote"].startswith("BRASILIA")
    assert all("edge back" not in ev["quote"] for ev in result["summary_evidence"])


def test_drafts_fit_the_draft_models_and_cite_only_given_sentences() -> None:
    sentences = split_sentences(NATO)
    later = sentences[1:]  # a later chunk: global ids 2..n
    provider = RulesProvider()
    for name in ("participants", "stance", "conditions", "red-lines", "summary"):
        answer = provider.draft(name, later, guess_meta(NATO))
        assert isinstance(answer, draft_model(name, later[-1].id))
        dumped = json.dumps(answer.model_dump())
        cited = [i for item in _items(answer.model_dump()) for i in item["sentences"]]
        assert cited and set(cited) <= {s.id for s in later}, (name, dumped)
    provider.close()


def _items(answer: dict[str, Any]) -> list[dict[str, Any]]:
    lists = [v for v in answer.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
    return lists[0] if lists else [answer]


def test_deterministic() -> None:
    assert run(EU) == run(EU)


def test_gazetteer_forms() -> None:
    assert lookup("Tehran").country == "IRN" and lookup("Iranians").country == "IRN"  # type: ignore[union-attr]
    assert lookup("Washington").country == "USA" and lookup("U.S.").country == "USA"  # type: ignore[union-attr]
    hits = find_places("The U.S.-backed plan, Americans said, and the Supreme National Security Council.")
    assert [(h.surface, h.actor.name) for h in hits] == [("U.S.", "United States"), ("Americans", "United States")]
    assert find_places("us and them") == []


def test_build_provider_gives_the_rules_by_name_and_by_deprecated_alias() -> None:
    for name in ("rules", "baseline"):
        provider = build_provider(ProviderConfig(provider=name))
        assert isinstance(provider, RulesProvider) and provider.name == "rules"


def test_cli_all_schema(tmp_path: Path) -> None:
    article = tmp_path / "trade.txt"
    article.write_text(TRADE, encoding="utf-8")
    result = summarize("--provider", "baseline", "--schema", "all", "--no-cache", str(article))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["ok"] and record["provenance"]["provider"] == "rules"
    schema = json.loads((ROOT / "schemas" / "all.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(record["result"], schema)
    assert {"helena-duarte", "brazil", "argentina"} <= {p["id"] for p in record["result"]["participants"]}


# ---------------------------------------------------------------------------------------------
# Stance polarity and holders from the parse (codebook §2, §3; rules.polarity). Invented sentences.

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
