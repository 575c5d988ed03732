"""Fifth error study: quotes that an outlet or document quotes (two quotations, the speaker's and the
outlet's), "«…» heisst es in X" without a comma, "ausrufen", and full stops inside quoted names. All
sentences are written for these tests."""

from __future__ import annotations

import pytest

from chronik.model import Article, Paragraph, Quote
from chronik.quotes.direct import _breaks_sentence
from chronik.quotes.grammar import konjunktiv
from chronik.quotes.lexicon import load_lexicon
from chronik.quotes.marks import find_quoted_spans
from chronik.quotes.terms import is_gloss
from chronik.quotes.view import ArticleView, Word
from tests.quotes.test_constructions import _tagging, quotes_of


def speakers(quotes: list[Quote]) -> list[str | None]:
    return [quote.speaker.text if quote.speaker is not None else None for quote in quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "«Wir haben die Lage im Griff», zitiert die «Kleine Zeitung» Landeshauptmann Peter Huber.",
            ["Landeshauptmann Peter Huber", "die «Kleine Zeitung»"],
        ),
        (
            "„Der Tunnel wird im Mai eröffnet“, zitiert orf.at Projektleiterin Anna Gruber.",
            ["Projektleiterin Anna Gruber", "orf.at"],
        ),
        (
            "«Die Kasse ist leer», zitiert die Zeitung den Gemeindepräsidenten.",
            ["den Gemeindepräsidenten", "die Zeitung"],
        ),
        (
            "Der Trainer, Hans Egli, wird vom «Tages-Anzeiger» mit den Worten zitiert: «Wir steigen nicht ab.»",
            ["Der Trainer", "«Tages-Anzeiger»"],
        ),
        (
            "In der Mitteilung des Vereins wird die Präsidentin wie folgt zitiert: „Wir feiern im Juni.“",
            ["die Präsidentin", "der Mitteilung des Vereins"],
        ),
    ],
)
def test_find_quotes_gives_a_quoted_quote_to_the_speaker_and_to_the_outlet(text: str, expected: list[str]) -> None:
    quotes = quotes_of(text, "Direct")
    assert speakers(quotes) == expected
    assert quotes[0].message[0].text == quotes[1].message[0].text
    assert quotes[1].medium == "writing"


@pytest.mark.parametrize(
    "text",
    [
        "«Wir sind unerwünscht», zitierte man die Reporterin.",  # no outlet named
        "«Die Brücke hält», wird der Ingenieur Max Roth zitiert.",
        "Die Ministerin sagte: «Wir zitieren niemanden.»",
    ],
)
def test_find_quotes_gives_a_quote_without_an_outlet_one_speaker(text: str) -> None:
    assert len(quotes_of(text, "Direct")) == 1


def test_find_quotes_reads_heisst_es_right_after_the_closing_mark() -> None:
    text = (
        "Der Verband fordert mehr Geld für die Pflege. «Ohne neue Stellen bricht das System zusammen. Wir warnen seit "
        "Jahren davor.» heisst es dazu in einer Mitteilung des Verbands."
    )
    quote = quotes_of(text, "Direct")[0]
    assert speakers([quote]) == ["einer Mitteilung des Verbands"]
    assert quote.cue_lemma == "heissen"


def test_find_quotes_takes_ausrufen_as_a_speech_verb() -> None:
    text = "Die Menge jubelte, und der Bürgermeister rief vor dem Rathaus aus: «Das ist ein grosser Tag für uns!»"
    assert speakers(quotes_of(text, "Direct")) == ["der Bürgermeister"]


def test_find_quotes_leaves_a_quoted_name_with_a_full_stop_alone() -> None:
    text = "Im Bericht steht die Partei „Linke.SH“ weiter unter Beobachtung. Das Amt legte den Bericht am Montag vor."
    assert quotes_of(text, "Direct") == []


def test_breaks_sentence_needs_a_space_or_mark_after_the_full_stop() -> None:
    assert _breaks_sentence("Wir kommen. Bald")
    assert _breaks_sentence("Er kam!«")
    assert _breaks_sentence("Zeile eins\nZeile zwei")
    assert not _breaks_sentence("Linkspartei.PDS")
    assert not _breaks_sentence("Version 2.0 erscheint")
    assert not _breaks_sentence("Ende.")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Am Marsch trugen viele Jugendliche Schilder mit der Aufschrift «Klimaschutz jetzt». Es kamen 5000.",
            "Schilder",
        ),
        ("Auf dem vordersten Transparent war die Parole „Wohnen ist ein Menschenrecht“ zu lesen.", "Transparent"),
    ],
)
def test_find_quotes_reads_inscriptions_and_slogans_as_direct_speech(text: str, speaker: str) -> None:
    quote = quotes_of(text, "Direct")[0]
    assert speaker in (quote.speaker.text if quote.speaker else "")
    assert quote.medium == "writing"


