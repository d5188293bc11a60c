"""Wording a bound as the codebook words it: what must hold first is the end of the bounding state.

Codebook §4: *no talks as long as the blockade lasts* → requirement `the blockade ends`; *strikes will
continue until the raids stop* → conditions `ending the strikes`. A bound opened by "as long as" or
"while" names a state that lasts; the requirement is that it stops, by English grammar:
- "X continues / goes on" → "X stops"; "X lasts / persists / remains" → "X ends";
- "X keeps doing Y", "X is doing Y", "X does Y" → "X stops doing Y"; "X keeps up Y" → "X stops Y";
- "X still does Y" → "X no longer does Y"; "X is Y" (a state) → "X is no longer Y";
- "there is no X" → "X exists".
A bound already worded as its end ("until X", "unless X") is left as written, and so is one this
cannot read (negated, passive, a predicative complement: "went unpunished").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules.clauses import gerund

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_STOPPING = frozenset("continue go persist".split())  # a process: it stops
_ENDING = frozenset("last remain".split())  # a state: it ends
_KEEP = frozenset("keep continue".split())  # "keeps attacking": the aspectual verb is dropped
_BARE = frozenset("nsubj aux advmod punct mark".split())  # an intransitive "continues", "lasts"


def _plural(subj: "Token | None") -> bool:
    return subj is not None and (subj.tag_ in ("NNS", "NNPS") or subj.lower_ in ("they", "we", "you")
                                 or any(c.dep_ == "conj" for c in subj.children))


def _join(words: list[str]) -> str:
    return " ".join(" ".join(words).replace(" ,", ",").replace(" 's", "'s").replace(" ’s", "’s").split())


def _words(doc: "Doc", idx: list[int], clause: "Token") -> list[str]:
    """The words at `idx`, coordinated finite verbs of the clause as gerunds ("and holds X" -> "and holding X")."""
    return [gerund(doc[i].lemma_.lower()) if doc[i].dep_ == "conj" and doc[i].head.i == clause.i
            and doc[i].tag_ in ("VBZ", "VBP", "VBD") else doc[i].text for i in idx]


def bound_ended(doc: "Doc", clause: "Token", req: list["Token"]) -> str | None:
    """The end of the state an "as long as"/"while" clause names, else None (left as written)."""
    kids = list(clause.children)
    if any(c.dep_ in ("neg", "auxpass", "acomp", "oprd") for c in kids):
        return None
    span = [t for t in clause.doc[min(t.i for t in req):max(t.i for t in req) + 1]]
    while span and span[-1].is_punct:
        span.pop()
    keep = [t.i for t in span]  # the clause as written, with the words that join its parts
    attr = next((c for c in kids if c.dep_ == "attr"), None)
    if any(c.dep_ == "expl" for c in kids) and clause.lemma_ == "be" and attr is not None:
        no = next((d for d in attr.children if d.lower_ == "no" and d.dep_ == "det"), None)
        if no is None:
            return None  # "there is no X (that Y)" -> "X (that Y) exists"
        return _join([*(doc[i].text for i in keep if i > no.i), "exist" if _plural(attr) else "exists"])
    subj = next((c for k in [clause, *(c for c in kids if c.dep_ == "aux")] for c in k.children
                 if c.dep_ in ("nsubj", "nsubjpass")), None)  # "as long as X keeps Y-ing": X may hang on "keeps"
    if subj is None or subj.i > clause.i:
        return None
    ends = "stop" if _plural(subj) else "stops"
    still = next((c for c in kids if c.lower_ == "still"), None)
    if still is not None:  # "while the law still claims X" -> "the law no longer claims X"
        return _join(["no longer" if i == still.i else doc[i].text for i in keep])
    aspect = {c.i for c in kids if c.dep_ == "aux" and (c.lemma_.lower() in _KEEP | {"be", "do"}
                                                       or c.lower_.rstrip("sed") in _KEEP)}
    head = [doc[i].text for i in keep if i < clause.i and i not in aspect]
    tail = _words(doc, [i for i in keep if i > clause.i], clause)
    lemma = clause.lemma_.lower()
    if clause.pos_ == "AUX" or lemma == "be":  # "as long as the talks are stalled" -> "... are no longer stalled"
        return _join([*head, clause.text, "no longer", *tail])
    if all(c.dep_ in _BARE for c in kids):
        if lemma in _STOPPING:
            return _join([*head, ends])
        if lemma in _ENDING:
            return _join([*head, "end" if _plural(subj) else "ends"])
    if lemma in _KEEP:  # "keeps attacking" parsed with "keeps" as head; "keeps up its strikes" -> "stops its strikes"
        prt = {c.i for c in kids if c.dep_ == "prt"}
        return _join([*head, ends, *_words(doc, [i for i in keep if i > clause.i and i not in prt], clause)])
    return _join([*head, ends, gerund(lemma), *tail])
