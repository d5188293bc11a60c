"""Sentence rules of the baseline: stance, condition, red line and lead, each a dict shaped like a draft item.

Every item cites the one sentence it was read from, and every string it
carries (topic, requirement, line, consequence) is cut from that sentence, so
grounding can always check it.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.rules import lexicon as lex
from summarizer.rules.actors import Mention, subject_candidates
from summarizer.rules.speakers import Speech
from summarizer.entities.gazetteer import Actor
from summarizer.text.segment import Sentence

_QUOTES = "“”\"‘’"
_OPENING = {"“": "”", "\"": "\""}
_SUBJECT_PRONOUN = re.compile(r"\b(?:we|i|it|he|she)\s+$", re.I)
Item = dict[str, Any]  # one draft item, as the draft models take it
_DATELINE = re.compile(r"^(?:[A-Z][\w ,.'’\[\]-]{0,60}?)?\([A-Z][\w .]{0,20}\)\s*[–—:-]?\s*")


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary."""
    text = " ".join(text.split()).strip(" ,;:" + _QUOTES)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def clause(text: str, start: int, min_words: int = 3) -> str:
    """Text from `start` to the next comma, semicolon or colon outside quotation marks.

    A clause that starts inside a quotation ends with it at the latest.
    """
    limit = len(text)
    if (mark := _open_quote(text[:start])) is not None and (found := text.find(mark, start)) >= 0:
        limit = found
    closing: str | None = None
    for i in range(start, limit):
        ch = text[i]
        if closing is None and ch in _OPENING:
            closing = _OPENING[ch]
        elif closing is not None and ch == closing:
            closing = None
        elif closing is None and ch in ",;:" and len(text[start:i].split()) >= min_words:
            return _unquoted(text[start:i])
    return _unquoted(text[start:limit].rstrip(" .!?" + _QUOTES))


def _open_quote(before: str) -> str | None:
    """The closing mark of the quotation `before` leaves open, if any."""
    if before.rfind("“") > before.rfind("”"):
        return "”"
    return "\"" if before.count("\"") % 2 else None


def _unquoted(text: str) -> str:
    """A paraphrase field needs no quotation marks (apostrophes stay)."""
    return " ".join(re.sub(r"[“”\"]", "", text).split()).strip(" ,")


def holder_name(actor: Actor, surface: str, text: str) -> str:
    """The canonical name when the text uses it, else the form the text does use ('Washington')."""
    if actor.kind == "person" or re.search(r"(?<!\w)" + re.escape(actor.name) + r"(?!\w)", text, re.I):
        return actor.name
    return surface


def topic(text: str, mentions: list[Mention], offset: int = 0) -> str | None:
    """The first diplomacy topic named in text[offset:], with its counterpart when one follows 'with'."""
    best: tuple[int, re.Match[str], str] | None = None
    for pattern, label in lex.TOPICS:
        match = pattern.search(text, offset)
        if match and (best is None or label_rank(label) < label_rank(best[2])):
            best = (match.start(), match, label)
    if best is None:
        return None
    _, match, label = best
    if label in lex.WITH_TOPICS:
        with_ = re.match(r"\s+(?:\w+\s+){0,2}?(?:with|between)\s+(?:the\s+)?", text[match.end():])
        if with_:
            at = match.end() + with_.end()
            partner = next((m for m in mentions if m.start == at and m.actor.kind != "person"), None)
            if partner is not None:
                return f"{label} with {partner.actor.name}"
    return label


def label_rank(label: str) -> int:
    return [lbl for _, lbl in lex.TOPICS].index(label)


def polarity(text: str) -> str:
    favor, against = bool(lex.FAVOR_RE.search(text)), bool(lex.AGAINST_RE.search(text))
    return "mixed" if favor and against else "favor" if favor else "against" if against else "neutral"


def stance(sentence: Sentence, speech: Speech, mentions: list[Mention], text: str) -> Item | None:
    content = speech.content or sentence.text
    subject = topic(content, mentions_in(content, sentence.text, mentions)) or topic(sentence.text, mentions)
    if subject is None:
        subject = shorten(" ".join(content.split()[:6]), 80)
    if not subject:
        return None
    holder = holder_name(speech.holder, speech.surface, text)
    said = f"{holder} {speech.verb} {content}" if speech.verb else f"{holder}: {content}"
    return {"holder": holder, "topic": shorten(subject, 80), "polarity": polarity(f"{speech.verb} {content}"),
            "position": shorten(said, 200), "attribution": speech.attribution, "sentences": [sentence.id]}


