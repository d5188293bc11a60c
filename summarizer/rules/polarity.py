"""Stance polarity from the parse: which way the holder's words point at the topic as worded.

Codebook §3: favor = supports, wants, agrees, welcomes, calls for, is ready for, the holder's own
announced step; against = rejects, opposes, condemns, denies, warns against, refuses, blames;
negation flips; a demand ("must", "call on X to") is favor the demanded act; conditional support is
still favor; an accusation of another actor's conduct is against that conduct; `neutral` is an
assessment that neither supports nor opposes, so it is kept for statements that only say what was
or was not discussed. The order of the tests is English grammar's: an attitude word governs its
complement, so it decides before the words of the complement; a clause with no attitude word states
the holder's position on the act it names, evaluated by its own evaluative words. A reported denial
turns its content round; a response warned of or tied to a hostile trigger is §5's threat, against the
trigger; a negation stops at a relative clause, which states its own claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.attitudes import about, attitude, linking, off_the_table, relinquished, resisted
from summarizer.rules.clauses import red_line_side, with_object_complements
from summarizer.rules.judgement import evaluation, judged, judged_predicate, threat
from summarizer.rules.modality import modal

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

# The predicate chain an attitude word may sit on: complements of the root, not its adverbial
# clauses, relative clauses or coordinated sentences (those are other statements).
_CHAIN = ("xcomp", "ccomp", "acomp", "oprd", "attr", "dobj", "pobj", "prep", "pcomp", "conj")
# Predicative positions: a judgement there is said of the subject ("X is a provocation", "called it
# unjustified", "X leads nowhere").
_PREDICATIVE = ("acomp", "attr", "oprd", "advmod", "dobj")
# Nouns of substitution and of objection: "there is no alternative to dialogue", "has no objection to the
# talks", "no problem with X": denying a contrary of X is favor X.
_CONTRARY = frozenset({"alternative", "substitute", "replacement", "objection", "problem", "quarrel"})


def _own_negation(tok: "Token") -> bool:
    """Negation on the word itself: "not"/"never" on it, "no" on its object, a negative subject. A negated
    adverb of careless manner is the negation's focus, not the act ("we have not taken this step lightly")."""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in tok.children):
        return not any(c.dep_ == "advmod" and c.lower_ in lex.CARELESS for c in tok.children)
    if any(c.dep_ in ("dobj", "attr", "nsubjpass") and c.lemma_.lower() not in lex.REFUSAL_NOUNS
           and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in tok.children):
        return True
    return _negative_subject(tok)


def _flips(tok: "Token", root: "Token") -> int:
    """Negations scoping over the word: its own and its governing predicates' up to the root; a
    coordinated predicate carries its own negation, not its partner's ("is not X and does not Y")."""
    count, steps = int(_own_negation(tok)), 0
    while tok.i != root.i and tok.head.i != tok.i and steps < 8 and not _own_statement(tok):
        crossed_conj = tok.dep_ == "conj"
        tok, steps = tok.head, steps + 1
        if not crossed_conj:
            count += int(_own_negation(tok))
    return count


def _own_statement(tok: "Token") -> bool:
    """A relative clause or a free relative ("an agenda that X rejected", "what she called a provocation"):
    it states its own claim, outside the scope of a negation on the clause it sits in."""
    return tok.dep_ == "relcl" or (tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("pcomp", "ccomp", "pobj") and any(
        c.tag_ in ("WP", "WDT") for c in tok.children))


def _flip(polarity: str, times: int) -> str:
    if times % 2 == 0 or polarity == "neutral":
        return polarity
    return "favor" if polarity == "against" else "against"


def _chain(root: "Token", allowed: set[int] | None, depth: int = 3) -> list["Token"]:
    """The predicate chain, breadth first; a coordinated verb only at the first level (its own claim)."""
    out, frontier = [root], [root]
    for level in range(depth):
        frontier = [c for t in frontier for c in t.children if c.dep_ in _CHAIN
                    and (allowed is None or c.i in allowed) and (c.dep_ != "conj" or level == 0)]
        out += frontier
    return with_object_complements(out)


def _obliged(tok: "Token") -> bool:
    return any(c.lower_ in lex.OBLIGATION and c.dep_ == "aux" for c in tok.children)


def _indicative(tok: "Token") -> bool:
    """A finite clause that states, by its tense or a modal of prediction ("insisted the talks were
    over", "expects Iran will refuse"): English puts the act a verb of demand demands in the
    subjunctive, under an obligation modal or in the infinitive ("insisted that talks resume")."""
    if tok.pos_ not in ("VERB", "AUX") or (tok.lemma_.lower() in ("have", "need") and any(
            c.dep_ == "xcomp" for c in tok.children)):  # "has to", "needs to": obligation
        return False
    return tok.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") and c.lower_ not in lex.OBLIGATION
        for c in tok.children)


