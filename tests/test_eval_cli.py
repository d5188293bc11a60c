"""`summarize eval` end to end: saved runs, comparisons, exit codes, reports, replay.

Made-up articles (tests/evalkit.py) everywhere except the last tests, which
replay the committed recordings of the embedded model on the seeds.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser import dump_dom
from clirun import ROOT
from forkcli import summarize
from evalkit import gold, record, variants, write_gold_folder, write_run
from faultserver import Fault, FaultServer, fast_config
from summarizer.evaluation.gold import gold_hash

def four_articles(tmp_path: Path, n: int = 4) -> tuple[Path, dict[str, str]]:
    texts = variants(n)
    return write_gold_folder(tmp_path, texts), texts


def perfect_run(path: Path, texts: dict[str, str], prompt_sha: str = "a" * 64, drop: str | None = None) -> Path:
    results = []
    for stem, text in texts.items():
        items = gold()
        if drop:
            items[drop] = []
        results.append(record(text, items, article_id=stem, prompt_sha=prompt_sha))
    return write_run(path, results)


def report(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    out = tmp_path / "report.json"
    result = summarize("eval", *args, "--no-baseline", "--json", str(out))
    return result, (json.loads(out.read_text()) if out.exists() else {})


def test_a_perfect_run_scores_one(tmp_path):
    gold_dir, texts = four_articles(tmp_path)
    run = perfect_run(tmp_path / "run.jsonl", texts)
    result, data = report(tmp_path, "--gold", str(gold_dir), "--from-run", str(run))
    assert result.returncode == 0, result.stderr
    summary = data["runs"][0]
    assert summary["composite"] == 1.0 and summary["schema_validity_rate"] == 1.0
    assert summary["fields"]["stances"]["class_strict"]["f1"] == 1.0
    assert data["gold"]["hash"] == gold_hash(gold_dir)


def test_a_failed_or_missing_article_is_scored_empty_and_fails_the_gate(tmp_path):
    gold_dir, texts = four_articles(tmp_path)
    stems = list(texts)
    records = [record(texts[s], gold(), article_id=s) for s in stems[:2]]
    records.append(record(texts[stems[2]], None, ok=False, error="stance: model output failed validation",
                          article_id=stems[2]))
    result, data = report(tmp_path, "--gold", str(gold_dir), "--from-run", str(write_run(tmp_path / "r.jsonl", records)))
    assert result.returncode == 5
    summary = data["runs"][0]
    assert [a["composite"] for a in summary["articles"]] == [1.0, 1.0, 0.0, 0.0]
    assert summary["failed_articles"] == [stems[2], stems[3]] and summary["missing_articles"] == [stems[3]]
    # pooled: every field has tp 2n, predicted 2n, gold 4n -> P 1, R 1/2, F1 2/3 (the per-article mean is 1/2)
    assert summary["composite"] == pytest.approx(2 / 3, abs=1e-6)
    assert summary["fields"]["stances"]["ident"] == {"tp": 4.0, "n_pred": 4, "n_gold": 8, "precision": 1.0,
                                                     "recall": 0.5, "f1": pytest.approx(2 / 3, abs=1e-6)}
    assert "schema-invalid or failed output" in result.stdout


def test_a_run_against_itself_is_inconclusive(tmp_path):
    gold_dir, texts = four_articles(tmp_path)
    run = perfect_run(tmp_path / "run.jsonl", texts, drop="conditions")
    result, data = report(tmp_path, "--gold", str(gold_dir), "--from-run", str(run), "--compare", str(run))
    assert result.returncode == 0, result.stderr
    assert data["comparison"]["verdict"] == "inconclusive" and data["comparison"]["mean"] == 0.0


def test_a_worse_run_is_a_regression_and_a_better_one_an_improvement(tmp_path):
    gold_dir, texts = four_articles(tmp_path, n=6)  # six articles: the smallest exact p is 2/64 < 0.05
    good = perfect_run(tmp_path / "good.jsonl", texts)
    worse = perfect_run(tmp_path / "worse.jsonl", texts, drop="red_lines")
    result, data = report(tmp_path, "--gold", str(gold_dir), "--from-run", str(worse), "--compare", str(good))
    assert result.returncode == 1
    comparison = data["comparison"]
    assert comparison["verdict"] == "regressed" and comparison["mean"] == pytest.approx(-0.25)
    assert "REGRESSED" in result.stdout
    result, data = report(tmp_path, "--gold", str(gold_dir), "--from-run", str(good), "--compare", str(worse))
    assert result.returncode == 0 and data["comparison"]["verdict"] == "improved"


def test_four_articles_cannot_conclude_even_when_every_article_is_worse(tmp_path):
    gold_dir, texts = four_articles(tmp_path)
    good = perfect_run(tmp_path / "good.jsonl", texts)
    worse = perfect_run(tmp_path / "worse.jsonl", texts, drop="red_lines")
    result, data = report(tmp_path, "--gold", str(gold_dir), "--from-run", str(worse), "--compare", str(good))
    assert result.returncode == 0 and data["comparison"]["verdict"] == "inconclusive"
    assert data["comparison"]["mean"] == pytest.approx(-0.25) and data["comparison"]["p_value"] == 0.125
    assert "cannot conclude" in result.stdout


def test_every_split_is_reported_separately_and_pooled_together(tmp_path):
    write_gold_folder(tmp_path, variants(2), split="seeds")
    gold_dir = write_gold_folder(tmp_path, variants(3, first=2), split="dev")
    texts = {**variants(2), **variants(3, first=2)}
    records = [record(texts[s], gold() if s != "art4" else None, ok=s != "art4", error="boom", article_id=s)
               for s in texts]
    out = tmp_path / "report.json"
    md = tmp_path / "summary.md"
    result = summarize("eval", "--gold", str(gold_dir), "--from-run", str(write_run(tmp_path / "r.jsonl", records)),
                       "--no-rules", "--json", str(out), "--markdown", str(md))
    assert result.returncode == 5, result.stderr  # art4 failed
    data = json.loads(out.read_text())
    assert data["gold"]["splits"] == {"dev": 3, "seeds": 2}
    run = data["runs"][0]
    assert {a["article_id"]: a["split"] for a in run["articles"]} == {"art0": "seeds", "art1": "seeds",
                                                                      "art2": "dev", "art3": "dev", "art4": "dev"}
    assert run["splits"]["seeds"]["composite"] == 1.0
    # dev: two of three articles right: every field P 1, R 2/3, F1 0.8
    assert run["splits"]["dev"]["composite"] == pytest.approx(0.8, abs=1e-6)
    assert run["splits"]["dev"]["fields"]["red_lines"]["ident"]["n_gold"] == 3
    assert run["fields"]["stances"]["ident"] == {"tp": 8.0, "n_pred": 8, "n_gold": 10, "precision": 1.0,
                                                 "recall": 0.8, "f1": pytest.approx(8 / 9, abs=1e-6)}
    text = md.read_text()
    for title in ("split dev (3 articles)", "split seeds (2 articles)", "split all (5 articles)"):
        assert title in text and title in result.stdout


def test_a_tampered_gold_label_changes_the_score_of_a_real_run(tmp_path):
    """The seeds' gold, copied with one stance polarity flipped, scored on the rule extractor."""
    scores = []
    for name, tamper in (("same", False), ("tampered", True)):
        folder = tmp_path / name
        folder.mkdir()
        for index, path in enumerate(sorted((ROOT / "evals" / "gold" / "seeds").glob("*.json"))):
            data = json.loads(path.read_text(encoding="utf-8"))
            data["source"] = str((path.parent / data["source"]).resolve())
            if tamper and index == 0:
                first = data["stances"][0]
                first["polarity"] = {"favor": "against"}.get(first["polarity"], "favor")
            (folder / path.name).write_text(json.dumps(data), encoding="utf-8")
        result, data = report(tmp_path, "--gold", str(folder), "--provider", "rules")
        assert result.returncode == 0, result.stderr
        scores.append(data["runs"][0])
    same, tampered = scores
    assert same["composite"] != tampered["composite"]
    assert same["polarity"] != tampered["polarity"] or same["fields"]["stances"] != tampered["fields"]["stances"]


