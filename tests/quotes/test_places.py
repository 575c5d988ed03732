"""A document named as the place of a passive sentence speaks the free indirect speech after it.
All sentences are written for these tests."""

from __future__ import annotations

from tests.quotes.test_constructions import quotes_of, speaker_of


def free_speakers(text: str) -> list[str | None]:
    return [speaker_of(quote) for quote in quotes_of(text, "FreeIndirect")]


def test_document_place_speaks_after_a_passive_sentence() -> None:
    text = (
        "In einer Analyse der Zeitung wird der Streit als Machtkampf gesehen. "
        "So habe sich die Ministerin schon im Frühling mit dem Kanzler zerstritten."
    )
    assert free_speakers(text) == ["In einer Analyse der Zeitung"]


def test_document_place_reads_a_contracted_preposition() -> None:
    text = (
        "Im Jahresbericht werden zahlreiche Fälle aus dem Kanton aufgeführt. "
        "Oft habe die Polizei zu spät auf die Anzeigen reagiert."
    )
    assert free_speakers(text) == ["Im Jahresbericht"]


def test_document_place_needs_a_document() -> None:
    text = (
        "In der Hauptstadt wird der Streit als Machtkampf gesehen. "
        "So habe sich die Ministerin schon im Frühling mit dem Kanzler zerstritten."
    )
    speakers = free_speakers(text)
    assert len(speakers) == 1 and speakers[0] != "In der Hauptstadt"


def test_document_place_needs_a_passive_clause() -> None:
    text = (
        "In einer Analyse der Zeitung steht der Streit im Mittelpunkt. "
        "So habe sich die Ministerin schon im Frühling mit dem Kanzler zerstritten."
    )
    speakers = free_speakers(text)
    assert len(speakers) == 1 and speakers[0] != "In einer Analyse der Zeitung"