def _demand(root: "Token") -> bool:
    """"Must/should X", or a verb of demand with the demanded act ("urged X to Y", "called for Y"),
    not a characterisation ("called the move a provocation") nor a stated fact ("insisted it was")."""
    kids = {c.dep_ for c in root.children if c.dep_ != "ccomp" or not _indicative(c)}
    if root.lemma_.lower() == "call" and "xcomp" not in kids and not any(  # "called X reckless": naming
            c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in root.children):
        return _obliged(root)
    return _obliged(root) or (root.lemma_.lower() in lex.DEMAND_VERBS and "oprd" not in kids
                              and bool(kids & {"xcomp", "ccomp", "prep", "dobj"}))


def _descriptive(root: "Token") -> bool:
    """Only what was or was not discussed: an assessment without attitude (§3 `neutral`)."""
    lemma = root.lemma_.lower()
    if any(c.dep_ == "aux" and c.lower_ in lex.PROSPECTIVE for c in root.children):
        return False  # "the bloc would discuss measures": an announced step, not a description
    return lemma in lex.MENTION_VERBS or (lemma, next((c.lower_ for c in root.children if c.dep_ == "prt"), "")) \
        in lex.PHRASAL_MENTION


def stance_polarity(root: "Token", allowed: set[int] | None = None,
                    verb: "Token | None" = None) -> tuple[str, "Token | None"]:
    """(polarity, the word that decided it) of a statement's content, negation applied."""
    polarity, word, _ = stance_reading(root, allowed, verb)
    return polarity, word


def stance_reading(root: "Token", allowed: set[int] | None = None,
                   verb: "Token | None" = None) -> tuple[str, "Token | None", str]:
    """(polarity, deciding word, how it decided: attitude | demand | threat | judged | mention | plain).

    An attitude word anywhere on the predicate chain decides first (it governs the rest), then a
    demand, then the words that judge the predicate; a plain statement of the act is favor it,
    its negation against it. `verb` is the reporting verb: content it demands ("urged X to Y",
    "called on X to Y", "demanded that X Y") is favor the demanded act (§3)."""
    if verb is not None and verb.i != root.i and verb.lemma_.lower() in lex.DEMAND_VERBS and not _indicative(root):
        return _flip("favor", int(_own_negation(root))), verb, "demand"
    trigger = _trigger(root)
    warned = verb is not None and verb.lemma_.lower() in lex.WARNING and modal(root)
    if trigger is not None and (warned or _options_open(root) or (modal(root) and _hostile(trigger))):
        # "warned that it would X if Y", "all options remain on the table if Y", "would defend itself if
        # attacked": §5 a threat, against its trigger (for it when the trigger is negated)
        return _flip("against", int(_own_negation(trigger))), root, "threat"
    if verb is not None and verb.i != root.i and verb.lemma_.lower() in lex.DENIAL_VERBS:
        polarity, word, how = stance_reading(root, allowed)  # "denied hosting X": against what is denied
        return _flip(polarity, 1 + int(_own_negation(verb))), word, how
    side = red_line_side(root)
    if side is not None:  # §3 1.2: a red line carries a stance against what crosses it
        return "against", side, "red line"
    if root.lemma_.lower() in lex.COPULAS and off_the_table(root):
        return _flip("against", int(_own_negation(root))), None, "plain"
    chain = _chain(root, allowed)
    for tok in chain:
        found = attitude(tok)
        how = "attitude"
        if found is None and threat(tok) and not _obliged(tok):  # "nobody should use force": a demand
            found, how = "against", "threat"
        if found is not None and about(tok) is not None:  # the topic is what the emotion is about
            return _flip(found, _flips(tok, root)), about(tok), "judged"
        if found is not None:
            return _flip(found, _flips(tok, root)), tok, how
    cleft = _cleft(root)
    if cleft is not None:
        return cleft
    for tok in chain:
        if tok.i != root.i and tok.pos_ in ("VERB", "AUX") and _obliged(tok):
            return _flip("favor", _flips(tok, root)), tok, "demand"  # §3: a demand is favor the demanded act
    contrary = next((p for c in root.children if c.dep_ in ("attr", "nsubj", "dobj") and c.lemma_.lower() in
                     _CONTRARY for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "with")), None)
    if contrary is not None and _own_negation(root):  # "there is no alternative to X", "has no objection to X"
        return "favor", contrary, "judged"
    if any(c.dep_ == "expl" for c in root.children):  # "there will be (no) X": for or against X existing
        hostile = any(c.lemma_.lower() in lex.HOSTILE_CONDUCT | lex.RESPONSE_NOUNS for c in [root, *root.children]
                      if c.dep_ in ("attr", "nsubj") or c.i == root.i)  # "there would be bombing / consequences"
        how = "threat" if hostile else "plain"
        return _flip("against" if hostile else "favor", int(_own_negation(root))), None, how
    if _demand(root):
        return _flip("favor", int(_own_negation(root))), root, "demand"
    if _descriptive(root):
        return "neutral", root, "mention"
    for tok in chain:
        judged_thing = tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.CHARACTERISE  # "called the raids X"
        found = judged(tok) if tok.i == root.i or (tok.dep_ in _PREDICATIVE and not judged_thing) else None
        if found == "against" and resisted(tok):
            return "against", tok, "judged"
        if found is None and tok.lemma_.lower() in lex.COPULAS | lex.CHARACTERISE and linking(tok):
            found = judged_predicate(tok, allowed)
        if found is None and tok.lemma_.lower() in lex.POSING and any(  # "X poses a danger to Y": X is judged
                c.dep_ == "dobj" and c.lemma_.lower() in lex.DANGER_NOUNS for c in tok.children):
            found = "against"
        if found is not None:
            return _flip(found, _flips(tok, root)), tok, "judged"
    if _state_of_talks(root):  # "the talks are over": a process declared ended is against it
        ended = any(c.lower_ in lex.ENDED for c in root.children if c.dep_ in ("acomp", "advmod", "prep", "prt"))
        return ("against", None, "plain") if ended else ("neutral", root, "mention")
    evidential = root.lemma_.lower() in lex.EVIDENTIAL
    shown = next((c for c in root.children if c.dep_ == "ccomp"), None) if evidential else None
    negations = int(_own_negation(root)) + (int(_own_negation(shown)) if shown is not None else 0)
    return _flip("favor", negations), None, "plain"  # "X shows that Y has no interest in Z": Y's negation


