"""The Markdown and HTML briefs: structure, citations, escaping, and the HTML as headless Chromium shows it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from brief_fixtures import ALPHA, day_one, record, stance
from browser import BrowserMissing, decode_png, dump_dom, screenshot

from summarizer.brief.build import build_brief
from summarizer.brief.render_html import render_html
from summarizer.brief.render_markdown import render_markdown
from summarizer.brief.models import Brief

HOSTILE = '<img src=x onerror="document.body.dataset.pwned=1"> | *bold* [link](http://x)'


def _brief(hostile: bool = False) -> Brief:
    previous = build_brief(*day_one("2026-03-01"), "2026-03-01")
    records, texts = day_one()
    records = [r.model_copy(update={"provenance": r.provenance.model_copy(  # type: ignore[union-attr]
        update={"provider": "local", "model": "SmolLM2-135M-Instruct-Q8_0"})}) for r in records]
    if hostile:
        records.append(record("epsilon", ALPHA, "<b>Evil</b> Outlet", stances=[
            stance(ALPHA, "egypt", "dam", "against", "He said Egypt will accept talks only if Ethiopia stops "
                   "filling the reservoir.", position=HOSTILE)]))
        texts["/articles/epsilon.txt"] = ALPHA
    return build_brief(records, texts, "2026-03-02", previous)


def test_markdown_puts_headlines_first_then_actors_and_links_every_citation() -> None:
    md = render_markdown(_brief())
    order = [md.index(h) for h in ("## Headlines", "## Where outlets diverge", "## By actor", "## Sources",
                                   "## Actor resolution", "## Evidence")]
    assert order == sorted(order)
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', md))
    links = set(re.findall(r"\]\(#([^)]+)\)", md))
    assert links and links <= anchors
    actor_part = md[md.index("## By actor"):md.index("## Since")]
    for line in (ln for ln in actor_part.splitlines() if ln.startswith("- ")):
        assert re.search(r"\[[^\]]+ q\d+\]\(#q\d+\)", line), line


def test_markdown_escapes_model_text() -> None:
    md = render_markdown(_brief(hostile=True))
    assert not re.search(r"(?<!\\)<(img|b)\b", md), "unescaped HTML tag in Markdown"
    assert "\\<img src=x" in md and "\\| \\*bold\\*" in md


def test_html_escapes_model_and_article_text() -> None:
    page = render_html(_brief(hostile=True))
    assert "<img src=x" not in page and "&lt;img src=x onerror=" in page
    assert "<b>Evil</b>" not in page and "&lt;b&gt;Evil&lt;/b&gt; Outlet" in page
    assert "http://" not in re.sub(r"\[link\]\(http://x\)", "", page.replace("&lt;", "<"))  # no external assets


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("brief") / "brief.html"
    path.write_text(render_html(_brief(hostile=True)), encoding="utf-8")
    return path


def _browser_or_fail() -> None:
    try:
        from browser import chromium

        chromium()
    except BrowserMissing as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def dom(page: Path) -> str:
    """The page's DOM after its script ran: one Chromium start (2-3 s) for every check that reads it."""
    _browser_or_fail()
    return dump_dom(page)


def test_html_script_runs_and_quotes_are_expandable_in_chromium(dom: str) -> None:
    assert re.search(r'<body[^>]*data-ready="1"', dom), "the page's script did not run"
    assert "data-pwned" not in dom, "article text executed as HTML"
    items = re.findall(r'<div class="item [^"]*"[^>]*data-quotes="(\d+)"', dom)
    assert items and all(int(n) >= 1 for n in items)
    assert dom.count('<details class="quotes"') >= len(items)
    assert re.search(r'class="item stance pol-favor"', dom) and re.search(r'class="item stance pol-against"', dom)
    assert 'class="badge nov-' in dom and 'id="div-contradiction-1"' in dom


def test_html_screenshot_is_a_readable_page(page: Path, tmp_path: Path) -> None:
    _browser_or_fail()
    image = decode_png(screenshot(page, tmp_path / "brief.png", width=1280, height=2000))
    assert (image.width, image.height) == (1280, 2000)
    colours = image.colours(step=3)
    assert len(colours) > 50, "page looks blank"
    side = [image.pixel(x, y) for x in range(20, 250, 10) for y in range(400, 1800, 50)]
    assert sum(p == (255, 255, 255) for p in side) > len(side) // 2, "no white actor column on the left"
    assert (0xF6, 0xF8, 0xFA) in colours, "main area background missing"
    expected = {"favor polarity": (0x1A, 0x7F, 0x37), "against polarity": (0xCF, 0x22, 0x2E),
                "condition": (0x09, 0x69, 0xDA)}
    for name, rgb in expected.items():
        assert rgb in image.colours(step=1), f"no {name} colour on screen"


def test_chromium_shows_the_provider_and_model_in_the_header(dom: str) -> None:
    header = dom[dom.index("<header>"):dom.index("</header>")]
    found = re.search(r'<p class="provenance" id="provenance">(.*?)</p>', header)
    assert found, "no provenance line in the page header"
    text = re.sub(r"<[^>]+>", "", found.group(1))
    assert text.startswith("Extracted by ")  # the hostile fourth article was extracted by another provider
    assert "local / SmolLM2-135M-Instruct-Q8_0 (3 articles)" in text and "hand / made (1 article)" in text


def test_headline_quotes_are_one_click_away(dom: str) -> None:
    cards = re.findall(r'<li class="headline[^"]*"><details class="quotes headline-quotes"><summary>(.*?)</summary>'
                       r'(.*?)</details>', dom, re.S)
    assert cards
    for summary, body in cards:
        assert "<blockquote" not in summary and re.search(r'<blockquote class="quote" data-quote="q\d+">', body)
