"""A run's scorecard: every gold article scored, aggregated, and compared with another run.

Every gold article is scored in every run: a failed extraction, an invalid
result or a missing record counts as an empty prediction, never as a skipped
article. Records are paired with gold articles by the article's sha256.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from summarizer.evaluation.gold import FIELDS, GoldArticle
from summarizer.core.records import ExtractionRecord
from summarizer.evaluation.scoring import VIEWS, WEIGHTS, ArticleScore, Counts, score_article, semeval_f
from summarizer.evaluation.stats import PairedTest, paired_test

EXIT_REGRESSION = 1
EXIT_INVALID = 5


@dataclass
class GoldSet:
    """The dataset: gold files with their article texts, and the hash every report prints."""

    folder: Path
    items: list[tuple[GoldArticle, str]]
    hash: str

    @property
    def guidelines(self) -> list[str]:
        return sorted({gold.guidelines_version for gold, _ in self.items})


@dataclass
class RunScore:
    """One run over the gold set: per-article scores and what the run cost."""

    label: str
    provider: str
    model: str
    prompts: list[dict[str, str]]
    articles: list[ArticleScore]
    missing: list[str] = field(default_factory=list)

    def macro(self, field_name: str, view: str = "class_soft") -> tuple[float, float, float]:
        """Mean over articles of P, R, F1: the both-empty rule applies article by article."""
        rows = [a.fields[field_name].views[view] for a in self.articles]
        return _mean([c.precision for c in rows]), _mean([c.recall for c in rows]), _mean([c.f1 for c in rows])

    def micro(self, field_name: str, view: str = "class_soft") -> Counts:
        total = Counts()
        for a in self.articles:
            total.add(a.fields[field_name].views[view])
        return total

    @property
    def polarity(self) -> float:
        return _mean([a.semeval for a in self.articles])

    @property
    def polarity_pooled(self) -> float:
        """The SemEval measure on counts pooled over all articles, as the shared task computes it."""
        pooled = {label: Counts() for label in ("favor", "against")}
        for a in self.articles:
            for label, counts in a.polarity.items():
                pooled[label].add(counts)
        return semeval_f(pooled)

    @property
    def composite(self) -> float:
        return _mean([a.composite for a in self.articles])

    @property
    def grounding_rate(self) -> Optional[float]:
        quotes = sum(a.quotes for a in self.articles)
        return sum(a.grounded for a in self.articles) / quotes if quotes else None

    @property
    def validity_rate(self) -> float:
        return _mean([float(a.valid) for a in self.articles])

    @property
    def invalid(self) -> list[str]:
        return [a.article_id for a in self.articles if not a.valid]

    def total(self, attr: str) -> float:
        return sum(getattr(a, attr) for a in self.articles)

    def summary(self) -> dict[str, Any]:
        fields = {f: {v: dict(zip(("precision", "recall", "f1"), map(_r, self.macro(f, v))),
                             micro=self.micro(f, v).to_dict()) for v in VIEWS} for f in FIELDS}
        return {
            "label": self.label, "provider": self.provider, "model": self.model, "prompts": self.prompts,
            "composite": _r(self.composite), "fields": fields,
            "polarity_semeval": _r(self.polarity), "polarity_semeval_pooled": _r(self.polarity_pooled),
            "grounding_rate": None if self.grounding_rate is None else _r(self.grounding_rate),
            "schema_validity_rate": _r(self.validity_rate), "invalid_articles": self.invalid,
            "failed_articles": [a.article_id for a in self.articles if a.failed], "missing_articles": self.missing,
            "dropped_ungroundable": int(self.total("dropped")), "tokens": int(self.total("tokens")),
            "latency_s": _r(self.total("latency_s")), "server_ms": _r(self.total("server_ms")),
            "articles": [{"article_id": a.article_id, "composite": _r(a.composite), "valid": a.valid,
                          "failed": a.failed, "error": a.error,
                          "f1": {name: _r(a.f1(name)) for name in WEIGHTS}} for a in self.articles],
        }


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _r(value: float) -> float:
    return round(float(value), 6)


def _gold_items(gold: GoldArticle) -> dict[str, list[dict[str, Any]]]:
    return {f: [item.model_dump(mode="json") for item in getattr(gold, f)] for f in FIELDS}


def _validates(record: ExtractionRecord) -> bool:
    from pydantic import ValidationError

    from summarizer.core.schemas import RESULT_MODELS

    model = RESULT_MODELS.get(record.schema_name)
    if not record.ok or record.result is None or model is None:
        return False
    try:
        model.model_validate(record.result)
    except ValidationError:
        return False
    return True


def score_run(label: str, gold_set: GoldSet, records: Iterable[ExtractionRecord]) -> RunScore:
    """Pair records with gold articles by the article's sha256, so a record of another text never counts."""
    by_sha = {r.article.sha256: r for r in records if r.article.sha256}
    scores, missing = [], []
    for gold, text in gold_set.items:
        record = by_sha.get(gold.sha256)
        if record is None:
            missing.append(gold.article_id)
            score = score_article(gold.article_id, text, _gold_items(gold), None, valid=False)
            score.failed, score.error = True, "no record of this article in the run"
            scores.append(score)
            continue
        valid = _validates(record)
        score = score_article(gold.article_id, text, _gold_items(gold), record.result if valid else None, valid)
        score.failed, score.error = not record.ok, record.error
        if score.valid is False and record.ok and score.error is None:
            score.error = "result does not validate against its schema or a quote is not the article slice"
        if (prov := record.provenance) is not None:
            score.dropped, score.tokens, score.latency_s = prov.dropped_count, prov.usage.total_tokens, prov.latency_s
            score.server_ms = prov.usage.server_prompt_ms + prov.usage.server_generation_ms
        scores.append(score)
    first = next((r.provenance for r in by_sha.values() if r.provenance), None)
    prompts = {(p.name, p.sha256): {"name": p.name, "version": p.version, "sha256": p.sha256}
               for r in by_sha.values() if r.provenance for p in r.provenance.prompts}
    return RunScore(label, first.provider if first else "?", first.model if first else "?",
                    sorted(prompts.values(), key=lambda p: (p["name"], p["sha256"])), scores, missing)


