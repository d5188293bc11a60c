"""Grouping what several articles report into one item per holder and subject.

Stances group by holder, then by topic, then by polarity: reports that favour
and reports that oppose one topic stay two stances, each with its own outlets,
never one "mixed" item (`other_polarities` links them). Conditions group by
holder, then by what is required; red lines by holder, then by the line. Two
texts are "the same subject" when their content words overlap enough (Dice
coefficient over Snowball stems, places as codes, and the diplomatic synonyms
talks/negotiations/dialogue counted as one word). Outlets are the known ones:
articles of unknown outlet are counted apart, never as an outlet. Grouping is
greedy in input order, so it is deterministic.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from summarizer.brief.models import BriefCondition, BriefRedLine, BriefStance, Coverage, Quote, Report
from summarizer.entities.names import role_words
from summarizer.text.normalize import STOPWORDS, normalise, slugify, stem

SAME_TOPIC = 0.6  # Dice over topic words
SAME_REQUIREMENT = 0.5
SAME_LINE = 0.5
_SYNONYMS = {w: "talks" for w in """talk talks negotiation negotiations negotiate negotiating dialogue dialog
    discussion discussions diplomacy diplomatic engagement""".split()}


@dataclass
class Reported:
    """One article's item with its verified quotes, holder already resolved to an actor id."""

    field: str  # stances | conditions | red_lines
    holder: str
    article: str
    outlet: str | None
    data: dict[str, Any]
    quotes: list[Quote]


@dataclass
class _Group:
    holder: str
    members: list[Reported] = field(default_factory=list)


def words(text: str) -> frozenset[str]:
    """Comparable content words: Snowball stems, places as codes, talk-words as 'talks'."""
    out = set()
    for word in role_words(text):
        word = _SYNONYMS.get(word, word)
        if word in STOPWORDS or (len(word) < 3 and not word.isalpha()):
            continue
        out.add(word if word == "talks" or len(word) <= 3 else stem(word))
    return frozenset(out)


def similarity(a: str, b: str) -> float:
    """Dice coefficient of `words`: 1.0 same words, 0.0 none shared."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 1.0 if normalise(a) == normalise(b) else 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def _group(items: list[Reported], key: str, threshold: float) -> list[_Group]:
    groups: list[_Group] = []
    for item in items:
        text = str(item.data[key])
        best = max((g for g in groups if g.holder == item.holder),
                   key=lambda g: max(similarity(text, str(m.data[key])) for m in g.members), default=None)
        if best is not None and max(similarity(text, str(m.data[key])) for m in best.members) >= threshold:
            best.members.append(item)
        else:
            groups.append(_Group(item.holder, [item]))
    return groups


def _common(group: _Group, item_id: str) -> dict[str, Any]:
    quotes = list({q.id: q for m in group.members for q in m.quotes}.values())
    articles = list(dict.fromkeys(m.article for m in group.members))
    outlets = list(dict.fromkeys(m.outlet for m in group.members if m.outlet))
    unknown = len({m.article for m in group.members if not m.outlet})
    return {"id": item_id, "holder": group.holder, "articles": articles, "outlets": outlets, "unknown_outlet": unknown,
            "coverage": Coverage.multiple if len(outlets) > 1 else Coverage.single, "evidence": quotes}


def _report(member: Reported, text: str) -> Report:
    return Report(article=member.article, outlet=member.outlet, text=text, polarity=member.data.get("polarity"),
                  attribution=member.data.get("attribution"), evidence=[q.id for q in member.quotes])


def _ids(prefix: str, group: _Group, label: str, used: Counter[str]) -> str:
    base = f"{prefix}-{group.holder}-{slugify(label)[:40]}".rstrip("-")
    used[base] += 1
    return base if used[base] == 1 else f"{base}-{used[base]}"


def merge_stances(items: list[Reported]) -> list[BriefStance]:
    used: Counter[str] = Counter()
    out = []
    for topic_group in _group([i for i in items if i.field == "stances"], "topic", SAME_TOPIC):
        topic = topic_group.members[0].data["topic"]
        split: dict[str, _Group] = {}
        for member in topic_group.members:
            split.setdefault(str(member.data["polarity"]), _Group(topic_group.holder)).members.append(member)
        stances = []
        for polarity, group in split.items():
            first = group.members[0].data
            label = f"{topic} {polarity}" if len(split) > 1 else topic
            reports = [_report(m, f"{m.data['topic']}: {m.data['position']}") for m in group.members]
            stances.append(BriefStance(**_common(group, _ids("stance", group, label, used)), reports=reports,
                                       topic=topic, position=first["position"], polarity=polarity))
        for stance in stances:
            stance.other_polarities = [s.id for s in stances if s is not stance]
        out += stances
    return out


def merge_conditions(items: list[Reported]) -> list[BriefCondition]:
    used: Counter[str] = Counter()
    out = []
    for group in _group([i for i in items if i.field == "conditions"], "requirement", SAME_REQUIREMENT):
        first = group.members[0].data
        reports = [_report(m, f"{m.data['conditions']} only if {m.data['requirement']}") for m in group.members]
        out.append(BriefCondition(**_common(group, _ids("condition", group, first["conditions"], used)),
                                  reports=reports, conditions=first["conditions"], requirement=first["requirement"]))
    return out


def merge_red_lines(items: list[Reported]) -> list[BriefRedLine]:
    used: Counter[str] = Counter()
    out = []
    for group in _group([i for i in items if i.field == "red_lines"], "line", SAME_LINE):
        first = group.members[0].data
        consequence = next((m.data.get("consequence") for m in group.members if m.data.get("consequence")), None)
        reports = [_report(m, m.data["line"]) for m in group.members]
        out.append(BriefRedLine(**_common(group, _ids("red-line", group, first["line"], used)), reports=reports,
                                line=first["line"], kind=first["kind"], consequence=consequence,
                                explicit=any(m.data.get("explicit") for m in group.members)))
    return out
