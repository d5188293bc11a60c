"""Evaluation reports for people and machines: terminal (rich), JSON and Markdown (a Jinja2 template).

All of them, and the HTML report (report_html.py), are built from the same rows,
so they never disagree. Every report names the gold set (its hash and splits),
the provider, model and prompts of every run, and the verdict.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from summarizer.evaluation.pooled import Pooled
from summarizer.evaluation.scorecard import EvalReport
from summarizer.evaluation.scoring import FIELDS, VIEWS, WEIGHTS, Counts

VIEW_NAMES = {"ident": "identification", "class_strict": "classification strict",
              "class_soft": "classification soft"}
FIELD_NAMES = {"participants": "participants", "stances": "stances", "conditions": "conditions",
               "red_lines": "red lines", "polarity": "stance polarity"}
TEMPLATES = Path(__file__).with_name("templates")
DROPS_NOTE = ("A false drop is a dropped item that matches a gold item no kept item matched (same matching as "
              "kept items); rate = false drops / (kept items matching gold + false drops).")
Table = tuple[list[str], list[list[str]]]


def pct(value: Optional[float]) -> str:
    return "—" if value is None else f"{100 * value:.1f}"


def _counts(c: Counts) -> str:
    tp = f"{c.tp:.0f}" if float(c.tp).is_integer() else f"{c.tp:.2f}"
    return f"{tp} / {c.n_pred} / {c.n_gold}"


# ---------------------------------------------------------------- rows

def split_sections(report: EvalReport) -> list[tuple[str, list[Pooled]]]:
    """(title, one Pooled per run) for each split, then `all`; one split alone is shown once."""
    per_run = [run.by_split for run in report.runs]
    sizes = report.gold.splits
    sections = []
    for index, pooled in enumerate(per_run[0] if per_run else []):
        title = f"split {pooled.split} ({pooled.articles} articles)"
        if len(sizes) == 1:
            title = f"split {pooled.split} = all ({pooled.articles} articles)"
        sections.append((title, [runs[index] for runs in per_run]))
    return sections


def split_rows(report: EvalReport, pooled: list[Pooled], compact: bool = False) -> Table:
    """Pooled counts (tp / predicted / gold) and P / R / F1 per field and view, one block of columns per run."""
    labels = [run.label for run in report.runs]
    if compact:
        header = ["field", "view", *[f"{label}\ntp / pred / gold · P / R / F1" for label in labels]]
    else:
        header = ["field", "view", *[f"{label} {m}" for label in labels for m in ("tp / pred / gold", "P", "R", "F1")]]

    def cells(counts: Counts) -> list[str]:
        figures = [pct(counts.precision), pct(counts.recall), pct(counts.f1)]
        return [f"{_counts(counts)} · {' / '.join(figures)}"] if compact else [_counts(counts), *figures]

    rows = []
    for name in FIELDS:
        for view in VIEWS:
            rows.append([FIELD_NAMES[name], VIEW_NAMES[view], *[c for p in pooled for c in cells(p.fields[name][view])]])
    rows.append(["stance polarity", "SemEval F_avg", *[c for p in pooled for c in _semeval_cells(p, compact)]])
    rows.append(["composite", "weighted", *[c for p in pooled for c in _composite_cells(p, compact)]])
    return header, rows


def _semeval_cells(p: Pooled, compact: bool) -> list[str]:
    counts = " · ".join(f"{name} {_counts(c)}" for name, c in p.polarity.items())
    return [f"{counts} · F {pct(p.semeval)}"] if compact else [counts, "", "", pct(p.semeval)]


def _composite_cells(p: Pooled, compact: bool) -> list[str]:
    left_out = [FIELD_NAMES[name] for name in WEIGHTS if name not in p.composite_parts]
    note = f"without {', '.join(left_out)} (empty)" if left_out and p.articles else ""
    return [f"{note} {pct(p.composite)}".strip()] if compact else [note, "", "", pct(p.composite)]


def run_rows(report: EvalReport) -> Table:
    """What each run cost and how clean its output is."""
    header = ["", *[run.label for run in report.runs]]
    lines: list[tuple[str, Any]] = [
        ("provider / model", lambda r: f"{r.provider} / {r.model}"),
        ("grounding rate %", lambda r: pct(r.grounding_rate)),
        ("schema-valid %", lambda r: pct(r.validity_rate)),
        ("failed extractions", lambda r: str(sum(a.failed for a in r.articles))),
        ("ungroundable dropped", lambda r: str(int(r.total("dropped")))),
        ("false-drop rate %", lambda r: pct(r.drops.rate())),
        ("tokens", lambda r: str(int(r.total("tokens")))),
        ("latency s (when run)", lambda r: f"{r.total('latency_s'):.1f}"),
        ("model server s (recorded)", lambda r: f"{r.total('server_ms') / 1000:.1f}"),
    ]
    return header, [[name, *[fn(run) for run in report.runs]] for name, fn in lines]


def false_drop_rows(report: EvalReport) -> Table:
    """Per field, then per drop reason: false drops / dropped and the false-drop rate, one column per run.

    The rate is false drops over the items matching gold (kept + falsely dropped) of the field;
    the reasons of a field add up to its rate (evaluation/drops.py)."""
    tallies = [run.drops for run in report.runs]
    header = ["field", "drop reason", *[f"{run.label}\nfalse / dropped · rate %" for run in report.runs]]

    def cell(t: Any, field_name: Optional[str], reason: Optional[str] = None) -> str:
        dropped = sum(n for (f, r), n in t.dropped.items()
                      if (field_name is None or f == field_name) and (reason is None or r == reason))
        return f"{t.false_drops(field_name, reason)} / {dropped} · {pct(t.rate(field_name, reason))}"

    rows = [["all fields", "all reasons", *[cell(t, None) for t in tallies]]]
    for name in FIELDS:
        reasons = sorted({r for t in tallies for r in t.reasons(name)})
        rows.append([FIELD_NAMES[name], "all reasons", *[cell(t, name) for t in tallies]])
        rows += [[FIELD_NAMES[name], reason, *[cell(t, name, reason) for t in tallies]] for reason in reasons]
    return header, rows


def comparison_rows(report: EvalReport) -> Table:
    comp = report.comparison
    if comp is None:
        return [], []
    header = ["article", "split", comp.candidate, comp.reference, "difference"]
    return header, [[a, s, pct(c), pct(r), f"{100 * (c - r):+.1f}"] for a, s, c, r in comp.rows]


def provenance_lines(report: EvalReport) -> list[str]:
    splits = ", ".join(f"{name} {n}" for name, n in report.gold.splits.items())
    lines = [f"gold: {report.gold.folder} · {len(report.gold.items)} articles ({splits}) · sha256 {report.gold.hash} · "
             f"guidelines {', '.join(report.gold.guidelines)}"]
    for run in report.runs:
        prompts = ", ".join(f"{p['name']} v{p['version']} {p['sha256'][:12]}" for p in run.prompts) or "none"
        if run.provider == "rules":
            prompts = "none used (rule-based)"
        lines.append(f"{run.label}: provider {run.provider} · model {run.model} · prompts {prompts}")
    return lines


def verdict_line(report: EvalReport) -> Optional[str]:
    comp = report.comparison
    if comp is None:
        return None
    t = comp.test
    return (f"{comp.candidate} vs {comp.reference}: {t.verdict.upper()}. Mean per-article composite difference "
            f"{100 * t.mean:+.2f} points over all {t.n} articles (95% paired bootstrap CI "
            f"[{100 * t.ci_low:+.2f}, {100 * t.ci_high:+.2f}]; permutation p = {t.p_value:.4g}, "
            f"{'exact' if t.exact else 'Monte Carlo'}): {t.reason}.")


def gate_lines(report: EvalReport) -> list[str]:
    lines = [f"schema-invalid or failed output in {label}: {', '.join(ids)}" for label, ids in report.invalid.items()]
    lines += [f"fails the gate: {line}" for line in report.gate_failures]
    return lines + [f"note: {n}" for n in report.notes] + [f"exit status {report.exit_code}"]


def weights_line() -> str:
    weights = ", ".join(f"{FIELD_NAMES[k]} {v}" for k, v in WEIGHTS.items())
    return (f"Composite: weighted mean of pooled soft-classification F1 ({weights}; polarity: SemEval-2016 "
            "F_avg); a part empty on both sides is left out and the weights renormalised.")


# ---------------------------------------------------------------- renderers

@lru_cache(maxsize=1)
def environment() -> Environment:
    """Templates with autoescape on, for Markdown too: article and model text never becomes markup."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = lambda value: str(value).replace("|", "\\|").replace("\n", " ")
    return env


