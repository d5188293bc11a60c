"""What a FaultServer (tests/faultserver.py) can do to one request: the `Fault` script entries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Fault:
    """One scripted misbehaviour (or a scripted answer) for one request."""

    kind: str
    code: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: str | None = None
    delay: float = 0.0
    content: Any = None

    @classmethod
    def status(cls, code: int, retry_after: str | None = None, body: str | None = None) -> "Fault":
        headers = (("Retry-After", retry_after),) if retry_after is not None else ()
        return cls("status", code=code, headers=headers, body=body)

    @classmethod
    def slow(cls, seconds: float) -> "Fault":
        """Answer correctly, but only after `seconds` (past the client's timeout)."""
        return cls("slow", delay=seconds)

    @classmethod
    def reset(cls) -> "Fault":
        """Close the connection with a TCP reset instead of answering."""
        return cls("reset")

    @classmethod
    def malformed(cls) -> "Fault":
        """HTTP 200 whose body is not JSON at all (a broken proxy, a torn body)."""
        return cls("malformed")

    @classmethod
    def not_json(cls, text: str = "Sure! Here are the stances you asked for.") -> "Fault":
        """A valid completion whose message is prose, not JSON."""
        return cls("answer", content=text)

    @classmethod
    def invalid(cls, content: Any) -> "Fault":
        """A valid completion whose JSON violates the response schema."""
        return cls("answer", content=content)

    @classmethod
    def answer(cls, content: Any) -> "Fault":
        """A scripted answer (JSON-encoded unless it is already a string)."""
        return cls("answer", content=content)

    @classmethod
    def truncated(cls) -> "Fault":
        """The answer cut off at max_tokens: half the JSON, finish_reason `length`."""
        return cls("truncated")

    @classmethod
    def die(cls) -> "Fault":
        """The server disappears: this request and every later one get no answer."""
        return cls("die")

    @classmethod
    def trickle(cls, interval: float) -> "Fault":
        """A correct answer sent a byte every `interval` s: each read succeeds, the whole takes for ever."""
        return cls("trickle", delay=interval)

    @classmethod
    def cut(cls, how: str, seconds: float = 0.0) -> "Fault":
        """Headers and half the body, then `reset` (TCP RST) or `stall` (silence for `seconds`, then close)."""
        return cls(f"cut-{how}", delay=seconds)

    @classmethod
    def huge(cls, size: int) -> "Fault":
        """HTTP 200 with a `size`-byte body (whitespace after a JSON start), streamed."""
        return cls("huge", code=size)

    @classmethod
    def echo_key(cls, content: Any, spelling: str) -> "Fault":
        """An answer with the request's API key put where `@KEY@` is, spelt `raw`, `json` (\\u0073), `json2` (escaped twice, as inside the message content) or `url` (%73)."""
        return cls("answer", content=content, body=spelling)
