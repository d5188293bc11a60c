"""Does a cited clause state a claim? Shared content words, the claim's own predicate, the same negation,
and never a sentence that talks to the reader.

Each check answers with the reason to drop, or None to keep. They are ordered by cost: word
stems first; the parse (spaCy, loaded on first need) only when the words alone cannot settle it,
so verbatim claims (the rules' own wording) never wait for a parser.
- Words: the claim shares at least MIN_SHARED content stems with the cited sentences (all of
  them when it has fewer), not counting the holder's name.
- Predicate ("mentions X" is not "states X"): a claim that makes an event or act its predicate
  ("declared war") is not stated by clauses that only name the same things ("analysts discussed
  the war", a headline): they need that predicate or a word of its stem. Predicates of attitude,
  saying and light verbs ("supports", "rejects", "is ready to", "has") summarise a position in the
  claim's own words and are never required; their complements are ("is ready to *sign*"). A clause
  that says something else of the same things may be a paraphrase and is not judged here.
- Negation: see negation.py; reported only when the parse is sure.
- Instructions: a sentence that addresses the reader or an assistant ("Ignore the above",
  "you are now an assistant", "disregard previous instructions") is no evidence of anything.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Optional

from summarizer.extract import negation
from summarizer.rules import lexicon as lex
from summarizer.text.normalize import content_stems, normalise, stem

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

MIN_SHARED = 2  # content stems a claim must share with its cited sentences (all of them when it has fewer)

# Predicates a claim may word its own way: attitudes (codebook §3), judgements, control and light verbs.
UNREQUIRED = (lex.FAVOR_VERBS | lex.AGAINST_VERBS | lex.DEMAND_VERBS | lex.PERMISSION | lex.REFUSAL_VERBS
              | lex.CONCESSION | lex.ACT_JUDGING | lex.CHARACTERISE | lex.COPULAS | lex.DEPENDENCE
              | lex.FAVOR_WORDS | lex.AGAINST_WORDS | lex.POSITIVE_JUDGEMENT | lex.NEGATIVE_JUDGEMENT
              | negation.CONTROL | negation.NOT_DOING | frozenset("""
have do make take give get go come put hold say tell believe think trust distrust fear consider view see
regard prefer insist remain intend plan aim hope expect rule walk play pull break turn call push work sign
unwilling reluctant opposed against confident sure certain optimistic pessimistic skeptical sceptical
""".split()))

_START = r"(?:^|[;:.!?\"“”'‘(\[—–-]\s*)"
_INSTRUCTION = re.compile(
    _START + r"(?:please\s+)?(?:ignore|disregard|forget|override|pretend|act\s+as)\b"  # an imperative to the reader
    r"|\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+|my\s+)?"
    r"(?:previous|prior|above|earlier|preceding|foregoing|instructions?|prompts?|rules|everything)\b"
    r"|\byou\s+are\s+(?:now\s+)?(?:an?\s+|the\s+|my\s+)?(?:helpful\s+|ai\s+)?(?:assistant|chatbot|language\s+model|ai\b)"
    r"|\byou\s+are\s+(?:now\s+)?(?:required|instructed|told)\s+to\b"
    r"|\bthe\s+(?:ai\s+)?assistant\b(?!\s+(?:secretary|director|minister|commissioner|attorney|editor|chief|"
    r"professor|coach|manager|general|to)\b)"
    r"|\bas\s+an?\s+(?:ai|assistant|language\s+model)\b"
    r"|\b(?:system|developer)\s+(?:prompt|message|instructions?)\b"
    r"|\b(?:new|previous|prior|above|earlier)\s+instructions\b"
    r"|\b(?:respond|reply|answer|output)\s+(?:only\s+)?(?:with|in)\s+(?:json|the\s+following)\b",
    re.IGNORECASE)


def instructs(sentence: str) -> bool:
    """A sentence that instructs the reader or an assistant: it can report nothing the article states."""
    return bool(_INSTRUCTION.search(sentence))


def shared_words(claim: str, stated: str, holder: str) -> Optional[str]:
    """Content stems of the claim (not the holder's) found in the cited text, as a word of the same stem
    or of another part of speech ("decided" and "decision")."""
    wanted = content_stems(claim) - content_stems(holder)
    there = content_stems(stated)
    shared = {w for w in wanted if w in there or any(_related(w, t) for t in there)}
    if not shared:
        return "cited sentences do not state it (no content word in common)"
    if len(shared) < min(MIN_SHARED, len(wanted)):
        return "cited sentences do not state it (only one content word in common)"
    return None


def verbatim(statement: str, stated: str, holder: str) -> bool:
    """The claim is the cited text's own words (after the holder's name): it can neither flip nor only
    mention them, and needs no parse (the rules' wording; a model's exact copy)."""
    mine, name = normalise(statement), normalise(holder)
    if name and mine.startswith(name + " "):
        mine = mine[len(name) + 1:]
    return bool(mine) and mine in normalise(stated)


def needs_parse(statement: str, stated: str) -> bool:
    """Every content word of the claim is in the cited text: its predicate is there too."""
    return not content_stems(statement) <= content_stems(stated)


def missing_predicate(claim: "Doc", cited: list["Doc"]) -> Optional[str]:
    """The claim's event predicate when the cited clauses only mention its words; None when they state it.

    Mentioned only: no cited word shares the predicate's stem (compared by lemma and surface form,
    "met" is "meet"; a stem differing only in its last letter is the same word, "invade"/"invasion"),
    and every cited word the claim shares is governed by no verb (a headline, a noun phrase) or by a
    verb of mere mention ("discussed the war"). A clause that predicates something else of the same
    things may be a paraphrase ("would be met with force" for "will respond with force"): kept.
    """
    chain = [t for t in negation.predicates(claim) if t.pos_ in ("VERB", "ADJ")]
    required = [t for t in chain if t.lemma_.lower() not in UNREQUIRED]
    if not required:
        return None
    words = {stem(w) for d in cited for t in d if t.is_alpha for w in (t.lemma_.lower(), t.lower_)}
    if any(_related(stem(tok.lemma_.lower()), word) for tok in required for word in words):
        return None
    mine = {stem(t.lemma_.lower()) for t in claim if t.is_alpha and not t.is_stop} | {
        stem(t.lower_) for t in claim if t.is_alpha and not t.is_stop}
    shared = [t for d in cited for t in d if t.is_alpha and not t.is_stop
              and (stem(t.lower_) in mine or stem(t.lemma_.lower()) in mine)]
    if any(_governing_verb(t) not in lex.MENTION_VERBS | {""} for t in shared):
        return None
    return f"cited sentences only mention its words, not what it says ({required[0].lemma_.lower()!r})"


def _governing_verb(tok: "Token") -> str:
    """The lemma of the nearest verb above the word (itself if a verb); "" when none (a noun phrase)."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_.lower()
        if tok.head.i == tok.i:
            return ""
        tok = tok.head
    return ""


def _related(a: str, b: str) -> bool:
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return min(len(a), len(b)) >= 5 and common >= min(len(a), len(b)) - 1


def flipped(claim: "Doc", cited: Iterable["Doc"]) -> Optional[str]:
    word = negation.flipped(claim, cited)
    return None if word is None else f"polarity flip: the cited clause negates {word!r} the other way"
