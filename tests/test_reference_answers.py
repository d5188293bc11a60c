"""The committed reference answers (evals/runs/reference/): they answer the current prompts, and copy nothing of them.

Reference answers are a capable model's answers to the project's exact requests (docs/evaluation.md). A
prompt change must be followed by the answers it needs, and an answer must never take a name or a phrase
from the prompts themselves: that is a model copying the instructions instead of reading the article.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "evals" / "runs" / "reference"
ANSWERS = REFERENCE / "prompts.answers.jsonl"
# Names of the worked examples earlier prompt versions carried (v2 and the worse set): a model that saw them copied them.
EXAMPLE_NAMES = ("Porvania", "Lurian", "Ilsa Marrow", "Tovan Reel", "Osk Varn", "Rufus Firefly", "Freedonia")
_QUOTED = re.compile(r"[\"“]([^\"”\n]{3,120})[\"”]")


def _answers() -> list[tuple[str, Any]]:
    rows = [json.loads(line) for line in ANSWERS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["custom_id"], json.loads(row["response"]["body"]["choices"][0]["message"]["content"])) for row in rows]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _article_texts() -> dict[str, str]:
    paths = [*ROOT.glob("seeds/*.txt"), *ROOT.glob("evals/dev/articles/*.txt")]
    return {p.stem[:40]: p.read_text(encoding="utf-8").lower() for p in paths}  # a custom_id keeps 40 characters of the id


def prompt_phrases() -> set[str]:
    """The example names, and every quoted phrase of five words or more in the prompt templates (an example
    sentence; shorter quotes are cue words such as "according to", which articles and answers use freely)."""
    phrases = set(EXAMPLE_NAMES)
    for template in (ROOT / "prompts").glob("*.j2"):
        quoted = (m.strip() for m in _QUOTED.findall(template.read_text(encoding="utf-8")))
        phrases |= {q for q in quoted if len(q.split()) >= 5 and "..." not in q and "{" not in q}
    return phrases


def copied(answer: Any, article: str, phrases: set[str]) -> list[str]:
    """The prompt phrases an answer contains that its article does not: copied from the instructions."""
    article = article.lower()
    return [p for text in _strings(answer) for p in phrases if p.lower() in text.lower() and p.lower() not in article]


def test_no_reference_answer_copies_a_name_or_phrase_of_the_prompts() -> None:
    answers = _answers()
    assert len(answers) >= 140, "the reference answers of seeds + dev are missing"
    texts, phrases = _article_texts(), prompt_phrases()
    found = [(custom_id, p) for custom_id, answer in answers
             for p in copied(answer, texts[custom_id.split(":")[0]], phrases)]
    assert not found, found[:10]


def test_the_copy_check_catches_an_example_name_and_a_prompt_phrase() -> None:
    phrases = prompt_phrases()
    phrase = sorted(p for p in phrases if p not in EXAMPLE_NAMES)[0]
    answer = {"stances": [{"holder": "Osk Varn", "position": f"He said {phrase}.", "sentences": [2]}]}
    article = "Osk Varn met the envoy on Monday."  # the name is in this article, the phrase is not
    assert copied(answer, article, phrases) == [phrase]
    assert copied(answer, article + " " + phrase, phrases) == []


def test_reference_answers_cover_every_request_of_the_current_prompts(tmp_path: Path) -> None:
    """`evals/tools/reference.py pending` finds nothing to answer: the committed answers fit today's prompts."""
    out = tmp_path / "pending"
    result = subprocess.run([sys.executable, str(ROOT / "evals/tools/reference.py"), "pending", "--answers", str(ANSWERS),
                             "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    left = sorted(p.name for p in (out / "requests").glob("*.request.json"))
    assert left == [], f"{len(left)} requests of the current prompts have no reference answer: {result.stderr}"
