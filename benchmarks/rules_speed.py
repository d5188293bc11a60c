"""Speed of the rule-based provider in one run: throughput at -j 1 and -j 2, and cost against article size.

    python benchmarks/rules_speed.py [--articles evals/dev/articles] [--rounds 3] [--quiet-wait 0]
                                     [--sizes 100000 400000 1600000]

Throughput: the dev set through `runner.run_batch`, what `summarize -s all -j N` runs (segmentation,
parse, rules, grounding, records handed over in input order). Each run is a fresh process, timed from
before spaCy's model loads to the last record, so the load counts (at -j 2 it loads once, before the
workers fork). -j 1 and -j 2 alternate for `--rounds` rounds; each round gives the ratio of its two
rates, and the median ratio is the figure, so a busy moment on a shared machine moves one round only.
Beside wall time, each run counts CPU seconds: this process's, and each worker's (read from /proc
while it lives); "critical path" = this process's + the busiest worker's, what the run would take
with a free core per process. On a shared machine the wall ratio measures the neighbours as well;
the critical-path ratio does not. So each run also says how many CPU seconds the rest of the machine
used while it ran (`cpu_s_others`, from /proc/stat less this run's own) and the hypervisor stole
(`cpu_s_stolen`), and `--quiet-wait SECONDS` starts each round only once the others leave the cores
free (or that long has passed).
Size: one article per size made of the dev articles' texts one after another (`article_of_size`),
through `run_batch` at -j 1 in one process with the model loaded: wall and CPU seconds, and each
size's time over the previous one's; each prints its progress on stderr as it goes, as
`summarize` does for a long article. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100_000, 400_000, 1_600_000)
QUIET_CORES = 0.3  # --quiet-wait: what the rest of the machine may use for a round to start


def article_of_size(articles: Path, size: int) -> str:
    """A headline, then the dev articles' texts (each file's whole text), repeated, cut at a paragraph."""
    bodies = [p.read_text(encoding="utf-8").strip() for p in sorted(articles.glob("*.txt"))]
    parts, length, i = ["Long article made of the dev set", ""], 0, 0
    while length < size:
        parts.append(bodies[i % len(bodies)] + "\n")
        length += len(parts[-1]) + 1
        i += 1
    return "\n".join(parts)[:size].rsplit("\n\n", 1)[0] + "\n"


def one_batch(articles: Path, jobs: int) -> dict[str, float]:
    """One throughput run in this (fresh) process: model load included."""
    from summarizer.extract.pipeline import ExtractOptions
    from summarizer.extract.runner import load_articles, run_batch
    from summarizer.rules.extractor import RulesProvider

    loaded, unreadable = load_articles(str(p) for p in sorted(articles.glob("*.txt")))
    if unreadable or not loaded:
        raise SystemExit(f"{articles}: no readable *.txt articles ({unreadable[:1]})")
    workers: dict[int, float] = {}  # worker pid -> its CPU seconds so far

    def on_record(_: object) -> None:  # the workers live until the last record is handed over
        for child in multiprocessing.active_children():
            workers[child.pid or 0] = max(workers.get(child.pid or 0, 0.0), _cpu_seconds(child.pid or 0))

    provider, machine = RulesProvider(), _machine_cpu()
    started, cpu = time.perf_counter(), time.process_time()
    provider.warm()  # what the batch would do first: -j 1 on its first article, -j 2 before forking
    load_s, load_cpu = time.perf_counter() - started, time.process_time() - cpu
    records = run_batch(loaded, provider, ExtractOptions(schema="all"), concurrency=jobs, on_record=on_record,
                        progress=False)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    busy, steal = (now - then for now, then in zip(_machine_cpu(), machine))
    workers_total = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers have ended and been reaped
    ours = cpu + workers_total.ru_utime + workers_total.ru_stime
    failed = [r.article.source for r in records if not r.ok]
    if failed:
        raise SystemExit(f"failed: {failed}")
    busiest = max(workers.values(), default=0.0)
    return {"jobs": jobs, "articles": len(records), "seconds": round(seconds, 2), "load_s": round(load_s, 2),
            "articles_per_s": round(len(records) / seconds, 3),
            "articles_per_s_after_load": round(len(records) / (seconds - load_s), 3),
            "cpu_s_main": round(cpu, 2), "cpu_s_load": round(load_cpu, 2),
            "cpu_s_workers": sorted(round(v, 2) for v in workers.values()),
            "cpu_s_critical_path": round(cpu + busiest, 2),
            "cpu_s_critical_path_after_load": round(cpu - load_cpu + busiest, 2),
            "cpu_s_others": round(max(0.0, busy - ours), 2), "cpu_s_stolen": round(steal, 2)}


FORK_MODES = ("here", "fork1", "fork2", "fork2-frozen")


def forked_cpu(articles: Path, mode: str) -> dict[str, object]:
    """Where -j 2's extra CPU goes, in this fresh process with the model loaded: the articles run here
    ("here"), in one child forked after the load ("fork1": what forking costs), or split between two
    children at once ("fork2": what sharing the machine's caches and warming two sets of caches cost;
    "fork2-frozen": with `gc.freeze()` before the fork, as extract/workers.py does). Each process gives its
    CPU seconds, minor page faults (copy-on-write among them) and seconds in the garbage collector."""
    import gc
    from summarizer.extract.pipeline import ExtractOptions
    from summarizer.extract.runner import load_articles, run_batch
    from summarizer.rules.extractor import RulesProvider

    loaded, _ = load_articles(str(p) for p in sorted(articles.glob("*.txt")))
    provider, collecting = RulesProvider(), [0.0, 0.0]  # seconds collecting; when this collection began
    provider.warm()

    def timed(phase: str, _: object) -> None:
        if phase == "start":
            collecting[1] = time.process_time()
        else:
            collecting[0] += time.process_time() - collecting[1]

    gc.callbacks.append(timed)

    def run(part: list[object]) -> dict[str, float]:
        before, collected = resource.getrusage(resource.RUSAGE_SELF), collecting[0]
        run_batch(part, provider, ExtractOptions(schema="all"), progress=False)
        after = resource.getrusage(resource.RUSAGE_SELF)
        return {"cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
                "minor_faults": after.ru_minflt - before.ru_minflt, "gc_s": round(collecting[0] - collected, 3)}

    if mode == "here":
        return {"mode": mode, "processes": [run(loaded)]}
    if mode.endswith("frozen"):
        gc.freeze()
    children = []
    for part in [loaded] if mode == "fork1" else [loaded[0::2], loaded[1::2]]:
        read, write = os.pipe()
        if (pid := os.fork()) == 0:
            os.write(write, json.dumps(run(part)).encode())
            os._exit(0)
        os.close(write)
        children.append((pid, read))
    processes = []
    for pid, read in children:
        with os.fdopen(read) as answer:
            processes.append(json.loads(answer.read()))
        os.waitpid(pid, 0)
    return {"mode": mode, "processes": processes}


def fork_costs(articles: Path, rounds: int) -> dict[str, object]:
    """`forked_cpu` for each mode, `rounds` times in turn, each in a fresh process: total CPU seconds per mode."""
    totals: dict[str, list[float]] = {mode: [] for mode in FORK_MODES}
    for _ in range(rounds):
        for mode in FORK_MODES:
            machine = _machine_cpu()[0]
            done = subprocess.run([sys.executable, __file__, "--articles", str(articles), "--forked", mode],
                                  capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
            run = json.loads(done.stdout)
            totals[mode].append(round(sum(p["cpu_s"] for p in run["processes"]), 2))
            print(f"{mode}: {run['processes']}, machine busy {_machine_cpu()[0] - machine:.1f} CPU s", file=sys.stderr)
    return {"cpu_s_per_round": totals, "cpu_s_median": {m: statistics.median(t) for m, t in totals.items()}}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a live process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _machine_cpu() -> tuple[float, float]:
    """CPU seconds the whole machine has been busy (every process, ours too) and has had stolen by the
    hypervisor, since boot (Linux /proc/stat)."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, Path("/proc/stat").read_text().split()[1:9])
    tick = os.sysconf("SC_CLK_TCK")
    return (user + nice + system + irq + softirq) / tick, steal / tick


