"""Quotation-mark pairing in all styles, apostrophes and quotes over several paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronik.quotes.marks import find_quoted_spans


def quoted(text: str) -> list[str]:
    return [text[span.start : span.end] for span in find_quoted_spans(text, [(0, len(text))])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er sagte: «Wir bleiben.» Dann ging er.", ["«Wir bleiben.»"]),
        ("Er sagte: „Wir bleiben.“ Dann ging er.", ["„Wir bleiben.“"]),
        ("Er sagte: »Wir bleiben.« Dann ging er.", ["»Wir bleiben.«"]),
        ("Er sagte: ‹Wir bleiben.› Dann ging er.", ["‹Wir bleiben.›"]),
        ("Er sagte: ‚Wir bleiben.‘ Dann ging er.", ["‚Wir bleiben.‘"]),
        ('Er sagte: "Wir bleiben." Dann ging er.', ['"Wir bleiben."']),
        ("Er sagte: 'Wir bleiben.' Dann ging er.", ["'Wir bleiben.'"]),
        ("He said: “We stay.” Then he left.", ["“We stay.”"]),
    ],
)
def test_find_quoted_spans_pairs_every_style(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_find_quoted_spans_reads_guillemet_direction_from_the_text() -> None:
    assert quoted("Sie sagte »ja« und er »nein«.") == ["»ja«", "»nein«"]
    assert quoted("Sie sagte «ja» und er «nein».") == ["«ja»", "«nein»"]


@pytest.mark.parametrize("text", ["Wie geht's dir?", "Hans' Auto steht am Ku'damm.", "Das war’s dann."])
def test_find_quoted_spans_ignores_apostrophes(text: str) -> None:
    assert quoted(text) == []


def test_find_quoted_spans_keeps_inner_quotes_as_children() -> None:
    text = "Er sagte: «Das Wort ‹nie› fiel nicht.»"
    spans = find_quoted_spans(text, [(0, len(text))])
    assert [text[s.start : s.end] for s in spans] == ["«Das Wort ‹nie› fiel nicht.»"]
    assert [text[c.start : c.end] for c in spans[0].children] == ["‹nie›"]


def test_find_quoted_spans_continues_over_paragraphs() -> None:
    text = "»Wir haben gewarnt.\n\n»Niemand hörte zu«, sagte sie."
    paragraphs = [(0, 19), (21, len(text))]
    spans = find_quoted_spans(text, paragraphs)
    assert len(spans) == 1
    assert [text[s:e] for s, e in spans[0].segments] == ["»Wir haben gewarnt.", "»Niemand hörte zu«"]


def test_find_quoted_spans_ends_a_quote_that_never_closes_with_its_paragraph() -> None:
    text = "«Wir haben gewarnt.\n\nDann kam der Sturm."
    assert [span.segments for span in find_quoted_spans(text, [(0, 19), (21, len(text))])] == [[(0, 19)]]


def test_find_quoted_spans_drops_a_straight_mark_that_never_closes() -> None:
    text = 'Das Brett ist 5" breit.\n\nDann kam der Sturm.'
    assert find_quoted_spans(text, [(0, 23), (25, len(text))]) == []


def test_find_quoted_spans_runs_on_into_a_paragraph_that_closes_without_reopening() -> None:
    text = "„Wir bleiben hart.\n\nWir verhandeln weiter.“ Dann ging sie."
    spans = find_quoted_spans(text, [(0, 18), (20, len(text))])
    assert [[text[s:e] for s, e in span.segments] for span in spans] == [
        ["„Wir bleiben hart.", "Wir verhandeln weiter.“"]
    ]


def test_find_quoted_spans_does_not_run_on_into_a_paragraph_that_opens_a_new_quote() -> None:
    text = "„Wir bleiben hart.\n\nEr sagte „Nein“ und ging."
    spans = find_quoted_spans(text, [(0, 18), (20, len(text))])
    assert [[text[s:e] for s, e in span.segments] for span in spans] == [["„Wir bleiben hart."], ["„Nein“"]]


@given(st.text(alphabet="ab «»„“‚‘\"'.,\n", max_size=60))
def test_find_quoted_spans_returns_ordered_spans_inside_the_text(text: str) -> None:
    spans = find_quoted_spans(text, [(0, len(text))])
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        for start, end in span.segments:
            assert text[start] in "«»‹›„‚“”‘’\"'" and not text[end - 1].isspace()  # open at the end: to the last word
    assert [s.start for s in spans] == sorted(s.start for s in spans)


def test_find_quoted_spans_closes_low_mark_with_straight_mark() -> None:
    assert quoted('Er sagte: „Wir bleiben hier." Dann ging er.') == ['„Wir bleiben hier."']
