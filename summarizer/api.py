"""The public Python API: `extract`, `extract_many`, `brief`, `evaluate` (re-exported by `summarizer`).

A facade over the library the `summarize` command runs: the same reading of
articles, the same batch runner (input order, identical texts extracted once,
one article's failure never stopping the rest), the same grounding, the same
records. Failures of a model are data (a record with `ok=False` and its
`error`); bad input (a missing file, an unknown schema) raises a
`SummarizerError` with what to do.
"""

from __future__ import annotations

import hashlib
import logging
import os
import queue
import threading
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any, Iterable, Iterator, Union

from summarizer.brief.models import Brief
from summarizer.core.records import ExtractionRecord
from summarizer.errors import InputError
from summarizer.evaluation.scorecard import EvalReport
from summarizer.extract.pipeline import ExtractOptions
from summarizer.llm.providers import Provider
from summarizer.text.articles import Article, article_from_text, read_article

Record = ExtractionRecord
Report = EvalReport
ArticleLike = Union[str, "os.PathLike[str]", Article]
ProviderLike = Union[str, Provider, None]

__all__ = ["ArticleLike", "Brief", "ProviderLike", "Record", "Report", "as_article", "brief", "briefs_by_day",
           "evaluate", "extract", "extract_many", "options_for"]

_OPTION_NAMES = tuple(f.name for f in fields(ExtractOptions) if f.name != "schema")


def as_article(article: ArticleLike) -> Article:
    """An `Article` from an `Article`, a path, or text (a string naming an existing file is that file).

    Text gets the id `text-` and the first 12 hex digits of its sha256, which is also its source.
    """
    if isinstance(article, Article):
        return article
    if isinstance(article, os.PathLike):
        return read_article(article)
    if not isinstance(article, str):
        raise InputError(f"cannot read an article from a {type(article).__name__}",
                         "pass the text as str, a pathlib.Path, or a summarizer Article")
    if "\n" not in article and len(article) < 4096 and _is_file(article):
        return read_article(article)
    if not article.strip():
        raise InputError("the article text is empty", "pass the article's text, or a path to it")
    ident = "text-" + hashlib.sha256(article.encode("utf-8")).hexdigest()[:12]
    return article_from_text(article, ident, ident)


def _is_file(text: str) -> bool:
    """Whether a one-line string names a file; a sentence too long or odd for a path name is text."""
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # a name too long for the file system, a NUL byte
        return False


def options_for(schema: str, **options: Any) -> ExtractOptions:
    """`ExtractOptions` with the CLI's defaults (an answer cut off is retried once at twice max_tokens)."""
    from summarizer.core.tasks import schema_names

    if schema not in schema_names():
        raise InputError(f"unknown schema {schema!r}", f"use one of: {', '.join(schema_names())}")
    unknown = sorted(set(options) - set(_OPTION_NAMES))
    if unknown:
        raise TypeError(f"unknown option(s) {', '.join(unknown)}; extraction options are: {', '.join(_OPTION_NAMES)}")
    if "max_tokens" in options and "max_tokens_cap" not in options:
        options["max_tokens_cap"] = 2 * options["max_tokens"]
    return ExtractOptions(schema=schema, **options)


@contextmanager
def _provider(provider: ProviderLike) -> Iterator[Any]:
    """A provider object as given (the caller closes it), or one built by name and closed afterwards."""
    if provider is not None and not isinstance(provider, str):
        yield provider
        return
    from summarizer import providers

    built = providers.get(provider)
    try:
        yield built
    finally:
        built.close()


def extract(article: ArticleLike, schema: str = "stance", provider: ProviderLike = None,
            **options: Any) -> ExtractionRecord:
    """One article's record: `result` holds the schema's items, each with verbatim evidence at exact offsets.

    `provider`: a name (`"rules"`, `"local"`, `"openai"`, default `auto`: an endpoint when $OPENAI_BASE_URL
    is set, else the rules) or a provider object. `options`: max_tokens, token_budget, time_budget,
    prompts_dir, chunk_chars.
    """
    return next(extract_many([article], schema, provider, **options))


def extract_many(articles: Iterable[ArticleLike], schema: str = "stance", provider: ProviderLike = None,
                 concurrency: int = 1, output: str | Path | None = None, resume: bool = False,
                 **options: Any) -> Iterator[ExtractionRecord]:
    """Records in input order, each as soon as every earlier one is done (as `summarize -f jsonl` writes them).

    Every article is read before any extraction starts, so a bad path fails at once. With `output`
    (a JSONL file) each record is also appended and fsynced as it finishes, as `summarize -f jsonl -o`
    does; with `resume`, the articles that file already holds a good record of are not run again
    (nor yielded), and an existing file is otherwise never appended to.
    """
    from summarizer.extract.output import JsonlSink
    from summarizer.extract.runner import plan_resume

    opts = options_for(schema, **options)
    read = [as_article(a) for a in articles]
    with _provider(provider) as chosen:
        sink = None
        if output is not None:
            read, notes = plan_resume(Path(output), resume, schema, read, [], opts.prompts_dir, chosen)
            for note in notes:
                logging.getLogger("summarizer").info(note)
            sink = JsonlSink(Path(output))
        try:
            if read:
                yield from _stream(read, chosen, opts, concurrency, sink)
        finally:
            if sink is not None:
                sink.close()


