"""Quoted passages that are names, titles or scare quotes rather than quotations (terms.py and its use in
direct.classify). All sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.quotes.test_constructions import message, quotes_of, speaker_of


def directs(text: str) -> list[str]:
    return [message(quote) for quote in quotes_of(text, "Direct")]


@pytest.mark.parametrize(
    "text",
    [
        "In der neuen Ausgabe des Wochenmagazins „Rundblick“ wird der Umbau der Bahn ausführlich behandelt.",
        "Laut einem Test des Magazines „Auto und Motor heute“ sind die neuen Modelle sparsamer geworden.",
        "Die Zeitungen „Abendpost“ und „Morgenblatt“ berichteten beide ausführlich über den Streit.",
        "Gemäss einem Bericht des Nachrichtenmagazins «Rundschau» ist die Strasse seit Jänner gesperrt.",
    ],
)
def test_is_title_reads_inflected_title_nouns(text: str) -> None:
    assert directs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Besucher hörten Vorträge zu Themen wie „Der Bau der Brücke über den Fluss“, „Erinnerungen an "
        "die alte Fähre“ oder beispielsweise „Zur Geschichte der Uferstraße“, sagte die Leiterin.",
        "Das Festival zeigt die Filme «Der lange Weg nach Hause», «Ein Sommer am See» sowie «Die Strasse», "
        "teilten die Veranstalter mit.",
    ],
)
def test_classify_drops_titles_listed_after_a_title(text: str) -> None:
    assert directs(text) == []


def test_classify_keeps_coordinated_quotes_without_a_title() -> None:
    text = "Die Hälfte der Befragten hält die Lage für „eher schlecht“ oder „sehr schlecht“, sagte der Forscher."
    assert len(directs(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "„Onkel Karl“, wie der Senator in seiner Heimatstadt genannt wurde, war für seine Reden bekannt.",
        "Das Turnier gewann „der kleine Prinz“, wie ihn seine Fans nennen, schon zum dritten Mal.",
        "«Mister Alpen», wie der Bergführer im ganzen Kanton genannt wird, feiert heute Geburtstag.",
    ],
)
def test_named_in_wie_clause_drops_a_name(text: str) -> None:
    assert directs(text) == []


def test_named_in_wie_clause_keeps_a_quote_with_wie_and_a_speech_verb() -> None:
    text = "Der Rat will „die Schulden in fünf Jahren halbieren“, wie die Präsidentin am Montag ankündigte."
    assert directs(text) == ["„die Schulden in fünf Jahren halbieren“"]


@pytest.mark.parametrize(
    "text",
    [
        "Auf der Webseite ist nur eine Nachricht des „Verein für Heimatkunde und Geschichte e.V.“ zu sehen.",
        "Die Aufträge gingen an die „Muster Bau und Technik AG“ in Bern, sagte ein Sprecher des Kantons.",
        "Das Gericht gab der „Alpen Energie GmbH“ recht, wie die Richterin erklärte.",
        "Ein Vertreter der „nord energie ag“ sagte, die Firma werde weiter in Solarstrom investieren.",
    ],
)
def test_has_legal_form_drops_an_organisation_name(text: str) -> None:
    assert directs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Polizei sagte, der Verdächtige habe sich mit „fremden“ Männern im Park getroffen.",
        "Der Gemeinderat erklärte, die «drastischen» Massnahmen seien nötig gewesen.",
    ],
)
def test_attributive_scare_quote_drops_a_quoted_adjective_before_its_noun(text: str) -> None:
    assert directs(text) == []


def test_attributive_scare_quote_keeps_a_word_the_speaker_applied() -> None:
    quotes = quotes_of("Der Minister sprach von einer „beispiellosen“ Kampagne gegen ihn.", "Direct")
    assert [(message(quote), speaker_of(quote)) for quote in quotes] == [("„beispiellosen“", "Der Minister")]


def test_attributive_scare_quote_keeps_a_predicative_adjective() -> None:
    quotes = quotes_of("Die Gewerkschaft nannte das Angebot der Arbeitgeber „lächerlich“.", "Direct")
    assert [message(quote) for quote in quotes] == ["„lächerlich“"]


def test_after_utterance_noun_makes_the_quoted_clause_direct_speech() -> None:
    text = "Das Team der Kandidatin veröffentlichte die Antwort, „Tut mir leid, das muss ich erst nachfragen“, im Netz."
    quotes = quotes_of(text, "Direct")
    assert [(message(quote), quote.partial, speaker_of(quote)) for quote in quotes] == [
        ("„Tut mir leid, das muss ich erst nachfragen“", False, "die Antwort")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("In der Zeitung fand sich dazu die Feststellung „Mit dieser Ausgabe stellt sich die Redaktion neu auf“.",
         "der Zeitung"),
        ("Im Bericht steht die Warnung, «Die Strasse ist im Winter nicht sicher», gleich auf der ersten Seite.",
         "Bericht"),
    ],
)  # fmt: skip
def test_after_utterance_noun_takes_the_place_that_opens_the_sentence(text: str, speaker: str) -> None:
    assert [speaker_of(quote) for quote in quotes_of(text, "Direct")] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Im Interview gab er die Antwort, „Tut mir leid, das weiß ich nicht“, und lachte.", "er"),
        ("Auf der Medienkonferenz gab die Regierungsrätin Eva Roth die Antwort, «Das prüfen wir noch genau».",
         "die Regierungsrätin Eva Roth"),
    ],
)  # fmt: skip
def test_after_utterance_noun_prefers_the_subject_over_the_place(text: str, speaker: str) -> None:
    assert [speaker_of(quote) for quote in quotes_of(text, "Direct")] == [speaker]


def test_after_utterance_noun_leaves_a_short_quote_alone() -> None:
    assert quotes_of("Auf seine Frage erhielt er die Antwort „Nein“ und ging nach Hause.", "Direct") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Menge skandierte vor dem Rathaus Parolen wie „Regierung raus!“ und zog dann weiter.", "Die Menge"),
        ("Auf den Transparenten standen Losungen wie «Wasser für alle» und «Keine Privatisierung».",
         "den Transparenten"),
    ],
)  # fmt: skip
def test_after_inscription_noun_reads_slogans_after_wie(text: str, speaker: str) -> None:
    quotes = quotes_of(text, "Direct")
    assert quotes and all(not quote.partial and speaker_of(quote) == speaker for quote in quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Der Verbandspräsident Urs Meier feierte die Absage als «grossen Erfolg für das ganze Land».",
         "Der Verbandspräsident Urs Meier"),
        ("Auch die Ministerin attackierte den Konzern als den „größten Verschmutzer im ganzen Tal“.", "die Ministerin"),
    ],
)  # fmt: skip
def test_judged_as_makes_a_judgement_after_als_a_partial_quote(text: str, speaker: str) -> None:
    quotes = quotes_of(text, "Direct")
    assert [(quote.partial, speaker_of(quote)) for quote in quotes] == [(True, speaker)]


def test_judged_as_leaves_a_self_presentation_alone() -> None:
    assert (
        quotes_of("Die Schule präsentiert sich seit Jahren als «Schule ohne Rassismus und mit Courage».", "Direct")
        == []
    )
