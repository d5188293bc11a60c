"""The lead as summary: the first one or two sentences of running text.

Codebook §0: headlines, datelines, metadata lines and short labels are not running text.
"""

from __future__ import annotations

from typing import Any

from summarizer.rules.actors import dateline_end, is_metadata
from summarizer.rules.stances import shorten
from summarizer.text.segment import Sentence


def _is_running_text(text: str, title: str | None) -> bool:
    stripped = text.strip()
    return (stripped != (title or "").strip() and len(stripped.split()) >= 8 and stripped[-1] in ".!?”\"’)"
            and stripped[0] not in "—–-" and not is_metadata(stripped))


def lead(sentences: list[Sentence], title: str | None, most: int = 2) -> dict[str, Any] | None:
    body = [s for s in sentences if _is_running_text(s.text, title)]
    if not body:
        return None
    chosen = body[:1]
    if most > 1 and len(body) > 1 and body[1].id == body[0].id + 1 and len(body[0].text) + len(body[1].text) < 480:
        chosen.append(body[1])
    summary = " ".join(s.text[dateline_end(s.text):] for s in chosen)
    return {"summary": shorten(summary, 500), "sentences": [s.id for s in chosen]}