# ---------------------------------------------------------------- comparing and reporting

@dataclass
class Comparison:
    candidate: str
    reference: str
    rows: list[tuple[str, float, float]]  # article id, candidate composite, reference composite
    test: PairedTest

    def to_dict(self) -> dict[str, Any]:
        return {"candidate": self.candidate, "reference": self.reference, **self.test.to_dict(),
                "articles": [{"article_id": a, "candidate": _r(c), "reference": _r(r), "difference": _r(c - r)}
                             for a, c, r in self.rows]}


def compare(candidate: RunScore, reference: RunScore) -> Comparison:
    """Paired by gold article: both runs score every gold article, in the same order."""
    rows = [(c.article_id, c.composite, r.composite) for c, r in zip(candidate.articles, reference.articles)]
    return Comparison(candidate.label, reference.label, rows,
                      paired_test([c for _, c, _ in rows], [r for _, _, r in rows]))


@dataclass
class EvalReport:
    gold: GoldSet
    runs: list[RunScore]  # the candidate first
    comparison: Optional[Comparison] = None
    gated: list[str] = field(default_factory=list)  # labels of runs whose invalid output fails the gate
    notes: list[str] = field(default_factory=list)

    @property
    def invalid(self) -> dict[str, list[str]]:
        return {r.label: r.invalid for r in self.runs if r.label in self.gated and r.invalid}

    @property
    def exit_code(self) -> int:
        if self.comparison is not None and self.comparison.test.verdict == "regressed":
            return EXIT_REGRESSION
        return EXIT_INVALID if self.invalid else 0

    def to_dict(self) -> dict[str, Any]:
        return {"gold": {"folder": str(self.gold.folder), "hash": self.gold.hash, "articles": len(self.gold.items),
                         "guidelines_versions": self.gold.guidelines},
                "weights": WEIGHTS, "runs": [r.summary() for r in self.runs],
                "comparison": self.comparison.to_dict() if self.comparison else None,
                "invalid": self.invalid, "exit_code": self.exit_code, "notes": self.notes}
