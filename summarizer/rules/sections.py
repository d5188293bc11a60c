"""Section headings of a text and the reproduced statements they open (codebook §2, 1.2: "A reproduced
statement of a government or body (a statement section ...) is the state's or body's direct speech").

A heading is a short line in capitals with no sentence punctuation ("STATEMENT", "REMARKS OF THE
SPOKESPERSON"). One that names a noun of speech opens the statement the text introduced just before
("The following is the statement released by the Foreign Ministry of X"); any heading ends a section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.cues import speech_noun_source

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


def heading(text: str) -> bool:
    line = text.strip()
    return 0 < len(line.split()) <= 6 and line.isupper() and not any(c in line for c in ".:;,?!\"“")


def opens_statement(text: str) -> bool:
    """A heading that names a noun of speech: the statement the text announced is reproduced below it."""
    return heading(text) and any(w.lower() in lex.SPEECH_NOUNS for w in text.split())


def announced_sources(doc: "Doc") -> list["Token"]:
    """The sources of the nouns of speech a sentence names: "X's statement", "a statement by X", and the doer
    of a participle that describes the noun ("the statement released by X": English passive participle)."""
    from summarizer.rules.speech import agent_of

    found = []
    for tok in doc:
        source = speech_noun_source(tok) if tok.lemma_.lower() in lex.SPEECH_NOUNS else None
        source = source or next((a for c in tok.children if c.dep_ == "acl" and tok.lemma_.lower() in lex.SPEECH_NOUNS
                                 for a in [agent_of(c)] if a is not None), None)
        found += [source] if source is not None else []
    return found
