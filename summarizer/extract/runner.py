"""Run many articles: concurrent, each result handed over in input order as soon as it can be.

A bad article or a failed extraction becomes a record with an error; it never
stops the batch, not even an unexpected exception. Articles with the same text
are extracted once and every copy gets its own record with the same result. The
caller's `on_record` decides where results go (a JSONL file with fsync, stdout,
a list); it sees records in input order, each as soon as every earlier one is
done, so output never depends on thread timing. New model answers enter the
response cache only if their article succeeded (`llm.cache.holding`). After
`breaker` articles in a row fail at the endpoint (no answer at all), the rest
are not attempted and fail at once with one clear message.
"""

from __future__ import annotations

import os
import traceback
import sys
import threading
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Callable, Iterable

from summarizer.text.articles import Article, read_article, shown
from summarizer.errors import InputError, redact
from summarizer.extract.pipeline import ExtractOptions, article_info, extract_article, load_prompts
from summarizer.core.records import ArticleInfo, ExtractionRecord
from summarizer.core.tasks import SCHEMAS
from summarizer.extract.output import ResultsFile, identity, is_stream
from summarizer.extract import workers as processes
from summarizer.extract.progress import Progress, Watched, reported
from summarizer.llm.cache import holding
from summarizer.llm.usage import Usage

BREAKER_AFTER = 5  # consecutive articles that got no answer from the endpoint
NOT_ATTEMPTED = "not attempted"


def load_articles(sources: Iterable[str]) -> tuple[list[Article], list[tuple[str, InputError]]]:
    """Read everything first: unreadable inputs are reported before any model starts; none aborts the rest."""
    articles, failures = [], []
    for source in sources:
        try:
            articles.append(read_article(source))
        except InputError as exc:
            failures.append((source, exc))
        except (OSError, ValueError) as exc:  # anything the checks did not foresee is still this file's problem
            failures.append((source, InputError(f"{shown(source)}: cannot read it ({exc})", "check the file")))
    return articles, failures


def unique_sources(sources: Iterable[str]) -> tuple[list[str], list[str]]:
    """The sources once each (one file however its path is spelt), in order, and the repeats dropped."""
    seen: set[str] = set()
    unique, repeats = [], []
    for source in sources:
        who = identity(source)
        (repeats if who in seen else unique).append(source)
        seen.add(who)
    return unique, repeats


def provider_identity(config: Any) -> tuple[str | None, str | None]:
    """The provider and model a config will run, known without starting anything (None: not known).

    A provider already built (the Python API passes one) names itself.
    """
    from summarizer.llm.providers import ProviderConfig

    if not isinstance(config, ProviderConfig):
        return config.name, config.model
    kind = config.resolved_provider()
    if kind == "openai":
        return kind, config.model or os.environ.get("SUMMARIZER_MODEL")
    if kind == "embedded":
        from summarizer.llm.embedded import default_model_path

        return kind, (config.model_path or default_model_path()).name
    if kind == "rules":
        from summarizer.rules.extractor import RulesProvider

        return RulesProvider.name, RulesProvider.model
    return None, None


def _prompted(config: Any) -> bool:
    """Whether the provider a config (or a built provider) names reads the prompts; only the rules do not."""
    from summarizer.llm.providers import ProviderConfig

    if not isinstance(config, ProviderConfig):
        return bool(config.prompted)
    if config.resolved_provider() == "rules":
        from summarizer.rules.extractor import RulesProvider

        return RulesProvider.prompted
    return True


