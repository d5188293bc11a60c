"""Throughput of the rule-based provider on one core: model load time and articles/s on the dev set.

    python benchmarks/rules_speed.py [--articles evals/dev/articles] [--repeat 2]

End to end per article (`extract_article`, schema `all`: segmentation, parse, rules,
grounding), in one process on one core. Reports articles/s as measured (wall clock) and per
CPU second (what one uncontended core would do), both normalised to 2,000-character articles
(the issue's goal is >= 10/s at that size), with the load average. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "evals" / "dev" / "articles")
    parser.add_argument("--repeat", type=int, default=2, help="passes over the set (the best one is reported)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    from summarizer.extract.pipeline import ExtractOptions, extract_article
    from summarizer.rules import extractor, nlp
    from summarizer.text.articles import read_article

    paths = sorted(args.articles.glob("*.txt"))
    if not paths:
        raise SystemExit(f"{args.articles}: no *.txt articles (pass --articles DIR)")
    articles = [read_article(p) for p in paths]
    started = time.perf_counter()
    nlp.load()
    load_s = time.perf_counter() - started
    provider = extractor.RulesProvider()
    options = ExtractOptions(schema="all")
    extract_article(articles[0], provider, options)  # warm-up
    best, best_cpu = float("inf"), float("inf")
    for _ in range(max(1, args.repeat)):
        extractor.analyse.cache_clear()
        started, cpu = time.perf_counter(), time.process_time()
        for article in articles:
            record = extract_article(article, provider, options)
            if not record.ok:
                raise SystemExit(f"{article.source}: {record.error}")
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    chars = sum(len(a.text) for a in articles)
    row = {"articles": len(articles), "mean_chars": round(chars / len(articles)), "model_load_s": round(load_s, 2),
           "seconds": round(best, 2), "articles_per_s": round(len(articles) / best, 2),
           "articles_per_s_at_2000_chars": round(chars / 2000 / best, 2), "cpu_seconds": round(best_cpu, 2),
           "articles_per_cpu_s_at_2000_chars": round(chars / 2000 / best_cpu, 2), "cores": 1,
           "load_average": round(os.getloadavg()[0], 1)}
    print(json.dumps(row, indent=2))


if __name__ == "__main__":
    main()
