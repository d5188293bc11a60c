"""The target output: what an analyst can check against the article.

Every item carries `evidence`: verbatim quotes with character offsets into the
article as read (after decoding), so `article[start:end] == quote` always holds.
Offsets are filled in code by `grounding`, never by the model.
"""

from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from summarizer.text.normalize import slugify  # noqa: F401 - the one slug function, re-exported for its callers

SCHEMA_VERSION = "1.0.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Evidence(_Model):
    """A verbatim span of the article that supports an item."""

    quote: str = Field(description="Verbatim text of the article, character for character.")
    start: int = Field(ge=0, description="Offset of the first character of the quote in the article.")
    end: int = Field(ge=0, description="Offset one past the last character: article[start:end] == quote.")
    speaker: Optional[str] = Field(default=None, description="Who says the quoted words, if anyone does.")

    @model_validator(mode="after")
    def _span_matches_quote(self) -> "Evidence":
        if self.end - self.start != len(self.quote):
            raise ValueError(f"span {self.start}:{self.end} does not have the length of the quote")
        return self


class ParticipantKind(str, Enum):
    person = "person"
    organization = "organization"
    state = "state"
    international_organization = "international_organization"
    other = "other"


class Polarity(str, Enum):
    favor = "favor"
    against = "against"
    neutral = "neutral"
    mixed = "mixed"


class Attribution(str, Enum):
    direct_quote = "direct_quote"
    reported_speech = "reported_speech"
    author_claim = "author_claim"


class RedLineKind(str, Enum):
    trigger = "trigger"
    refusal = "refusal"


class Participant(_Model):
    """An actor in the story: a person, a government, an organisation."""

    id: str = Field(description="Stable slug of the canonical name, e.g. 'ali-bahreini'.")
    name: str = Field(description="Canonical full name, e.g. 'Ali Bahreini' or 'United States'.")
    kind: ParticipantKind = Field(description="What sort of actor this is.")
    role: Optional[str] = Field(default=None, description="Office or role as the article states it.")
    country: Optional[str] = Field(
        default=None, description="ISO 3166-1 alpha-3 code of the country the actor belongs to or is, e.g. IRN."
    )
    aliases: list[str] = Field(default_factory=list, description="Other names used for the actor in the text.")
    evidence: list[Evidence] = Field(min_length=1, description="Where the article mentions the actor.")


class Stance(_Model):
    """A position an actor takes on a topic."""

    holder: str = Field(description="Participant id of who holds the stance.")
    topic: str = Field(description="What the stance is about, in a few words, e.g. 'negotiations with the US'.")
    polarity: Polarity = Field(description="favor, against, neutral or mixed towards the topic.")
    position: str = Field(description="The position in one neutral sentence.")
    attribution: Attribution = Field(description="Whether the article quotes, reports or itself claims it.")
    evidence: list[Evidence] = Field(min_length=1)


class Condition(_Model):
    """A requirement an actor sets before it will do something."""

    holder: str = Field(description="Participant id of who sets the condition.")
    conditions: str = Field(description="What is conditioned, e.g. 'talks', 'a deal', 'dialogue'.")
    requirement: str = Field(description="What must hold first, in the holder's terms.")
    evidence: list[Evidence] = Field(min_length=1)


class RedLine(_Model):
    """Something an actor says must not happen, or that it will never do."""

    holder: str = Field(description="Participant id of who draws the line.")
    line: str = Field(description="What must not happen or will never be done.")
    kind: RedLineKind = Field(description="trigger: 'if X happens we respond'; refusal: 'we will never do X'.")
    consequence: Optional[str] = Field(default=None, description="The stated response if the line is crossed.")
    explicit: bool = Field(description="True when the words 'red line' are used in the evidence.")
    evidence: list[Evidence] = Field(min_length=1)


class ArticleMeta(_Model):
    """What the text itself says about the article."""

    title: Optional[str] = None
    outlet: Optional[str] = None
    date: Optional[str] = Field(default=None, description="ISO date YYYY-MM-DD when the text carries one.")


class StanceList(_Model):
    stances: list[Stance] = Field(default_factory=list)


class ConditionList(_Model):
    conditions: list[Condition] = Field(default_factory=list)


class RedLineList(_Model):
    red_lines: list[RedLine] = Field(default_factory=list)


class ParticipantList(_Model):
    participants: list[Participant] = Field(default_factory=list)


class ArticleSummary(_Model):
    """Everything the tool extracts from one article (schema `all`)."""

    meta: ArticleMeta = Field(default_factory=ArticleMeta)
    summary: str = Field(default="", description="Two or three neutral sentences on what the article reports.")
    summary_evidence: list[Evidence] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    stances: list[Stance] = Field(default_factory=list)
    conditions: list[Condition] = Field(default_factory=list)
    red_lines: list[RedLine] = Field(default_factory=list)


# which schema publishes which result model: summarizer.core.tasks (the task registry)
