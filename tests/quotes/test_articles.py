"""End-to-end checks of the quotation stage on our own German, Austrian and Swiss fixture articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.quotes import find_quotes
from tests.quotes.gold import find_match, fixture_paths, load_fixture, speaker_agrees

PATHS = fixture_paths()
IDS = [path.stem for path in PATHS]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_articles_find_every_gold_quote(path: Path) -> None:
    fixture = load_fixture(path)
    quotes = find_quotes(fixture.article)
    missing = [expected["message"] for expected in fixture.quotes if find_match(expected, quotes) is None]
    assert missing == []


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_articles_attribute_every_gold_quote(path: Path) -> None:
    fixture = load_fixture(path)
    quotes = find_quotes(fixture.article)
    wrong = []
    for expected in fixture.quotes:
        quote = find_match(expected, quotes)
        if quote is None:
            continue
        if not speaker_agrees(expected, quote):
            wrong.append((expected["message"], quote.speaker.text if quote.speaker else None))
        if "kind" in expected and quote.speaker_kind != expected["kind"]:
            wrong.append((expected["message"], quote.speaker_kind))
        if "cue" in expected and (quote.cue is None or quote.cue.text.split()[0] != expected["cue"]):
            wrong.append((expected["message"], quote.cue.text if quote.cue else None))
    assert wrong == []


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_articles_find_nothing_beyond_the_gold(path: Path) -> None:
    fixture = load_fixture(path)
    quotes = find_quotes(fixture.article)
    matched = {id(find_match(expected, quotes)) for expected in fixture.quotes}
    extra = [(quote.type, quote.message[0].text) for quote in quotes if id(quote) not in matched]
    assert extra == []


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_articles_leave_names_and_titles_alone(path: Path) -> None:
    fixture = load_fixture(path)
    quoted = [span.text for quote in find_quotes(fixture.article) if quote.type == "Direct" for span in quote.message]
    assert [name for name in fixture.not_quotes if name in quoted] == []


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_articles_spans_point_into_the_text(path: Path) -> None:
    fixture = load_fixture(path)
    text = fixture.article.text
    for quote in find_quotes(fixture.article):
        spans = [*quote.message, quote.cue, quote.speaker, quote.frame]
        assert all(text[s.start : s.end] == s.text for s in spans if s is not None)