def test_find_quotes_keeps_a_one_word_inscription_a_name() -> None:
    assert quotes_of("Die Fähre mit der Aufschrift «Helvetia» legte am Morgen in Romanshorn an.", "Direct") == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Armee begann die Operation „Eiserner Schild“ („Iron Shield“) am Montag im Norden des Landes.",
        "Das Wort Ubuntu bedeutet in der Sprache der Zulu etwa «Menschlichkeit» und steht für eine Haltung.",
        "Der Ortsname bedeutet übersetzt «Dorf am Bach».",
    ],
)
def test_find_quotes_leaves_translations_and_meanings_alone(text: str) -> None:
    assert quotes_of(text, "Direct") == []


def test_find_quotes_keeps_a_quote_in_brackets_after_a_speaker() -> None:
    text = "Mehrere Gäste lobten den Abend, etwa die Wirtin Anna Huber («So voll war es noch nie.»)."
    assert len(quotes_of(text, "Direct")) == 1


def _glosses(text: str) -> list[bool]:
    article = Article(id="t", text=text, paragraphs=[Paragraph(0, len(text), text)])
    for stage in _tagging():
        article = stage(article)
    view = ArticleView(article)
    return [is_gloss(view, span) for span in find_quoted_spans(view.text, view.paragraphs)]


def test_is_gloss_finds_meanings_and_translations_in_brackets() -> None:
    assert _glosses("Er sagte, der Name bedeute in der Sprache der Zulu «Menschlichkeit».") == [False]
    assert _glosses("Der Name bedeutet auf Zulu etwa «Menschlichkeit».") == [True]
    assert _glosses("Die Operation „Eiserner Schild“ („Iron Shield“) begann.") == [False, True]
    assert _glosses("Die Wirtin Anna Huber («So voll war es noch nie.») lachte.") == [False]


def test_find_quotes_takes_a_quoted_clause_with_a_name_as_a_quote() -> None:
    text = "Der Verbandspräsident stellte fest, dass «Basel jetzt dran ist». Die Kandidatur soll im Mai folgen."
    quotes = quotes_of(text, "Direct")
    assert [quote.message[0].text for quote in quotes] == ["«Basel jetzt dran ist»"]


def test_find_quotes_still_drops_a_short_foreign_name() -> None:
    text = "Die Ministerin sagte, die Operation „Desert Wind“ sei beendet."
    assert quotes_of(text, "Direct") == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Die Sprecherin schickte eine Antwort, die aus einem Wort bestand: «Nein.»", 1),
        ("Der Verlag stellte die neue Reihe vor: «Alpenkrimis»", 0),  # a title, no sentence end
    ],
)
def test_find_quotes_takes_one_word_after_a_colon_when_it_ends_a_sentence(text: str, count: int) -> None:
    assert len(quotes_of(text, "Direct")) == count


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Für Bundesrätin Meier ist klar: «Wir brauchen die Bilateralen.»", "Bundesrätin Meier"),
        ("Für die Gewerkschaft steht fest: „Der Streik geht weiter.“", "die Gewerkschaft"),
    ],
)
def test_find_quotes_takes_the_person_whose_view_a_fuer_clause_states(text: str, speaker: str) -> None:
    assert speakers(quotes_of(text, "Direct")) == [speaker]


def test_find_quotes_gives_a_rule_for_someone_no_speaker_from_fuer() -> None:
    quotes = quotes_of("Für die Pendler gilt ab Montag: «Bitte Maske tragen.»", "Direct")
    assert speakers(quotes) != ["die Pendler"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Menge skandierte Parolen und der Redner rief vor dem Rathaus aus: «Wir geben nicht auf!»", "der Redner"),
        ("Der Minister lobte die Arbeit der Helfer und sagte: «Ihr seid grossartig.»", "Der Minister"),
        ("Die Gäste blieben lange und die Wirtin sagte: «Danke für alles.»", "die Wirtin"),
    ],
)
def test_find_cues_takes_the_subject_of_the_second_of_two_main_clauses(text: str, speaker: str) -> None:
    assert speakers(quotes_of(text, "Direct")) == [speaker]


def test_find_cues_takes_an_age_noun_as_speaker() -> None:
    text = "Der Trainer war nach dem Spiel bedient. «So kann man nicht auftreten», sagte der 52-Jährige."
    assert speakers(quotes_of(text, "Direct")) == ["der 52-Jährige"]


