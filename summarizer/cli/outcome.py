"""What a run tells the user at the end: the exit status and one summary line, both true about partial work.

A record is incomplete when its extraction failed, or when it succeeded only in
part (`ok` with tasks named in `provenance.failed_tasks`): a field left empty by a
failed task is missing data, not an empty finding, so it counts as a failure.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

import click

SHOWN = 3  # articles named per reason in the summary line


def missing_tasks(record: Any) -> list[str]:
    """The tasks this record lacks: every one when it failed, else those named as failed."""
    if not record.ok:
        return ["extraction"]
    failed = [t.task for t in record.provenance.failed_tasks] if record.provenance else []
    return failed or (["some tasks"] if record.error else [])


def incomplete(records: Iterable[Any]) -> list[Any]:
    return [r for r in records if missing_tasks(r)]


def run_summary(records: list[Any]) -> str | None:
    """'3 of 20 articles incomplete: participants failed in 2 (a, b), extraction failed in 1 (c)'; None: all done."""
    partial = incomplete(records)
    if not partial:
        return None
    counts: Counter[str] = Counter()
    names: dict[str, list[str]] = {}
    for record in partial:
        for task in missing_tasks(record):
            counts[task] += 1
            names.setdefault(task, []).append(record.article.id)
    reasons = []
    for task, n in counts.most_common():
        listed = ", ".join(names[task][:SHOWN]) + (", …" if n > SHOWN else "")
        reasons.append(f"{task} failed in {n} ({listed})")
    noun = "article" if len(records) == 1 else "articles"
    return f"{len(partial)} of {len(records)} {noun} incomplete: {'; '.join(reasons)}"


def say_summary(records: list[Any]) -> None:
    """The run summary on stderr, when something is missing."""
    from summarizer.errors import redact_output

    if (line := run_summary(records)) is not None:
        click.echo(redact_output(f"summarize: {line}"), err=True)


def exit_status(records: Iterable[Any], unreadable: bool) -> int:
    """2 bad input; 1 some article incomplete (failed, or a task of it failed); 0 everything done."""
    if unreadable:
        return 2
    return 1 if incomplete(records) else 0
