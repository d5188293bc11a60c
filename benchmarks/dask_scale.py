"""Articles per second on a Dask LocalCluster of 1 and then 2 worker processes, in one run (docs/performance.md).

    python benchmarks/dask_scale.py --out /tmp/dask.json     # the dev articles and seeds, rules provider

Each cluster is started, warmed (every worker parses one article, so spaCy's load is not
counted), then timed over the same articles; the ratio compares like with like.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from distributed import Client, LocalCluster

from summarizer.scale import extract_on_dask

ROOT = Path(__file__).resolve().parent.parent


def timed(paths: list[str], workers: int) -> dict[str, float]:
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        list(extract_on_dask(paths[:workers], client))  # warm: the parser loads once per worker
        client.run(lambda: None)
        started = time.perf_counter()
        done = sum(1 for _ in extract_on_dask(paths, client))
        wall = time.perf_counter() - started
    return {"workers": workers, "articles": done, "wall_s": round(wall, 2), "articles_per_s": round(done / wall, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    paths = [str(p) for folder in (ROOT / "evals" / "dev" / "articles", ROOT / "seeds")
             for p in sorted(folder.glob("*.txt"))]
    runs = [timed(paths, 1), timed(paths, 2)]
    result = {"command": " ".join([Path(sys.executable).name, *sys.argv]), "cpus": os.cpu_count(),
              "load_average_end": list(os.getloadavg()), "runs": runs,
              "ratio_2_to_1": round(runs[1]["articles_per_s"] / runs[0]["articles_per_s"], 3)}
    text = json.dumps(result, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
