"""Sentences are exact slices of the text, split where a reader would split them."""

from __future__ import annotations

from summarizer.text.segment import chunk_sentences, split_sentences

TEXT = (
    "BRASILIA (Wire) – Brazil's foreign minister said talks with the U.S. Trade Representative would resume. "
    "“We are ready,” he said. Mr. Silva added that Jan. talks failed!\n"
    "\n"
    "Headline without a period\n"
    "The E.U. and U.N. welcomed it. J. Smith disagreed?  Yes.\r\n"
)


def test_every_sentence_is_the_text_slice() -> None:
    sentences = split_sentences(TEXT)
    assert [s.id for s in sentences] == list(range(1, len(sentences) + 1))
    for s in sentences:
        assert TEXT[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_splits_and_abbreviations() -> None:
    texts = [s.text for s in split_sentences(TEXT)]
    assert texts == [
        "BRASILIA (Wire) – Brazil's foreign minister said talks with the U.S. Trade Representative would resume.",
        "“We are ready,” he said.",
        "Mr. Silva added that Jan. talks failed!",
        "Headline without a period",
        "The E.U. and U.N. welcomed it.",
        "J. Smith disagreed?",
        "Yes.",
    ]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n \n") == []


def test_chunks_keep_order_and_bound_size() -> None:
    sentences = split_sentences(" ".join(f"Sentence number {i} is here." for i in range(200)))
    chunks = chunk_sentences(sentences, 500)
    assert [s for c in chunks for s in c] == sentences
    assert all(sum(len(s.text) + 8 for s in c) <= 500 for c in chunks)
    assert len(chunks) > 1


# --- scripts without letter case (issue 13, finding 8) -------------------------------------------------

SCRIPTS = {
    "arabic": ("قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل. وأضاف أن بلاده مستعدة للحوار؟ "
               "ورفض المتحدث الاقتراح.", 3),
    "farsi": ("وزیر امور خارجه گفت که مذاکرات ادامه خواهد داشت. او افزود که ایران آماده گفتگو است؟ "
              "سخنگو این پیشنهاد را رد کرد۔", 3),
    "chinese": ("外交部长表示，谈判将于下周恢复。他补充说，中方愿意对话！这是最后的机会吗？发言人拒绝了该提议。", 4),
    "hindi": ("विदेश मंत्री ने कहा कि वार्ता अगले सप्ताह फिर से शुरू होगी। उन्होंने कहा कि भारत बातचीत के लिए तैयार है॥ "
              "प्रवक्ता ने प्रस्ताव को खारिज कर दिया।", 3),
}


def test_non_latin_terminal_punctuation_splits_sentences() -> None:
    for name, (text, count) in SCRIPTS.items():
        sentences = split_sentences(text)
        assert len(sentences) == count, (name, [s.text for s in sentences])
        for s in sentences:
            assert text[s.start : s.end] == s.text and s.text == s.text.strip()
        assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")


def _old_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The Latin-script splitter as it was before scripts without case were handled: a frozen reference."""
    import re

    from summarizer.text.segment import _BOUNDARY, _OPENERS, ABBREVIATIONS

    def boundary(match: re.Match[str]) -> bool:
        nxt = text[match.end() : match.end() + 1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            return False
        word = re.search(r"(\S+)$", text[: match.start() + 1])
        token = word.group(1).lower().rstrip(".").lstrip(_OPENERS) if word else ""
        return token not in ABBREVIATIONS and not re.fullmatch(r"[a-z]", token)

    spans, cursor = [], start
    for match in _BOUNDARY.finditer(text, start, end):
        if boundary(match):
            spans.append((cursor, match.end() - (len(match.group(0)) - len(match.group(0).rstrip()))))
            cursor = match.end()
    return [*spans, (cursor, end)] if cursor < end else spans


def test_english_segmentation_of_every_seed_is_unchanged() -> None:
    """Recorded model requests number these sentences: a different split would miss every recording."""
    import re
    from pathlib import Path

    from summarizer.text.articles import read_article
    from summarizer.text.segment import _spans_in_line

    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    assert seeds
    for path in seeds:
        text = read_article(path).text
        for line in re.finditer(r"[^\n]+", text):
            assert _spans_in_line(text, line.start(), line.end()) == _old_spans(text, line.start(), line.end()), path


def test_recorded_requests_show_the_sentences_we_split_today() -> None:
    """Every `[n] sentence` line of the committed recordings is sentence n of its article, as split now."""
    import json
    import re
    from pathlib import Path

    from summarizer.text.articles import read_article

    root = Path(__file__).resolve().parent.parent
    articles = [*sorted(root.glob("seeds/*.txt")), *sorted(root.glob("evals/dev/articles/*.txt"))]
    splits = [{s.id: s.text for s in split_sentences(read_article(p).text)} for p in articles]
    checked = 0
    for recording in sorted((root / "evals" / "runs").glob("*.recording.jsonl")):
        for row in map(json.loads, recording.read_text(encoding="utf-8").splitlines()):
            user = row["request"]["messages"][-1]["content"]
            shown = {int(n): s for n, s in re.findall(r"^\[(\d+)\] (.*)$", user, re.M)}
            if not shown or any(c in "".join(shown.values()) for c in "‹›⟦⟧"):  # defused copies differ on purpose
                continue
            seed = next((ids for ids in splits if shown.items() <= ids.items()), None)
            assert seed is not None, f"{recording.name}: a request whose sentences no article splits into"
            checked += 1
    assert checked
