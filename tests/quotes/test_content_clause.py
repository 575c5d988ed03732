"""Konjunktiv content clauses after an indicative main clause without a listed cue (eighth round).
All sentences are written for these tests (German, Swiss and Austrian style)."""

from __future__ import annotations

import pytest

from tests.quotes.test_constructions import message, quotes_of, speaker_of


@pytest.mark.parametrize(
    ("text", "clause", "speaker", "cue"),
    [
        (
            "Die Staatsanwältin war sich sicher, dass der Angeklagte gelogen habe.",
            "dass der Angeklagte gelogen habe",
            "Die Staatsanwältin",
            "war",
        ),
        (
            "Die Pendler beschweren sich über die Baustelle, nur ein Gleis sei noch befahrbar.",
            "nur ein Gleis sei noch befahrbar",
            "Die Pendler",
            "beschweren",
        ),
        (
            "Auch der Landrat Peter Huber will noch einmal prüfen, ob die Strasse gesperrt werden solle.",
            "ob die Strasse gesperrt werden solle",
            "der Landrat Peter Huber",
            "will",
        ),
        (
            "Die Gemeinde hat einen Zettel aufgehängt, der Markt werde verschoben.",
            "der Markt werde verschoben",
            "Die Gemeinde",
            "hat",
        ),
    ],
)
def test_content_clause_takes_the_konjunktiv_clause_as_indirect_speech(
    text: str, clause: str, speaker: str, cue: str
) -> None:
    quotes = quotes_of(text, "Indirect")
    assert [message(quote) for quote in quotes] == [clause]
    assert speaker_of(quotes[0]) == speaker
    assert quotes[0].cue is not None and quotes[0].cue.text == cue
    assert quotes_of(text, "FreeIndirect") == []


def test_content_clause_ends_before_a_coordinated_indicative_clause() -> None:
    text = "Der Bürgermeister zeigte sich gelassen, es sei kein Schaden entstanden, und lud zum Apéro ein."
    assert [message(quote) for quote in quotes_of(text, "Indirect")] == ["es sei kein Schaden entstanden"]


@pytest.mark.parametrize(
    "text",
    [
        "Die Stadt baut eine neue Brücke, die im Herbst fertig sei.",  # relative clause
        "Der Trainer wurde entlassen, weil er die Spieler belogen habe.",  # adverbial clause
        "Die Firma soll die Daten verkauft haben, dass es niemand merke.",  # reportative soll
        "Am Bahnhof sei es kalt gewesen, und der Zug habe Verspätung gehabt.",  # Konjunktiv in the main clause
        "Als der Zug ankam, sei der Bahnsteig leer gewesen.",  # a fronted adverbial clause
    ],
)
def test_content_clause_keeps_free_indirect_speech_elsewhere(text: str) -> None:
    assert [message(quote) for quote in quotes_of(text, "FreeIndirect")] == [text]
    assert not any(message(quote) != text for quote in quotes_of(text, "Indirect"))


def test_content_clause_takes_the_source_of_a_clause_without_subject() -> None:
    quotes = quotes_of("Am Montag war aus dem Rathaus zu hören, der Markt werde verschoben.", "Indirect")
    assert [message(quote) for quote in quotes] == ["der Markt werde verschoben"]
    assert speaker_of(quotes[0]) == "dem Rathaus"


def test_content_clause_reads_a_main_clause_whose_subject_has_a_name_in_apposition() -> None:
    text = "Auch der Sprecher der Partei, Jan Weber, will noch einmal prüfen, ob ein neues Verfahren nötig sei."
    quotes = quotes_of(text, "Indirect")
    assert [message(quote) for quote in quotes] == ["ob ein neues Verfahren nötig sei"]
    assert speaker_of(quotes[0]) == "der Sprecher der Partei, Jan Weber"
    assert quotes_of(text, "FreeIndirect") == []
