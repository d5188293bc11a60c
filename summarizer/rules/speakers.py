"""Who says what: the speaker of a sentence from cue verbs, quotes and pronoun carry-over.

Patterns: 'X said (that) ...', '"...," X said', 'said X', 'according to X',
'He stressed ...' (the last named person who spoke), a sentence that is only a
quotation (the previous speaker), and 'X rejected ...' (a position the article
attributes, not a quotation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.rules.actors import Mention, inside, quote_spans, subject_candidates
from summarizer.rules.lexicon import ACCORDING_RE, CUE_RE, ROLE_NOUNS, SOURCE_VERBS, SPEECH_SET
from summarizer.entities.gazetteer import Actor

_BOUNDARY = re.compile(r"\bthat\b|[;:”]|\"(?=\s)")
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
_RELATIVE = re.compile(r"\b(?:who|which)\b")
_ROLE_SUBJECT = re.compile(r"\bthe\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(ROLE_NOUNS)) + r")\b", re.I)
_THAT = re.compile(  # "said on Monday that", "told reporters that", "added in a statement that"
    r"^\s*(?:(?:(?:on|in|at|during|after|before|last|this|earlier|later|yesterday|today|also|further|to)\b"
    r"[\w’'\s-]{0,40}?|[\w’'-]+)\s+)?that\s+", re.I)
_QUOTE_CHARS = "“”\"‘’"


@dataclass
class Speech:
    """The speaker of a sentence and what they are reported to say."""

    holder: Actor
    surface: str  # the holder as this sentence names it
    verb: str  # "said", "rejected", ... ("" for a bare quotation)
    content: str  # what is said, without the attribution
    attribution: str  # direct_quote | reported_speech | author_claim


def has_quotation(text: str) -> bool:
    """A quotation of at least four words (shorter ones are scare quotes inside reported speech)."""
    return any(len(text[s:e].split()) >= 4 for s, e in quote_spans(text))


def quotes_speaker(text: str, cue: re.Match[str] | None) -> bool:
    """The sentence quotes its speaker: a quotation that is most of it, opens it, or follows the cue."""
    words = len(text.split()) or 1
    for s, e in quote_spans(text):
        quoted = len(text[s:e].split())
        if quoted < 4:
            continue
        if quoted / words >= 0.4 or not text[:s].strip() or (cue is not None and 0 <= s - cue.end() <= 3):
            return True
    return False


def _attribution(text: str, verb: str, cue: re.Match[str] | None = None) -> str:
    if quotes_speaker(text, cue):
        return "direct_quote"
    return "reported_speech" if " ".join(verb.split()) in SPEECH_SET or verb == "according to" else "author_claim"


def _longest_quote(text: str) -> str:
    spans = quote_spans(text)
    if not spans:
        return ""
    s, e = max(spans, key=lambda span: span[1] - span[0])
    return text[s:e].strip(_QUOTE_CHARS + " ,.")


def _rank(cue: re.Match[str]) -> int:
    """2 speech verb, 1 position verb, 0 source verb."""
    verb = " ".join(cue.group(0).split())
    return 0 if verb in SOURCE_VERBS else 2 if verb in SPEECH_SET else 1


class SpeakerTracker:
    """Reads the sentences of one text in order, carrying the last speaker forward."""

    def __init__(self) -> None:
        self.last_person: Mention | None = None
        self.last_speaker: Mention | None = None

    def speech(self, text: str, mentions: list[Mention]) -> Speech | None:
        if self._is_label(text, mentions):
            return None
        quotes = quote_spans(text)
        found: tuple[Mention, re.Match[str]] | None = None
        for cue in CUE_RE.finditer(text):
            if inside(cue.start(), quotes):
                continue
            subject = self._subject(text, mentions, cue)
            if subject is None:
                continue
            if subject.actor.kind == "person":
                self.last_person = subject
            # the last speech verb wins, then a position verb, then a source ("reported")
            if found is None or _rank(cue) >= _rank(found[1]):
                found = (subject, cue)
        if found is not None:
            subject, cue = found
            self.last_speaker = subject
            after = text[cue.end():]
            content = (_THAT.sub("", after, count=1) if _rank(cue) != 1 else after).strip(" ,.")
            if len(content.split()) < 3:
                content = _longest_quote(text) or text[: cue.start()].strip(" ,.")
            verb = " ".join(cue.group(0).split())
            return Speech(subject.actor, subject.surface, verb, content, _attribution(text, verb, cue))
        return self._according_to(text, mentions) or self._continued_quote(text)

    def _is_label(self, text: str, mentions: list[Mention]) -> bool:
        """'Esmail Baghaei:' on its own line introduces the quotations that follow."""
        people = [m for m in mentions if m.actor.kind == "person"]
        if people and text.rstrip().endswith(":") and len(text.split()) <= 5:
            self.last_speaker = self.last_person = people[-1]
            return True
        return False

    def _subject(self, text: str, mentions: list[Mention], cue: re.Match[str]) -> Mention | None:
        start = max((b.end() for b in _BOUNDARY.finditer(text, 0, cue.start())), default=0)
        window = text[start:cue.start()]
        candidates = subject_candidates(text, mentions, start, cue.start())
        people = [m for m in candidates if m.actor.kind == "person"]
        if people:
            return people[-1]
        if _PRONOUN.search(window) or (_ROLE_SUBJECT.search(window) and not candidates):
            return self.last_person
        if candidates:
            return candidates[-1]
        if _RELATIVE.search(window):
            before = [m for m in mentions if m.end <= start]
            return before[-1] if before else None
        after = [m for m in mentions if 0 <= m.start - cue.end() <= 3]
        return after[0] if after else None

    def _according_to(self, text: str, mentions: list[Mention]) -> Speech | None:
        match = ACCORDING_RE.search(text)
        if not match:
            return None
        after = [m for m in mentions if 0 <= m.start - match.end() <= 12]
        if not after:
            return None
        content = text[: match.start()].strip(" ,.")
        return Speech(after[0].actor, after[0].surface, "according to", content,
                      _attribution(text, "according to"))

    def _continued_quote(self, text: str) -> Speech | None:
        """A sentence that is only a quotation continues the last speaker's words."""
        stripped = text.strip()
        if self.last_speaker is None or not stripped or stripped[0] not in "“\"":
            return None
        if not has_quotation(text):
            return None
        speaker = self.last_speaker
        return Speech(speaker.actor, speaker.surface, "", _longest_quote(text), "direct_quote")
