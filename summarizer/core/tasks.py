"""THE task registry: what each schema runs, and everything derived from it.

A task is one model call per chunk: its prompt template, the result field it
fills, the draft model the model writes, the published item model. A schema (a
CLI `--schema` name) is a list of tasks and a result model. The extraction plan,
the draft models, the CLI choices, the batch export and the scorers' field lists
all read this file; adding a schema is one `register` call plus its prompt and
its draft model.

Models are named as "module:Class" and imported on first use, so the CLI can
list the schemas for `--help` without loading pydantic; a class works too.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Optional, Union

ModelRef = Union[str, type]
_DRAFTS, _SCHEMAS = "summarizer.core.drafts", "summarizer.core.schemas"


def _load(ref: ModelRef) -> Any:
    if not isinstance(ref, str):
        return ref
    module, name = ref.split(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Task:
    prompt: str  # template name in prompts/ (NAME.j2)
    field: str  # the result field it fills
    draft: ModelRef  # one item as the model writes it (cites `sentences`, may give an `excerpt`)
    item: Optional[ModelRef] = None  # one item as published; None: the draft's own fields + evidence
    claim: tuple[str, ...] = ()  # draft fields whose words the cited sentences must state
    many: bool = True  # a list of items; False: one answer (the summary)

    def draft_model(self) -> Any:
        return _load(self.draft)

    def item_model(self) -> Any:
        """The published item: the registered one, or the draft's fields with evidence instead of citations."""
        if self.item is not None:
            return _load(self.item)
        return _derived_item(self)


@dataclass(frozen=True)
class Schema:
    name: str  # the CLI name
    tasks: tuple[Task, ...]
    result: Optional[ModelRef] = None  # the published result; None: one list per task of its items

    @property
    def fields(self) -> tuple[str, ...]:
        """The item-list fields the schema fills, in task order."""
        return tuple(t.field for t in self.tasks if t.many)

    def result_model(self) -> Any:
        return _load(self.result) if self.result is not None else _derived_result(self)


TASKS: dict[str, Task] = {}
SCHEMAS: dict[str, Schema] = {}


def register(name: str, tasks: list[Task], result: Optional[ModelRef] = None) -> Schema:
    """Add (or replace) a schema and its tasks."""
    for task in tasks:
        TASKS[task.prompt] = task
    SCHEMAS[name] = Schema(name, tuple(tasks), result)
    return SCHEMAS[name]


def unregister(name: str) -> None:
    """Remove a schema and the tasks no other schema runs (for tests that register a toy one)."""
    schema = SCHEMAS.pop(name)
    used = {t.prompt for s in SCHEMAS.values() for t in s.tasks}
    for task in schema.tasks:
        if task.prompt not in used:
            TASKS.pop(task.prompt, None)


PARTICIPANTS = Task("participants", "participants", f"{_DRAFTS}:ParticipantDraft", f"{_SCHEMAS}:Participant")
STANCE = Task("stance", "stances", f"{_DRAFTS}:StanceDraft", f"{_SCHEMAS}:Stance", claim=("topic", "position"))
CONDITIONS = Task("conditions", "conditions", f"{_DRAFTS}:ConditionDraft", f"{_SCHEMAS}:Condition",
                  claim=("requirement",))
RED_LINES = Task("red-lines", "red_lines", f"{_DRAFTS}:RedLineDraft", f"{_SCHEMAS}:RedLine", claim=("line",))
SUMMARY = Task("summary", "summary", f"{_DRAFTS}:SummaryDraft", claim=("summary",), many=False)

register("stance", [STANCE], f"{_SCHEMAS}:StanceList")
register("conditions", [CONDITIONS], f"{_SCHEMAS}:ConditionList")
register("red-lines", [RED_LINES], f"{_SCHEMAS}:RedLineList")
register("participants", [PARTICIPANTS], f"{_SCHEMAS}:ParticipantList")
register("all", [PARTICIPANTS, STANCE, CONDITIONS, RED_LINES, SUMMARY], f"{_SCHEMAS}:ArticleSummary")

ITEM_FIELDS: tuple[str, ...] = SCHEMAS["all"].fields  # participants, stances, conditions, red_lines
HOLDER_FIELDS: tuple[str, ...] = tuple(f for f in ITEM_FIELDS if f != "participants")


def schema_names() -> tuple[str, ...]:
    return tuple(SCHEMAS)


def result_models() -> dict[str, Any]:
    return {name: s.result_model() for name, s in SCHEMAS.items()}


def field_of_schema(name: str) -> str | None:
    """The one item field a single-task schema fills (None for `all`, which fills several)."""
    schema = SCHEMAS[name]
    return schema.fields[0] if len(schema.tasks) == 1 and schema.fields else None


_DERIVED: dict[tuple[str, Any], Any] = {}


def _derived_item(task: Task) -> Any:
    from pydantic import ConfigDict, Field, create_model

    from summarizer.core.schemas import Evidence

    key = ("item", task)
    if key not in _DERIVED:
        draft = task.draft_model()
        kept = {n: (f.annotation, f) for n, f in draft.model_fields.items() if n not in ("sentences", "excerpt")}
        _DERIVED[key] = create_model(draft.__name__.removesuffix("Draft") or "Item", __doc__=draft.__doc__,
                                     __config__=ConfigDict(extra="forbid", use_enum_values=True), **kept,
                                     evidence=(list[Evidence], Field(min_length=1)))
    return _DERIVED[key]


def _derived_result(schema: Schema) -> Any:
    from pydantic import ConfigDict, Field, create_model

    key = ("result", schema)
    if key not in _DERIVED:
        lists = {t.field: (list[t.item_model()], Field(default_factory=list)) for t in schema.tasks if t.many}
        _DERIVED[key] = create_model(schema.name.title().replace("-", "") + "Result",
                                     __config__=ConfigDict(extra="forbid"), **lists)
    return _DERIVED[key]
