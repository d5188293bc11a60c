"""The `summarize` command: thin over the library, quick to start.

Sub-command modules import nothing heavy at module level, so `summarize --help`
and argument errors never load a model, openai or instructor.
"""

from __future__ import annotations

import os
import sys

import click

from summarizer.errors import SummarizerError, redact


class DefaultGroup(click.Group):
    """`summarize FILE...` means `summarize extract FILE...`, as in `summarize --schema stance a.txt`."""

    default_command = "extract"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        wants_group_help = not args or args[0] in ("--help", "-h", "--version")
        if not wants_group_help and args[0] not in self.commands:
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summarizer", prog_name="summarize")
def cli() -> None:
    """Grounded structured summaries of diplomacy news.

    \b
    summarize --schema stance article.txt        stances as JSON (default command: extract)
    summarize --schema all -f markdown a.txt     everything, as Markdown
    summarize eval --gold evals/gold ...         score a run against the gold labels
    summarize brief seeds/ --date 2026-02-03     one daily brief from many articles
    summarize schemas export                     write the JSON Schemas to schemas/

    With nothing configured, the embedded llama.cpp model (installed from PyPI)
    runs in-process, offline. Point --base-url (or OPENAI_BASE_URL) and --model at
    any OpenAI-compatible endpoint to use a real model; OPENAI_API_KEY is read
    from the environment and never written anywhere.
    """


def _register() -> None:
    from . import cache_cmd, extract_cmd, schemas_cmd

    for module in (extract_cmd, schemas_cmd, cache_cmd):
        cli.add_command(module.command)
    for optional in ("eval_cmd", "brief_cmd", "batch_cmd"):
        try:
            module = __import__(f"{__name__}.{optional}", fromlist=["command"])
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{optional}":
                raise
            continue
        cli.add_command(module.command)


_register()


_INTERRUPTED = "interrupted: finished results are kept; re-run with --resume to finish the rest"


def main() -> None:
    """Entry point: our errors become one clear message and an exit code, never a traceback."""
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except click.exceptions.Abort as exc:  # click turns Ctrl-C into Abort
        interrupted = isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt)
        click.echo(_INTERRUPTED if interrupted else "aborted", err=True)
        code = 130
    except SummarizerError as exc:
        click.echo(f"summarize: error: {redact(str(exc), os.environ.get('OPENAI_API_KEY'))}", err=True)
        code = exc.exit_code
    except KeyboardInterrupt:
        click.echo(_INTERRUPTED, err=True)
        code = 130
    except Exception as exc:  # noqa: BLE001 - last line of defence for the user
        if os.environ.get("SUMMARIZER_DEBUG"):
            raise
        message = redact(f"{type(exc).__name__}: {exc}", os.environ.get("OPENAI_API_KEY"))
        click.echo(f"summarize: internal error: {message}\n  hint: set SUMMARIZER_DEBUG=1 for details "
                   "and report it", err=True)
        code = 70
    sys.exit(code if isinstance(code, int) else 0)
