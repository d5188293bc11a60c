"""Writing records: JSON, JSON Lines (durable, resumable) and Markdown.

Every text written passes `redact_output` (the API key in any spelling). An `-o`
regular file is written through a temporary file and a rename; a stream target
(`/dev/stdout`, a FIFO) is written directly and never opened for reading.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any, Iterable

from summarizer.errors import InputError, redact_output
from summarizer.core.records import LEGACY_PROVIDERS, ExtractionRecord
from summarizer.text.paths import os_problem, shown

FORMATS = ("json", "jsonl", "markdown")


def render(records: list[ExtractionRecord], fmt: str) -> str:
    if fmt == "jsonl":
        return "".join(line(r) + "\n" for r in records)
    if fmt == "markdown":
        from summarizer.extract.markdown import markdown

        return redact_output("\n".join(markdown(r) for r in records))
    data: Any = records[0].to_dict() if len(records) == 1 else [r.to_dict() for r in records]
    return redact_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def line(record: ExtractionRecord) -> str:
    """One JSONL line, as written to files and streams."""
    return redact_output(record.to_json())


def is_stream(path: Path) -> bool:
    """A target that is not a regular file (a pipe, a terminal, /dev/stdout): written to, never read back."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def check_output(output: Path, sources: Iterable[str]) -> None:
    """Before any model call: -o must not be an input (it would overwrite the article) and must be writable."""
    if is_stream(output):
        return
    target = os.path.realpath(output)
    for source in sources:
        if source != "-" and os.path.realpath(source) == target:
            raise InputError(f"{output}: is also one of the input articles; writing there would overwrite it",
                             "choose another -o file")
    probe = output.with_name(f".{output.name}.probe")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        if isinstance(exc, (FileExistsError, NotADirectoryError)):
            raise InputError(f"{shown(output)}: cannot write results there (a part of that path is a file, not a "
                             "folder)", "choose another -o path") from None
        raise os_problem(output, exc, "cannot write results there") from None


def write_output(path: Path, text: str) -> None:
    """Never leave a half-written output: write beside it, fsync, rename; a stream gets the text directly.
    A full disk, a read-only or forbidden place is one error naming the file, and no temporary file stays."""
    write_outputs({path: text})


def write_outputs(outputs: dict[Path, str]) -> None:
    """Several outputs, all or none: every one is written and fsynced beside its target before any is renamed."""
    ready: list[tuple[Path, Path]] = []
    current = next(iter(outputs), Path("."))
    try:
        for current, text in outputs.items():
            text = redact_output(text)
            if is_stream(current):
                _write(current, text)
                continue
            tmp = current.with_name(f".{current.name}.tmp")
            ready.append((tmp, current))
            current.parent.mkdir(parents=True, exist_ok=True)
            _write(tmp, text, sync=True)
        for tmp, current in ready:
            tmp.replace(current)
    except OSError as exc:
        for tmp, _ in ready:
            _remove(tmp)
        raise os_problem(current, exc, "cannot write the output") from None
    for folder in {path.parent for _, path in ready}:
        _fsync_dir(folder)


def _write(path: Path, text: str, sync: bool = False) -> None:
    out = open(path, "w", encoding="utf-8")
    try:
        out.write(text)
        out.flush()
        if sync:
            os.fsync(out.fileno())
    finally:
        try:
            out.close()
        except OSError:  # the flush above already failed and said why
            pass


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


