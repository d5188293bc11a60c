"""Made-up diplomacy articles and a model stand-in that cites them, for reliability tests.

The countries, people and places are invented, so nothing here is tuned to the
seed articles. `citing_answer` answers a chat request the way a well-behaved
model would: items that cite sentences the prompt actually shows, with a holder
and wording taken from those sentences, so they survive grounding.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from chatschema import minimal_instance, resolve, response_schema, shown_sentences

COUNTRIES = ["Norvania", "Estoria", "Kaldera", "Vesmark", "Torland", "Orsova", "Belmira", "Quessa"]
PEOPLE = ["Ilse Varga", "Tomas Brenn", "Mira Okafor", "Anton Desh", "Lena Sotto", "Karim Vell", "Ruth Amsel"]
ROLES = ["Foreign Minister", "Deputy Foreign Minister", "chief negotiator", "President", "envoy"]
CITIES = ["Calderon", "Port Ivel", "Sarnow", "Lisk", "Vantaa Bay", "Dormund"]
TOPICS = ["the fishing treaty", "the border commission", "sanctions relief", "the prisoner exchange",
          "the water-sharing accord", "the ceasefire monitors"]


def article_text(n: int, sentences: int = 8, seed: int = 0) -> str:
    """Article number n: a headline, a dateline and `sentences` reported sentences; unique code K-nnn-Q."""
    rng = random.Random(seed * 10_007 + n)
    a, b = rng.sample(COUNTRIES, 2)
    city = rng.choice(CITIES)
    lines = [f"{a} and {b} weigh new talks in {city}",
             f"{city}, May {1 + n % 28}, 2031 (Wire) - Officials met again on Monday. Reference code K-{n:03d}-Q."]
    for _ in range(sentences):
        person, role, topic = rng.choice(PEOPLE), rng.choice(ROLES), rng.choice(TOPICS)
        lines.append(rng.choice([
            f"{role} {person} of {a} said {a} would support {topic} if {b} withdrew its patrols.",
            f"{person}, the {role} of {b}, rejected {topic} and called the proposal premature.",
            f"{a} will never accept {topic} under pressure, {person} told reporters in {city}.",
            f"Diplomats from {b} said the talks on {topic} could resume within weeks.",
        ]))
    return "\n".join(lines) + "\n"


def code(n: int) -> str:
    """The text that identifies article n inside a prompt (for FaultServer.on)."""
    return f"K-{n:03d}-Q"


def write_articles(folder: Path, count: int, sentences: int = 8) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(1, count + 1):
        path = folder / f"article-{n:03d}.txt"
        path.write_text(article_text(n, sentences), encoding="utf-8")
        paths.append(path)
    return paths


def _holder(sentence: str) -> str:
    names = re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?", sentence)
    return names[0] if names else sentence.split()[0]


def _item(schema: dict[str, Any], root: dict[str, Any], sid: int, sentence: str) -> dict[str, Any]:
    item = minimal_instance(schema, root)
    words = " ".join(sentence.split()[:10])[:70]
    for name, value in list(item.items()):
        if name == "sentences":
            item[name] = [sid]
        elif name in ("holder", "name"):
            item[name] = _holder(sentence)
        elif "enum" not in (prop := resolve(schema["properties"][name], root)) and prop.get("type") == "string":
            item[name] = words
    return item


def citing_answer(body: dict[str, Any], per_chunk: int = 2) -> Any:
    """A grounded answer: one item for each of the last `per_chunk` sentences the prompt shows."""
    root = response_schema(body)
    shown = shown_sentences(body)
    answer = minimal_instance(root)
    picks = sorted(shown)[-per_chunk:]
    for field, prop in root.get("properties", {}).items():
        items = prop.get("items") if prop.get("type") == "array" else None
        if items and "sentences" in str(root.get("$defs", {})):
            item_schema = root["$defs"][items["$ref"].rsplit("/", 1)[-1]] if "$ref" in items else items
            answer[field] = [_item(item_schema, root, sid, shown[sid]) for sid in picks]
        elif field == "sentences" and picks:
            answer[field] = picks[:1]
        elif field == "summary" and picks:
            answer[field] = shown[picks[0]][:200]
    return answer
