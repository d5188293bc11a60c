"""Batch files: hand a run's requests to a batch engine, and read its answers back.

Export runs the normal extraction with every chat request captured below the
openai client (no model, no cache), so each line carries exactly the body a live
call sends: the OpenAI Batch API format, which `vllm run-batch` also reads.
Import recomputes those requests, files each answer in the response cache under
its request's key, and replays the normal extraction, so validation, grounding
and records are the live path's. Re-asks cannot happen offline: an answer that
fails validation or was cut off makes a failed record.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from summarizer.text.articles import Article
from summarizer.llm.cache import ResponseCache, request_key
from summarizer.extract.drafts import draft_model
from summarizer.core.jsonl import json_lines
from summarizer.errors import InputError, SummarizerError
from summarizer.extract.pipeline import ExtractOptions, article_parts, call_plan, extract_article, load_prompts
from summarizer.llm.prompts import PromptTemplate
from summarizer.llm.providers import ProviderConfig, build_provider
from summarizer.core.records import ArticleInfo, ExtractionRecord
from summarizer.text.segment import split_sentences
from summarizer.llm.transport import capturing

BATCH_URL = "/v1/chat/completions"
OFFLINE_NOTE = "batch answers cannot be re-asked offline: re-run this article live with `summarize`"
_KEY_PART = re.compile(r"[0-9a-f]{16}")


@dataclass(frozen=True)
class BatchRequest:
    custom_id: str  # article id : sha256[:12] : task : chunk : request key[:16]
    key: str  # the response-cache key of the body
    body: str  # the JSON body exactly as the live path sends it
    sample: int = 0


@dataclass
class ArticlePlan:
    article: Article
    requests: list[BatchRequest] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class BatchAnswer:
    custom_id: str
    completion: dict[str, Any] | None
    error: str | None = None


def placeholder(schema: dict[str, Any], defs: dict[str, Any] | None = None) -> Any:
    """The smallest instance of a JSON Schema: a stand-in answer that lets extraction go on to its next call."""
    defs = defs if defs is not None else schema.get("$defs", {})
    if "$ref" in schema:
        return placeholder(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    if "enum" in schema:
        return schema["enum"][0]
    for combo in ("anyOf", "oneOf"):
        if combo in schema:
            options = schema[combo]
            return None if {"type": "null"} in options else placeholder(options[0], defs)
    kind = schema.get("type")
    if kind == "object":
        props = schema.get("properties", {})
        return {name: placeholder(props[name], defs) for name in schema.get("required", [])}
    if kind == "array":
        return [placeholder(schema.get("items", {}), defs) for _ in range(schema.get("minItems", 0))]
    if kind in ("integer", "number"):
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    return "x" * schema.get("minLength", 0) if kind == "string" else None


def _completion(body: dict[str, Any], text: str) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": text}
    if body.get("tools"):
        name = (body.get("tool_choice") or {}).get("function", {}).get("name") or body["tools"][0]["function"]["name"]
        message = {"role": "assistant", "content": None, "tool_calls": [
            {"id": "call_0", "type": "function", "function": {"name": name, "arguments": text}}]}
    return {"id": "captured", "object": "chat.completion", "created": 0, "model": body.get("model", ""),
            "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}}


def _plan_article(article: Article, provider: Any, options: ExtractOptions,
                  prompts: dict[str, PromptTemplate]) -> ArticlePlan:
    sentences = split_sentences(article.text)
    calls = [(task.prompt, part + 1) for task, part in
             call_plan(options.schema, len(article_parts(sentences, options.chunk_chars)))]
    captured: list[tuple[bytes, int]] = []

    def answer(raw: bytes, sample: int) -> dict[str, Any]:
        name = calls[min(len(captured), len(calls) - 1)][0]  # stand-ins never fail, so every call is made in plan order
        captured.append((raw, sample))
        model = draft_model(name, len(sentences))
        stand_in = model.model_validate(placeholder(model.model_json_schema()))
        return _completion(json.loads(raw), stand_in.model_dump_json())

    with capturing(answer):
        record = extract_article(article, provider, options, prompts)
    if not record.ok:
        return ArticlePlan(article, error=record.error)
    if len(captured) != len(calls):
        raise SummarizerError(f"{article.source}: expected {len(calls)} requests, captured {len(captured)}",
                              "this is a bug in batch export; please report it")
    plan = ArticlePlan(article)
    for (name, chunk), (raw, sample) in zip(calls, captured):
        key, _ = request_key(provider.name, json.loads(raw), sample)
        custom_id = f"{article.id[:40]}:{article.sha256[:12]}:{name}:{chunk}:{key[:16]}"
        plan.requests.append(BatchRequest(custom_id, key, raw.decode("utf-8"), sample))
    return plan


def plan_requests(articles: Iterable[Article], provider: Any, options: ExtractOptions) -> list[ArticlePlan]:
    """Every request a live run would send, article by article; nothing is sent."""
    prompts = load_prompts(options.schema, options.prompts_dir)
    return [_plan_article(article, provider, options, prompts) for article in articles]


def capture_provider(config: ProviderConfig) -> Any:
    """A provider that builds requests without any model, cache or network behind it."""
    if config.resolved_provider() == "rules":
        raise InputError("the rules provider calls no model, so there is nothing to send to a batch engine",
                         "use --provider openai --model NAME (or the embedded model)")
    return build_provider(replace(config, replay=True, cache_path=None))


def write_requests(plans: list[ArticlePlan], path: Path) -> tuple[int, int]:
    """Write the Batch API file atomically; identical requests are written once. Returns (written, duplicates)."""
    seen: set[str] = set()
    lines: list[str] = []
    for request in (r for plan in plans for r in plan.requests):
        if request.key in seen:
            continue
        seen.add(request.key)
        body = request.body if "\n" not in request.body else json.dumps(json.loads(request.body))
        lines.append(f'{{"custom_id": {json.dumps(request.custom_id)}, "method": "POST", '
                     f'"url": "{BATCH_URL}", "body": {body}}}\n')
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(path)
    return len(lines), sum(len(p.requests) for p in plans) - len(lines)


def _answer_of(row: dict[str, Any], custom_id: str) -> BatchAnswer:
    if row.get("error"):
        error = row["error"]
        message = error.get("message") if isinstance(error, dict) else None
        return BatchAnswer(custom_id, None, f"the batch engine reported an error: {message or error}")
    response = row.get("response")
    if not isinstance(response, dict):
        return BatchAnswer(custom_id, None, "the results line has neither a response nor an error")
    status, body = response.get("status_code"), response.get("body")
    if status != 200:
        detail = body.get("error", body) if isinstance(body, dict) else body
        message = detail.get("message", detail) if isinstance(detail, dict) else detail
        return BatchAnswer(custom_id, None, f"the endpoint answered HTTP {status}: {str(message)[:300]}")
    if not isinstance(body, dict) or not body.get("choices"):
        return BatchAnswer(custom_id, None, "the response body is not a chat completion (no choices)")
    return BatchAnswer(custom_id, body)


def read_results(path: Path) -> dict[str, BatchAnswer]:
    """Answers by request-key prefix; a line that is not a Batch API result is an input error."""
    answers: dict[str, BatchAnswer] = {}
    hint = "pass the output file of the batch job run on `summarize batch export` requests"
    for number, row in json_lines(path, "results file", hint):
        custom_id = row.get("custom_id") if isinstance(row, dict) else None
        key_part = custom_id.rsplit(":", 1)[-1] if isinstance(custom_id, str) else ""
        if not _KEY_PART.fullmatch(key_part):
            raise InputError(f"{path}:{number}: custom_id {custom_id!r} was not written by `summarize batch export`",
                             hint)
        answer = _answer_of(row, custom_id)
        if key_part not in answers or answers[key_part].completion is None:  # a success beats a failed try
            answers[key_part] = answer
    if not answers:
        raise InputError(f"{path}: the results file has no results", hint)
    return answers


def _load_answers(plan: ArticlePlan, answers: dict[str, BatchAnswer], cache: ResponseCache,
                  provider_name: str) -> str | None:
    """File the article's answers in the cache; the first reason it cannot be replayed, if any."""
    for request in plan.requests:
        answer = answers.get(request.key[:16])
        if answer is None:
            if cache.get(request.key) is not None:
                continue
            return (f"no result for request {request.custom_id} in the results file "
                    "(export and import need the same --schema, --model, --max-tokens and prompts)")
        if answer.completion is None:
            return f"batch request {request.custom_id} failed: {answer.error}"
        _, canonical = request_key(provider_name, json.loads(request.body), request.sample)
        cache.put(request.key, provider_name, canonical, answer.completion)
    return None


