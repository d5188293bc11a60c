"""Scoring one article: predicted items matched one-to-one to gold items, then counted.

Every field is scored four ways, so a report can say *why* a number is low:

- identification: only the key field (the holder; for participants the canonical
  entity) has to agree; classification: every attribute has to agree too;
- strict: a pair earns 1 or 0; soft: a pair earns its similarity in [0, 1].

Pairs are found by maximum-weight bipartite matching (scipy's
linear_sum_assignment), separately for each of the four views, and a pair whose
key does not agree earns nothing in any view. The thresholds below are part of
the metric's definition (docs/evaluation.md); changing one changes every score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

import numpy as np

from summarizer.evaluation.similarity import EntityResolver, Item, canonical_keys, key_similarity, label, text_similarity

TEXT_THRESHOLD = 0.5  # free text is "the same" for strict scores at or above this similarity

FIELDS = ("participants", "stances", "conditions", "red_lines")
VIEWS = ("ident_strict", "ident_soft", "class_strict", "class_soft")


@dataclass(frozen=True)
class FieldSpec:
    """Which attribute is the key, which are labels (compared exactly) and which are free text."""

    key: str
    labels: tuple[str, ...]
    texts: tuple[str, ...]


SPECS: dict[str, FieldSpec] = {
    "participants": FieldSpec("id", ("kind", "country"), ("role",)),
    "stances": FieldSpec("holder", ("polarity", "attribution"), ("topic", "position")),
    "conditions": FieldSpec("holder", (), ("conditions", "requirement")),
    "red_lines": FieldSpec("holder", ("kind", "explicit"), ("line", "consequence")),
}


# ---------------------------------------------------------------- pair credits

@dataclass
class PairSims:
    """Everything the four views need about one (predicted, gold) pair."""

    key_strict: float
    key_soft: float
    labels: list[float]
    texts: list[float]

    def credit(self, view: str) -> float:
        if view == "ident_strict":
            return self.key_strict
        if view == "ident_soft":
            return self.key_soft
        if view == "class_strict":
            same = all(s == 1.0 for s in self.labels) and all(s >= TEXT_THRESHOLD for s in self.texts)
            return self.key_strict * float(same)
        parts = self.labels + self.texts
        return self.key_soft * (sum(parts) / len(parts) if parts else 1.0)

    @property
    def text_mean(self) -> float:
        return sum(self.texts) / len(self.texts) if self.texts else 1.0


def pair_sims(spec: FieldSpec, pred: Item, gold: Item, pred_key: str, gold_key: str) -> PairSims:
    return PairSims(
        key_strict=float(pred_key == gold_key),
        key_soft=key_similarity(pred_key, gold_key),
        labels=[float(label(pred.get(a)) == label(gold.get(a))) for a in spec.labels],
        texts=[text_similarity(pred.get(a), gold.get(a)) for a in spec.texts],
    )


def match(credit: np.ndarray, tiebreak: np.ndarray) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one matching; pairs with no credit are not matches.

    Credit dominates (it is scaled past any possible sum of tie-breaks), so among
    equally good assignments the one whose free text agrees best wins.
    """
    from scipy.optimize import linear_sum_assignment

    if credit.size == 0:
        return []
    scale = min(credit.shape) + 1.0
    weight = np.where(credit > 0, credit * scale + tiebreak, 0.0)
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols) if credit[r, c] > 0]


# ---------------------------------------------------------------- counts and F1

