"""Hand-made extraction records over small invented articles: brief logic without a model.

Evidence is given as quotes; offsets are found in the article text here, so every
record is what a correct extractor would produce.
"""

from __future__ import annotations

import hashlib
from typing import Any

from summarizer.core.records import ArticleInfo, ExtractionRecord, Provenance
from summarizer.core.schemas import ArticleMeta, slugify

ALPHA = (
    "Egypt says contacts with Ethiopia are not negotiations\n"
    "CAIRO (ALN) – Egyptian Foreign Minister Sameh Shoukry said on Monday that exchanges of messages between "
    "Egypt and Ethiopia continue, but they cannot be described as formal negotiations.\n"
    "Shoukry said Cairo supports a binding agreement on the dam.\n"
    "He said Egypt will accept talks only if Ethiopia stops filling the reservoir.\n"
    "The minister said any unilateral filling is a red line for Cairo.\n"
)
BETA = (
    "Cairo and Addis Ababa envoys to meet next week\n"
    "Egypt's foreign minister and Ethiopian officials are expected to meet in Khartoum next week, diplomats said.\n"
    "Foreign Minister Sameh Shoukry rejected a binding agreement on the dam, according to officials.\n"
    "Shoukry said Egypt would only join talks if Ethiopia stops filling the reservoir first.\n"
)
GAMMA = (
    "Ethiopia rejects Egyptian demands\n"
    "ADDIS ABABA (GMW) – Ethiopia's prime minister Abiy Ahmed said the reservoir filling will continue.\n"
    "Abiy said Addis Ababa will never accept a halt to the filling.\n"
)


def ev(text: str, quote: str) -> dict[str, Any]:
    start = text.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote), "speaker": None}


def participant(text: str, name: str, kind: str, quote: str, role: str | None = None,
                country: str | None = None, aliases: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"id": slugify(name), "name": name, "kind": kind, "role": role, "country": country,
            "aliases": list(aliases), "evidence": [ev(text, quote)]}


def stance(text: str, holder: str, topic: str, polarity: str, quote: str, position: str = "") -> dict[str, Any]:
    return {"holder": holder, "topic": topic, "polarity": polarity, "position": position or f"{polarity} {topic}",
            "attribution": "reported_speech", "evidence": [ev(text, quote)]}


def condition(text: str, holder: str, conditions: str, requirement: str, quote: str) -> dict[str, Any]:
    return {"holder": holder, "conditions": conditions, "requirement": requirement, "evidence": [ev(text, quote)]}


def red_line(text: str, holder: str, line: str, quote: str, kind: str = "refusal",
             consequence: str | None = None) -> dict[str, Any]:
    return {"holder": holder, "line": line, "kind": kind, "consequence": consequence,
            "explicit": "red line" in quote.lower(), "evidence": [ev(text, quote)]}


DAY = "2026-03-02"


def record(article_id: str, text: str, outlet: str | None, date: str | None = DAY,
           made_by: tuple[str, str] = ("hand", "made"), **result: Any) -> ExtractionRecord:
    """The record a correct extractor would write for `text`; `outlet`/`date` None: the article states none."""
    meta = ArticleMeta(title=text.splitlines()[0], outlet=outlet, date=date)
    full = {"meta": meta.model_dump(), "summary": "", "summary_evidence": [], "participants": [], "stances": [],
            "conditions": [], "red_lines": [], **result}
    info = ArticleInfo(id=article_id, source=f"/articles/{article_id}.txt",
                       sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text), meta=meta)
    provenance = Provenance(tool_version="test", provider=made_by[0], model=made_by[1], schema_version="1.0.0")
    return ExtractionRecord(article=info, schema_name="all", ok=True, result=full, provenance=provenance)


def failed(article_id: str, error: str = "red-lines: endpoint unreachable", date: str | None = DAY) -> ExtractionRecord:
    """An article that was read (it has a date and a sha256) but whose extraction failed."""
    info = ArticleInfo(id=article_id, source=f"/articles/{article_id}.txt", sha256="0" * 64,
                       meta=ArticleMeta(date=date))
    return ExtractionRecord(article=info, schema_name="all", ok=False, error=error)


def day_one(date: str = DAY) -> tuple[list[ExtractionRecord], dict[str, str]]:
    """Three outlets, all dated `date`; Alpha and Beta disagree on Shoukry's stance and frame the contacts differently."""
    alpha = record("alpha", ALPHA, "ALN", date, participants=[
        participant(ALPHA, "Sameh Shoukry", "person", "Egyptian Foreign Minister Sameh Shoukry said on Monday",
                    role="Egyptian Foreign Minister", country="EGY"),
        participant(ALPHA, "Egypt", "state", "Shoukry said Cairo supports", aliases=("Cairo",)),
        participant(ALPHA, "Ethiopia", "state", "between Egypt and Ethiopia continue")],
        stances=[stance(ALPHA, "sameh-shoukry", "binding agreement on the dam", "favor",
                        "Shoukry said Cairo supports a binding agreement on the dam.")],
        conditions=[condition(ALPHA, "egypt", "talks", "Ethiopia stops filling the reservoir",
                              "He said Egypt will accept talks only if Ethiopia stops filling the reservoir.")],
        red_lines=[red_line(ALPHA, "egypt", "unilateral filling of the reservoir",
                            "The minister said any unilateral filling is a red line for Cairo.")])
    beta = record("beta", BETA, "Beta Wire", date, participants=[
        participant(BETA, "Foreign Minister Sameh Shoukry", "person", "Foreign Minister Sameh Shoukry rejected")],
        stances=[stance(BETA, "shoukry", "a binding agreement on the dam", "against",
                        "Foreign Minister Sameh Shoukry rejected a binding agreement on the dam, according to "
                        "officials.")],
        conditions=[condition(BETA, "egypt", "talks", "Ethiopia stops filling the reservoir first",
                              "Shoukry said Egypt would only join talks if Ethiopia stops filling the reservoir "
                              "first.")])
    gamma = record("gamma", GAMMA, "GMW", date, participants=[
        participant(GAMMA, "Abiy Ahmed", "person", "Ethiopia's prime minister Abiy Ahmed said",
                    role="prime minister of Ethiopia", country="ETH")],
        red_lines=[red_line(GAMMA, "abiy", "a halt to the filling",
                            "Abiy said Addis Ababa will never accept a halt to the filling.")])
    texts = {"/articles/alpha.txt": ALPHA, "/articles/beta.txt": BETA, "/articles/gamma.txt": GAMMA}
    return [alpha, beta, gamma], texts
