"""Grounding turns citations into verbatim evidence and drops whatever the article does not support."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from summarizer.text.articles import Article, guess_meta
from summarizer.extract.drafts import draft_model
from summarizer.extract.pipeline import ExtractOptions, extract_article
from summarizer.extract.grounding import Grounder, verify
from summarizer.core.schemas import Evidence
from summarizer.text.segment import split_sentences

TEXT = (
    "Oslo talks stall\n"
    "Norway's foreign minister Anna Berg said on Monday that Oslo is ready to host new talks. "
    "She warned that Norway will never accept a deal imposed by force. "
    "The talks could resume provided that both sides halt shelling. "
    "Berg called the ceasefire a red line for her government.\n"
)
SENTENCES = split_sentences(TEXT)


def stance(**overrides: Any) -> BaseModel:
    data = {"holder": "Anna Berg", "topic": "hosting talks", "polarity": "favor",
            "position": "Oslo is ready to host new talks.", "attribution": "reported_speech", "sentences": [2]}
    data.update(overrides)
    return draft_model("stance", 99).model_validate({"stances": [data]}).stances[0]


def ground(field: str, drafts: list[BaseModel]) -> Any:
    return Grounder(TEXT, SENTENCES).ground(field, drafts)


def test_cited_sentence_becomes_verbatim_evidence() -> None:
    result = ground("stances", [stance()])
    assert not result.dropped
    (item,) = result.items
    assert item.holder == "anna-berg"
    (ev,) = item.evidence
    assert TEXT[ev.start : ev.end] == ev.quote == SENTENCES[1].text


def test_citing_only_a_sentence_that_does_not_exist_is_dropped() -> None:
    result = ground("stances", [stance(sentences=[42])])
    assert result.items == []
    assert "[42]" in result.dropped[0].reason


def test_a_wrong_sentence_number_beside_a_right_one_is_ignored() -> None:
    (item,) = ground("stances", [stance(sentences=[2, 42])]).items
    assert [ev.quote for ev in item.evidence] == [SENTENCES[1].text]


def test_unsupported_claim_is_dropped() -> None:
    result = ground("stances", [stance(topic="oil prices", position="Prices should fall.", sentences=[1])])
    assert result.items == [] and "do not state it" in result.dropped[0].reason


def test_holder_absent_from_article_is_dropped() -> None:
    result = ground("stances", [stance(holder="Vladimir Putin")])
    assert result.items == [] and "holder" in result.dropped[0].reason


def test_duplicates_merge_their_evidence_and_are_counted() -> None:
    result = ground("stances", [stance(), stance(sentences=[2, 2]), stance(sentences=[2, 3])])
    (item,) = result.items
    assert [ev.quote for ev in item.evidence] == [SENTENCES[1].text, SENTENCES[2].text]
    assert len(result.dropped) == 2 and all("duplicate" in d.reason for d in result.dropped)


def test_the_same_participant_twice_becomes_one_with_all_mentions() -> None:
    answer = draft_model("participants", 99).model_validate({"participants": [
        {"name": "Anna Berg", "kind": "person", "role": "foreign minister", "sentences": [2]},
        {"name": "Anna Berg", "kind": "person", "aliases": ["Berg"], "sentences": [5]},
    ]})
    (berg,) = ground("participants", answer.participants).items
    assert berg.aliases == ["Berg"] and [ev.start for ev in berg.evidence] == [SENTENCES[1].start, SENTENCES[4].start]


def test_red_line_explicitness_comes_from_the_evidence() -> None:
    model = draft_model("red-lines", 99)
    answer = model.model_validate({"red_lines": [
        {"holder": "Anna Berg", "line": "the ceasefire", "kind": "trigger", "sentences": [5]},
        {"holder": "Norway", "line": "accept a deal imposed by force", "kind": "refusal", "sentences": [3]},
    ]})
    items = ground("red_lines", answer.red_lines).items
    assert [r.explicit for r in items] == [True, False]


def test_participant_aliases_must_occur_in_the_text() -> None:
    model = draft_model("participants", 99)
    answer = model.model_validate({"participants": [
        {"name": "Norway", "kind": "state", "country": "nor", "aliases": ["Oslo", "Kingdom of Norway"],
         "sentences": [4]},
        {"name": "Atlantis", "kind": "state", "sentences": [1]},
    ]})
    result = ground("participants", answer.participants)
    (norway,) = result.items
    assert norway.aliases == ["Oslo"] and norway.country == "NOR"
    assert all("Norway" in ev.quote or "Oslo" in ev.quote for ev in norway.evidence)
    assert "neither the name" in result.dropped[0].reason


def test_a_quote_that_is_not_the_article_slice_fails_verification() -> None:
    assert verify(Evidence(quote=SENTENCES[0].text, start=SENTENCES[0].start, end=SENTENCES[0].end), TEXT)
    assert not verify(Evidence(quote="Oslo talks stale", start=0, end=16), TEXT)
    assert not verify(Evidence(quote="x", start=len(TEXT), end=len(TEXT) + 1), TEXT)


def test_evidence_from_a_different_text_is_never_emitted() -> None:
    shifted = Grounder("X" + TEXT, SENTENCES)  # offsets now point one character off
    result = shifted.ground("stances", [stance()])
    assert result.items == [] and "slice" in result.dropped[0].reason


class ScriptedProvider:
    """Our own Provider interface, answering from a script: exercises extract without any model."""

    name, model, prompted, loads_on_first_call = "scripted", "script-1", True, False

    def __init__(self, answers: dict[str, dict[str, Any]]) -> None:
        self.answers = answers
        self.calls: list[list[dict[str, str]]] = []

    def answer(self, call: Any) -> Any:
        return self.complete(call.messages, call.response_model, max_tokens=call.max_tokens)

    def complete(self, messages: list[dict[str, str]], response_model: type[BaseModel], *, max_tokens: int) -> Any:
        self.calls.append(messages)
        task = messages[-1]["content"].rsplit("ARTICLE>>>", 1)[-1].lower()  # the task comes after the article
        key = next(k for k in self.answers if k in task)
        return response_model.model_validate(self.answers[key])

    def close(self) -> None:
        pass


@pytest.mark.parametrize("schema", ["stance", "all"])
def test_extraction_grounds_everything_and_counts_drops(schema: str) -> None:
    provider = ScriptedProvider({
        "participants": {"participants": [{"name": "Anna Berg", "kind": "person", "aliases": ["Berg"],
                                           "sentences": [2, 5]}]},
        "stances": {"stances": [stance().model_dump(), stance().model_dump()]},
        "conditions": {"conditions": [{"holder": "Norway", "conditions": "talks",
                                       "requirement": "both sides halt shelling", "sentences": [4]}]},
        "red lines": {"red_lines": []},
        "summarise": {"summary": "Norway offers to host talks.", "sentences": [2]},
    })
    article = Article(id="oslo", source="oslo.txt", text=TEXT, meta=guess_meta(TEXT))
    record = extract_article(article, provider, ExtractOptions(schema=schema))
    assert record.ok, record.error
    assert record.provenance.dropped_count >= 1
    items = [i for field in ("participants", "stances", "conditions", "red_lines") for i in record.result.get(field, [])]
    assert items
    for item in items:
        for ev in item["evidence"]:
            assert TEXT[ev["start"] : ev["end"]] == ev["quote"]
    if schema == "all":
        assert record.result["meta"]["title"] == "Oslo talks stall"
        assert {s["holder"] for s in record.result["stances"]} == {"anna-berg"}
        assert len(provider.calls) == 5
