"""The `baseline` provider: deterministic rules, no model, the reference every evaluation compares against.

What it does: states and international organisations from a general gazetteer
(names, capitals, demonyms -> ISO3); people from title, apposition and speaker
patterns ('Foreign Minister X', 'X, the envoy, said', '"...," X said', 'He stressed'
-> the last speaker); a stance for each sentence with a speaker (polarity from cue
words, topic from a small diplomacy lexicon, attribution from quotation marks);
conditions after cues such as 'provided that', 'only if', 'unless'; red lines from
'red line', 'will not/never', 'no intention', 'ruled out', and 'will respond if' /
'any attack would ...' triggers; the lead as summary.
What it does not do: parse syntax, resolve 'they' or 'it', see negation scope or
irony, find actors the gazetteer lacks unless a name pattern marks them, or join
evidence across sentences. Its items are grounded like any model's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from summarizer.rules import patterns as rules
from summarizer.rules.actors import ActorFinder, Mention
from summarizer.rules.speakers import SpeakerTracker, Speech
from summarizer.extract.drafts import MAX_ITEMS, draft_model
from summarizer.core.schemas import ArticleMeta
from summarizer.text.segment import Sentence


@dataclass
class Analysis:
    """Everything the rules need about one run of sentences, computed once for all prompts."""

    sentences: list[Sentence]
    text: str
    mentions: dict[int, list[Mention]]
    speeches: dict[int, Speech] = field(default_factory=dict)


@lru_cache(maxsize=16)
def analyse(sentences: tuple[Sentence, ...]) -> Analysis:
    finder = ActorFinder(list(sentences))
    analysis = Analysis(list(sentences), finder.text, finder.mentions)
    tracker = SpeakerTracker()
    for sentence in sentences:
        speech = tracker.speech(sentence.text, finder.mentions[sentence.id])
        if speech is not None:
            analysis.speeches[sentence.id] = speech
    return analysis


@dataclass
class _Entry:
    name: str
    kind: str
    country: str | None
    first: int
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    sentence_ids: list[int] = field(default_factory=list)
    mentions: int = 0
    speaks: bool = False
    titled: bool = False

    def score(self) -> float:
        return self.mentions + 5 * self.speaks + 2 * self.titled


def participants(analysis: Analysis) -> list[dict[str, Any]]:
    """States, organisations and people; people only when titled, in apposition or speaking."""
    speakers = {speech.holder.name for speech in analysis.speeches.values()}
    entries: dict[str, _Entry] = {}
    for sentence in analysis.sentences:
        for m in analysis.mentions[sentence.id]:
            entry = entries.setdefault(m.actor.name, _Entry(m.actor.name, m.actor.kind, m.actor.country, sentence.id))
            entry.mentions += 1
            entry.country = entry.country or m.actor.country
            entry.role = entry.role or m.role
            entry.titled = entry.titled or m.titled
            entry.speaks = entry.speaks or m.actor.name in speakers
            if sentence.id not in entry.sentence_ids:
                entry.sentence_ids.append(sentence.id)
            if m.surface != m.actor.name and m.surface not in entry.aliases:
                entry.aliases.append(m.surface)
    kept = [e for e in entries.values() if e.kind != "person" or e.titled or e.speaks]
    kept = [e for e in kept if e.kind != "organization" or e.speaks or e.mentions >= 2]
    best = sorted(kept, key=lambda e: (-e.score(), e.first))[:MAX_ITEMS]
    return [{"name": e.name[:80], "kind": e.kind, "role": e.role, "country": e.country,
             "aliases": [a[:60] for a in e.aliases[:4]], "sentences": e.sentence_ids[:4]}
            for e in sorted(best, key=lambda e: e.first)]


def _per_sentence(analysis: Analysis, prompt_name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for sentence in analysis.sentences:
        speech = analysis.speeches.get(sentence.id)
        mentions = analysis.mentions[sentence.id]
        if prompt_name == "stance" and speech is not None:
            item = rules.stance(sentence, speech, mentions, analysis.text)
            items += [item] if item else []
        elif prompt_name == "conditions":
            item = rules.condition(sentence, speech, mentions, analysis.text)
            items += [item] if item else []
        elif prompt_name == "red-lines":
            items += rules.red_lines(sentence, speech, mentions, analysis.text)
    return _most_telling(items, prompt_name)


def _most_telling(items: list[dict[str, Any]], prompt_name: str) -> list[dict[str, Any]]:
    """At most MAX_ITEMS, keeping article order; stances with a clear polarity come first."""
    if len(items) <= MAX_ITEMS:
        return items
    if prompt_name == "stance":
        ranked = sorted(range(len(items)), key=lambda i: (items[i]["polarity"] == "neutral", i))
        keep = sorted(ranked[:MAX_ITEMS])
        return [items[i] for i in keep]
    return items[:MAX_ITEMS]


class BaselineProvider:
    """Rule-based drafts citing sentence ids; `extract` grounds them exactly like model output."""

    name = "baseline"
    model = "rules-v1"

    def draft(self, prompt_name: str, sentences: list[Sentence], meta: ArticleMeta) -> BaseModel:
        n = max((s.id for s in sentences), default=1)
        model = draft_model(prompt_name, n)
        analysis = analyse(tuple(sentences))
        if prompt_name == "summary":
            return model.model_validate(self._summary(sentences, meta))
        if prompt_name == "participants":
            return model.model_validate({"participants": participants(analysis)})
        field_name = {"stance": "stances", "conditions": "conditions", "red-lines": "red_lines"}[prompt_name]
        return model.model_validate({field_name: _per_sentence(analysis, prompt_name)})

    @staticmethod
    def _summary(sentences: list[Sentence], meta: ArticleMeta) -> dict[str, Any]:
        """The lead of the article; a later chunk of a long article adds its own first sentence."""
        first = not sentences or sentences[0].id == 1
        found = rules.lead(sentences, meta.title, most=2 if first else 1)
        if found is None and sentences:
            found = {"summary": rules.shorten(sentences[0].text, 500), "sentences": [sentences[0].id]}
        return found or {"summary": "", "sentences": [1]}

    def close(self) -> None:
        """Nothing to release: no model, no connection."""
