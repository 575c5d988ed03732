"""Template helpers: text of store records, escaped snippets."""

from __future__ import annotations

from chronik.web.views import fact_since, fact_value, message_text, participants, snippet_html, span_text, speaker_of
from tests.web.articles import XSS_SCRIPT


def test_span_text_reads_spans_and_plain_values() -> None:
    assert span_text({"start": 0, "end": 3, "text": "Rom"}) == "Rom"
    assert span_text("Rom") == "Rom"
    assert span_text(None) == ""


def test_message_text_joins_parts_with_ellipsis() -> None:
    quote = {"message": [{"start": 0, "end": 2, "text": "Ja"}, {"start": 9, "end": 13, "text": "aber"}]}
    assert message_text(quote) == "Ja … aber"
    assert message_text({"text": "Nein"}) == "Nein"


def test_speaker_of_prefers_corpus_name() -> None:
    assert speaker_of({"speaker": "Anna Keller", "speaker_name": "Keller"}) == "Anna Keller"
    assert speaker_of({"speaker": None, "speaker_name": None}) == "unbekannt"


def test_participants_link_corpus_entities() -> None:
    event = {"actors": [{"name": "Anna Keller", "entity_id": "per-1"}, {"text": "Polizei", "entity_id": None}]}
    assert participants(event, "actor") == [{"name": "Anna Keller", "id": "per-1"}, {"name": "Polizei", "id": None}]
    assert participants(event, "target") == []


def test_fact_value_and_since_read_both_shapes() -> None:
    assert (fact_value({"role": "Kanzler", "date": "2025-01-01"}), fact_since({"role": "Kanzler", "date": "2025"})) == (
        "Kanzler",
        "2025",
    )
    assert fact_value({"value": 54, "first_reported": "2025-11-03", "articles": 2}) == "54"


def test_snippet_html_marks_match_and_escapes() -> None:
    text = f"vorher {XSS_SCRIPT} Treffer nachher"
    start = text.index("Treffer")
    item = {"snippet": {"text": text, "start": 100}, "match": [100 + start, 100 + start + 7]}
    html = snippet_html(item)
    assert "<mark>Treffer</mark>" in html
    assert "<script>" not in html


def test_snippet_html_reads_plain_string_snippets() -> None:
    item = {"snippet": "ab <Wien> cd", "snippet_start": 10, "match": [14, 18]}
    assert snippet_html(item) == "ab &lt;<mark>Wien</mark>&gt; cd"


def test_snippet_html_ignores_match_outside_snippet() -> None:
    assert snippet_html({"snippet": {"text": "a<b", "start": 0}, "match": [5, 9]}) == "a&lt;b"
    assert snippet_html({"snippet": "<i>"}) == "&lt;i&gt;"
