"""A self-contained HTML evaluation report: per split the pooled scores, per article what matched.

One file, inline CSS (templates/report.css), no scripts, no external assets.
The page is a Jinja2 template with autoescape on: every text that comes from an
article, a gold file or a model is escaped by the template engine, so markup
in model output shows up as text and never runs. This module only prepares
plain values for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from summarizer.evaluation.reports import (DROPS_NOTE, FIELD_NAMES, comparison_rows, environment, false_drop_rows,
                                           gate_lines, provenance_lines, run_rows, split_rows, split_sections,
                                           verdict_line, weights_line)
from summarizer.evaluation.scorecard import EvalReport, RunScore
from summarizer.evaluation.scoring import FIELDS, ArticleScore

_DESCRIBE: dict[str, Callable[[dict[str, Any]], str]] = {
    "participants": lambda p: f"{p.get('name')} ({p.get('kind')}; role {p.get('role') or '—'}; "
                              f"country {p.get('country') or '—'}) id {p.get('id')}",
    "stances": lambda s: f"{s.get('holder')} on “{s.get('topic')}”: {s.get('polarity')} — {s.get('position')} "
                         f"[{s.get('attribution')}]",
    "conditions": lambda c: f"{c.get('holder')}: {c.get('conditions')} only if {c.get('requirement')}",
    "red_lines": lambda r: f"{r.get('holder')} ({r.get('kind')}{', says “red line”' if r.get('explicit') else ''}): "
                           f"{r.get('line')} → {r.get('consequence') or 'no stated consequence'}",
}


@dataclass
class Segment:
    """A run of article text under the same set of evidence spans."""

    text: str
    classes: str
    tip: str


def _item(field_name: str, item: dict[str, Any]) -> dict[str, Any]:
    quotes = [{"quote": str(ev.get("quote", ""))[:240], "start": ev.get("start"), "end": ev.get("end")}
              for ev in item.get("evidence") or [] if isinstance(ev, dict)]
    return {"text": _DESCRIBE[field_name](item), "quotes": quotes}


def _spans(score: ArticleScore) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, tooltip) for every gold and predicted evidence span."""
    spans = []
    for name in FIELDS:
        fs = score.fields[name]
        matched_gold, matched_pred = {p.gold for p in fs.pairs}, {p.pred for p in fs.pairs}
        for side, items, matched, hit, miss in (("gold", score.gold[name], matched_gold, "gm", "gx"),
                                                ("model", score.pred[name], matched_pred, "pm", "ph")):
            for i, item in enumerate(items):
                css = hit if i in matched else miss
                for ev in item.get("evidence") or []:
                    if isinstance(ev, dict) and isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
                        spans.append((ev["start"], ev["end"], css,
                                      f"{side} {FIELD_NAMES[name]}: {_DESCRIBE[name](item)}"))
    return spans


def highlight(text: str, spans: list[tuple[int, int, str, str]]) -> list[Segment]:
    """The article cut at every span edge; overlapping spans stack their classes and tooltips."""
    cuts = sorted({0, len(text), *[max(0, min(len(text), x)) for s in spans for x in s[:2]]})
    segments = []
    for start, end in zip(cuts, cuts[1:]):
        cover = [s for s in spans if s[0] <= start and end <= s[1]]
        segments.append(Segment(text[start:end], " ".join(sorted({s[2] for s in cover})),
                                "\n".join(dict.fromkeys(s[3] for s in cover))))
    return segments


def _field(score: ArticleScore, name: str) -> dict[str, Any]:
    fs = score.fields[name]
    rows = [{"status": f"matched {100 * p.credit:.0f}%{' (strict)' if p.strict else ''}", "bad": False,
             "gold": _item(name, score.gold[name][p.gold]), "pred": _item(name, score.pred[name][p.pred])}
            for p in fs.pairs]
    rows += [{"status": "missed", "bad": True, "gold": _item(name, score.gold[name][j]), "pred": None}
             for j in fs.missed]
    rows += [{"status": "hallucinated", "bad": True, "gold": None, "pred": _item(name, score.pred[name][i])}
             for i in fs.hallucinated]
    counts = fs.views["class_soft"]
    f1 = "no score (empty on both sides)" if counts.f1 is None else f"soft F1 {100 * counts.f1:.1f}%"
    return {"title": f"{FIELD_NAMES[name]}: gold {counts.n_gold}, predicted {counts.n_pred}, "
                     f"matched {len(fs.pairs)}, {f1}", "rows": rows}


def _run(run: RunScore, score: ArticleScore, index: int) -> dict[str, Any]:
    return {"label": run.label, "provider": run.provider, "model": run.model, "open": index == 0,
            "composite": f"{100 * score.composite:.1f}", "error": None if score.valid else (score.error or
                                                                                           "invalid output"),
            "segments": highlight(score.text, _spans(score)), "fields": [_field(score, name) for name in FIELDS]}


def to_html(report: EvalReport) -> str:
    articles = [{"id": item.gold.article_id, "source": item.gold.source, "split": item.split,
                 "runs": [_run(run, run.articles[index], i) for i, run in enumerate(report.runs)]}
                for index, item in enumerate(report.gold.items)]
    sections = [(title, split_rows(report, pooled)) for title, pooled in split_sections(report)]
    return environment().get_template("report.html.j2").render(
        provenance=provenance_lines(report), verdict=verdict_line(report),
        verdict_class=report.comparison.test.verdict if report.comparison else "",
        sections=sections, weights=weights_line(), runs=run_rows(report), drops=false_drop_rows(report),
        drops_note=DROPS_NOTE, comparison=comparison_rows(report), gate=gate_lines(report),
        articles=articles)
