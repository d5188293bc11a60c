"""Extraction: article -> sentences -> prompt -> provider -> grounding -> record.

Long articles are split into chunks of whole sentences; sentence numbers stay
global, so evidence offsets are always offsets into the whole article. Each
chunk after the first repeats the previous chunk's last sentences, so "he said"
at its start can be resolved. Calls go chunk by chunk and, within a chunk, task
by task, so consecutive requests share the article prefix (see llm/prompts.py).
A task that fails is named in the record; the other tasks' fields are kept.
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
from summarizer.llm.providers import Call, TruncatedOutput
from summarizer.core.records import ArticleInfo, DroppedItem, ExtractionRecord, FailedTask, PromptRef, Provenance
from summarizer.core.schemas import SCHEMA_VERSION, ArticleSummary
from summarizer.core.tasks import SCHEMAS, Task
from summarizer.text.segment import Sentence, chunk_sentences, split_sentences

CONTEXT_SENTENCES = 2  # of the previous chunk, repeated at the start of the next

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
    return {task.prompt: load_prompt(task.prompt, prompts_dir) for task in SCHEMAS[schema].tasks}


# our article delimiters, and chat-template control tokens a server may parse inside content: ChatML <|im_start|>,
# Llama [INST] <<SYS>> <s>, Gemma <start_of_turn> <bos>, DeepSeek <｜User｜>, Mistral [SYSTEM_PROMPT] [TOOL_CALLS],
# reasoning <think>
_CONTROL = re.compile(
    r"<{3,}|>{3,}|<\||\|>|<｜|｜>|<</?SYS>>|(?-i:\[/?[A-Z][A-Z_]{2,}\])"
    r"|<\s*/?\s*(?:s|bos|eos|pad|unk|start_of_turn|end_of_turn|think|thinking|tool_call|tool_response)\s*>",
    re.IGNORECASE)
_LOOKALIKES = str.maketrans("<>[]", "‹›⟦⟧")


def _defused(text: str | None) -> str | None:
    """Article text as the prompt shows it: it cannot close the delimiters or open a chat turn.

    Only the copy shown to the model changes; evidence is always cut from the article itself.
    """
    if text is None:
        return None
    return _CONTROL.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)


@dataclass(frozen=True)
class Part:
    """One chunk of the article as one call sees it: `context` sentences of the previous chunk, then its own."""

    context: list[Sentence]
    sentences: list[Sentence]

    @property
    def shown(self) -> list[Sentence]:
        return [*self.context, *self.sentences]


def article_parts(sentences: list[Sentence], chunk_chars: int) -> list[Part]:
    chunks = chunk_sentences(sentences, chunk_chars)
    return [Part(chunks[i - 1][-CONTEXT_SENTENCES:] if i else [], chunk) for i, chunk in enumerate(chunks)]


def call_plan(schema: str, n_parts: int) -> list[tuple[Task, int]]:
    """The order of the calls for one article: chunk by chunk, and within a chunk task by task."""
    return [(task, part) for part in range(n_parts) for task in SCHEMAS[schema].tasks]


def _ask(provider: Any, prompt: PromptTemplate | None, task: Task, part: Part, n_sentences: int,
         article: Article, options: ExtractOptions) -> BaseModel:
    model = draft_model(task.prompt, n_sentences)
    messages: list[dict[str, str]] = []
    if prompt is not None:
        shown = [replace(s, text=_defused(s.text) or "") for s in part.shown]
        messages = prompt.render(shown, title=_defused(article.meta.title), context=len(part.context))
    call = Call(task.prompt, messages, model, part.sentences, article.meta, options.max_tokens)
    while True:  # token and time budgets are enforced below, on every request (summarizer.llm.budget)
        try:
            return provider.answer(call)
        except TruncatedOutput as exc:
            if call.max_tokens >= options.max_tokens_cap:
                raise TruncatedOutput(f"{task.prompt}: {exc.message} ({call.max_tokens} tokens)", exc.hint) from None
            call = call.with_max_tokens(options.max_tokens_cap)
        except SummarizerError as exc:
            raise type(exc)(f"{task.prompt}: {exc.message}", exc.hint) from None


def _run_tasks(article: Article, provider: Any, prompts: dict[str, PromptTemplate],
               options: ExtractOptions) -> tuple[dict[str, Any], list[Dropped], int, list[FailedTask]]:
    sentences = split_sentences(article.text)
    parts = article_parts(sentences, options.chunk_chars)
    tasks = SCHEMAS[options.schema].tasks
    answers: dict[str, list[BaseModel]] = {task.prompt: [] for task in tasks}
    failed: dict[str, str] = {}
    for task, index in call_plan(options.schema, len(parts)):  # consecutive calls share the chunk's prefix
        if task.prompt in failed:
            continue
        try:
            answers[task.prompt].append(_ask(provider, prompts.get(task.prompt), task, parts[index],
                                             len(sentences), article, options))
        except SummarizerError as exc:
            failed[task.prompt] = str(exc)
    grounder = Grounder(article.text, sentences)
    result: dict[str, Any] = {}
    dropped: list[Dropped] = []
    for task in tasks:  # participants first in `all`: holders then resolve to them
        if task.prompt in failed:
            continue
        if not task.many:
            ids = [i for a in answers[task.prompt] for i in a.sentences]
            text, evidence, lost = grounder.summary(" ".join(a.summary.strip() for a in answers[task.prompt]), ids)
            result.update(summary=text, summary_evidence=[e.model_dump() for e in evidence])
            dropped.extend(lost)
            continue
        drafts = [d for a in answers[task.prompt] for d in getattr(a, task.field)]
        grounded = grounder.ground(task.field, drafts, task.claim, task.item_model())
        result[task.field] = [item.model_dump(mode="json") for item in grounded.items]
        dropped.extend(grounded.dropped)
    if options.schema == "all":
        result = ArticleSummary.model_validate({"meta": article.meta.model_dump(), **result}).model_dump(mode="json")
    return result, dropped, len(parts), [FailedTask(task=name, error=error) for name, error in failed.items()]


def article_info(article: Article) -> ArticleInfo:
    return ArticleInfo(id=article.id, source=article.source, sha256=article.sha256, chars=len(article.text),
                       meta=article.meta)


def extract_article(article: Article, provider: Any, options: ExtractOptions,
                    prompts: dict[str, PromptTemplate] | None = None) -> ExtractionRecord:
    """Never raises for a model or endpoint failure: the record carries the error instead.

    Prompts are loaded (and named in the record) only for a provider that reads them.
    """
    if not provider.prompted:
        prompts = {}
    elif not prompts:
        prompts = load_prompts(options.schema, options.prompts_dir)
    info = article_info(article)
    started = time.perf_counter()
    result, dropped, chunks, failed, error = None, [], 1, [], None
    with usage.counting() as spent, budget.limited(options.token_budget, options.time_budget):
        try:
            result, dropped, chunks, failed = _run_tasks(article, provider, prompts, options)
        except SummarizerError as exc:  # a prompt that does not render, a bad schema: nothing ran
            error = str(exc)
    if failed:
        error = "; ".join(f.error if f.error.startswith(f"{f.task}:") else f"{f.task}: {f.error}" for f in failed)
        if len(failed) == len(SCHEMAS[options.schema].tasks):
            result = None  # nothing succeeded: a failed record, as before
    provenance = Provenance(
        tool_version=__version__, provider=provider.name, model=provider.model, schema_version=SCHEMA_VERSION,
        prompts=[PromptRef(**p.ref()) for p in prompts.values()], usage=spent,
        latency_s=round(time.perf_counter() - started, 3), dropped_count=len(dropped),
        dropped=[DroppedItem(field=d.field, reason=d.reason, item=d.item, evidence=d.evidence, holder=d.holder)
                 for d in dropped], chunks=chunks, failed_tasks=failed,
        created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    return ExtractionRecord(article=info, schema_name=options.schema, ok=result is not None, result=result,
                            error=error, provenance=provenance)
