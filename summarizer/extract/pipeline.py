"""Extraction: article -> sentences -> prompt -> provider -> grounding -> record.

Long articles are split into chunks of whole sentences; sentence numbers stay
global, so evidence offsets are always offsets into the whole article.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from summarizer import __version__
from summarizer.llm import budget
from summarizer.llm import usage
from summarizer.text.articles import Article
from summarizer.extract.drafts import draft_model
from summarizer.errors import SummarizerError
from summarizer.extract.grounding import Dropped, Grounder
from summarizer.llm.prompts import PromptTemplate, load_prompt
from summarizer.llm.providers import TruncatedOutput
from summarizer.core.records import ArticleInfo, DroppedItem, ExtractionRecord, PromptRef, Provenance
from summarizer.core.schemas import SCHEMA_VERSION, ArticleSummary, Evidence, Participant, slugify
from summarizer.text.segment import Sentence, chunk_sentences, split_sentences

# schema -> the prompts it runs, each with the field of the result it fills
TASKS: dict[str, list[tuple[str, str]]] = {
    "participants": [("participants", "participants")],
    "stance": [("stance", "stances")],
    "conditions": [("conditions", "conditions")],
    "red-lines": [("red-lines", "red_lines")],
}
TASKS["all"] = [*TASKS["participants"], *TASKS["stance"], *TASKS["conditions"], *TASKS["red-lines"],
                ("summary", "summary")]
SCHEMAS = tuple(TASKS)


@dataclass(frozen=True)
class ExtractOptions:
    schema: str = "stance"
    prompts_dir: Path | None = None
    max_tokens: int = 1024
    max_tokens_cap: int = 2048  # one retry with a larger budget when an answer is cut off
    chunk_chars: int = 6000
    token_budget: int | None = None  # per article, over every attempt
    time_budget: float | None = None  # seconds per article, over every attempt


def load_prompts(schema: str, prompts_dir: Path | None) -> dict[str, PromptTemplate]:
    return {name: load_prompt(name, prompts_dir) for name, _ in TASKS[schema]}


# our article delimiters, and chat-template control tokens a server may parse inside content
_CONTROL = re.compile(r"<{3,}|>{3,}|<\||\|>|</?s>|\[/?INST\]|<</?SYS>>")
_LOOKALIKES = str.maketrans("<>[]", "‹›⟦⟧")


def _defused(text: str | None) -> str | None:
    """Article text as the prompt shows it: it cannot close the delimiters or open a chat turn.

    Only the copy shown to the model changes; evidence is always cut from the article itself.
    """
    if text is None:
        return None
    return _CONTROL.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)


def _ask(provider: Any, prompt: PromptTemplate, chunk: list[Sentence], n_sentences: int, article: Article,
         options: ExtractOptions) -> BaseModel:
    if hasattr(provider, "draft"):  # rule-based providers read sentences, not prompts
        return provider.draft(prompt.name, chunk, article.meta)
    model = draft_model(prompt.name, n_sentences)
    shown = [replace(s, text=_defused(s.text)) for s in chunk]
    messages = prompt.render(shown, model.model_json_schema(), title=_defused(article.meta.title))
    max_tokens = options.max_tokens
    while True:  # token and time budgets are enforced below, on every request (summarizer.llm.budget)
        try:
            return provider.complete(messages, model, max_tokens=max_tokens)
        except TruncatedOutput as exc:
            if max_tokens >= options.max_tokens_cap:
                raise TruncatedOutput(f"{prompt.name}: {exc.message} ({max_tokens} tokens)", exc.hint) from None
            max_tokens = options.max_tokens_cap
        except SummarizerError as exc:
            raise type(exc)(f"{prompt.name}: {exc.message}", exc.hint) from None


def _resolve_holders(result: dict[str, Any], participants: list[Participant]) -> None:
    """Point holders at participant ids by name, alias or surname, so one actor has one id."""
    lookup: dict[str, str] = {}
    for p in participants:
        for name in (p.name, *p.aliases, *p.name.split()[-1:]):
            lookup.setdefault(slugify(name), p.id)
    for field in ("stances", "conditions", "red_lines"):
        for item in result.get(field, []):
            item["holder"] = lookup.get(item["holder"], item["holder"])


def _run_tasks(article: Article, provider: Any, prompts: dict[str, PromptTemplate],
               options: ExtractOptions) -> tuple[dict[str, Any], list[Dropped], int]:
    sentences = split_sentences(article.text)
    chunks = chunk_sentences(sentences, options.chunk_chars)
    grounder = Grounder(article.text, sentences)
    result: dict[str, Any] = {}
    dropped: list[Dropped] = []
    for prompt_name, field in TASKS[options.schema]:
        answers = [_ask(provider, prompts[prompt_name], chunk, len(sentences), article, options)
                   for chunk in chunks]
        if field == "summary":
            ids = [i for a in answers for i in a.sentences if i in grounder.by_id]
            result["summary"] = " ".join(a.summary.strip() for a in answers)
            result["summary_evidence"] = [Evidence(quote=grounder.by_id[i].text, start=grounder.by_id[i].start,
                                                   end=grounder.by_id[i].end).model_dump() for i in sorted(set(ids))]
            continue
        drafts = [d for a in answers for d in getattr(a, field)]
        grounded = grounder.ground(field, drafts)
        result[field] = [item.model_dump(mode="json") for item in grounded.items]
        dropped.extend(grounded.dropped)
    if options.schema == "all":
        _resolve_holders(result, [Participant.model_validate(p) for p in result["participants"]])
        result = ArticleSummary.model_validate({"meta": article.meta.model_dump(), **result}).model_dump(mode="json")
    return result, dropped, len(chunks)


def article_info(article: Article) -> ArticleInfo:
    return ArticleInfo(id=article.id, source=article.source, sha256=article.sha256, chars=len(article.text),
                       meta=article.meta)


def extract_article(article: Article, provider: Any, options: ExtractOptions,
                    prompts: dict[str, PromptTemplate] | None = None) -> ExtractionRecord:
    """Never raises for a model or endpoint failure: the record carries the error instead."""
    prompts = prompts or load_prompts(options.schema, options.prompts_dir)
    info = article_info(article)
    started = time.perf_counter()
    result, dropped, chunks, error = None, [], 1, None
    with usage.counting() as spent, budget.limited(options.token_budget, options.time_budget):
        try:
            result, dropped, chunks = _run_tasks(article, provider, prompts, options)
        except SummarizerError as exc:
            error = str(exc)
    provenance = Provenance(
        tool_version=__version__, provider=provider.name, model=provider.model, schema_version=SCHEMA_VERSION,
        prompts=[PromptRef(**p.ref()) for p in prompts.values()], usage=spent,
        latency_s=round(time.perf_counter() - started, 3), dropped_count=len(dropped),
        dropped=[DroppedItem(field=d.field, reason=d.reason) for d in dropped], chunks=chunks,
        created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    return ExtractionRecord(article=info, schema_name=options.schema, ok=error is None, result=result,
                            error=error, provenance=provenance)
