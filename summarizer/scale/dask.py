"""Extraction on a Dask cluster: `client.map` of `extract_one`, records handed back in input order.

At most `window` articles are in flight, so a million paths never sit in the
scheduler at once; each record is written (JSONL, fsynced) as soon as every
earlier one is, so a crash of the client loses nothing finished and the file is
in input order. A worker that dies mid-run is replaced by its nanny and its
articles run again elsewhere (Dask's `allowed-failures`); each article's future
gives one result, written once, so none is lost or written twice.
"""

from __future__ import annotations

import uuid
from collections import deque
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from summarizer.core.records import ExtractionRecord
from summarizer.errors import MissingExtra
from summarizer.scale.task import extract_one


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise MissingExtra("extract_on_dask needs Dask's distributed scheduler, which is not installed",
                           'pip install "summarizer[dask]"') from None
    return distributed


def extract_on_dask(paths: Iterable[str | Path], client: Any, schema: str = "stance", provider: str = "rules",
                    settings: Mapping[str, Any] | None = None, output: str | Path | None = None,
                    window: int | None = None, **options: Any) -> Iterator[ExtractionRecord]:
    """Records of `paths` (readable by every worker) in input order; with `output`, also appended to that JSONL.

    `client`: a `distributed.Client` of any cluster; `provider` and `settings` name the provider each
    worker builds (`summarizer.providers.get`); `options` are extraction options (max_tokens, ...).
    """
    from summarizer.api import options_for
    from summarizer.extract.output import JsonlSink

    _distributed()
    options_for(schema, **dict(options))  # a bad schema or option fails here, not on every worker
    window = window or 8 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
    sink = JsonlSink(Path(output)) if output is not None else None
    run = uuid.uuid4().hex[:12]  # keys unique to this call: a second run on the same client never reuses results
    todo = iter(enumerate(str(p) for p in paths))
    flight: deque[Any] = deque()
    try:
        while True:
            while len(flight) < window and (nxt := next(todo, None)) is not None:
                index, source = nxt
                flight.append(client.submit(extract_one, source, schema, provider, dict(settings or {}),
                                            dict(options), key=f"summarizer-extract-{run}-{index}", pure=False))
            if not flight:
                break
            record = ExtractionRecord.model_validate(flight.popleft().result())
            if sink is not None:
                sink.write(record)
            yield record
    finally:
        for future in flight:
            future.cancel()
        if sink is not None:
            sink.close()
