"""Conditions: requirements a participant sets on a cooperative step, from the grammar of conditionality.

Codebook §4 ("provided (that)", "if", "only if", "unless", "as long as", "until", "the only way
to ... is", "must be based on", "shall be conducted within", "the main requirement is"), read
as English grammar:
- a conditional adverbial clause attached to a main clause: conditions = the step the main clause
  names, requirement = the subordinate clause. Plain "if" / "once" / "as soon as" / "in exchange
  for" and an inverted "Should X ..." need a cooperative step or a declared readiness (1.2:
  assessments with "if" are not conditions); "only if / only once / only after", "unless",
  "provided (that)", "as long as", "on condition / on the understanding that" state a necessary
  condition, so any step of the holder's counts; "talks only on / with / by X" likewise;
- "until" / "while" / "before" bounding a negated or continued step ("no talks while the raids go
  on", "strikes will continue until X", 1.2 bounded refusals and continuations);
- "without X, there can be no Y";
- requirement statements (`rules.requirements`): "the precondition for talks is X", "depends on X",
  "contingent on X", "any deal must X", "limited to X", "if it wants X it must Y", "Y before we X".
A hostile response in the main clause ("we will respond if attacked") is a red line, not a condition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from summarizer.rules import lexicon as lex
from summarizer.rules.bounds import (bound_ended, date_bound, denied, ended_step, halted_step, is_continuation,
                                      lasting_bound, refused_act, refused_object)
from summarizer.rules.clauses import noun_phrase, step_phrase, text_of, verb_phrase
from summarizer.rules.condition_steps import READY, cooperative, hostile, readiness, reciprocal
from summarizer.rules.condition_clauses import (FALLBACK, clause_of, joined, misread_condition, reported_content,
                                                trimmed)
from summarizer.rules.requirements import STEP_WORDS, requirement_statements
from summarizer.rules.speakers import Holder, Speech, holder_name, holders_of, subject_of
from summarizer.rules.stances import shorten
from summarizer.rules.triggers import fronted_conditional

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

Item = dict[str, Any]
Resolver = Callable[["Token"], list[Holder]]


def _clause_tokens(clause: "Token", mark: "Token | None") -> list["Token"]:
    """The subordinate clause without its subordinator and a focusing adverb before it ("only if")."""
    focus = {c.i for c in clause.children if c.dep_ == "advmod" and c.lower_ in ("only", "even", "just")
             and mark is not None and c.i < mark.i}
    return [t for t in clause.subtree if t.i not in focus and (mark is None or (t.i != mark.i
                                                                                and t not in mark.children))]


def _object_of(cue: "Token") -> set[int]:
    """The verb's dependent that holds a cue hung on a noun ("allow the return of refugees provided that X"):
    it stays in the step, cut before the cue, even when the parser hangs the requirement inside it too."""
    top = cue
    while top.head.i != top.i and top.head.pos_ not in ("VERB", "AUX"):
        top = top.head
    return {t.i for t in top.subtree}


def _no_such(verb: "Token") -> bool:
    """ "there is no deal", "there will be no talks": the existence of the step is denied."""
    return verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children) and any(
        c.dep_ == "attr" and any(d.lower_ == "no" and d.dep_ == "det" for d in c.children) for c in verb.children)


def _focused(doc: "Doc", mark: "Token", main: "Token") -> bool:
    """ "only if", "only once", "only after": a focusing "only" before the subordinator makes it a
    necessary condition (§4 "only if"), even when it hangs on the main verb ("could only work once")."""
    return (mark.i > 0 and doc[mark.i - 1].lower_ == "only") or any(
        c.lower_ == "only" and c.i < mark.i for c in [*main.children, *mark.head.children])


Cand = tuple["Token", "Token", list["Token"], str]  # (cue, main clause head, requirement tokens, mode)


def _marked(doc: "Doc", tok: "Token") -> Cand | None:
    """A subordinate clause marked by a conjunction of condition, bound or time (§4 signals)."""
    clause = clause_of(tok)
    main = clause.head
    while (main.dep_ == "advmod" or main.lower_ in ("long", "for")) and main.dep_ in ("advmod", "pcomp", "prep") \
            and main.head.i != main.i:  # "(for) as long as": the clause hangs on "long", itself on "for"
        main = main.head
    main = reported_content(main, tok)
    low = tok.lower_
    long_as = low == "as" and tok.i >= 2 and doc[tok.i - 1].lower_ == "long" and doc[tok.i - 2].lower_ in ("as", "so")
    soon_as = low == "as" and tok.i >= 2 and doc[tok.i - 1].lower_ == "soon" and doc[tok.i - 2].lower_ == "as"
    if clause.lemma_.lower() in lex.REPORTING and any(c.lower_ in ("may", "might", "can") for c in clause.children):
        return None  # "if I may add": a conditional of the speech act, no requirement
    req = _clause_tokens(clause, tok) + joined(clause, main)
    only = _focused(doc, tok, main)
    if long_as or low in lex.STRONG_MARKS or (only and low in lex.CONDITIONAL_MARKS | {"after", "when"}):
        return tok, main, req, "strong"
    if low in lex.CONDITIONAL_MARKS or soon_as:  # 1.2: "as soon as the parties are ready"
        if clause.lemma_.lower() in FALLBACK:
            return None  # "if they refuse, we will seek Y": a fallback, no requirement
        return tok, main, req, "if"
    if low in lex.BOUNDING_MARKS and not (low == "while" and tok.i > 0 and doc[tok.i - 1].is_punct):
        return tok, main, req, "bounded"  # a comma before "while" makes it contrastive, not a bound
    subj = subject_of(main)
    if low == "after" and subj is not None and subj.lemma_.lower() in lex.COOPERATIVE and any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "can", "could", "shall") for c in main.children):
        return tok, main, req, "strong"  # "cooperation would come after guarantees are in place"
    return None


def _found(doc: "Doc") -> list[Cand]:
    """(cue, main clause head, requirement tokens, mode) for each conditional construction."""
    found: list[Cand] = []
    for tok in doc:
        low = tok.lower_
        if tok.dep_ == "mark" and (clause_of(tok).dep_ == "advcl" or misread_condition(tok)):
            if (hit := _marked(doc, tok)) is not None:
                found.append(hit)
        elif tok.dep_ in ("advcl", "ccomp") and (aux := fronted_conditional(tok)) is not None:
            found.append((aux, tok.head, _clause_tokens(tok, aux), "if"))  # "Should X agree, we will talk"
        elif low in ("provided", "providing") and tok.dep_ in ("advcl", "prep", "conj", "mark", "acl", "ccomp"):
            clause = next((c for c in tok.children if c.dep_ in ("ccomp", "advcl", "pobj", "pcomp")), None)
            if clause is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "that":
                clause = doc[tok.i + 1].head  # "provided that X" with X parsed as a complement of the main verb
            # "would observe a ceasefire provided that X": the parse may hang it on the object noun
            main = reported_content(tok.head if tok.head.pos_ in ("VERB", "AUX") else next(
                (a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), tok.head), tok)
            if clause is not None:
                found.append((tok, main, _clause_tokens(clause, None), "strong"))
        elif low in ("until", "till") and tok.dep_ == "prep":
            obj = next((c for c in tok.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and not date_bound(obj):
                found.append((tok, tok.head, list(obj.subtree), "bounded"))
        elif tok.dep_ in ("prep", "agent", "conj") and tok.pos_ == "ADP" and low in (
                "on", "with", "under", "within", "through", "by", "after", "as") and any(
                c.lower_ == "only" for c in [*tok.children, *tok.head.children] if c.i == tok.i - 1) and (
                obj := next((c for c in tok.children if c.dep_ == "pobj"), None)) is not None:
            found.append((tok, reported_content(tok.head, tok), list(obj.subtree), "strong"))  # "talks only on a footing of X"
        elif tok.dep_ == "prep" and low == "without" and denied(tok.head) and tok.head.pos_ in ("VERB", "AUX"):
            obj = next((c for c in tok.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:  # "without X there can be no Y", "without X neither A nor B can Y": X is required
                found.append((tok, tok.head, list(obj.subtree), "strong" if tok.i < tok.head.i else "if"))
        elif tok.lemma_.lower() in lex.CONDITION_NOUNS | lex.EXCHANGE_NOUNS and tok.dep_ == "pobj" \
                and tok.head.lower_ in ("on", "in", "upon"):
            inner = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "prep", "relcl", "appos")), None)
            if tok.lemma_.lower() in lex.EXCHANGE_NOUNS and (tok.head.lower_ != "in" or inner is None
                                                              or inner.lower_ != "for"):
                continue  # only the idiom "in exchange/return for X"; "on the exchange of data" names no condition
            colon = next((t for t in doc[tok.i + 1:tok.i + 3] if t.text == ":"), None)
            if inner is not None and tok.lemma_.lower() == "basis" and inner.lower_ == "of":
                req = list(tok.head.subtree)  # "on the basis of X": the frame is the requirement (§4 "based on")
            elif inner is not None:
                req = [t for t in inner.subtree if t.lower_ not in ("that", "for") or t.i > inner.i + 1]
            elif colon is not None:  # "on three conditions: that X; that Y"
                req = [t for t in doc[colon.i + 1:] if not (t.lower_ == "that" and t.dep_ == "mark")]
            else:
                continue
            # "on condition that X" states a condition outright; "in exchange for X" needs a step (§4)
            found.append((tok, tok.head.head, req, "strong" if tok.lemma_.lower() in lex.CONDITION_NOUNS else "if"))
    return found


def conditions(doc: "Doc", sentence_id: int, speeches: list[Speech], resolve: Resolver, article: str) -> list[Item]:
    """§4 items of one sentence; the holder is the speaker whose statement holds the cue (§2), else the
    subject of the conditioned step, else the sentence's first speaker. One item per requirement."""
    items: list[Item] = []
    candidates: list[tuple["Token", str | None, list["Token"], "Token", str | None]] = []
    for cue, main, req, mode in _found(doc):
        in_kind = reciprocal(doc, main)
        if hostile(main) and in_kind is None:
            continue  # "we will respond if attacked": a trigger (red lines)
        if cue.lower_ == "if" and _no_such(main):
            continue  # "if X, there is no deal": a refusal (§5); a condition states the step it would allow
        refused = refused_act(main) if mode == "bounded" else None
        if mode == "bounded" and not (refused is not None or is_continuation(main)):
            continue  # "until"/"while"/"before" bound a condition only on a refused or continued step
        # "share data on releases provided that X": the parser may hang the cue on the noun before it; the step
        # keeps that noun's phrase and drops the cue's word and what follows it
        hung = cue.dep_ in ("acl", "amod") and cue.head.pos_ in ("NOUN", "PROPN") and cue.head.i < cue.i
        exclude = {t.i for t in req} - _object_of(cue) if hung else {t.i for t in req} | {cue.i}
        coop = cooperative(doc, main, exclude, hostile_ok=mode == "bounded")
        declared, own_act = readiness(doc, main, exclude) or (None, False)
        ready = declared or next((c.text for c in main.children if c.dep_ == "acomp" and c.lemma_.lower() in READY),
                                 None)
        conditioned = in_kind or (declared if own_act else None) or coop or declared  # "ready to host talks"
        if refused is not None and refused[1]:
            conditioned = verb_phrase(doc, refused[0], drop=("advcl", "relcl"))  # the act the refusal names
        elif (mode == "bounded" or lasting_bound(doc, cue) and main.lemma_.lower() in ("continue", "go", "stay", "remain")) \
                and refused is None and (ended := ended_step(doc, main)) is not None:
            conditioned = ended  # §4 1.2: "strikes will continue until X" conditions ending the strikes
        elif mode == "bounded" and refused is None and (halted := halted_step(doc, main, exclude)) is not None:
            conditioned = halted  # "we will keep striking until X": halting the strikes
        if conditioned is None and refused is not None:
            conditioned = refused_object(doc, main, refused[0])
        if conditioned is None and mode in ("bounded", "strong"):
            if main.pos_ in ("VERB", "AUX") and main.lemma_ != "be":  # §4: any step of the holder's own it bounds
                # the cue is in `exclude`: a phrase with the same label as the cue's stays ("supports X in Y, provided Z")
                conditioned = step_phrase(doc, main, drop=("advcl", "ccomp", "parataxis"), exclude=frozenset(exclude)) or None
            else:
                subj = main if main.pos_ in ("NOUN", "PROPN") else subject_of(main)
                conditioned = noun_phrase(doc, subj, STEP_WORDS) if subj is not None else None
        if conditioned is None:
            continue
        conditioned = conditioned.split(f" {cue.text} ")[0].removesuffix(f" {cue.text}") if hung else conditioned
        if main.lemma_.lower() == "continue" and coop is not None and conditioned == coop and any(
                c.dep_ == "dobj" and c.lemma_.lower() in lex.COOPERATIVE for c in main.children):
            conditioned = step_phrase(doc, main, drop=("advcl",), exclude=frozenset(exclude))  # continuing the talks
        ended_bound = None
        if lasting_bound(doc, cue) and (refused_act(main) is not None or is_continuation(main) and coop is None and ready is None):
            # a cooperative step kept up "as long as X" needs X, as written ("mediate as long as they want it")
            ended_bound = bound_ended(doc, clause_of(cue), req)  # §4: "as long as the blockade lasts" -> "... ends"
            conditioned = halted_step(doc, main, exclude) or conditioned
        candidates.append((cue, conditioned, req, main, ended_bound))
    candidates += [(cue, conditioned, req, cue, None) for cue, conditioned, req in requirement_statements(doc)]
    seen: set[tuple[int, ...]] = set()
    reqs = [{t.i for t in c[2]} for c in candidates]
    for n, (cue, conditioned, req, anchor, ended_bound) in enumerate(candidates):
        if any(cue.i in r and candidates[m][0].i != cue.i and candidates[m][0].i not in reqs[n]
               for m, r in enumerate(reqs) if m != n):
            continue  # one condition once: none inside another's requirement
        requirement = ended_bound or text_of(doc, trimmed(req))
        key = tuple(sorted(t.i for t in req))
        single_noun = len(req) == 1 and req[0].pos_ == "NOUN"  # "Normalisation is a condition for X"
        if (len(requirement.split()) < 2 and not single_noun) or not conditioned or key in seen:
            continue
        seen.add(key)
        holders = holders_of(cue, speeches)
        if holders is None and anchor is not cue:  # a cue the parser hung outside the reported clause it bounds
            holders = holders_of(anchor, speeches)
        if holders is None:
            subj = subject_of(anchor)
            holders = resolve(subj) if subj is not None else []
        if not holders and speeches:
            holders = speeches[0].holders
        for actor, surface in holders or []:
            items.append({"holder": holder_name(actor, surface, article), "conditions": shorten(conditioned, 80),
                          "requirement": shorten(requirement, 200), "sentences": [sentence_id]})
    return items
