"""Who an item is about: holders and participants must be actors the article names.

A name counts only as a whole word of the article (never a prefix), answered from a
word index so a check is linear in the name. A holder may also be a state the article
names, by any of its forms, or one of its voices worded differently ("the Iranian foreign
ministry" where the article says "Iran's foreign ministry"), when the office words are in
the article too. A participant needs its name or an
alias in the article, before and after aliases that name another actor are pruned,
and a mention outside the sentences that instruct the reader.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from summarizer.core.schemas import Participant
from summarizer.entities import gazetteer
from summarizer.extract.evidence import cite
from summarizer.extract.support import instructs
from summarizer.rules import lexicon as lex
from summarizer.text.normalize import normalise, slugify
from summarizer.text.segment import Sentence

_RUNS = re.compile(r"[a-z0-9]+")
# Words of a state's official voices and offices (codebook §1): "the Iranian foreign ministry" is Iran's.
_VOICES = lex.STATE_VOICES | lex.PERSON_ROLES | lex.TITLE_WORDS


class Reject(Exception):
    """The item does not leave the tool; the message is the reason recorded with it."""


def mentions(text: str, name: str) -> bool:
    """A whole-word, case-insensitive occurrence of the name (folded), never a prefix of a longer word."""
    words = normalise(name)
    return bool(words) and re.search(rf"(?<![a-z0-9]){re.escape(words)}(?![a-z0-9])", text) is not None


class Names:
    """The article's names, indexed once; participants learnt here resolve later holders (schema `all`)."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.by_id = {s.id: s for s in sentences}
        self.folded = normalise(text)
        self.words = frozenset(_RUNS.findall(self.folded))  # indexed once: a name check is then linear in the name
        self.folded_by_id = {s.id: normalise(s.text) for s in sentences}
        self.honest = {s.id for s in sentences if not instructs(s.text)}
        self._found: dict[str, bool] = {}  # name -> occurs in the article (one scan per distinct name)
        self.places = {hit.actor.name for hit in gazetteer.find_places(text)}
        self.known: dict[str, str] = {}  # folded name or alias -> participant id

    def in_article(self, name: str) -> bool:
        """`mentions` over the whole article, answered from the word index when a word is missing.

        Exact: every alphanumeric run of a whole-word match is a run of the article too.
        """
        if name not in self._found:
            self._found[name] = (all(run in self.words for run in _RUNS.findall(normalise(name)))
                                 and mentions(self.folded, name))
        return self._found[name]

    def check_holder(self, holder: str) -> None:
        """The holder is a participant, a state or organisation the article names, or a name in the text."""
        folded = normalise(holder)
        if folded in self.known or self.in_article(holder):
            return
        actor = gazetteer.lookup(holder)
        if actor is not None and actor.name in self.places:
            return
        words = normalise(holder).split()  # "Iranian Foreign Ministry" for "Iran's foreign ministry" (§1 voices)
        voice = [w for w in words if w in _VOICES]
        rest = " ".join(w for w in words if w not in _VOICES and w not in ("the", "of"))
        if voice and rest and all(w in self.words for w in voice):
            actor = gazetteer.lookup(rest)
            if actor is not None and actor.name in self.places:
                return
        raise Reject("holder is not named in the article")

    def holder_id(self, holder: str) -> str:
        return self.known.get(normalise(holder), slugify(holder))

    def _naming(self, names: list[str], among: list[Sentence]) -> list[Sentence]:
        return [s for s in among if s.id in self.honest and any(mentions(self.folded_by_id[s.id], n) for n in names)]

    def participant(self, d: dict[str, Any]) -> Participant:
        names = [d["name"], *[a for a in d.get("aliases") or [] if a]]
        aliases = [a for a in names[1:] if self.in_article(a) and normalise(a) != normalise(d["name"])]
        found = [n for n in names if self.in_article(n)]
        if not found:
            raise Reject("neither the name nor any alias occurs in the article")
        cited = [self.by_id[i] for i in d.get("sentences") or [] if i in self.by_id]
        mentioning = self._naming(found, cited) or self._naming(found, list(self.by_id.values()))[:1]
        if not mentioning:
            raise Reject("named only in a sentence that instructs the reader")
        country = (d.get("country") or "").upper() or None
        return Participant(id=slugify(d["name"]), name=d["name"], kind=d["kind"], role=d.get("role"),
                           country=country if country and len(country) == 3 and country.isalpha() else None,
                           aliases=list(dict.fromkeys(aliases)), evidence=cite([s.id for s in mentioning], self.by_id))

    def learn(self, participants: list[BaseModel]) -> tuple[list[BaseModel], list[tuple[str, dict[str, Any], Any]]]:
        """Remember the participants for holders; an alias that names another actor is not an alias.

        After pruning, a participant whose name and remaining aliases are not in the article is
        dropped (an absent person with another actor's name as alias). Returns the kept participants
        and (reason, what it said, the participant or None) for every alias or participant dropped.
        """
        names = {normalise(p.name): p.id for p in participants if isinstance(p, Participant)}
        dropped: list[tuple[str, dict[str, Any], Any]] = []
        kept: list[BaseModel] = []
        for p in participants:
            assert isinstance(p, Participant)
            keep = []
            for alias in p.aliases:
                other = names.get(normalise(alias))
                actor = gazetteer.lookup(alias)
                if (other is not None and other != p.id) or (
                        actor is not None and normalise(actor.name) != normalise(p.name) and p.kind == "person"):
                    dropped.append((f"alias {alias!r} names another actor (not {p.name!r})",
                                    {"name": p.name, "alias": alias}, None))
                else:
                    keep.append(alias)
            if keep != p.aliases and not self.in_article(p.name) and not any(self.in_article(a) for a in keep):
                dropped.append(("neither the name nor an alias of its own occurs in the article",
                                p.model_dump(mode="json", exclude={"evidence"}), p))
                continue
            if keep != p.aliases:  # cite only sentences naming what is left
                p.evidence = [ev for ev in p.evidence if any(mentions(normalise(ev.quote), n) for n in (p.name, *keep))]
                p.evidence = p.evidence or cite([s.id for s in self._naming([p.name, *keep],
                                                                            list(self.by_id.values()))[:1]], self.by_id)
            p.aliases = keep
            kept.append(p)
        for p in kept:
            assert isinstance(p, Participant)
            surname = p.name.split()[-1:] if p.kind == "person" else []
            for name in (p.name, *p.aliases, *surname):
                self.known.setdefault(normalise(name), p.id)
        return kept, dropped
