"""Gold labels: hand-labelled extraction results, checked as strictly as model output.

A gold file is JSON, one per article, in the project's own schema (see
evals/GUIDELINES.md for how items are labelled).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.text.articles import read_article
from summarizer.errors import InputError
from summarizer.core.schemas import Condition, Participant, RedLine, Stance

FIELDS = ("participants", "stances", "conditions", "red_lines")


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


def load_gold_file(path: Path) -> tuple[GoldArticle, str]:
    """The gold and its article text; any defect is an InputError naming the file and the field."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: not a readable JSON gold file ({exc})", "fix the file") from None
    try:
        gold = GoldArticle.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(f"{path}: field {_where(first)}: {first['msg']}",
                         f"{exc.error_count()} problem(s) in all; see evals/GUIDELINES.md") from None
    source = Path(gold.source) if Path(gold.source).is_absolute() else path.parent / gold.source
    try:  # the text the tool reads (HTML as visible text), which is what offsets index
        text = read_article(source).text
    except (InputError, OSError) as exc:
        reason = exc.message if isinstance(exc, InputError) else str(exc)
        raise InputError(f"{path}: field source: cannot read article {source} ({reason})", "fix the path") from None
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != gold.sha256:
        raise InputError(f"{path}: field sha256: does not match the article {source}",
                         "the article changed; re-check the labels and update sha256")
    for field in FIELDS:
        for i, item in enumerate(getattr(gold, field)):
            for j, ev in enumerate(item.evidence):
                if text[ev.start:ev.end] != ev.quote:
                    raise InputError(f"{path}: field {field}.{i}.evidence.{j}: quote is not the article slice "
                                     f"{ev.start}:{ev.end}", "fix the offsets or the quote")
    return gold, text


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


def load_gold_files(folder: Path) -> list[GoldFile]:
    """Every `*.json` below the folder, sorted by path, each with its split."""
    out = []
    for path in _gold_paths(folder):
        gold, text = load_gold_file(path)
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
