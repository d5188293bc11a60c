"""`--show-dropped`: every item grounding rejected is printed on stderr with what it said and why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from articlegen import citing_answer, write_articles
from forkcli import summarize  # a real process, forked with the imports done
from faultserver import FaultServer

INVENTED = "Zorblax Quuen"  # a holder no article of articlegen names


def one_invented_holder(body: dict[str, Any]) -> Any:
    """The well-behaved answer, except that its first stance is held by someone the article never names."""
    answer = citing_answer(body)
    if answer.get("stances"):
        answer["stances"][0]["holder"] = INVENTED
    return answer


def run(server: FaultServer, tmp_path: Path, *flags: str) -> tuple[int, str, str]:
    server.responder = one_invented_holder
    [article] = write_articles(tmp_path / "in", 1)
    result = summarize("--no-cache", "--provider", "openai", "--model", "m", "--base-url", server.url,
                       "--schema", "stance", *flags, str(article))
    return result.returncode, result.stdout, result.stderr


def dropped_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("summarize: dropped ")]


def test_show_dropped_lists_the_item_its_text_and_its_reason(fault_server: FaultServer, tmp_path: Path) -> None:
    code, out, err = run(fault_server, tmp_path, "--show-dropped")
    assert code == 0 and out.startswith("{")
    [line] = dropped_lines(err)
    assert "article-001.txt stances: holder is not named in the article" in line
    assert INVENTED in line  # what the dropped item said
    stances = json.loads(out)["result"]["stances"]
    assert stances and all(s["holder"] != INVENTED for s in stances)  # grounding kept it out of the results


def test_without_the_flag_dropped_items_are_only_counted(fault_server: FaultServer, tmp_path: Path) -> None:
    code, out, err = run(fault_server, tmp_path)
    assert code == 0 and dropped_lines(err) == [] and INVENTED not in err
    assert json.loads(out)["provenance"]["dropped_count"] == 1
