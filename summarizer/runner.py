"""Run many articles: concurrent, each result handed over as soon as it is done.

A bad article or a failed extraction becomes a record with an error; it never
stops the batch. The caller's `on_record` decides where results go (a JSONL file
with fsync, stdout, a list).
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any, Callable, Iterable

from .articles import Article, read_article
from .errors import InputError
from .extract import ExtractOptions, extract_article, load_prompts
from .records import ArticleInfo, ExtractionRecord


def load_articles(sources: Iterable[str]) -> tuple[list[Article], list[tuple[str, InputError]]]:
    """Read everything first: unreadable inputs are reported before any model starts."""
    articles, failures = [], []
    for source in sources:
        try:
            articles.append(read_article(source))
        except InputError as exc:
            failures.append((source, exc))
    return articles, failures


def failure_record(source: str, schema: str, error: Exception) -> ExtractionRecord:
    info = ArticleInfo(id=source.rsplit("/", 1)[-1], source=source)
    return ExtractionRecord(article=info, schema_name=schema, ok=False, error=str(error))


def run_batch(articles: Iterable[Article], provider: Any, options: ExtractOptions, concurrency: int = 1,
              on_record: Callable[[ExtractionRecord], None] | None = None,
              progress: bool | None = None) -> list[ExtractionRecord]:
    """Records in input order; `on_record` is called in completion order, from this thread."""
    articles = list(articles)
    prompts = load_prompts(options.schema, options.prompts_dir)
    results: dict[int, ExtractionRecord] = {}
    show = sys.stderr.isatty() if progress is None else progress
    with _Progress(len(articles), show) as bar, ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        futures = {pool.submit(extract_article, a, provider, options, prompts): i for i, a in enumerate(articles)}
        for future in as_completed(futures):
            record = future.result()
            results[futures[future]] = record
            if on_record is not None:
                on_record(record)
            bar.advance(record)
    return [results[i] for i in range(len(articles))]


class _Progress:
    """A rich progress bar on a terminal; silent otherwise (logs, CI, pipes)."""

    def __init__(self, total: int, show: bool) -> None:
        self.total, self.show, self.failed, self.tokens = total, show, 0, 0
        self._bar: Any = None

    def __enter__(self) -> "_Progress":
        if self.show:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[status]}"), TimeElapsedColumn(), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("extract", total=self.total, status="")
        return self

    def advance(self, record: ExtractionRecord) -> None:
        self.failed += int(not record.ok)
        if record.provenance:
            self.tokens += record.provenance.usage.total_tokens
        if self._bar is not None:
            self._bar.update(self._task, advance=1, status=f"failed {self.failed} · {self.tokens} tokens")

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
