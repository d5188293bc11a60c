"""What a brief means, on hand-made records: its day, its outlets, one holder per statement, who made it.

Every test builds records over the invented articles of `brief_fixtures`, so each
rule is pinned on input whose right answer is known, not on any seed's output.
"""

from __future__ import annotations

import pytest
from brief_fixtures import ALPHA, BETA, DAY, day_one, failed, participant, record, stance

from summarizer.brief.build import NothingToBrief, build_brief
from summarizer.brief.checks import QuoteBook
from summarizer.brief.framing import PartyFinder, framings
from summarizer.brief.present import plural
from summarizer.brief.render_html import render_html
from summarizer.brief.render_markdown import render_markdown
from summarizer.entities.resolve import Entity, resolve

EGYPT_IRAN = ("Cairo says it backs the dam deal\n"
              "CAIRO – Egyptian Foreign Minister Sameh Shoukry said Egypt supports a binding agreement on the dam.\n")


def test_only_articles_of_the_day_are_taken_and_the_others_are_listed_with_why() -> None:
    records, texts = day_one()
    records[2] = record("gamma", texts["/articles/gamma.txt"], "GMW", date="2026-02-27",
                        **{k: records[2].result[k] for k in ("participants", "red_lines")})  # type: ignore[index]
    undated = record("delta", ALPHA, "DLT", date=None)
    texts["/articles/delta.txt"] = ALPHA
    brief = build_brief([*records, undated], texts, DAY)
    assert [s.id for s in brief.sources] == ["alpha", "beta"]
    reasons = {item.id: item.reason for item in brief.left_out}
    assert reasons["gamma"] == f"dated 2026-02-27, not {DAY}"
    assert reasons["delta"].startswith("no date") and "--include-undated" in reasons["delta"]
    assert all("gamma" not in r.articles for r in brief.red_lines)


def test_undated_articles_come_in_only_when_asked() -> None:
    records, texts = day_one()
    undated = record("delta", ALPHA, "DLT", date=None)
    texts["/articles/delta.txt"] = ALPHA
    brief = build_brief([*records, undated], texts, DAY, include_undated=True)
    assert "delta" in {s.id for s in brief.sources} and not brief.left_out and brief.include_undated


def test_no_article_of_the_day_writes_no_brief_and_says_what_was_found() -> None:
    records, texts = day_one("2026-02-27")
    with pytest.raises(NothingToBrief, match="no article is dated 2026-03-02.*dated 2026-02-27"):
        build_brief(records, texts, DAY)


def test_every_article_failed_means_no_brief_with_every_reason() -> None:
    with pytest.raises(NothingToBrief) as caught:
        build_brief([failed("a", "stance: endpoint timed out"), failed("b", "all: HTTP 500")], {}, DAY)
    assert caught.value.exit_code == 1
    assert "every article failed" in caught.value.message
    assert "endpoint timed out" in caught.value.message and "HTTP 500" in caught.value.message


def test_divergence_is_only_between_articles_of_the_same_day() -> None:
    """Alpha (contacts, favour) on one day and Beta (talks planned, against) on the next: no divergence."""
    records, texts = day_one()
    records[1] = records[1].model_copy(deep=True)
    records[1].article.meta.date = "2026-03-03"
    brief = build_brief(records, texts, DAY, include_undated=True)  # a later Beta is left out, not compared
    assert [s.id for s in brief.sources] == ["alpha", "gamma"]
    records[1].article.meta.date = None  # an undated Beta is taken with --include-undated, yet has no day
    brief = build_brief(records, texts, DAY, include_undated=True)
    assert "beta" in {s.id for s in brief.sources}
    assert brief.divergences == []
    same_day = build_brief(*day_one(), DAY)
    assert {d.kind for d in same_day.divergences} == {"contradiction", "framing"}
    assert all(d.date == DAY and all(s.date == DAY for s in d.sides) for d in same_day.divergences)


@pytest.mark.parametrize("beta_day, expected", [(DAY, 1), ("2026-03-03", 0), (None, 0)])
def test_framing_compares_outlets_of_one_day_only(beta_day: str | None, expected: int) -> None:
    texts = {"alpha": ALPHA, "beta": BETA}
    book = QuoteBook(texts, {"alpha": "ALN", "beta": "Beta Wire"})
    actors = resolve([Entity("alpha", "egypt", ["Egypt"], "state"), Entity("alpha", "ethiopia", ["Ethiopia"], "state")])
    found = framings([("alpha", "ALN", DAY, ALPHA), ("beta", "Beta Wire", beta_day, BETA)],
                     PartyFinder(actors.actors), book.span)
    assert len(found) == expected


