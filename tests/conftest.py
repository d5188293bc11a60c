"""Shared fixtures. Keep them generic: anything specific belongs in its test file."""

from __future__ import annotations

from typing import Iterator

import pytest

from faultserver import FaultServer


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A scripted OpenAI-compatible server on 127.0.0.1 (see tests/faultserver.py); stopped after the test."""
    with FaultServer() as server:
        yield server