def test_find_cues_still_skips_a_date_after_the_verb() -> None:
    text = "«Wir sind bereit», sagte am 7. Mai 2006 der Minister."
    assert speakers(quotes_of(text, "Direct")) == ["der Minister"]


def test_find_cues_reads_a_separated_particle_of_another_verb() -> None:
    assert quotes_of("Das Gericht sprach ihn vom Vorwurf der «fahrlässigen Tötung» frei.", "Direct") == []
    assert quotes_of("Das Gericht sprach ihn vom Vorwurf der «fahrlässigen Tötung» frei.", "Reported") == []
    assert len(quotes_of("Die Anwältin sprach von einem «fahrlässigen Urteil».", "Direct")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "«Wir sind bereit», sagte am Montag der Minister.",
        "„Wir sind bereit“, erklärte am Dienstagabend der Minister in Wien.",
    ],
)
def test_find_cues_skips_a_day_before_the_subject_and_never_takes_the_quote(text: str) -> None:
    assert speakers(quotes_of(text, "Direct")) == ["der Minister"]


def _tagged(*pairs: tuple[str, str]) -> list[Word]:
    return [Word(i, 0, len(text), text, text.lower(), tag, text.lower(), {}, 0) for i, (text, tag) in enumerate(pairs)]


def test_konjunktiv_reads_an_e_form_tagged_as_adjective_after_a_pronoun() -> None:
    lexicon = load_lexicon()
    words = _tagged(("Dies", "PDS"), ("bedinge", "ADJA"), ("teilweise", "ADV"), ("Böen", "NN"))
    assert konjunktiv(words, 1, lexicon) == "I"
    attribute = _tagged(("war", "VAFIN"), ("sie", "PPER"), ("stellvertretende", "ADJA"), ("Präsidentin", "NN"))
    assert konjunktiv(attribute, 2, lexicon) is None
    article = _tagged(("Die", "ART"), ("grosse", "ADJA"), ("Halle", "NN"))
    assert konjunktiv(article, 1, lexicon) is None
    past = _tagged(("Er", "PPER"), ("meldete", "ADJA"), ("sich", "PRF"))
    assert konjunktiv(past, 1, lexicon) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Nach Angaben der Behörden, die nicht überprüft werden können, starben zwölf Menschen.",
            "starben zwölf Menschen",
        ),
        ("Laut der Polizei, die den Einsatz leitete, wurde niemand verletzt.", "wurde niemand verletzt"),
    ],
)
def test_find_quotes_leaves_a_relative_clause_on_the_frame_source_out_of_the_message(text: str, message: str) -> None:
    quotes = quotes_of(text, "Indirect")
    assert [quote.message[0].text for quote in quotes] == [message]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Das Risiko liegt, so zeigen neue Studien, bei Rauchern viel höher.",
            "Das Risiko liegt // bei Rauchern viel höher",
        ),
        (
            "Die Kosten steigen, sagt der Verband, im nächsten Jahr deutlich.",
            "Die Kosten steigen // im nächsten Jahr deutlich",
        ),
        (
            "Sie seien ausser Lebensgefahr, sagte Max Roth, der Sprecher der Ambulanz, am Abend.",
            "Sie seien ausser Lebensgefahr",
        ),
        ("Die Lage ist ernst, sagte der Minister, weil die Kassen leer sind.", "Die Lage ist ernst"),
    ],
)
def test_find_quotes_continues_a_clause_after_an_inserted_cue(text: str, message: str) -> None:
    quotes = quotes_of(text, "Indirect")
    assert [" // ".join(span.text for span in quote.message) for quote in quotes] == [message]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Laut Polizeisprecher Max Gruber «war der Fahrer betrunken».", "Polizeisprecher Max Gruber"),
        ("Laut der Polizei „besteht keine Gefahr für die Bevölkerung“.", "der Polizei"),
        ("Laut der «Weltwoche» ist der Fall erledigt.", "der «Weltwoche»"),
    ],
)
def test_frame_source_stops_before_a_quote_that_holds_the_verb(text: str, speaker: str) -> None:
    assert speakers(quotes_of(text, "Indirect")) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Ministerin machte deutlich, dass sie nicht zurücktreten werde.", "Die Ministerin"),
        ("Die Studie kommt zu dem Schluss, dass Lärm krank macht.", "Die Studie"),
    ],
)
def test_find_quotes_reads_deutlich_machen_and_zu_dem_schluss_kommen(text: str, speaker: str) -> None:
    assert speakers(quotes_of(text, "Indirect")) == [speaker]


def test_find_quotes_needs_a_content_clause_for_schluss() -> None:
    assert quotes_of("Zum Schluss dankte die Präsidentin allen Helfern.", "Indirect") == []