class JsonlSink:
    """Append-only results file: one line per finished article, flushed and fsynced (streams: flushed).
    A write that fails (full disk) is one error naming the file; the lines before it are whole."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stream = is_stream(path)
        try:
            if not self.stream:
                path.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(path, "a" if not self.stream else "w", encoding="utf-8")
        except OSError as exc:
            raise os_problem(path, exc, "cannot write results there") from None
        self._good = self._file.tell() if not self.stream else 0

    def write(self, record: ExtractionRecord) -> None:
        try:
            self._file.write(line(record) + "\n")
            self._file.flush()
            if not self.stream:
                os.fsync(self._file.fileno())
                self._good = self._file.tell()
        except OSError as exc:
            self._cut_back()
            raise os_problem(self.path, exc, "cannot write results there (the lines before are kept; "
                                             "--resume finishes the rest)") from None

    def _cut_back(self) -> None:
        """Drop a partly written line, so the file stays whole lines; what cannot be written is lost, not torn."""
        try:
            self._file.close()
        except OSError:
            pass
        if not self.stream:
            try:
                os.truncate(self.path, self._good)
            except OSError:
                pass
        self._file = open(os.devnull, "w", encoding="utf-8")

    def close(self) -> None:
        try:
            self._file.close()
        except OSError as exc:
            raise os_problem(self.path, exc, "cannot write results there") from None


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


def identity(source: str) -> str:
    """Which file a record is about, however its path was spelt (relative, absolute, ./, via a symlink)."""
    return source if source in ("-", "<stdin>") else shown(os.path.realpath(source))


def content_key(row: dict[str, Any]) -> tuple[Any, ...] | None:
    """What a result was made from: article text, schema, prompt set, provider and model (None: unknown)."""
    prov, article = row.get("provenance") or {}, row.get("article") or {}
    if not article.get("sha256") or not prov:
        return None
    prompts = tuple(sorted((str(p.get("name")), str(p.get("sha256"))) for p in prov.get("prompts") or []))
    provider = LEGACY_PROVIDERS.get(prov.get("provider"), prov.get("provider"))
    return (article["sha256"], row.get("schema"), prompts, provider, prov.get("model"))


class ResultsFile:
    """A JSONL results file as --resume sees it: the last line for each article (by file identity) wins."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[str, str] = {}  # identity -> its last line, verbatim
        self.done: dict[str, tuple[Any, ...]] = {}  # identity -> content key of a complete success
        self.names: dict[str, str] = {}  # identity -> sha256:file name, to adopt lines whose path moved
        self.torn = False  # a half-written last line (a kill mid-write) was found and left out
        self.superseded = 0  # lines replaced by a later line for the same article

    @classmethod
    def load(cls, path: Path) -> "ResultsFile":
        found = cls(path)
        if is_stream(path):
            raise InputError(f"{path}: --resume needs a results file, not a stream", "pass -o FILE.jsonl")
        if not path.exists():
            return found
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read the results file ({exc})", "pass a file written by -f jsonl") from None
        lines = text.split("\n")  # not splitlines(): U+2028 may be in a quote
        for number, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
                who = identity(str(row["article"]["source"]))
                key = content_key(row)
            except (ValueError, KeyError, TypeError):
                if number == len(lines):  # no newline after it: the write was cut off
                    found.torn = True
                    continue
                raise InputError(f"{path}:{number}: not a result line of this tool",
                                 "fix or delete that line (or use a new -o file), then run again") from None
            found.superseded += int(who in found.lines)
            found.lines.pop(who, None)
            found.lines[who] = raw
            found.names[who] = f"{row['article'].get('sha256')}:{os.path.basename(row['article']['source'])}"
            found.done.pop(who, None)
            if row.get("ok") and not row.get("error") and key is not None:
                found.done[who] = key
        return found

    def owner_of(self, source: str, sha256: str) -> str | None:
        """The identity of this article's line: its own path, or a line for the same text and file name
        whose path no longer resolves (the run was started from another folder)."""
        who = identity(source)
        if who in self.lines:
            return who
        name = f"{sha256}:{os.path.basename(source)}"
        return next((k for k, v in self.names.items() if v == name and not os.path.exists(k)), None)

    def keep_only(self, dropped: set[str]) -> None:
        """Rewrite the file atomically without the given identities, torn tails and superseded lines,
        so articles about to run again never end up with two lines."""
        kept = [raw for who, raw in self.lines.items() if who not in dropped]
        if len(kept) == len(self.lines) and not self.torn and not self.superseded:
            return
        write_output(self.path, "".join(raw + "\n" for raw in kept))
        self.lines = {k: v for k, v in self.lines.items() if k not in dropped}
        self.torn, self.superseded = False, 0


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
