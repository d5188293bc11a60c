"""The `rules` provider: deterministic rules over a spaCy parse, no generative model.

What it does: parses the shared sentences (`summarizer.text.segment`) with en_core_web_sm
(`rules.nlp`); finds actors from named entities and the gazetteer (`rules.actors`);
attributes speech by reporting verbs, their subjects and complements, "according to" and
pronoun / role-noun carry-over (`rules.speakers`); reads stances, conditions and red lines
from the grammar of attitude, conditionality, modality and threats (`rules.stances`,
`rules.conditions`, `rules.redlines`); takes the lead as summary. Each rule states the
codebook sentence (evals/GUIDELINES.md) or the English construction it implements.
What it does not do: resolve reference beyond the last compatible speaker, read irony, or
join one item's statements across chunks of a long article. Its items are grounded like a
model's: they cite sentence numbers and `extract.grounding` checks them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from summarizer.core.schemas import ArticleMeta
from summarizer.extract.drafts import MAX_ITEMS, draft_model
from summarizer.rules import lexicon as lex
from summarizer.rules import nlp
from summarizer.rules.actors import ActorFinder, Mention
from summarizer.rules.conditions import conditions
from summarizer.rules.countries import tie_to_context
from summarizer.rules.redlines import red_lines, restated
from summarizer.rules.speakers import SpeakerTracker, Speech
from summarizer.rules.stances import shorten, stances
from summarizer.rules.summary import lead
from summarizer.text.segment import Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

Item = dict[str, Any]
FIELDS = {"stance": "stances", "conditions": "conditions", "red-lines": "red_lines"}
# Codebook §1 threshold test: an actor that acts, speaks or is addressed/targeted, not one only
# mentioned as a place, a modifier, or inside a title.
_ACTIVE = frozenset("nsubj nsubjpass dobj iobj dative agent appos".split())
# Heads through which a modifier names an actor: officials and forces ("US officials", "Iranian troops") and
# acts, which the modifier performs ("Israeli attacks", "a US proposal"); not things ("the Gaza ceasefire").
_VOICES = lex.PERSON_ROLES | lex.STATE_VOICES | lex.HOSTILE_ACTS | lex.HOSTILE_CONDUCT | frozenset(
    "force troop navy soldier police guard proposal offer plan demand sanction aid support initiative request "
    "pressure warning threat".split())
_TARGET_PREPS = frozenset("with to against by on from toward towards".split())


@dataclass
class Analysis:
    """Everything the rules find in one run of sentences, computed once for every prompt."""

    sentences: list[Sentence]
    mentions: dict[int, list[Mention]]
    docs: dict[int, "Doc"]
    speeches: dict[int, list[Speech]] = field(default_factory=dict)
    full_names: dict[str, str] = field(default_factory=dict)  # surname -> full name, for the next chunk
    countries: dict[str, str] = field(default_factory=dict)  # person -> ISO3 their own phrase gave, any chunk
    items: dict[str, list[Item]] = field(default_factory=lambda: {f: [] for f in FIELDS.values()})


@lru_cache(maxsize=16)
def analyse(sentences: tuple[Sentence, ...], known: tuple[tuple[str, str], ...] = (),
            countries: tuple[tuple[str, str], ...] = ()) -> Analysis:
    """`known`, `countries`: the full names (by surname) and the people's countries, from their own
    phrases, that earlier chunks of the same article introduced."""
    docs = nlp.parse(s.text for s in sentences)
    finder = ActorFinder(list(sentences), docs, dict(known))
    own = {m.actor.name: m.actor.country for ms in finder.mentions.values() for m in ms
           if m.actor.kind == "person" and m.actor.country}
    analysis = Analysis(list(sentences), finder.mentions, {s.id: d for s, d in zip(sentences, docs)},
                        full_names=finder.full, countries={**dict(countries), **own})
    article = "\n".join(s.text for s in sentences)
    tracker = SpeakerTracker()
    for sentence, doc in zip(sentences, docs):
        mentions = finder.mentions[sentence.id]
        found = tracker.speeches(doc, mentions)
        analysis.speeches[sentence.id] = found

        def resolve(tok: Any, mentions: list[Mention] = mentions) -> list[Any]:
            return [h for h in tracker.resolve(tok, mentions) if h[0].kind != "other"]

        analysis.items["stances"] += stances(doc, sentence.id, found, article, resolve)
        analysis.items["conditions"] += conditions(doc, sentence.id, found, resolve, article)
        analysis.items["red_lines"] += red_lines(doc, sentence.id, found, resolve, article)
    analysis.items["red_lines"] = restated(analysis.items["red_lines"])
    return analysis


def _active(doc: "Doc", m: Mention, mentions: list[Mention]) -> bool:
    """The mention's phrase is a subject, object, agent or target, or names the state of one; a state
    named only inside a named person's title ("Chinese President Xi") is passive (§1)."""
    span = range(m.first, m.last + 1)
    head = next((doc[i] for i in span if doc[i].head.i not in span or doc[i].head.i == i), doc[m.last])
    for _ in range(3):
        if head.dep_ in _ACTIVE:
            return True
        if head.dep_ == "pobj" and head.head.lower_ in _TARGET_PREPS and head.head.head.pos_ == "VERB":
            return True
        if head.dep_ in ("amod", "compound") and head.head.lemma_.lower() not in _VOICES:
            return False  # §1: a modifier ("the Gaza ceasefire", "the X commitments"), not an official's state
        if head.dep_ in ("poss", "amod", "compound", "conj"):
            head = head.head
            if head.dep_ != "conj" and any(p.actor.kind == "person" and p.first <= head.i <= p.last
                                           for p in mentions if p is not m):
                return False
            continue
        return False
    return False


