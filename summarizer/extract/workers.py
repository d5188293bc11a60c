"""Worker processes for a provider whose work is Python on the CPU, such as the rules.

spaCy's parse and the rules hold the GIL, so threads run such a provider one article at a
time; `run_batch` gives it N processes instead, each running whole articles (parse, rules,
grounding), while this process keeps ordering, output and progress. A provider says it is
such a provider with `cpu_bound = True` and loads its model in `warm()`.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable, Iterable, TypeVar

from summarizer.extract.progress import status_shown

Task = TypeVar("Task")
MOST_BY_DEFAULT = 4  # each worker holds its own parse state and caches beside the shared model


def default_workers() -> int:
    """The `-j` a CPU-bound provider gets when the user gives none (`summarize brief`): one process per core
    this process may run on, at most MOST_BY_DEFAULT."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity call on this platform
        usable = os.cpu_count() or 1
    return max(1, min(MOST_BY_DEFAULT, usable))


def worker_count(provider: Any, concurrency: int, articles: int) -> int:
    """Processes for this batch; 0 means threads run it: the provider waits on an endpoint, fewer than two
    articles can be in flight, this process may not have children (a daemon, such as a Dask worker), or
    other threads run in it (a notebook kernel, a server): a fork copies only the calling thread, and a
    lock another thread held (logging, stderr) would stay locked in the child, while a fresh interpreter
    (spawn, forkserver) would run the caller's main script again."""
    workers = min(concurrency, articles)
    if (not getattr(provider, "cpu_bound", False) or workers < 2 or multiprocessing.current_process().daemon
            or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods()):
        return 0
    return workers


def start(provider: Any, workers: int, show: bool) -> ProcessPoolExecutor:
    """A pool whose workers share the model this process loads first (`warm`, with a spinner on a terminal
    when `show`): they are forked after it, so it is loaded once and its memory is shared. The pool forks
    on the first `submit`: submit before any other thread starts (the progress bar)."""
    with status_shown(f"loading model {provider.model}…", show and provider.loads_on_first_call):
        provider.warm()
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_setup,
                               initargs=(os.getpid(),))


def submit_all(pool: ProcessPoolExecutor, run: Callable[..., Any], tasks: Iterable[tuple[Task, tuple[Any, ...]]]
               ) -> dict[Future[Any], Task]:
    """`run(*args)` for each (key, args), in order; the future of each, mapped to its key.

    The first submit forks the workers, and it does so with the collector's objects frozen
    (`gc.freeze`): a worker's full collection would otherwise visit every object the parent made
    (the model, the modules, the articles) and write to each one's header, which copies every page
    they share into each worker. The parent unfreezes once the workers exist."""
    gc.freeze()
    try:
        return {pool.submit(run, *args): key for key, args in tasks}
    finally:
        gc.unfreeze()


def _worker_setup(parent: int) -> None:
    """Ctrl-C is the parent's to handle (`stop`): a worker that saw it too would print a traceback. And a
    worker ends with its parent, however that ends (kill -9, out of memory): it would otherwise wait for
    work for ever, since it holds the writing end of its own task queue."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:  # Linux: the kernel sends SIGTERM when the parent ends (prctl PR_SET_PDEATHSIG = 1)
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)
    except (OSError, AttributeError):  # another kernel: a worker may outlive a parent killed with -9
        return
    if os.getppid() != parent:  # the parent ended before the request took effect
        os._exit(1)


def stop(pool: ProcessPoolExecutor) -> None:
    """Start nothing new and end the workers now: an article can run for minutes after Ctrl-C otherwise."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public handle before Python 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
