"""Run the `summarize` CLI in a subprocess, the way a user does, with whatever Python runs the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def summarize(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None,
              cwd: Path | None = None, timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", "from summarizer.cli import main; main()", *args],
        input=stdin.decode("utf-8", "replace") if stdin is not None else None,
        capture_output=True, text=True, env=full_env, cwd=cwd or ROOT, timeout=timeout,
    )


def interrupted(args: list[str], output: Path, after_lines: int, timeout: float = 300) -> tuple[int, str]:
    """Run `summarize ARGS` (a process of its own), press Ctrl-C once OUTPUT holds `after_lines` lines:
    its exit code and stderr. The child gets the default SIGINT action, as at a terminal, even when the
    tests were started in the background by a shell that set SIGINT to be ignored (inherited across exec)."""
    import signal
    import time

    run = subprocess.Popen([sys.executable, "-c", "from summarizer.cli import main; main()", *args], cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and run.poll() is None:
        if output.exists() and output.read_bytes().count(b"\n") >= after_lines:
            run.send_signal(signal.SIGINT)
            break
        time.sleep(0.02)
    _, err = run.communicate(timeout=120)
    return run.returncode, err
