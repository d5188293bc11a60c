"""One response cache for `summarize`, `eval` and `brief`: what one paid for, the others reuse.

Every command takes its cache from `cli/options.py` (default: $SUMMARIZER_CACHE_DIR),
so after one cold run a warm re-run of any of them makes zero HTTP calls to the
endpoint (a real HTTP server on 127.0.0.1, tests/faultserver.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from clirun import ROOT
from forkcli import summarize
from faultserver import FaultServer


def gold_sources() -> list[str]:
    """The article files behind the shipped gold labels, exactly as `eval` reads them."""
    from summarizer.evaluation.harness import gold_articles, load_dataset

    return [a.source for a in gold_articles(load_dataset(ROOT / "evals" / "gold" / "seeds"))]


def test_warm_rerun_of_summarize_makes_zero_http_calls(fault_server: FaultServer, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Lima talks\nPeru's foreign minister Ana Soto said Peru is ready to resume talks.\n")
    env = {"SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    endpoint = ("--provider", "openai", "--model", "m", "--base-url", fault_server.url)
    cold = summarize("-s", "all", *endpoint, str(article), env=env)
    assert cold.returncode == 0, cold.stderr
    calls = fault_server.count
    assert calls >= 5 and (tmp_path / "cache" / "responses.sqlite").is_file()
    warm = summarize("-s", "all", *endpoint, str(article), env=env)  # no --replay: an ordinary re-run
    assert warm.returncode == 0 and fault_server.count == calls
    record = json.loads(warm.stdout)
    assert record["provenance"]["usage"]["calls"] == record["provenance"]["usage"]["cached_calls"] == calls
    assert record["result"] == json.loads(cold.stdout)["result"]


def test_eval_and_brief_reuse_what_summarize_paid_for(fault_server: FaultServer, tmp_path: Path) -> None:
    sources = gold_sources()
    env = {"SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    endpoint = ("--provider", "openai", "--model", "m", "--base-url", fault_server.url)
    cold = summarize("-s", "all", "-f", "jsonl", *endpoint, *sources, env=env)
    assert cold.returncode == 0, cold.stderr
    calls = fault_server.count
    assert calls >= 5 * len(sources)
    evaluated = summarize("eval", "--gold", str(ROOT / "evals" / "gold" / "seeds"), "--no-baseline", "--json",
                          str(tmp_path / "eval.json"), *endpoint, env=env)
    assert "Traceback" not in evaluated.stderr and (tmp_path / "eval.json").is_file()
    assert fault_server.count == calls, "eval called the endpoint for requests summarize already paid for"
    brief = summarize("brief", "--date", "2026-02-03", "-f", "json", "-o", str(tmp_path / "brief.json"),
                      *endpoint, *sources, env=env)
    assert brief.returncode == 0, brief.stderr
    assert fault_server.count == calls, "brief called the endpoint for requests summarize already paid for"
