"""Scoring one article: predicted items paired with gold items (matching.py), then graded and counted.

Every field is counted three ways, so a report can say *why* a number is low:
- identification: the pair exists (same holder or entity, overlapping evidence);
- classification strict: every label equal and every free text at TEXT_THRESHOLD or above;
- classification soft: the pair earns the mean of its label (0/1) and text similarities.
All three views use the same pairs. TEXT_THRESHOLD is part of the metric's
definition (docs/evaluation.md); changing it changes every score. Per-article
figures are the unit of the paired tests; headline figures are pooled (pooled.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from summarizer.evaluation.drops import DropTally
from summarizer.evaluation.matching import assign, candidates
from summarizer.evaluation.similarity import EntityResolver, Item, canonical_keys, label, text_similarity

TEXT_THRESHOLD = 0.5  # free text is "the same" for strict classification at or above this similarity

FIELDS = ("participants", "stances", "conditions", "red_lines")
VIEWS = ("ident", "class_strict", "class_soft")


@dataclass(frozen=True)
class FieldSpec:
    """Which attributes are labels (compared exactly) and which are free text (graded by similarity)."""

    labels: tuple[str, ...]
    texts: tuple[str, ...]


SPECS: dict[str, FieldSpec] = {
    "participants": FieldSpec(("kind", "country"), ("role",)),
    "stances": FieldSpec(("polarity", "attribution"), ("topic", "position")),
    "conditions": FieldSpec((), ("conditions", "requirement")),
    "red_lines": FieldSpec(("kind", "explicit"), ("line", "consequence")),
}


@dataclass(frozen=True)
class Grade:
    """How well a matched pair agrees beyond being the same item."""

    labels: tuple[float, ...]
    texts: tuple[float, ...]

    @property
    def strict(self) -> bool:
        return all(s == 1.0 for s in self.labels) and all(s >= TEXT_THRESHOLD for s in self.texts)

    @property
    def soft(self) -> float:
        parts = self.labels + self.texts
        return sum(parts) / len(parts) if parts else 1.0

    @property
    def text_mean(self) -> float:
        return sum(self.texts) / len(self.texts) if self.texts else 1.0


def grade(spec: FieldSpec, pred: Item, gold: Item) -> Grade:
    return Grade(tuple(float(label(pred.get(a)) == label(gold.get(a))) for a in spec.labels),
                 tuple(text_similarity(pred.get(a), gold.get(a)) for a in spec.texts))


# ---------------------------------------------------------------- counts and F1

@dataclass
class Counts:
    """True-positive credit against the sizes of both sides; both sides empty has no score (None)."""

    tp: float = 0.0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def empty(self) -> bool:
        return self.n_pred == 0 and self.n_gold == 0

    @property
    def precision(self) -> Optional[float]:
        return None if self.empty else (self.tp / self.n_pred if self.n_pred else 0.0)

    @property
    def recall(self) -> Optional[float]:
        return None if self.empty else (self.tp / self.n_gold if self.n_gold else 0.0)

    @property
    def f1(self) -> Optional[float]:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def to_dict(self) -> dict[str, Optional[float]]:
        return {"tp": _r(self.tp), "n_pred": self.n_pred, "n_gold": self.n_gold,
                "precision": _r(self.precision), "recall": _r(self.recall), "f1": _r(self.f1)}


def _r(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(float(value), 6)


@dataclass
class Pair:
    pred: int
    gold: int
    credit: float  # soft classification credit
    strict: bool  # also a strict classification match


@dataclass
class FieldScore:
    """One field of one article: the three views, and the pairs shown in reports."""

    views: dict[str, Counts]
    pairs: list[Pair] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)  # gold indices
    hallucinated: list[int] = field(default_factory=list)  # predicted indices


def score_field(field_name: str, pred: list[Item], gold: list[Item], pred_keys: list[str],
                gold_keys: list[str]) -> FieldScore:
    spec = SPECS[field_name]
    allowed = candidates(field_name, pred, gold, pred_keys, gold_keys)
    grades = {(int(i), int(j)): grade(spec, pred[i], gold[j]) for i, j in np.argwhere(allowed)}
    similarity = np.zeros(allowed.shape)
    for (i, j), g in grades.items():
        similarity[i, j] = g.text_mean
    pairs = [Pair(i, j, grades[i, j].soft, grades[i, j].strict) for i, j in assign(allowed, similarity)]
    n, m = len(pred), len(gold)
    views = {"ident": Counts(float(len(pairs)), n, m),
             "class_strict": Counts(float(sum(p.strict for p in pairs)), n, m),
             "class_soft": Counts(sum(p.credit for p in pairs), n, m)}
    return FieldScore(views, pairs, missed=[j for j in range(m) if j not in {p.gold for p in pairs}],
                      hallucinated=[i for i in range(n) if i not in {p.pred for p in pairs}])


# ---------------------------------------------------------------- stance polarity

POLARITY_LABELS = ("favor", "against")


def polarity_counts(pred: list[Item], gold: list[Item], pairs: list[Pair]) -> dict[str, Counts]:
    """SemEval-2016 Task 6 counts per label over the matched stances: a true positive is a pair that
    both say L; every item labelled L counts towards its own side."""
    counts = {}
    for name in POLARITY_LABELS:
        tp = sum(1 for p in pairs if label(pred[p.pred].get("polarity")) == name == label(gold[p.gold].get("polarity")))
        counts[name] = Counts(float(tp), sum(label(p.get("polarity")) == name for p in pred),
                              sum(label(g.get("polarity")) == name for g in gold))
    return counts


def semeval_f(counts: dict[str, Counts]) -> Optional[float]:
    """Mean of F1(favor) and F1(against) over the labels present on either side; neither present: None."""
    present = [counts[name].f1 for name in POLARITY_LABELS if not counts[name].empty]
    return sum(f for f in present if f is not None) / len(present) if present else None


# ---------------------------------------------------------------- the composite

# A fixed weighted mean of soft classification F1 per field and the SemEval polarity
# measure. Fixed so that runs scored months apart stay comparable.
WEIGHTS: dict[str, float] = {"participants": 0.15, "stances": 0.25, "polarity": 0.10,
                             "conditions": 0.25, "red_lines": 0.25}


def composite_of(f1s: dict[str, Optional[float]]) -> Optional[float]:
    """Weighted mean over the parts that have a score; an absent part's weight is shared out."""
    present = {name: value for name, value in f1s.items() if value is not None}
    if not present:
        return None
    total = sum(WEIGHTS[name] for name in present)
    return sum(WEIGHTS[name] * value for name, value in present.items()) / total


