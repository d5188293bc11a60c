"""Record and replay model responses in one SQLite file.

The key is what determines the answer (provider, model, messages, response
schema, generation parameters, sample index) and nothing else; request headers,
and so the API key, never reach the key or the file.

Only accepted answers are replayed. Inside `holding()` (one per article, see
`extract.runner`) new answers wait in memory; when the article succeeded they are
stored as `ok`, when it failed they are stored as `failed` with its error and are
never served again, so a re-run or `--resume` asks the endpoint anew instead of
replaying a transient bad answer.

The file is checked, not trusted: a file that is not this tool's cache (not
SQLite, damaged pages, a `responses` table of another shape) is refused before
any work, with the fix; a row that does not parse, does not look like an answer,
or whose stored request is not the request asked (a forged or stale row) is a
miss: asked again, the row replaced, one warning per run. A cache that fails
while the run goes on (a full disk) costs its answers, never the article.
"""

from __future__ import annotations

import contextvars
import hashlib
import json
import os
import sqlite3
import sys
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


REQUIRED_COLUMNS = frozenset({"key", "provider", "model", "request", "response", "created"})
_FIX = "remove it (or pass another --cache-dir), or run with --no-cache"


class CacheError(InputError):
    """The cache file cannot be used (not ours, damaged, or the disk refuses it): never an endpoint failure."""


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
        self._lock = threading.Lock()
        self._warned = False
        try:
            self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: cannot open the response cache ({exc})", _FIX) from None
        try:
            self._open()
        except (sqlite3.Error, CacheError) as exc:
            self._db.close()
            if isinstance(exc, CacheError):
                raise
            if isinstance(exc, sqlite3.OperationalError):  # locked, read-only, full: the file may be fine
                raise CacheError(f"{self.path}: cannot use the response cache ({exc})", _FIX) from None
            raise CacheError(f"{self.path}: not a response cache of this tool, or a damaged one ({exc})",
                             _FIX) from None

    def _open(self) -> None:
        """Create the table, or check that the one found is ours and whole."""
        if (check := self._db.execute("PRAGMA quick_check").fetchall()) != [("ok",)]:
            raise CacheError(f"{self.path}: the response cache is damaged ({check[0][0]})", _FIX)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        table = {row[1]: row[5] for row in self._db.execute("PRAGMA table_info(responses)")}
        if not REQUIRED_COLUMNS <= table.keys() or table.get("key") != 1:
            raise CacheError(f"{self.path}: its `responses` table is not this tool's (columns: "
                             f"{', '.join(sorted(table))})", _FIX)
        if "status" not in table:  # a cache written before answers had a status: all were served
            self._db.execute("ALTER TABLE responses ADD COLUMN status TEXT NOT NULL DEFAULT 'ok'")
            self._db.execute("ALTER TABLE responses ADD COLUMN error TEXT")

    def _run(self, sql: str, args: tuple[Any, ...] = ()) -> tuple[list[Any], int]:
        """One statement under the lock: its rows and row count; a database failure is a CacheError."""
        try:
            with self._lock:
                cursor = self._db.execute(sql, args)
                return cursor.fetchall(), cursor.rowcount
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: the response cache failed ({exc})", _FIX) from None

    def get(self, key: str, replaying: bool = False, request: dict[str, Any] | None = None) -> dict[str, Any] | None:
        """An accepted answer, or None; when replaying a recording, also one stored with its failure.

        A live run re-asks what failed (a transient bad answer is never frozen); a replay gives the
        same answer again, so the run fails again exactly as it was recorded. With `request`, a row
        whose stored request differs (forged, or written by another key scheme) is not this answer.
        """
        status = "" if replaying else " AND status = 'ok'"
        rows, _ = self._run(f"SELECT request, response FROM responses WHERE key = ?{status}", (key,))
        if not rows:
            return None
        row = rows[0]
        try:
            stored, answer = json.loads(row[0]), json.loads(row[1])
        except (TypeError, ValueError):
            return self._bad(key, "it does not parse")
        if request is not None and stored != request:
            return self._bad(key, "its stored request is not the request asked")
        if not isinstance(answer, dict) or not isinstance(answer.get("choices"), list) or not answer["choices"]:
            return self._bad(key, "it holds no chat completion")
        return answer

    def _bad(self, key: str, why: str) -> None:
        """A row that cannot be served: removed (the new answer takes its place), said once per run."""
        self._run("DELETE FROM responses WHERE key = ?", (key,))
        self.warn(f"{self.path}: a cached answer was not used ({why}; request {key[:12]}); asked again, the row "
                  "is replaced")

    def warn(self, message: str) -> None:
        """The first warning of a run is printed; the rest would say the same."""
        with self._lock:
            first, self._warned = not self._warned, True
        if first:
            print(f"summarize: warning: {message}", file=sys.stderr)

    def put(self, key: str, provider: str, request: dict[str, Any], response: dict[str, Any],
            status: str = OK, error: str | None = None) -> None:
        """Store an answer; a failed one never replaces an accepted one."""
        self._run(_UPSERT, (key, provider, str(request.get("model", "")), json.dumps(request, ensure_ascii=False),
                            json.dumps(response, ensure_ascii=False), time.time(), status, error))

    def __len__(self) -> int:
        return int(self._run("SELECT COUNT(*) FROM responses WHERE status = 'ok'")[0][0][0])

    def counts(self) -> dict[str, int]:
        """Rows per status: what `cache info` shows."""
        rows, _ = self._run("SELECT status, COUNT(*) FROM responses GROUP BY status")
        return {OK: 0, FAILED: 0, **{str(status): int(n) for status, n in rows}}

    def clear(self, failed_only: bool = False) -> int:
        """Delete every row (or only those stored with a failure); returns how many went."""
        where = " WHERE status != 'ok'" if failed_only else ""
        _, gone = self._run(f"DELETE FROM responses{where}")
        self._run("VACUUM")
        return int(gone)

    def rows(self) -> Iterator[dict[str, Any]]:
        """Every answer with its status: an export is a recording that replays as the run went."""
        rows, _ = self._run("SELECT key, provider, model, request, response, status, error FROM responses "
                            "ORDER BY key")
        for key, provider, model, request, response, status, error in rows:
            try:
                row = {"key": key, "provider": provider, "model": model,
                       "request": json.loads(request), "response": json.loads(response)}
            except (TypeError, ValueError):
                self.warn(f"{self.path}: a row that does not parse was left out (request {str(key)[:12]})")
                continue
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
            _store(cache, key, provider, canonical, answer, OK if accepted else FAILED, None if accepted else error)
        self.entries.clear()


def _store(cache: ResponseCache, key: str, provider: str, canonical: dict[str, Any], answer: dict[str, Any],
           status: str = OK, error: str | None = None) -> None:
    """Store an answer; when the cache cannot take it (a full disk), the run goes on without it, warned once."""
    try:
        cache.put(key, provider, canonical, answer, status, error)
    except CacheError as exc:
        cache.warn(f"{exc.message}; answers are not being recorded")


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
        _store(cache, key, provider, canonical, answer)
    else:
        held.entries.append((cache, key, provider, canonical, answer))
