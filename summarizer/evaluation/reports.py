"""Evaluation reports for people and machines: terminal table, JSON and Markdown.

All three are built from the same rows, so they never disagree. Every report
names the gold set (its hash) and the prompts (their hashes) it is about. The
HTML report with per-item detail is in report_html.py.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from summarizer.evaluation.scorecard import EvalReport
from summarizer.evaluation.gold import FIELDS
from summarizer.evaluation.scoring import VIEWS, WEIGHTS

VIEW_NAMES = {"ident_strict": "identification strict", "ident_soft": "identification soft",
              "class_strict": "classification strict", "class_soft": "classification soft"}
FIELD_NAMES = {"participants": "participants", "stances": "stances", "conditions": "conditions",
               "red_lines": "red lines"}


def _pct(value: Optional[float]) -> str:
    return "—" if value is None else f"{100 * value:.1f}"


def score_rows(report: EvalReport) -> tuple[list[str], list[list[str]]]:
    """Header and rows: one row per field and view, P/R/F1 per run side by side (percent)."""
    header = ["field", "view"] + [f"{run.label} {m}" for run in report.runs for m in ("P", "R", "F1")]
    rows = []
    for name in FIELDS:
        for view in VIEWS:
            cells = [_pct(v) for run in report.runs for v in run.macro(name, view)]
            rows.append([FIELD_NAMES[name], VIEW_NAMES[view], *cells])
    rows.append(["stance polarity", "SemEval F_avg", *[c for run in report.runs for c in ("", "", _pct(run.polarity))]])
    rows.append(["composite", "weighted", *[c for run in report.runs for c in ("", "", _pct(run.composite))]])
    return header, rows


def compact_score_rows(report: EvalReport) -> tuple[list[str], list[list[str]]]:
    """As score_rows, with P / R / F1 in one cell per run, so three runs fit a terminal."""
    header = ["field", "view"] + [f"{run.label}\nP / R / F1" for run in report.runs]
    rows = []
    for name in FIELDS:
        for view in VIEWS:
            rows.append([FIELD_NAMES[name], VIEW_NAMES[view],
                         *[" / ".join(f"{100 * v:5.1f}" for v in run.macro(name, view)) for run in report.runs]])
    rows.append(["stance polarity", "SemEval F_avg", *[f"F1 {_pct(run.polarity)}" for run in report.runs]])
    rows.append(["composite", "weighted", *[_pct(run.composite) for run in report.runs]])
    return header, rows


def run_rows(report: EvalReport) -> tuple[list[str], list[list[str]]]:
    """What each run cost and how clean its output is."""
    header = ["", *[run.label for run in report.runs]]
    lines: list[tuple[str, Any]] = [
        ("provider / model", lambda r: f"{r.provider} / {r.model}"),
        ("grounding rate %", lambda r: _pct(r.grounding_rate)),
        ("schema-valid %", lambda r: _pct(r.validity_rate)),
        ("failed extractions", lambda r: str(sum(a.failed for a in r.articles))),
        ("ungroundable dropped", lambda r: str(int(r.total("dropped")))),
        ("tokens", lambda r: str(int(r.total("tokens")))),
        ("latency s (when run)", lambda r: f"{r.total('latency_s'):.1f}"),
        ("model server s (recorded)", lambda r: f"{r.total('server_ms') / 1000:.1f}"),
    ]
    return header, [[name, *[fn(run) for run in report.runs]] for name, fn in lines]


def comparison_rows(report: EvalReport) -> tuple[list[str], list[list[str]]]:
    comp = report.comparison
    if comp is None:
        return [], []
    header = ["article", f"{comp.candidate}", f"{comp.reference}", "difference"]
    return header, [[a, _pct(c), _pct(r), f"{100 * (c - r):+.1f}"] for a, c, r in comp.rows]


def provenance_lines(report: EvalReport) -> list[str]:
    lines = [f"gold: {report.gold.folder} · {len(report.gold.items)} articles · sha256 {report.gold.hash} · "
             f"guidelines {', '.join(report.gold.guidelines)}"]
    for run in report.runs:
        prompts = ", ".join(f"{p['name']} v{p['version']} {p['sha256'][:12]}" for p in run.prompts) or "none"
        if run.provider == "baseline":
            prompts = "none used (rule-based)"
        lines.append(f"{run.label}: prompts {prompts}")
    return lines


def verdict_line(report: EvalReport) -> Optional[str]:
    comp = report.comparison
    if comp is None:
        return None
    t = comp.test
    return (f"{comp.candidate} vs {comp.reference}: {t.verdict.upper()}. Mean composite difference "
            f"{100 * t.mean:+.2f} points (95% paired bootstrap CI [{100 * t.ci_low:+.2f}, {100 * t.ci_high:+.2f}]; "
            f"sign-flip p = {t.p_value:.4g}, {'exact' if t.exact else 'Monte Carlo'}, n = {t.n}): {t.reason}.")


def gate_lines(report: EvalReport) -> list[str]:
    lines = [f"schema-invalid or failed output in {label}: {', '.join(ids)}" for label, ids in report.invalid.items()]
    return lines + [f"note: {n}" for n in report.notes] + [f"exit status {report.exit_code}"]


# ---------------------------------------------------------------- renderers

def to_json(report: EvalReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    if not header:
        return []
    lines = ["| " + " | ".join(_md(h) for h in header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows] + [""]


def f1_rows(report: EvalReport) -> tuple[list[str], list[list[str]]]:
    """F1 only, one column per run, plus candidate minus reference when there is a comparison."""
    delta = report.comparison is not None and len(report.runs) > 1
    comp = report.comparison
    header = ["field", "view", *[f"{run.label} F1" for run in report.runs]]
    header += [f"Δ {comp.candidate} − {comp.reference}"] if comp is not None and delta else []
    rows = []
    for name, view, values in _f1_values(report):
        cells = [_pct(v) for v in values] + ([f"{100 * (values[0] - values[1]):+.1f}"] if delta else [])
        rows.append([name, view, *cells])
    return header, rows


def _f1_values(report: EvalReport) -> list[tuple[str, str, list[float]]]:
    values = [(FIELD_NAMES[f], VIEW_NAMES[v], [run.macro(f, v)[2] for run in report.runs]) for f in FIELDS for v in VIEWS]
    values.append(("stance polarity", "SemEval F_avg", [run.polarity for run in report.runs]))
    values.append(("composite", "weighted", [run.composite for run in report.runs]))
    return values


def to_markdown(report: EvalReport) -> str:
    """GitHub-flavoured Markdown: fits a CI job summary or a pull-request comment."""
    out = ["## Extraction evaluation", ""]
    if (verdict := verdict_line(report)) is not None:
        out += [f"**{_md(verdict)}**", ""]
    out += [f"- {_md(line)}" for line in provenance_lines(report)] + [""]
    out += ["### F1 (percent, mean over articles)", "", *_md_table(*f1_rows(report))]
    out += ["<details><summary>Precision, recall and F1</summary>", "", *_md_table(*score_rows(report)),
            "</details>", ""]
    out += ["### Runs", "", *_md_table(*run_rows(report))]
    if report.comparison is not None:
        out += ["### Composite per article", "", *_md_table(*comparison_rows(report))]
    weights = ", ".join(f"{k} {v}" for k, v in WEIGHTS.items())
    out += [f"Composite weights: {weights} (soft classification F1; polarity: SemEval-2016 F_avg).", ""]
    out += [f"- {_md(line)}" for line in gate_lines(report)]
    return "\n".join(out) + "\n"


def print_terminal(report: EvalReport, console: Any = None) -> None:
    """Rich tables on stdout; plain text when it is not a terminal."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    if not console.is_terminal:  # logs and CI: wide enough for three runs, no wrapping of hashes
        console.width = max(console.width, 140)

    def table(title: str, header: list[str], rows: list[list[str]], first: int = 1) -> None:
        t = Table(title=title, title_justify="left")
        for i, name in enumerate(header):
            t.add_column(name, justify="left" if i < first else "right", no_wrap=i < first)
        for row in rows:
            t.add_row(*row)
        console.print(t)

    for line in provenance_lines(report):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    table("Scores (percent, mean over articles)", *compact_score_rows(report), first=2)
    table("Runs", *run_rows(report))
    if report.comparison is not None:
        table("Composite per article (percent)", *comparison_rows(report))
        console.print(verdict_line(report), markup=False, highlight=False, soft_wrap=True)
    for line in gate_lines(report):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
