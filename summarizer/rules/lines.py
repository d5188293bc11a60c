"""What kind of line a sentence is, before anyone is looked for in it (codebook §0): metadata lines
(date, source, byline, caption, timestamp), datelines and wire credits, the outlets they name, and the
spans inside quotation marks."""

from __future__ import annotations

import re

from summarizer.rules import lexicon as lex
from summarizer.text.segment import Sentence

# Codebook §0: metadata lines and datelines are never evidence or holders.
_METADATA = re.compile(r"^(?:date|source|by|updated|published|posted|photo|caption|credit|file|image)\b\s*[:–—-]?",
                       re.I)
# a wire's closing credit line: "(Reporting by A in X; Editing by B)", "Writing by A", "Additional reporting by A"
_WIRE_CREDIT = re.compile(r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b", re.I)
_TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d{2}\b(?:\s*(?:GMT|UTC|[A-Z]{2,4}))?\s*$")
_DATELINE = re.compile(r"^(?:[A-Z][A-Z.'’ /-]{2,60}|[A-Z][\w.'’ -]{1,40}\s*\[[^\]]+\])(?:,\s*[\w .]{2,30})?"
                       r"\s*(?:\(([^)]{2,40})\))?\s*[-–—:]\s+")
# a live blog's timestamp opening an entry: "08:10 - Text", "14:05 GMT: Text" (codebook §0)
# or a clock time with its time zone and no separator ("09:55 GMT The envoy said ..."): the zone ends the stamp
_STAMP_PREFIX = re.compile(r"^\d{1,2}[:.]\d{2}\b(?:(?:\s*(?:GMT|UTC|[A-Z]{2,4}))?\s*[-–—:|]|\s*(?:GMT|UTC)(?:[+-]\d{1,2})?)\s+")
_SOURCE_LINE = re.compile(r"^source\s*:\s*(.+)$", re.I)
# a wire credit opening the body with no city before it: "(Agency) Text ..." / "(AGENCY) - Text ..."
_CREDIT = re.compile(r"^\(([A-Z][\w&.' -]{1,40})\)\s*[-–—:]?\s+(?=[A-Z])")



def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (curly pairs, or straight quotes taken two by two)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*(?:”|$)", text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r'"[^"]*(?:"|$)', text)]
    return sorted(spans)


def in_quote(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < pos < e for s, e in spans)


def is_metadata(text: str) -> bool:
    """Date, source, byline, caption and timestamp lines (codebook §0)."""
    line = text.strip()
    return bool(_METADATA.match(line) or _TIMESTAMP.match(line) or _WIRE_CREDIT.match(line))


def dateline_end(text: str) -> int:
    """Where a dateline ('CITY (Agency) -', 'City [Country], Month 3 (Agency):') ends, else 0."""
    match = _DATELINE.match(text) or _CREDIT.match(text) or _STAMP_PREFIX.match(text)
    return match.end() if match and len(text) > match.end() + 20 else 0


def outlets(sentences: list[Sentence]) -> set[str]:
    """Names of the publishing outlet and agencies: the "Source:" line and the dateline's parentheses."""
    found: set[str] = set()
    for sentence in sentences:
        if m := _SOURCE_LINE.match(sentence.text.strip()):
            found.add(m.group(1).strip().lower())
        if (m := _DATELINE.match(sentence.text)) and m.group(1):
            found.add(m.group(1).strip().lower())
        if m := _CREDIT.match(sentence.text.strip()):
            found.add(m.group(1).strip().lower())
    return found


def is_media(name: str, known: set[str]) -> bool:
    """An outlet of this article, or a name headed by a media noun ('... News Agency', '... TV')."""
    low = name.lower().removeprefix("the ")
    words = re.findall(r"[\w-]+", low)
    return low in known or any(low in k or k in low for k in known if len(k) >= 4) or (
        bool(words) and (words[-1] in lex.MEDIA_HEADS or (len(words) > 1 and words[-2] in lex.MEDIA_HEADS)))
