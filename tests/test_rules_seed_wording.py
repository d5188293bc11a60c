"""No rule module carries the seeds' wording: the rules must follow grammar and the codebook, not four texts.

The list holds names and phrases distinctive of `seeds/*.txt` (people, outlets, section labels,
turns of phrase); general cues that the codebook itself lists (evals/GUIDELINES.md §4, §5) are
not in it. The test first checks that every entry really occurs in the seeds, so it cannot
pass by listing strings nobody would write.
"""

from __future__ import annotations

import re
from pathlib import Path

from clirun import ROOT

SEED_WORDING = [
    # people and handles
    "Bahreini", "Baghaei", "Pezeshkian", "drpezeshkian", "Araghchi", "Witkoff", "Khamenei", "Bagheri",
    "Darabi", "Vaez",
    # outlets and sources cited in the seeds
    "MENAFN", "MNTV", "Anadolu", "Press TV",
    # section labels of seed 002
    "Why it matters", "The big picture", "Go deeper", "What he's saying",
    # places and names used as labels there
    "West Asia", "Islamic Republic", "Interests Section", "Swiss Embassy",
    # distinctive turns of phrase
    "if the other side", "the other side decides", "who left the table", "at the table of negotiations",
    "12-day", "friendly governments", "free from threats", "dignity, prudence", "unilateral demands",
    "open communication channel",
]
RULE_MODULES = sorted((ROOT / "summarizer" / "rules").glob("*.py"))


def _seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[’']", "'", text).lower().split())


def test_every_listed_phrase_is_really_from_the_seeds() -> None:
    seeds = _folded(_seed_text())
    missing = [p for p in SEED_WORDING if _folded(p) not in seeds]
    assert not missing, f"not in seeds/*.txt (fix the list): {missing}"
    assert len(SEED_WORDING) >= 30


def test_no_rule_module_contains_seed_wording() -> None:
    assert RULE_MODULES, "summarizer/rules/*.py not found"
    found = [(path.name, phrase) for path in RULE_MODULES for phrase in SEED_WORDING
             if _folded(phrase) in _folded(path.read_text(encoding="utf-8"))]
    assert not found, f"seed wording in rule modules (write the rule from grammar or the codebook): {found}"


def test_the_check_can_fail(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text('CUES = ["if the other side"]\n', encoding="utf-8")
    assert any(_folded(p) in _folded(planted.read_text(encoding="utf-8")) for p in SEED_WORDING)
