"""Reading articles: bytes in, checked text and metadata out.

Offsets everywhere in the tool index the text returned here (UTF-8 decoded,
byte-order mark removed, line endings untouched, a leading front-matter block
removed). Metadata: the text's own date line, headline and dateline; then front
matter (`---` / `title: ...` / `---`) and an `ARTICLE.meta.json` sidecar, which
fill or override it; then a date in the file name if there is still none.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.errors import InputError
from summarizer.core.schemas import ArticleMeta

ARTICLE_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm")
MAX_BYTES = 20_000_000

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


def _is_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def read_article(path: str | Path) -> Article:
    """Read one article file (or `-` for standard input)."""
    if str(path) == "-":
        data, source, stem = sys.stdin.buffer.read(), "<stdin>", "stdin"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{p}: no such file", "check the path")
        if p.is_dir():
            raise InputError(f"{p}: is a directory", "pass the article files, or use `summarize brief DIR`")
        if not p.is_file():  # a pipe or a device would block or never end
            raise InputError(f"{p}: not a regular file", "save the article to a file, or pipe it in with `-`")
        if p.stat().st_size > MAX_BYTES:
            raise InputError(f"{p}: larger than {MAX_BYTES // 1_000_000} MB", "split it into articles first")
        try:
            data, source, stem = p.read_bytes(), str(p), p.stem
        except OSError as exc:
            raise InputError(f"{p}: cannot read it ({exc.strerror or exc})", "check the file's permissions") from None
    text, front = split_front_matter(decode(data, source), source)
    if _is_html(text) or source.lower().endswith((".html", ".htm")):
        from summarizer.text.html import html_to_text

        text = html_to_text(text, source)
    meta = guess_meta(text).model_copy(update=front)
    if source != "<stdin>":
        meta = _apply_sidecar(Path(source), meta)
    if meta.date is None and (found := _FILE_DATE.search(stem)):
        meta = meta.model_copy(update={"date": "-".join(found.groups())})
    return Article(id=stem, source=source, text=text, meta=meta)


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
    if "date" in meta and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["date"]):
        raise InputError(f"{source}: front matter date {meta['date']!r} is not YYYY-MM-DD", "e.g. date: 2026-02-03")
    body = "".join(lines[end + 1:])
    if not body.strip():
        raise InputError(f"{source}: only front matter, no article text", "put the article after the closing `---`")
    return body, meta


def find_articles(paths: list[str]) -> list[str]:
    """Expand directories into their article files, sorted, keeping order of arguments."""
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        if raw != "-" and p.is_dir():
            files = sorted(str(f) for f in p.iterdir() if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                raise InputError(f"{p}: no article files in this directory",
                                 f"articles end in one of {', '.join(ARTICLE_SUFFIXES)}")
            found.extend(files)
        else:
            found.append(raw)
    return found


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


def _apply_sidecar(path: Path, meta: ArticleMeta) -> ArticleMeta:
    """`ARTICLE.meta.json` beside the file fills or overrides title, outlet, date."""
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.exists():
        return meta
    try:
        extra = json.loads(sidecar.read_text(encoding="utf-8"))
        return meta.model_copy(update={k: v for k, v in extra.items() if k in ArticleMeta.model_fields and v})
    except (ValueError, AttributeError) as exc:
        raise InputError(f"{sidecar}: not a valid metadata file ({exc})",
                         'write {"title": ..., "outlet": ..., "date": "YYYY-MM-DD"}') from None
