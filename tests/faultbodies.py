"""Helpers of tests/faultserver.py: misbehaviour after the response headers, `fast_config`.

The status line and headers are correct, so a client's connect and header
timeouts are satisfied; the body then trickles, stops half-way (a TCP reset or
silence) or never ends. Also: the API key spelt the ways a server or a JSON/URL
layer may give it back.
"""

from __future__ import annotations

import socket
import struct
import threading
from http.server import BaseHTTPRequestHandler
from typing import Any

CHUNK = 65536


def misbehave(handler: BaseHTTPRequestHandler, kind: str, size: int, delay: float, data: bytes,
              stopping: threading.Event) -> None:
    """`trickle`: a byte every `delay` s; `cut-reset` / `cut-stall`: half the body, then an RST or `delay` s
    of silence; `huge`: a `size`-byte body of whitespace after a JSON start."""
    length = size if kind == "huge" else len(data)
    try:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(length))
        handler.end_headers()
        if kind == "huge":
            handler.wfile.write(b'{"id": "')
            for _ in range(size // CHUNK):
                handler.wfile.write(b" " * CHUNK)
        elif kind == "trickle":
            for byte in data:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                if stopping.wait(delay):
                    break
        else:
            handler.wfile.write(data[: len(data) // 2])
            handler.wfile.flush()
            if kind == "cut-stall":
                stopping.wait(delay)
            else:
                handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                handler.connection.close()
    except OSError:  # the client gave up: that is the point
        pass
    handler.close_connection = True


def spelt(key: str, spelling: str) -> str:
    """`raw`; `json`: letters as \\u escapes; `json2`: escaped twice (inside the message content); `url`: %XX."""
    if spelling == "url":
        return "".join(f"%{ord(c):02X}" for c in key)
    if spelling.startswith("json"):
        slashes = "\\" * (2 if spelling == "json2" else 1)
        return "".join(f"{slashes}u{ord(c):04x}" if c.isalpha() else c for c in key)
    return key


def fast_config(server: Any, **overrides: Any) -> Any:
    """A ProviderConfig for this server with tiny backoff and timeouts, so fault tests take milliseconds."""
    from summarizer.llm.providers import ProviderConfig
    from summarizer.llm.transport import RetryPolicy

    settings: dict[str, Any] = {
        "provider": "openai", "model": "fault-model", "base_url": server.url, "timeout": 0.5,
        "retry": RetryPolicy(attempts=3, total_seconds=10.0, base_wait=0.01, max_wait=0.05),
    }
    return ProviderConfig(**{**settings, **overrides})