def mentions_in(part: str, whole: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions re-based onto `part`, a piece of `whole`."""
    at = whole.find(part)
    if at < 0:
        return []
    return [Mention(m.start - at, m.end - at, m.surface, m.actor, m.role) for m in mentions if m.start >= at]


def _holder(speech: Speech | None, sentence: Sentence, mentions: list[Mention], cue_at: int,
            text: str) -> str | None:
    if speech is not None:
        return holder_name(speech.holder, speech.surface, text)
    heads = subject_candidates(sentence.text, mentions, 0, cue_at)
    return holder_name(heads[-1].actor, heads[-1].surface, text) if heads else None


def condition(sentence: Sentence, speech: Speech | None, mentions: list[Mention], text: str) -> Item | None:
    s = sentence.text
    found = _condition_cue(s)
    if found is None:
        return None
    cue_start, cue_end = found
    requirement = clause(s, cue_end)
    conditioned = topic(s[:cue_start], mentions) or topic(s, mentions)
    if re.search(r"require|precondition", s[cue_start:cue_end], re.I):
        is_ = re.search(r"\b(?:is|are|was|were)\b", s[cue_end:])
        if is_:
            conditioned = topic(s[cue_end:cue_end + is_.start()], mentions) or conditioned
            requirement = clause(s, cue_end + is_.end())
    holder = _holder(speech, sentence, mentions, cue_start, text)
    if not holder or len(requirement.split()) < 2:
        return None
    conditioned = conditioned or shorten(" ".join(s[:cue_start].split()[-5:]), 80) or "its engagement"
    return {"holder": holder, "conditions": shorten(conditioned, 80), "requirement": shorten(requirement, 200),
            "sentences": [sentence.id]}


def _condition_cue(s: str) -> tuple[int, int] | None:
    """(start, end) of the first condition cue: fixed phrases, 'X based on' after talks, 'ready ... if'."""
    options: list[tuple[int, int]] = []
    if m := lex.CONDITION_RE.search(s):
        options.append((m.start(1), m.end(1)))
    for m in lex.BASED_ON_RE.finditer(s):
        if lex.ENGAGEMENT_RE.search(s, 0, m.start()):
            options.append((m.start(), m.end()))
            break
    favor = lex.FAVOR_RE.search(s)
    if favor and (m := lex.IF_RE.search(s, favor.end())):
        options.append((m.start(), m.end()))
    return min(options) if options else None


def red_lines(sentence: Sentence, speech: Speech | None, mentions: list[Mention], text: str) -> list[Item]:
    items: list[Item] = []
    for found in (_trigger(sentence.text), _refusal(sentence.text, mentions)):
        if found is None:
            continue
        line, kind, consequence, cue_at = found
        holder = _holder(speech, sentence, mentions, cue_at, text)
        if holder and len(line.split()) >= 2:
            items.append({"holder": holder, "line": shorten(line, 200), "kind": kind,
                          "consequence": shorten(consequence, 200) if consequence else None,
                          "sentences": [sentence.id]})
    return items


def _consequence(s: str, after: int = 0) -> str | None:
    match = lex.RESPONSE_RE.search(s, after) or lex.RESPONSE_RE.search(s)
    return re.split(r"\s+(?:if|in the event|should)\b", match.group(0))[0] if match else None


def _trigger(s: str) -> tuple[str, str, str | None, int] | None:
    """(line, kind, consequence, where) for 'red line is X', 'will respond if X', 'any attack would ...'."""
    if m := lex.RED_LINE_RE.search(s):
        after = re.match(r"\s+(?:[\w’'-]+\s+){0,5}?(?:is|are|was|were|would be|remains?)\s+", s[m.end():])
        line = clause(s, m.end() + after.end()) if after else clause(s, 0)
        kind = "trigger" if re.search(lex.ATTACK_WORDS, line, re.I) else "refusal"
        return line, kind, _consequence(s), m.start()
    consequence = _consequence(s)
    if consequence is None:
        return None
    for pattern in (lex.EVENT_RE, lex.RESPONSE_TO_RE):
        if m := pattern.search(s):
            return clause(s, m.start(1)), "trigger", consequence, m.start()
    if m := lex.ANY_ATTACK_RE.search(s):
        line = re.split(r"\s+(?:would|will|shall|could)\b", clause(s, m.start()))[0]
        return line, "trigger", _consequence(s, m.end()) or consequence, m.start()
    if m := lex.IF_RE.search(s):
        return clause(s, m.end()), "trigger", consequence, m.start()
    return None


def _refusal(s: str, mentions: list[Mention]) -> tuple[str, str, None, int] | None:
    for m in (m for pattern in lex.REFUSAL_RES for m in pattern.finditer(s)):
        start = m.start()
        if re.match(r"(?:will|would|shall|can|could)\b", m.group(1), re.I):
            subject = next((x.start for x in mentions if x.end == m.start() - 1), None)
            pronoun = _SUBJECT_PRONOUN.search(s[: m.start()])
            if subject is None and pronoun is None:
                continue  # "they will not recur": not an actor's refusal
            start = subject if subject is not None else pronoun.start() if pronoun else start
        return clause(s, start, min_words=2), "refusal", None, m.start()
    return None


def lead(sentences: list[Sentence], title: str | None, most: int = 2) -> Item | None:
    """The first `most` (one or two) sentences of running text: no headline, dateline, label or short line."""
    body = [s for s in sentences if _is_running_text(s.text, title)]
    if not body:
        return None
    chosen = body[:1]
    if most > 1 and len(body) > 1 and body[1].id == body[0].id + 1 and len(body[0].text) + len(body[1].text) < 480:
        chosen.append(body[1])
    summary = " ".join(_DATELINE.sub("", s.text, count=1) for s in chosen)
    return {"summary": shorten(summary, 500), "sentences": [s.id for s in chosen]}


def _is_running_text(text: str, title: str | None) -> bool:
    stripped = text.strip()
    return (stripped != (title or "").strip() and len(stripped.split()) >= 8 and stripped[-1] in ".!?”\"’)"
            and stripped[0] not in "—–-")
