"""The CLI tells a newcomer where things are: misspelt commands, the main command's options, the environment."""

from __future__ import annotations

from pathlib import Path

from clirun import summarize


def test_a_misspelt_command_fails_at_once_with_a_suggestion(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Lima talks\nPeru's foreign minister said Peru is ready to resume talks with Chile.\n")
    result = summarize("breif", str(article), "--date", "2026-02-03")
    assert result.returncode == 2
    assert "did you mean 'brief'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_named_like_a_command_is_still_an_article(tmp_path: Path) -> None:
    (tmp_path / "breif").write_text("Lima talks\nPeru's foreign minister said Peru is ready to resume talks.\n")
    result = summarize("--provider", "baseline", "breif", cwd=tmp_path)
    assert "did you mean" not in result.stderr
    assert result.returncode == 0, result.stderr


def test_top_level_help_names_the_main_command_and_the_environment() -> None:
    result = summarize("--help")
    assert result.returncode == 0
    for needle in ("summarize extract --help", "OPENAI_BASE_URL", "SUMMARIZER_MODEL_PATH", "SUMMARIZER_PROMPTS",
                   "SUMMARIZER_DEBUG", "SUMMARIZER_CACHE_DIR"):
        assert needle in result.stdout
