"""A self-contained HTML evaluation report: per article and field, what matched, was missed or invented.

One file, inline CSS, no scripts, no external assets. Every piece of text that
comes from an article, a gold file or a model goes through html.escape, so
markup in model output shows up as text and never runs.
"""

from __future__ import annotations

from html import escape
from typing import Any, Callable

from summarizer.evaluation.scorecard import EvalReport, RunScore
from summarizer.evaluation.gold import FIELDS
from summarizer.evaluation.reports import FIELD_NAMES, f1_rows, gate_lines, provenance_lines, run_rows, score_rows, verdict_line
from summarizer.evaluation.scoring import ArticleScore

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222;padding:0 1em}
table{border-collapse:collapse;margin:.6em 0 1.2em}td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
pre.article{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1em;font:13px/1.6 Georgia,serif}
mark{background:none;color:inherit}
.gm{background:#d4f4d4}.gx{background:#ffe0b3}.pm{border-bottom:2px solid #2a8a2a}
.ph{text-decoration:underline wavy #c00;text-decoration-skip-ink:none}
.verdict{font-weight:bold;padding:.5em;border:2px solid #888}.regressed{border-color:#c00}.improved{border-color:#2a8a2a}
.legend span{margin-right:1.5em}.q{color:#555;font-size:12px}.bad{color:#c00}
details{margin:.5em 0 1em}summary{cursor:pointer;font-weight:bold}
"""

_DESCRIBE: dict[str, Callable[[dict[str, Any]], str]] = {
    "participants": lambda p: f"{p.get('name')} ({p.get('kind')}; role {p.get('role') or '—'}; "
                              f"country {p.get('country') or '—'}) id {p.get('id')}",
    "stances": lambda s: f"{s.get('holder')} on “{s.get('topic')}”: {s.get('polarity')} — {s.get('position')} "
                         f"[{s.get('attribution')}]",
    "conditions": lambda c: f"{c.get('holder')}: {c.get('conditions')} only if {c.get('requirement')}",
    "red_lines": lambda r: f"{r.get('holder')} ({r.get('kind')}{', says “red line”' if r.get('explicit') else ''}): "
                           f"{r.get('line')} → {r.get('consequence') or 'no stated consequence'}",
}


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _table(header: list[str], rows: list[list[str]], first: int = 1) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td{'' if i < first else ' class=n'}>{_e(c)}</td>" for i, c in enumerate(row))
                   + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _item(field_name: str, item: dict[str, Any]) -> str:
    quotes = "".join(f"<div class=q>“{_e(str(ev.get('quote', ''))[:240])}” [{_e(ev.get('start'))}–"
                     f"{_e(ev.get('end'))}]</div>" for ev in item.get("evidence") or [] if isinstance(ev, dict))
    return _e(_DESCRIBE[field_name](item)) + quotes


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


def highlight(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """The article with every span marked; overlapping spans stack their classes and tooltips."""
    cuts = sorted({0, len(text), *[max(0, min(len(text), x)) for s in spans for x in s[:2]]})
    parts = []
    for start, end in zip(cuts, cuts[1:]):
        cover = [s for s in spans if s[0] <= start and end <= s[1]]
        piece = _e(text[start:end])
        if cover:
            classes = " ".join(sorted({s[2] for s in cover}))
            tip = "\n".join(dict.fromkeys(s[3] for s in cover))
            piece = f'<mark class="{classes}" title="{_e(tip)}">{piece}</mark>'
        parts.append(piece)
    return "".join(parts)


def _field_section(score: ArticleScore, name: str) -> str:
    fs = score.fields[name]
    rows = [f"<tr><td>matched {100 * p.credit:.0f}%{' (strict)' if p.strict else ''}</td>"
            f"<td>{_item(name, score.gold[name][p.gold])}</td><td>{_item(name, score.pred[name][p.pred])}</td></tr>"
            for p in fs.pairs]
    rows += [f"<tr><td class=bad>missed</td><td>{_item(name, score.gold[name][j])}</td><td></td></tr>"
             for j in fs.missed]
    rows += [f"<tr><td class=bad>hallucinated</td><td></td><td>{_item(name, score.pred[name][i])}</td></tr>"
             for i in fs.hallucinated]
    counts = fs.views["class_soft"]
    title = (f"{FIELD_NAMES[name]}: gold {counts.n_gold}, predicted {counts.n_pred}, soft F1 "
             f"{100 * counts.f1:.1f}%")
    if not rows:
        return f"<h4>{_e(title)}</h4><p>nothing in gold, nothing predicted</p>"
    return (f"<h4>{_e(title)}</h4><table><tr><th></th><th>gold</th><th>predicted</th></tr>"
            + "".join(rows) + "</table>")


def _run_section(run: RunScore, score: ArticleScore, open_: bool) -> str:
    status = "" if score.valid else f"<p class=bad>{_e(score.error or 'invalid output')} — scored as empty</p>"
    body = "".join(_field_section(score, name) for name in FIELDS)
    return (f"<details{' open' if open_ else ''}><summary>{_e(run.label)} ({_e(run.provider)} / {_e(run.model)}) — "
            f"composite {100 * score.composite:.1f}%</summary>{status}"
            f"<pre class=article>{highlight(score.text, _spans(score))}</pre>{body}</details>")


def to_html(report: EvalReport) -> str:
    legend = ("<p class=legend><span class=gm>gold, matched</span><span class=gx>gold, missed</span>"
              "<span class=pm>predicted, matched</span><span class=ph>predicted, hallucinated</span></p>")
    parts = ["<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
             "<meta name=viewport content='width=device-width,initial-scale=1'>",
             f"<title>Extraction evaluation</title><style>{_CSS}</style></head><body>",
             "<h1>Extraction evaluation</h1>"]
    parts += [f"<p>{_e(line)}</p>" for line in provenance_lines(report)]
    if (verdict := verdict_line(report)) is not None and report.comparison is not None:
        parts.append(f"<p class='verdict {_e(report.comparison.test.verdict)}'>{_e(verdict)}</p>")
    parts += ["<h2>F1 (percent, mean over articles)</h2>", _table(*f1_rows(report), first=2),
              "<details><summary>Precision, recall and F1</summary>", _table(*score_rows(report), first=2),
              "</details><h2>Runs</h2>", _table(*run_rows(report))]
    parts += [f"<p>{_e(line)}</p>" for line in gate_lines(report)]
    parts += ["<h2>Articles</h2>", legend]
    for index, (gold, _) in enumerate(report.gold.items):
        parts.append(f"<section><h3>{_e(gold.article_id)} <span class=q>{_e(gold.source)}</span></h3>")
        parts += [_run_section(run, run.articles[index], open_=i == 0) for i, run in enumerate(report.runs)]
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
