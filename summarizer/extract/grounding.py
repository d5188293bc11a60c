"""Grounding: turn the model's sentence citations into verbatim, verified evidence.

An item leaves the tool only if (1) it cites sentences that exist, (2) those
sentences share content with what the item claims, and (3) every quote equals the
article slice at its offsets. Anything else is dropped and counted with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from pydantic import BaseModel, ValidationError

from summarizer.core.schemas import Condition, Evidence, Participant, RedLine, Stance, slugify
from summarizer.text.segment import Sentence

STOPWORDS = frozenset(
    """the a an and or of to in on for with by from at as is are was were be been being that this these those
    it its his her their our we they he she them you not no but if then than will would shall should can could
    may might must has have had do does did said says say also any all such into over under about after before
    more most very which who whom what when where while there here one other some only just""".split()
)


@dataclass
class Dropped:
    field: str
    reason: str
    item: dict[str, Any]


@dataclass
class Grounded:
    items: list[BaseModel] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


def content_stems(text: str) -> set[str]:
    """Lower-cased content words cut to 5 letters, so 'negotiations' meets 'negotiate'."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return {w[:5] for w in words if len(w) >= 4 and w not in STOPWORDS}


def verify(evidence: Evidence, text: str) -> bool:
    return 0 <= evidence.start <= evidence.end <= len(text) and text[evidence.start : evidence.end] == evidence.quote


def cite(ids: Iterable[int], sentences: dict[int, Sentence], speaker: str | None = None) -> list[Evidence]:
    """Evidence from sentence ids; KeyError for an id the article does not have."""
    unique = sorted(set(ids))
    return [Evidence(quote=sentences[i].text, start=sentences[i].start, end=sentences[i].end, speaker=speaker)
            for i in unique]


def _mentions(text: str, name: str) -> bool:
    return bool(name) and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.I) is not None


def _holder_in_article(holder: str, text: str) -> bool:
    stems = {w[:4] for w in re.findall(r"[^\W\d_]+", holder.lower()) if len(w) >= 3 and w not in STOPWORDS}
    article = {w[:4] for w in re.findall(r"[^\W\d_]+", text.lower())}
    return bool(stems & article)


class Grounder:
    """Grounds the drafts of one article; `text` is the whole article, `sentences` all its sentences."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.by_id = {s.id: s for s in sentences}

    def ground(self, field_name: str, drafts: list[BaseModel]) -> Grounded:
        result = Grounded()
        seen: dict[str, BaseModel] = {}
        for draft in drafts:
            data = draft.model_dump()
            try:
                item = getattr(self, f"_{field_name}")(data)
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
        return result

    def _evidence(self, data: dict[str, Any], claim: str, speaker: str | None = None) -> list[Evidence]:
        ids = data.get("sentences") or []
        missing = [i for i in ids if i not in self.by_id]
        if not ids or missing:
            raise _Reject(f"cites sentence(s) {missing or 'none'} that the article does not have")
        evidence = cite(ids, self.by_id, speaker)
        if claim and not (content_stems(claim) & content_stems(" ".join(e.quote for e in evidence))):
            raise _Reject("cited sentences do not state it (no content word in common)")
        if not _holder_in_article(data.get("holder") or data.get("name") or "", self.text):
            raise _Reject("holder is not named in the article")
        return evidence

    def _stances(self, d: dict[str, Any]) -> Stance:
        speaker = d["holder"] if d["attribution"] == "direct_quote" else None
        evidence = self._evidence(d, f"{d['topic']} {d['position']}", speaker)
        return Stance(holder=slugify(d["holder"]), topic=d["topic"], polarity=d["polarity"],
                      position=d["position"], attribution=d["attribution"], evidence=evidence)

    def _conditions(self, d: dict[str, Any]) -> Condition:
        evidence = self._evidence(d, d["requirement"])
        return Condition(holder=slugify(d["holder"]), conditions=d["conditions"], requirement=d["requirement"],
                         evidence=evidence)

    def _red_lines(self, d: dict[str, Any]) -> RedLine:
        evidence = self._evidence(d, d["line"])
        explicit = any("red line" in ev.quote.lower() for ev in evidence)
        return RedLine(holder=slugify(d["holder"]), line=d["line"], kind=d["kind"], consequence=d.get("consequence"),
                       explicit=explicit, evidence=evidence)

    def _participants(self, d: dict[str, Any]) -> Participant:
        names = [d["name"], *[a for a in d.get("aliases") or [] if a]]
        aliases = [a for a in names[1:] if _mentions(self.text, a) and a.lower() != d["name"].lower()]
        found = [n for n in names if _mentions(self.text, n)]
        if not found:
            raise _Reject("neither the name nor any alias occurs in the article")
        cited = [self.by_id[i] for i in d.get("sentences") or [] if i in self.by_id]
        mentioning = [s for s in cited if any(_mentions(s.text, n) for n in found)]
        if not mentioning:  # cite the first sentence that does name it
            mentioning = [next(s for s in self.by_id.values() if any(_mentions(s.text, n) for n in found))]
        country = (d.get("country") or "").upper() or None
        return Participant(id=slugify(d["name"]), name=d["name"], kind=d["kind"], role=d.get("role"),
                           country=country if country and len(country) == 3 and country.isalpha() else None,
                           aliases=list(dict.fromkeys(aliases)), evidence=cite([s.id for s in mentioning], self.by_id))


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
