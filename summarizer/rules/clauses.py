"""Reading clauses of the parse: phrase text, negation scope, polarity and noun-phrase topics.

Grammar used here:
- a phrase is a token's subtree, cut out of the sentence text (so every string is grounded);
- negation scopes over the predicate it attaches to ("not", "never", "n't" as `neg`, or a
  negative determiner on its object) and flips the polarity of the attitude word it governs:
  "never walked away from the table" is *favor* (walking away is against; negated);
- the attitude word is the first word of the predicate chain (verb, its complement, its
  predicative adjective) that the stance lexicon knows; a demand ("must", "should", "call on
  X to") is favor the demanded act (codebook §3);
- a noun phrase drops descriptive relative clauses and appositions but keeps what restricts its noun
  (`rules.modifiers`);
  topics are read in `rules.topics` (codebook §3).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from summarizer.rules import lexicon as lex
from summarizer.rules.modifiers import coordinated, defining_clause, infinitive_complement
from summarizer.rules.speech import own_clause, phrasal

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_CHAIN = ("xcomp", "ccomp", "acomp", "oprd", "attr", "conj", "dobj", "pobj", "prep", "pcomp")
_PREDICATIVE = ("acomp", "attr", "oprd", "xcomp", "ccomp", "ROOT", "amod")
_CUT = ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis")
_EDGE_DETS = ("no", "any", "this", "these", "those")


def text_of(doc: "Doc", tokens: Iterable["Token"]) -> str:
    """The sentence text from the first to the last of `tokens`, quotation marks removed."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "mark")):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    if not toks:
        return ""
    raw = doc[toks[0].i:toks[-1].i + 1].text  # the span's own text: cheaper than slicing doc.text
    return " ".join(re.sub(r"[“”\"]", "", raw).split()).strip(" ,;:")


def negated(tok: "Token") -> bool:
    """A negation attached to the word or to its auxiliary head ("did not reject", "never walked")."""
    kids = list(tok.children)
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in kids):
        return True
    if tok.dep_ in ("acomp", "xcomp", "attr") and any(c.dep_ == "neg" for c in tok.head.children):
        return True
    return any(c.dep_ in ("dobj", "attr", "nsubjpass") and c.lemma_.lower() not in lex.REFUSAL_NOUNS
               and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in kids)


def word_polarity(tok: "Token") -> str | None:
    lemma = tok.lemma_.lower()
    pair = phrasal(tok)
    if pair in lex.PHRASAL_AGAINST:
        return "against"
    if pair in lex.PHRASAL_FAVOR:
        return "favor"
    if tok.pos_ == "NOUN" and lemma in lex.REFUSAL_NOUNS and any(c.lower_ == "no" for c in tok.children):
        return "against"  # "has no intention of X"
    if tok.pos_ == "VERB":
        if lemma in lex.AGAINST_VERBS:
            return "against"
        if lemma in lex.FAVOR_VERBS:
            return "favor"
    # adjectives and nouns of attitude count as predicates ("is ready", "called it an act of war")
    predicative = tok.dep_ in _PREDICATIVE or (tok.dep_ == "pobj" and tok.head.head.dep_ in _PREDICATIVE)
    if tok.pos_ in ("ADJ", "NOUN") and lemma in lex.AGAINST_WORDS and predicative:
        return "against"
    if tok.pos_ in ("ADJ", "NOUN", "VERB") and lemma in lex.FAVOR_WORDS and predicative:
        return "favor"
    if tok.pos_ == "VERB" and pair is None and lemma in ("call", "push", "work") and any(
            c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return "favor"  # "call for", "push for", "work for": the preposition is not a particle here
    return None


def _chain(root: "Token", allowed: set[int] | None, depth: int = 3) -> list["Token"]:
    """The predicate chain, breadth first: the root, its complements, their complements."""
    out, frontier = [root], [root]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children if c.dep_ in _CHAIN
                    and (allowed is None or c.i in allowed)]
        out += frontier
    return with_object_complements(out)


def with_object_complements(chain: list["Token"]) -> list["Token"]:
    """The chain and, after it, the object complements of its objects, however deep the parser hung them
    ("called the pressure from X disrespectful")."""
    return chain + [c for t in chain if t.dep_ == "dobj" for c in t.subtree if object_complement(c) and c not in chain]


