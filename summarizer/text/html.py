"""HTML articles: visible text out, markup and scripts dropped."""

from __future__ import annotations

import re

from summarizer.errors import InputError

_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "br", "tr", "title")


_INVISIBLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)


def _hidden(tag: object) -> bool:
    attrs = getattr(tag, "attrs", None) or {}
    return "hidden" in attrs or bool(_INVISIBLE.search(str(attrs.get("style", ""))))


def html_to_text(html: str, source: str) -> str:
    """One paragraph a line, so segmentation sees the page's structure."""
    from bs4 import BeautifulSoup

    from bs4.element import PreformattedString

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form"]):
        tag.decompose()
    for tag in soup.find_all(_hidden):  # a reader never sees it, so it is not the article (often an injection)
        tag.decompose()
    for node in soup.find_all(string=lambda s: isinstance(s, PreformattedString)):  # comments, CDATA, doctype
        node.extract()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for node in root.find_all(string=True):  # a line break in the source is a space, as a browser shows it
        if "\n" in node or "\r" in node:
            node.replace_with(re.sub(r"\s+", " ", str(node)))
    for tag in root.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = [" ".join(line.split()) for line in root.get_text().splitlines()]
    text = "\n".join(line for line in lines if line)
    if not text.strip():
        raise InputError(f"{source}: HTML page has no visible text", "give the article page, not an empty shell")
    return text + "\n"