def _failed(article: Article, schema: str, error: str) -> ExtractionRecord:
    info = ArticleInfo(id=article.id, source=article.source, sha256=article.sha256, chars=len(article.text),
                       meta=article.meta)
    return ExtractionRecord(article=info, schema_name=schema, ok=False, error=error)


def import_results(articles: list[Article], config: ProviderConfig, options: ExtractOptions,
                   answers: dict[str, BatchAnswer]) -> list[ExtractionRecord]:
    """Records in input order, through the live path's validation and grounding; no model is called."""
    from summarizer.extract.runner import run_batch

    if config.cache_path is None:
        raise InputError("batch import files the answers in the response cache", "drop --no-cache")
    offline = replace(options, max_tokens_cap=options.max_tokens)  # a cut-off answer cannot be re-asked
    provider = build_provider(replace(config, replay=True, max_retries=0))
    cache = ResponseCache(config.cache_path)
    try:
        plans = plan_requests(articles, provider, offline)
        problems = {id(p.article): p.error or _load_answers(p, answers, cache, provider.name) for p in plans}
        ready = [a for a in articles if problems[id(a)] is None]
        replayed = iter(run_batch(ready, provider, offline, concurrency=1, progress=False))
    finally:
        cache.close()
        provider.close()
    records = []
    for article in articles:
        problem = problems[id(article)]
        record = _failed(article, options.schema, problem) if problem else next(replayed)
        if not record.ok and problem is None:
            record.error = f"{record.error}\n  note: {OFFLINE_NOTE}"
        records.append(record)
    return records
