"""HTML articles: visible text out, markup and scripts dropped."""

from __future__ import annotations

from .errors import InputError

_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "br", "tr", "title")


def html_to_text(html: str, source: str) -> str:
    """One paragraph a line, so segmentation sees the page's structure."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form"]):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = [" ".join(line.split()) for line in root.get_text().splitlines()]
    text = "\n".join(line for line in lines if line)
    if not text.strip():
        raise InputError(f"{source}: HTML page has no visible text", "give the article page, not an empty shell")
    return text + "\n"