def participants(analysis: Analysis) -> list[Item]:
    """Actors that pass the threshold test (or hold an item), ranked by how much they do."""
    holders = {h[0].name for speeches in analysis.speeches.values() for s in speeches for h in s.holders}
    entries: dict[str, dict[str, Any]] = {}
    for sentence in analysis.sentences:
        doc = analysis.docs[sentence.id]
        for m in analysis.mentions[sentence.id]:
            e = entries.setdefault(m.actor.name, {"name": m.actor.name, "kind": m.actor.kind, "country": None,
                                                  "role": None, "aliases": [], "sentences": [], "score": 0,
                                                  "first": sentence.id, "active": False})
            e["country"] = e["country"] or m.actor.country or analysis.countries.get(m.actor.name)
            e["role"] = e["role"] or m.role
            e["active"] = e["active"] or _active(doc, m, analysis.mentions[sentence.id]) or m.actor.name in holders
            e["score"] += 1 + 3 * (m.actor.name in holders) + (m.titled is True)
            if sentence.id not in e["sentences"]:
                e["sentences"].append(sentence.id)
            if not m.demonym and m.surface != m.actor.name and m.surface not in e["aliases"]:
                e["aliases"].append(m.surface)
    tie_to_context(entries, list(analysis.docs.values()))
    kept = [e for e in entries.values() if e["active"] and e["kind"] != "other"]
    best = sorted(kept, key=lambda e: (-e["score"], e["first"]))[:MAX_ITEMS]
    return [{"name": e["name"][:80], "kind": e["kind"], "role": e["role"] if e["kind"] == "person" else None,
             "country": e["country"] if e["kind"] != "international_organization" else None,
             "aliases": [a[:60] for a in e["aliases"][:4]], "sentences": e["sentences"][:4]}
            for e in sorted(best, key=lambda e: e["first"])]


def _merged(items: list[Item], key_fields: tuple[str, ...]) -> list[Item]:
    """Codebook §6: the same claim stated again is one item citing every statement (at most 4)."""
    out: dict[tuple[Any, ...], Item] = {}
    for item in items:
        key = tuple(" ".join(str(item[f]).lower().split()) for f in key_fields)
        if key in out:
            cited = out[key]["sentences"]
            if len(cited) < 4 and item["sentences"][0] not in cited:
                cited.append(item["sentences"][0])
        else:
            out[key] = {**item, "sentences": list(item["sentences"])}
    return list(out.values())


