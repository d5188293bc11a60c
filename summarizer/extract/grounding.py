"""Grounding: turn the model's citations into verbatim, verified evidence, and drop plausible errors.

An item leaves the tool only if (1) it cites at least one sentence that exists
and does not instruct the reader (a wrong number beside a right one is ignored),
(2) those sentences state it (support.py: shared content words, its predicate,
no negation flip read from the parse), (3) its holder is an actor the article
mentions (never by a word prefix), and (4) every quote equals the article slice
at its offsets. Evidence is the exact excerpt the model gave when it can be
found inside the cited sentences (exact match, then a strict fuzzy alignment),
else the whole sentences. Anything else is dropped with a reason, and keeps
the evidence it cited, so an evaluation can tell a right drop from a wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from pydantic import BaseModel, ValidationError

from summarizer.core.schemas import Condition, Evidence, Participant, RedLine, Stance
from summarizer.extract import negation, support
from summarizer.extract.actors import Names, Reject
from summarizer.extract.evidence import cite, locate, verify
from summarizer.text.normalize import STOPWORDS, content_stems
from summarizer.text.segment import Sentence, split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["STOPWORDS", "Dropped", "Grounded", "Grounder", "cite", "locate", "verify"]

# Negation stems, kept for the rules' stance reader (rules/stances.py); grounding reads negation from the parse.
NEGATIONS = frozenset(content_stems("not no never refuse refuses refused reject rejects rejected deny denies "
                                    "denied oppose opposes opposed against cannot won't nor neither")) | {"not", "no"}


@dataclass
class Dropped:
    """An item that does not leave the tool: why, what it said, and where it pointed (when it could)."""

    field: str
    reason: str
    item: dict[str, Any]
    evidence: list[Evidence] = field(default_factory=list)
    holder: str | None = None


@dataclass
class Grounded:
    items: list[BaseModel] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


class Grounder(Names):
    """Grounds the drafts of one article; `text` is the whole article, `sentences` all its sentences."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        super().__init__(text, sentences)
        self._docs: dict[str, "Doc"] = {}  # parsed on first need, once per text

    def _parse(self, texts: list[str]) -> list["Doc"]:
        from summarizer.errors import InputError
        from summarizer.rules.nlp import parse

        todo = [t for t in dict.fromkeys(texts) if t not in self._docs]
        try:
            self._docs.update(zip(todo, parse(todo)))
        except InputError as exc:  # the rules' wording names their provider; say who needs it here
            raise InputError("grounding reads negation scope from the spaCy parse, and the model "
                             "en_core_web_sm is not installed", exc.hint) from None
        return [self._docs[t] for t in texts]

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
            except Reject as reject:
                result.dropped.append(self._dropped(field_name, str(reject), data))
                continue
            except ValidationError as exc:
                result.dropped.append(self._dropped(field_name, f"invalid item: {exc.errors()[0]['msg']}", data))
                continue
            if not all(verify(ev, self.text) for ev in item.evidence):
                result.dropped.append(self._dropped(field_name, "quote does not equal the article slice", data))
                continue
            signature = item.id if isinstance(item, Participant) else item.model_dump_json(exclude={"evidence"})
            if signature in seen:
                _merge_into(seen[signature], item)
                result.dropped.append(Dropped(field_name, "duplicate item (evidence merged into the first)", data,
                                              list(item.evidence), getattr(item, "holder", None)))
                continue
            seen[signature] = item
            result.items.append(item)
        if field_name == "participants":
            result.items, lost = self.learn(result.items)
            result.dropped += [Dropped("participants", reason, said, list(p.evidence) if p else [])
                               for reason, said, p in lost]
        return result

    def _dropped(self, field_name: str, reason: str, data: dict[str, Any]) -> Dropped:
        """What a dropped item pointed at: its existing cited sentences (or its excerpt in them)."""
        cited = self._cited(data)
        span = locate(data["excerpt"], cited) if data.get("excerpt") and cited else None
        evidence = ([Evidence(quote=self.text[span[0]:span[1]], start=span[0], end=span[1])] if span
                    else cite([s.id for s in cited], self.by_id))
        holder = data.get("holder")
        return Dropped(field_name, reason, data, evidence, self.holder_id(holder) if isinstance(holder, str) else None)

    def _evidence(self, data: dict[str, Any], claim: str, statement: str, speaker: str | None = None,
                  polarity: bool = False) -> list[Evidence]:
        ids = data.get("sentences") or []
        cited = self._cited(data)
        if not cited:
            raise Reject(f"cites sentence(s) {ids or 'none'} that the article does not have")
        honest = [s for s in cited if s.id in self.honest]
        if not honest:
            raise Reject("its only evidence is a sentence that instructs the reader")
        holder = data.get("holder")
        if holder is not None:
            self.check_holder(holder)
        if claim:
            self._check_statement(claim, statement, honest, holder or "", polarity)
        span = locate(data["excerpt"], honest) if data.get("excerpt") else None
        if span is not None:
            return [Evidence(quote=self.text[span[0]:span[1]], start=span[0], end=span[1], speaker=speaker)]
        return cite([s.id for s in honest], self.by_id, speaker)

    def _check_statement(self, claim: str, statement: str, cited: list[Sentence], holder: str,
                         polarity: bool) -> None:
        """Words first; the parse only when they cannot settle the predicate or a negation is in play."""
        stated = " ".join(s.text for s in cited)
        reason = support.shared_words(claim, stated, holder)
        if reason is None and support.verbatim(statement, stated, holder):
            return
        predicate = bool(statement) and support.needs_parse(statement, stated)
        flip = polarity and bool(statement) and (negation.has_cue(statement) or negation.has_cue(stated))
        if reason is None and (predicate or flip):
            claim_doc, *docs = self._parse([statement, *(s.text for s in cited)])
            reason = (support.missing_predicate(claim_doc, docs) if predicate else None) or (
                support.flipped(claim_doc, docs) if flip else None)
        if reason is not None:
            raise Reject(reason)

    def _stances(self, d: dict[str, Any]) -> Stance:
        speaker = d["holder"] if d["attribution"] == "direct_quote" else None
        evidence = self._evidence(d, f"{d['topic']} {d['position']}", d["position"], speaker, polarity=True)
        return Stance(holder=self.holder_id(d["holder"]), topic=d["topic"], polarity=d["polarity"],
                      position=d["position"], attribution=d["attribution"], evidence=evidence)

    def _conditions(self, d: dict[str, Any]) -> Condition:
        # what the item states is the step and its requirement together ("no easing of sanctions while the
        # fighting goes on" states both), as a stance states its topic and position
        evidence = self._evidence(d, f"{d['conditions']} {d['requirement']}", d["requirement"])
        return Condition(holder=self.holder_id(d["holder"]), conditions=d["conditions"],
                         requirement=d["requirement"], evidence=evidence)

    def _red_lines(self, d: dict[str, Any]) -> RedLine:
        evidence = self._evidence(d, f"{d['line']} {d.get('consequence') or ''}", d["line"])
        explicit = any("red line" in s.text.lower() for s in self._cited(d))
        return RedLine(holder=self.holder_id(d["holder"]), line=d["line"], kind=d["kind"],
                       consequence=d.get("consequence"), explicit=explicit, evidence=evidence)

    def _generic(self, d: dict[str, Any], claim: tuple[str, ...], item_model: Any) -> BaseModel:
        """A registered task without its own rules: claim fields must be stated, the holder must exist."""
        said = " ".join(str(d.get(f) or "") for f in claim)
        evidence = self._evidence(d, said, said)
        kept = {k: v for k, v in d.items() if k not in ("sentences", "excerpt")}
        if "holder" in kept:
            kept["holder"] = self.holder_id(kept["holder"])
        return item_model.model_validate({**kept, "evidence": [e.model_dump() for e in evidence]})

    def _cited(self, d: dict[str, Any]) -> list[Sentence]:
        """The cited sentences the article has, in order; a wrong number beside right ones is ignored."""
        ids = d.get("sentences") or []
        return [self.by_id[i] for i in sorted({i for i in ids if isinstance(i, int) and i in self.by_id})]

    def _participants(self, d: dict[str, Any]) -> Participant:
        return self.participant(d)

    # ------------------------------------------------------------------ summary

    def summary(self, text: str, ids: list[int]) -> tuple[str, list[Evidence], list[Dropped]]:
        """Keep the summary sentences its cited sentences state; the evidence is those sentences."""
        cited = sorted({i for i in ids if i in self.by_id and i in self.honest})
        stated = " ".join(self.by_id[i].text for i in cited)
        kept, dropped = [], []
        for sentence in split_sentences(text):
            reason = support.shared_words(sentence.text, stated, "") if cited else \
                "cites no sentence the article has (that does not instruct the reader)"
            if reason is None:
                kept.append(sentence.text)
            else:
                dropped.append(Dropped("summary", f"summary sentence dropped: {reason}", {"sentence": sentence.text}))
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
