"""README's Python examples, run as doctests (from the repository root, as a reader would run them)."""

from __future__ import annotations

import doctest
import os
import re

from clirun import ROOT

BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_readme_python_examples_run_as_written() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in BLOCK.findall(text) if ">>>" in b]
    assert blocks, "README.md has no Python examples"
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        globs: dict[str, object] = {}
        for i, block in enumerate(blocks):
            test = parser.get_doctest(block, globs, f"README.md python block {i + 1}", "README.md", 0)
            runner.run(test, clear_globs=False)
            globs.update(test.globs)  # later blocks go on from earlier ones, as in one session
    finally:
        os.chdir(cwd)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0 and result.failed == 0, f"{result.failed} README example(s) failed (output above)"
