"""One batch in a fresh process, its records printed as JSON (used by tests/test_rules_parallel.py).

    python tests/parallel_batch.py PROVIDER JOBS SCHEMA ARTICLE...

PROVIDER is `rules`, `fails-on-marker` or `dies-on-marker`. Worker processes are forked only from a
process with no other thread (extract/workers.py), as `summarize` is; a pytest process may have
threads left by earlier tests, so batches meant to use workers run here.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from typing import Any

from summarizer.core.records import ExtractionRecord
from summarizer.extract.pipeline import ExtractOptions
from summarizer.extract.runner import load_articles, run_batch
from summarizer.rules.extractor import RulesProvider

MARKER = "Quillwort"  # an invented word: the providers below act up on the article that contains it


class FailsOnMarker(RulesProvider):
    """The rules, except that the article with MARKER raises inside the provider (a bug in the rules)."""

    def answer(self, call: Any) -> Any:
        if any(MARKER in s.text for s in call.sentences):
            raise RuntimeError("rule crashed")
        return super().answer(call)


class DiesOnMarker(RulesProvider):
    """The rules, except that the process running the article with MARKER dies (as if killed for memory)."""

    def answer(self, call: Any) -> Any:
        if any(MARKER in s.text for s in call.sentences):
            os._exit(9)
        return super().answer(call)


PROVIDERS = {"rules": RulesProvider, "fails-on-marker": FailsOnMarker, "dies-on-marker": DiesOnMarker}


def comparable(record: ExtractionRecord) -> dict[str, Any]:
    """Everything in a record but the timings."""
    data = record.model_dump(mode="json")
    data["provenance"] = {k: v for k, v in (data["provenance"] or {}).items() if k not in ("latency_s", "created_at")}
    return data


def main() -> None:
    kind, jobs, schema, *paths = sys.argv[1:]
    articles, unreadable = load_articles(paths)
    assert not unreadable, unreadable
    handed: list[tuple[str, int]] = []  # source, worker processes alive when its record was handed over

    def on_record(record: ExtractionRecord) -> None:
        handed.append((record.article.source, len(multiprocessing.active_children())))

    records = run_batch(articles, PROVIDERS[kind](), ExtractOptions(schema=schema), int(jobs), on_record=on_record,
                        progress=False)
    print(json.dumps({"handed": [source for source, _ in handed], "workers": max(n for _, n in handed),
                      "left": len(multiprocessing.active_children()), "records": [comparable(r) for r in records]}))


if __name__ == "__main__":
    main()
