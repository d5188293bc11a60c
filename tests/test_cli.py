"""CLI error paths: a clear message, a non-zero exit, never a traceback, nothing on stdout."""

from __future__ import annotations

from pathlib import Path

import pytest

from clirun import summarize


def assert_clean_failure(result, code: int, *phrases: str) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for phrase in phrases:
        assert phrase in result.stderr
    assert result.stdout == ""


def test_missing_file(tmp_path: Path) -> None:
    assert_clean_failure(summarize(str(tmp_path / "nope.txt")), 2, "nope.txt", "no such file", "hint:")


@pytest.mark.parametrize("content,phrase", [
    (b"", "empty"),
    (b" \n\t\n", "only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("Caf\u00e9 talks in Gen\u00e8ve.".encode("latin-1"), "not valid UTF-8"),
])
def test_bad_article_files(tmp_path: Path, content: bytes, phrase: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert_clean_failure(summarize("--schema", "stance", str(path)), 2, str(path), phrase)


def test_empty_stdin() -> None:
    assert_clean_failure(summarize("-", stdin=b""), 2, "<stdin>", "empty")


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert_clean_failure(summarize(str(tmp_path)), 2, "no article files")


def test_unknown_schema_is_a_usage_error(tmp_path: Path) -> None:
    result = summarize("--schema", "opinions", "x.txt")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "opinions" in result.stderr and "stance" in result.stderr


def test_resume_needs_a_jsonl_output() -> None:
    assert_clean_failure(summarize("--resume", "seeds"), 2, "--resume needs -o")


def test_replay_without_cache_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Rome said talks will resume.\n")
    assert_clean_failure(summarize("--replay", "--no-cache", str(article)), 2, "--replay needs the cache")


def test_replay_miss_is_an_error_not_a_model_call(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Rome said talks will resume.\n")
    result = summarize("--provider", "local", "--replay", "--cache-dir", str(tmp_path / "cache"), str(article))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no recorded response" in result.stderr
    assert '"ok": false' in result.stdout


def test_help_explains_everything() -> None:
    result = summarize("--help")
    assert result.returncode == 0
    for word in ("extract", "schemas", "cache", "llama.cpp", "--provider local", "OPENAI_API_KEY"):
        assert word in result.stdout
    sub = summarize("extract", "--help")
    for option in ("--schema", "--format", "--output", "--base-url", "--model", "--model-path", "--replay",
                   "--concurrency", "--resume"):
        assert option in sub.stdout


def test_unknown_model_file_is_clear(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Rome said talks will resume.\n")
    result = summarize("--no-cache", "--model-path", str(tmp_path / "missing.gguf"), str(article))
    assert_clean_failure(result, 2, "missing.gguf", "model file not found")


def test_default_provider_is_the_rules_without_an_endpoint_and_says_so(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks in Rome\nItaly's foreign minister Paolo Conti said Rome will host new talks.\n")
    result = summarize("--no-cache", str(article), env={"OPENAI_BASE_URL": ""})
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("summarize: provider rules, model ") == 1
    assert '"prompts": []' in result.stdout  # a rule-based record names no prompts


def test_replay_with_the_rules_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Rome said talks will resume.\n")
    result = summarize("--provider", "rules", "--replay", "--cache-dir", str(tmp_path / "c"), str(article))
    assert_clean_failure(result, 2, "--replay", "rules provider")
