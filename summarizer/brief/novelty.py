"""What is new since the previous brief: each item new, changed or repeated; old items gone.

Matching is by holder and subject, not by id, since wording varies day to day:
a stance matches yesterday's stance of the same actor with a similar topic, a
condition one with a similar requirement or conditioned thing, a red line one
with a similar line (`merge.similarity`); a stance prefers yesterday's stance of
the same polarity, since stances of opposite polarity are separate items. A
match is `changed` when the stance's polarity moved, a condition's requirement moved, a red line's kind,
consequence or explicitness moved, or, for a stance, when a condition of the same
holder on the same subject is new or changed. Actors are matched to yesterday's
by id, else by any shared name (normalised), so a renamed canonical name still matches.
"""

from __future__ import annotations

from typing import Callable, Sequence

from summarizer.brief.merge import SAME_LINE, SAME_REQUIREMENT, SAME_TOPIC, similarity
from summarizer.brief.models import Actor, Brief, BriefCondition, BriefRedLine, BriefStance, Gone, NoveltyReport
from summarizer.text.normalize import normalise

SAME_WORDING = 0.8  # below this a matched requirement or consequence counts as moved


def _actor_map(previous: list[Actor], today: list[Actor]) -> dict[str, str]:
    """Previous actor id -> today's actor id."""
    names: dict[str, str] = {}
    for actor in today:
        for text in (actor.name, *(m.text for m in actor.mentions)):
            names.setdefault(normalise(text), actor.id)
    ids = {a.id for a in today}
    out = {}
    for actor in previous:
        if actor.id in ids:
            out[actor.id] = actor.id
            continue
        for text in (actor.name, *(m.text for m in actor.mentions)):
            if normalise(text) in names:
                out[actor.id] = names[normalise(text)]
                break
    return out


def _best(item_text: str, holder: str, old: Sequence, key: str, threshold: float, taken: set[str],
          holders: dict[str, str], polarity: str | None = None):  # type: ignore[no-untyped-def]
    """The most similar unmatched item of the same holder; of the same polarity first, when one is given."""
    scored = [(similarity(item_text, getattr(o, key)), o) for o in old
              if holders.get(o.holder) == holder and o.id not in taken]
    scored = [s for s in scored if s[0] >= threshold]
    return max(scored, key=lambda s: (getattr(s[1], "polarity", None) == polarity, s[0]))[1] if scored else None


def _mark(today: Sequence, find: Callable, changes_of: Callable, taken: set[str]) -> None:  # type: ignore[type-arg]
    """Pairs each of today's items with its best unmatched old item; marks it new, changed or repeated."""
    for item in today:
        match = find(item)
        if match is None:
            item.novelty = "new"
            continue
        taken.add(match.id)
        changes = changes_of(item, match)
        item.novelty, item.changes = ("changed" if changes else "repeated"), changes


def _conditions(today: list[BriefCondition], old: list[BriefCondition], holders: dict[str, str],
                taken: set[str]) -> None:
    def find(item: BriefCondition) -> BriefCondition | None:
        return _best(item.requirement, item.holder, old, "requirement", SAME_REQUIREMENT, taken, holders) \
            or _best(item.conditions, item.holder, old, "conditions", SAME_TOPIC, taken, holders)

    def changes_of(item: BriefCondition, match: BriefCondition) -> list[str]:
        if similarity(item.requirement, match.requirement) < SAME_WORDING:
            return [f"requirement: “{match.requirement}” → “{item.requirement}”"]
        return []

    _mark(today, find, changes_of, taken)


def _red_lines(today: list[BriefRedLine], old: list[BriefRedLine], holders: dict[str, str], taken: set[str]) -> None:
    def changes_of(item: BriefRedLine, match: BriefRedLine) -> list[str]:
        changes = []
        if item.kind != match.kind:
            changes.append(f"kind: {match.kind} → {item.kind}")
        if item.explicit != match.explicit:
            changes.append("now called a “red line”" if item.explicit else "no longer called a “red line”")
        if (item.consequence or match.consequence) and similarity(item.consequence or "",
                                                                   match.consequence or "") < SAME_WORDING:
            changes.append(f"consequence: “{match.consequence or '—'}” → “{item.consequence or '—'}”")
        return changes

    _mark(today, lambda item: _best(item.line, item.holder, old, "line", SAME_LINE, taken, holders),
          changes_of, taken)


def _stances(today: list[BriefStance], old: list[BriefStance], conditions: list[BriefCondition],
             holders: dict[str, str], taken: set[str]) -> None:
    def changes_of(item: BriefStance, match: BriefStance) -> list[str]:
        changes = [f"polarity: {match.polarity} → {item.polarity}"] if item.polarity != match.polarity else []
        moved = [c for c in conditions if c.holder == item.holder and c.novelty in ("new", "changed")
                 and similarity(c.conditions, item.topic) >= SAME_TOPIC]
        return changes + [f"conditions moved: {c.conditions} only if {c.requirement}" for c in moved]

    _mark(today, lambda item: _best(item.topic, item.holder, old, "topic", SAME_TOPIC, taken, holders,
                                    str(item.polarity)), changes_of, taken)


def apply_novelty(brief: Brief, previous: Brief) -> NoveltyReport:
    """Marks the items of `brief` in place and reports the counts and what is gone."""
    holders = _actor_map(previous.actors, brief.actors)
    taken: set[str] = set()
    _conditions(brief.conditions, previous.conditions, holders, taken)
    _red_lines(brief.red_lines, previous.red_lines, holders, taken)
    _stances(brief.stances, previous.stances, brief.conditions, holders, taken)
    items = [*brief.stances, *brief.conditions, *brief.red_lines]
    gone = [Gone(id=o.id, kind=kind, holder=o.holder, text=text)
            for kind, old, describe in (("stance", previous.stances, lambda o: f"{o.topic}: {o.position}"),
                                        ("condition", previous.conditions, lambda o: o.requirement),
                                        ("red_line", previous.red_lines, lambda o: o.line))
            for o in old if o.id not in taken for text in [describe(o)]]
    return NoveltyReport(previous_date=previous.date, new=sum(i.novelty == "new" for i in items),
                         changed=sum(i.novelty == "changed" for i in items),
                         repeated=sum(i.novelty == "repeated" for i in items), gone=gone)
