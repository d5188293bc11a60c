"""Errors the user can act on: what went wrong, where, and what to do."""

from __future__ import annotations

import re


class SummarizerError(Exception):
    """Base: the CLI prints these as one clear message and exits non-zero."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message


class InputError(SummarizerError):
    """A bad article, gold file or argument."""

    exit_code = 2


class ProviderError(SummarizerError):
    """The model endpoint failed after bounded retries, or cannot be set up."""

    exit_code = 3


class ReplayMiss(SummarizerError):
    """`--replay` asked for a response that was never recorded."""

    exit_code = 4


_KEY_PATTERN = re.compile(r"\b(sk|pk|rk)-[A-Za-z0-9_*\-]{6,}")


def redact(text: str, *secrets: str | None) -> str:
    """Remove API keys (the given ones, and anything shaped like one) from text meant for users or files."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "[redacted]")
    return _KEY_PATTERN.sub("[redacted]", text)
