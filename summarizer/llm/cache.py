"""Record and replay model responses in one SQLite file.

The key is what determines the answer (provider, model, messages, response
schema, generation parameters, sample index) and nothing else; request headers,
and so the API key, never reach the key or the file.

Only accepted answers are replayed. Inside `holding()` (one per article, see
`extract.runner`) new answers wait in memory; when the article succeeded they are
stored as `ok`, when it failed they are stored as `failed` with its error and are
never served again, so a re-run or `--resume` asks the endpoint anew instead of
replaying a transient bad answer.
"""

from __future__ import annotations

import contextvars
import hashlib
import json
import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from summarizer.core.jsonl import json_lines
from summarizer.errors import InputError

KEY_FIELDS = (
    "model", "messages", "response_format", "tools", "tool_choice", "temperature", "top_p",
    "max_tokens", "max_completion_tokens", "seed", "stop", "n", "logit_bias", "frequency_penalty",
    "presence_penalty",
)
OK, FAILED = "ok", "failed"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    request TEXT NOT NULL,
    response TEXT NOT NULL,
    created REAL NOT NULL,
    status TEXT NOT NULL DEFAULT 'ok',
    error TEXT
)
"""
_UPSERT = """
INSERT INTO responses (key, provider, model, request, response, created, status, error)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(key) DO UPDATE SET provider=excluded.provider, model=excluded.model, request=excluded.request,
    response=excluded.response, created=excluded.created, status=excluded.status, error=excluded.error
WHERE excluded.status = 'ok' OR responses.status != 'ok'
"""


def default_cache_path() -> Path:
    base = os.environ.get("SUMMARIZER_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "summarizer")
    return Path(base) / "responses.sqlite"


def request_key(provider: str, body: dict[str, Any], sample: int = 0) -> tuple[str, dict[str, Any]]:
    """The cache key and the canonical request it hashes."""
    canonical = {k: body[k] for k in KEY_FIELDS if k in body}
    material = json.dumps({"provider": provider, "sample": sample, "request": canonical},
                          sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(material.encode("utf-8")).hexdigest(), canonical


class ResponseCache:
    """Thread-safe; one connection guarded by a lock is plenty for a CLI."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(responses)")}
            if "status" not in columns:  # a cache written before answers had a status: all were served
                self._db.execute("ALTER TABLE responses ADD COLUMN status TEXT NOT NULL DEFAULT 'ok'")
                self._db.execute("ALTER TABLE responses ADD COLUMN error TEXT")
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.path}: not a usable cache database ({exc})",
                             "remove it or pass another --cache-dir") from None
        self._lock = threading.Lock()

    def get(self, key: str, replaying: bool = False) -> dict[str, Any] | None:
        """An accepted answer, or None; when replaying a recording, also one stored with its failure.

        A live run re-asks what failed (a transient bad answer is never frozen); a replay gives the
        same answer again, so the run fails again exactly as it was recorded.
        """
        status = "" if replaying else " AND status = 'ok'"
        with self._lock:
            row = self._db.execute(f"SELECT response FROM responses WHERE key = ?{status}", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, provider: str, request: dict[str, Any], response: dict[str, Any],
            status: str = OK, error: str | None = None) -> None:
        """Store an answer; a failed one never replaces an accepted one."""
        with self._lock:
            self._db.execute(_UPSERT, (
                key, provider, str(request.get("model", "")), json.dumps(request, ensure_ascii=False),
                json.dumps(response, ensure_ascii=False), time.time(), status, error))

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM responses WHERE status = 'ok'").fetchone()[0])

    def counts(self) -> dict[str, int]:
        """Rows per status: what `cache info` shows."""
        with self._lock:
            rows = self._db.execute("SELECT status, COUNT(*) FROM responses GROUP BY status").fetchall()
        return {OK: 0, FAILED: 0, **{str(status): int(n) for status, n in rows}}

    def clear(self, failed_only: bool = False) -> int:
        """Delete every row (or only those stored with a failure); returns how many went."""
        where = " WHERE status != 'ok'" if failed_only else ""
        with self._lock:
            gone = self._db.execute(f"DELETE FROM responses{where}").rowcount
            self._db.execute("VACUUM")
        return int(gone)

    def rows(self) -> Iterator[dict[str, Any]]:
        """Every answer with its status: an export is a recording that replays as the run went."""
        with self._lock:
            rows = self._db.execute("SELECT key, provider, model, request, response, status, error FROM responses "
                                    "ORDER BY key").fetchall()
        for key, provider, model, request, response, status, error in rows:
            row = {"key": key, "provider": provider, "model": model,
                   "request": json.loads(request), "response": json.loads(response)}
            if status != OK:
                row.update(status=status, error=error)
            yield row

    def export_jsonl(self, path: Path) -> int:
        count = 0
        with open(path, "w", encoding="utf-8") as out:
            for row in self.rows():
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
        return count

    def import_jsonl(self, path: Path) -> int:
        count = 0
        hint = "use a file written by `summarize cache export`"
        for number, row in json_lines(path, "recording", hint):
            try:
                self.put(row["key"], row["provider"], row["request"], row["response"],
                         str(row.get("status", OK)), row.get("error"))
            except (KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}: not a recorded response (missing {exc})", hint) from None
            count += 1
        return count

    def close(self) -> None:
        with self._lock:
            self._db.close()


@dataclass
class Held:
    """New answers of one unit of work (an article), stored only once its outcome is known."""

    entries: list[tuple[ResponseCache, str, str, dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    def settle(self, accepted: bool, error: str | None = None) -> None:
        for cache, key, provider, canonical, answer in self.entries:
            cache.put(key, provider, canonical, answer, OK if accepted else FAILED, None if accepted else error)
        self.entries.clear()


_held: contextvars.ContextVar[Held | None] = contextvars.ContextVar("summarizer_held", default=None)


@contextmanager
def holding() -> Iterator[Held]:
    """Hold the answers recorded in this block (per thread) until `settle`; unsettled ones are dropped."""
    held = Held()
    token = _held.set(held)
    try:
        yield held
    finally:
        _held.reset(token)


def record(cache: ResponseCache, key: str, provider: str, canonical: dict[str, Any], answer: dict[str, Any]) -> None:
    """Store an answer now, or hold it when its unit of work has not finished yet."""
    held = _held.get()
    if held is None:
        cache.put(key, provider, canonical, answer)
    else:
        held.entries.append((cache, key, provider, canonical, answer))
