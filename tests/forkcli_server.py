"""The server side of tests/forkcli.py: import once, then fork one fresh process per `summarize` run.

Started as `python forkcli_server.py FD` with FD a SOCK_SEQPACKET socket. It imports the CLI
and the heavy libraries its commands import lazily (openai, scipy, spaCy: 2-4 s per run
otherwise), never runs a command itself, and answers each request (JSON args/env/cwd
plus the child's stdin, stdout and stderr as file descriptors) by forking: the child
takes those descriptors as 0, 1 and 2, the environment and the folder it was given, and
runs `summarize` to the end like `python -c "from summarizer.cli import main; main()"`:
exit status, uncaught tracebacks, atexit handlers and thread joins are Python's own.
`gc.freeze()` keeps the children's collections (and their exit: 0.8 s otherwise) off the
preloaded objects. Nothing loaded depends on the environment; the spaCy *model* still loads
in each run. The server replies {"pid": N}, then {"status": waitpid status}; it exits when the socket closes.
"""

from __future__ import annotations

import gc
import json
import os
import socket
import sys
from typing import Any

PRELOAD = ("summarizer.cli", "openai", "openai.resources", "openai.resources.chat", "instructor", "httpx",
           "tenacity", "jinja2", "scipy.stats", "spacy", "bs4")
MAX_MESSAGE = 1 << 20


def _preload() -> None:
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:  # an optional extra that is not installed: the run imports (and fails) itself
            pass


def serve(sock: socket.socket) -> dict[str, Any]:
    """Fork per request until the client goes away; returns only in a child, with its request."""
    while True:
        data, fds, _flags, _addr = socket.recv_fds(sock, MAX_MESSAGE, 3)
        if not data:
            sys.exit(0)
        request = json.loads(data)
        pid = os.fork()
        if pid == 0:
            for target, fd in enumerate(fds):
                if fd >= 0:
                    os.dup2(fd, target)
            for fd in fds:
                if fd > 2:
                    os.close(fd)
            sock.close()
            return request
        for fd in fds:
            os.close(fd)
        sock.send(json.dumps({"pid": pid}).encode())
        _, status = os.waitpid(pid, 0)
        sock.send(json.dumps({"status": status}).encode())


def child(request: dict[str, Any]) -> None:
    """Become the `summarize` process the request describes."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = ["-c", *request["args"]]
    from summarizer.cli import main

    main()


if __name__ == "__main__":
    sys.path[0] = ""  # as under `python -c`: the current folder first (the child's, once it has moved there)
    _preload()
    gc.freeze()  # what is loaded now is never garbage: no collection (and no exit) walks it again in a child
    child(serve(socket.socket(fileno=int(sys.argv[1]))))
