"""`summarize schemas export|check`: the published JSON Schemas in schemas/."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.group("schemas")
def command() -> None:
    """Publish the output schemas as JSON Schema files."""


@command.command("export")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), default=Path("schemas"),
              show_default=True)
def export(folder: Path) -> None:
    """Write one JSON Schema file per output schema."""
    from summarizer.core.export import write_schemas

    for path in write_schemas(folder):
        click.echo(str(path))


@command.command("check")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), default=Path("schemas"),
              show_default=True)
def check(folder: Path) -> None:
    """Exit 1 if the files in DIR differ from the models (run `schemas export` to update)."""
    from summarizer.core.export import stale_schemas

    stale = stale_schemas(folder)
    for name in stale:
        click.echo(f"out of date: {folder / name}", err=True)
    sys.exit(1 if stale else 0)
