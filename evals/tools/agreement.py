"""Inter-annotator agreement: score one labelling against another with the evaluation's own scorer.

The second labelling (`evals/agreement/second/`) is scored as if it were a prediction against the
first (`evals/gold/dev/`), so agreement is stated in exactly the units the extractors are scored in:
pooled P/R/F1 per field, items matched by holder and overlapping evidence. F1 is symmetric in
which side is called gold, so the direction does not matter for it.

    python evals/tools/agreement.py                      # the committed labellings
    python evals/tools/agreement.py --first A --second B
"""

from __future__ import annotations

import argparse
from pathlib import Path

from summarizer.evaluation.gold import FIELDS, load_gold_file
from summarizer.evaluation.pooled import pool
from summarizer.evaluation.scoring import score_article

ROOT = Path(__file__).resolve().parents[2]
VIEW_NAMES = {"ident": "identification", "class_strict": "classification strict", "class_soft": "classification soft"}


def agreement(first: Path, second: Path) -> str:
    """A Markdown table of pooled agreement per field and view, over the articles both folders label."""
    scores = []
    for path in sorted(second.glob("*.json")):
        other, text = load_gold_file(path)
        gold, gold_text = load_gold_file(first / path.name)
        if gold_text != text:
            raise SystemExit(f"{path.name}: the two labellings index different article texts")
        gold_items = {f: [i.model_dump(mode="json") for i in getattr(gold, f)] for f in FIELDS}
        predicted = {f: [i.model_dump(mode="json") for i in getattr(other, f)] for f in FIELDS}
        scores.append(score_article(gold.article_id, text, gold_items, predicted))
    pooled = pool("agreement", scores)
    rows = [f"Articles labelled twice: {len(scores)} ({', '.join(s.article_id for s in scores)})", "",
            "| field | view | agreed / second / first | P / R / F1 |", "|---|---|---|---|"]
    for field in FIELDS:
        for view, counts in pooled.fields[field].items():
            f1 = "—" if counts.f1 is None else f"{100 * counts.precision:.1f} / {100 * counts.recall:.1f} / " \
                                              f"{100 * counts.f1:.1f}"
            rows.append(f"| {field} | {VIEW_NAMES.get(view, view)} | {counts.tp:.1f} / {counts.n_pred} / "
                        f"{counts.n_gold} | {f1} |")
    semeval = pooled.semeval
    rows.append(f"| stance polarity | SemEval F_avg | | {'—' if semeval is None else f'{100 * semeval:.1f}'} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--first", type=Path, default=ROOT / "evals" / "gold" / "dev")
    parser.add_argument("--second", type=Path, default=ROOT / "evals" / "agreement" / "second")
    args = parser.parse_args()
    print(agreement(args.first, args.second))


if __name__ == "__main__":
    main()
