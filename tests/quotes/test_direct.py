"""Direct speech: cues before and after, split quotes, partial quotes, and what is not a quote."""

from __future__ import annotations

import pytest

from chronik.model import Article, Mention, Paragraph, Quote
from chronik.quotes import find_quotes
from tests.quotes.test_constructions import _tagging, quotes_of


def article(text: str) -> Article:
    return Article(id="d", text=text, paragraphs=[Paragraph(0, len(text), text)])


def test_find_quotes_merges_a_split_quote_with_its_cue() -> None:
    text = "«Beide Seiten waren sich einig», heisst es im Statement, «dass es weitergeht.»"
    quotes = find_quotes(article(text))
    assert len(quotes) == 1
    assert [span.text for span in quotes[0].message] == ["«Beide Seiten waren sich einig»", "«dass es weitergeht.»"]
    assert quotes[0].cue_lemma == "heissen"
    assert quotes[0].speaker_kind == "document"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Ministerin sagte: „Wir bleiben hart.“", "Die Ministerin"),
        ("„Wir bleiben hart“, sagte die Ministerin.", "die Ministerin"),
        ("„Wir bleiben hart“, so die Ministerin.", "die Ministerin"),
        ("Die Ministerin hat eine klare Haltung: „Wir bleiben hart.“", "Die Ministerin"),
    ],
)
def test_find_quotes_attributes_a_direct_quote(text: str, speaker: str) -> None:
    quotes = find_quotes(article(text))
    assert [q.type for q in quotes] == ["Direct"]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


def test_find_quotes_marks_a_quote_inside_indirect_speech_as_partial() -> None:
    text = "Gleichzeitig liege es im «Kerninteresse» der USA, Stabilität zu schaffen, sagte der Gesandte."
    quotes = find_quotes(article(text))
    partial = [q for q in quotes if q.partial]
    assert [q.message[0].text for q in partial] == ["«Kerninteresse»"]
    assert partial[0].speaker is not None and partial[0].speaker.text == "der Gesandte"


def test_find_quotes_gives_a_bare_quote_the_last_speaker() -> None:
    text = "„Wir bleiben hart“, sagte die Ministerin. „Niemand wird uns erpressen.“"
    quotes = find_quotes(article(text))
    assert [q.speaker.text if q.speaker else None for q in quotes] == ["die Ministerin", "die Ministerin"]
    assert quotes[1].cue is None


@pytest.mark.parametrize(
    "text",
    [
        "Das sagte er dem «Blick» am Montag.",
        "Sie las den Roman «Der Zauberberg» im Urlaub.",
        "Die Mondlandefähre «Eagle» setzte sanft auf.",
        "Die sogenannte «Koalition der Willigen» zerfiel.",
        "Der Verein «Pro Velo» wächst.",
    ],
)
def test_find_quotes_leaves_names_titles_and_scare_quotes_alone(text: str) -> None:
    assert [q for q in find_quotes(article(text)) if q.type == "Direct"] == []


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("«Wir bleiben hart», sagte sie dem «Blick».", "dem «Blick»"),
        ("Die Ministerin sagte gegenüber der Zeitung: «Wir bleiben hart.»", "der Zeitung"),
    ],
)
def test_find_quotes_records_the_addressee(text: str, addressee: str) -> None:
    quote = find_quotes(article(text))[0]
    assert quote.addressee is not None and quote.addressee.text == addressee


def test_find_quotes_gives_a_bracketed_quote_to_the_name_before_it() -> None:
    text = (
        "Gratuliert haben die Leiterin der Behörde, Anna Keller („Niemand hat den Preis mehr verdient.“), "
        "und der Bürgermeister Jan Weber („Der Preis kommt zur rechten Zeit. Wir freuen uns.“)."
    )
    quotes = quotes_of(text, "Direct")
    assert [(quote.speaker.text if quote.speaker else None) for quote in quotes] == [
        "Anna Keller",
        "der Bürgermeister Jan Weber",
    ]


