"""Reading articles: bytes in, checked text and metadata out.

Offsets everywhere in the tool index the text returned here (UTF-8 decoded,
byte-order mark removed, line endings untouched, a leading front-matter block
removed). Metadata: the text's own date line, headline and dateline; then front
matter (`---` / `title: ...` / `---`) and an `ARTICLE.meta.json` sidecar, which
fill or override it; then a date in the file name if there is still none.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path

from summarizer.errors import InputError
from summarizer.core.schemas import ArticleMeta
from summarizer.text.paths import (ARTICLE_SUFFIXES, PROJECT_FILES, find_articles, os_problem, scan_articles,
                                   shown)

__all__ = ["ARTICLE_SUFFIXES", "MAX_BYTES", "PROJECT_FILES", "Article", "decode", "find_articles", "read_article",
           "scan_articles", "shown", "split_front_matter"]

MAX_BYTES = 2_000_000  # a long news article is ~100 kB; one file far larger is a dump, to be split first

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}


@dataclass
class Article:
    id: str
    source: str
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def decode(data: bytes, source: str) -> str:
    """UTF-8 or a clear refusal: guessing an encoding would silently corrupt quotes."""
    if not data:
        raise InputError(f"{source}: the article is empty", "give a file that contains the article text")
    if (wide := _utf16(data)) is not None:
        raise InputError(f"{source}: this is {wide} text; articles must be UTF-8",
                         f"convert it first: `iconv -f {wide.split()[0]} -t UTF-8 FILE > FILE.utf8`")
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: this looks like a binary file, not article text",
                         "give a plain-text (UTF-8) or HTML article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})",
            "convert it first, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8`",
        ) from None
    if not text.strip():
        raise InputError(f"{source}: the article is only whitespace", "give a file with the article text")
    return text


def _utf16(data: bytes) -> str | None:
    """'UTF-16 (little-endian)' and the like when the bytes are wide text: a BOM, or NULs at every other byte."""
    for bom, name in ((b"\xff\xfe\x00\x00", "UTF-32LE"), (b"\x00\x00\xfe\xff", "UTF-32BE"),
                      (b"\xff\xfe", "UTF-16LE"), (b"\xfe\xff", "UTF-16BE")):
        if data.startswith(bom):
            return f"{name} (with a byte-order mark)"
    head = data[:8192]
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4:
        for zeros, other, name in ((odd, even, "UTF-16LE"), (even, odd, "UTF-16BE")):
            if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.1 * len(other):
                return f"{name} (no byte-order mark)"
    return None


def _missing(p: Path) -> InputError:
    """Why a path cannot be opened: a symlink loop and a dangling link are not 'no such file'."""
    try:
        os.stat(p)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return InputError(f"{shown(p)}: a symbolic link loop (the link points back to itself)",
                              "fix the link, e.g. `ls -l` on it and on what it points to")
        if p.is_symlink():
            return InputError(f"{shown(p)}: a broken symbolic link (to {shown(os.readlink(p))}, which does not "
                              "exist)", "fix or remove the link")
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR):
            return os_problem(p, exc)
    return InputError(f"{shown(p)}: no such file", "check the path")


def _read_file(p: Path) -> bytes:
    """The bytes of a regular article file, or an InputError saying why there are none."""
    if not p.exists():
        raise _missing(p)
    if p.is_dir():
        raise InputError(f"{shown(p)}: is a directory", "pass the article files, or use `summarize brief DIR`")
    if not p.is_file():  # a pipe or a device would block or never end
        raise InputError(f"{shown(p)}: not a regular file", "save the article to a file, or pipe it in with `-`")
    if p.stat().st_size > MAX_BYTES:
        raise InputError(f"{shown(p)}: larger than {MAX_BYTES // 1_000_000} MB (the maximum article size)",
                         "split it into articles first")
    return p.read_bytes()


def _is_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def read_article(path: str | Path) -> Article:
    """Read one article file (or `-` for standard input)."""
    if str(path) == "-":
        data, source, stem = sys.stdin.buffer.read(MAX_BYTES + 1), "<stdin>", "stdin"
        if len(data) > MAX_BYTES:
            raise InputError(f"<stdin>: larger than {MAX_BYTES // 1_000_000} MB", "split it into articles first")
    else:
        p = Path(path)
        try:
            data = _read_file(p)
        except OSError as exc:  # a path too long, a folder we may not enter, a disk error: this file's problem
            raise os_problem(p, exc) from None
        source, stem = shown(p), shown(p.stem)
    article = article_from_text(decode(data, source), source, stem)
    if str(path) != "-":
        article.meta = _apply_sidecar(Path(path), article.meta)
    if article.meta.date is None and (found := _FILE_DATE.search(stem)):
        article.meta = article.meta.model_copy(update={"date": "-".join(found.groups())})
    return article


def article_from_text(raw: str, source: str, ident: str) -> Article:
    """An article from its text as a file would hold it: front matter read and removed, HTML made visible text."""
    text, front = split_front_matter(raw, source)
    if _is_html(text) or source.lower().endswith((".html", ".htm")):
        from summarizer.text.html import html_to_text

        text = html_to_text(text, source)
    return Article(id=ident, source=source, text=text, meta=guess_meta(text).model_copy(update=front))


_FILE_DATE = re.compile(r"(?<!\d)(20\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")
_FRONT_KEYS = ("title", "outlet", "date")


def split_front_matter(text: str, source: str) -> tuple[str, dict[str, str]]:
    """A leading `---` block of `key: value` lines is metadata, not article: removed, so offsets index the rest."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return text, {}
    end = next((i for i, line in enumerate(lines[1:60], 1) if line.rstrip("\r\n") == "---"), None)
    if end is None:
        return text, {}
    meta: dict[str, str] = {}
    for number, line in enumerate(lines[1:end], 2):
        key, sep, value = line.partition(":")
        value = value.strip().strip("\"'").strip()
        if not sep or not key.strip():
            raise InputError(f"{source}: line {number}: front matter lines are `key: value`",
                             "fix the block between the two `---` lines, or remove it")
        if key.strip().lower() in _FRONT_KEYS and value:
            meta[key.strip().lower()] = value
    if "date" in meta and not _is_date(meta["date"]):
        raise InputError(f"{source}: front matter field date: {meta['date']!r} is not a date YYYY-MM-DD",
                         "e.g. date: 2026-02-03")
    body = "".join(lines[end + 1:])
    if not body.strip():
        raise InputError(f"{source}: only front matter, no article text", "put the article after the closing `---`")
    return body, meta