def plan_resume(output: Path, resume: bool, schema: str, articles: list[Article], unreadable: list[str],
                prompts_dir: Path | None, config: Any) -> tuple[list[Article], list[str]]:
    """The articles still to run, and notes for the user; the file keeps one line per article.

    Without --resume an existing results file is never appended to nor overwritten. With --resume an
    article is skipped when its file's last line is a complete success made from the same text, schema,
    prompt set, provider and model; every other article runs again and its old line is removed first.
    """
    if is_stream(output) and not resume:  # a pipe or terminal: written to, never read
        return articles, []
    found = ResultsFile.load(output)
    if not resume:
        if found.lines or found.torn:
            raise InputError(f"{output}: already holds results ({len(found.lines)} articles)",
                             "add --resume to finish that run, or choose another -o file")
        return articles, []
    notes = [f"{output}: dropped a half-written last line (the run was killed)"] if found.torn else []
    provider, model = provider_identity(config)
    refs = tuple(sorted((p.ref()["name"], p.ref()["sha256"]) for p in load_prompts(schema, prompts_dir).values()))
    refs = refs if _prompted(config) else ()  # a provider that reads no prompts records none
    todo, dropped = [], {identity(s) for s in unreadable}
    for article in articles:
        owner = found.owner_of(article.source, article.sha256)
        done = found.done.get(owner) if owner else None
        wanted = (article.sha256, schema, refs, provider, model)
        if done is None or done[:3] != wanted[:3] or (provider is not None and done[3:] != wanted[3:]):
            todo.append(article)
            if owner:
                dropped.add(owner)
    found.keep_only(dropped)
    if len(articles) > len(todo):
        notes.append(f"resuming {output}: {len(articles) - len(todo)} done, {len(todo)} to run")
    return todo, notes


def failure_record(source: str, schema: str, error: Exception | str,
                   info: ArticleInfo | None = None) -> ExtractionRecord:
    info = info or ArticleInfo(id=shown(source).rsplit("/", 1)[-1], source=shown(source))
    return ExtractionRecord(article=info, schema_name=schema, ok=False, error=str(error))


def endpoint_failed(record: ExtractionRecord) -> bool:
    """The article failed without a single answer from the endpoint (dead, refusing, overloaded)."""
    spent = record.provenance.usage if record.provenance else None
    return (not record.ok and spent is not None and spent.failed_calls > 0
            and spent.calls - spent.cached_calls == 0)


class Breaker:
    """Counts consecutive endpoint failures across worker threads; open means: call no more."""

    def __init__(self, after: int | None) -> None:
        self.after, self.streak, self.last = after, 0, ""
        self._lock = threading.Lock()

    @property
    def open(self) -> bool:
        return self.after is not None and self.streak >= self.after

    def observe(self, record: ExtractionRecord) -> None:
        with self._lock:
            if self.open:
                return
            if endpoint_failed(record):
                self.streak += 1
                self.last = (record.error or "").split("\n")[0]
            elif record.provenance is not None and record.provenance.usage.calls:
                self.streak = 0

    def message(self) -> str:
        return (f"{NOT_ATTEMPTED}: the endpoint failed {self.streak} articles in a row (last: {self.last}); "
                "the rest of the batch is skipped; re-run with --resume once it is healthy")


def _extract_safely(article: Article, provider: Any, options: ExtractOptions, prompts: Any,
                    breaker: Breaker, bar: Progress) -> ExtractionRecord:
    """An unexpected exception (a bug, a model answer nobody foresaw) fails this article, not the batch."""
    with bar.article():
        return _extract_or_fail(article, provider, options, prompts, breaker)


def _extract_or_fail(article: Article, provider: Any, options: ExtractOptions, prompts: Any,
                     breaker: Breaker) -> ExtractionRecord:
    if breaker.open:
        return failure_record(article.source, options.schema, breaker.message(), article_info(article))
    with holding() as held:
        try:
            record = extract_article(article, reported(provider, article.source, article.text), options, prompts)
        except Exception as exc:  # noqa: BLE001 - recorded with its error; the batch goes on
            if os.environ.get("SUMMARIZER_DEBUG"):  # the traceback a bug report needs (--help says so)
                traceback.print_exc()
            message = redact(f"internal error: {type(exc).__name__}: {exc}", os.environ.get("OPENAI_API_KEY"))
            record = failure_record(article.source, options.schema, message[:500], article_info(article))
        held.settle(record.ok and not record.error, record.error)
    breaker.observe(record)
    return record


