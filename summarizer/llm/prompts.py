"""Prompt templates: Jinja2 files in `prompts/`, rendered in a sandbox, laid out for prefix caching.

Every request is [system: `_system.j2`, user: `_article.j2` then `NAME.j2`]. The
system message is the same for every task and the article comes before the
task's instructions, so the calls for one article share everything up to the
task and a server's prompt cache (llama.cpp, OpenAI) reads the article once.
The article only ever enters as data (template variables), never as template
source, so text in an article cannot execute as a template.
"""

from __future__ import annotations

import hashlib
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

SYSTEM_TEMPLATE = "_system.j2"
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
    task_source: str

    def render(self, sentences: list[Sentence], schema: dict[str, Any] | None = None, *,
               title: str | None = None, context: int = 0, **task: Any) -> list[dict[str, str]]:
        """Messages for one call. `context`: how many leading sentences only repeat the previous chunk's end.

        `schema` is not shown: the endpoint (response_format, tools) or instructor (json modes) carries it once.
        """
        env = _environment()
        folded = " ".join(title.split()) if title else None
        try:
            system = env.from_string(self.system_source).render()
            article = env.from_string(self.article_source).render(sentences=sentences, title=folded,
                                                                  context=sentences[:context])
            instructions = env.from_string(self.task_source).render(**task)
        except TemplateError as exc:
            raise InputError(f"prompt {self.name!r} failed to render: {exc}", "fix the template in prompts/") from None
        user = f"{article.strip()}\n\n{instructions.strip()}"
        return [{"role": "system", "content": system.strip()}, {"role": "user", "content": user}]

    def ref(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "sha256": self.sha256}


@lru_cache(maxsize=1)
def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


def load_prompt(name: str, prompts_dir: Path | None = None) -> PromptTemplate:
    """Read `NAME.j2` and the shared system and article templates; hash all three, since all reach the model."""
    folder = prompts_dir or default_prompts_dir()
    paths = [folder / SYSTEM_TEMPLATE, folder / ARTICLE_TEMPLATE, folder / f"{name}.j2"]
    sources = []
    for path in paths:
        if not path.is_file():
            raise InputError(f"prompt template {path} not found", "check --prompts-dir")
        source = path.read_text(encoding="utf-8")
        try:
            _environment().parse(source)
        except TemplateError as exc:
            raise InputError(f"{path}: invalid template ({exc})", "fix the Jinja2 syntax") from None
        sources.append(source)
    system, article, task = sources
    match = _VERSION.search(task)
    digest = hashlib.sha256("\0".join(sources).encode("utf-8")).hexdigest()
    return PromptTemplate(name, match.group(1) if match else "0", digest, system, article, task)