def _stream(read: list[Article], chosen: Any, opts: ExtractOptions, concurrency: int,
            sink: Any) -> Iterator[ExtractionRecord]:
    """The batch runs in a thread; records cross to the caller's thread as they are handed over."""
    from summarizer.extract.runner import run_batch

    done: queue.Queue[Any] = queue.Queue()
    end, stop = object(), threading.Event()

    def hand_over(record: ExtractionRecord) -> None:
        if sink is not None:  # a finished article is kept even when nobody reads it any more
            sink.write(record)
        if stop.is_set():  # the caller stopped iterating: end the batch (run_batch starts nothing new)
            raise _Stopped
        done.put(record)

    def work() -> None:
        try:
            run_batch(read, chosen, opts, concurrency, on_record=hand_over, progress=False)
        except _Stopped:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread, raised there
            done.put(exc)
        finally:
            done.put(end)

    worker = threading.Thread(target=work, name="summarizer-extract", daemon=True)
    worker.start()
    try:
        while (item := done.get()) is not end:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()  # the article in flight finishes (and is written) before the provider closes


class _Stopped(Exception):
    """Raised into the batch runner when the consumer of `extract_many` has gone."""


def _texts(records: list[ExtractionRecord], texts: dict[str, str] | None,
           articles: list[Article]) -> dict[str, str]:
    """Each record's article text, by source: given, extracted here, or read again from its file."""
    known = {a.source: a.text for a in articles} | dict(texts or {})
    for record in records:
        source = record.article.source
        if source in known or not record.ok:
            continue
        if not Path(source).is_file():
            raise InputError(f"{source}: the text of this record's article is unknown, so its quotes cannot be checked",
                             "pass texts={source: text}, or the articles themselves instead of their records")
        known[source] = read_article(source).text
    return known


def _records_and_texts(items: Iterable[Any], provider: ProviderLike, texts: dict[str, str] | None,
                       concurrency: int, options: dict[str, Any]) -> tuple[list[ExtractionRecord], dict[str, str]]:
    items = list(items)
    records = [i for i in items if isinstance(i, ExtractionRecord)]
    articles = [as_article(i) for i in items if not isinstance(i, ExtractionRecord)]
    if articles:
        records += list(extract_many(articles, "all", provider, concurrency, **options))
    not_all = sorted({r.schema_name for r in records if r.schema_name != "all"})
    if not_all:
        raise InputError(f"a brief needs records of schema 'all', got {', '.join(not_all)}",
                         "extract with schema='all', or pass the articles themselves")
    return records, _texts(records, texts, articles)


def brief(items: Iterable[Any], date: str | None = None, previous: Brief | None = None,
          include_undated: bool = False, provider: ProviderLike = None, texts: dict[str, str] | None = None,
          concurrency: int = 1, **options: Any) -> Brief:
    """The daily brief (`.to_markdown()`, `.to_html()`, `.to_json()`) from records of schema `all` or articles.

    `date`: YYYY-MM-DD; None takes the most recent date among the dated articles. Articles given
    as such are extracted first (`provider`, `options`); records are checked against their article
    texts (`texts` by source, else read again from their files).
    """
    from summarizer.brief.build import build_brief
    from summarizer.brief.sources import latest_date

    if date == "all":
        raise InputError("brief() makes the brief of one day", "use summarizer.briefs_by_day(...) for every day")
    records, known = _records_and_texts(items, provider, texts, concurrency, options)
    day = date or latest_date([r.article.meta.date for r in records])
    return build_brief(records, known, day, previous, include_undated=include_undated)


def briefs_by_day(items: Iterable[Any], previous: Brief | None = None, include_undated: bool = False,
                  provider: ProviderLike = None, texts: dict[str, str] | None = None, concurrency: int = 1,
                  **options: Any) -> list[Brief]:
    """One brief per day that has dated articles, oldest first, each against the day before
    (`summarize brief --date all`)."""
    from summarizer.brief.build import build_days
    from summarizer.brief.sources import days_of

    records, known = _records_and_texts(items, provider, texts, concurrency, options)
    return build_days(records, known, days_of([r.article.meta.date for r in records]), previous,
                      include_undated=include_undated)


def evaluate(gold_dir: str | Path, run: Any = None, schema: str = "all", concurrency: int = 1,
             **options: Any) -> EvalReport:
    """Score a run against hand-labelled gold (`evals/gold`): pooled figures per field and split.

    `run`: records, a saved run file (a Path, or a str ending .jsonl: scored without any model call), a
    provider name or object (run on the gold articles first), or None for the default provider.
    """
    from summarizer.evaluation.harness import load_dataset, read_run, run_label, score_run, solve

    gold = load_dataset(Path(gold_dir))
    if isinstance(run, Path) or (isinstance(run, str) and run.endswith((".jsonl", ".json"))):
        records = read_run(Path(run))  # a missing or foreign file is an InputError that says so
    elif isinstance(run, Iterable) and not isinstance(run, str):  # records (a provider is not iterable)
        records = list(run)
    else:
        with _provider(run) as chosen:
            records = solve(gold, chosen, options_for(schema, **options), None, concurrency)
    label = run_label(records)
    return EvalReport(gold, [score_run(label, gold, records)], None, [label], [])
