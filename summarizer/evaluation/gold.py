"""Gold labels: hand-labelled extraction results, checked as strictly as model output.

A gold file is JSON, one per article, in the project's own schema (see
evals/GUIDELINES.md for how items are labelled).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.text.articles import read_article
from summarizer.errors import InputError
from summarizer.core.schemas import Condition, Participant, RedLine, Stance

FIELDS = ("participants", "stances", "conditions", "red_lines")
HOLDER_FIELDS = ("stances", "conditions", "red_lines")
MAX_GOLD_BYTES = 5_000_000  # the largest gold here is ~60 kB; a file far larger is not labels
MAX_DEPTH = 12  # gold nests 5 deep (file, list, item, evidence, quote); deeper is not this schema


class GoldArticle(BaseModel):
    """Gold for one article; `source` is relative to the gold file's folder or absolute."""

    model_config = ConfigDict(extra="forbid")

    article_id: str
    source: str
    sha256: str = Field(description="sha256 of the article text as the tool reads it (UTF-8).")
    guidelines_version: str
    participants: list[Participant] = Field(default_factory=list)
    stances: list[Stance] = Field(default_factory=list)
    conditions: list[Condition] = Field(default_factory=list)
    red_lines: list[RedLine] = Field(default_factory=list)


def _where(error: dict) -> str:  # type: ignore[type-arg]
    return ".".join(str(part) for part in error["loc"]) or "(top level)"


def _depth(value: Any) -> int:
    """How deeply JSON containers nest (iteratively: a hostile file must not exhaust the stack)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                stack.extend((child, depth + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def _read_json(path: Path) -> Any:
    """The file's JSON within the size and depth limits, or an InputError naming the file."""
    try:
        size = path.stat().st_size
        if size > MAX_GOLD_BYTES:
            raise InputError(f"{path}: {size:,} bytes, larger than a gold file can be ({MAX_GOLD_BYTES:,})",
                             "one JSON file per article, as in evals/GUIDELINES.md")
        raw = json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        raw = None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: not a readable JSON gold file ({exc})", "fix the file") from None
    if raw is None or _depth(raw) > MAX_DEPTH:
        raise InputError(f"{path}: JSON nested deeper than a gold file can be ({MAX_DEPTH} levels)",
                         "one object per article, as in evals/GUIDELINES.md")
    return raw


def _inside(path: Path, roots: Sequence[Path]) -> bool:
    real = os.path.realpath(path)
    return any(real.startswith(os.path.realpath(root).rstrip(os.sep) + os.sep) for root in roots)


def load_gold_file(path: Path, roots: Sequence[Path] | None = None) -> tuple[GoldArticle, str]:
    """The gold and its article text; any defect is an InputError naming the file and the field.

    With `roots`, the article (`source`, after links are followed) must lie inside one of them: a gold
    file may not make the tool read, and quote in a report, a file elsewhere on the machine."""
    try:
        gold = GoldArticle.model_validate(_read_json(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(f"{path}: field {_where(first)}: {first['msg']}",
                         f"{exc.error_count()} problem(s) in all; see evals/GUIDELINES.md") from None
    source = Path(gold.source) if Path(gold.source).is_absolute() else path.parent / gold.source
    if roots is not None and not _inside(source, roots):
        raise InputError(f"{path}: field source: {gold.source} is outside the gold folder and the article "
                         f"folder ({', '.join(str(r) for r in roots[1:]) or 'none'})",
                         "put the article there, or name its folder with --article-dir")
    try:  # the text the tool reads (HTML as visible text), which is what offsets index
        text = read_article(source).text
    except (InputError, OSError) as exc:
        reason = exc.message if isinstance(exc, InputError) else str(exc)
        raise InputError(f"{path}: field source: cannot read article {source} ({reason})", "fix the path") from None
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != gold.sha256:
        raise InputError(f"{path}: field sha256: does not match the article {source}",
                         "the article changed; re-check the labels and update sha256")
    _check_items(path, gold, text)
    return gold, text


def _check_items(path: Path, gold: GoldArticle, text: str) -> None:
    """Every quote is the article slice at its offsets; every holder is one of the article's participants."""
    for field in FIELDS:
        for i, item in enumerate(getattr(gold, field)):
            for j, ev in enumerate(item.evidence):
                if text[ev.start:ev.end] != ev.quote:
                    raise InputError(f"{path}: field {field}.{i}.evidence.{j}: quote is not the article slice "
                                     f"{ev.start}:{ev.end}", "fix the offsets or the quote")
    ids = {p.id for p in gold.participants}
    for field in HOLDER_FIELDS:
        for i, item in enumerate(getattr(gold, field)):
            if item.holder not in ids:
                raise InputError(f"{path}: field {field}.{i}.holder: {item.holder!r} is not a participant id",
                                 "add the holder to participants, or use the id of one listed there")


DEFAULT_SPLIT = "default"


@dataclass(frozen=True)
class GoldFile:
    """One loaded gold file: the labels, the article text they index, the split and where it lives."""

    gold: GoldArticle
    text: str
    split: str
    path: Path

    @property
    def source(self) -> Path:
        """The article file; a relative `source` is relative to the gold file's own folder."""
        source = Path(self.gold.source)
        return source if source.is_absolute() else self.path.parent / source


def split_of(folder: Path, path: Path) -> str:
    """The name of the sub-folder of `folder` that holds `path`; a file directly in `folder` is `default`."""
    parts = path.relative_to(folder).parts
    return parts[0] if len(parts) > 1 else DEFAULT_SPLIT


def _gold_paths(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise InputError(f"{folder}: gold folder not found", "pass --gold DIR with one JSON file per article")
    files = sorted(folder.rglob("*.json"), key=lambda f: f.relative_to(folder).parts)
    if not files:
        raise InputError(f"{folder}: no gold files (*.json)", "label articles following evals/GUIDELINES.md")
    return files


def load_gold_files(folder: Path, article_dirs: Sequence[Path] = ()) -> list[GoldFile]:
    """Every `*.json` below the folder, sorted by path, each with its split; one file per article id.
    Articles must lie inside the gold folder or `article_dirs` (default: the folder that holds the gold
    folder, and the current folder)."""
    roots = [folder, *(article_dirs or [folder.resolve().parent, Path.cwd()])]
    out: list[GoldFile] = []
    seen: dict[str, Path] = {}
    for path in _gold_paths(folder):
        gold, text = load_gold_file(path, roots)
        if (first := seen.setdefault(gold.article_id, path)) != path:
            raise InputError(f"{path}: article_id {gold.article_id!r} is also labelled in {first}",
                             "keep one gold file per article: merge the two or remove one")
        out.append(GoldFile(gold, text, split_of(folder, path), path))
    return out


def load_gold(folder: Path) -> list[tuple[GoldArticle, str]]:
    """Every `*.json` below the folder, sorted by path: (labels, article text)."""
    return [(f.gold, f.text) for f in load_gold_files(folder)]


def gold_hash(folder: Path) -> str:
    """One hash over all gold files and their paths, printed in every report so runs are comparable."""
    digest = hashlib.sha256()
    for f in sorted(folder.rglob("*.json"), key=lambda f: f.relative_to(folder).parts):
        digest.update(f.relative_to(folder).as_posix().encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()