def guess_meta(text: str) -> ArticleMeta:
    """Title, outlet and date as the text states them; None where it does not."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    date, title = None, None
    if lines and (m := re.fullmatch(r"date\s+(\d{4}-\d{2}-\d{2})\b.*", lines[0], re.I)):
        date, lines = m.group(1), lines[1:]
    if lines and len(lines[0]) <= 160 and not lines[0].endswith((".", ":")) and len(lines) > 1:
        title = lines[0]
    outlet = None
    head = "\n".join(lines[:4])
    if m := re.search(r"\(([A-Z][A-Za-z]{1,11})\)(?:\s*[–—:-]|\s)", head):
        outlet = m.group(1)
    if date is None:
        date = _dateline_date(head, text)
    return ArticleMeta(title=title, outlet=outlet, date=date)


def _dateline_date(head: str, text: str) -> str | None:
    m = re.search(r"\b(" + "|".join(_MONTHS) + r")\.?\s+(\d{1,2})(?:,\s*(\d{4}))?", head, re.I)
    if not m:
        return None
    year = m.group(3)
    if year is None:
        month = m.group(1)
        found = re.search(rf"\b{month}\s+\d{{1,2}},\s*(\d{{4}})", text, re.I)
        year = found.group(1) if found else None
    if year is None:
        return None
    return f"{year}-{_MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"


def _is_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        _date.fromisoformat(value)
    except ValueError:
        return False
    return True


_SIDECAR_HINT = 'write {"title": "...", "outlet": "...", "date": "YYYY-MM-DD"} (each optional)'


def _apply_sidecar(path: Path, meta: ArticleMeta) -> ArticleMeta:
    """`ARTICLE.meta.json` beside the file fills or overrides title, outlet, date; each value is checked."""
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.exists() and not sidecar.is_symlink():
        return meta
    try:
        extra = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        if sidecar.is_dir():
            reason = "it is a directory"
        raise InputError(f"{shown(sidecar)}: not a valid metadata file ({reason})", _SIDECAR_HINT) from None
    if not isinstance(extra, dict):
        raise InputError(f"{shown(sidecar)}: not a valid metadata file (a JSON object is needed, not "
                         f"{type(extra).__name__})", _SIDECAR_HINT)
    update: dict[str, str] = {}
    for key in ("title", "outlet", "date"):
        value = extra.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise InputError(f"{shown(sidecar)}: field {key}: must be a string, not {type(value).__name__} ({value!r:.60})",
                             _SIDECAR_HINT)
        if key == "date" and not _is_date(value.strip()):
            raise InputError(f"{shown(sidecar)}: field date: {value!r:.60} is not a date YYYY-MM-DD", _SIDECAR_HINT)
        if value.strip():
            update[key] = value.strip()
    return meta.model_copy(update=update)
