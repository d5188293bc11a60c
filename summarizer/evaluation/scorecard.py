"""A run's scorecard: every gold article scored, aggregated, and compared with another run.

Every gold article is scored in every run: a failed extraction, an invalid
result or a missing record counts as an empty prediction, never as a skipped
article. Records are paired with gold articles by the article's sha256.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from summarizer.core.records import ExtractionRecord
from summarizer.evaluation.drops import DropTally, tally
from summarizer.evaluation.gold import FIELDS, GoldArticle, GoldFile
from summarizer.evaluation.pooled import ALL, Pooled, by_split, pool, split_names
from summarizer.evaluation.scoring import WEIGHTS, ArticleScore, score_article
from summarizer.evaluation.stats import PairedTest, paired_test

EXIT_REGRESSION = 1
EXIT_INVALID = 5


@dataclass
class GoldSet:
    """The dataset: gold files with their article texts and splits, and the hash every report prints."""

    folder: Path
    items: list[GoldFile]
    hash: str

    @property
    def guidelines(self) -> list[str]:
        return sorted({item.gold.guidelines_version for item in self.items})

    @property
    def splits(self) -> dict[str, int]:
        """Articles per split, in order of first appearance."""
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.split] = counts.get(item.split, 0) + 1
        return counts


@dataclass
class RunScore:
    """One run over the gold set: per-article scores and what the run cost."""

    label: str
    provider: str
    model: str
    prompts: list[dict[str, str]]
    articles: list[ArticleScore]
    missing: list[str] = field(default_factory=list)

    @property
    def pooled(self) -> Pooled:
        """Every article of every split: the figures the gate and the composite talk about."""
        return pool(ALL, self.articles)

    @property
    def by_split(self) -> list[Pooled]:
        return by_split(self.articles)

    @property
    def composite(self) -> Optional[float]:
        return self.pooled.composite

    @property
    def drops(self) -> DropTally:
        """Dropped items of every article against gold: false drops per field and reason."""
        total = DropTally()
        for article in self.articles:
            total.add(article.drops)
        return total

    @property
    def grounding_rate(self) -> Optional[float]:
        quotes = sum(a.quotes for a in self.articles)
        return sum(a.grounded for a in self.articles) / quotes if quotes else None

    @property
    def validity_rate(self) -> float:
        return sum(float(a.valid) for a in self.articles) / len(self.articles) if self.articles else 0.0

    @property
    def invalid(self) -> list[str]:
        return [a.article_id for a in self.articles if not a.valid]

    def total(self, attr: str) -> float:
        return sum(getattr(a, attr) for a in self.articles)

    def summary(self) -> dict[str, Any]:
        """JSON: `all` at the top (composite, fields, polarity) and every split under `splits`."""
        splits = {name: pool(name, [a for a in self.articles if a.split == name]).to_dict()
                  for name in split_names(self.articles)}
        everything = self.pooled.to_dict()
        return {
            "label": self.label, "provider": self.provider, "model": self.model, "prompts": self.prompts,
            "composite": everything["composite"], "composite_parts": everything["composite_parts"],
            "fields": everything["fields"], "polarity": everything["polarity"], "splits": splits,
            "grounding_rate": None if self.grounding_rate is None else _r(self.grounding_rate),
            "schema_validity_rate": _r(self.validity_rate), "invalid_articles": self.invalid,
            "failed_articles": [a.article_id for a in self.articles if a.failed], "missing_articles": self.missing,
            "dropped_ungroundable": int(self.total("dropped")), "false_drops": self.drops.to_dict(),
            "tokens": int(self.total("tokens")),
            "latency_s": _r(self.total("latency_s")), "server_ms": _r(self.total("server_ms")),
            "articles": [{"article_id": a.article_id, "split": a.split, "composite": _r(a.composite),
                          "valid": a.valid, "failed": a.failed, "error": a.error,
                          "f1": {name: _opt(a.f1(name)) for name in WEIGHTS}} for a in self.articles],
        }


def _r(value: float) -> float:
    return round(float(value), 6)


def _opt(value: Optional[float]) -> Optional[float]:
    return None if value is None else _r(value)


def _gold_items(gold: GoldArticle) -> dict[str, list[dict[str, Any]]]:
    return {f: [item.model_dump(mode="json") for item in getattr(gold, f)] for f in FIELDS}


def _validates(record: ExtractionRecord) -> bool:
    from pydantic import ValidationError

    from summarizer.core.tasks import result_models

    model = result_models().get(record.schema_name)
    if not record.ok or record.result is None or model is None:
        return False
    try:
        model.model_validate(record.result)
    except ValidationError:
        return False
    return True


def _scored_fields(schema: str) -> tuple[str, ...]:
    """The item lists a schema fills (registry), e.g. ('stances',) for `stance`; unknown: all of them."""
    from summarizer.core.tasks import SCHEMAS

    return SCHEMAS[schema].fields if schema in SCHEMAS else FIELDS


def score_run(label: str, gold_set: GoldSet, records: Iterable[ExtractionRecord]) -> RunScore:
    """Pair records with gold articles by the article's sha256, so a record of another text never counts."""
    by_sha = {r.article.sha256: r for r in records if r.article.sha256}
    scores, missing = [], []
    for item in gold_set.items:
        gold, text = item.gold, item.text
        record = by_sha.get(gold.sha256)
        if record is None:
            missing.append(gold.article_id)
            score = score_article(gold.article_id, text, _gold_items(gold), None, valid=False, split=item.split)
            score.failed, score.error = True, "no record of this article in the run"
            scores.append(score)
            continue
        valid = _validates(record)
        score = score_article(gold.article_id, text, _gold_items(gold), record.result if valid else None, valid,
                              split=item.split, scored=_scored_fields(record.schema_name))
        score.failed, score.error = not record.ok, record.error
        if score.valid is False and record.ok and score.error is None:
            score.error = "result does not validate against its schema or a quote is not the article slice"
        if (prov := record.provenance) is not None:
            score.dropped, score.tokens, score.latency_s = prov.dropped_count, prov.usage.total_tokens, prov.latency_s
            score.drops = tally(text, score.gold, score.pred, {f: score.fields[f].pairs for f in FIELDS},
                                prov.dropped, _scored_fields(record.schema_name))
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
    rows: list[tuple[str, str, float, float]]  # article id, split, candidate composite, reference composite
    test: PairedTest

    def to_dict(self) -> dict[str, Any]:
        return {"candidate": self.candidate, "reference": self.reference, **self.test.to_dict(),
                "articles": [{"article_id": a, "split": s, "candidate": _r(c), "reference": _r(r),
                              "difference": _r(c - r)} for a, s, c, r in self.rows]}


