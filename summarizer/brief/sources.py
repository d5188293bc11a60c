"""The brief's inputs: which articles belong to the day, and one `Source` per article taken.

A brief for day D takes the articles dated D; undated ones only when asked
(`include_undated`), since nothing says they are today's news. Every article
not taken is listed with its reason, so nothing is left out silently. An
article that could not be read has no date to judge by: it is kept and shown
as failed. The outlet is what the text, front matter or sidecar states — never
the file name — and None when none of them states one.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Callable, Sequence, TypeVar

from summarizer.brief.models import ExtractedBy, LeftOut, Source
from summarizer.core.records import ExtractionRecord
from summarizer.errors import InputError, SummarizerError

T = TypeVar("T")


class NothingToBrief(SummarizerError):
    """Every article taken for the day failed: a brief would state nothing, so none is written."""

    exit_code = 1


def select_day(inputs: Sequence[T], day: str, include_undated: bool, date_of: Callable[[T], str | None],
               id_path_of: Callable[[T], tuple[str, str]],
               readable: Callable[[T], bool] = lambda _: True) -> tuple[list[T], list[LeftOut]]:
    """The inputs dated `day` (and undated ones if asked), and a `LeftOut` for each of the others."""
    kept, left = [], []
    for item in inputs:
        date = date_of(item)
        if date == day or (date is None and (include_undated or not readable(item))):
            kept.append(item)
            continue
        sid, path = id_path_of(item)
        reason = f"dated {date}, not {day}" if date else "no date in its text, front matter, sidecar or file name " \
                                                           "(pass --include-undated to take it)"
        left.append(LeftOut(id=sid, path=path, date=date, reason=reason))
    return kept, left


def select_records(records: list[ExtractionRecord], day: str,
                   include_undated: bool) -> tuple[list[ExtractionRecord], list[LeftOut]]:
    return select_day(records, day, include_undated, lambda r: r.article.meta.date,
                      lambda r: (r.article.id, r.article.source), lambda r: r.ok or r.article.sha256 is not None)


def list_sources(records: list[ExtractionRecord], texts: dict[str, str]) -> list[Source]:
    """One source per record, failed ones too; a text changed since extraction counts as failed."""
    used: Counter[str] = Counter()
    out = []
    for record in records:
        info = record.article
        used[info.id] += 1
        sid = info.id if used[info.id] == 1 else f"{info.id}-{used[info.id]}"
        text = texts.get(info.source)
        ok, error = record.ok, record.error
        if ok and (text is None or (info.sha256 and hashlib.sha256(text.encode()).hexdigest() != info.sha256)):
            ok, error = False, "the article text changed since it was extracted (sha256 differs)"
        out.append(Source(id=sid, path=info.source, outlet=(info.meta.outlet or "").strip() or None,
                          title=info.meta.title, date=info.meta.date, sha256=info.sha256, ok=ok, error=error))
    return out


def require_some(sources: list[Source], day: str, left_out: Sequence[LeftOut] = ()) -> None:
    """Raises `NothingToBrief`, with every article's reason, when no article was extracted."""
    if any(s.ok for s in sources):
        return
    if not sources:
        reasons = "; ".join(f"{item.path}: {item.reason}" for item in left_out) or "no articles given"
        raise NothingToBrief(f"no article is dated {day}, so no brief was written — {reasons}",
                             "pass the articles' date with --date, or --include-undated for undated ones")
    reasons = "; ".join(f"{s.path}: {s.error or 'failed'}" for s in sources)
    raise NothingToBrief(f"every article failed, so no brief was written for {day} — {reasons}",
                         "fix the cause above and run again (the cache keeps what did work)")


def extracted_by(records: list[ExtractionRecord], sources: list[Source]) -> list[ExtractedBy]:
    """Provider and model of the articles that made it into the brief."""
    counts: Counter[tuple[str, str]] = Counter()
    for record, source in zip(records, sources):
        if source.ok and record.provenance is not None:
            counts[(record.provenance.provider, record.provenance.model)] += 1
    return [ExtractedBy(provider=p, model=m, articles=n) for (p, m), n in sorted(counts.items())]


def days_of(dates: Sequence[str | None]) -> list[str]:
    """The days that have dated articles, oldest first."""
    return sorted({d for d in dates if d})


def latest_date(dates: Sequence[str | None]) -> str:
    """The most recent date among the dated articles: the brief's day when none is asked for."""
    days = days_of(dates)
    if not days:
        raise InputError("no article carries a date, so there is no latest day to brief",
                         "pass the day with --date YYYY-MM-DD and --include-undated to take undated articles")
    return days[-1]


ALL_DAYS = "all"


def plan_days(inputs: Sequence[T], date: str | None, include_undated: bool, date_of: Callable[[T], str | None],
              id_path_of: Callable[[T], tuple[str, str]]) -> tuple[list[str], list[T], list[LeftOut]]:
    """The days to brief, the inputs they take, and the inputs left out.

    `date` None: the most recent date among the dated inputs; `all`: every day that has dated
    inputs (undated ones belong to no day and are listed); else that day.
    """
    dates = [date_of(item) for item in inputs]
    if date != ALL_DAYS:
        day = date or latest_date(dates)
        kept, left = select_day(inputs, day, include_undated, date_of, id_path_of)
        return [day], kept, left
    kept, left = [], []
    for item, when in zip(inputs, dates):
        if when:
            kept.append(item)
        else:
            sid, path = id_path_of(item)
            left.append(LeftOut(id=sid, path=path, date=None,
                                reason="no date in its text, front matter, sidecar or file name, so in no day's brief"))
    return days_of(dates), kept, left
