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
