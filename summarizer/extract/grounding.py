"""Grounding: turn the model's citations into verbatim, verified evidence, and drop plausible errors.

An item leaves the tool only if (1) it cites sentences that exist, (2) those
sentences state its content beyond one shared word, without a polarity flip,
(3) its holder is an actor the article mentions (never by a word prefix), and
(4) every quote equals the article slice at its offsets. Evidence is the exact
excerpt the model gave when it can be found inside the cited sentences (exact
match, then a strict fuzzy alignment), else the whole sentences. Anything else
is dropped and counted with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from pydantic import BaseModel, ValidationError

from summarizer.core.schemas import Condition, Evidence, Participant, RedLine, Stance
from summarizer.entities import gazetteer
from summarizer.text.normalize import STOPWORDS, content_stems, normalise, slugify
from summarizer.text.segment import Sentence, split_sentences

__all__ = ["STOPWORDS", "Dropped", "Grounded", "Grounder", "cite", "locate", "verify"]

MIN_SHARED = 2  # content stems a claim must share with its cited sentences (all of them when it has fewer)
ALIGN_CUTOFF = 90.0  # rapidfuzz score for an excerpt that is not an exact substring
# words that turn a statement into its opposite; compared on both sides for stances
NEGATIONS = frozenset(content_stems("not no never refuse refuses refused reject rejects rejected deny denies "
                                    "denied oppose opposes opposed against cannot won't nor neither")) | {"not", "no"}
_NEGATION_WORDS = re.compile(r"\b(?:not|no|never|cannot|can't|won't|nor|neither|n't)\b", re.I)


@dataclass
class Dropped:
    field: str
    reason: str
    item: dict[str, Any]


@dataclass
class Grounded:
    items: list[BaseModel] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


def verify(evidence: Evidence, text: str) -> bool:
    """The one quote check: the quote is the article's own slice at its offsets."""
    return 0 <= evidence.start <= evidence.end <= len(text) and text[evidence.start : evidence.end] == evidence.quote


def cite(ids: Iterable[int], sentences: dict[int, Sentence], speaker: str | None = None) -> list[Evidence]:
    """Evidence from sentence ids; KeyError for an id the article does not have."""
    return [Evidence(quote=sentences[i].text, start=sentences[i].start, end=sentences[i].end, speaker=speaker)
            for i in sorted(set(ids))]


def locate(excerpt: str, cited: list[Sentence]) -> tuple[int, int] | None:
    """Article offsets of the excerpt inside the cited sentences: exact first, then a strict alignment."""
    excerpt = excerpt.strip().strip("\"'“”‘’").strip()
    if len(excerpt) < 8:
        return None
    for s in cited:
        at = s.text.find(excerpt)
        if at >= 0:
            return s.start + at, s.start + at + len(excerpt)
    from rapidfuzz import fuzz

    best = None
    for s in cited:
        found = fuzz.partial_ratio_alignment(excerpt, s.text, score_cutoff=ALIGN_CUTOFF)
        if found is not None and (best is None or found.score > best[0]):
            best = (found.score, s, found.dest_start, found.dest_end)
    if best is None:
        return None
    _, s, start, end = best
    while start > 0 and s.text[start - 1].isalnum():  # whole words: an alignment may stop inside one
        start -= 1
    while end < len(s.text) and s.text[end].isalnum():
        end += 1
    piece = s.text[start:end]
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    return (s.start + start, s.start + end) if end - start >= 0.8 * len(excerpt) else None


def _mentions(text: str, name: str) -> bool:
    """A whole-word, case-insensitive occurrence of the name (folded), never a prefix of a longer word."""
    words = normalise(name)
    return bool(words) and re.search(rf"(?<![a-z0-9]){re.escape(words)}(?![a-z0-9])", text) is not None


_RUNS = re.compile(r"[a-z0-9]+")


def _negated(text: str) -> bool:
    return bool(_NEGATION_WORDS.search(text)) or bool(content_stems(text) & NEGATIONS)