def to_json(report: EvalReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def to_markdown(report: EvalReport) -> str:
    """GitHub-flavoured Markdown: fits a CI job summary or a pull-request comment."""
    sections = [(title, split_rows(report, pooled)) for title, pooled in split_sections(report)]
    return environment().get_template("report.md.j2").render(
        verdict=verdict_line(report), provenance=provenance_lines(report), sections=sections,
        runs=run_rows(report), drops=false_drop_rows(report), drops_note=DROPS_NOTE,
        comparison=comparison_rows(report), weights=weights_line(), gate=gate_lines(report))


def print_terminal(report: EvalReport, console: Any = None) -> None:
    """Rich tables on stdout; plain text when it is not a terminal."""
    from rich.console import Console
    from rich.table import Table as RichTable

    console = console or Console()
    if not console.is_terminal:  # logs and CI: wide enough for three runs, no wrapping of hashes
        console.width = max(console.width, 160)

    def say(line: str) -> None:
        console.print(line, markup=False, highlight=False, soft_wrap=True)

    def table(title: str, header: list[str], rows: list[list[str]], first: int = 1) -> None:
        t = RichTable(title=title, title_justify="left")
        for i, name in enumerate(header):
            t.add_column(name, justify="left" if i < first else "right", no_wrap=i < first)
        for row in rows:
            t.add_row(*row)
        console.print(t)

    for line in provenance_lines(report):
        say(line)
    for title, pooled in split_sections(report):
        table(f"Pooled scores, {title} (percent)", *split_rows(report, pooled, compact=True), first=2)
    table("Runs", *run_rows(report))
    table("False drops: dropped items matching a gold item no kept item matched", *false_drop_rows(report), first=2)
    if report.comparison is not None:
        table("Composite per article (percent)", *comparison_rows(report))
        say(verdict_line(report) or "")
    for line in gate_lines(report):
        say(line)
