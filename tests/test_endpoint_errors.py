"""Endpoint failures name the URL and the cause, with a hint, through the real CLI on real sockets.

Every case plants an API key in `OPENAI_API_KEY` (what the openai provider reads) and checks it
reaches neither stream: the message names the endpoint, never its credentials.
"""

from __future__ import annotations

import json
import socket
import ssl
import threading
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from forkcli import summarize  # a real process, forked with the imports done
from faultserver import FaultServer

KEY = "sk-planted-endpoint-key-0123456789"


def run(base_url: str, tmp_path: Path, *extra: str) -> tuple[int, str]:
    """One article through the openai provider at `base_url`, bounded retries kept short."""
    article = tmp_path / "a.txt"
    article.write_text("Talks\nMinister Anna Berg said the talks went well.\n", encoding="utf-8")
    result = summarize("--no-cache", "--provider", "openai", "--model", "m", "--base-url", base_url,
                       *extra, str(article), env={"OPENAI_API_KEY": KEY}, timeout=300)
    both = result.stdout + result.stderr
    assert KEY not in both and "planted-endpoint" not in both
    assert "Traceback" not in both
    return result.returncode, result.stderr


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP server that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join(timeout=5)
    for conn in held:
        conn.close()
    server.close()


def test_refused_names_url_and_says_start_the_server(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    code, err = run(url, tmp_path)
    assert code != 0
    assert url in err and "connection refused" in err and "start the server" in err


def test_unresolvable_host_says_dns_and_check_the_host_name(tmp_path: Path) -> None:
    url = "http://no-such-model-host.invalid:8000/v1"
    code, err = run(url, tmp_path)
    assert code != 0
    assert url in err and "DNS" in err and "no-such-model-host.invalid" in err
    assert "check the host name in --base-url" in err


def test_https_to_a_plain_http_server_says_tls_and_use_http(tmp_path: Path, fault_server: FaultServer) -> None:
    url = fault_server.url.replace("http://", "https://")
    code, err = run(url, tmp_path)
    assert code != 0
    assert url in err and "TLS" in err and "use http://" in err
    assert fault_server.count == 0  # no request ever reached it: the handshake failed


def test_silent_server_says_which_timeout_and_to_raise_it(tmp_path: Path, silent_server: int) -> None:
    url = f"http://127.0.0.1:{silent_server}/v1"
    code, err = run(url, tmp_path, "--timeout", "1")
    assert code != 0
    assert url in err and "no complete answer within --timeout 1 s" in err and "raise --timeout" in err


def test_http_status_names_the_url_too(tmp_path: Path, fault_server: FaultServer) -> None:
    from faultserver import Fault

    fault_server.on("", always=Fault.status(401))
    code, err = run(fault_server.url, tmp_path)
    assert code != 0 and f"{fault_server.url} answered HTTP 401" in err and "OPENAI_API_KEY" in err


def test_credentials_in_the_url_are_never_shown(tmp_path: Path) -> None:
    port = closed_port()
    code, err = run(f"http://user:{KEY}@127.0.0.1:{port}/v1?api-key={KEY}", tmp_path)
    assert code != 0 and f"http://127.0.0.1:{port}/v1" in err and "user" not in err


@pytest.mark.parametrize("error,cause,hint", [
    (ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
     "TLS certificate rejected", "fix the server's certificate"),
    (ConnectionResetError(104, "Connection reset by peer"), "reset by the server", "check the server's logs"),
    (httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
     "closed the connection before a complete answer", "check the server's logs"),
    (httpx.ConnectTimeout("timed out"), "could not connect to 127.0.0.1:9 within 120 s (the default --timeout)",
     "raise --timeout"),
], ids=["certificate", "reset", "closed-mid-body", "connect-timeout"])
def test_causes_without_a_socket_to_stage(error: BaseException, cause: str, hint: str) -> None:
    """Cases a loopback socket cannot stage cheaply (a CA-signed certificate, a reset mid-read), on the chain as
    openai raises it: APIConnectionError <- httpx error <- the socket's error."""
    import openai

    from summarizer.llm.providers import endpoint_cause

    request = httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    chain: list[BaseException] = [openai.APIConnectionError(request=request), error]
    found, said = endpoint_cause(chain, "http://127.0.0.1:9/v1", 120.0, given=False)
    assert cause in found and hint in said


@pytest.mark.parametrize("kind", ["dns", "tls", "refused"])
def test_only_transient_failures_are_retried(kind: str, tmp_path: Path, fault_server: FaultServer) -> None:
    """A name that does not resolve and a failed TLS handshake fail alike every time: one attempt,
    and the message does not claim retries; a refused connection may be a server still starting."""
    url = {"dns": "http://no-such-host.invalid/v1", "tls": fault_server.url.replace("http://", "https://"),
           "refused": f"http://127.0.0.1:{closed_port()}/v1"}[kind]
    out = tmp_path / "r.json"
    code, err = run(url, tmp_path, "-o", str(out))
    failed = json.loads(out.read_text(encoding="utf-8"))["provenance"]["usage"]["failed_calls"]
    assert code != 0
    if kind == "refused":
        assert failed > 1 and "after retries" in err
    else:
        assert failed == 1 and "after retries" not in err
