"""Building the daily brief from extraction records: the order of the steps, nothing else.

1. sources    — the articles of the day (`sources.select_records`), one `Source`
                each, failed ones listed; none extracted -> no brief (`NothingToBrief`);
2. checks     — every quote re-verified against its article (`checks`);
3. resolution — one actor however each outlet names it (`entities.resolve`),
                one holder per statement (`actors.one_holder_per_statement`);
4. merge      — one item per holder, subject and polarity (`merge`);
5. divergence — contradictions and framings among one day's outlets (`divergence`);
6. novelty    — against a previous brief (`novelty`);
7. headlines  — short statements to read first (`headlines`).
Nothing enters the brief without a quote that equals its article slice;
`checks.ungrounded` re-checks the finished brief.
"""

from __future__ import annotations

from typing import Callable, Sequence

from summarizer.brief.actors import (brief_actors, count_items, merge_notes, one_holder_per_statement,
                                     reported_items)
from summarizer.brief.checks import QuoteBook, check_records, holder_text, ungrounded
from summarizer.brief.divergence import find_divergences, link
from summarizer.brief.headlines import headlines
from summarizer.brief.merge import merge_conditions, merge_red_lines, merge_stances
from summarizer.brief.models import Brief, LeftOut, Verification
from summarizer.brief.novelty import apply_novelty
from summarizer.brief.sources import NothingToBrief, extracted_by, list_sources, require_some, select_records
from summarizer.core.records import ExtractionRecord
from summarizer.entities.resolve import TieBreak, resolve

__all__ = ["NothingToBrief", "build_brief", "build_days", "holder_text", "ungrounded"]


def build_brief(records: list[ExtractionRecord], texts: dict[str, str], date: str,
                previous: Brief | None = None, tie_break: Callable[[dict[str, str]], TieBreak] | None = None,
                include_undated: bool = False, left_out: Sequence[LeftOut] = ()) -> Brief:
    """The brief for `date` from the records of that day's articles.

    `texts` maps each record's article source path to the article text it was extracted from.
    Records of other days (and undated ones unless `include_undated`) are left out and listed, as are
    the `left_out` inputs the caller already set aside. `tie_break`, given the article texts by source
    id, returns the resolver's tie-break (see `entities.tiebreak`). Raises `NothingToBrief` when no
    article of the day was extracted.
    """
    records, skipped = select_records(records, date, include_undated)
    sources = list_sources(records, texts)
    require_some(sources, date, [*left_out, *skipped])
    outlets = {s.id: s.outlet for s in sources}
    book = QuoteBook({s.id: texts[s.path] for s in sources if s.ok}, outlets)
    checked = check_records(sources, records, book)

    resolution = resolve(checked.entities, tie_break(book.texts) if tie_break is not None else None)
    items, duplicates = one_holder_per_statement(reported_items(checked, resolution), resolution)

    stances, conditions, red_lines = merge_stances(items), merge_conditions(items), merge_red_lines(items)
    actors = brief_actors(resolution, checked.participants, items, outlets)
    names = {a.id: a.name for a in actors}

    divergences = find_divergences(stances, actors, resolution, sources, book)
    link(divergences, [*stances, *conditions, *red_lines])
    count_items(sources, [*stances, *conditions, *red_lines])

    brief = Brief(date=date, extracted_by=extracted_by(records, sources), include_undated=include_undated,
                  sources=sources, left_out=[*left_out, *skipped], actors=actors,
                  merges=merge_notes(resolution, outlets, names), ambiguous=resolution.ambiguous,
                  stances=stances, conditions=conditions, red_lines=red_lines, divergences=divergences,
                  verification=Verification(quotes_checked=book.checked, quotes_dropped=book.dropped,
                                            items_dropped=checked.items_dropped, duplicates_dropped=len(duplicates),
                                            reasons=[*checked.reasons, *duplicates]))
    if previous is not None:
        brief.novelty = apply_novelty(brief, previous)
    brief.headlines = headlines(brief)
    return brief


def build_days(records: list[ExtractionRecord], texts: dict[str, str], days: list[str],
               previous: Brief | None = None, tie_break: Callable[[dict[str, str]], TieBreak] | None = None,
               include_undated: bool = False, left_out: Sequence[LeftOut] = ()) -> list[Brief]:
    """One brief per day, oldest first, each day's novelty against the day before (the first: `previous`).

    With several days each brief takes its own day's records (and failed ones, which have no date), so
    the other days' articles are not listed as left out of it.
    """
    briefs: list[Brief] = []
    for day in days:
        of_day = [r for r in records if r.article.meta.date in (day, None)] if len(days) > 1 else records
        previous = build_brief(of_day, texts, day, previous, tie_break, include_undated=include_undated,
                               left_out=left_out)
        briefs.append(previous)
    return briefs