def test_markdown_names_the_gold_set_and_the_prompts(tmp_path):
    gold_dir, texts = four_articles(tmp_path)
    run = perfect_run(tmp_path / "run.jsonl", texts, prompt_sha="b" * 64)
    md = tmp_path / "summary.md"
    result = summarize("eval", "--gold", str(gold_dir), "--from-run", str(run), "--no-rules", "--markdown", str(md))
    assert result.returncode == 0, result.stderr
    text = md.read_text()
    assert gold_hash(gold_dir) in text and "stance v1 " + "b" * 12 in text
    assert "test: provider test · model m · prompts" in text
    assert "| stances | classification soft | 8 / 8 / 8 | 100.0 | 100.0 | 100.0 |" in text


def test_json_to_stdout_is_the_only_thing_there(tmp_path):
    gold_dir, texts = four_articles(tmp_path)
    run = perfect_run(tmp_path / "run.jsonl", texts)
    result = summarize("eval", "--gold", str(gold_dir), "--from-run", str(run), "--no-rules", "--json", "-")
    assert result.returncode == 0 and json.loads(result.stdout)["runs"][0]["composite"] == 1.0


@pytest.mark.parametrize("make, needle", [
    (lambda p: ["--gold", str(p / "nowhere")], "gold folder not found"),
    (lambda p: ["--gold", str(write_gold_folder(p, variants(1))), "--from-run", str(p / "bad.jsonl")],
     "not a results file"),
    (lambda p: ["--gold", str(write_gold_folder(p, variants(1))), "--from-run", str(p / "empty.jsonl")],
     "has no records"),
])
def test_bad_input_is_a_clear_error(tmp_path, make, needle):
    (tmp_path / "bad.jsonl").write_text("{not json\n")
    (tmp_path / "empty.jsonl").write_text("")
    result = summarize("eval", *make(tmp_path), "--no-rules")
    assert result.returncode == 2 and needle in result.stderr and "Traceback" not in result.stderr


