"""What the model fills in: one item of each task, with evidence by reference.

The model never writes offsets. It cites the numbers of the article's sentences
(`[3]` in the prompt) and may copy a short excerpt of them; `grounding` turns
both into verbatim evidence. Strings and lists are bounded so constrained
decoding cannot run away; the bounds are sized for real articles.
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator

from summarizer.core.schemas import Attribution, ParticipantKind, Polarity, RedLineKind

MAX_LIST = 24  # items per answer and chunk: room for a long article, not for a small model looping to 2048 tokens
MAX_CITED = 4  # sentence numbers per item
MAX_EXCERPT = 240  # characters of a verbatim excerpt


class Draft(BaseModel):
    """Base of every draft item: unknown keys are ignored, enums are plain strings."""

    model_config = ConfigDict(extra="ignore", use_enum_values=True)


def cited() -> Any:
    return Field(min_length=1, max_length=MAX_CITED, description="Numbers of the sentences that state it.")


Excerpt = Optional[Annotated[str, WithJsonSchema({"type": "string", "maxLength": MAX_EXCERPT})]]


def excerpt() -> Any:
    return Field(default=None, description="The shortest exact words of those sentences that state it.")


class Cited(Draft):
    """An item that cites sentences and may quote a short excerpt of them (fields last, in each subclass)."""

    @field_validator("excerpt", check_fields=False)
    @classmethod
    def _drop_long_excerpt(cls, value: Optional[str]) -> Optional[str]:
        """An over-long excerpt is only a weaker hint: drop it rather than fail the whole answer."""
        return value if value is None or len(value) <= MAX_EXCERPT else None


class ParticipantDraft(Draft):
    """A person, state or organisation that acts or speaks in the article."""

    name: str = Field(max_length=80, description="Full name as the article gives it.")
    kind: ParticipantKind
    role: Optional[str] = Field(default=None, max_length=100, description="Office or role as the article states it.")
    country: Optional[str] = Field(default=None, max_length=3, description="ISO 3166-1 alpha-3 code.")
    aliases: list[Annotated[str, Field(max_length=60)]] = Field(
        default_factory=list, max_length=4, description="Other names the article uses for it.")
    sentences: list[int] = cited()


class StanceDraft(Cited):
    """A position an actor takes on a topic."""

    holder: str = Field(max_length=80, description="Who holds it, as the article names them.")
    topic: str = Field(max_length=80, description="What it is about, in a few words.")
    polarity: Polarity
    position: str = Field(max_length=200, description="The position in one neutral sentence.")
    attribution: Attribution
    sentences: list[int] = cited()
    excerpt: Excerpt = excerpt()


class ConditionDraft(Cited):
    """A requirement an actor sets before it will do something."""

    holder: str = Field(max_length=80, description="Who sets it, as the article names them.")
    conditions: str = Field(max_length=80, description="What is conditioned.")
    requirement: str = Field(max_length=200, description="What must hold first.")
    sentences: list[int] = cited()
    excerpt: Excerpt = excerpt()


class RedLineDraft(Cited):
    """Something an actor says must not happen, or that it will never do."""

    holder: str = Field(max_length=80, description="Who draws it, as the article names them.")
    line: str = Field(max_length=200, description="What must not happen or will never be done.")
    kind: RedLineKind
    consequence: Optional[str] = Field(default=None, max_length=200, description="Stated response if crossed.")
    sentences: list[int] = cited()
    excerpt: Excerpt = excerpt()


class SummaryDraft(Draft):
    """A short neutral summary of the article."""

    summary: str = Field(max_length=500, description="Two or three neutral sentences.")
    sentences: list[int] = cited()
