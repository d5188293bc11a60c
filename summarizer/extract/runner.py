"""Run many articles: concurrent, each result handed over as soon as it is done.

A bad article or a failed extraction becomes a record with an error; it never
stops the batch, not even an unexpected exception. Articles with the same text
are extracted once and every copy gets its own record with the same result. The
caller's `on_record` decides where results go (a JSONL file with fsync, stdout,
a list).
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any, Callable, Iterable

from summarizer.text.articles import Article, read_article
from summarizer.errors import InputError, redact
from summarizer.extract.pipeline import ExtractOptions, article_info, extract_article, load_prompts
from summarizer.core.records import ArticleInfo, ExtractionRecord
from summarizer.llm.usage import Usage


def load_articles(sources: Iterable[str]) -> tuple[list[Article], list[tuple[str, InputError]]]:
    """Read everything first: unreadable inputs are reported before any model starts."""
    articles, failures = [], []
    for source in sources:
        try:
            articles.append(read_article(source))
        except InputError as exc:
            failures.append((source, exc))
    return articles, failures


def unique_sources(sources: Iterable[str]) -> tuple[list[str], list[str]]:
    """The sources once each, in order, and the repeats dropped (one record per source, never two)."""
    seen: set[str] = set()
    unique, repeats = [], []
    for source in sources:
        (repeats if source in seen else unique).append(source)
        seen.add(source)
    return unique, repeats


def failure_record(source: str, schema: str, error: Exception | str,
                   info: ArticleInfo | None = None) -> ExtractionRecord:
    info = info or ArticleInfo(id=source.rsplit("/", 1)[-1], source=source)
    return ExtractionRecord(article=info, schema_name=schema, ok=False, error=str(error))


def _extract_safely(article: Article, provider: Any, options: ExtractOptions, prompts: Any) -> ExtractionRecord:
    """An unexpected exception (a bug, a model answer nobody foresaw) fails this article, not the batch."""
    try:
        return extract_article(article, provider, options, prompts)
    except Exception as exc:  # noqa: BLE001 - recorded with its error; the batch goes on
        message = redact(f"internal error: {type(exc).__name__}: {exc}", os.environ.get("OPENAI_API_KEY"))
        return failure_record(article.source, options.schema, message[:500], article_info(article))


def _copy_for(record: ExtractionRecord, article: Article) -> ExtractionRecord:
    """The record of an identical article, filed under this one; it cost nothing more."""
    provenance = record.provenance.model_copy(update={"usage": Usage()}) if record.provenance else None
    return record.model_copy(update={"article": article_info(article), "provenance": provenance})


def run_batch(articles: Iterable[Article], provider: Any, options: ExtractOptions, concurrency: int = 1,
              on_record: Callable[[ExtractionRecord], None] | None = None,
              progress: bool | None = None) -> list[ExtractionRecord]:
    """Records in input order; `on_record` is called in completion order, from this thread."""
    articles = list(articles)
    prompts = load_prompts(options.schema, options.prompts_dir)
    copies: dict[str, list[int]] = {}  # text hash -> indexes of the articles with that text
    for i, article in enumerate(articles):
        copies.setdefault(article.sha256, []).append(i)
    results: dict[int, ExtractionRecord] = {}
    show = sys.stderr.isatty() if progress is None else progress
    pool = ThreadPoolExecutor(max_workers=max(1, concurrency))
    try:
        with _Progress(len(articles), show) as bar:
            futures = {pool.submit(_extract_safely, articles[same[0]], provider, options, prompts): same
                       for same in copies.values()}
            for future in as_completed(futures):
                first, *others = futures[future]
                record = future.result()
                for i, rec in [(first, record), *((j, _copy_for(record, articles[j])) for j in others)]:
                    results[i] = rec
                    if on_record is not None:
                        on_record(rec)
                    bar.advance(rec)
    finally:  # on Ctrl-C, start nothing new: what is finished is already handed over
        pool.shutdown(wait=False, cancel_futures=True)
    return [results[i] for i in range(len(articles))]


class _Progress:
    """A rich progress bar on a terminal; silent otherwise (logs, CI, pipes)."""

    def __init__(self, total: int, show: bool) -> None:
        self.total, self.show, self.done, self.failed, self.tokens = total, show, 0, 0, 0
        self.started = time.perf_counter()
        self._bar: Any = None

    def __enter__(self) -> "_Progress":
        if self.show:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            # stderr, like every message of ours: stdout carries the results
            self._bar = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[status]}"), TimeElapsedColumn(), transient=True,
                                 console=Console(stderr=True))
            self._bar.start()
            self._task = self._bar.add_task("extract", total=self.total, status="")
        return self

    def advance(self, record: ExtractionRecord) -> None:
        self.done += 1
        self.failed += int(not record.ok)
        if record.provenance:
            self.tokens += record.provenance.usage.total_tokens
        if self._bar is not None:
            self._bar.update(self._task, advance=1, status=self.status())

    def status(self) -> str:
        """Failures, tokens and the rates so far: articles per minute, tokens per second."""
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        return (f"failed {self.failed} · {self.tokens} tokens · {60 * self.done / elapsed:.1f} articles/min"
                f" · {self.tokens / elapsed:.0f} tokens/s")

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
