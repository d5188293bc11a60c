"""Errors the user can act on: what went wrong, where, and what to do."""

from __future__ import annotations

import base64
import os
import re
from functools import lru_cache


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


class MissingExtra(SummarizerError):
    """An optional library (an extra of the package) is not installed."""

    exit_code = 2


class ReplayMiss(SummarizerError):
    """`--replay` asked for a response that was never recorded."""

    exit_code = 4


_KEY_PATTERN = re.compile(r"\b(sk|pk|rk)-[A-Za-z0-9_*\-]{6,}")
MIN_SECRET = 4


_NAMED = {"-": ("hyphen", "dash"), "_": ("lowbar", "UnderBar"), ".": ("period",), "/": ("sol",)}
MIN_VARIANT = 8  # a shorter piece of a key (a bare prefix, a base64 edge) would match ordinary text


def _char(char: str) -> str:
    """One character of the key in every spelling: either case, and each of these JSON-escaped
    (`\\u0073`, any number of backslashes), percent-encoded or an HTML entity (`&#115;`, `&#x73;`)."""
    cases = dict.fromkeys((char.lower(), char.upper()) if char.isalpha() else (char,))
    spellings = [re.escape(c) for c in cases]
    for c in cases:
        code = ord(c)
        spellings += [r"\\+u(?i:" + f"{code:04x})", f"&#0*{code};", f"&#[xX]0*(?i:{code:x});"]
        if code < 0x100:
            spellings.append(f"%(?i:{code:02x})")
    spellings += [f"&{name};" for name in _NAMED.get(char, ())]
    return "(?:" + "|".join(spellings) + ")"


def _variants(secret: str) -> list[str]:
    """The key, and the key without its prefix (`sk-`, `sk-proj-`): what a server may echo of it."""
    out = [secret]
    for i, char in enumerate(secret[:16]):
        if char == "-" and len(secret) - i - 1 >= MIN_VARIANT:
            out.append(secret[i + 1:])
    return out


def _base64_cores(data: bytes) -> list[str]:
    """The part of the base64 of `data` that is the same wherever it sits in a longer encoded text
    (three alignments; the characters shared with neighbouring bytes are left out)."""
    cores = []
    for pad in range(3):
        encoded = base64.b64encode(b"\0" * pad + data).decode("ascii")
        first, last = -(-8 * pad // 6), (8 * (pad + len(data))) // 6
        core = encoded[first:last]
        if len(core) >= MIN_VARIANT:
            cores += [core, core.replace("+", "-").replace("/", "_")]
    return cores


@lru_cache(maxsize=16)
def secret_pattern(secret: str) -> re.Pattern[str]:
    """The secret in any spelling a server or an encoding layer may give it: each character in either
    case, JSON-escaped, percent-encoded or as an HTML entity; with or without its prefix; and the
    base64 (standard or URL-safe, at any alignment) or hex of either."""
    parts = []
    for variant in _variants(secret):
        parts.append("".join(_char(char) for char in variant))
        raw = variant.encode("utf-8")
        parts += [re.escape(core) for core in _base64_cores(raw)]
        parts.append("(?i:" + raw.hex() + ")")
    return re.compile("|".join(parts))


def redact(text: str, *secrets: str | None) -> str:
    """Remove API keys (the given ones in every spelling, and anything shaped like one) from text meant
    for users or files."""
    for secret in secrets:
        if secret and len(secret) >= MIN_SECRET:
            text = secret_pattern(secret).sub("[redacted]", text)
    return _KEY_PATTERN.sub("[redacted]", text)


def redact_output(text: str) -> str:
    """Final outputs (results, Markdown, stdout): the configured key in any spelling never leaves."""
    secret = os.environ.get("OPENAI_API_KEY")
    if not secret or len(secret) < MIN_SECRET:
        return text
    return secret_pattern(secret).sub("[redacted]", text)


_STATUS_HINTS = {
    401: "the endpoint refused the API key: check OPENAI_API_KEY",
    403: "the endpoint refused this request: check the key's permissions and the model's access",
    404: "check --base-url (it usually ends in /v1) and --model",
    408: "the server timed out: raise --timeout, or lower -j",
    413: "the request is too large for this endpoint: use a model with a larger context",
    429: "rate limited: lower -j (--concurrency), wait, or raise the endpoint's rate limit",
    500: "the server failed: try again later, or report it to the endpoint's operator",
    502: "a proxy in front of the model failed: try again later",
    503: "the server is busy or overloaded: try again later, or lower -j",
    504: "the server took too long: try again later, lower -j, or raise --timeout",
}


def status_hint(status: int) -> str:
    """A hint that fits the HTTP status, not a generic 'check your key'."""
    if status in _STATUS_HINTS:
        return _STATUS_HINTS[status]
    if status >= 500:
        return "the server failed: try again later"
    return "check --base-url, --model and OPENAI_API_KEY"
