"""Evaluation as three replaceable parts: dataset (a gold folder), solver (a provider run), scorer.

A run is a JSONL file of ExtractionRecords, so it can be saved once and
re-scored any time later without a model call. The scorer is scoring.py per
article and scorecard.py per run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Sequence

from summarizer.text.articles import Article, guess_meta, read_article
from summarizer.errors import InputError
from summarizer.extract.pipeline import ExtractOptions
from summarizer.evaluation.gold import gold_hash, load_gold_files
from summarizer.core.records import ExtractionRecord
from summarizer.evaluation.scorecard import (EXIT_INVALID, EXIT_REGRESSION, Comparison, Gate, EvalReport, GoldSet,
                                             RunScore, compare, score_run)

__all__ = ["EXIT_INVALID", "EXIT_REGRESSION", "Comparison", "Gate", "EvalReport", "GoldSet", "ReplayGuard",
           "RunScore", "compare", "gold_articles", "load_dataset", "read_run", "run_label", "score_run", "solve"]


def load_dataset(folder: Path, article_dirs: Sequence[Path] = ()) -> GoldSet:
    """The gold set; article `source` paths must stay inside the gold folder or `article_dirs` (see gold.py)."""
    return GoldSet(folder, load_gold_files(folder, article_dirs), gold_hash(folder))


def gold_articles(gold_set: GoldSet) -> list[Article]:
    """The articles as `summarize` reads them, so the model sees the same request as a plain run."""
    articles = []
    for item in gold_set.items:
        path = item.source  # relative to the gold file's own folder, whatever its split
        article = read_article(path)
        if article.sha256 != item.gold.sha256:  # e.g. an HTML page: score against the text the gold labels
            article = Article(id=item.gold.article_id, source=str(path), text=item.text, meta=guess_meta(item.text))
        articles.append(article)
    return articles


def solve(gold_set: GoldSet, provider: Any, options: ExtractOptions, save: Optional[Path] = None,
          concurrency: int = 1) -> list[ExtractionRecord]:
    """Run the provider on every gold article; with `save`, each record is fsynced as it finishes."""
    from summarizer.extract.output import JsonlSink
    from summarizer.extract.runner import run_batch

    sink = None
    if save is not None:
        save.unlink(missing_ok=True)
        sink = JsonlSink(save)
    try:
        return run_batch(gold_articles(gold_set), provider, options, concurrency,
                         on_record=sink.write if sink else None)
    finally:
        if sink is not None:
            sink.close()


def run_label(records: list[ExtractionRecord]) -> str:
    """A run is named for its provider (`rules`, `embedded`, `openai`), or `candidate` when it mixes several."""
    providers = {r.provenance.provider for r in records if r.provenance is not None}
    return providers.pop() if len(providers) == 1 else "candidate"


def read_run(path: Path) -> list[ExtractionRecord]:
    """A saved run; an empty file is an error, not a run that scores zero."""
    from summarizer.extract.output import read_records

    records = read_records([path])
    if not records:
        raise InputError(f"{path}: the run file has no records", "pass a file written by --save-run or `summarize -o`")
    return records


class ReplayGuard:
    """Wraps a model provider to count replay misses, which extraction would record as mere failures.

    In replay mode a miss means the recording does not cover this run (prompts,
    options or articles changed); the evaluation must stop, not score it as empty.
    """

    def __init__(self, inner: Any) -> None:
        import threading

        self.inner, self.name, self.model, self.prompted = inner, inner.name, inner.model, inner.prompted
        self.loads_on_first_call = inner.loads_on_first_call
        self.misses = 0
        self._lock = threading.Lock()

    def answer(self, call: Any) -> Any:
        return self._counting(self.inner.answer, call)

    def complete(self, messages: list[dict[str, str]], response_model: Any, *, max_tokens: int) -> Any:
        return self._counting(self.inner.complete, messages, response_model, max_tokens=max_tokens)

    def _counting(self, method: Any, *args: Any, **kwargs: Any) -> Any:
        from summarizer.errors import ReplayMiss

        try:
            return method(*args, **kwargs)
        except ReplayMiss:
            with self._lock:
                self.misses += 1
            raise

    def close(self) -> None:
        self.inner.close()

    def raise_misses(self) -> None:
        from summarizer.errors import ReplayMiss

        if self.misses:
            raise ReplayMiss(f"replay: {self.misses} model call(s) have no recorded response",
                             "the prompts, options or articles changed since the recording: re-run "
                             "evals/record.sh, or drop --recording/--replay to call the model")