def compare(candidate: RunScore, reference: RunScore) -> Comparison:
    """Paired by gold article over all splits: both runs score every gold article, in the same order."""
    rows = [(c.article_id, c.split, c.composite, r.composite) for c, r in zip(candidate.articles, reference.articles)]
    return Comparison(candidate.label, reference.label, rows,
                      paired_test([c for _, _, c, _ in rows], [r for _, _, _, r in rows]))


@dataclass(frozen=True)
class Gate:
    """Limits a candidate must keep beyond the paired test (fractions): its false-drop rate, the rise of that
    rate over the compared reference, and the fall of its pooled composite below the reference's. A replay of
    fixed answers is deterministic, so any fall there is the code's doing and worth a limit of its own."""

    max_rate: Optional[float] = None
    max_rise: Optional[float] = None
    max_fall: Optional[float] = None

    def failures(self, candidate: RunScore, reference: Optional[RunScore]) -> list[str]:
        rate = candidate.drops.rate()
        out = []
        if self.max_rate is not None and rate is not None and rate > self.max_rate:
            out.append(f"{candidate.label}: false-drop rate {100 * rate:.2f}% is above the limit "
                       f"{100 * self.max_rate:.2f}%")
        if self.max_rise is not None and reference is not None:
            before = reference.drops.rate() or 0.0
            if (rate or 0.0) - before > self.max_rise:
                out.append(f"{candidate.label}: false-drop rate rose from {100 * before:.2f}% ({reference.label}) "
                           f"to {100 * (rate or 0.0):.2f}%, more than {100 * self.max_rise:.2f} points")
        if self.max_fall is not None and reference is not None:
            now, before = candidate.composite or 0.0, reference.composite or 0.0
            if before - now > self.max_fall:
                out.append(f"{candidate.label}: composite fell from {100 * before:.2f} ({reference.label}) "
                           f"to {100 * now:.2f}, more than {100 * self.max_fall:.2f} points")
        return out

    def to_dict(self) -> dict[str, Optional[float]]:
        return {"max_false_drop_rate": self.max_rate, "max_false_drop_rise": self.max_rise,
                "max_composite_fall": self.max_fall}


@dataclass
class EvalReport:
    gold: GoldSet
    runs: list[RunScore]  # the candidate first
    comparison: Optional[Comparison] = None
    gated: list[str] = field(default_factory=list)  # labels of runs whose invalid output fails the gate
    notes: list[str] = field(default_factory=list)
    gate: Gate = field(default_factory=Gate)

    @property
    def invalid(self) -> dict[str, list[str]]:
        return {r.label: r.invalid for r in self.runs if r.label in self.gated and r.invalid}

    @property
    def gate_failures(self) -> list[str]:
        """Why the candidate fails the gate's limits (empty: it keeps them, or none is set)."""
        if not self.runs:
            return []
        reference = None
        if self.comparison is not None:
            reference = next((r for r in self.runs[1:] if r.label == self.comparison.reference), None)
        return self.gate.failures(self.runs[0], reference)

    @property
    def exit_code(self) -> int:
        if self.comparison is not None and self.comparison.test.verdict == "regressed":
            return EXIT_REGRESSION
        if self.gate_failures:
            return EXIT_REGRESSION
        return EXIT_INVALID if self.invalid else 0

    def to_dict(self) -> dict[str, Any]:
        return {"gold": {"folder": str(self.gold.folder), "hash": self.gold.hash, "articles": len(self.gold.items),
                         "splits": self.gold.splits, "guidelines_versions": self.gold.guidelines},
                "weights": WEIGHTS, "runs": [r.summary() for r in self.runs],
                "comparison": self.comparison.to_dict() if self.comparison else None,
                "gate": {**self.gate.to_dict(), "failures": self.gate_failures},
                "invalid": self.invalid, "exit_code": self.exit_code, "notes": self.notes}
