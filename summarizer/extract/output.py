"""Writing records: JSON, JSON Lines (durable, resumable) and Markdown."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from summarizer.errors import InputError
from summarizer.core.records import ExtractionRecord

FORMATS = ("json", "jsonl", "markdown")


def render(records: list[ExtractionRecord], fmt: str) -> str:
    if fmt == "jsonl":
        return "".join(r.to_json() + "\n" for r in records)
    if fmt == "markdown":
        return "\n".join(markdown(r) for r in records)
    data: Any = records[0].to_dict() if len(records) == 1 else [r.to_dict() for r in records]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|"})


def _md_escape(text: object) -> str:
    """Article and model text shown literally: no HTML, no links or images (no fetches), no emphasis."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.translate(_MD_SPECIAL).splitlines())


def _evidence_lines(item: dict[str, Any]) -> list[str]:
    return [f"  > “{_md_escape(ev['quote'])}” (chars {ev['start']}–{ev['end']})" for ev in item.get("evidence", [])]


def markdown(record: ExtractionRecord) -> str:
    meta = record.article.meta
    lines = [f"## {_md_escape(meta.title or record.article.id)}", ""]
    lines.append(f"*{_md_escape(record.article.source)}* · outlet {_md_escape(meta.outlet or '—')} · "
                 f"date {_md_escape(meta.date or '—')}")
    if not record.ok:
        return "\n".join([*lines, "", f"**Extraction failed:** {_md_escape(record.error or '')}", ""])
    result = record.result or {}
    if result.get("summary"):
        lines += ["", _md_escape(result["summary"])]
    for field, title, describe in _SECTIONS:
        if field not in result:
            continue
        lines += ["", f"### {title} ({len(result[field])})"]
        for item in result[field]:
            lines.append(f"- {describe(item)}")
            lines.extend(_evidence_lines(item))
    prov = record.provenance
    if prov:
        lines += ["", f"<sub>{_md_escape(prov.provider)} · {_md_escape(prov.model)} · {prov.usage.total_tokens} tokens · "
                      f"{prov.latency_s:.1f}s · dropped {prov.dropped_count} ungroundable</sub>"]
    return "\n".join(lines) + "\n"


_SECTIONS = (
    ("participants", "Participants",
     lambda p: f"**{_md_escape(p['name'])}** ({_md_escape(p['kind'])}"
               f"{', ' + _md_escape(p['role']) if p.get('role') else ''})"),
    ("stances", "Stances",
     lambda s: f"**{_md_escape(s['holder'])}** on *{_md_escape(s['topic'])}*: {_md_escape(s['polarity'])} — "
               f"{_md_escape(s['position'])}"),
    ("conditions", "Conditions",
     lambda c: f"**{_md_escape(c['holder'])}** — {_md_escape(c['conditions'])} only if: "
               f"{_md_escape(c['requirement'])}"),
    ("red_lines", "Red lines",
     lambda r: f"**{_md_escape(r['holder'])}** ({_md_escape(r['kind'])}{', says “red line”' if r['explicit'] else ''}): "
               f"{_md_escape(r['line'])}"),
)


class JsonlSink:
    """Append-only results file: one line per finished article, flushed and fsynced."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(path, "a", encoding="utf-8")

    def write(self, record: ExtractionRecord) -> None:
        self._file.write(record.to_json() + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        self._file.close()


@dataclass
class ResultsFile:
    """A JSONL results file as --resume sees it: the last line of each (source, schema) wins."""

    path: Path
    lines: dict[tuple[str, str], str] = field(default_factory=dict)  # key -> its last line, verbatim
    ok: set[tuple[str, str]] = field(default_factory=set)
    torn: bool = False  # a half-written last line (a kill mid-write) was found and left out
    superseded: int = 0  # lines replaced by a later line for the same article

    @classmethod
    def load(cls, path: Path) -> "ResultsFile":
        found = cls(path)
        if not path.exists():
            return found
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read the results file ({exc})", "pass a file written by -f jsonl") from None
        lines = text.split("\n")
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            key, ok = _parse_line(line)
            if key is None:
                if number == len(lines):  # no newline after it: the write was cut off
                    found.torn = True
                    continue
                raise InputError(f"{path}:{number}: not a result line of this tool",
                                 "fix or delete that line (or use a new -o file), then run again")
            found.superseded += int(key in found.lines)
            found.lines.pop(key, None)
            found.lines[key] = line
            found.ok.discard(key)
            if ok:
                found.ok.add(key)
        return found

    def keep_only(self, dropped: set[tuple[str, str]]) -> None:
        """Rewrite the file atomically without the given keys, torn tails and superseded lines.

        Articles about to run again lose their old failure line first, so the file
        never holds two lines for one article.
        """
        kept = [line for key, line in self.lines.items() if key not in dropped]
        if len(kept) == len(self.lines) and not self.torn and not self.superseded:
            return
        tmp = self.path.with_name(f".{self.path.name}.resume.tmp")
        with open(tmp, "w", encoding="utf-8") as out:
            out.write("".join(line + "\n" for line in kept))
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(self.path)
        _fsync_dir(self.path.parent)
        self.lines = {k: v for k, v in self.lines.items() if k not in dropped}
        self.torn, self.superseded = False, 0


def _parse_line(line: str) -> tuple[tuple[str, str] | None, bool]:
    try:
        row = json.loads(line)
        return (str(row["article"]["source"]), str(row["schema"])), bool(row.get("ok"))
    except (ValueError, KeyError, TypeError):
        return None, False


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def done_keys(path: Path) -> set[tuple[str, str]]:
    """(source, schema) of every successful record already in a results file; a torn last line is ignored."""
    keys: set[tuple[str, str]] = set()
    if not path.exists():
        return keys
    for line in path.read_text(encoding="utf-8").split("\n"):  # not splitlines(): U+2028 may be in a quote
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict) and row.get("ok"):
            keys.add((row["article"]["source"], row["schema"]))
    return keys


def read_records(paths: Iterable[Path]) -> list[ExtractionRecord]:
    """Records from JSON or JSONL files written by this tool; later lines win for the same article."""
    latest: dict[tuple[str, str], ExtractionRecord] = {}
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
            rows = json.loads(text) if text.lstrip().startswith(("[", "{\n")) else [
                json.loads(line) for line in text.split("\n") if line.strip()]
            rows = rows if isinstance(rows, list) else [rows]
            for row in rows:
                record = ExtractionRecord.model_validate(row)
                latest[(record.article.source, record.schema_name)] = record
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: not a results file of this tool ({str(exc)[:200]})",
                             "pass a file written by `summarize -o`") from None
    return list(latest.values())