def test_an_outlet_is_never_a_file_name() -> None:
    records, texts = day_one()
    records[1] = record("beta", BETA, None, **{k: records[1].result[k]  # type: ignore[index]
                                              for k in ("participants", "stances", "conditions")})
    brief = build_brief(records, texts, DAY)
    beta = next(s for s in brief.sources if s.id == "beta")
    assert beta.outlet is None
    assert all(q.outlet is None for q in brief.stances[1].evidence)
    [condition] = brief.conditions
    assert condition.outlets == ["ALN"] and condition.unknown_outlet == 1 and condition.coverage == "single"
    assert not brief.divergences  # no known second outlet to disagree with
    md, page = render_markdown(brief), render_html(brief)
    assert "from 2 outlets: ALN, GMW (+ 1 article of unknown outlet)" in md
    assert "| beta | unknown outlet |" in md
    assert "beta" not in " ".join(h.text for h in brief.headlines)
    assert "2 outlets (+ 1 article of unknown outlet)" in page


def test_two_articles_without_outlet_are_not_two_outlets() -> None:
    a = record("a", ALPHA, None, stances=[stance(ALPHA, "egypt", "binding agreement on the dam", "favor",
                                                 "Shoukry said Cairo supports a binding agreement on the dam.")])
    b = record("b", EGYPT_IRAN, None, stances=[stance(EGYPT_IRAN, "egypt", "a binding agreement on the dam", "favor",
                                                      "Egypt supports a binding agreement on the dam.")])
    brief = build_brief([a, b], {"/articles/a.txt": ALPHA, "/articles/b.txt": EGYPT_IRAN}, DAY)
    [item] = brief.stances
    assert item.outlets == [] and item.unknown_outlet == 2 and item.coverage == "single"


def test_one_statement_is_the_officials_not_also_their_states() -> None:
    quote = "Egyptian Foreign Minister Sameh Shoukry said Egypt supports a binding agreement on the dam."
    one = record("one", EGYPT_IRAN, "ALN", participants=[
        participant(EGYPT_IRAN, "Sameh Shoukry", "person", "Egyptian Foreign Minister Sameh Shoukry",
                    role="Egyptian Foreign Minister", country="EGY"),
        participant(EGYPT_IRAN, "Egypt", "state", "Egypt supports")],
        stances=[stance(EGYPT_IRAN, "sameh-shoukry", "binding agreement on the dam", "favor", quote),
                 stance(EGYPT_IRAN, "egypt", "the binding dam agreement", "favor", quote)])
    brief = build_brief([one], {"/articles/one.txt": EGYPT_IRAN}, DAY)
    assert [s.holder for s in brief.stances] == ["sameh-shoukry"]
    assert brief.verification.duplicates_dropped == 1
    assert any("repeats the statement of its official" in r for r in brief.verification.reasons)


def test_a_states_own_statement_is_kept_beside_its_officials() -> None:
    records, texts = day_one()
    brief = build_brief(records, texts, DAY)
    assert {c.holder for c in brief.conditions} == {"egypt"} and brief.verification.duplicates_dropped == 0


def test_the_provider_and_model_are_in_every_formats_header() -> None:
    records, texts = day_one()
    records = [r.model_copy(update={"provenance": r.provenance.model_copy(  # type: ignore[union-attr]
        update={"provider": "openai", "model": "gpt-test-1"})}) for r in records]
    brief = build_brief(records, texts, DAY)
    assert [(e.provider, e.model, e.articles) for e in brief.extracted_by] == [("openai", "gpt-test-1", 3)]
    assert '"extracted_by"' in brief.model_dump_json()
    head = render_markdown(brief).split("## Headlines")[0]
    assert "Extracted by **openai / gpt\\-test\\-1**" in head or "Extracted by **openai / gpt-test-1**" in head
    page = render_html(brief)
    assert page.index('id="provenance"') < page.index('id="headlines"')
    assert "openai / gpt-test-1" in page[page.index('id="provenance"'):page.index('id="headlines"')]


def test_counts_are_written_with_their_plural() -> None:
    assert (plural(1, "divergence"), plural(2, "divergence"), plural(0, "red line")) == \
        ("1 divergence", "2 divergences", "0 red lines")
    records, texts = day_one()
    records[1].result["stances"] = []  # type: ignore[index]
    md = render_markdown(build_brief(records, texts, DAY))
    assert "1 divergence" in md.split("## Headlines")[0] and "article(s)" not in md and "1 divergences" not in md