@dataclass
class Counts:
    """True-positive credit against the sizes of both sides; both empty is a perfect score."""

    tp: float = 0.0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else float(self.n_gold == 0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else float(self.n_pred == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def to_dict(self) -> dict[str, float]:
        return {"tp": round(self.tp, 6), "n_pred": self.n_pred, "n_gold": self.n_gold,
                "precision": round(self.precision, 6), "recall": round(self.recall, 6), "f1": round(self.f1, 6)}


@dataclass
class Pair:
    pred: int
    gold: int
    credit: float  # soft classification credit
    strict: bool  # also a strict classification match


@dataclass
class FieldScore:
    """One field of one article: the four views, and the pairs shown in reports."""

    views: dict[str, Counts]
    pairs: list[Pair] = field(default_factory=list)  # from the soft classification matching
    missed: list[int] = field(default_factory=list)  # gold indices
    hallucinated: list[int] = field(default_factory=list)  # predicted indices


def score_field(field_name: str, pred: list[Item], gold: list[Item], pred_keys: list[str],
                gold_keys: list[str]) -> FieldScore:
    spec = SPECS[field_name]
    sims = [[pair_sims(spec, p, g, pk, gk) for g, gk in zip(gold, gold_keys)] for p, pk in zip(pred, pred_keys)]
    tiebreak = np.array([[s.text_mean for s in row] for row in sims]).reshape(len(pred), len(gold))
    views: dict[str, Counts] = {}
    matched: dict[str, list[tuple[int, int]]] = {}
    for view in VIEWS:
        credit = _matrix(sims, lambda s: s.credit(view), len(pred), len(gold))
        matched[view] = match(credit, tiebreak)
        views[view] = Counts(sum(credit[r, c] for r, c in matched[view]), len(pred), len(gold))
    pairs = [Pair(r, c, sims[r][c].credit("class_soft"), sims[r][c].credit("class_strict") == 1.0)
             for r, c in matched["class_soft"]]
    return FieldScore(views, pairs, missed=[j for j in range(len(gold)) if j not in {p.gold for p in pairs}],
                      hallucinated=[i for i in range(len(pred)) if i not in {p.pred for p in pairs}])


def _matrix(sims: list[list[PairSims]], fn: Callable[[PairSims], float], rows: int, cols: int) -> np.ndarray:
    return np.array([[fn(s) for s in row] for row in sims], dtype=float).reshape(rows, cols)


# ---------------------------------------------------------------- stance polarity

POLARITY_LABELS = ("favor", "against")


def polarity_counts(pred: list[Item], gold: list[Item], pred_keys: list[str],
                    gold_keys: list[str]) -> dict[str, Counts]:
    """SemEval-2016 Task 6 counts per label: a true positive is the same stance (holder, and topic or
    position at TEXT_THRESHOLD) with the same label; unmatched items count against their own label."""
    spec = SPECS["stances"]
    sims = [[pair_sims(spec, p, g, pk, gk) for g, gk in zip(gold, gold_keys)] for p, pk in zip(pred, pred_keys)]
    same = _matrix(sims, lambda s: s.key_strict * float(max(s.texts) >= TEXT_THRESHOLD), len(pred), len(gold))
    tiebreak = _matrix(sims, lambda s: s.text_mean, len(pred), len(gold))
    pairs = match(same, tiebreak)
    counts = {}
    for name in POLARITY_LABELS:
        tp = sum(1 for r, c in pairs if label(pred[r].get("polarity")) == name == label(gold[c].get("polarity")))
        counts[name] = Counts(tp, sum(label(p.get("polarity")) == name for p in pred),
                              sum(label(g.get("polarity")) == name for g in gold))
    return counts


def semeval_f(counts: dict[str, Counts]) -> float:
    """Mean of F1(favor) and F1(against) over the labels present on either side; neither present = 1.

    Averaging only present labels keeps an empty prediction from earning half
    marks on an article whose gold has, say, no 'against' stance.
    """
    present = [name for name in POLARITY_LABELS if counts[name].n_pred or counts[name].n_gold]
    return sum(counts[name].f1 for name in present) / len(present) if present else 1.0


# ---------------------------------------------------------------- one article

# The composite: a fixed weighted mean of soft classification F1 per field and the
# SemEval polarity measure. Fixed so that runs scored months apart stay comparable.
WEIGHTS: dict[str, float] = {"participants": 0.15, "stances": 0.25, "polarity": 0.10,
                             "conditions": 0.25, "red_lines": 0.25}


@dataclass
class ArticleScore:
    """One article of one run; a failed extraction is here with empty predictions, never left out."""

    article_id: str
    text: str
    gold: dict[str, list[Item]]
    pred: dict[str, list[Item]]
    fields: dict[str, FieldScore]
    polarity: dict[str, Counts]
    quotes: int = 0
    grounded: int = 0
    failed: bool = False
    valid: bool = True
    error: Optional[str] = None
    dropped: int = 0
    tokens: int = 0
    latency_s: float = 0.0
    server_ms: float = 0.0

    @property
    def semeval(self) -> float:
        return semeval_f(self.polarity)

    def f1(self, field_name: str, view: str = "class_soft") -> float:
        return self.semeval if field_name == "polarity" else self.fields[field_name].views[view].f1

    @property
    def composite(self) -> float:
        return sum(weight * self.f1(name) for name, weight in WEIGHTS.items())


def _quotes(result: dict[str, Any], text: str) -> tuple[int, int]:
    """(evidence quotes, those equal to the article slice at their offsets)."""
    spans = [ev for f in FIELDS for item in result.get(f) or [] for ev in item.get("evidence") or []]
    spans += list(result.get("summary_evidence") or [])
    return len(spans), sum(1 for ev in spans if _grounded(ev, text))


def _grounded(ev: Any, text: str) -> bool:
    try:
        start, end, quote = int(ev["start"]), int(ev["end"]), ev["quote"]
    except (KeyError, TypeError, ValueError):
        return False
    return 0 <= start <= end <= len(text) and text[start:end] == quote


def score_article(article_id: str, text: str, gold: dict[str, list[Item]], result: Optional[dict[str, Any]],
                  valid: bool = True) -> ArticleScore:
    """Score one prediction (None = the extraction failed: every field is an empty prediction)."""
    result = result or {}
    pred = {f: [i for i in result.get(f) or [] if isinstance(i, dict)] for f in FIELDS}
    resolver = EntityResolver(gold["participants"])
    fields, keys = {}, {}
    for name in FIELDS:
        pk = canonical_keys(name, pred[name], resolver, pred["participants"])
        gk = canonical_keys(name, gold[name], resolver, gold["participants"])
        keys[name] = (pk, gk)
        fields[name] = score_field(name, pred[name], gold[name], pk, gk)
    polarity = polarity_counts(pred["stances"], gold["stances"], *keys["stances"])
    quotes, grounded = _quotes(result, text)
    return ArticleScore(article_id, text, gold, pred, fields, polarity, quotes=quotes, grounded=grounded,
                        valid=valid and grounded == quotes)
