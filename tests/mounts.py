"""Real small file systems for tests of full and read-only disks (a tmpfs needs root or CAP_SYS_ADMIN)."""

from __future__ import annotations

import os
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest


@contextmanager
def tmpfs(size: str = "64k") -> Iterator[Path]:
    """A tmpfs of `size`, mounted for the block and unmounted after; the test is skipped, saying why,
    only where mounting is impossible."""
    where = Path(tempfile.mkdtemp(prefix="summarize-disk-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)
        where.rmdir()


def fill(disk: Path, leave: int = 0) -> None:
    """Take all the space of `disk` but `leave` bytes (tmpfs counts whole pages)."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError:
            pass
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))
