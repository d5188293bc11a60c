"""`summarize eval`: score a run against the gold labels, side by side with the rule extractor.

Nothing heavy is imported at module level: scoring pulls in numpy and scipy,
running a model pulls in openai, instructor and llama.cpp.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, Optional

import click

from summarizer.core.tasks import schema_names

from .options import provider_config, provider_options
from .outcome import incomplete, say_summary

_file = click.Path(dir_okay=False, path_type=Path)


@click.command("eval")
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("evals/gold"),
              show_default=True, help="Folder of gold files, one JSON per article; sub-folders are splits.")
@click.option("--from-run", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Score this saved run (JSONL of records) instead of calling a model.")
@click.option("--save-run", type=_file, default=None, help="Write the model's run here (JSONL, re-scorable).")
@click.option("--compare", "compare_to", type=click.Path(exists=True, path_type=Path), default=None,
              metavar="RUN.jsonl|PROMPTS_DIR",
              help="Reference to compare against: a saved run, or a prompts folder run with the same provider.")
@click.option("--recording", multiple=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Replay from this `cache export` JSONL (repeatable); any unrecorded call is an error.")
@click.option("--no-rules", "--no-baseline", "no_rules", is_flag=True,
              help="Do not run the rule extractor beside the model (--no-baseline: deprecated alias).")
@click.option("--json", "json_path", type=_file, default=None, help="Write the report as JSON ('-' = stdout).")
@click.option("--markdown", "markdown_path", type=_file, default=None,
              help="Write the report as Markdown (e.g. $GITHUB_STEP_SUMMARY).")
@click.option("--html", "html_path", type=_file, default=None,
              help="Write the self-contained HTML report with per-item detail.")
@click.option("--concurrency", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Articles in flight at once.")
@click.option("--max-tokens", type=click.IntRange(64, 32768), default=1024, show_default=True,
              help="Output tokens per model call (as in `summarize`; part of the recorded request).")
@click.option("--schema", "-s", type=click.Choice(schema_names()), default="all", show_default=True,
              help="What the model extracts; only the fields this schema fills are scored.")
@click.option("--article-dir", "article_dirs", multiple=True, type=click.Path(file_okay=False, exists=True,
              path_type=Path), help="Where gold `source` paths may point, besides the gold folder (repeatable) "
                                    "[default: the folder holding --gold, and the current folder].")
@click.option("--articles", "articles_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, metavar="FILE",
              help="Score only the gold articles whose ids this file lists, one per line ('#' comments).")
@click.option("--max-false-drop-rate", type=click.FloatRange(0, 100), default=None, metavar="PERCENT",
              help="Fail (exit 1) when grounding dropped more than PERCENT of the candidate's items that match gold.")
@click.option("--max-composite-fall", type=click.FloatRange(0, 100), default=None, metavar="POINTS",
              help="With --compare: fail (exit 1) when the pooled composite fell by more than POINTS below the reference's.")
@click.option("--max-false-drop-rise", type=click.FloatRange(0, 100), default=None, metavar="POINTS",
              help="With --compare: fail (exit 1) when the false-drop rate rose by more than POINTS percentage points.")
@provider_options
def command(gold_dir: Path, from_run: Optional[Path], save_run: Optional[Path], compare_to: Optional[Path],
            recording: tuple[Path, ...], no_rules: bool, json_path: Optional[Path], markdown_path: Optional[Path],
            html_path: Optional[Path], concurrency: int, max_tokens: int, **params: Any) -> None:
    """Score extraction against gold: pooled P/R/F1 per split and field, polarity, grounding, validity, cost.

    A gold file's split is its sub-folder of --gold (seeds, dev; files directly in
    it are `default`); reports show each split and all of them. --compare tests
    per-article composites over all splits (docs/evaluation.md).

    \b
    summarize eval --gold evals/gold --html report.html
    summarize eval --from-run new.jsonl --compare old.jsonl --markdown summary.md
    summarize eval --recording evals/runs/embedded.recording.jsonl --compare evals/prompts-worse

    --max-false-drop-rate and --max-false-drop-rise gate on correct items that
    grounding dropped (docs/evaluation.md, "False drops"); --max-composite-fall
    on any fall of the pooled composite below the --compare run.

    Exit status: 0 ok; 1 the candidate regressed against --compare or broke a
    --max-* limit; 5 some output
    of a run made here is schema-invalid or failed; 2 bad input; 4 replay miss.
    """
    from summarizer.errors import InputError

    if recording and params.get("no_cache"):
        raise InputError("--recording replays through the cache", "drop --no-cache")
    for limit in ("max_false_drop_rise", "max_composite_fall"):
        if params.get(limit) is not None and compare_to is None:
            raise InputError(f"--{limit.replace('_', '-')} compares with a reference run", "add --compare RUN.jsonl")
    if from_run is not None and save_run is not None:
        raise InputError("--save-run saves a model run, but --from-run scores a saved one", "use one of the two")
    from summarizer.extract.output import check_output

    for path in (json_path, markdown_path, html_path, save_run):  # before any work, which would be lost
        if path is not None and str(path) != "-":
            check_output(path, [])
    tmp = _import_recordings(recording, params) if recording else None
    made: list[Any] = []  # records of the runs made here (a saved run's failures were reported when it ran)
    try:
        report = _evaluate(gold_dir, from_run, save_run, compare_to, no_rules, concurrency, max_tokens, params, made)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    _write_reports(report, json_path, markdown_path, html_path)
    say_summary(made)
    from summarizer.evaluation.scorecard import EXIT_INVALID  # some output of a run made here failed

    sys.exit(report.exit_code or (EXIT_INVALID if incomplete(made) else 0))


def _import_recordings(recordings: tuple[Path, ...], params: dict[str, Any]) -> Path:
    """A private cache holding only the recordings, in replay mode: no model is ever called."""
    from summarizer.llm.cache import ResponseCache

    tmp = Path(tempfile.mkdtemp(prefix="summarize-replay-"))
    cache = ResponseCache(tmp / "responses.sqlite")
    try:
        for path in recordings:
            cache.import_jsonl(path)
    except Exception:
        cache.close()
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    cache.close()
    params.update(cache_dir=tmp, replay=True)
    return tmp


def _evaluate(gold_dir: Path, from_run: Optional[Path], save_run: Optional[Path], compare_to: Optional[Path],
              no_rules: bool, concurrency: int, max_tokens: int, params: dict[str, Any], made: list[Any]) -> Any:
    from dataclasses import replace

    from summarizer.evaluation.harness import (EvalReport, Gate, ReplayGuard, compare, load_dataset, read_run,
                                               run_label, score_run, solve)
    from summarizer.extract.pipeline import ExtractOptions
    from summarizer.llm.providers import ProviderConfig, build_provider

    gold = load_dataset(gold_dir, params.get("article_dirs") or ())
    if params.get("articles_file") is not None:
        gold = _only(gold, params["articles_file"])
    options = ExtractOptions(schema=params.get("schema") or "all", prompts_dir=params.get("prompts_dir"),
                             max_tokens=max_tokens,
                             max_tokens_cap=max(max_tokens, 2 * max_tokens))
    compare_prompts = compare_to is not None and compare_to.is_dir()
    provider = None
    if from_run is None or compare_prompts:
        provider = ReplayGuard(build_provider(provider_config(params)))
    try:
        records = read_run(from_run) if from_run else solve(gold, provider, options, save_run, concurrency)
        made.extend([] if from_run else records)
        candidate = score_run(run_label(records), gold, records)
        reference = None
        if compare_prompts:
            ref_records = solve(gold, provider, replace(options, prompts_dir=compare_to), None, concurrency)
            made.extend(ref_records)
            reference = score_run("reference", gold, ref_records)
        elif compare_to is not None:
            reference = score_run("reference", gold, read_run(compare_to))
    finally:
        if provider is not None:
            provider.close()
    if provider is not None:
        provider.raise_misses()
    runs, gated, notes = [candidate], [candidate.label], []
    if reference is not None:
        runs.append(reference)
    if no_rules:
        pass
    elif candidate.label == "rules":
        notes.append("the candidate is the rule extractor itself; not run twice")
    else:
        rules = build_provider(ProviderConfig(provider="rules"))
        rules_records = solve(gold, rules, options, None, concurrency)
        made.extend(rules_records)
        runs.append(score_run("rules", gold, rules_records))
        gated.append("rules")
    comparison = compare(candidate, reference) if reference is not None else None
    gate = Gate(*(None if params.get(k) is None else params[k] / 100
                  for k in ("max_false_drop_rate", "max_false_drop_rise", "max_composite_fall")))
    return EvalReport(gold, runs, comparison, gated, notes, gate)


def _only(gold: Any, listing: Path) -> Any:
    """The gold set cut to the ids a file lists: e.g. the articles a committed recording covers."""
    from dataclasses import replace

    from summarizer.errors import InputError

    wanted = [line.split("#")[0].strip() for line in listing.read_text(encoding="utf-8").splitlines()]
    wanted = [w for w in wanted if w]
    known = {item.gold.article_id for item in gold.items}
    if unknown := [w for w in wanted if w not in known]:
        raise InputError(f"{listing}: no gold file for article(s) {', '.join(unknown)}",
                         f"list ids of gold files under {gold.folder}")
    if not wanted:
        raise InputError(f"{listing}: lists no article ids", "one gold article id per line")
    chosen = set(wanted)
    return replace(gold, items=[item for item in gold.items if item.gold.article_id in chosen])


def _write_reports(report: Any, json_path: Optional[Path], markdown_path: Optional[Path],
                   html_path: Optional[Path]) -> None:
    from rich.console import Console

    from summarizer.evaluation.report_html import to_html
    from summarizer.extract.output import write_output
    from summarizer.evaluation.reports import print_terminal, to_json, to_markdown

    to_stdout = json_path is not None and str(json_path) == "-"
    print_terminal(report, Console(stderr=to_stdout))
    if to_stdout:
        click.echo(to_json(report), nl=False)
    for path, render in ((None if to_stdout else json_path, to_json), (markdown_path, to_markdown),
                         (html_path, to_html)):
        if path is not None:
            write_output(path, render(report))
