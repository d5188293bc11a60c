"""Record and replay model responses in one SQLite file.

The key is what determines the answer (provider, model, messages, response
schema, generation parameters, sample index) and nothing else; request headers,
and so the API key, never reach the key or the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Iterator

from summarizer.errors import InputError

KEY_FIELDS = (
    "model", "messages", "response_format", "tools", "tool_choice", "temperature", "top_p",
    "max_tokens", "max_completion_tokens", "seed", "stop", "n", "logit_bias", "frequency_penalty",
    "presence_penalty",
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    request TEXT NOT NULL,
    response TEXT NOT NULL,
    created REAL NOT NULL
)
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
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.path}: not a usable cache database ({exc})",
                             "remove it or pass another --cache-dir") from None
        self._lock = threading.Lock()

    def get(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT response FROM responses WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, provider: str, request: dict[str, Any], response: dict[str, Any]) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?)",
                (key, provider, str(request.get("model", "")), json.dumps(request, ensure_ascii=False),
                 json.dumps(response, ensure_ascii=False), time.time()),
            )

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM responses").fetchone()[0])

    def rows(self) -> Iterator[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT key, provider, model, request, response FROM responses ORDER BY key").fetchall()
        for key, provider, model, request, response in rows:
            yield {"key": key, "provider": provider, "model": model,
                   "request": json.loads(request), "response": json.loads(response)}

    def export_jsonl(self, path: Path) -> int:
        count = 0
        with open(path, "w", encoding="utf-8") as out:
            for row in self.rows():
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
        return count

    def import_jsonl(self, path: Path) -> int:
        count = 0
        with open(path, encoding="utf-8") as src:
            for number, line in enumerate(src, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    self.put(row["key"], row["provider"], row["request"], row["response"])
                except (ValueError, KeyError, TypeError) as exc:
                    raise InputError(f"{path}:{number}: not a recorded response ({exc})",
                                     "use a file written by `summarize cache export`") from None
                count += 1
        return count

    def close(self) -> None:
        with self._lock:
            self._db.close()