def test_html_escapes_model_text_in_a_real_browser(tmp_path):
    gold_dir, texts = four_articles(tmp_path)
    payload = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'
    records = []
    for stem, text in texts.items():
        items = gold()
        items["stances"][0]["position"] = payload
        items["stances"][0]["holder"] = '"><b>bold</b>'
        records.append(record(text, items, article_id=stem))
    html = tmp_path / "report.html"
    result = summarize("eval", "--gold", str(gold_dir), "--from-run", str(write_run(tmp_path / "r.jsonl", records)),
                       "--no-rules", "--html", str(html))
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup(dump_dom(html), "html.parser")
    assert soup.title.string == "Extraction evaluation"  # no injected script ran
    assert not soup.find_all(["script", "img", "b", "link"])  # and no injected element exists
    assert payload in soup.get_text() and soup.find("mark", class_="gm")
    assert "http" not in "".join(str(t) for t in soup.find_all(["style", "link"]))  # no external assets


def test_failed_extraction_after_retries_is_an_empty_prediction(tmp_path):
    """A real HTTP server on 127.0.0.1 fails every call for one article; that article still counts."""
    from summarizer.evaluation.harness import load_dataset, score_run, solve
    from summarizer.extract.pipeline import ExtractOptions
    from summarizer.llm.providers import build_provider

    texts = variants(2)
    gold_set = load_dataset(write_gold_folder(tmp_path, texts))
    with FaultServer() as server:
        server.on("number 1.", always=Fault.status(500))
        provider = build_provider(fast_config(server, cache_path=None))
        try:
            records = solve(gold_set, provider, ExtractOptions(schema="all"), tmp_path / "run.jsonl")
        finally:
            provider.close()
    run = score_run("openai", gold_set, records)
    assert [a.failed for a in run.articles] == [False, True] and len(run.articles) == 2
    assert run.articles[1].composite == 0.0 and run.validity_rate == 0.5
    assert len((tmp_path / "run.jsonl").read_text().splitlines()) == 2


