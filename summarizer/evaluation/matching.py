"""Which predicted item is which gold item: the one rule every score depends on (pinned in tests).

A predicted stance, condition or red line can only be a gold item when both
- its holder resolves to the same gold participant (similarity.canonical_keys), and
- it points at the same text: some predicted evidence span intersects some gold
  evidence span (character offsets, half-open intervals).
Participants are candidates when they are the same canonical entity. Among the
candidates, a one-to-one assignment (scipy's linear_sum_assignment) first
maximises the number of pairs, then their free-text similarity; text and labels
then grade each pair (scoring.py), they never decide whether it exists.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

import numpy as np

Span = tuple[int, int]


def spans(item: dict[str, Any]) -> list[Span]:
    """The item's evidence offsets; malformed entries are no evidence at all."""
    out = []
    for ev in item.get("evidence") or []:
        if isinstance(ev, dict) and isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
            out.append((ev["start"], ev["end"]))
    return out


def overlaps(a: Iterable[Span], b: Iterable[Span]) -> bool:
    """True when some span of `a` shares at least one character with some span of `b`."""
    right = list(b)
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in right)


def candidates(field_name: str, pred: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]],
               pred_keys: Sequence[str], gold_keys: Sequence[str]) -> np.ndarray:
    """Boolean matrix [pred, gold]: may this prediction be this gold item?"""
    allowed = np.zeros((len(pred), len(gold)), dtype=bool)
    gold_spans = [spans(g) for g in gold]
    for i, (p, pk) in enumerate(zip(pred, pred_keys)):
        pred_spans = spans(p)
        for j, gk in enumerate(gold_keys):
            allowed[i, j] = pk == gk and (field_name == "participants" or overlaps(pred_spans, gold_spans[j]))
    return allowed


def assign(allowed: np.ndarray, similarity: np.ndarray) -> list[tuple[int, int]]:
    """One-to-one pairs among the allowed ones: as many as possible, then the most similar text.

    Every allowed pair weighs more than the similarities of all pairs together,
    so similarity only chooses among assignments of the same size.
    """
    from scipy.optimize import linear_sum_assignment

    if not allowed.any():
        return []
    scale = min(allowed.shape) + 1.0
    weight = np.where(allowed, scale + np.clip(similarity, 0.0, 1.0), 0.0)
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return sorted((int(r), int(c)) for r, c in zip(rows, cols) if allowed[r, c])
