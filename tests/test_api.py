"""The public Python API (`import summarizer`): the same records as the command, data frames, evaluation
from records without a model, `python -m summarizer`, and the rule extractor named `rules` everywhere."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import summarizer
from clirun import ROOT, summarize
from summarizer.errors import InputError, MissingExtra
from summarizer.frame import columns

TALKS = ("Talks in Oslo\n"
         "Norway's foreign minister Kari Lunde said Norway supports new talks on the fishing dispute.\n"
         "Lunde said Oslo will host the talks only if both fleets leave the disputed waters.\n"
         "Iceland's fisheries minister Bjorn Arason rejected the proposal, saying Iceland will never accept "
         "quotas set by its neighbours.\n")


def _without_timings(record: dict) -> dict:  # type: ignore[type-arg]
    return {**record, "provenance": {k: v for k, v in record["provenance"].items()
                                     if k not in ("latency_s", "created_at")}}


def test_extract_from_text_path_and_article_gives_the_commands_record(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(TALKS, encoding="utf-8")
    from_path = summarizer.extract(path, schema="all", provider="rules")
    from_text = summarizer.extract(TALKS, schema="all", provider="rules")
    from_article = summarizer.extract(summarizer.Article("mine", "mine", TALKS), schema="all", provider="rules")
    cli = summarize("--schema", "all", "--provider", "rules", "--no-cache", str(path))
    assert cli.returncode == 0, cli.stderr
    assert _without_timings(from_path.to_dict()) == _without_timings(json.loads(cli.stdout))
    assert from_text.result == from_path.result and from_text.ok
    assert from_article.result.stances == from_path.result.stances  # a bare Article has no title: the rest agrees
    assert from_text.article.id.startswith("text-") and from_text.provenance.provider == "rules"
    assert from_path.result.stances == from_path.result["stances"]  # attribute reading of the same data
    for item in from_path.result.stances:
        quote = item.evidence[0]
        assert TALKS[quote.start:quote.end] == quote.quote


def test_extract_many_keeps_input_order_and_a_bad_path_fails_before_any_work(tmp_path: Path) -> None:
    texts = [TALKS.replace("Oslo", city) for city in ("Oslo", "Bergen", "Tromso")]
    records = list(summarizer.extract_many(texts, schema="stance", provider="rules", concurrency=2))
    assert [r.article.id for r in records] == [summarizer.extract(t, provider="rules").article.id for t in texts]
    with pytest.raises(InputError, match="no-such.txt"):
        list(summarizer.extract_many([TALKS, tmp_path / "no-such.txt"], provider="rules"))
    with pytest.raises(TypeError, match="max_tokens"):
        summarizer.extract(TALKS, provider="rules", max_token=5)


def test_providers_by_name_or_object_and_openai_needs_a_model() -> None:
    rules = summarizer.providers.get("rules")
    assert rules.name == "rules" and summarizer.providers.get("baseline").name == "rules"
    record = summarizer.extract(TALKS, provider=rules)
    assert record.provenance.provider == "rules"
    with pytest.raises(InputError, match="model"):
        summarizer.providers.OpenAIProvider(base_url="http://127.0.0.1:9/v1", model=None)
    endpoint = summarizer.providers.OpenAIProvider(base_url="http://127.0.0.1:9/v1", model="m", cache=False)
    assert endpoint.name == "openai" and endpoint.model == "m"
    endpoint.close()


@pytest.mark.parametrize("field", ["stances", "conditions", "red_lines", "participants"])
def test_to_frame_has_one_row_per_item_with_its_fields_quote_and_provenance(field: str) -> None:
    records = [summarizer.extract(TALKS, schema="all", provider="rules")]
    frame = summarizer.to_frame(records, field=field)
    items = records[0].result[field]
    assert list(frame.columns) == columns(field) and len(frame) == len(items)
    names = {p["id"]: p["name"] for p in records[0].result["participants"]}
    for row, item in zip(frame.to_dict("records"), items):
        holder = item["id"] if field == "participants" else item["holder"]
        assert (row["holder"], row["holder_name"]) == (holder, names.get(holder))
        assert (row["quote"], row["start"], row["end"]) == tuple(item["evidence"][0][k] for k in ("quote", "start", "end"))
        assert (row["provider"], row["model"]) == ("rules", records[0].provenance.model)
        assert row["article"] == records[0].article.id


def test_to_frame_without_pandas_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what an install without the extra has
    with pytest.raises(MissingExtra, match=r"summarizer\[frame\]"):
        summarizer.to_frame([])


def test_evaluate_rescores_records_and_saved_runs_without_a_model_like_a_live_run(tmp_path: Path) -> None:
    gold = ROOT / "evals" / "gold" / "seeds"
    live = summarizer.evaluate(gold, "rules")
    records = list(summarizer.extract_many(sorted((ROOT / "seeds").glob("*.txt")), "all", "rules"))
    saved = tmp_path / "run.jsonl"
    saved.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")
    for again in (summarizer.evaluate(gold, records), summarizer.evaluate(gold, saved)):
        assert again.runs[0].label == live.runs[0].label == "rules"
        assert again.runs[0].composite == live.runs[0].composite and live.runs[0].composite is not None


def test_records_written_as_baseline_load_as_rules() -> None:
    record = summarizer.extract(TALKS, provider="rules").to_dict()
    record["provenance"]["provider"] = "baseline"
    assert summarizer.Record.model_validate(record).provenance.provider == "rules"
    assert "baseline" not in json.dumps(summarizer.extract(TALKS, provider="rules").to_dict())


def test_python_dash_m_summarizer_is_the_command_and_the_package_is_typed(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(TALKS, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "summarizer", "--provider", "baseline", "--no-cache", str(path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["provenance"]["provider"] == "rules"
    assert "summarize: provider rules, model " in done.stderr and "baseline" not in done.stderr
    assert (Path(summarizer.__file__).parent / "py.typed").is_file()


def test_brief_of_text_records_needs_their_texts_and_a_missing_run_file_is_named(tmp_path: Path) -> None:
    dated = "---\ndate: 2031-05-02\noutlet: Harbour Post\n---\n" + TALKS
    record = summarizer.extract(dated, schema="all", provider="rules")
    with pytest.raises(InputError, match="text of this record's article is unknown"):
        summarizer.brief([record])
    brief = summarizer.brief([record], texts={record.article.source: summarizer.api.as_article(dated).text})
    assert brief.date == "2031-05-02" and [s.id for s in brief.sources] == [record.article.id]
    assert json.loads(brief.to_json())["date"] == "2031-05-02" and brief.to_html().lstrip().startswith("<!")
    with pytest.raises(InputError, match="missing.jsonl"):
        summarizer.evaluate(ROOT / "evals" / "gold" / "seeds", tmp_path / "missing.jsonl")


def test_extract_many_to_a_jsonl_file_resumes_only_what_is_missing(tmp_path: Path) -> None:
    texts = [TALKS.replace("Oslo", city) for city in ("Oslo", "Bergen", "Tromso")]
    out = tmp_path / "records.jsonl"
    first = list(summarizer.extract_many(texts[:2], provider="rules", output=out))
    with pytest.raises(InputError, match="already holds results"):
        list(summarizer.extract_many(texts, provider="rules", output=out))
    rest = list(summarizer.extract_many(texts, provider="rules", output=out, resume=True))
    assert [r.article.id for r in rest] == [summarizer.api.as_article(texts[2]).id]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["article"]["id"] for r in lines] == [r.article.id for r in first + rest]


def test_extract_and_brief_are_callable_whichever_import_came_first() -> None:
    code = ("import summarizer.extract.pipeline, summarizer.brief.build, summarizer\n"
            "import summarizer.extract.grounding as g\n"
            "record = summarizer.extract('Talks in Oslo\\nNorway said it supports new talks on fishing.\\n', "
            "provider='rules')\n"
            "print(record.provenance.provider, callable(summarizer.brief), g.__name__)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["rules", "True", "summarizer.extract.grounding"]


def test_one_line_texts_that_cannot_be_file_names_are_read_as_text() -> None:
    long_line = "Norway's foreign minister Kari Lunde said Norway supports new talks on the fishing dispute. " * 4
    for text in (long_line, "Kari Lunde said Norway supports new talks\x00 on fishing."):
        record = summarizer.extract(text, provider="rules")
        assert record.ok and record.article.id.startswith("text-") and record.article.chars == len(text)


def test_briefs_by_day_gives_each_day_its_own_articles_against_the_day_before() -> None:
    days = ["2031-05-03", "2031-05-01"]
    texts = [f"---\ndate: {day}\noutlet: Harbour Post\n---\n" + TALKS.replace("Oslo", f"Oslo {i}")
             for i, day in enumerate(days)]
    briefs = summarizer.briefs_by_day(texts, provider="rules")
    assert [b.date for b in briefs] == sorted(days)
    assert all(len(b.sources) == 1 and not b.left_out for b in briefs)
    assert briefs[0].novelty is None and briefs[1].novelty.previous_date == "2031-05-01"
