"""`summarize` in a real, separate process, without paying Python's imports for every run.

`summarize(...)` takes the arguments of tests/clirun.py's and returns the same
CompletedProcess: the run is a process of its own (its exit status, its stdout and
stderr pipes, its environment and folder, no pytest logging handlers, nothing left
over from an earlier run), forked from a server that has already imported the CLI,
openai, scipy and spaCy (tests/forkcli_server.py). That import is 2-4 s of every
subprocess here; a suite making dozens of runs spends minutes on it.

Use clirun.summarize instead when the test is about the interpreter starting: what
gets imported, start-up time, how Python itself sets up its streams (PYTHON* variables,
the locale's encoding and the hash seed are the server's, read once when it starts).
Runs go one at a time, and a run cannot be signalled mid-way (use subprocess.Popen).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import locale
import os
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from clirun import ROOT

SERVER = Path(__file__).with_name("forkcli_server.py")
COMMAND = [sys.executable, "-c", "from summarizer.cli import main; main()"]  # what the run stands for


class _Server:
    """One fork server per test session, started when this module is imported and gone when the tests end."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.process = subprocess.Popen([sys.executable, str(SERVER), str(theirs.fileno())], cwd=ROOT,
                                        pass_fds=[theirs.fileno()], stdout=subprocess.DEVNULL)
        theirs.close()
        self.sock = ours
        self.lock = threading.Lock()

    def close(self) -> None:
        self.sock.close()  # the server exits when its socket closes
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


_server: _Server | None = None


def _get_server() -> _Server:
    global _server
    if _server is None or _server.process.poll() is not None:
        _server = _Server()
        atexit.register(_server.close)
    return _server


_get_server()  # start importing now, in the background, so the first run finds the server ready


def _status_code(status: int) -> int:
    """subprocess's convention: the exit status, or minus the signal that killed the process."""
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def _text(data: bytes) -> str:
    """Decoded as subprocess.run(text=True) decodes: locale encoding, universal newlines."""
    text = data.decode(locale.getpreferredencoding(False))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def summarize(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None,
              cwd: Path | None = None, timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    """Run `summarize ARGS` as its own process (forked, imports done); like clirun.summarize."""
    server = _get_server()
    request = {"args": list(args), "env": {**os.environ, **(env or {})}, "cwd": str(cwd or ROOT)}
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    in_r, in_w = os.pipe() if stdin is not None else (_own_stdin(), -1)
    with server.lock:
        try:
            socket.send_fds(server.sock, [json.dumps(request).encode()], [in_r, out_w, err_w])
        finally:
            for fd in (out_w, err_w) + ((in_r,) if in_r != 0 else ()):
                os.close(fd)
        reply = server.sock.recv(4096)
        if not reply:
            raise RuntimeError("the fork server died (tests/forkcli_server.py)")
        pid = json.loads(reply)["pid"]
        if stdin is not None:
            threading.Thread(target=_feed, args=(in_w, stdin), daemon=True).start()
        try:
            out, err, status = _collect(server.sock, pid, out_r, err_r, time.monotonic() + timeout)
        except BaseException:  # interrupted: end the run, so the next one starts from a clean exchange
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                server.sock.settimeout(5)
                server.sock.recv(4096)  # its exit status, unless it had already come
            server.sock.settimeout(None)
            raise
    if status is None:
        raise subprocess.TimeoutExpired([*COMMAND, *args], timeout, _text(out), _text(err))
    return subprocess.CompletedProcess([*COMMAND, *args], _status_code(status), _text(out), _text(err))


def _own_stdin() -> int:
    """What subprocess.run(stdin=None) gives the child: this process's stdin (or /dev/null if it has none)."""
    try:
        os.fstat(0)
        return 0
    except OSError:
        return os.open(os.devnull, os.O_RDONLY)


def _feed(fd: int, data: bytes) -> None:
    """The child's stdin, written (stdin's text goes in as subprocess.run(input=...) sends it) and closed."""
    try:
        os.write(fd, data.decode("utf-8", "replace").encode(locale.getpreferredencoding(False)))
    except OSError:  # the child did not read it all: as with subprocess, not an error
        pass
    finally:
        os.close(fd)


def _collect(sock: socket.socket, pid: int, out_r: int, err_r: int,
             deadline: float) -> tuple[bytes, bytes, int | None]:
    """Both pipes to their end and the exit status; past the deadline, SIGKILL and status None."""
    chunks: dict[int, list[bytes]] = {out_r: [], err_r: []}
    status: int | None = None
    killed = False
    with selectors.DefaultSelector() as selector:
        for fd in (out_r, err_r):
            selector.register(fd, selectors.EVENT_READ)
        selector.register(sock, selectors.EVENT_READ)
        while selector.get_map() and not (killed and status is not None):
            left = deadline - time.monotonic()
            if left <= 0 and not killed:
                os.kill(pid, signal.SIGKILL)
                killed = True
            for key, _ in selector.select(timeout=None if killed else max(0.01, left)):
                if key.fileobj is sock:
                    reply = sock.recv(4096)
                    if not reply:
                        raise RuntimeError("the fork server died (tests/forkcli_server.py)")
                    status = json.loads(reply)["status"]
                    selector.unregister(sock)
                    continue
                data = os.read(key.fd, 65536)
                if data:
                    chunks[key.fd].append(data)
                else:
                    selector.unregister(key.fd)
    for fd in (out_r, err_r):
        os.close(fd)
    return b"".join(chunks[out_r]), b"".join(chunks[err_r]), None if killed else status
