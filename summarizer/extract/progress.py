"""What a terminal shows while articles run: a rich bar on stderr; nothing at all elsewhere.

The bar counts tasks (schema `all` runs five per article) so it moves, and can estimate the
time left, long before the first article is done; it also says which task of how many is
running, and "loading model NAME…" while a provider with a slow start loads (the rules load
spaCy's parser on their first call; the local llama.cpp model loads before the first article,
shown by `loading_shown`).
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterator

from summarizer.core.records import ExtractionRecord


def _console() -> Any:
    from rich.console import Console

    return Console(stderr=True)  # stderr, like every message of ours: stdout carries the results


@contextmanager
def loading_shown(show: bool | None = None) -> Iterator[None]:
    """On a terminal, a spinner "loading model NAME…" while a provider built in here loads its model."""
    if not (sys.stderr.isatty() if show is None else show):
        yield
        return
    from summarizer.llm.embedded import loading_notices

    with loading_notices(lambda name: status_shown(f"loading model {name}…", True)):
        yield


@contextmanager
def status_shown(text: str, show: bool) -> Iterator[None]:
    """On a terminal (`show`), a spinner saying `text` while the block runs; its thread has ended on exit."""
    if not show:
        yield
        return
    with _console().status(text):
        yield


class _Forwarding:
    """The provider protocol passed through to the provider it wraps."""

    def __init__(self, provider: Any) -> None:
        self._provider = provider
        self.name, self.model, self.prompted = provider.name, provider.model, provider.prompted
        self.loads_on_first_call = provider.loads_on_first_call

    def complete(self, messages: list[dict[str, str]], response_model: Any, *, max_tokens: int) -> Any:
        return self._provider.complete(messages, response_model, max_tokens=max_tokens)

    def close(self) -> None:
        self._provider.close()

    def answer(self, call: Any) -> Any:
        return self._provider.answer(call)


class Watched(_Forwarding):
    """The provider, telling the bar when each task of an article starts and ends."""

    def __init__(self, provider: Any, bar: "Progress") -> None:
        super().__init__(provider)
        self._bar = bar

    def answer(self, call: Any) -> Any:
        self._bar.task_started(call.task)
        try:
            return self._provider.answer(call)
        finally:
            self._bar.task_finished()


LONG_ARTICLE_CHARS = 50_000  # the rules take about 5 s for this many characters on one core
REPORT_SECONDS = 5.0  # at most one line per article this often


class ArticleProgress:
    """How far one long article has got, as plain lines on stderr, terminal or not: such an article runs for
    minutes, and a log or a CI job must show that it is moving (the bar shows nothing off a terminal)."""

    def __init__(self, source: str, chars: int, every: float | None = None) -> None:
        self.source, self.chars = source, chars
        self.every = REPORT_SECONDS if every is None else every
        self.started = self.last = time.perf_counter()

    def reached(self, sentence: Any) -> None:
        """Every sentence up to `sentence` (a text.segment.Sentence) is done; say so if it is time."""
        now = time.perf_counter()
        if now - self.last < self.every:
            return
        self.last = now
        share = 100 * sentence.end / max(self.chars, 1)
        sys.stderr.write(f"summarize: {self.source}: {sentence.id:,} sentences done, {sentence.end:,}/"
                         f"{self.chars:,} characters ({share:.0f} %) in {now - self.started:.0f} s\n")
        sys.stderr.flush()


class Reported(_Forwarding):
    """The provider, telling an article's `ArticleProgress` how far each call got (calls go in article order)."""

    def __init__(self, provider: Any, progress: ArticleProgress) -> None:
        super().__init__(provider)
        self._progress = progress

    def answer(self, call: Any) -> Any:
        answer = self._provider.answer(call)
        if call.sentences:
            self._progress.reached(call.sentences[-1])
        return answer


def reported(provider: Any, source: str, text: str) -> Any:
    """The provider as one article's calls should see it: a long article reports its progress on stderr."""
    return Reported(provider, ArticleProgress(source, len(text))) if len(text) >= LONG_ARTICLE_CHARS else provider


