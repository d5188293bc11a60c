"""Split an article into numbered sentences with exact character offsets.

Rule-based on purpose: deterministic, no model, and every sentence is a true
slice of the text (`text[start:end] == sentence.text`), which grounding relies on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens that end in a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """u.s u.k u.n e.u mr mrs ms dr prof gen lt col sgt capt adm gov sen rep st jr sr
    inc ltd co corp vs etc e.g i.e no jan feb mar apr jun jul aug sep sept oct nov dec
    a.m p.m approx dept est fig rev fr msgr hon amb maj brig cmdr cpl pvt pres supt insp
    gens sens reps govs""".split()
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
_OPENERS = "\"'“‘([—–-"
# Terminal punctuation of scripts without letter case: CJK 。！？, Devanagari danda । ॥, Arabic question
# mark ؟, Urdu full stop ۔. Each ends a sentence wherever more text follows, space or not.
_SCRIPT_STOPS = "。！？।॥؟۔"
_SCRIPT_BOUNDARY = re.compile(r"[。！？।॥؟۔]+[\"'”’)\]」』）》〉]*\s*")


@dataclass(frozen=True)
class Sentence:
    id: int  # 1-based, as shown to the model
    start: int
    end: int
    text: str


def _caseless_letter(char: str) -> bool:
    """A letter of a script without case (Arabic, Devanagari, Han...): it cannot signal a sentence start
    by a capital, so after `. ` it starts one. Latin, Greek and Cyrillic letters always have case."""
    return char.isalpha() and not char.isupper() and not char.islower()


def _word_ending_at(text: str, end: int) -> str:
    """The run of non-space characters that ends at `end`, found by walking back over it alone (a search
    from the start of the text made segmentation quadratic in the article's length)."""
    start = end
    while start > 0 and not text[start - 1].isspace():  # str.isspace is the `\s` of `re`
        start -= 1
    return text[start:end]


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    nxt = text[match.end() : match.end() + 1]
    if match.group(0)[0] in _SCRIPT_STOPS:
        return bool(nxt)
    if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or _caseless_letter(nxt)):
        return False
    token = _word_ending_at(text, match.start() + 1).lower().rstrip(".").lstrip(_OPENERS)
    if token in ABBREVIATIONS:
        return False
    # single capital initial ("J. Smith")
    return not re.fullmatch(r"[a-z]", token)


def _spans_in_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    matches = list(_BOUNDARY.finditer(text, start, end))
    if any(c in text[start:end] for c in _SCRIPT_STOPS):  # only then: Latin-only lines split exactly as before
        matches = sorted([*matches, *_SCRIPT_BOUNDARY.finditer(text, start, end)], key=lambda m: m.start())
    for match in matches:
        if match.start() < cursor:
            continue
        if _is_boundary(text, match):
            stop = match.end() - (len(match.group(0)) - len(match.group(0).rstrip()))
            spans.append((cursor, stop))
            cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in order; lines are hard boundaries (headlines, datelines, bullets)."""
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        for start, end in _spans_in_line(text, line.start(), line.end()):
            raw = text[start:end]
            lead = len(raw) - len(raw.lstrip())
            trail = len(raw) - len(raw.rstrip())
            s, e = start + lead, end - trail
            if e > s:
                sentences.append(Sentence(len(sentences) + 1, s, e, text[s:e]))
    return sentences


def chunk_sentences(sentences: list[Sentence], max_chars: int) -> list[list[Sentence]]:
    """Consecutive groups of whole sentences, each at most `max_chars` long (one long sentence alone)."""
    chunks: list[list[Sentence]] = []
    current: list[Sentence] = []
    size = 0
    for sentence in sentences:
        length = len(sentence.text) + 8
        if current and size + length > max_chars:
            chunks.append(current)
            current, size = [], 0
        current.append(sentence)
        size += length
    if current:
        chunks.append(current)
    return chunks
