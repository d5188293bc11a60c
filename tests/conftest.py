"""Shared fixtures. Keep them generic: anything specific belongs in its test file."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Callable, Iterator

import pytest

from faultserver import FaultServer


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A scripted OpenAI-compatible server on 127.0.0.1 (see tests/faultserver.py); stopped after the test."""
    with FaultServer() as server:
        yield server


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run `summarize ARGS...` in this process through its real entry point (exit code, stdout, stderr).

    Much faster than a subprocess when a test needs many runs; use tests/clirun.py for the real process.
    """
    from summarizer.cli import main

    def run(*args: str, env: dict[str, str] | None = None) -> CliResult:
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(sys, "argv", ["summarize", *args])
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
