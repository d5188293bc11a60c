"""`summarize [extract]`: articles in, grounded JSON out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from summarizer.core.tasks import schema_names

from .options import follow_symlinks_option, provider_config, provider_options
from .outcome import exit_status, say_summary

SCHEMA_NAMES = schema_names()  # from the task registry (light: its models load on first use)
FORMAT_NAMES = ("json", "jsonl", "markdown")


@click.command("extract")
@click.argument("files", nargs=-1, required=True, metavar="FILE... | DIR | -")
@click.option("--schema", "-s", type=click.Choice(SCHEMA_NAMES), default="stance", show_default=True,
              help="What to extract; `all` is the full article summary.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMAT_NAMES), default="json", show_default=True,
              help="json: one object per article (an array for several); jsonl: a line per article.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here instead of stdout; with -f jsonl each article is appended and fsynced as it finishes.")
@click.option("--resume", is_flag=True,
              help="With -o FILE.jsonl: skip articles that already have a result there; run the rest, "
                   "including earlier failures, whose lines are replaced (one line per article).")
@click.option("--concurrency", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Articles in flight at once (use with --slots for the embedded server).")
@click.option("--max-tokens", type=click.IntRange(64, 32768), default=1024, show_default=True,
              help="Output tokens per model call (one retry at twice this when an answer is cut off).")
@click.option("--token-budget", type=click.IntRange(1, None), default=None,
              help="Stop calling the model for an article once it has used this many tokens.")
@click.option("--time-budget", type=click.FloatRange(1, None), default=None, metavar="SECONDS",
              help="Stop calling the model for an article after this many seconds (retries included).")
@click.option("--show-dropped", is_flag=True,
              help="Print on stderr every item that was dropped (not grounded), what it said and why.")
@follow_symlinks_option
@provider_options
def command(files: tuple[str, ...], schema: str, fmt: str, output: Path | None, resume: bool, concurrency: int,
            max_tokens: int, token_budget: int | None, time_budget: float | None, show_dropped: bool,
            follow_symlinks: bool, **params: Any) -> None:
    """Extract stances, conditions, red lines or participants from articles.

    Every item cites verbatim evidence with character offsets into the article;
    items that cannot be grounded are dropped and counted in the provenance.
    Exit status: 0 all articles done, 1 some extraction failed or is incomplete (a task of it
    failed; stderr ends with a summary), 2 bad input.
    """
    from summarizer.text.articles import find_articles, shown
    from summarizer.errors import InputError
    from summarizer.extract.pipeline import ExtractOptions
    from summarizer.extract.output import JsonlSink, check_output, render
    from summarizer.llm.providers import build_provider
    from summarizer.extract.progress import loading_shown
    from summarizer.extract.runner import failure_record, load_articles, plan_resume, run_batch, unique_sources

    if resume and (output is None or fmt != "jsonl"):
        raise InputError("--resume needs -o FILE with -f jsonl", "e.g. summarize -f jsonl -o results.jsonl --resume DIR")
    sources, repeats = unique_sources(find_articles(list(files), follow_symlinks=follow_symlinks))
    for source in dict.fromkeys(repeats):
        click.echo(f"summarize: warning: {shown(source)} given more than once: extracted and recorded once", err=True)
    articles, unreadable = load_articles(sources)
    for source, error in unreadable:
        click.echo(f"summarize: error: {error}", err=True)
    _warn_same_text(articles)
    sink = None
    if output is not None:  # before any model call: finding out after the run would lose it
        check_output(output, sources)
    if output is not None and fmt == "jsonl":
        articles, notes = plan_resume(output, resume, schema, articles, [s for s, _ in unreadable],
                                      params.get("prompts_dir"), provider_config(params))
        for note in notes:
            click.echo(f"summarize: {'warning: ' if 'half-written' in note else ''}{note}", err=True)
        sink = JsonlSink(output)
    elif not articles:
        sys.exit(unreadable[0][1].exit_code if unreadable else 2)
    options = ExtractOptions(schema=schema, prompts_dir=params.get("prompts_dir"), max_tokens=max_tokens,
                             max_tokens_cap=max(max_tokens, 2 * max_tokens), token_budget=token_budget,
                             time_budget=time_budget)
    failed = [failure_record(source, schema, error) for source, error in unreadable]
    stream = output is None and fmt == "jsonl"
    records = []
    try:
        for record in failed if sink else []:
            sink.write(record)
        if articles:
            with loading_shown():  # the local model loads here: say so on a terminal
                provider = build_provider(provider_config(params))
            try:
                records = run_batch(articles, provider, options, concurrency, on_record=_emit(sink, stream))
            finally:
                provider.close()
    finally:
        if sink is not None:
            sink.close()
    if show_dropped:
        _print_dropped(records)
    if output is not None and sink is None:
        _atomic_write(output, render(failed + records, fmt))
    elif output is None and not stream:
        click.echo(render(failed + records, fmt), nl=False)
    say_summary(failed + records)
    sys.exit(exit_status(records, bool(unreadable)))


def _print_dropped(records: list[Any]) -> None:
    """One line per dropped item: where, why, and what it claimed (compact JSON)."""
    import json

    for record in records:
        for dropped in record.provenance.dropped if record.provenance else []:
            said = json.dumps(dropped.item, ensure_ascii=False) if dropped.item else "(no content)"
            click.echo(f"summarize: dropped {record.article.source} {dropped.field}: {dropped.reason}: {said}",
                       err=True)


def _warn_same_text(articles: list[Any]) -> None:
    first: dict[str, str] = {}
    for article in articles:
        if article.sha256 in first:
            click.echo(f"summarize: warning: {article.source} has the same text as {first[article.sha256]}: "
                       "extracted once, recorded for both", err=True)
        first.setdefault(article.sha256, article.source)


def _emit(sink: Any, stream: bool) -> Any:
    from summarizer.errors import redact_output
    from summarizer.extract.output import line
    from summarizer.extract.runner import NOT_ATTEMPTED

    said: list[bool] = []

    def on_record(record: Any) -> None:
        if not record.ok and not (said and (record.error or "").startswith(NOT_ATTEMPTED)):
            click.echo(redact_output(f"summarize: {record.article.source}: extraction failed: {record.error}"), err=True)
            said.extend([True] if (record.error or "").startswith(NOT_ATTEMPTED) else [])
        elif record.ok and record.error:  # some tasks failed: the record keeps the others, but it is not whole
            click.echo(redact_output(f"summarize: {record.article.source}: incomplete: {record.error}"), err=True)
        if sink is not None:
            sink.write(record)
        elif stream:
            click.echo(line(record))
    return on_record


def _atomic_write(path: Path, text: str) -> None:
    """Never leave a half-written output (see extract.output.write_output; streams are written directly)."""
    from summarizer.extract.output import write_output

    write_output(path, text)
