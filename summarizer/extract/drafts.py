"""What the model fills in: the target schemas with evidence by reference.

The model never writes quotes or offsets. It cites the numbers of the article's
sentences (`[3]` in the prompt) and `grounding` turns those into verbatim
evidence. Lists and strings are bounded so constrained decoding cannot run away.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Optional

from pydantic import BaseModel, ConfigDict, Field, create_model

from summarizer.core.schemas import Attribution, ParticipantKind, Polarity, RedLineKind

MAX_ITEMS = 8
SentenceIds = list[int]


class _Draft(BaseModel):
    model_config = ConfigDict(extra="ignore", use_enum_values=True)


def _sentences() -> SentenceIds:
    return Field(
        min_length=1,
        max_length=4,
        description="Numbers of the article sentences that state this, as shown in brackets, e.g. [2, 5].",
    )


class ParticipantDraft(_Draft):
    """A person, state or organisation that acts or speaks in the article."""

    name: str = Field(max_length=80, description="Full canonical name, e.g. 'Ali Bahreini', 'United States'.")
    kind: ParticipantKind
    role: Optional[str] = Field(default=None, max_length=100, description="Office or role as the article states it.")
    country: Optional[str] = Field(default=None, max_length=3, description="ISO 3166-1 alpha-3 code, e.g. IRN, USA.")
    aliases: list[Annotated[str, Field(max_length=60)]] = Field(
        default_factory=list, max_length=4, description="Other names the text uses for it.")
    sentences: SentenceIds = _sentences()


class StanceDraft(_Draft):
    """A position an actor takes on a topic."""

    holder: str = Field(max_length=80, description="Name of who holds the stance, as the article names them.")
    topic: str = Field(max_length=80, description="What it is about, in a few words.")
    polarity: Polarity = Field(description="favor, against, neutral or mixed towards the topic.")
    position: str = Field(max_length=200, description="The position in one neutral sentence.")
    attribution: Attribution = Field(description="direct_quote, reported_speech or author_claim.")
    sentences: SentenceIds = _sentences()


class ConditionDraft(_Draft):
    """A requirement an actor sets before it will do something."""

    holder: str = Field(max_length=80, description="Name of who sets the condition.")
    conditions: str = Field(max_length=80, description="What is conditioned: talks, a deal, dialogue...")
    requirement: str = Field(max_length=200, description="What must hold first.")
    sentences: SentenceIds = _sentences()


class RedLineDraft(_Draft):
    """Something an actor says must not happen, or that it will never do."""

    holder: str = Field(max_length=80, description="Name of who draws the line.")
    line: str = Field(max_length=200, description="What must not happen or will never be done.")
    kind: RedLineKind = Field(description="trigger ('if X, we respond') or refusal ('we will never do X').")
    consequence: Optional[str] = Field(default=None, max_length=200, description="Stated response if crossed.")
    sentences: SentenceIds = _sentences()


class ParticipantDrafts(_Draft):
    participants: list[ParticipantDraft] = Field(default_factory=list, max_length=MAX_ITEMS)


class StanceDrafts(_Draft):
    stances: list[StanceDraft] = Field(default_factory=list, max_length=MAX_ITEMS)


class ConditionDrafts(_Draft):
    conditions: list[ConditionDraft] = Field(default_factory=list, max_length=MAX_ITEMS)


class RedLineDrafts(_Draft):
    red_lines: list[RedLineDraft] = Field(default_factory=list, max_length=MAX_ITEMS)


class SummaryDraft(_Draft):
    """A short neutral summary of the article."""

    summary: str = Field(max_length=500, description="Two or three neutral sentences on what the article reports.")
    sentences: SentenceIds = _sentences()


# prompt name -> (answer model, its list field or None, the item model)
DRAFT_MODELS: dict[str, tuple[type[BaseModel], str | None, type[BaseModel]]] = {
    "participants": (ParticipantDrafts, "participants", ParticipantDraft),
    "stance": (StanceDrafts, "stances", StanceDraft),
    "conditions": (ConditionDrafts, "conditions", ConditionDraft),
    "red-lines": (RedLineDrafts, "red_lines", RedLineDraft),
    "summary": (SummaryDraft, None, SummaryDraft),
}


@lru_cache(maxsize=256)
def draft_model(prompt_name: str, n_sentences: int) -> type[BaseModel]:
    """The answer model with sentence ids bounded to 1..n, so a constrained decoder cannot cite a missing one."""
    answer, field, item = DRAFT_MODELS[prompt_name]
    ids = (list[Annotated[int, Field(ge=1, le=max(1, n_sentences))]], _sentences())
    bounded_item = create_model(item.__name__, __base__=item, __doc__=item.__doc__, sentences=ids)
    if field is None:
        return bounded_item
    items = (list[bounded_item], Field(default_factory=list, max_length=MAX_ITEMS))  # type: ignore[valid-type]
    return create_model(answer.__name__, __base__=answer, __doc__=answer.__doc__, **{field: items})
