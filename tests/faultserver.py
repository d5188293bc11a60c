"""A scripted, fault-injecting OpenAI-compatible server for tests.

A real HTTP server on 127.0.0.1 (ephemeral port) that answers
`POST /v1/chat/completions` the way instructor's JSON_SCHEMA mode expects: the
message content is the JSON of the requested response model, with `usage`.
Each request first consumes a scripted fault, if any: from a rule whose text
occurs in the request, else from the global script. Without a fault the
`responder` answers (default: the smallest instance of the requested schema).

    with FaultServer() as server:
        server.script(Fault.status(429, retry_after="0"), Fault.reset())
        server.on("Article 7.", Fault.invalid({"stances": "nope"}), always=True)
"""

from __future__ import annotations

import gzip
import json
import socket
import struct
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

from faultbodies import fast_config, misbehave, spelt
from faultkinds import Fault
from chatschema import minimal_answer, minimal_instance, response_schema, shown_sentences, user_text

__all__ = ["Fault", "FaultServer", "Seen", "fast_config", "minimal_answer", "minimal_instance", "response_schema",
           "shown_sentences", "user_text"]

Responder = Callable[[dict[str, Any]], Any]


@dataclass
class Seen:
    """A request as the server received it."""

    body: dict[str, Any]
    headers: dict[str, str]
    fault: str


@dataclass
class _Rule:
    match: str
    faults: list[Fault]
    always: Fault | None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet tests
        pass

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        owner = self.server.owner
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if owner.dead.is_set():
            return self._reset()
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return self._send(400, {"error": {"message": "request body is not JSON"}})
        if not self.path.endswith("/chat/completions"):
            return self._send(404, {"error": {"message": f"no route {self.path}"}})
        fault = owner.next_fault(body)
        owner.record(Seen(body, {k.lower(): v for k, v in self.headers.items()}, fault.kind if fault else "ok"))
        if owner.latency and owner.stopping.wait(owner.latency):
            return self._reset()
        if fault is None:
            return self._complete(body, owner.responder(body), "stop")
        if fault.kind == "status":
            payload = fault.body if fault.body is not None else json.dumps(
                {"error": {"message": f"scripted HTTP {fault.code}", "type": "scripted"}})
            return self._send(fault.code, payload, fault.headers)
        if fault.kind == "slow":
            if owner.stopping.wait(fault.delay):
                return self._reset()
            return self._complete(body, owner.responder(body), "stop")
        if fault.kind == "reset":
            return self._reset()
        if fault.kind == "malformed":
            return self._send(200, '{"id": "chatcmpl-torn", "object": "chat.completion", "choices": [{"ind')
        if fault.kind == "truncated":
            text = json.dumps(owner.responder(body))
            return self._complete(body, text[: max(1, len(text) // 2)], "length")
        if fault.kind == "die":
            owner.dead.set()
            threading.Thread(target=owner.stop, daemon=True).start()
            return self._reset()
        if fault.kind in ("trickle", "cut-reset", "cut-stall", "huge"):  # after the headers: faultbodies.py
            data = json.dumps(owner.completion(body, owner.responder(body), "stop")).encode("utf-8")
            return misbehave(self, fault.kind, fault.code, fault.delay, data, owner.stopping)
        return self._complete(body, fault.content, "stop", fault.body)

    def _complete(self, body: dict[str, Any], content: Any, finish: str, key_as: str | None = None) -> None:
        payload = json.dumps(self.server.owner.completion(body, content, finish))
        key_as = key_as or self.server.owner.key_spelling
        if key_as is not None:
            key = self.headers.get("Authorization", "").split(" ", 1)[-1]
            payload = payload.replace("@KEY@", spelt(key, key_as))
        self._send(200, payload)

    def _send(self, status: int, payload: Any, headers: tuple[tuple[str, str], ...] = ()) -> None:
        data = (payload if isinstance(payload, str) else json.dumps(payload)).encode("utf-8")
        compress = self.server.owner.compress and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            data = gzip.compress(data)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            if compress:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except OSError:  # the client gave up (timeout): nothing to answer
            self.close_connection = True

    def _reset(self) -> None:
        """A TCP reset: SO_LINGER 0, then close without a word."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: "FaultServer"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that give up (timeouts, kills) are part of the game, not errors worth a traceback."""


class FaultServer:
    """The server, its script and what it has seen; a context manager."""

    def __init__(self, responder: Responder = minimal_answer, tokens: tuple[int, int] = (100, 20)) -> None:
        self.responder = responder
        self.tokens = tokens  # usage reported per answer: (prompt, completion)
        self.latency = 0.0  # seconds before every answer (to make a batch take a while)
        self.compress = False  # gzip every body when the client accepts it, as many real servers do
        self.key_spelling: str | None = None  # put the request's key where answers say @KEY@ (faultbodies.spelt)
        self.seen: list[Seen] = []
        self.dead = threading.Event()
        self.stopping = threading.Event()
        self._script: list[Fault] = []
        self._rules: list[_Rule] = []
        self._lock = threading.Lock()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """Base URL for an OpenAI client: http://127.0.0.1:PORT/v1."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def count(self) -> int:
        with self._lock:
            return len(self.seen)

    def start(self) -> "FaultServer":
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()

    def __enter__(self) -> "FaultServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def script(self, *faults: Fault) -> "FaultServer":
        """Faults for the next requests, in order, whatever they ask."""
        with self._lock:
            self._script.extend(faults)
        return self

    def on(self, match: str, *faults: Fault, always: Fault | None = None) -> "FaultServer":
        """Faults for requests whose user message contains `match`; then `always` forever, if given."""
        with self._lock:
            self._rules.append(_Rule(match, list(faults), always))
        return self

    def clear(self) -> "FaultServer":
        """Forget the script and the rules: from now on every request is answered."""
        with self._lock:
            self._script.clear()
            self._rules.clear()
        return self

    def next_fault(self, body: dict[str, Any]) -> Fault | None:
        text = user_text(body)
        with self._lock:
            for rule in self._rules:
                if rule.match in text and (rule.faults or rule.always):
                    return rule.faults.pop(0) if rule.faults else rule.always
            return self._script.pop(0) if self._script else None

    def completion(self, body: dict[str, Any], content: Any, finish: str) -> dict[str, Any]:
        """A chat completion carrying `content` (JSON-encoded unless it is a string), with usage."""
        prompt, completion = self.tokens
        return {"id": f"chatcmpl-{self.count}", "object": "chat.completion", "created": int(time.time()),
                "model": body.get("model", "fault-model"),
                "choices": [{"index": 0, "finish_reason": finish, "message": {
                    "role": "assistant", "content": content if isinstance(content, str) else json.dumps(content)}}],
                "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                          "total_tokens": prompt + completion}}

    def record(self, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)

    def faults_seen(self) -> list[str]:
        with self._lock:
            return [s.fault for s in self.seen]