_KEYS = {"stances": ("holder", "topic", "polarity"), "conditions": ("holder", "conditions", "requirement"),
         "red_lines": ("holder", "line", "kind")}


def _most_telling(items: list[Item], field_name: str) -> list[Item]:
    """At most MAX_ITEMS, in article order; stances with a clear polarity, then those an attitude word,
    a demand or a judgement decided (`weak` False: not a plain statement of an act), are kept first."""
    items = [{k: v for k, v in item.items() if k != "weak"} | {"_weak": int(item.get("weak") or 0)}
             for item in _merged(items, _KEYS[field_name])]
    rank = sorted(range(len(items)), key=lambda i: (items[i].get("polarity") == "neutral", items[i]["_weak"],
                                                    -len(items[i]["sentences"]), i))
    return [{k: v for k, v in items[i].items() if k != "_weak"} for i in sorted(rank[:MAX_ITEMS])]


class RulesProvider:
    """Rule-based drafts citing sentence ids; `extract` grounds them exactly like model output."""

    name = "rules"
    prompted = False  # reads a call's sentences, never its prompts
    loads_on_first_call = True  # spaCy's parser loads lazily, on the first article (rules/nlp.py)
    cpu_bound = True  # under -j N it runs in N worker processes (extract/workers.py), which `warm` prepares
    model = "rules-v7"

    def __init__(self) -> None:
        # Full names met in a chunk, for the next chunk of the same article: keyed by the article's title and
        # outlet and the first sentence id the next chunk will have (chunks of one article come in order).
        self._names: dict[tuple[Any, ...], tuple[tuple[tuple[str, str], ...], ...]] = {}

    def draft(self, prompt_name: str, sentences: list[Sentence], meta: ArticleMeta) -> BaseModel:
        n = max((s.id for s in sentences), default=1)
        model = draft_model(prompt_name, n)
        if prompt_name == "summary":
            return model.model_validate(self._summary(sentences, meta))
        first = sentences[0].id if sentences else 1
        known, countries = self._names.get((meta.title, meta.outlet, first), ((), ())) if first > 1 else ((), ())
        analysis = analyse(tuple(sentences), known, countries)
        if len(self._names) > 256:
            self._names.pop(next(iter(self._names)))
        self._names[(meta.title, meta.outlet, n + 1)] = (tuple(sorted(analysis.full_names.items())),
                                                         tuple(sorted(analysis.countries.items())))
        if prompt_name == "participants":
            return model.model_validate({"participants": participants(analysis)})
        field_name = FIELDS[prompt_name]
        return model.model_validate({field_name: _most_telling(analysis.items[field_name], field_name)})

    def answer(self, call: Any) -> BaseModel:
        """The provider protocol (summarizer.llm.providers.Call): the chunk's own sentences, no prompt."""
        return self.draft(call.task, call.sentences, call.meta)

    def complete(self, messages: Any, response_model: Any, *, max_tokens: int) -> Any:
        from summarizer.errors import ProviderError

        raise ProviderError("the rules provider has no model to ask", "use --provider local or openai")

    @staticmethod
    def _summary(sentences: list[Sentence], meta: ArticleMeta) -> dict[str, Any]:
        """The lead of the article; a later chunk of a long article adds its own first sentence."""
        first = not sentences or sentences[0].id == 1
        found = lead(sentences, meta.title, most=2 if first else 1)
        if found is None and sentences:
            found = {"summary": shorten(sentences[0].text, 500), "sentences": [sentences[0].id]}
        return found or {"summary": "", "sentences": [1]}

    def warm(self) -> None:
        """Load the parser now, before worker processes are forked to share it."""
        nlp.load()

    def close(self) -> None:
        """Nothing to release: the parser stays loaded for the process (`rules.nlp.load`)."""
