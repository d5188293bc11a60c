"""Paths as the OS gives them: shown escaped, their OS errors named, folder scans that stay in the folder.

A file name need not be UTF-8 (Linux names are bytes). Python carries the bytes
that are not as lone surrogates (`os.fsdecode`, surrogateescape), which open the
file fine but cannot be written as UTF-8; every path that reaches a record, a
message or an output is `shown`: those bytes become backslash escapes (`x\\xe9.txt`).
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Any, Callable

from summarizer.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm")
# files a folder often holds that are about the folder, not articles in it
PROJECT_FILES = frozenset("""readme license licence changelog changes history news contributing authors
    notice copying code_of_conduct security todo""".split())


def shown(path: str | os.PathLike[str] | bytes) -> str:
    """The path as writable text: bytes that are not UTF-8 become `\\xNN` escapes; anything else is unchanged."""
    raw = os.fspath(path)
    text = os.fsdecode(raw) if isinstance(raw, bytes) else raw
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file system gave: show it escaped too
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def os_problem(path: str | os.PathLike[str], exc: OSError, doing: str = "cannot read it") -> InputError:
    """An OS error on a path as one line naming the file and what to do (never a traceback)."""
    name = shown(path)
    if exc.errno == errno.ENAMETOOLONG:
        short = name if len(name) <= 120 else name[:120] + "…"
        return InputError(f"{short}: {doing}: the path is too long for the system ({len(os.fsencode(path))} bytes; "
                          "a path may have at most 4096, a name at most 255)", "use a shorter path or file name")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return InputError(f"{name}: {doing}: the disk is full", "free some space, or write elsewhere")
    if exc.errno == errno.EROFS:
        return InputError(f"{name}: {doing}: the file system is read-only", "write somewhere writable")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError(f"{name}: {doing}: permission denied", "check the permissions of the file and its folder")
    return InputError(f"{name}: {doing} ({exc.strerror or exc})", "check the path and its permissions")


def _outside(f: Path, folder: Path) -> str | None:
    """Where a symbolic link in `folder` points, when that is outside the folder (None: it stays inside)."""
    if not f.is_symlink():
        return None
    target, home = os.path.realpath(f), os.path.realpath(folder)
    return None if target == home or target.startswith(home.rstrip(os.sep) + os.sep) else target


def _skip_reason(f: Path, folder: Path, follow_symlinks: bool) -> str | None:
    """Why a file in a scanned folder is not read as an article (None: it is one)."""
    if f.name.endswith(".meta.json"):
        return ""  # a sidecar: read with its article, not worth a line
    if f.name.startswith("."):
        return "hidden file"
    try:
        f.stat()
    except OSError as exc:
        return "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
    if not follow_symlinks and (target := _outside(f, folder)) is not None:
        return f"a symbolic link that points outside the folder (to {shown(target)}); --follow-symlinks reads it"
    if f.is_dir():
        return "folder (folders are not scanned; pass it as an argument)"
    if not f.is_file():
        return "not a regular file"
    if f.suffix.lower() not in ARTICLE_SUFFIXES:
        return f"not an article type ({shown(f.suffix) or 'no suffix'})"
    if f.stem.lower().split(".")[0] in PROJECT_FILES:
        return "a project file, not an article"
    return None


def _is_dir(raw: str) -> bool:
    try:
        return raw != "-" and Path(raw).is_dir()
    except OSError as exc:  # a path too long, say: read_article names it for this file alone
        if exc.errno == errno.ENAMETOOLONG:
            return False
        raise os_problem(raw, exc) from None


def scan_articles(paths: list[str], follow_symlinks: bool = False) -> tuple[list[str], list[tuple[str, str]]]:
    """Directories expanded into their article files, sorted, in the order of the arguments; and the
    files that were skipped, each with its reason. A symbolic link to outside its folder is skipped
    unless `follow_symlinks`: a scan reads what the folder holds, not what its links reach."""
    found: list[str] = []
    skipped: list[tuple[str, str]] = []
    for raw in paths:
        if not _is_dir(raw):
            found.append(raw)
            continue
        p, files = Path(raw), []
        try:
            entries = sorted(p.iterdir())
        except OSError as exc:
            raise os_problem(p, exc, "cannot list this folder") from None
        for f in entries:
            reason = _skip_reason(f, p, follow_symlinks)
            if reason is None:
                files.append(str(f))
            elif reason:
                skipped.append((str(f), reason))
        if not files:
            raise InputError(f"{shown(p)}: no article files in this directory",
                             f"articles end in one of {', '.join(ARTICLE_SUFFIXES)}")
        found.extend(files)
    return found, skipped


def find_articles(paths: list[str], report: Callable[[str], Any] | None = None,
                  follow_symlinks: bool = False) -> list[str]:
    """`scan_articles`, telling `report` (default: stderr) what was skipped and why."""
    found, skipped = scan_articles(paths, follow_symlinks)
    say = report or (lambda line: print(line, file=sys.stderr))
    for path, reason in skipped:
        say(f"summarize: skipped {shown(path)}: {reason}")
    return found
