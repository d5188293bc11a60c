"""The progress bar: on a terminal it shows done, failed, tokens and rates, on stderr; elsewhere it is silent."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

from clirun import ROOT, summarize
from faultserver import FaultServer


def articles(folder: Path, count: int) -> list[str]:
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n}.txt").write_text(f"Talks {n}\nMinister Anna Berg said round {n} of the talks went well.\n")
    return sorted(str(p) for p in folder.iterdir())


def test_bar_goes_to_a_terminal_stderr_and_never_to_stdout(fault_server: FaultServer, tmp_path: Path) -> None:
    fault_server.latency = 0.3
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
    args = ["--no-cache", "--provider", "openai", "--model", "m", "--base-url", fault_server.url, "-j", "2",
            *articles(tmp_path / "in", 4)]
    done = subprocess.run([sys.executable, "-c", "from summarizer.cli import main; main()", *args], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=slave, env={**os.environ, "COLUMNS": "200"}, timeout=300)
    os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert done.returncode == 0
    assert done.stdout.startswith(b"[") and len(json.loads(done.stdout)) == 4  # the results, and only them
    for shown in ("extracting", "/4", "failed 0", "tokens", "articles/min", "tokens/s"):
        assert shown in terminal


def test_no_bar_when_not_a_terminal(fault_server: FaultServer, tmp_path: Path) -> None:
    result = summarize("--no-cache", "--provider", "openai", "--model", "m", "--base-url", fault_server.url,
                       *articles(tmp_path / "in", 2))
    assert result.returncode == 0 and result.stderr == "summarize: provider openai, model m\n"  # no bar
    assert result.stdout.startswith("[")
