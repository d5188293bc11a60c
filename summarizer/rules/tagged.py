"""The tagger's named entities as the rules read them: a person's name cut in two joined again, and no
dateline or live-blog timestamp inside a name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules.lines import dateline_end

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

# Particles inside personal names: "Mohammed bin Abdulrahman Al Thani", "Ursula von der Leyen".
NAME_PARTICLES = frozenset("al el bin ibn bint abu von van der de da dos du le la".split())


def entities(doc: "Doc") -> list["Span"]:
    """The tagger's entities, with a person's name the tagger cut in two joined again when the second part
    follows right after it and starts with a name particle or is a person too ("... Abdulrahman Al Thani"),
    and without a dateline or timestamp the tagger took into a name ("08:10 - Kim Jong Un")."""
    from spacy.tokens import Span

    skip = dateline_end(doc.text)
    out: list[Span] = []
    for ent in doc.ents:
        if ent.start_char < skip < ent.end_char:
            first = next((t.i for t in ent if t.idx >= skip), ent.end)
            if first >= ent.end:
                continue
            ent = Span(doc, first, ent.end, label=ent.label_)
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "PERSON" and ent.start == prev.end and ent.label_ in ("PERSON", "ORG") \
                and (ent.label_ == "PERSON" or ent[0].lower_ in NAME_PARTICLES):
            out[-1] = Span(doc, prev.start, ent.end, label=prev.label_)
            continue
        out.append(ent)
    return out
