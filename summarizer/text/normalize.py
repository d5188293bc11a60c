"""The one text toolkit: folding text for comparison, slugs for ids, stop words, and word stems.

Everything that compares words (actor names, topics, requirements, gold items)
should fold and stem them the same way, or two parts of the tool disagree on
whether "negotiations" and "negotiate" are one word. Stems come from the
Snowball English stemmer (`snowballstemmer`), not from cutting words to a prefix.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# Function words of English: they carry no subject, so subject comparisons skip them.
STOPWORDS = frozenset(
    """the a an and or of to in on for with by from at as is are was were be been being that this these those
    it its his her their our we they he she them you not no but if then than will would shall should can could
    may might must has have had do does did said says say also any all such into over under about after before
    more most very which who whom what when where while there here one other some only just""".split()
)

# Words that join the parts of a name; a single letter after one of them is a word, not an initial.
_JOINERS = frozenset("of the to in for at and on a an".split())

# A Snowball stemmer keeps the word it is working on in itself, so one shared by the threads of a
# `-j N` batch corrupts words half-way (an IndexError inside the stemmer): one stemmer per thread.
_LOCAL = threading.local()


def _stemmer() -> "snowballstemmer.stemmer":
    stemmer = getattr(_LOCAL, "stemmer", None)
    if stemmer is None:
        stemmer = _LOCAL.stemmer = snowballstemmer.stemmer("english")
    return stemmer


def fold(text: str) -> str:
    """Accents off and lower case: 'Esmaïl' -> 'esmail'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def normalise(text: str) -> str:
    """Lower-case ASCII words; accents, dots, possessives and punctuation gone ("the U.S.'s" -> "the us")."""
    text = fold(text)
    text = re.sub(r"[’'`]s\b", "", text)
    text = re.sub(r"\b([a-z])\.", r"\1", text)
    words = [w for w in re.sub(r"[^a-z0-9]+", " ", text).split() if w != "s"]  # "iran-s" from a slug
    out: list[str] = []
    for word in words:  # "u s" (a slug of "U.S.") -> "us"
        if len(word) == 1 and out and len(out[-1]) <= 2 and out[-1].isalpha() and word.isalpha() \
                and out[-1] not in _JOINERS:
            out[-1] += word
        else:
            out.append(word)
    return " ".join(out)


def slugify(name: str) -> str:
    """Participant ids: lower-case ASCII words joined by dashes (accents folded: 'Esmaïl' -> 'esmail')."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "unknown"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of one lower-case word: 'negotiations' and 'negotiating' -> 'negoti'."""
    return str(_stemmer().stemWord(word))


def content_stems(text: str) -> frozenset[str]:
    """Stems of the words of `text` that are not stop words."""
    return frozenset(stem(w) for w in normalise(text).split() if w not in STOPWORDS)