class Grounder:
    """Grounds the drafts of one article; `text` is the whole article, `sentences` all its sentences."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.by_id = {s.id: s for s in sentences}
        self.folded = normalise(text)
        self.words = frozenset(_RUNS.findall(self.folded))  # indexed once: a name check is then linear in the name
        self.folded_by_id = {s.id: normalise(s.text) for s in sentences}
        self._found: dict[str, bool] = {}  # name -> occurs in the article (one scan per distinct name)
        self.places = {hit.actor.name for hit in gazetteer.find_places(text)}
        self.known: dict[str, str] = {}  # folded name or alias -> participant id (schema `all`)

    def _in_article(self, name: str) -> bool:
        """`_mentions` over the whole article, answered from the word index when a word is missing.

        Exact: every alphanumeric run of a whole-word match is a run of the article too.
        """
        if name not in self._found:
            self._found[name] = (all(run in self.words for run in _RUNS.findall(normalise(name)))
                                 and _mentions(self.folded, name))
        return self._found[name]

    # ------------------------------------------------------------------ items

    def ground(self, field_name: str, drafts: list[BaseModel], claim: tuple[str, ...] = (),
               item_model: Any = None) -> Grounded:
        build: Callable[[dict[str, Any]], BaseModel] = _BUILDERS.get(field_name) or (
            lambda d: self._generic(d, claim, item_model))
        result = Grounded()
        seen: dict[str, BaseModel] = {}
        for draft in drafts:
            data = draft.model_dump()
            try:
                item = build(self, data) if field_name in _BUILDERS else build(data)
            except _Reject as reject:
                result.dropped.append(Dropped(field_name, str(reject), data))
                continue
            except ValidationError as exc:
                result.dropped.append(Dropped(field_name, f"invalid item: {exc.errors()[0]['msg']}", data))
                continue
            if not all(verify(ev, self.text) for ev in item.evidence):
                result.dropped.append(Dropped(field_name, "quote does not equal the article slice", data))
                continue
            signature = item.id if isinstance(item, Participant) else item.model_dump_json(exclude={"evidence"})
            if signature in seen:
                _merge_into(seen[signature], item)
                result.dropped.append(Dropped(field_name, "duplicate item (evidence merged into the first)", data))
                continue
            seen[signature] = item
            result.items.append(item)
        if field_name == "participants":
            result.dropped.extend(self._learn(result.items))
        return result

    def _evidence(self, data: dict[str, Any], claim: str, speaker: str | None = None,
                  polarity: bool = False) -> list[Evidence]:
        ids = data.get("sentences") or []
        missing = [i for i in ids if i not in self.by_id]
        if not ids or missing:
            raise _Reject(f"cites sentence(s) {missing or 'none'} that the article does not have")
        cited = [self.by_id[i] for i in sorted(set(ids))]
        holder = data.get("holder")
        if holder is not None:
            self._check_holder(holder)
        stated = " ".join(s.text for s in cited)
        if claim:
            self._check_support(claim, stated, holder or "")
            if polarity and _negated(claim) != _negated(stated):
                raise _Reject("polarity flip: the claim and its cited sentences disagree on a negation")
        span = locate(data["excerpt"], cited) if data.get("excerpt") else None
        if span is not None:
            return [Evidence(quote=self.text[span[0]:span[1]], start=span[0], end=span[1], speaker=speaker)]
        return cite(ids, self.by_id, speaker)

    def _check_support(self, claim: str, stated: str, holder: str) -> None:
        wanted = content_stems(claim) - content_stems(holder)
        shared = wanted & content_stems(stated)
        if len(shared) < min(MIN_SHARED, len(wanted)) or not shared:
            raise _Reject("cited sentences do not state it (no content word in common)" if not shared else
                          "cited sentences do not state it (only one content word in common)")

    def _check_holder(self, holder: str) -> None:
        """The holder is a participant, a state or organisation the article names, or a name in the text."""
        folded = normalise(holder)
        if folded in self.known or self._in_article(holder):
            return
        actor = gazetteer.lookup(holder)
        if actor is not None and actor.name in self.places:
            return
        raise _Reject("holder is not named in the article")

    def holder_id(self, holder: str) -> str:
        return self.known.get(normalise(holder), slugify(holder))

    def _stances(self, d: dict[str, Any]) -> Stance:
        speaker = d["holder"] if d["attribution"] == "direct_quote" else None
        evidence = self._evidence(d, f"{d['topic']} {d['position']}", speaker, polarity=True)
        return Stance(holder=self.holder_id(d["holder"]), topic=d["topic"], polarity=d["polarity"],
                      position=d["position"], attribution=d["attribution"], evidence=evidence)

    def _conditions(self, d: dict[str, Any]) -> Condition:
        evidence = self._evidence(d, d["requirement"])
        return Condition(holder=self.holder_id(d["holder"]), conditions=d["conditions"],
                         requirement=d["requirement"], evidence=evidence)

    def _red_lines(self, d: dict[str, Any]) -> RedLine:
        evidence = self._evidence(d, d["line"])
        explicit = any("red line" in s.text.lower() for s in self._cited(d))
        return RedLine(holder=self.holder_id(d["holder"]), line=d["line"], kind=d["kind"],
                       consequence=d.get("consequence"), explicit=explicit, evidence=evidence)

    def _generic(self, d: dict[str, Any], claim: tuple[str, ...], item_model: Any) -> BaseModel:
        """A registered task without its own rules: claim fields must be stated, the holder must exist."""
        evidence = self._evidence(d, " ".join(str(d.get(f) or "") for f in claim))
        kept = {k: v for k, v in d.items() if k not in ("sentences", "excerpt")}
        if "holder" in kept:
            kept["holder"] = self.holder_id(kept["holder"])
        return item_model.model_validate({**kept, "evidence": [e.model_dump() for e in evidence]})

    def _cited(self, d: dict[str, Any]) -> list[Sentence]:
        return [self.by_id[i] for i in d.get("sentences") or [] if i in self.by_id]

    def _participants(self, d: dict[str, Any]) -> Participant:
        names = [d["name"], *[a for a in d.get("aliases") or [] if a]]
        aliases = [a for a in names[1:] if self._in_article(a) and normalise(a) != normalise(d["name"])]
        found = [n for n in names if self._in_article(n)]
        if not found:
            raise _Reject("neither the name nor any alias occurs in the article")
        mentioning = [s for s in self._cited(d) if any(_mentions(self.folded_by_id[s.id], n) for n in found)]
        if not mentioning:  # cite the first sentence that does name it
            mentioning = [next(s for s in self.by_id.values() if any(_mentions(self.folded_by_id[s.id], n) for n in found))]
        country = (d.get("country") or "").upper() or None
        return Participant(id=slugify(d["name"]), name=d["name"], kind=d["kind"], role=d.get("role"),
                           country=country if country and len(country) == 3 and country.isalpha() else None,
                           aliases=list(dict.fromkeys(aliases)), evidence=cite([s.id for s in mentioning], self.by_id))

    def _learn(self, participants: list[BaseModel]) -> list[Dropped]:
        """Remember the participants for holders; an alias that names another actor is not an alias."""
        names = {normalise(p.name): p.id for p in participants if isinstance(p, Participant)}
        dropped = []
        for p in participants:
            assert isinstance(p, Participant)
            keep = []
            for alias in p.aliases:
                other = names.get(normalise(alias))
                actor = gazetteer.lookup(alias)
                if (other is not None and other != p.id) or (
                        actor is not None and normalise(actor.name) != normalise(p.name) and p.kind == "person"):
                    dropped.append(Dropped("participants", f"alias {alias!r} names another actor, not {p.name}",
                                           {"name": p.name, "alias": alias}))
                else:
                    keep.append(alias)
            p.aliases = keep
        for p in participants:
            assert isinstance(p, Participant)
            surname = p.name.split()[-1:] if p.kind == "person" else []
            for name in (p.name, *p.aliases, *surname):
                self.known.setdefault(normalise(name), p.id)
        return dropped

    # ------------------------------------------------------------------ summary

    def summary(self, text: str, ids: list[int]) -> tuple[str, list[Evidence], list[Dropped]]:
        """Keep the summary sentences its cited sentences state; the evidence is those sentences."""
        cited = sorted({i for i in ids if i in self.by_id})
        stated = " ".join(self.by_id[i].text for i in cited)
        kept, dropped = [], []
        for sentence in split_sentences(text):
            try:
                if not cited:
                    raise _Reject("cites no sentence the article has")
                self._check_support(sentence.text, stated, "")
                kept.append(sentence.text)
            except _Reject as reject:
                dropped.append(Dropped("summary", f"summary sentence dropped: {reject}", {"sentence": sentence.text}))
        return " ".join(kept), (cite(cited, self.by_id) if kept else []), dropped


_BUILDERS: dict[str, Callable[..., BaseModel]] = {
    "stances": Grounder._stances, "conditions": Grounder._conditions, "red_lines": Grounder._red_lines,
    "participants": Grounder._participants,
}


def _merge_into(first: BaseModel, other: BaseModel) -> None:
    """One item per claim or actor: a repeat (e.g. from another chunk) adds its evidence and aliases."""
    spans = {(ev.start, ev.end) for ev in first.evidence}
    first.evidence.extend(ev for ev in other.evidence if (ev.start, ev.end) not in spans)
    first.evidence.sort(key=lambda ev: ev.start)
    if isinstance(first, Participant) and isinstance(other, Participant):
        known = {a.lower() for a in first.aliases} | {first.name.lower()}
        first.aliases.extend(a for a in other.aliases if a.lower() not in known)


class _Reject(Exception):
    pass
