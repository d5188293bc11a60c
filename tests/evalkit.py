"""Hand-made evaluation data: a made-up article (not a seed), its gold, and records built from it."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any, Optional

from summarizer.core.records import ArticleInfo, ExtractionRecord, PromptRef, Provenance
from summarizer.llm.usage import Usage

ARTICLE = (
    "Freedonia and Sylvania resume contacts\n"
    "Freedonia's foreign minister Rufus Firefly said on Monday that talks with Sylvania can resume only if "
    "Sylvania withdraws its troops from the border.\n"
    "\"We will never accept foreign troops on our soil,\" Firefly said.\n"
    "Sylvania's ambassador Carlo Trentino welcomed the offer of talks.\n"
    "Trentino warned that any blockade of the port would be met with force.\n"
)


def ev(quote: str, text: str = ARTICLE, speaker: Optional[str] = None) -> dict[str, Any]:
    start = text.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote), "speaker": speaker}


def participant(pid: str, name: str, kind: str, quote: str, role: Optional[str] = None,
                country: Optional[str] = None, aliases: Optional[list[str]] = None) -> dict[str, Any]:
    return {"id": pid, "name": name, "kind": kind, "role": role, "country": country, "aliases": aliases or [],
            "evidence": [ev(quote)]}


def stance(holder: str, topic: str, polarity: str, position: str, quote: str,
           attribution: str = "reported_speech") -> dict[str, Any]:
    return {"holder": holder, "topic": topic, "polarity": polarity, "position": position,
            "attribution": attribution, "evidence": [ev(quote)]}


GOLD: dict[str, list[dict[str, Any]]] = {
    "participants": [
        participant("rufus-firefly", "Rufus Firefly", "person", "foreign minister Rufus Firefly",
                    role="foreign minister", country="FRD", aliases=["Firefly"]),
        participant("freedonia", "Freedonia", "state", "Freedonia", country="FRD"),
        participant("sylvania", "Sylvania", "state", "Sylvania", country="SYL"),
        participant("carlo-trentino", "Carlo Trentino", "person", "ambassador Carlo Trentino",
                    role="ambassador", country="SYL", aliases=["Trentino"]),
    ],
    "stances": [
        stance("rufus-firefly", "talks with Sylvania", "favor",
               "Firefly is open to talks with Sylvania if troops withdraw",
               "talks with Sylvania can resume only if Sylvania withdraws its troops from the border"),
        stance("carlo-trentino", "the offer of talks", "favor", "Trentino welcomed the offer of talks.",
               "Carlo Trentino welcomed the offer of talks."),
    ],
    "conditions": [
        {"holder": "rufus-firefly", "conditions": "talks with Sylvania",
         "requirement": "Sylvania withdraws its troops from the border",
         "evidence": [ev("talks with Sylvania can resume only if Sylvania withdraws its troops from the border")]},
    ],
    "red_lines": [
        {"holder": "rufus-firefly", "line": "foreign troops on Freedonian soil", "kind": "refusal",
         "consequence": None, "explicit": False,
         "evidence": [ev("We will never accept foreign troops on our soil", speaker="rufus-firefly")]},
    ],
}


def gold() -> dict[str, list[dict[str, Any]]]:
    return copy.deepcopy(GOLD)


def gold_json(article_id: str, source: str, text: str = ARTICLE,
              items: Optional[dict[str, list[dict[str, Any]]]] = None) -> dict[str, Any]:
    return {"article_id": article_id, "source": source, "sha256": sha(text), "guidelines_version": "test",
            **(items if items is not None else gold())}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_gold_folder(folder: Path, articles: dict[str, str], split: Optional[str] = None) -> Path:
    """One article file and one gold file per (stem -> text); a text that starts with ARTICLE gets GOLD's items.

    With `split`, the gold files go to the sub-folder of that name (the split `summarize eval` reports).
    """
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    target = folder / "gold" / split if split else folder / "gold"
    target.mkdir(parents=True, exist_ok=True)
    up = "../../" if split else "../"
    for stem, text in articles.items():
        (folder / "articles" / f"{stem}.txt").write_text(text, encoding="utf-8")
        items = gold() if text.startswith(ARTICLE) else {"participants": [], "stances": [], "conditions": [], "red_lines": []}
        data = gold_json(stem, f"{up}articles/{stem}.txt", text, items)
        (target / f"{stem}.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    return folder / "gold"


def record(text: str, result: Optional[dict[str, Any]], *, ok: bool = True, error: Optional[str] = None,
           provider: str = "test", prompt_sha: str = "a" * 64, article_id: str = "a") -> ExtractionRecord:
    """A record as `summarize --schema all` writes it."""
    full = None
    if result is not None:
        full = {"meta": {"title": None, "outlet": None, "date": None}, "summary": "", "summary_evidence": [],
                "participants": [], "stances": [], "conditions": [], "red_lines": [], **result}
    prov = Provenance(tool_version="0", provider=provider, model="m", schema_version="1.0.0",
                      prompts=[PromptRef(name="stance", version="1", sha256=prompt_sha)],
                      usage=Usage(calls=5, total_tokens=100, server_prompt_ms=10.0, server_generation_ms=20.0),
                      latency_s=1.5, dropped_count=2)
    return ExtractionRecord(article=ArticleInfo(id=article_id, source=f"{article_id}.txt", sha256=sha(text),
                                                chars=len(text)),
                            schema_name="all", ok=ok, result=full if ok else None, error=error, provenance=prov)


def variants(n: int, first: int = 0) -> dict[str, str]:
    """n different articles that share ARTICLE's first lines, so GOLD's offsets hold in each."""
    return {f"art{i}": ARTICLE + f"A closing line, number {i}.\n" for i in range(first, first + n)}


def write_run(path: Path, records: list[ExtractionRecord]) -> Path:
    path.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")
    return path
