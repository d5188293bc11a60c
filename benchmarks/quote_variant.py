"""Benchmark-only: the same tasks, but the model copies verbatim quotes instead of citing sentence numbers.

Only the evidence field and its one line of instructions change: the prompts
are derived from the shipped ones at run time, so the comparison follows them.
The article is shown as plain text (there are no numbers to cite). An item
counts as grounded here when every quote occurs verbatim in the article, which
is more lenient than the shipped grounding (no support check).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from summarizer.extract import pipeline as extract
from summarizer.llm import usage
from summarizer.text.articles import Article
from summarizer.core.tasks import TASKS
from summarizer.extract.drafts import MAX_LIST
from summarizer.errors import SummarizerError
from summarizer.extract.pipeline import ExtractOptions
from summarizer.llm.prompts import PromptTemplate, default_prompts_dir, load_prompt
from summarizer.llm.providers import TruncatedOutput
from summarizer.text.segment import chunk_sentences, split_sentences

HERE = Path(__file__).resolve().parent
QUOTE_LINE = "- quotes: the exact words of the article that state it, copied character for character."
_SENTENCES_LINE = re.compile(r"(?m)^- sentences:.*$")
_defused = getattr(extract, "_defused", lambda text: text)


@lru_cache(maxsize=None)
def quote_model(prompt_name: str) -> type[BaseModel]:
    """The shipped draft model with `quotes: [str]` where it has `sentences: [int]`."""
    field, item = _field(prompt_name), TASKS[prompt_name].draft_model()
    config = ConfigDict(extra="ignore", use_enum_values=True)
    fields: dict[str, Any] = {n: (f.annotation, f) for n, f in item.model_fields.items() if n not in ("sentences", "excerpt")}
    fields["quotes"] = (list[Annotated[str, Field(max_length=300)]], Field(
        min_length=1, max_length=4, description="Exact words of the article that state this, copied verbatim."))
    quoted = create_model(f"{item.__name__}Quoted", __config__=config, __doc__=item.__doc__, **fields)
    if field is None:
        return quoted
    items = (list[quoted], Field(default_factory=list, max_length=MAX_LIST))  # type: ignore[valid-type]
    return create_model(f"{item.__name__}sQuoted", __config__=config, **{field: items})


def quote_prompt(name: str, prompts_dir: Path | None = None) -> PromptTemplate:
    shipped = load_prompt(name, prompts_dir or default_prompts_dir())
    system, count = _SENTENCES_LINE.subn(QUOTE_LINE, shipped.system_source)
    if count != 1:
        raise SystemExit(f"prompt {name}: expected one '- sentences:' line to replace, found {count}")
    article = (HERE / "prompts_quote" / "_article.j2").read_text(encoding="utf-8")
    return PromptTemplate(name, f"{shipped.version}-quotes", shipped.sha256, system, article, shipped.task_source)


def _field(name: str) -> str | None:
    return TASKS[name].field if TASKS[name].many else None


def _verbatim(item: BaseModel, text: str) -> bool:
    quotes = getattr(item, "quotes", [])
    return bool(quotes) and all(q.strip() and q in text for q in quotes)


def _ask(provider: Any, messages: list[dict[str, str]], model: type[BaseModel], options: ExtractOptions) -> Any:
    """As the shipped path asks: one retry with the larger budget when an answer is cut off."""
    try:
        return provider.complete(messages, model, max_tokens=options.max_tokens)
    except TruncatedOutput:
        return provider.complete(messages, model, max_tokens=options.max_tokens_cap)


def run_quotes(article: Article, provider: Any, name: str, options: ExtractOptions) -> dict[str, Any]:
    """Output tokens, drafted and verbatim-grounded items of one task on one article, quoting variant."""
    field = _field(name)
    prompt, model = quote_prompt(name, options.prompts_dir), quote_model(name)
    sentences = split_sentences(article.text)
    drafted = grounded = failed = 0
    with usage.counting() as spent:
        for chunk in chunk_sentences(sentences, options.chunk_chars):
            shown = [replace(s, text=_defused(s.text)) for s in chunk]
            messages = prompt.render(shown, title=_defused(article.meta.title))
            try:
                answer = _ask(provider, messages, model, options)
            except SummarizerError:
                failed += 1
                continue
            items = getattr(answer, field) if field else [answer]
            drafted += len(items)
            grounded += sum(_verbatim(i, article.text) for i in items)
    return {"completion_tokens": spent.completion_tokens, "drafted": drafted, "grounded": grounded,
            "failed_calls": failed}


def run_reference(article: Article, provider: Any, name: str, options: ExtractOptions) -> dict[str, Any]:
    """The shipped path for one task: drafted = grounded + dropped (duplicates included)."""
    field = _field(name)
    task_options = replace(options, schema=name)
    record = extract.extract_article(article, provider, task_options)
    prov = record.provenance
    grounded = len((record.result or {}).get(field or "", []))
    return {"completion_tokens": prov.usage.completion_tokens if prov else 0,
            "drafted": grounded + (prov.dropped_count if prov else 0), "grounded": grounded,
            "failed_calls": int(not record.ok)}
