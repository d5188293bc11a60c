"""The answer model of one call: a task's draft items, with sentence numbers bounded to the article.

The draft items themselves live in `summarizer.core.drafts` and the tasks in
`summarizer.core.tasks`; this module only builds, per article length, the model
instructor validates against and the server decodes under.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from pydantic import BaseModel, Field, create_model

from summarizer.core.drafts import (MAX_CITED, MAX_LIST, ConditionDraft, Draft, ParticipantDraft, RedLineDraft,
                                    StanceDraft, SummaryDraft)
from summarizer.core.tasks import TASKS

MAX_ITEMS = MAX_LIST  # the rule provider ranks its items and keeps as many as the schema allows

__all__ = ["MAX_ITEMS", "MAX_LIST", "ConditionDraft", "ParticipantDraft", "RedLineDraft", "StanceDraft",
           "SummaryDraft", "answer_field", "draft_model"]


def answer_field(prompt_name: str) -> str | None:
    """The list field of a task's answer, or None when the answer is one item (the summary)."""
    task = TASKS[prompt_name]
    return task.field if task.many else None


@lru_cache(maxsize=256)
def draft_model(prompt_name: str, n_sentences: int) -> type[BaseModel]:
    """The answer model with sentence ids bounded to 1..n, so a constrained decoder cannot cite a missing one."""
    task = TASKS[prompt_name]
    item = task.draft_model()
    ids = (list[Annotated[int, Field(ge=1, le=max(1, n_sentences))]],
           Field(min_length=1, max_length=MAX_CITED, description=item.model_fields["sentences"].description))
    bounded = create_model(item.__name__, __base__=item, __doc__=item.__doc__, sentences=ids)
    if not task.many:
        return bounded
    items = (list[bounded], Field(default_factory=list, max_length=MAX_LIST))  # type: ignore[valid-type]
    name = item.__name__.removesuffix("Draft") + "Answer"
    return create_model(name, __base__=Draft, __doc__=f"The {task.field.replace('_', ' ')} the article states.",
                        **{task.field: items})
