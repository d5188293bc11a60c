"""The `summarize` command: thin over the library, quick to start.

Sub-command modules import nothing heavy at module level, so `summarize --help`
and argument errors never load a model, openai or instructor.
"""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

import click

from summarizer.errors import SummarizerError, redact


class DefaultGroup(click.Group):
    """`summarize FILE...` means `summarize extract FILE...`, as in `summarize --schema stance a.txt`."""

    default_command = "extract"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        wants_group_help = not args or args[0] in ("--help", "-h", "--version")
        if not wants_group_help and args[0] not in self.commands:
            _refuse_misspelt_command(args[0], sorted(self.commands))
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


def _refuse_misspelt_command(word: str, commands: list[str]) -> None:
    """`summarize breif seeds/` fails at once instead of extracting every other argument first.

    A word that is not a command is taken as an article path; when no such path exists and
    it is close to a command name, it was a typo.
    """
    try:
        if word.startswith("-") or word == "-" or Path(word).exists():
            return
    except OSError:  # e.g. a path too long to look up: it is a path, and reading it will say what is wrong
        return
    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.75)
    if close:
        raise click.UsageError(f"no such command {word!r} (and no such file); did you mean {close[0]!r}?")


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summarizer", prog_name="summarize")
def cli() -> None:
    """Grounded structured summaries of diplomacy news.

    \b
    summarize --schema stance article.txt        stances as JSON (default command: extract)
    summarize --schema all -f markdown a.txt     everything, as Markdown
    summarize eval --gold evals/gold ...         score a run against the gold labels
    summarize brief seeds/ --include-undated     the latest day's brief (here 2026-02-03, 3 articles)
    summarize schemas export                     write the JSON Schemas to schemas/

    The main command is `extract`, run when no other command is named: its options
    (--schema, --format, --output, --provider, --base-url, ...) are listed by
    `summarize extract --help`.

    With no endpoint configured, the rule-based extractor runs offline; the
    in-process llama.cpp model is `--provider local`. Point --base-url (or
    OPENAI_BASE_URL) and --model at any OpenAI-compatible endpoint to use a real
    model; OPENAI_API_KEY is read from the environment and never written anywhere.

    \b
    Environment:
      OPENAI_BASE_URL        endpoint URL (same as --base-url)
      OPENAI_API_KEY         the endpoint's key; never logged, cached or written
      SUMMARIZER_MODEL       model name at the endpoint (same as --model)
      SUMMARIZER_MODEL_PATH  GGUF file for the local model (same as --model-path)
      SUMMARIZER_PROMPTS     folder of prompt templates (same as --prompts-dir)
      SUMMARIZER_CACHE_DIR   where responses are recorded (same as --cache-dir)
      SUMMARIZER_THREADS     CPU threads of the local llama.cpp model (default: one per core)
      SUMMARIZER_DEBUG=1     show the traceback of an internal error
    """


def _register() -> None:
    """Every command, imported plainly: a packaging mistake must fail loudly, not drop a command."""
    from . import batch_cmd, brief_cmd, cache_cmd, eval_cmd, extract_cmd, schemas_cmd

    for module in (extract_cmd, eval_cmd, brief_cmd, batch_cmd, schemas_cmd, cache_cmd):
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
