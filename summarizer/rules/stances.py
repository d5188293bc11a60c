"""Stances: one per statement and named holder, polarity and topic read from the parse.

Codebook §3: a stance is a participant's attitude to a topic (support, rejection, a demand,
an assessment); polarity is towards the topic as worded (negation applied), the topic a noun
phrase; attribution from the statement's form. §2: one item per named holder of a joint
statement; a participant's words about another are the speaker's own stance only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable

from summarizer.extract.grounding import NEGATIONS, content_stems
from summarizer.rules.clauses import attitude, topic_of
from summarizer.rules.speakers import Holder, Speech, holder_name, subject_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

Item = dict[str, Any]
_NEGATION_WORDS = re.compile(r"\b(?:not|no|never|cannot|can't|won't|nor|neither|n't)\b", re.I)


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary."""
    text = " ".join(text.split()).strip(" ,;:“”\"")
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _third_party(speech: Speech, word: Any, resolve: Callable[[Any], list[Holder]],
                 countries: dict[str, str]) -> bool:
    """The attitude word's subject is another named actor, and it is no demand of the holder's."""
    if word is None or speech.root is speech.verb or word.dep_ in ("acomp", "attr", "oprd"):
        return False
    if any(c.lower_ in ("must", "should") for c in word.children):
        return False
    subj = subject_of(word)
    if subj is None or subj.pos_ == "PRON":
        return False
    others = {h[0] for h in resolve(subj)}
    own = {h[0] for h in speech.holders}
    own_states = {countries.get(a.name, a.country) for a in own}
    unknown = None in own_states and any(a.kind == "person" for a in own)  # an official of an unnamed state
    others -= {o for o in others if o.kind == "state" and (o.country in own_states or unknown)}
    return bool(others) and not others & own


def _negated(text: str) -> bool:
    return bool(_NEGATION_WORDS.search(text)) or bool(content_stems(text) & NEGATIONS)


def _negation_outside(doc: "Doc", speech: Speech) -> bool:
    """Grounding drops a position whose negation disagrees with its sentence; keep them in step."""
    return _negated(doc.text) != _negated(doc.text[speech.start:speech.end])


def stances(doc: "Doc", sentence_id: int, speeches: list[Speech], resolve: Callable[[Any], list[Holder]],
            article: str, countries: dict[str, str]) -> list[Item]:
    items: list[Item] = []
    for speech in speeches:
        if speech.root is None:
            continue
        polarity, word = attitude(speech.root, speech.tokens)
        if polarity != "neutral" and _third_party(speech, word, resolve, countries):
            polarity = "neutral"  # §2: what the holder says another actor did or wants is an assessment
        topic = topic_of(doc, speech.root, word, speech.tokens)
        if not topic:
            continue
        content = " ".join(doc.text[speech.start:speech.end].split())
        if _negation_outside(doc, speech):  # the position must not drop a negation its sentence states
            content = " ".join(doc.text.split())
        for actor, surface in speech.holders:
            holder = holder_name(actor, surface, article)
            verb = "" if speech.verb is None or speech.root is speech.verb else f" {speech.verb.text}"
            items.append({"holder": holder, "topic": shorten(topic, 80), "polarity": polarity,
                          "position": shorten(f"{holder}{verb} {content}", 200),
                          "attribution": speech.attribution, "sentences": [sentence_id]})
    return items
