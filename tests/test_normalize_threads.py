"""The one stemmer is used by the threads of a `-j N` batch at once (grounding checks support)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from summarizer.text import normalize

WORDS = [f"{base}{suffix}{n}" for n in range(400) for base in ("negotiation", "rationalisation", "nationalism")
         for suffix in ("ally", "izational", "fulness")]


def _stems(words: list[str]) -> list[str]:
    return [normalize.stem.__wrapped__(w) for w in words]  # past the cache: every call runs the stemmer


def test_stems_are_the_same_from_many_threads_at_once() -> None:
    expected = _stems(WORDS)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(_stems, [WORDS] * 16))
    assert all(r == expected for r in results)
