"""Prompt templates: Jinja2 files in `prompts/`, rendered in a sandbox.

Each template renders the system message for one task; `_article.j2` renders the
user message. The article only ever enters as data (template variables), never
as template source, so text in an article cannot execute as a template.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from summarizer.errors import InputError
from summarizer.text.segment import Sentence

ARTICLE_TEMPLATE = "_article.j2"
_VERSION = re.compile(r"\{#-?\s*version:\s*(\S+)\s*-?#\}")


def default_prompts_dir() -> Path:
    """`$SUMMARIZER_PROMPTS`, else the copy in the wheel, else the checkout's `prompts/`."""
    if env := os.environ.get("SUMMARIZER_PROMPTS"):
        return Path(env)
    packaged = Path(__file__).parent.parent / "prompts"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "prompts"


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: str
    sha256: str
    system_source: str
    article_source: str

    def render(self, sentences: list[Sentence], schema: dict[str, Any], **context: Any) -> list[dict[str, str]]:
        env = _environment()
        variables = {"sentences": sentences, "schema_json": json.dumps(schema, ensure_ascii=False), **context}
        try:
            system = env.from_string(self.system_source).render(**variables)
            user = env.from_string(self.article_source).render(**variables)
        except TemplateError as exc:
            raise InputError(f"prompt {self.name!r} failed to render: {exc}", "fix the template in prompts/") from None
        return [{"role": "system", "content": system.strip()}, {"role": "user", "content": user.strip()}]

    def ref(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "sha256": self.sha256}


@lru_cache(maxsize=1)
def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


def load_prompt(name: str, prompts_dir: Path | None = None) -> PromptTemplate:
    """Read `NAME.j2` and the shared article template; hash both, since both reach the model."""
    folder = prompts_dir or default_prompts_dir()
    path, article_path = folder / f"{name}.j2", folder / ARTICLE_TEMPLATE
    for p in (path, article_path):
        if not p.is_file():
            raise InputError(f"prompt template {p} not found", "check --prompts-dir")
    system, article = path.read_text(encoding="utf-8"), article_path.read_text(encoding="utf-8")
    for source, p in ((system, path), (article, article_path)):
        try:
            _environment().parse(source)
        except TemplateError as exc:
            raise InputError(f"{p}: invalid template ({exc})", "fix the Jinja2 syntax") from None
    match = _VERSION.search(system)
    digest = hashlib.sha256((system + "\0" + article).encode("utf-8")).hexdigest()
    return PromptTemplate(name, match.group(1) if match else "0", digest, system, article)
