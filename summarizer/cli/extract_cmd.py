"""`summarize [extract]`: articles in, grounded JSON out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .options import provider_config, provider_options

SCHEMA_NAMES = ("stance", "conditions", "red-lines", "participants", "all")
FORMAT_NAMES = ("json", "jsonl", "markdown")


@click.command("extract")
@click.argument("files", nargs=-1, required=True, metavar="FILE... | DIR | -")
@click.option("--schema", "-s", type=click.Choice(SCHEMA_NAMES), default="stance", show_default=True,
              help="What to extract; `all` is the full article summary.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMAT_NAMES), default="json", show_default=True,
              help="json: one object per article (an array for several); jsonl: a line per article.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here instead of stdout; with -f jsonl each article is appended and fsynced as it finishes.")
@click.option("--resume", is_flag=True, help="With -o FILE.jsonl: skip articles that already have a result there.")
@click.option("--concurrency", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Articles in flight at once (use with --slots for the embedded server).")
@click.option("--max-tokens", type=click.IntRange(64, 32768), default=1024, show_default=True,
              help="Output tokens per model call (one retry at twice this when an answer is cut off).")
@click.option("--token-budget", type=click.IntRange(1, None), default=None,
              help="Stop calling the model for an article once it has used this many tokens.")
@provider_options
def command(files: tuple[str, ...], schema: str, fmt: str, output: Path | None, resume: bool, concurrency: int,
            max_tokens: int, token_budget: int | None, **params: Any) -> None:
    """Extract stances, conditions, red lines or participants from articles.

    Every item cites verbatim evidence with character offsets into the article;
    items that cannot be grounded are dropped and counted in the provenance.
    Exit status: 0 all articles done, 1 some extraction failed, 2 bad input.
    """
    from ..articles import find_articles
    from ..errors import InputError
    from ..extract import ExtractOptions
    from ..output import JsonlSink, done_keys, render
    from ..providers import build_provider
    from ..runner import failure_record, load_articles, run_batch

    if resume and (output is None or fmt != "jsonl"):
        raise InputError("--resume needs -o FILE with -f jsonl", "e.g. summarize -f jsonl -o results.jsonl --resume DIR")
    articles, unreadable = load_articles(find_articles(list(files)))
    for source, error in unreadable:
        click.echo(f"summarize: error: {error}", err=True)
    if not articles:
        sys.exit(unreadable[0][1].exit_code if unreadable else 2)
    if resume and output is not None:
        finished = done_keys(output)
        articles = [a for a in articles if (a.source, schema) not in finished]
    options = ExtractOptions(schema=schema, prompts_dir=params.get("prompts_dir"), max_tokens=max_tokens,
                             max_tokens_cap=max(max_tokens, 2 * max_tokens), token_budget=token_budget)
    failed = [failure_record(source, schema, error) for source, error in unreadable]
    sink = JsonlSink(output) if output is not None and fmt == "jsonl" else None
    stream = output is None and fmt == "jsonl"
    records = []
    if articles:
        provider = build_provider(provider_config(params))
        try:
            for record in failed if sink else []:
                sink.write(record)
            records = run_batch(articles, provider, options, concurrency, on_record=_emit(sink, stream))
        finally:
            provider.close()
            if sink is not None:
                sink.close()
    if output is not None and sink is None:
        _atomic_write(output, render(failed + records, fmt))
    elif output is None and not stream:
        click.echo(render(failed + records, fmt), nl=False)
    sys.exit(2 if unreadable else (1 if any(not r.ok for r in records) else 0))


def _emit(sink: Any, stream: bool) -> Any:
    def on_record(record: Any) -> None:
        if not record.ok:
            click.echo(f"summarize: {record.article.source}: extraction failed: {record.error}", err=True)
        if sink is not None:
            sink.write(record)
        elif stream:
            click.echo(record.to_json())
    return on_record


def _atomic_write(path: Path, text: str) -> None:
    """Never leave a half-written output: write beside it, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
