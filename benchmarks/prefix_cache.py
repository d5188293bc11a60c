"""Prompt tokens llama.cpp evaluates per article for schema `all`, and output tokens per grounded item.

llama.cpp returns `timings` with every answer: `prompt_n` (prompt tokens it had
to evaluate) and `cache_n` (tokens reused from the slot's prompt cache). Both
are stored with each response in a recording or response cache, so:

  before: the committed recording and run of the previous prompt layout
      python benchmarks/prefix_cache.py --recording REC.jsonl --run RUN.jsonl
  after: extract the seeds now with the local model into a fresh cache, then read it
      python benchmarks/prefix_cache.py --extract seeds --out /tmp/prefix-after

Token counts do not depend on machine load (milliseconds do, and are not reported).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

FIELDS = ("participants", "stances", "conditions", "red_lines")


def _article_key(request: dict[str, Any]) -> str:
    """The article a request is about: its user message up to the end of the article."""
    user = str(request["messages"][-1]["content"])
    return user.split("ARTICLE>>>")[0]


def per_article(rows: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> list[dict[str, int]]:
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for request, response in rows:
        timings, used = response.get("timings") or {}, response.get("usage") or {}
        t = totals[_article_key(request)]
        t["calls"] += 1
        t["prompt_tokens"] += int(used.get("prompt_tokens") or 0)
        t["evaluated"] += int(timings.get("prompt_n") or 0)
        t["reused"] += int(timings.get("cache_n") or 0)
        t["completion_tokens"] += int(used.get("completion_tokens") or 0)
    return [dict(t) for t in totals.values()]


def from_recording(path: Path) -> list[dict[str, int]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return per_article((r["request"], r["response"]) for r in rows)


def from_cache(path: Path) -> list[dict[str, int]]:
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT request, response FROM responses").fetchall()
    return per_article((json.loads(req), json.loads(resp)) for req, resp in rows)


def grounded(run: Path) -> tuple[int, int]:
    """(grounded items, completion tokens) over a run's records."""
    items = tokens = 0
    for line in run.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        result = record.get("result") or {}
        items += sum(len(result.get(f) or []) for f in FIELDS) + bool(result.get("summary"))
        tokens += ((record.get("provenance") or {}).get("usage") or {}).get("completion_tokens", 0)
    return items, tokens


def report(label: str, articles: list[dict[str, int]], run: Path | None) -> dict[str, Any]:
    n = max(1, len(articles))
    out: dict[str, Any] = {"label": label, "articles": len(articles),
                           **{f"{k}_per_article": round(sum(a.get(k, 0) for a in articles) / n, 1)
                              for k in ("calls", "prompt_tokens", "evaluated", "reused", "completion_tokens")}}
    if run is not None:
        items, tokens = grounded(run)
        out.update(grounded_items=items, output_tokens_per_grounded_item=round(tokens / items, 1) if items else None)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recording", type=Path, help="a recording (evals/runs/*.recording.jsonl)")
    parser.add_argument("--run", type=Path, help="the run of that recording, for grounded items")
    parser.add_argument("--extract", nargs="+", help="articles to extract now with the local model")
    parser.add_argument("--out", type=Path, default=Path("/tmp/prefix-after"))
    args = parser.parse_args()
    if args.extract:
        args.out.mkdir(parents=True, exist_ok=True)
        run = args.out / "run.jsonl"
        run.unlink(missing_ok=True)
        cli = [sys.executable, "-c", "from summarizer.cli import main; main()"]
        subprocess.run([*cli, "--provider", "local", "--schema", "all", "-f", "jsonl", "-o", str(run),
                        "--cache-dir", str(args.out / "cache"), *args.extract], check=False)
        print(json.dumps(report("after", from_cache(args.out / "cache" / "responses.sqlite"), run), indent=2))
    if args.recording:
        print(json.dumps(report("recording", from_recording(args.recording), args.run), indent=2))


if __name__ == "__main__":
    main()
