"""Reading JSON Lines files a user hands us (recordings, batch results): one error shape for both.

A file that cannot be read, or a line that is not JSON, is an input error naming the file and
the line number, with the caller's hint on what file to pass instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from summarizer.errors import InputError


def json_lines(path: Path, what: str, hint: str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) for every non-blank line of `path`; `what` names the file in errors."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the {what} ({exc})", hint) from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except ValueError as exc:
            raise InputError(f"{path}:{number}: not a JSON line ({exc})", hint) from None