@dataclass
class ArticleScore:
    """One article of one run; a failed extraction is here with empty predictions, never left out."""

    article_id: str
    text: str
    gold: dict[str, list[Item]]
    pred: dict[str, list[Item]]
    fields: dict[str, FieldScore]
    polarity: dict[str, Counts]
    split: str = "default"
    quotes: int = 0
    grounded: int = 0
    failed: bool = False
    valid: bool = True
    error: Optional[str] = None
    dropped: int = 0
    drops: DropTally = field(default_factory=DropTally)  # dropped items against gold (false drops)
    tokens: int = 0
    latency_s: float = 0.0
    server_ms: float = 0.0

    @property
    def semeval(self) -> Optional[float]:
        return semeval_f(self.polarity)

    def f1(self, field_name: str, view: str = "class_soft") -> Optional[float]:
        return self.semeval if field_name == "polarity" else self.fields[field_name].views[view].f1

    @property
    def composite(self) -> float:
        """The paired tests' unit; an article with nothing on either side in any field scores 1."""
        value = composite_of({name: self.f1(name) for name in WEIGHTS})
        return 1.0 if value is None else value


def _quotes(result: dict[str, Any], text: str) -> tuple[int, int]:
    """(evidence quotes, those equal to the article slice at their offsets)."""
    spans = [ev for f in FIELDS for item in result.get(f) or [] for ev in item.get("evidence") or []]
    spans += list(result.get("summary_evidence") or [])
    return len(spans), sum(1 for ev in spans if _grounded(ev, text))


def _grounded(ev: Any, text: str) -> bool:
    from pydantic import ValidationError

    from summarizer.core.schemas import Evidence
    from summarizer.extract.grounding import verify

    try:
        return verify(Evidence.model_validate(ev), text)
    except ValidationError:
        return False


def score_article(article_id: str, text: str, gold: dict[str, list[Item]], result: Optional[dict[str, Any]],
                  valid: bool = True, split: str = "default", scored: tuple[str, ...] = FIELDS) -> ArticleScore:
    """Score one prediction (None = the extraction failed: every field is an empty prediction).

    `scored` are the fields the run's schema fills; the others are left out (empty on both sides),
    so a stance-only run is not charged for participants it was never asked for. Gold participants
    still resolve holders.
    """
    result = result or {}
    pred = {f: [i for i in result.get(f) or [] if isinstance(i, dict)] for f in FIELDS}
    resolver = EntityResolver(gold["participants"])
    fields = {}
    for name in FIELDS:
        if name not in scored:
            fields[name] = score_field(name, [], [], [], [])
            continue
        pk = canonical_keys(name, pred[name], resolver, pred["participants"])
        gk = canonical_keys(name, gold[name], resolver, gold["participants"])
        fields[name] = score_field(name, pred[name], gold[name], pk, gk)
    polarity = polarity_counts(pred["stances"], gold["stances"], fields["stances"].pairs)
    quotes, grounded = _quotes(result, text)
    return ArticleScore(article_id, text, gold, pred, fields, polarity, split=split, quotes=quotes,
                        grounded=grounded, valid=valid and grounded == quotes)
