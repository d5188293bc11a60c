"""Extraction on a real Dask cluster (LocalCluster, 2 worker processes on 127.0.0.1): the CLI's records, in input
order, one per article, even when a worker process is killed mid-run."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster

from clirun import ROOT, summarize
from summarizer.scale import extract_on_dask, extract_one

TIMINGS = ("latency_s", "created_at")


def _paths() -> list[str]:
    return [str(p.relative_to(ROOT)) for folder in (ROOT / "seeds", ROOT / "evals" / "dev" / "articles")
            for p in sorted(folder.glob("*.txt"))]


def _without_timings(record: dict[str, Any]) -> dict[str, Any]:
    provenance = {k: v for k, v in record["provenance"].items() if k not in TIMINGS}
    return {**record, "provenance": provenance}


def test_extract_one_is_plain_data_in_and_out(tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text("Talks in Oslo\nNorway's foreign minister Kari Lunde said Norway will host new talks.\n")
    record = extract_one(str(article), "participants")
    assert json.loads(json.dumps(record)) == record and record["ok"]
    assert record["provenance"]["provider"] == "rules"
    missing = extract_one(str(tmp_path / "none.txt"))
    assert not missing["ok"] and "none.txt" in missing["error"]


def test_dask_cluster_gives_the_cli_records_in_order_and_survives_a_killed_worker(tmp_path: Path) -> None:
    paths = _paths()
    cli = summarize("-f", "jsonl", "--provider", "rules", "--no-cache", *paths, cwd=ROOT)
    assert cli.returncode == 0, cli.stderr
    expected = [_without_timings(json.loads(line)) for line in cli.stdout.splitlines()]
    assert [r["article"]["source"] for r in expected] == paths

    out = tmp_path / "records.jsonl"
    killed: list[int] = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        before = client.run(os.getpid)
        streamed = []
        for record in extract_on_dask(paths, client, schema="stance", output=out, window=6):
            streamed.append(record.article.source)
            if len(streamed) == 2:  # kill the worker that holds an article right now
                busy = [addr for addr, keys in client.processing().items() if keys]
                assert busy, "no worker was processing anything: the kill would test nothing"
                killed.append(before[busy[0]])
                os.kill(before[busy[0]], signal.SIGKILL)
        client.wait_for_workers(2, timeout=120)
        after = set(client.run(os.getpid).values())
    assert killed and killed[0] not in after  # the killed process is gone; its nanny started a new one

    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["article"]["source"] for r in lines] == paths == streamed  # input order, each exactly once
    assert [_without_timings(r) for r in lines] == expected


def test_dask_workers_ground_recorded_answers_from_a_response_cache_without_a_model(tmp_path: Path) -> None:
    """What a large batch import needs: answers filed in a response cache, replayed and grounded on the cluster."""
    from faultserver import FaultServer
    from test_batchfile import ARTICLES, citing_stance

    import summarizer
    from summarizer.providers import OpenAIProvider

    paths = []
    for name, text in ARTICLES.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / f"{name}.txt"))
    cache = tmp_path / "cache"
    with FaultServer(responder=citing_stance) as server:
        endpoint = OpenAIProvider(base_url=server.url, model="test-model", cache=cache)
        try:
            live = list(summarizer.extract_many(paths, schema="stance", provider=endpoint))
        finally:
            endpoint.close()
        calls = server.count
    assert calls > 0 and all(r.ok and r.result.stances for r in live)
    settings = {"model": "test-model", "replay": True, "cache": str(cache)}
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        replayed = list(extract_on_dask(paths, client, schema="stance", provider="openai", settings=settings))
    assert [r.result for r in replayed] == [r.result for r in live]
    assert all(r.provenance.usage.cached_calls == r.provenance.usage.calls > 0 for r in replayed)
