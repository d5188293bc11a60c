"""Batch export/import: the live path's requests out, batch answers back in through the live path.

The model-free tests answer with a real local HTTP server (tests/faultserver.py);
the round trip at the end uses the real embedded llama.cpp server.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from forkcli import summarize
from faultserver import FaultServer, response_schema, shown_sentences
from summarizer.text.articles import read_article
from summarizer.extract.batch import OFFLINE_NOTE, capture_provider, placeholder, plan_requests
from summarizer.core.tasks import SCHEMAS, TASKS
from summarizer.extract.drafts import draft_model
from summarizer.extract.pipeline import ExtractOptions
from summarizer.llm.providers import ProviderConfig

ARTICLES = {
    "oslo": ("Ministers meet in Oslo over fishing rights\n"
             "Norway's foreign minister Anna Berg said on Monday that Oslo is ready to resume talks with Iceland.\n"
             "Iceland's prime minister Jon Olafsson rejected the proposal for new quotas.\n"),
    "lisbon": ("Lisbon hosts water talks\n"
               "Spain's environment minister Carlos Ruiz said Madrid supports a new treaty on the Tagus river.\n"
               "Portugal's foreign minister Rita Costa said Lisbon would never accept lower summer flows.\n"),
    "quito": ("Quito weighs border commission\n"
              "Ecuador's deputy minister Pablo Mena said Quito favours a joint border commission with Peru.\n"),
}
MODEL = ("--provider", "openai", "--model", "test-model")


def write(folder: Path, names: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        (folder / f"{name}.txt").write_text(ARTICLES[name], encoding="utf-8")
        paths.append(str(folder / f"{name}.txt"))
    return paths


def citing_stance(body: dict[str, Any]) -> Any:
    """A grounded stance answer: the last sentence shown, its first name as holder, its words as position."""
    if "stances" not in response_schema(body).get("properties", {}):
        return placeholder(response_schema(body))
    sid, sentence = max(shown_sentences(body).items())
    holder = re.findall(r"[A-Z][a-z]+ [A-Z][a-z]+", sentence)[-1]
    return {"stances": [{"holder": holder, "topic": "the talks", "polarity": "favor", "position": sentence[:150],
                         "attribution": "reported_speech", "sentences": [sid]}]}


def answer_all(requests: Path, server_url: str, results: Path) -> list[dict[str, Any]]:
    """What a batch engine does: POST every body, write one result line per request."""
    rows = []
    with httpx.Client(timeout=600) as client:
        for number, line in enumerate(requests.read_text().splitlines()):
            request = json.loads(line)
            response = client.post(server_url.removesuffix("/v1") + request["url"], json=request["body"])
            rows.append({"id": f"batch_req_{number}", "custom_id": request["custom_id"],
                         "response": {"status_code": response.status_code, "request_id": f"req-{number}",
                                      "body": response.json()}, "error": None})
    results.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return rows


def assert_grounded(record: dict[str, Any]) -> None:
    text = Path(record["article"]["source"]).read_text(encoding="utf-8")
    for items in record["result"].values():
        for item in items if isinstance(items, list) else []:
            for ev in item.get("evidence", []):
                assert text[ev["start"] : ev["end"]] == ev["quote"]


@pytest.mark.parametrize("prompt_name", sorted(TASKS))
def test_placeholder_answer_validates_for_every_draft(prompt_name: str) -> None:
    model = draft_model(prompt_name, 7)
    model.model_validate(placeholder(model.model_json_schema()))


def test_export_writes_exactly_the_live_requests(fault_server: FaultServer, tmp_path: Path) -> None:
    files = write(tmp_path / "in", ["oslo", "lisbon"])
    exported = summarize("batch", "export", "-s", "all", "-o", str(tmp_path / "requests.jsonl"), *MODEL, *files)
    assert exported.returncode == 0, exported.stderr
    assert fault_server.count == 0  # export calls no model
    live = summarize("-s", "all", *MODEL, "--base-url", fault_server.url, "--no-cache", *files)
    assert live.returncode == 0, live.stderr
    lines = [json.loads(line) for line in (tmp_path / "requests.jsonl").read_text().splitlines()]
    assert len(lines) == len(files) * len(SCHEMAS["all"].tasks) == fault_server.count
    assert len({line["custom_id"] for line in lines}) == len(lines)
    assert {(line["method"], line["url"]) for line in lines} == {("POST", "/v1/chat/completions")}
    canonical = sorted(json.dumps(line["body"], sort_keys=True) for line in lines)
    assert canonical == sorted(json.dumps(seen.body, sort_keys=True) for seen in fault_server.seen)


def test_identical_requests_are_exported_once(tmp_path: Path) -> None:
    files = write(tmp_path / "a", ["oslo"]) + write(tmp_path / "b", ["oslo"])
    result = summarize("batch", "export", "-o", str(tmp_path / "r.jsonl"), *MODEL, *files)
    assert result.returncode == 0 and "1 identical requests written once" in result.stderr
    assert len((tmp_path / "r.jsonl").read_text().splitlines()) == 1


def test_long_article_exports_one_request_per_chunk(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Talks in Oslo\n" + "".join(f"Minister Anna Berg said talks on item {i} went well.\n"
                                                 for i in range(40)))
    options = ExtractOptions(schema="stance", chunk_chars=400)
    provider = capture_provider(ProviderConfig(provider="openai", model="test-model"))
    try:
        [plan] = plan_requests([read_article(path)], provider, options)
    finally:
        provider.close()
    chunks = [r.custom_id.split(":")[3] for r in plan.requests]
    assert len(chunks) > 1 and chunks == [str(i) for i in range(1, len(chunks) + 1)]
    for request in plan.requests:  # every chunk shows different sentences, numbered globally
        assert request.key.startswith(request.custom_id.rsplit(":", 1)[1])
    assert len({r.key for r in plan.requests}) == len(plan.requests)


def test_import_grounds_batch_answers_without_calling_a_model(tmp_path: Path) -> None:
    files = write(tmp_path / "in", ["oslo", "lisbon"])
    requests, results, cache = tmp_path / "requests.jsonl", tmp_path / "results.jsonl", tmp_path / "cache"
    assert summarize("batch", "export", "-o", str(requests), *MODEL, *files).returncode == 0
    with FaultServer(responder=citing_stance) as server:
        rows = answer_all(requests, server.url, results)
        answered = server.count
        imported = summarize("batch", "import", str(results), "-f", "jsonl", "--cache-dir", str(cache),
                             *MODEL, *files)
        assert server.count == answered  # import made no call at all
        live = summarize("-f", "jsonl", "--replay", "--cache-dir", str(cache), *MODEL, *files)
    assert imported.returncode == 0, imported.stderr
    records = [json.loads(line) for line in imported.stdout.splitlines()]
    assert [r["article"]["source"] for r in records] == files
    for record, row in zip(records, rows):
        assert record["ok"] and len(record["result"]["stances"]) == 1
        usage = record["provenance"]["usage"]
        assert usage["calls"] == usage["cached_calls"] == 1
        assert usage["completion_tokens"] == row["response"]["body"]["usage"]["completion_tokens"]
        assert_grounded(record)
    # the answers sit under the live path's own keys: a normal replay run finds every one
    assert [json.loads(line)["result"] for line in live.stdout.splitlines()] == [r["result"] for r in records]


def test_failed_missing_and_invalid_answers_fail_only_their_article(tmp_path: Path) -> None:
    files = write(tmp_path / "in", ["oslo", "lisbon", "quito"])
    requests, results = tmp_path / "requests.jsonl", tmp_path / "results.jsonl"
    assert summarize("batch", "export", "-o", str(requests), *MODEL, *files).returncode == 0
    lines = [json.loads(line) for line in requests.read_text().splitlines()]
    ok = {"choices": [{"index": 0, "finish_reason": "stop",
                       "message": {"role": "assistant", "content": "this is not JSON"}}]}
    rows = [{"custom_id": lines[0]["custom_id"], "response": None, "error": {"code": "x", "message": "quota hit"}},
            {"custom_id": lines[1]["custom_id"], "response": {"status_code": 200, "body": ok}, "error": None}]
    results.write_text("".join(json.dumps(r) + "\n" for r in rows))  # no line for the third article
    result = summarize("batch", "import", str(results), "-f", "jsonl", "--cache-dir", str(tmp_path / "c"),
                       *MODEL, *files)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["ok"] for r in records] == [False, False, False]
    assert "quota hit" in records[0]["error"] and lines[0]["custom_id"] in records[0]["error"]
    assert "validation" in records[1]["error"] and OFFLINE_NOTE in records[1]["error"]
    assert "no result for request" in records[2]["error"]
    assert records[1]["provenance"]["usage"]["calls"] == 1  # the answer was tried once, never re-asked


@pytest.mark.parametrize("line,phrase", [
    ("not json", "not a JSON line"),
    ('{"custom_id": "someone-else-42", "response": null}', "was not written by `summarize batch export`"),
])
def test_bad_results_file_is_a_clear_input_error(tmp_path: Path, line: str, phrase: str) -> None:
    files = write(tmp_path / "in", ["oslo"])
    results = tmp_path / "results.jsonl"
    results.write_text("\n" + line + "\n")
    result = summarize("batch", "import", str(results), *MODEL, "--cache-dir", str(tmp_path / "c"), *files)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{results}:2" in result.stderr and phrase in result.stderr and result.stdout == ""


def test_rules_cannot_export(tmp_path: Path) -> None:
    files = write(tmp_path / "in", ["oslo"])
    result = summarize("batch", "export", "--provider", "rules", "-o", str(tmp_path / "r.jsonl"), *files)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "calls no model" in result.stderr
    assert not (tmp_path / "r.jsonl").exists()


@pytest.mark.slow  # a real llama.cpp server answering every request: minutes
def test_round_trip_through_the_embedded_server(tmp_path: Path) -> None:
    """Export, answer every body with the real llama.cpp server over HTTP, stop it, import."""
    from summarizer.llm.embedded import EmbeddedServer, default_model_path

    files = write(tmp_path / "in", ["oslo", "lisbon"])
    requests, results, cache = tmp_path / "requests.jsonl", tmp_path / "results.jsonl", tmp_path / "cache"
    assert summarize("batch", "export", "--provider", "local", "-o", str(requests), *files).returncode == 0
    server = EmbeddedServer(default_model_path(), slots=1)
    try:
        rows = answer_all(requests, server.url + "/v1", results)
    finally:
        server.close()
    assert all(row["response"]["status_code"] == 200 for row in rows)
    imported = summarize("batch", "import", str(results), "--provider", "local", "-f", "jsonl", "--cache-dir", str(cache),
                         *files)
    assert "Traceback" not in imported.stderr
    records = [json.loads(line) for line in imported.stdout.splitlines()]
    assert len(records) == 2
    for record, row in zip(records, rows):
        usage = record["provenance"]["usage"]
        assert usage["calls"] == usage["cached_calls"] == 1  # no model was running: all from the batch
        assert usage["completion_tokens"] == row["response"]["body"]["usage"]["completion_tokens"] > 0
        if record["ok"]:
            assert_grounded(record)
        else:  # a model answer that fails validation must be reported, never hidden
            assert OFFLINE_NOTE in record["error"] and imported.returncode == 1
