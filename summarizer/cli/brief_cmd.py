"""`summarize brief`: the day's articles in, one brief out (Markdown, HTML or JSON)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import click

from .options import follow_symlinks_option, provider_config, provider_options
from .outcome import exit_status, say_summary

FORMATS = ("markdown", "html", "json", "all")
SUFFIX = {"markdown": "md", "html": "html", "json": "json"}


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    import datetime

    if value is None or value == "all":
        return value
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD, e.g. 2026-02-03") from None
    return value


@click.command("brief")
@click.argument("inputs", nargs=-1, required=True, metavar="DIR_OR_FILES...")
@click.option("--date", default=None, callback=_date, metavar="YYYY-MM-DD|all",
              help="The day the brief is for: only articles dated that day are taken (the others are listed). "
                   "Default: the most recent date among the dated articles. all: one brief per day.")
@click.option("--include-undated", is_flag=True,
              help="Also take articles with no date in their text, front matter, sidecar or file name.")
@click.option("--previous", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="BRIEF.json",
              help="Yesterday's JSON brief: items are then marked new, changed or repeated.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="markdown", show_default=True,
              help="all: write brief-DATE.md, .html and .json into the folder given by -o.")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="File to write (a folder with -f all); default: standard output.")
@click.option("--concurrency", "-j", type=click.IntRange(1, 64), default=None,
              help="Articles extracted at once [default: --slots for the embedded model, a process per core "
                   "(at most 4) for the rules, 4 for an endpoint].")
@click.option("--max-tokens", type=click.IntRange(64, 32768), default=1024, show_default=True,
              help="Output tokens per model call.")
@click.option("--time-budget", type=click.FloatRange(1, None), default=None, metavar="SECONDS",
              help="Stop calling the model for an article after this long; it is then listed as failed.")
@click.option("--tie-break", is_flag=True,
              help="Ask the model to settle actor mentions the rules find ambiguous (answers are cached).")
@follow_symlinks_option
@provider_options
def command(inputs: tuple[str, ...], date: str | None, include_undated: bool, previous: Path | None, fmt: str,
            output: Path | None,
            concurrency: int | None, max_tokens: int, time_budget: float | None, tie_break: bool,
            follow_symlinks: bool, **params: Any) -> None:
    """One daily brief from several articles: who stands where, conditions, red lines, divergences.

    Only articles dated --date are taken (undated ones with --include-undated);
    the others are named on stderr and in the brief. Without --date, the day
    is the most recent date among the articles (said on stderr); --date all
    writes one brief per day (Markdown one after another, JSON an array,
    -f all or -o FOLDER a set of files per day). Each article is extracted
    with the `all` schema (same cache as `summarize`), actors are resolved across
    articles, items merged, and every quote re-verified against its article before
    anything is written. Articles that fail are listed in the brief as failed.
    Exit status: 0 all extracted; 1 some extraction failed (the brief is written),
    or every article failed (no brief is written; the reasons go to stderr);
    2 bad input (unreadable files are listed as failed in the brief; no article
    dated --date writes nothing).
    """
    from summarizer.errors import InputError

    if fmt == "all" and output is None:
        raise InputError("-f all writes three files and needs a folder", "add -o FOLDER")
    if date == "all" and fmt == "html" and (output is None or not output.is_dir()):
        raise InputError("--date all gives one HTML page per day", "add -o FOLDER (or -f all -o FOLDER)")
    if fmt != "all" and date != "all" and output is not None and output.is_dir():
        raise InputError(f"{output}: is a folder", "give a file name, or use -f all to write into a folder")
    if output is not None:  # before any model call: finding out after the run would lose it
        from summarizer.extract.output import check_output

        check_output(output / f"brief-{date}.md" if fmt == "all" else output, inputs)
    prior = _load_previous(previous) if previous is not None else None
    options = {"max_tokens": max_tokens, "max_tokens_cap": 2 * max_tokens, "time_budget": time_budget}
    params["follow_symlinks"] = follow_symlinks
    briefs, code = _build(list(inputs), date, include_undated, prior, concurrency, options, tie_break, params)
    _write(briefs, fmt, output)
    for brief in briefs:
        click.echo(_summary(brief) + (f" -> {output}" if output else ""), err=True)
    sys.exit(code)


def _summary(brief: Any) -> str:
    from summarizer.brief.present import extracted_by, plural

    failed = sum(not s.ok for s in brief.sources)
    return (f"brief {brief.date}: {plural(len(brief.sources), 'article')} ({failed} failed, "
            f"{len(brief.left_out)} left out), {plural(len(brief.stances), 'stance')}, "
            f"{plural(len(brief.conditions), 'condition')}, {plural(len(brief.red_lines), 'red line')}, "
            f"{plural(len(brief.divergences), 'divergence')}, {plural(brief.verification.quotes_dropped, 'quote')} "
            f"dropped; extracted by {extracted_by(brief)}")


def _load_previous(path: Path) -> Any:
    import json

    from pydantic import ValidationError

    from summarizer.brief.models import Brief
    from summarizer.errors import InputError

    hint = "pass a brief written by `summarize brief -f json` (or -f all)"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (--previous)", hint) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: not a JSON brief ({exc})", hint) from None
    try:
        return Brief.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise InputError(f"{path}: not a brief: field {where}: {first['msg']}", hint) from None


def _build(inputs: list[str], date: str | None, include_undated: bool, previous: Any, concurrency: int | None,
           limits: dict[str, Any], tie_break: bool, params: dict[str, Any]) -> tuple[list[Any], int]:
    from summarizer.brief.build import build_days, ungrounded
    from summarizer.brief.sources import NothingToBrief, plan_days
    from summarizer.errors import SummarizerError
    from summarizer.extract.pipeline import ExtractOptions
    from summarizer.extract.progress import loading_shown
    from summarizer.extract.runner import failure_record, load_articles, run_batch
    from summarizer.extract.workers import default_workers
    from summarizer.llm.providers import build_provider
    from summarizer.text.articles import find_articles

    read, unreadable = load_articles(list(dict.fromkeys(find_articles(inputs,
                                                                      follow_symlinks=params["follow_symlinks"]))))
    for _, error in unreadable:
        click.echo(f"summarize: error: {error}", err=True)
    days, articles, left_out = plan_days(read, date, include_undated, lambda a: a.meta.date, lambda a: (a.id, a.source))
    if date is None:
        click.echo(f"summarize: brief for {days[0]}, the most recent date among the articles "
                   "(--date YYYY-MM-DD for another day, --date all for every day)", err=True)
    for item in left_out:
        click.echo(f"summarize: left out {item.path}: {item.reason}", err=True)
    _require_articles(articles, unreadable, left_out, days[0] if len(days) == 1 else "any day")
    options = ExtractOptions(schema="all", prompts_dir=params.get("prompts_dir"), **limits)
    texts = {a.source: a.text for a in articles}
    failed = [failure_record(source, "all", error) for source, error in unreadable]
    if not articles:
        raise NothingToBrief(f"no article could be read, so no brief was written for {', '.join(days)}",
                             "fix the files named above and run again")
    config = provider_config(params)
    if concurrency is None:  # more requests than server slots would only queue, and time out
        concurrency = {"embedded": config.slots, "rules": default_workers()}.get(config.resolved_provider(), 4)
    with loading_shown():  # the local model loads here: say so on a terminal
        provider = build_provider(config)
    try:
        records = failed + run_batch(articles, provider, options, concurrency, on_record=_report_failure)
        briefs = build_days(records, texts, days, previous, _tie_break(tie_break, provider, params),
                            include_undated=include_undated, left_out=left_out)
    finally:
        provider.close()
    for brief in briefs:
        bad = ungrounded(brief, {s.id: texts[s.path] for s in brief.sources if s.ok})
        if bad:  # cannot happen unless a bug slipped in: never write an unsupported line
            raise SummarizerError(f"internal check failed: quotes {', '.join(bad)} do not match their articles",
                                  "nothing was written; please report this")
    say_summary(records)
    return briefs, exit_status(records, bool(unreadable))


def _require_articles(articles: list[Any], unreadable: list[Any], left_out: list[Any], date: str) -> None:
    """No article of the day and nothing unreadable: a bad --date (or undated files), said before any model runs."""
    from summarizer.errors import InputError

    if articles or unreadable:
        return
    dates = sorted({item.date for item in left_out if item.date})
    undated = sum(item.date is None for item in left_out)
    found = ", ".join(dates) + (f" and {undated} undated" if undated else "") if dates else f"{undated} undated"
    raise InputError(f"no article is dated {date} (found: {found}); nothing was written",
                     "pass the date of the articles with --date, or --include-undated to take undated ones")


def _tie_break(wanted: bool, provider: Any, params: dict[str, Any]) -> Any:
    from summarizer.llm.providers import ChatProvider

    if not wanted:
        return None
    if not isinstance(provider, ChatProvider):
        click.echo("summarize: warning: --tie-break needs a model; the rule-based provider has none", err=True)
        return None
    from summarizer.entities.tiebreak import LlmTieBreak

    return lambda texts: LlmTieBreak(provider, texts, params.get("prompts_dir"))


def _report_failure(record: Any) -> None:
    if record.error:
        said = "extraction failed" if not record.ok else "incomplete"
        click.echo(f"summarize: {record.article.source}: {said}: {record.error}", err=True)


def _write(briefs: list[Any], fmt: str, output: Path | None) -> None:
    """One brief as before; several (--date all): a file per day into a folder, else one document.
    Files written into a folder are written all or none."""
    from summarizer.extract.output import write_outputs

    from .extract_cmd import _atomic_write

    if fmt == "all" or (len(briefs) > 1 and output is not None and output.is_dir()):
        assert output is not None
        output.mkdir(parents=True, exist_ok=True)
        write_outputs({output / f"brief-{brief.date}.{suffix}": _render(brief, one)
                       for brief in briefs for one, suffix in SUFFIX.items() if fmt in ("all", one)})
        return
    text = _render_many(briefs, fmt)
    if output is not None:
        _atomic_write(output, text)
    else:
        click.echo(text, nl=False)


def _render_many(briefs: list[Any], fmt: str) -> str:
    if len(briefs) == 1:
        return _render(briefs[0], fmt)
    if fmt == "json":
        return "[\n" + ",\n".join(_render(b, fmt).rstrip("\n") for b in briefs) + "\n]\n"
    return "\n---\n\n".join(_render(b, fmt) for b in briefs)


def _render(brief: Any, fmt: str) -> str:
    from summarizer.errors import redact_output

    return redact_output(_format(brief, fmt))


def _format(brief: Any, fmt: str) -> str:
    return {"json": brief.to_json, "html": brief.to_html}.get(fmt, brief.to_markdown)()