def _extract_in_worker(article: Article, provider: Any, options: ExtractOptions) -> ExtractionRecord:
    """One article in a worker process (extract.workers); the breaker stays with the batch, in the parent."""
    return _extract_or_fail(article, provider, options, None, Breaker(None))


def _worker_record(future: Future[ExtractionRecord], article: Article, options: ExtractOptions) -> ExtractionRecord:
    """The worker's record; a worker that died (killed for memory, a signal) or a record that could not come
    back fails this article, not the batch."""
    try:
        return future.result()
    except BrokenProcessPool as exc:
        message = f"internal error: the worker process running it died ({exc}); re-run with --resume"
    except Exception as exc:  # noqa: BLE001 - as in _extract_or_fail
        message = f"internal error: {type(exc).__name__}: {exc}"[:500]
    return failure_record(article.source, options.schema, message, article_info(article))


def _close(pool: Executor, finished: bool) -> None:
    """After Ctrl-C (or any error) start nothing new: what is finished is already handed over."""
    if not isinstance(pool, ProcessPoolExecutor):
        pool.shutdown(wait=False, cancel_futures=True)
    elif finished:
        pool.shutdown()
    else:
        processes.stop(pool)


def _copy_for(record: ExtractionRecord, article: Article) -> ExtractionRecord:
    """The record of an identical article, filed under this one; it cost nothing more."""
    provenance = record.provenance.model_copy(update={"usage": Usage()}) if record.provenance else None
    return record.model_copy(update={"article": article_info(article), "provenance": provenance})


def run_batch(articles: Iterable[Article], provider: Any, options: ExtractOptions, concurrency: int = 1,
              on_record: Callable[[ExtractionRecord], None] | None = None,
              progress: bool | None = None, breaker: int | None = BREAKER_AFTER) -> list[ExtractionRecord]:
    """Records in input order; `on_record` is called in input order, from this thread.

    A CPU-bound provider (the rules) runs in `concurrency` worker processes (extract.workers), any other
    in as many threads; the records are the same either way.
    """
    articles = list(articles)
    prompts = load_prompts(options.schema, options.prompts_dir)
    copies: dict[str, list[int]] = {}  # text hash -> indexes of the articles with that text
    for i, article in enumerate(articles):
        copies.setdefault(article.sha256, []).append(i)
    results: dict[int, ExtractionRecord] = {}
    handed = 0  # records [0, handed) went to on_record
    trip = Breaker(breaker)
    show = sys.stderr.isatty() if progress is None else progress
    tasks = [task.prompt for task in SCHEMAS[options.schema].tasks]
    loading = provider.model if show and provider.loads_on_first_call else None
    workers = processes.worker_count(provider, concurrency, len(copies))
    pool: Executor
    if workers:  # submitted before the bar starts its thread: the pool forks on the first submit
        pool = processes.start(provider, workers, show)
        futures = processes.submit_all(pool, _extract_in_worker, ((same, (articles[same[0]], provider, options))
                                                                for same in copies.values()))
        loading = None
    else:
        pool, futures = ThreadPoolExecutor(max_workers=max(1, concurrency)), {}
    finished = False
    try:
        with Progress(len(articles), show, tasks, loading) as bar:
            watched = Watched(provider, bar) if show else provider
            futures = futures or {pool.submit(_extract_safely, articles[same[0]], watched, options, prompts, trip,
                                              bar): same for same in copies.values()}
            for future in as_completed(futures):
                first, *others = futures[future]
                if workers:
                    record = _worker_record(future, articles[first], options)
                    trip.observe(record)
                    bar.article_done_elsewhere()
                else:
                    record = future.result()
                for i, rec in [(first, record), *((j, _copy_for(record, articles[j])) for j in others)]:
                    results[i] = rec
                    bar.advance(rec, copy=i != first)
                while handed in results:
                    if on_record is not None:
                        on_record(results[handed])
                    handed += 1
        finished = True
    finally:
        _close(pool, finished)
    return [results[i] for i in range(len(articles))]

