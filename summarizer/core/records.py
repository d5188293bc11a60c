"""The output record: one per article, result plus everything needed to check it."""

from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, Field, field_validator

from summarizer.core.schemas import ArticleMeta, Evidence
from summarizer.llm.usage import Usage


LEGACY_PROVIDERS: dict[str, str] = {"baseline": "rules"}  # old provider names in records: read, never written


class ArticleInfo(BaseModel):
    id: str
    source: str
    sha256: Optional[str] = None
    chars: int = 0
    meta: ArticleMeta = Field(default_factory=ArticleMeta)


class PromptRef(BaseModel):
    name: str
    version: str
    sha256: str


class DroppedItem(BaseModel):
    """An item that did not reach the result, with why; `item` is what the model (or rule) said.

    `evidence` and `holder` say where it pointed, in the shape of a kept item, so an evaluation can
    match it with gold and count a correct item thrown away (a false drop). Records written before
    they existed load with both empty: their drops are counted, never matched.
    """

    field: str
    reason: str
    item: Optional[dict[str, Any]] = Field(default=None, description="The draft as given, before grounding.")
    evidence: list[Evidence] = Field(default_factory=list,
                                     description="The article slices of the sentences it cited that exist.")
    holder: Optional[str] = Field(default=None, description="Its holder as a kept item would name it (an id).")

    def as_item(self) -> dict[str, Any]:
        """The dropped item in the shape of a kept one: its draft, resolved holder and evidence spans."""
        out = dict(self.item or {})
        if self.holder is not None:
            out["holder"] = self.holder
        out["evidence"] = [ev.model_dump(mode="json") for ev in self.evidence]
        return out


class FailedTask(BaseModel):
    """A task that gave no answer (its field is left empty); the other tasks' fields are kept."""

    task: str
    error: str


class Provenance(BaseModel):
    tool_version: str
    provider: str
    model: str
    schema_version: str
    prompts: list[PromptRef] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    latency_s: float = 0.0
    dropped_count: int = 0
    dropped: list[DroppedItem] = Field(default_factory=list)
    chunks: int = 1
    failed_tasks: list[FailedTask] = Field(default_factory=list)
    created_at: str = ""

    @field_validator("provider", mode="before")
    @classmethod
    def _current_name(cls, value: Any) -> Any:
        """Records written before the rule extractor was named `rules` still load, under its name."""
        return LEGACY_PROVIDERS.get(value, value) if isinstance(value, str) else value


class Result(dict[str, Any]):
    """A record's result: a plain dict (JSON as published in schemas/) that also reads as attributes.

    `record.result.stances[0].evidence[0].quote` is `record.result["stances"][0]["evidence"][0]["quote"]`.
    """

    def __getattr__(self, name: str) -> Any:
        try:
            return _readable(self[name])
        except KeyError:
            raise AttributeError(f"the result has no field {name!r}; it has: {', '.join(self)}") from None


def _readable(value: Any) -> Any:
    if isinstance(value, dict):
        return Result(value)
    return [_readable(v) for v in value] if isinstance(value, list) else value


class ExtractionRecord(BaseModel):
    """`result` follows the JSON Schema of `schema` in schemas/; it is None when no task succeeded.

    `ok` with an `error`: some tasks failed (named in `provenance.failed_tasks`), the others' fields are kept.
    """

    article: ArticleInfo
    schema_name: str = Field(serialization_alias="schema", validation_alias="schema")
    ok: bool
    result: Optional[dict[str, Any]] = None
    error: Optional[str] = None
    provenance: Optional[Provenance] = None

    model_config = {"populate_by_name": True}

    @field_validator("result", mode="after")
    @classmethod
    def _readable_result(cls, value: Optional[dict[str, Any]]) -> Optional[dict[str, Any]]:
        return None if value is None else Result(value)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)