def test_record_then_replay_without_the_server_gives_the_same_scores(tmp_path):
    gold_dir = write_gold_folder(tmp_path, variants(3))
    cache = tmp_path / "cache"
    with FaultServer() as server:
        first, data = report(tmp_path, "--gold", str(gold_dir), "--provider", "openai", "--base-url", server.url,
                             "--model", "fault-model", "--cache-dir", str(cache))
        calls = server.count
    assert first.returncode == 0, first.stderr
    assert calls > 0
    exported = tmp_path / "rec.jsonl"
    assert summarize("cache", "export", str(exported), "--cache-dir", str(cache)).returncode == 0
    again, replayed = report(tmp_path, "--gold", str(gold_dir), "--provider", "openai", "--base-url",
                             "http://127.0.0.1:9/v1", "--model", "fault-model", "--recording", str(exported))
    assert again.returncode == 0, again.stderr
    assert replayed["runs"][0]["composite"] == data["runs"][0]["composite"]
    assert replayed["runs"][0]["articles"] == data["runs"][0]["articles"]


def test_a_replay_miss_stops_the_evaluation(tmp_path):
    gold_dir = write_gold_folder(tmp_path, variants(1))
    empty = tmp_path / "empty.recording.jsonl"
    empty.write_text("")
    result = summarize("eval", "--gold", str(gold_dir), "--provider", "openai", "--base-url",
                       "http://127.0.0.1:9/v1", "--model", "m", "--recording", str(empty), "--no-rules")
    assert result.returncode == 4 and "no recorded response" in result.stderr and "Traceback" not in result.stderr


# ------------------------------------------------ the committed recordings (seeds + dev articles they cover)

RUNS = ROOT / "evals" / "runs"
REPLAY = ["--gold", "evals/gold", "--articles", str(RUNS / "gate-articles.txt"), "--schema", "participants",
          "--provider", "local", "--no-rules"]


def test_worse_prompt_is_caught_as_a_regression_on_replayed_recordings(tmp_path):
    out = tmp_path / "report.json"
    result = summarize("eval", *REPLAY, "--recording", str(RUNS / "embedded.recording.jsonl"),
                       "--recording", str(RUNS / "embedded-worse.recording.jsonl"),
                       "--prompts-dir", "evals/prompts-worse", "--compare", "prompts", "--json", str(out))
    data = json.loads(out.read_text())
    comparison = data["comparison"]
    assert comparison["verdict"] == "regressed" and comparison["p_value"] <= 0.05, result.stdout
    assert comparison["mean"] < 0 and comparison["n"] >= 9
    assert result.returncode == 1


def test_replayed_recording_equals_the_committed_run(tmp_path):
    """The CI gate: replaying the recording reproduces the saved run exactly (an A/A comparison)."""
    out = tmp_path / "report.json"
    result = summarize("eval", *REPLAY, "--recording", str(RUNS / "embedded.recording.jsonl"),
                       "--compare", str(RUNS / "embedded.run.jsonl"), "--json", str(out))
    data = json.loads(out.read_text())
    assert data["comparison"]["verdict"] == "inconclusive" and data["comparison"]["mean"] == 0.0, result.stdout
    assert data["runs"][0]["articles"] == data["runs"][1]["articles"]
    assert result.returncode == 0, result.stderr
