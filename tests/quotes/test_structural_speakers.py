"""Speakers read off the sentence's structure: the clause subject of a quoted phrase that no
quotation hosts and no cue introduces, and a document named as the place of a passive sentence.
All sentences are written for these tests; person names are marked as the NER stage would mark them."""

from __future__ import annotations

from chronik.model import Article, Mention, Paragraph, Quote
from chronik.quotes import find_quotes
from tests.quotes.test_constructions import _tagging, quotes_of, speaker_of


def partials(text: str, persons: list[str]) -> list[Quote]:
    article = Article(id="t", text=text, paragraphs=[Paragraph(0, len(text), text)])
    for stage in _tagging():
        article = stage(article)
    for name in persons:
        start = text.index(name)
        article.mentions.append(Mention(start, start + len(name), name, "PER"))
    return [quote for quote in find_quotes(article) if quote.partial]


def speakers(quotes: list[Quote]) -> list[str | None]:
    return [quote.speaker.text if quote.speaker is not None else None for quote in quotes]


def test_clause_subject_takes_a_pronoun_subject_of_the_quotes_own_clause() -> None:
    text = (
        "Der Verbandschef Theo Keller gab die Bewerbung im Januar bekannt. "
        "Ursprünglich wollte er «ein Konzept mit acht Stadien vorlegen», am Ende waren es zwölf."
    )
    assert speakers(partials(text, ["Theo Keller"])) == ["er"]


def test_clause_subject_takes_the_clause_that_governs_a_dependent_one() -> None:
    text = (
        "Die Gemeinde hat das Projekt von Anna Roth gestoppt. "
        "Zwar ist der Bau vom Tisch, die Gegner sind aber froh, dass sie «das ganze Tal retten konnten»."
    )
    assert speakers(partials(text, ["Anna Roth"])) == ["die Gegner"]


def test_clause_subject_leaves_an_impersonal_subject_to_the_last_speaker() -> None:
    text = "Die Ministerin Eva Graf lobte den Plan. Es hätte «ein grosser Wurf für das Land werden können»."
    assert speakers(partials(text, ["Eva Graf"])) == ["Die Ministerin Eva Graf"]


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
