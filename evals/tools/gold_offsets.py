"""Fill the evidence offsets and the article hash of hand-written gold files.

Labellers write each evidence `quote` by hand; counting characters by hand is
error-prone, so this tool finds every quote in the article (as
`summarizer.text.articles.read_article` returns it) and writes `start`/`end` and
`sha256` back into the file. A quote that occurs more than once needs a `start`
near the intended occurrence; the nearest one is taken. Nothing is guessed
beyond that: a quote that is not in the article is an error.

    python evals/tools/gold_offsets.py evals/gold/*.json          # fill in place
    python evals/tools/gold_offsets.py --check evals/gold/*.json  # exit 1 if anything would change
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from summarizer.text.articles import read_article
from summarizer.evaluation.gold import FIELDS


class LabelError(Exception):
    """A quote the article does not contain, or one whose occurrence is ambiguous."""


def occurrences(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def locate(text: str, quote: str, hint: int | None) -> int:
    """The offset of `quote`; `hint` (an approximate start) picks among repeated occurrences."""
    if not quote or quote != quote.strip():
        raise LabelError(f"quote {quote!r} is empty or starts/ends with whitespace")
    if hint is not None and text[hint:hint + len(quote)] == quote:
        return hint
    found = occurrences(text, quote)
    if not found:
        raise LabelError(f"quote {quote!r} is not in the article (check quotation marks, dashes, apostrophes)")
    if len(found) > 1 and hint is None:
        raise LabelError(f"quote {quote!r} occurs at {found}; give a `start` near the intended one")
    return min(found, key=lambda at: abs(at - (hint or 0)))


def fill(gold: dict[str, Any], text: str, sha256: str) -> list[str]:
    """Set offsets and hash in place; returns the locations of every evidence span it failed on."""
    gold["sha256"] = sha256
    errors = []
    for field in FIELDS:
        for i, item in enumerate(gold.get(field) or []):
            for j, ev in enumerate(item.get("evidence") or []):
                try:
                    start = locate(text, ev["quote"], ev.get("start"))
                except LabelError as exc:
                    errors.append(f"{field}.{i}.evidence.{j}: {exc}")
                    continue
                rest = {k: v for k, v in ev.items() if k not in ("quote", "start", "end")}
                item["evidence"][j] = {"quote": ev["quote"], "start": start, "end": start + len(ev["quote"]), **rest}
    return errors


def process(path: Path, check: bool) -> bool:
    """True when the file is (or now is) complete and consistent."""
    raw = path.read_text(encoding="utf-8")
    gold = json.loads(raw)
    source = Path(gold["source"])
    article = read_article(source if source.is_absolute() else path.parent / source)
    errors = fill(gold, article.text, article.sha256)
    for error in errors:
        print(f"{path}: {error}", file=sys.stderr)
    new = json.dumps(gold, ensure_ascii=False, indent=2) + "\n"
    if check:
        if new != raw:
            print(f"{path}: offsets or sha256 out of date", file=sys.stderr)
        return not errors and new == raw
    if new != raw:
        path.write_text(new, encoding="utf-8")
        print(f"{path}: updated")
    return not errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is not up to date")
    args = parser.parse_args(argv)
    ok = all([process(path, args.check) for path in args.files])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