def wait_for_quiet(most_seconds: float) -> float:
    """Wait (at most `most_seconds`) for a 2-second window in which the others use under QUIET_CORES of the
    machine; returns the cores they used in the last window. On a shared machine -j 2 can only be as fast
    as the cores the neighbours leave (docs/performance.md)."""
    deadline = time.monotonic() + most_seconds
    while True:
        before = _machine_cpu()
        time.sleep(2.0)
        used = (_machine_cpu()[0] - before[0]) / 2.0
        if used < QUIET_CORES or time.monotonic() >= deadline:
            return round(used, 2)


def throughput(articles: Path, rounds: int, quiet_wait: float) -> dict[str, object]:
    runs: list[dict[str, float]] = []
    for _ in range(rounds):
        if quiet_wait:
            print(f"others used {wait_for_quiet(quiet_wait)} cores just before this round", file=sys.stderr)
        for jobs in (1, 2):
            done = subprocess.run([sys.executable, __file__, "--articles", str(articles), "--one-batch", str(jobs)],
                                  capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
            runs.append(json.loads(done.stdout))
            print(f"-j {jobs}: {runs[-1]}", file=sys.stderr)
    pairs = list(zip(runs[::2], runs[1::2]))
    summary: dict[str, object] = {"runs": runs}
    for name, key, faster in (("wall", "articles_per_s", True), ("wall_after_load", "articles_per_s_after_load", True),
                              ("critical_path", "cpu_s_critical_path", False),
                              ("critical_path_after_load", "cpu_s_critical_path_after_load", False)):
        ratios = [two[key] / one[key] if faster else one[key] / two[key] for one, two in pairs]
        summary[f"j2_over_j1_{name}_per_round"] = [round(r, 2) for r in ratios]
        summary[f"j2_over_j1_{name}_median"] = round(statistics.median(ratios), 2)
    return summary | {"articles_per_s_j1_median": statistics.median(r["articles_per_s"] for r in runs[::2]),
                      "articles_per_s_j2_median": statistics.median(r["articles_per_s"] for r in runs[1::2])}


def by_size(articles: Path, sizes: list[int]) -> list[dict[str, float]]:
    from summarizer.extract.pipeline import ExtractOptions
    from summarizer.extract.runner import run_batch
    from summarizer.rules import extractor, nlp
    from summarizer.text.articles import read_article

    nlp.load()
    rows: list[dict[str, float]] = []
    folder = Path(os.environ.get("TMPDIR", "/tmp"))
    for size in sizes:
        path = folder / f"rules_speed_{size}.txt"
        path.write_text(article_of_size(articles, size), encoding="utf-8")
        try:
            article = read_article(path)
            extractor.analyse.cache_clear()
            started, cpu = time.perf_counter(), time.process_time()
            [record] = run_batch([article], extractor.RulesProvider(), ExtractOptions(schema="all"), progress=False)
            seconds, cpu_s = time.perf_counter() - started, time.process_time() - cpu
        finally:
            path.unlink()
        if not record.ok:
            raise SystemExit(f"{size} characters: {record.error}")
        row = {"chars": len(article.text), "seconds": round(seconds, 1), "cpu_seconds": round(cpu_s, 1)}
        if rows:
            row["time_ratio_to_previous"] = round(seconds / rows[-1]["seconds"], 2)
            row["cpu_ratio_to_previous"] = round(cpu_s / rows[-1]["cpu_seconds"], 2)
            row["size_ratio_to_previous"] = round(row["chars"] / rows[-1]["chars"], 2)
        rows.append(row)
        print(f"size: {row}", file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "evals" / "dev" / "articles")
    parser.add_argument("--rounds", type=int, default=3, help="alternating -j 1 / -j 2 rounds (median ratio)")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="article sizes in characters")
    parser.add_argument("--quiet-wait", type=float, default=0.0, metavar="SECONDS",
                        help=f"before each round wait up to this long for the others to use < {QUIET_CORES} cores")
    parser.add_argument("--fork-costs", type=int, default=0, metavar="ROUNDS",
                        help="instead: where the workers' extra CPU goes (forked_cpu), this many rounds")
    parser.add_argument("--forked", choices=FORK_MODES, help=argparse.SUPPRESS)  # a child run
    parser.add_argument("--one-batch", type=int, metavar="JOBS", help=argparse.SUPPRESS)  # a child run
    args = parser.parse_args()
    if args.one_batch or args.forked or args.fork_costs:
        print(json.dumps(one_batch(args.articles, args.one_batch) if args.one_batch else
                         forked_cpu(args.articles, args.forked) if args.forked else
                         fork_costs(args.articles, args.fork_costs)))
        return
    started = time.time()
    result = {"cores": os.cpu_count(), "load_average_start": round(os.getloadavg()[0], 1),
              "throughput": throughput(args.articles, max(1, args.rounds), args.quiet_wait),
              "sizes": by_size(args.articles, args.sizes)}
    result |= {"load_average_end": round(os.getloadavg()[0], 1), "minutes": round((time.time() - started) / 60, 1)}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
