"""Bounded refusals and continuations (codebook §4 1.2), and their wording.

Which bounds count: a negated act ("no talks while X", "no way of signing while X", "signing X before Y is
something we cannot accept") or a continued one ("strikes will continue until X", "we will keep arming as
long as X"); a bound by a date only ("until next year", "until further notice") is none. What is conditioned:
the refused act, or ending / lifting / halting the continued one (acts and measures end, actors do not).

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

from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import gerund, negated, noun_phrase, step_phrase
from summarizer.rules.requirements import STEP_WORDS
from summarizer.rules.speakers import subject_of

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


# Nouns of "no way of X", "no basis to X": with a bound they refuse X like REFUSAL_NOUNS (§4 bounded refusals).
_NO_WAY = frozenset("way basis".split())


def is_continuation(main: "Token") -> bool:
    """A step kept up or suspended ("strikes will continue until X", "the freeze stays until X", §4 1.2)."""
    if main.lemma_.lower() in ("stay", "remain", "continue", "suspend", "keep", "halt", "freeze", "hold", "pause"):
        return True
    if main.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in main.children):
        return True  # "the strikes will go on until X"
    return kept_act(main) is not None or any(c.dep_ == "xcomp" and c.lemma_.lower() in ("continue", "keep")
                                          for c in [main, *main.children])


def kept_act(main: "Token") -> "Token | None":
    """The act a verb of continuation governs ("keep strengthening X": the clause may hang on either verb)."""
    if main.dep_ == "xcomp" and main.tag_ == "VBG" and main.head.lemma_.lower() in ("keep", "continue"):
        return main
    if main.lemma_.lower() in ("keep", "continue"):
        return next((c for c in main.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    return None


def lasting_bound(doc: "Doc", cue: "Token") -> bool:
    """ "while X", "as long as X": the bound names a state that lasts (its end is the requirement)."""
    return cue.lower_ == "while" or (cue.lower_ == "as" and cue.i >= 2 and doc[cue.i - 1].lower_ == "long")


def halted_step(doc: "Doc", main: "Token", exclude: set[int]) -> str | None:
    """A continued act of the holder's own ("we will keep arming as long as X"): the step conditioned is
    halting it (as "strikes will continue until X" conditions ending the strikes, §4 1.2)."""
    act = kept_act(main)
    return f"halting {step_phrase(doc, act, drop=('advcl',), exclude=frozenset(exclude))}" if act is not None else None


# Military acts that go on and end ("the raids will continue until X": ending the raids).
_CAMPAIGNS = frozenset("raid campaign operation offensive war hostility patrol".split())
# Measures that are lifted rather than ended ("the ban stays until X" conditions lifting the ban).
_LIFTED = frozenset("ban sanction embargo suspension blockade siege restriction freeze closure measure".split())


def names_act(noun: "Token") -> bool:
    """A noun naming an act or a measure, which can end ("the strikes", "the fighting", "the suspension"), not
    an actor ("the army", "the bloc")."""
    lemma = noun.lemma_.lower()
    if lemma == "force":
        return False  # "the forces": troops, actors ("use force" is an act, but never the subject that stays)
    return lemma in lex.HOSTILE_ACTS | lex.HOSTILE_CONDUCT | lex.RESPONSE_NOUNS | _LIFTED | _CAMPAIGNS or lemma.endswith(
        ("ing", "tion", "sion", "ment", "ade", "ure"))


def date_bound(obj: "Token") -> bool:
    """ "until 2030", "until next week", "until further notice": a bound by a date only, no condition (§4 1.2)."""
    return obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in ("notice", "then", "now")


def ended_step(doc: "Doc", main: "Token") -> str | None:
    """The step a bounded continuation conditions, worded as the codebook's example: "ending the strikes",
    "lifting the ban" (the continued subject, named), else None."""
    subj = subject_of(main)
    if not is_continuation(main) or subj is None or subj.pos_ != "NOUN":
        return None
    state = next((_UNDONE[c.lower_] for c in main.children if c.dep_ == "acomp" and c.lower_ in _UNDONE), None)
    if state is not None:  # "the border stays shut until X": reopening the border
        return f"{state} {noun_phrase(doc, subj, STEP_WORDS)}"
    if not names_act(subj):
        return None
    return f"{'lifting' if subj.lemma_.lower() in _LIFTED else 'ending'} {noun_phrase(doc, subj, STEP_WORDS)}"


# States a continuation keeps and the step that undoes them ("stays shut" -> reopening, "remains suspended" ->
# resuming): the step conditioned by a bounded continuation of a state (§4 1.2).
_UNDONE = {"shut": "reopening", "closed": "reopening", "suspended": "resuming", "frozen": "unfreezing",
           "blocked": "unblocking", "sealed": "reopening"}


def denied(verb: "Token") -> bool:
    """The predicate is negated, on the verb or by a negative subject ("neither A nor B can", "no side can")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return negated(verb) or subj is not None and (subj.lower_ in ("nobody", "none", "neither") or any(
        c.lower_ in ("neither", "no") and c.dep_ in ("preconj", "det") for c in subj.children))


def refused_object(doc: "Doc", main: "Token", refused: "Token") -> str | None:
    """ "cannot accept an election held while X": the bound hangs on a participle inside the refused verb's
    object; the step is the refused act on that object (`accepting an election`)."""
    path, tok = [], main
    while tok.i != refused.i and tok.dep_ in ("acl", "dobj", "xcomp") and len(path) < 3:
        path.append(tok)
        tok = tok.head
    obj = next((t for t in path if t.dep_ == "dobj"), None)
    if tok.i != refused.i or obj is None or refused.pos_ != "VERB":
        return None
    return f"{gerund(refused.lemma_.lower())} {noun_phrase(doc, obj, STEP_WORDS)}"


def refused_act(main: "Token") -> "tuple[Token, bool] | None":
    """(the refused act a bound hangs on, named apart from the bounded clause), else None: the bounded
    step negated (not apart); the act of a refusal noun
    ("no intention of easing X while Y", "no way of signing while Y"); or an act named as the subject of
    a negated acceptance ("signing X before Y is something we cannot accept", §5 refusal + §4 condition)."""
    for tok in [main, *list(main.ancestors)[:3]]:
        if negated(tok):
            return tok, False
        nouns = [tok, *[c for c in tok.children if c.dep_ in ("dobj", "attr")]]
        for noun in nouns:
            if noun.lemma_.lower() in lex.REFUSAL_NOUNS | _NO_WAY and any(c.lower_ == "no" for c in noun.children):
                of = next((c for c in noun.children if c.dep_ in ("prep", "acl") and c.lower_ in ("of", "for")
                           or c.dep_ == "acl"), None)
                act = next((c for c in of.children if c.dep_ in ("pcomp", "pobj")), of) if of is not None else None
                return (act, True) if act is not None and act.pos_ == "VERB" else (main, False)
    for tok in [main, *list(main.ancestors)[:5]]:
        if tok.dep_ == "csubj" and tok.head.lemma_ == "be" and any(
                c.dep_ == "attr" and any(r.dep_ == "relcl" and negated(r) for r in c.children) for c in tok.head.children):
            return tok, True
    return None