def test_find_quotes_reads_no_speaker_into_a_bracketed_title_after_a_noun() -> None:
    assert all(quote.speaker is None for quote in quotes_of("Der Film („Ein Sommer am See“) läuft im Kino.", "Direct"))


def _direct_with_persons(text: str, persons: list[str]) -> list[Quote]:
    article = Article(id="p", text=text, paragraphs=[Paragraph(0, len(text), text)])
    for stage in _tagging():
        article = stage(article)
    article.mentions = [Mention(text.index(name), text.index(name) + len(name), name, "PER") for name in persons]
    return [quote for quote in find_quotes(article) if quote.type == "Direct"]


@pytest.mark.parametrize(
    ("text", "person", "speaker"),
    [
        (
            "Der Ermittler will nach dem Ende des Falls Weber seine Arbeit einstellen: „Mehr kommt nicht nach!“",
            "Weber",
            "Der Ermittler",
        ),
        (
            "Jede Verantwortung für die Affäre weist Anna Keller von sich: „Das ist Sache des Vorstands.“",
            "Anna Keller",
            "Anna Keller",
        ),
        (
            "Die Antwort von Anna Keller war knapp: „Dazu sage ich nichts.“",
            "Anna Keller",
            "Die Antwort von Anna Keller",
        ),
    ],
)
def test_find_quotes_takes_a_colon_speaker_from_the_subject_not_from_an_object(
    text: str, person: str, speaker: str
) -> None:
    quotes = _direct_with_persons(text, [person])
    assert [quote.speaker.text if quote.speaker else None for quote in quotes] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "„Wasser für alle“, so lautet der Titel einer Studie, die heute in Berlin vorgestellt wurde.",
        "„Blaue Tage“ heißt das neue Album der Band.",
    ],
)
def test_find_quotes_drops_a_title_named_by_the_clause_after_it(text: str) -> None:
    found = find_quotes(article(text))
    assert [quote.type for quote in found] == []


def test_find_quotes_keeps_a_quote_that_the_clause_after_it_calls_a_message() -> None:
    quotes = find_quotes(article("„Wir müssen sparen“, so lautete die Botschaft des Ministers."))
    assert [quote.type for quote in quotes] == ["Direct"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ursprünglich wollte er „ein Konzept mit acht Stadien vorlegen“, am Ende waren es zwölf.", "er"),
        ("Anfangs wollte die Gemeinde «die Strasse bis zum Winter fertig bauen», nun dauert es länger.",
         "die Gemeinde"),
    ],
)  # fmt: skip
def test_find_quotes_keeps_a_quoted_verb_phrase_without_a_cue(text: str, speaker: str) -> None:
    quotes = quotes_of(text, "Direct")
    assert [(quote.partial, quote.speaker.text if quote.speaker else None) for quote in quotes] == [(True, speaker)]


def test_find_quotes_drops_a_quoted_noun_phrase_without_a_cue() -> None:
    assert quotes_of("Die Gemeinde baut eine „Strasse der Zukunft“ am Ufer des Sees.", "Direct") == []


@pytest.mark.parametrize(
    "text",
    [
        "«Wir haben die Lage im Griff, mehr nicht», wie der Gemeindepräsident am Abend mitteilte.",
        "„Wir haben die Lage im Griff, mehr nicht“, wie der Gemeindepräsident am Abend mitteilte.",
    ],
)
def test_cue_after_reads_a_wie_clause_after_the_quote(text: str) -> None:
    quotes = quotes_of(text, "Direct")
    assert [(quote.speaker.text if quote.speaker else None, quote.cue_lemma) for quote in quotes] == [
        ("der Gemeindepräsident", "mitteilen")
    ]


def test_cue_after_needs_wie_to_open_a_subordinate_cue() -> None:
    text = "„Wir haben die Lage im Griff, mehr nicht“, obwohl der Gemeindepräsident am Abend anderes mitteilte."
    assert [quote.cue_lemma for quote in quotes_of(text, "Direct")] != ["mitteilen"]
