"""A red line as one sentence that reads right whatever shape its text has.

A red line's `line` is a noun phrase ("any attack on the dam"), a verb phrase
("accept any talk of limiting it", "repeating the election") or a whole clause
("the EU insists on these duties"). Put after "X's red line:" a clause reads as
if the holder demanded it; the English grammar decides the frame instead:
a refusal is what the holder will not do, a trigger is what the holder warns
against, and a triggering clause is the condition ("if ..."). The shape comes
from spaCy's parse (the rules' pipeline, `rules.nlp`); without that model the
neutral frame "X's red line (kind): line" is used.
"""

from __future__ import annotations

from functools import lru_cache

SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}


@lru_cache(maxsize=4096)
def shape(text: str) -> str:
    """`clause` (a subject and its verb), `verb` (base form), `gerund`, `noun`, or `unknown` without a parser."""
    from summarizer.errors import SummarizerError

    try:
        from summarizer.rules.nlp import parse

        doc = parse([text.strip()])[0]
    except (SummarizerError, ImportError):
        return "unknown"
    tokens = [t for t in doc if not t.is_punct]
    if not tokens:
        return "unknown"
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if any(child.dep_ in SUBJECTS for root in roots for child in root.children) and roots[0].pos_ in ("VERB", "AUX"):
        return "clause"
    first = tokens[0]
    if first.tag_ == "VB":
        return "verb"
    return "gerund" if first.tag_ == "VBG" else "noun"


def red_line_statement(holder: str, kind: str, line: str, consequence: str | None) -> str:
    """One sentence for a red line: what the holder will not do, or warns against; the consequence as stated.

    The consequence is named, never conjugated: who bears it ("face grave consequences") is not always the holder.
    """
    kind = getattr(kind, "value", kind)
    form = shape(line)
    tail = f" (consequence: {consequence})" if consequence else ""
    if kind == "refusal" and form == "verb":
        return f"{holder} will not {line}{tail}"
    if kind == "refusal" and form in ("gerund", "noun"):
        return f"{holder} rules out {line}{tail}"
    if kind == "trigger" and form == "clause":
        return f"{holder} draws a red line if {line}{tail}"
    if kind == "trigger" and form in ("gerund", "noun"):
        return f"{holder} warns against {line}{tail}"
    return f"{holder}'s red line ({kind}): {line}{tail}"
