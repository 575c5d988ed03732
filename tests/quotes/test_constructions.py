"""Constructions added after the first error study: frames inside clauses, fronted clauses after a
prepositional phrase, dass-clauses after a relative clause, coordinated reporting clauses, and
speakers found by the fallback rules. All sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from chronik.model import Article, Paragraph, Quote
from chronik.pipeline import create_stage
from chronik.quotes import find_quotes


@cache
def _tagging() -> list[Callable[[Article], Article]]:
    try:
        return [create_stage("tokenizer"), create_stage("tagger")]
    except Exception as exc:  # the tagger's model is not installed here
        pytest.skip(f"tokenizer/tagger unavailable: {exc}")


def quotes_of(text: str, kind: str) -> list[Quote]:
    """Quotations of one type after the tokenizer and tagger (the rules read parts of speech)."""
    article = Article(id="t", text=text, paragraphs=[Paragraph(0, len(text), text)])
    for stage in _tagging():
        article = stage(article)
    return [quote for quote in find_quotes(article) if quote.type == kind]


def indirect(text: str) -> list[Quote]:
    return quotes_of(text, "Indirect")


def message(quote: Quote) -> str:
    return " // ".join(span.text for span in quote.message)


def test_find_quotes_keeps_a_frame_inside_its_subordinate_clause() -> None:
    quotes = indirect("Der Zug kam später an, weil nach Angaben der Bahn ein Signal gestört war.")
    assert len(quotes) == 1
    assert message(quotes[0]).startswith("weil")
    assert "Der Zug" not in message(quotes[0])


def test_find_quotes_reads_a_fronted_main_clause_after_a_prepositional_phrase() -> None:
    quotes = indirect("Vor dem Unfall wurde kein Alarm ausgelöst, teilte die Feuerwehr mit.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "Vor dem Unfall wurde kein Alarm ausgelöst"
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "die Feuerwehr"


def test_find_quotes_ignores_a_fronted_phrase_without_verb() -> None:
    quotes = indirect("In ihrer Rede, mahnte die Bürgermeisterin.")
    assert quotes == []


def test_find_quotes_prefers_the_dass_clause_over_a_relative_clause() -> None:
    quotes = indirect("Anna Keller, deren Amt die Kontrollen leitet, sagte, dass drei Betriebe geschlossen wurden.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "dass drei Betriebe geschlossen wurden"


def test_find_quotes_ends_a_message_where_a_second_reporting_clause_begins() -> None:
    text = "Der Bürgermeister sagte, die Brücke sei sicher, doch die Ingenieurin Eva Roth erklärte, sie sei marode."
    found = {message(quote): quote.speaker.text if quote.speaker else None for quote in indirect(text)}
    assert found == {"die Brücke sei sicher": "Der Bürgermeister", "sie sei marode": "die Ingenieurin Eva Roth"}


def test_find_quotes_takes_the_source_of_a_passive_report_as_speaker() -> None:
    quotes = indirect("Im Bericht des Rechnungshofs wird kritisiert, dass die Kosten gestiegen sind.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "dass die Kosten gestiegen sind"
    assert quotes[0].speaker is not None and "Rechnungshofs" in quotes[0].speaker.text


def test_find_quotes_reads_a_frame_noun_before_nach() -> None:
    quotes = indirect("Seiner Meinung nach hätte die Stadt früher handeln müssen.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "hätte die Stadt früher handeln müssen"
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Seiner Meinung"


def test_find_quotes_continues_reported_speech_in_konjunktiv_two_after_a_gap() -> None:
    text = "Die Ministerin sagte, der Plan sei solide. Sie sprach im Rathaus. Andere Wege wären deutlich teurer."
    free = quotes_of(text, "FreeIndirect")
    assert [message(quote) for quote in free] == ["Andere Wege wären deutlich teurer."]
    assert free[0].speaker is not None and free[0].speaker.text in ("Sie", "Die Ministerin")


def test_find_quotes_reads_no_konjunktiv_two_without_reported_speech_before() -> None:
    assert quotes_of("Der Zug fuhr pünktlich ab. Andere Wege wären deutlich teurer.", "FreeIndirect") == []