def object_complement(tok: "Token") -> bool:
    """An adjective after the object of a verb of characterisation ("called the move reckless", "called the
    pressure from X disrespectful") predicates the object (English object complement), even where the parser
    hangs it on the noun as a modifier."""
    if tok.pos_ != "ADJ" or tok.dep_ != "amod" or tok.i < tok.head.i:
        return False
    noun = tok.head
    while noun.dep_ in ("pobj", "prep") and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.CHARACTERISE


def attitude(root: "Token", allowed: set[int] | None = None) -> tuple[str, "Token | None"]:
    """(polarity, the attitude word) of a predicate, negation applied."""
    for tok in _chain(root, allowed):
        found = word_polarity(tok)
        if found is None:
            continue
        flips = sum(1 for t in _path(tok, root) if negated(t))
        if flips % 2:
            found = "favor" if found == "against" else "against"
        return found, tok
    if any(c.lower_ in ("must", "should") for c in root.children) or root.lemma_ in ("urge", "call"):
        return "favor", root
    return "neutral", None


def _path(tok: "Token", root: "Token") -> list["Token"]:
    """`tok` and its heads up to `root` (at most 8). spaCy makes a new Token per access: compare indices."""
    path = [tok]
    while tok.i != root.i and tok.head.i != tok.i and len(path) < 8:
        tok = tok.head
        path.append(tok)
    return path


def noun_phrase(doc: "Doc", noun: "Token", limit: int = 10, keep_any: bool = False) -> str:
    """A noun's phrase without relative clauses or appositions, at most `limit` words.

    A topic drops a leading "no"/"any" (worded without negation); a red line keeps "any".
    """
    keep = {noun.i}
    for child in noun.children:
        if infinitive_complement(noun, child) or defining_clause(doc, child):
            # its own adverbial clause ("an election held while X") is a time or a condition, not the noun's
            adverbial = {t.i for c in child.subtree if c.dep_ == "advcl" and c.i != child.i for t in c.subtree}
            clause = {t.i for t in child.subtree} - adverbial
            keep |= clause if len(clause) > 1 else set()
            continue
        if child.dep_ in _CUT and not coordinated(noun, child):
            continue
        if child.i < noun.i or coordinated(noun, child) or child.dep_ in ("prep", "compound", "amod", "poss",
                                                                          "nummod", "pobj"):
            keep |= {t.i for t in child.subtree if not any(a.dep_ in _CUT and a.i in keep | {child.i}
                                                           for a in t.ancestors if a.i != noun.i)}
    # "called the move reckless": the adjective judges the noun (an object complement), it is not part of it
    keep -= {t.i for c in noun.subtree if object_complement(c) for t in c.subtree}
    toks = [doc[i] for i in sorted(keep)]
    while toks and toks[0].lower_ in _EDGE_DETS and not (keep_any and toks[0].lower_ == "any"):
        toks.pop(0)
    words = text_of(doc, toks).split()
    return " ".join(words[:limit])








def verb_phrase(doc: "Doc", verb: "Token", drop: Iterable[str] = (), keep_conj: bool = False,
                exclude: frozenset[int] = frozenset()) -> str:
    """A verb with its objects and complements, without subject, auxiliaries, negation, `drop` deps or
    a dependent holding a token of `exclude`; `keep_conj` keeps coordinated verbs ("not to threaten or use force")."""
    skipped = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "mark", *drop}
    if not keep_conj:
        skipped |= {"cc", "conj"}
    keep = {verb.i}
    for child in verb.children:
        if child.dep_ in skipped or child.lower_ in ("never", "not", "n't") or own_clause(verb, child):
            continue  # a clause before a semicolon is a sentence of its own, no part of the verb's phrase
        if "advcl" in skipped and _adverbial(child):
            continue
        sub = {t.i for t in child.subtree}
        if not sub & exclude and not _before_the_auxiliary(verb, child, skipped):
            keep |= sub
    return text_of(doc, [doc[i] for i in sorted(keep)])


def _before_the_auxiliary(verb: "Token", child: "Token", skipped: set[str]) -> bool:
    """"Serbia too must do its part", "the words last night did not match": a modifier before the
    auxiliary or the subject modifies the clause, and keeping it would keep the auxiliary between."""
    return child.i < verb.i and any(c.dep_ in skipped and child.i < c.i < verb.i for c in verb.children)


def _adverbial(clause: "Token") -> bool:
    """A clause opened by a subordinator of condition or time ("if", "unless", "once", "until") is
    adverbial whatever label the parser gave it ("help if they ask" parsed as a complement)."""
    return clause.dep_ in ("ccomp", "xcomp", "dep") and any(
        c.dep_ == "mark" and c.lower_ in lex.CONDITIONAL_MARKS | lex.BOUNDING_MARKS for c in clause.children)


