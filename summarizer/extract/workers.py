"""Worker processes for a provider whose work is Python on the CPU, such as the rules.

spaCy's parse and the rules hold the GIL, so threads run such a provider one article at a
time; `run_batch` gives it N processes instead, each running whole articles (parse, rules,
grounding), while this process keeps ordering, output and progress. A provider says it is
such a provider with `cpu_bound = True` and loads its model in `warm()`.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Any


def worker_count(provider: Any, concurrency: int, articles: int) -> int:
    """Processes for this batch; 0 means threads run it: the provider waits on an endpoint, fewer than two
    articles can be in flight, or this process may not have children (a daemon, such as a Dask worker)."""
    workers = min(concurrency, articles)
    if not getattr(provider, "cpu_bound", False) or workers < 2 or multiprocessing.current_process().daemon:
        return 0
    return workers


def start(provider: Any, workers: int) -> ProcessPoolExecutor:
    """A pool whose workers share the model this process loads first.

    The workers are forked after `warm()`, so the model is loaded once and its pages are shared, when this
    is the only thread: a fork copies only the calling thread, and a lock another thread held (a logging
    or stderr lock) would stay locked in the child. With other threads running, the workers start from a
    fresh interpreter (forkserver) and each loads the model on its first article. The pool forks its
    workers on the first `submit`, so submit before starting any thread (the progress bar).
    """
    methods = multiprocessing.get_all_start_methods()
    forking = "fork" in methods and threading.active_count() == 1
    if forking:
        provider.warm()
    method = "fork" if forking else "forkserver" if "forkserver" in methods else "spawn"
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=_worker_setup)


def _worker_setup() -> None:
    """Ctrl-C is this process's to handle (`stop`); a worker that saw it too would print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def stop(pool: ProcessPoolExecutor) -> None:
    """Start nothing new and end the workers now: an article can run for minutes after Ctrl-C otherwise."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public handle before Python 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
