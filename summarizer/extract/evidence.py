"""Evidence: the one quote check, and citations turned into exact article slices.

The model cites sentence numbers and may copy an excerpt; a quote is only ever cut
from the article itself, so `verify` holds for everything built here.
"""

from __future__ import annotations

from typing import Iterable

from summarizer.core.schemas import Evidence
from summarizer.text.segment import Sentence

ALIGN_CUTOFF = 90.0  # rapidfuzz score for an excerpt that is not an exact substring


def verify(evidence: Evidence, text: str) -> bool:
    """The one quote check: the quote is the article's own slice at its offsets."""
    return 0 <= evidence.start <= evidence.end <= len(text) and text[evidence.start : evidence.end] == evidence.quote


def cite(ids: Iterable[int], sentences: dict[int, Sentence], speaker: str | None = None) -> list[Evidence]:
    """Evidence from sentence ids; KeyError for an id the article does not have."""
    return [Evidence(quote=sentences[i].text, start=sentences[i].start, end=sentences[i].end, speaker=speaker)
            for i in sorted(set(ids))]


def locate(excerpt: str, cited: list[Sentence]) -> tuple[int, int] | None:
    """Article offsets of the excerpt inside the cited sentences: exact first, then a strict alignment."""
    excerpt = excerpt.strip().strip("\"'“”‘’").strip()
    if len(excerpt) < 8:
        return None
    for s in cited:
        at = s.text.find(excerpt)
        if at >= 0:
            return s.start + at, s.start + at + len(excerpt)
    from rapidfuzz import fuzz

    best = None
    for s in cited:
        found = fuzz.partial_ratio_alignment(excerpt, s.text, score_cutoff=ALIGN_CUTOFF)
        if found is not None and (best is None or found.score > best[0]):
            best = (found.score, s, found.dest_start, found.dest_end)
    if best is None:
        return None
    _, s, start, end = best
    while start > 0 and s.text[start - 1].isalnum():  # whole words: an alignment may stop inside one
        start -= 1
    while end < len(s.text) and s.text[end].isalnum():
        end += 1
    piece = s.text[start:end]
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    return (s.start + start, s.start + end) if end - start >= 0.8 * len(excerpt) else None