def inverted_conditional(clause: "Token") -> "Token | None":
    """The fronted auxiliary of an inverted conditional ("Should X fail, ...", "Were X to ..."), else None.

    English grammar: a conditional adverbial clause may drop "if" and invert subject and auxiliary;
    the auxiliary is then the clause's first word and precedes its subject.
    """
    if clause.dep_ != "advcl":
        return None
    first = clause.left_edge
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if first.head.i == clause.i and first.dep_ in ("aux", "auxpass") and first.lower_ in lex.INVERSION_AUX \
            and subj is not None and first.i < subj.i:
        return first
    return None


def obligation(verb: "Token") -> "Token | None":
    """The predicate a modal of obligation governs: "must/should X" -> X; "has to / needs to X" -> X."""
    if any(c.dep_ == "aux" and c.lower_ in lex.OBLIGATION for c in verb.children):
        return verb
    if verb.lemma_.lower() in ("have", "need") and verb.pos_ in ("VERB", "AUX"):
        x = next((c for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)), None)
        return x
    return None


def clause_subject(verb: "Token") -> "Token | None":
    """The subject of a clause, also where the parser made it the object of the reporting verb before it
    ("warned any attack would ignite a war": "attack" parsed as the object of "warned")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None or verb.dep_ != "ccomp":
        return subj
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def red_line_side(cop: "Token") -> "Token | None":
    """"X is our red line" / "our red line is X": the side of the copula that is not the red line."""
    if cop.lemma_ != "be":
        return None
    sides = [c for c in cop.children if c.dep_ in ("nsubj", "attr")]
    line = next((c for c in sides if c.lower_ == "line" and any(d.lower_ == "red" for d in c.children)), None)
    return next((c for c in sides if c.i != line.i), None) if line is not None else None


_DOUBLED = frozenset("stop plan drop ship quit admit commit permit regret ban begin".split())


def gerund(lemma: str) -> str:
    """The -ing form of a verb's lemma by English spelling rules (sign -> signing, resume -> resuming,
    stop -> stopping, tie -> tying)."""
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        return lemma[:-1] + "ing"
    vowels = "aeiou"
    if lemma in _DOUBLED or (len(lemma) == 3 and lemma[0] not in vowels and lemma[1] in vowels
                             and lemma[2] not in vowels + "wxy"):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def step_phrase(doc: "Doc", verb: "Token", drop: Iterable[str] = (), keep_conj: bool = False,
                exclude: frozenset[int] = frozenset()) -> str:
    """A step named as the codebook words it, a gerund phrase: "sign the treaty" -> "signing the treaty",
    "not to threaten or use force" -> "threatening or using force", "for the agreement to be signed" ->
    "signing the agreement" (a passive's subject is what is acted on)."""
    if verb.pos_ != "VERB":
        return verb_phrase(doc, verb, drop=drop, keep_conj=keep_conj, exclude=exclude)
    if continued(verb) is not None:  # "keep supplying arms": the act is the supplying
        return step_phrase(doc, continued(verb), drop=drop, keep_conj=keep_conj, exclude=exclude)
    words = verb_phrase(doc, verb, drop=drop, keep_conj=keep_conj, exclude=exclude).split()
    verbs = {verb.text, *(c.text for c in verb.conjuncts if c.pos_ == "VERB")} if keep_conj else {verb.text}
    lemmas = {verb.text: verb.lemma_.lower(), **{c.text: c.lemma_.lower() for c in verb.conjuncts}}
    words = [gerund(lemmas[w]) if w in verbs else w for w in words]
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or _undergoer(verb)
    if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.i not in exclude:
        words[1:1] = noun_phrase(doc, subj, 8).split()
    return " ".join(words)


def continued(verb: "Token") -> "Token | None":
    """The -ing complement of a verb of continuation ("keep striking", "continue supplying"): aspect only, so
    the act is the complement's."""
    if verb.lemma_.lower() not in ("keep", "continue"):
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)


def _undergoer(verb: "Token") -> "Token | None":
    """The subject of an intransitive verb of change that names a thing, not an actor ("talks would
    resume", "deliveries will expand"): the step is worded on it ("resuming talks")."""
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "acomp", "oprd") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ == "NOUN" and subj.ent_type_ in ("", "EVENT", "LAW") else None
