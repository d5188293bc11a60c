"""The daily brief as data: what `summarize brief` writes as JSON (schemas/brief.schema.json).

Every item keeps every quote it rests on, each with the article and outlet it
came from and offsets into that article's text; a quote that does not equal its
article slice never gets here (see `checks.QuoteBook` and `checks.ungrounded`).
An outlet is None when no text, front matter or sidecar names one: it is never
a file name, and outlet counts do not count it.
"""

from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from summarizer.core.schemas import SCHEMA_VERSION, Attribution, ParticipantKind, Polarity, RedLineKind

BRIEF_VERSION = "2.0.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Coverage(str, Enum):
    single = "single"
    multiple = "multiple"


class Novelty(str, Enum):
    new = "new"
    changed = "changed"
    repeated = "repeated"


class DivergenceKind(str, Enum):
    contradiction = "contradiction"
    framing = "framing"


class Quote(_Model):
    """A verified quote: `article` text [start:end] == quote."""

    id: str = Field(description="Brief-wide id, e.g. 'q12', the anchor items link to.")
    article: str = Field(description="Id of the source article (see sources).")
    outlet: Optional[str] = Field(default=None, description="Outlet of that article; None when no outlet is known.")
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    speaker: Optional[str] = None


class Source(_Model):
    """One input article; failed ones stay listed with their error."""

    id: str
    path: str
    outlet: Optional[str] = Field(default=None, description="Outlet as stated by the text, front matter or sidecar; "
                                  "None when none does (never the file name).")
    title: Optional[str] = None
    date: Optional[str] = None
    sha256: Optional[str] = None
    ok: bool
    error: Optional[str] = None
    items: int = Field(default=0, description="Items of the brief that cite this article.")


class LeftOut(_Model):
    """An input article not in the brief, and why (another day, or no date)."""

    id: str
    path: str
    date: Optional[str] = None
    reason: str


class Mention(_Model):
    text: str
    article: str
    outlet: Optional[str] = None


class Actor(_Model):
    id: str
    name: str
    kind: ParticipantKind
    role: Optional[str] = None
    country: Optional[str] = None
    mentions: list[Mention] = Field(description="Every name the articles use for this actor.")
    evidence: list[Quote] = Field(min_length=1)


class MergeNote(_Model):
    """Why two mentions were taken as one actor."""

    actor: str
    left: Mention
    right: Mention
    rule: str = Field(description="gazetteer, same name, name ends, fuzzy name, surname or role.")
    detail: str


class Report(_Model):
    """One article's version of an item, before merging."""

    article: str
    outlet: Optional[str] = None
    text: str = Field(description="The item as that article's extraction states it.")
    polarity: Optional[Polarity] = None
    attribution: Optional[Attribution] = None
    evidence: list[str] = Field(min_length=1, description="Quote ids.")


class _Item(_Model):
    id: str
    holder: str = Field(description="Actor id.")
    articles: list[str] = Field(min_length=1)
    outlets: list[str] = Field(description="Known outlets that report it; articles of unknown outlet are not counted.")
    unknown_outlet: int = Field(default=0, description="How many of its articles have no known outlet.")
    coverage: Coverage = Field(description="multiple when two or more known outlets report it.")
    reports: list[Report] = Field(min_length=1)
    evidence: list[Quote] = Field(min_length=1)
    divergences: list[str] = Field(default_factory=list, description="Ids of divergences this item is part of.")
    novelty: Optional[Novelty] = Field(default=None, description="Against --previous; None without one.")
    changes: list[str] = Field(default_factory=list, description="What moved since the previous brief.")


class BriefStance(_Item):
    topic: str
    polarity: Polarity = Field(description="One polarity: reports of other polarities are other stances.")
    position: str
    other_polarities: list[str] = Field(default_factory=list, description="Ids of this holder's stances on the same "
                                        "topic with another polarity.")


class BriefCondition(_Item):
    conditions: str = Field(description="What is conditioned.")
    requirement: str


class BriefRedLine(_Item):
    line: str
    kind: RedLineKind
    consequence: Optional[str] = None
    explicit: bool


class DivergenceSide(_Model):
    label: str = Field(description="The frame or polarity this side reports.")
    date: str = Field(description="The day of this side's articles; both sides share it.")
    outlets: list[str] = Field(min_length=1)
    articles: list[str] = Field(min_length=1)
    evidence: list[Quote] = Field(min_length=1)


class Divergence(_Model):
    id: str
    kind: DivergenceKind
    subject: str
    actors: list[str] = Field(description="Actor ids concerned (an ISO3 code for a country with no actor).")
    date: str = Field(description="The day compared: divergence is only between articles of one day.")
    description: str
    rule: str = Field(description="The rule that flagged it (see docs/brief.md).")
    sides: list[DivergenceSide] = Field(min_length=2)
    items: list[str] = Field(default_factory=list, description="Ids of items whose evidence is involved.")


class Headline(_Model):
    ref: str = Field(description="Id of the item or divergence.")
    kind: str = Field(description="stance, condition, red_line or divergence.")
    text: str = Field(description="A short statement: holder, polarity, topic, condition; never a cut quote.")
    reasons: list[str]
    evidence: list[str] = Field(min_length=1, description="Quote ids.")


class Gone(_Model):
    """An item of the previous brief that no article reports today."""

    id: str
    kind: str
    holder: str
    text: str


class NoveltyReport(_Model):
    previous_date: str
    new: int
    changed: int
    repeated: int
    gone: list[Gone] = Field(default_factory=list)


class Verification(_Model):
    quotes_checked: int
    quotes_dropped: int
    items_dropped: int
    duplicates_dropped: int = Field(default=0, description="A state's items that repeat its official's statement.")
    reasons: list[str] = Field(default_factory=list)


class ExtractedBy(_Model):
    """A provider and model, and how many of the brief's articles they extracted."""

    provider: str
    model: str
    articles: int


class Brief(_Model):
    """A daily brief over several articles; see docs/brief.md."""

    brief_version: str = BRIEF_VERSION
    schema_version: str = SCHEMA_VERSION
    date: str = Field(description="The day the brief is for, YYYY-MM-DD.")
    extracted_by: list[ExtractedBy] = Field(default_factory=list, description="Who extracted the items.")
    include_undated: bool = Field(default=False, description="Whether articles with no date were taken.")
    sources: list[Source]
    left_out: list[LeftOut] = Field(default_factory=list, description="Inputs not dated the brief's day.")
    actors: list[Actor]
    merges: list[MergeNote] = Field(default_factory=list)
    ambiguous: list[str] = Field(default_factory=list, description="Mentions left unmerged because several fit.")
    headlines: list[Headline] = Field(default_factory=list)
    stances: list[BriefStance] = Field(default_factory=list)
    conditions: list[BriefCondition] = Field(default_factory=list)
    red_lines: list[BriefRedLine] = Field(default_factory=list)
    divergences: list[Divergence] = Field(default_factory=list)
    novelty: Optional[NoveltyReport] = None
    verification: Verification

    def to_markdown(self) -> str:
        from summarizer.brief.render_markdown import render_markdown

        return render_markdown(self)

    def to_html(self) -> str:
        """One self-contained page: stylesheet and script inlined."""
        from summarizer.brief.render_html import render_html

        return render_html(self)

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"