def _state_of_talks(cop: "Token") -> bool:
    """"exchanges are ongoing but are not real negotiations", "the talks were complicated": a copula that
    says where a diplomatic process stands, with no attitude or judging word, is §3's `neutral` assessment."""
    if cop.lemma_.lower() not in lex.COPULAS or any(c.dep_ == "aux" and c.lower_ in lex.PROSPECTIVE | lex.OBLIGATION
                                                   for c in cop.children):
        return False
    subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in lex.PROCESS_NOUNS


def _options_open(cop: "Token") -> bool:
    """"all options remain / are on the table": §5's open threat of a response."""
    subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
    return cop.lemma_.lower() in lex.COPULAS and subj is not None and subj.lemma_.lower() == "option" and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() == "table" for g in c.children)
        for c in cop.children)


def _hostile(clause: "Token") -> bool:
    """A trigger that names a hostile act ("if attacked", "if they invade"): the act it conditions is a response."""
    return clause.lemma_.lower() in lex.HOSTILE_CONDUCT | lex.HOSTILE_ACTS


def _trigger(verb: "Token") -> "Token | None":
    """The conditional clause a predicted act hangs on ("would fight back if X tried Y")."""
    return next((c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "once", "should") for m in c.children)), None)


def act_polarity(word: "Token", root: "Token") -> str:
    """A stance whose topic is the act the attitude verb itself names ("has never walked away from the
    table" → walking away): favor the act, against it under an odd number of negations."""
    return _flip("favor", _flips(word, root))


def _cleft(root: "Token") -> tuple[str, "Token", str] | None:
    """"X is something we cannot accept", "X is the one breaking its word": a copula whose predicate
    noun is only a head for a relative clause says of the subject what that clause says of the noun:
    the clause's attitude word when the noun is its object (the attitude is towards X), the clause's
    own judging words when the noun is its subject (X's conduct is judged)."""
    if root.lemma_.lower() not in lex.COPULAS:
        return None
    heads = [a for a in root.children if a.dep_ == "attr"]  # "a version of an agenda that we rejected"
    heads += [g for a in heads for p in a.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
              if g.dep_ == "pobj"]
    for attr in heads:
        for clause in (c for c in attr.children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")):
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in clause.children)
            found = (attitude(clause) or relinquished(clause)) if own_subject else None
            found = found or evaluation(clause)
            if found is not None:
                return _flip(found, int(_own_negation(clause)) + int(_own_negation(root))), attr, "judged"
    return None


def reported_event(root: "Token") -> bool:
    """An event stated as fact in the pluperfect or the progressive ("forces had attacked the ship",
    "the envoy is briefing reporters"): no modal, no attitude — what happened, not a position (§3)."""
    if root.pos_ not in ("VERB", "AUX"):
        return False
    auxes = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    if auxes & lex.PROSPECTIVE or auxes & lex.OBLIGATION:
        return False
    progressive = root.tag_ == "VBG" and bool(auxes & {"is", "are", "was", "were"})
    return (root.tag_ == "VBN" and "had" in auxes) or progressive


def _negative_subject(root: "Token") -> bool:
    """"No troops will stay", "nothing will change", "neither side wants": a negative subject."""
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    return subj.lower_ in ("nothing", "none", "nobody", "neither") or any(
        d.dep_ in ("det", "preconj") and d.lower_ in ("no", "neither") for d in subj.children)
