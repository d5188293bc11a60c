"""README's example record states how many items the default provider gives for seed 001: checked by a run."""

from __future__ import annotations

import re

import summarizer
from clirun import ROOT

FIELDS = {"participant": "participants", "stance": "stances", "condition": "conditions", "red line": "red_lines"}


def test_readme_example_counts_come_from_a_run() -> None:
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    said = re.search(r"seeds/001_c4f4e3ce92e2f73e\.txt` with the default provider, (.*?)\. ", text)
    assert said, "README no longer describes the seed 001 record"
    stated = {FIELDS[m.group(2)]: int(m.group(1)) for m in re.finditer(r"(\d+) (participant|stance|condition|red line)s?",
                                                                        said.group(1))}
    record = summarizer.extract(ROOT / "seeds" / "001_c4f4e3ce92e2f73e.txt", schema="all", provider="rules")
    measured = {field: len(record.result[field]) for field in stated}
    assert set(stated) == set(FIELDS.values())
    assert stated == measured, f"README says {stated}, a run gives {measured}: update README.md"
