"""`summarize cache`: inspect, clear, prune, export and import recorded responses."""

from __future__ import annotations

from pathlib import Path

import click


def _cache(cache_dir: Path | None):  # type: ignore[no-untyped-def]
    from summarizer.llm.cache import ResponseCache, default_cache_path

    return ResponseCache(cache_dir / "responses.sqlite" if cache_dir else default_cache_path())


_dir = click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                    help="Cache folder (default: $SUMMARIZER_CACHE_DIR or ~/.cache/summarizer).")


@click.group("cache")
def command() -> None:
    """Recorded model responses: a re-run with a warm cache makes no model calls."""


@command.command("info")
@_dir
def info(cache_dir: Path | None) -> None:
    """Where the cache is, how big, and how many answers it replays or holds as failed."""
    cache = _cache(cache_dir)
    counts = cache.counts()
    size = sum(p.stat().st_size for p in cache.path.parent.glob(cache.path.name + "*") if p.is_file())
    click.echo(f"{cache.path}: {counts['ok']} recorded responses (replayed), {counts['failed']} stored with "
               f"their article's failure (never replayed), {size / 1e6:.1f} MB")


@command.command("stats")
@_dir
def stats(cache_dir: Path | None) -> None:
    """How many responses are recorded, and where."""
    cache = _cache(cache_dir)
    click.echo(f"{cache.path}: {len(cache)} recorded responses")


@command.command("clear")
@_dir
@click.confirmation_option(prompt="Delete every recorded response?",
                           help="Do not ask (for scripts).")
def clear(cache_dir: Path | None) -> None:
    """Delete every recorded response: the next runs ask the endpoint again."""
    click.echo(f"deleted {_cache(cache_dir).clear()} responses")


@command.command("prune")
@_dir
@click.option("--failed", is_flag=True, help="Delete the answers stored with a failure (required).")
def prune(cache_dir: Path | None, failed: bool) -> None:
    """Delete the answers kept only for inspection (their article failed; they are never replayed)."""
    if not failed:
        raise click.UsageError("say what to prune: --failed")
    click.echo(f"deleted {_cache(cache_dir).clear(failed_only=True)} failed responses")


@command.command("export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@_dir
def export(path: Path, cache_dir: Path | None) -> None:
    """Write every recorded response to a JSONL file (diffable, committable)."""
    click.echo(f"exported {_cache(cache_dir).export_jsonl(path)} responses to {path}")


@command.command("import")
@click.argument("path", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@_dir
def import_(path: Path, cache_dir: Path | None) -> None:
    """Load responses from a JSONL file written by `cache export`."""
    click.echo(f"imported {_cache(cache_dir).import_jsonl(path)} responses from {path}")
