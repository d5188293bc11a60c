"""`summarize batch`: very large runs on batch engines (OpenAI Batch API, `vllm run-batch`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .extract_cmd import FORMAT_NAMES, SCHEMA_NAMES
from .options import provider_config, provider_options
from .outcome import exit_status, say_summary

_schema = click.option("--schema", "-s", type=click.Choice(SCHEMA_NAMES), default="stance", show_default=True,
                       help="What to extract; export and import must use the same.")
_max_tokens = click.option("--max-tokens", type=click.IntRange(64, 32768), default=1024, show_default=True,
                           help="Output tokens per request; an answer cut off here fails (no re-ask offline).")


@click.group("batch")
def command() -> None:
    """Hand a run to a batch engine and read its answers back.

    \b
    summarize batch export -s stance -o requests.jsonl --provider openai --model M DIR
    vllm run-batch -i requests.jsonl -o results.jsonl --model M     (or the OpenAI Batch API)
    summarize batch import results.jsonl -s stance --provider openai --model M -o out.jsonl -f jsonl DIR

    Pass the same articles, --schema, --provider/--model, --max-tokens and
    prompts to both. Import validates and grounds every answer exactly like a
    live run and records the answers in the response cache; it calls no model.
    """


def _articles(files: tuple[str, ...]) -> tuple[list[Any], bool]:
    from summarizer.text.articles import find_articles
    from summarizer.extract.runner import load_articles

    articles, unreadable = load_articles(find_articles(list(files)))
    for _, error in unreadable:
        click.echo(f"summarize: error: {error}", err=True)
    if not articles:
        sys.exit(unreadable[0][1].exit_code if unreadable else 2)
    return articles, bool(unreadable)


def _options(schema: str, max_tokens: int, params: dict[str, Any]) -> Any:
    from summarizer.extract.pipeline import ExtractOptions

    return ExtractOptions(schema=schema, prompts_dir=params.get("prompts_dir"), max_tokens=max_tokens,
                          max_tokens_cap=max_tokens)


@command.command("export")
@click.argument("files", nargs=-1, required=True, metavar="FILE... | DIR")
@_schema
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The requests file to write (OpenAI Batch API JSONL).")
@_max_tokens
@provider_options
def export(files: tuple[str, ...], schema: str, output: Path, max_tokens: int, **params: Any) -> None:
    """Write the requests of a run as an OpenAI Batch API JSONL file; calls no model."""
    from summarizer.extract.batch import capture_provider, plan_requests, write_requests

    articles, unreadable = _articles(files)
    provider = capture_provider(provider_config({**params, "replay": False, "no_cache": True}))
    try:
        plans = plan_requests(articles, provider, _options(schema, max_tokens, params))
    finally:
        provider.close()
    for plan in plans:
        if plan.error:
            click.echo(f"summarize: {plan.article.source}: cannot build its requests: {plan.error}", err=True)
    written, duplicates = write_requests(plans, output)
    click.echo(f"wrote {written} requests for {sum(not p.error for p in plans)} articles to {output}"
               + (f" ({duplicates} identical requests written once)" if duplicates else ""), err=True)
    sys.exit(2 if unreadable else (1 if any(p.error for p in plans) else 0))


@command.command("import")
@click.argument("results", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.argument("files", nargs=-1, required=True, metavar="FILE... | DIR")
@_schema
@click.option("--format", "-f", "fmt", type=click.Choice(FORMAT_NAMES), default="json", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the records here instead of stdout.")
@_max_tokens
@provider_options
def import_(results: Path, files: tuple[str, ...], schema: str, fmt: str, output: Path | None, max_tokens: int,
            **params: Any) -> None:
    """Read a batch results file back into grounded records, exactly as a live run makes them."""
    from summarizer.extract.batch import import_results, read_results
    from summarizer.errors import InputError
    from summarizer.extract.output import render
    from .extract_cmd import _atomic_write

    if params.get("no_cache"):
        raise InputError("batch import records the answers in the response cache", "drop --no-cache")
    answers = read_results(results)
    articles, unreadable = _articles(files)
    config = provider_config({**params, "replay": False})
    records = import_results(articles, config, _options(schema, max_tokens, params), answers)
    for record in records:
        if record.error:
            click.echo(f"summarize: {record.article.source}: {record.error}", err=True)
    if output is not None:
        _atomic_write(output, render(records, fmt))
    else:
        click.echo(render(records, fmt), nl=False)
    say_summary(records)
    sys.exit(exit_status(records, unreadable))
