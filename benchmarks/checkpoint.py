"""Results written as they are measured, a soft budget (start no new section) and a hard limit (stop the one running).

A benchmark stopped for any reason leaves every section it finished in its JSON file.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any, Callable


class Overtime(Exception):
    """The hard limit passed while a section ran."""


def _overtime(signum: int, frame: Any) -> None:
    raise Overtime


class Checkpoint:
    """The results so far, written to `out` after every section.

    `budget`: no section (nor, where the section asks, step) starts after this many seconds.
    `limit`: the section running at this many seconds is stopped (SIGALRM) and named in "stopped".
    """

    def __init__(self, out: Path, results: dict[str, Any], budget: float | None, limit: float | None) -> None:
        self.out, self.results, self.started = out, results, time.monotonic()
        self.deadline = None if budget is None else self.started + budget
        if limit is not None:
            signal.signal(signal.SIGALRM, _overtime)
            signal.alarm(max(1, int(limit)))
        self.save()

    def past_budget(self) -> bool:
        return self.deadline is not None and time.monotonic() > self.deadline

    def run(self, name: str, measure: Callable[[], Any]) -> bool:
        if self.past_budget():
            return self._note("skipped", name, "past --budget")
        print(f"{name} ...", file=sys.stderr)
        try:
            self.results[name] = measure()
        except Overtime:
            return self._note("stopped", name, "past --limit")
        self.results["elapsed_s"] = round(time.monotonic() - self.started, 1)
        self.save()
        return True

    def _note(self, how: str, name: str, why: str) -> bool:
        self.results.setdefault(how, []).append(name)
        print(f"{name}: {how} ({why})", file=sys.stderr)
        self.save()
        return False

    def close(self) -> None:
        signal.alarm(0)
        self.results["elapsed_s"] = round(time.monotonic() - self.started, 1)
        self.save()

    def save(self) -> None:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        partial = self.out.with_name(self.out.name + ".part")
        partial.write_text(json.dumps(self.results, indent=2) + "\n", encoding="utf-8")
        os.replace(partial, self.out)
