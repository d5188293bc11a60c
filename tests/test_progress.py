"""The progress bar: on a terminal it shows done, failed, tokens and rates, on stderr; elsewhere it is silent.
It says "loading model…" while a provider loads, which task of how many runs, and an estimate once one is done."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from clirun import ROOT, summarize
from faultserver import FaultServer


def articles(folder: Path, count: int) -> list[str]:
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n}.txt").write_text(f"Talks {n}\nMinister Anna Berg said round {n} of the talks went well.\n")
    return sorted(str(p) for p in folder.iterdir())


def on_terminal(*args: str) -> tuple[int, bytes, str]:
    """Run the CLI with stderr on a pty (stdout a pipe): exit code, stdout, and what the terminal got."""
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    done = subprocess.run([sys.executable, "-c", "from summarizer.cli import main; main()", *args], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=slave, env={**os.environ, "COLUMNS": "200"}, timeout=300)
    os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    return done.returncode, done.stdout, b"".join(chunks).decode("utf-8", "replace")


def test_bar_goes_to_a_terminal_stderr_and_never_to_stdout(fault_server: FaultServer, tmp_path: Path) -> None:
    fault_server.latency = 0.3
    code, out, terminal = on_terminal("--no-cache", "--provider", "openai", "--model", "m", "--base-url",
                                      fault_server.url, "-j", "2", *articles(tmp_path / "in", 4))
    assert code == 0
    assert out.startswith(b"[") and len(json.loads(out)) == 4  # the results, and only them
    for shown in ("extracting", "/4", "failed 0", "tokens", "articles/min", "tokens/s"):
        assert shown in terminal


def test_rules_say_loading_model_before_the_first_article(tmp_path: Path) -> None:
    code, out, terminal = on_terminal("--provider", "rules", "--no-cache", *articles(tmp_path / "in", 1))
    assert code == 0 and json.loads(out)["ok"]
    assert "loading model rules-v7…" in terminal and "0/1 articles" in terminal
    assert terminal.index("loading model") < terminal.index("1/1 articles")


@pytest.mark.slow  # loads the real llama.cpp model and runs it on one short article (about 40 s on 2 cores)
def test_local_model_says_loading_model_while_it_loads(tmp_path: Path) -> None:
    code, _, terminal = on_terminal("--provider", "local", "--no-cache", "--schema", "participants",
                                    *articles(tmp_path / "in", 1))
    assert code in (0, 1)  # what the 135M model answers is not the point here
    assert "loading model SmolLM2-135M-Instruct.Q4_1.gguf…" in terminal
    assert terminal.index("loading model") < terminal.index("0/1 articles")


def test_multi_task_articles_show_the_task_counter_and_an_estimate(fault_server: FaultServer,
                                                                   tmp_path: Path) -> None:
    fault_server.latency = 0.4  # five tasks of 0.4 s: the bar redraws many times within one article
    code, out, terminal = on_terminal("--no-cache", "--provider", "openai", "--model", "m", "--base-url",
                                      fault_server.url, "--schema", "all", *articles(tmp_path / "in", 2))
    assert code == 0 and len(json.loads(out)) == 2
    for step in ("task 1/5 participants", "task 3/5", "task 5/5"):
        assert step in terminal
    first_task_done, first_article_done = terminal.index("task 2/5"), terminal.index("1/2 articles")
    assert "eta " not in terminal[:terminal.index("task 1/5")]  # nothing done, nothing estimated
    assert "eta 0:00:" in terminal[first_task_done:first_article_done]  # within the first article already
    assert "loading model" not in terminal  # an endpoint has nothing to load here


def test_no_bar_when_not_a_terminal(fault_server: FaultServer, tmp_path: Path) -> None:
    result = summarize("--no-cache", "--provider", "openai", "--model", "m", "--base-url", fault_server.url,
                       *articles(tmp_path / "in", 2))
    assert result.returncode == 0 and result.stderr == "summarize: provider openai, model m\n"  # no bar
    assert result.stdout.startswith("[")
