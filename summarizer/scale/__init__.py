"""Scale-out: extraction of one article as a pure function, and a runner on Dask's distributed scheduler.

`extract_one` needs nothing but this package, so any map-style engine (Dask,
Ray, Spark, a process pool) can call it; `extract_on_dask` (extra `[dask]`)
maps it over a cluster and streams the records to JSONL in input order.
"""

from __future__ import annotations

from typing import Any

from summarizer.scale.task import extract_one

__all__ = ["extract_on_dask", "extract_one"]


def __getattr__(name: str) -> Any:
    if name == "extract_on_dask":  # imports dask: only when asked for
        from summarizer.scale.dask import extract_on_dask

        return extract_on_dask
    raise AttributeError(f"module 'summarizer.scale' has no attribute {name!r}")
