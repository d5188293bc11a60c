"""Headline figures: counts pooled (micro) over every item of a split, then P/R/F1 and the composite.

Pooling weighs each item once, wherever it sits: an article with ten stances
counts ten times as much for stances as an article with one, and an article
where a field is empty on both sides adds nothing to that field (per-article
means would have scored it 100). Per-article scores stay as the unit of the
paired tests (scorecard.compare).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence

from summarizer.evaluation.scoring import (FIELDS, POLARITY_LABELS, VIEWS, WEIGHTS, ArticleScore, Counts,
                                           composite_of, semeval_f)

ALL = "all"  # the split name of every article together


@dataclass
class Pooled:
    """Pooled counts of one run over one split."""

    split: str
    articles: int
    fields: dict[str, dict[str, Counts]]  # field -> view -> counts
    polarity: dict[str, Counts]  # SemEval label -> counts

    def f1(self, field_name: str, view: str = "class_soft") -> Optional[float]:
        return self.semeval if field_name == "polarity" else self.fields[field_name][view].f1

    @property
    def semeval(self) -> Optional[float]:
        return semeval_f(self.polarity)

    @property
    def composite(self) -> Optional[float]:
        """Weighted mean of the pooled F1s; a part empty on both sides over the whole split is left out."""
        return composite_of({name: self.f1(name) for name in WEIGHTS})

    @property
    def composite_parts(self) -> list[str]:
        return [name for name in WEIGHTS if self.f1(name) is not None]

    def to_dict(self) -> dict[str, Any]:
        composite = self.composite
        return {"split": self.split, "articles": self.articles,
                "composite": None if composite is None else round(composite, 6),
                "composite_parts": self.composite_parts,
                "fields": {f: {v: c.to_dict() for v, c in views.items()} for f, views in self.fields.items()},
                "polarity": {"semeval": None if self.semeval is None else round(self.semeval, 6),
                             **{name: c.to_dict() for name, c in self.polarity.items()}}}


def pool(split: str, articles: Sequence[ArticleScore]) -> Pooled:
    """Sum every article's counts; an empty split has no figures (None), not zeros."""
    fields = {f: {v: Counts() for v in VIEWS} for f in FIELDS}
    polarity = {name: Counts() for name in POLARITY_LABELS}
    for article in articles:
        for f in FIELDS:
            for v in VIEWS:
                fields[f][v].add(article.fields[f].views[v])
        for name in POLARITY_LABELS:
            polarity[name].add(article.polarity[name])
    return Pooled(split, len(articles), fields, polarity)


def split_names(articles: Sequence[ArticleScore]) -> list[str]:
    """The splits in order of first appearance."""
    return list(dict.fromkeys(a.split for a in articles))


def by_split(articles: Sequence[ArticleScore]) -> list[Pooled]:
    """Each split, then `all` (only when there is more than one split: it would repeat the one)."""
    names = split_names(articles)
    out = [pool(name, [a for a in articles if a.split == name]) for name in names]
    if len(names) != 1:
        out.append(pool(ALL, articles))
    return out
