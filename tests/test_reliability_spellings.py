"""Issue 20, finding 8: the API key in transformed spellings, and Markdown escaped for its context.

An echoing endpoint on 127.0.0.1 returns the key base64-, hex- or HTML-entity-encoded, upper-cased
or without its prefix, in a 200 answer and in a 401 error; none of it may reach stderr, stdout, the
results or the cache file. The Markdown brief is rendered by a real CommonMark parser (markdown-it-py,
with GitHub's strikethrough and tables) to see what a reader sees.
"""

from __future__ import annotations

import base64
import html
import json
from pathlib import Path
from typing import Callable

import pytest
from articlegen import citing_answer, code, write_articles
from brief_fixtures import participant, record, stance
from faultserver import Fault, FaultServer
from markdown_it import MarkdownIt

from summarizer.brief.build import build_brief
from summarizer.brief.render_markdown import render_markdown

KEY = "sk-proj-Te5tK3yZq8Wm2Lx9Rv4N"
BARE = KEY[len("sk-proj-"):]
SPELLINGS: dict[str, Callable[[str], str]] = {
    "base64": lambda k: base64.b64encode(k.encode()).decode(),
    "base64 of a header": lambda k: base64.b64encode(f"Authorization: Bearer {k}".encode()).decode(),
    "base64 url-safe": lambda k: base64.urlsafe_b64encode(b"u:" + k.encode()).decode(),
    "hex": lambda k: k.encode().hex(),
    "HEX": lambda k: k.encode().hex().upper(),
    "decimal entities": lambda k: "".join(f"&#{ord(c)};" for c in k),
    "hex entities": lambda k: "".join(f"&#x{ord(c):X};" for c in k),
    "upper case": str.upper,
    "no prefix": lambda k: BARE,
    "no prefix, base64": lambda k: base64.b64encode(BARE.encode()).decode(),
}


def traces(spelt: str) -> list[str]:
    """What would betray the key in `spelt`: the whole, or (base64) its stable middle."""
    return [spelt] if len(spelt) < 24 else [spelt, spelt[4:-4]]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_transformed_key_reaches_no_output_log_or_cache(spelling: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    spelt = SPELLINGS[spelling](KEY)
    folder, cache, out = tmp_path / "in", tmp_path / "cache", tmp_path / "r.jsonl"
    write_articles(folder, 2)
    item = {"holder": "Norvania", "topic": "talks", "polarity": "against", "position": f"the key is {spelt} here",
            "attribution": "author_claim", "sentences": [1]}
    with FaultServer(citing_answer) as server:
        server.on(code(1), Fault.answer({"stances": [item]}))
        server.on(code(2), always=Fault.status(401, body=json.dumps({"error": {"message": f"bad key {spelt}"}})))
        result = cli("-f", "jsonl", "-o", str(out), "--provider", "openai", "--base-url", server.url, "--model",
                     "fault-model", "--cache-dir", str(cache), "--max-retries", "0", "--show-dropped",
                     str(folder), env={"OPENAI_API_KEY": KEY})
        assert server.seen and all(s.headers["authorization"] == f"Bearer {KEY}" for s in server.seen)
    assert result.code == 1 and "HTTP 401" in result.err  # the 401 article failed, and said why
    written = [result.out, result.err, out.read_text(encoding="utf-8")]
    written += [p.read_bytes().decode("utf-8", "replace") for p in cache.iterdir()]
    for text in written:
        for trace in traces(spelt):
            assert trace not in text and html.unescape(trace) not in text


def brief_markdown(article_id: str, text: str, quote: str, topic: str) -> str:
    rec = record(article_id, text, "Wire", participants=[participant(text, "Ilse Varga", "person", "Ilse Varga")],
                 stances=[stance(text, "ilse-varga", topic, "against", quote)])
    return render_markdown(build_brief([rec], {f"/articles/{article_id}.txt": text}, "2026-03-02"))


def rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").enable(["strikethrough", "table"]).render(markdown)


def test_markdown_brief_shows_ids_in_code_spans_literally() -> None:
    text = "Talks stall in Lisk\nIlse Varga said the fishing treaty is dead and buried.\n"
    page = rendered(brief_markdown("000_3675c`51b", text, "Ilse Varga said the fishing treaty is dead and buried.",
                                   "the fishing treaty"))
    assert "<code>000_3675c`51b</code>" in page  # no backslash shown, the backtick kept
    assert "\\_" not in page


def test_markdown_brief_quotes_neither_strike_through_nor_emphasise() -> None:
    quote = "Ilse Varga said ~~the old deal~~ is *void* &amp; 1. gone _now_."
    text = f"Talks stall in Lisk\n{quote}\n"
    page = rendered(brief_markdown("a1", text, quote, "~~old~~ deal *terms*"))
    assert "<del>" not in page and "<s>" not in page and "<em>" not in page.split("<h2>Evidence")[-1]
    assert html.escape(quote, quote=False) in page  # the quote as the article has it, `&amp;` included
    assert "~~old~~ deal *terms*" in html.unescape(page)