class Progress:
    """Articles done, the task running, failures, tokens, rates, elapsed time and an estimate of what is left."""

    def __init__(self, total: int, show: bool, tasks: list[str] | tuple[str, ...] = ("extract",),
                 loading: str | None = None) -> None:
        self.total, self.show, self.done, self.failed, self.tokens = total, show, 0, 0, 0
        self.tasks = list(tasks) or ["extract"]
        self.loading = loading
        self.started = time.perf_counter()
        self._units: dict[int, int] = {}  # worker thread -> tasks of its article counted on the bar
        self._lock = threading.Lock()
        self._bar: Any = None

    def __enter__(self) -> "Progress":
        if self.show:
            from rich.progress import BarColumn, Progress as Bar, TextColumn, TimeElapsedColumn

            self._bar = Bar(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[articles]}"),
                            TextColumn("{task.fields[step]}"), TextColumn("{task.fields[status]}"),
                            TimeElapsedColumn(), _estimate_column(), transient=True, console=_console())
            self._bar.start()
            what = f"loading model {self.loading}…" if self.loading else "extracting"
            self._task = self._bar.add_task(what, total=self.total * len(self.tasks),
                                            articles=f"0/{self.total} articles", step="", status="")
        return self

    @contextmanager
    def article(self) -> Iterator[None]:
        """One article on this worker thread: whatever its tasks did not move is moved when it ends."""
        ident = threading.get_ident()
        with self._lock:
            self._units[ident] = 0
        try:
            yield
        finally:
            with self._lock:
                left = len(self.tasks) - self._units.pop(ident, 0)
            self._move(left)

    def article_done_elsewhere(self) -> None:
        """An article ran in a worker process, out of the bar's sight: all its tasks move at once."""
        self._move(len(self.tasks), loaded=True)

    def task_started(self, task: str) -> None:
        if self._bar is not None and task in self.tasks:
            step = f"task {self.tasks.index(task) + 1}/{len(self.tasks)} {task}" if len(self.tasks) > 1 else ""
            self._bar.update(self._task, step=step)

    def task_finished(self) -> None:
        """A task's call ended; a long article's later chunks repeat tasks, so an article moves at most
        one task short of its share until it ends."""
        ident = threading.get_ident()
        with self._lock:
            counted = self._units.get(ident, len(self.tasks))
            moved = counted < len(self.tasks) - 1
            if moved:
                self._units[ident] = counted + 1
        self._move(1 if moved else 0, loaded=True)

    def _move(self, units: int, loaded: bool = False) -> None:
        if self._bar is None:
            return
        update: dict[str, Any] = {"description": "extracting"} if loaded and self.loading else {}
        if update:
            self.loading = None
        self._bar.update(self._task, advance=units, **update)

    def advance(self, record: ExtractionRecord, copy: bool = False) -> None:
        """An article's record, in input order; a copy of an identical article ran no tasks of its own."""
        self.done += 1
        self.failed += int(not record.ok)
        if record.provenance:
            self.tokens += record.provenance.usage.total_tokens
        if self._bar is not None:
            shown = {"articles": f"{self.done}/{self.total} articles", "status": self.status()}
            if self.loading:
                shown["description"] = "extracting"
            self._bar.update(self._task, advance=len(self.tasks) if copy else 0, **shown)
            self.loading = None

    def status(self) -> str:
        """Failures, tokens and the rates so far: articles per minute, tokens per second."""
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        return (f"failed {self.failed} · {self.tokens} tokens · {60 * self.done / elapsed:.1f} articles/min"
                f" · {self.tokens / elapsed:.0f} tokens/s")

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def _estimate_column() -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class Estimate(ProgressColumn):
        """Time left at the average pace since the start, counting down between finished tasks (rich's own
        estimate forgets anything older than 30 s, one task of a slow model): shown once a task is done."""

        def __init__(self) -> None:
            super().__init__()
            self.seen: dict[Any, tuple[float, float]] = {}  # task id -> (completed, elapsed when it got there)

        def render(self, task: Any) -> Text:
            if not task.completed or not task.total or task.elapsed is None or task.finished:
                return Text("")
            completed, at = self.seen.get(task.id, (0.0, 0.0))
            if completed != task.completed:
                completed, at = self.seen[task.id] = (task.completed, task.elapsed)
            left = max(0.0, at * (task.total - completed) / completed - (task.elapsed - at))
            minutes, seconds = divmod(int(left), 60)
            return Text(f"eta {minutes // 60}:{minutes % 60:02d}:{seconds:02d}", style="progress.remaining")

    return Estimate()
