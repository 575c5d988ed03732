"""Verbs that report only through a correlate ("einigten sich darauf, dass …", "drohte damit, … zu …"),
ninth round. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.quotes.test_constructions import quotes_of, single_indirect


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Die Gemeinde und der Kanton einigten sich darauf, dass die Brücke im Sommer saniert wird.",
            "dass die Brücke im Sommer saniert wird",
            "Die Gemeinde und der Kanton",
        ),
        (
            "Die Gewerkschaft droht damit, die Verhandlungen über den Tarifvertrag abzubrechen.",
            "die Verhandlungen über den Tarifvertrag abzubrechen",
            "Die Gewerkschaft",
        ),
        (
            "Der Betriebsrat beharrt darauf, dass keine Stellen abgebaut werden.",
            "dass keine Stellen abgebaut werden",
            "Der Betriebsrat",
        ),
    ],
)
def test_correlate_verb_reports_its_content_clause(text: str, clause: str, speaker: str) -> None:
    assert single_indirect(text) == (clause, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "Dem Verein droht nach der Niederlage der Abstieg in die zweite Liga.",
        "Die Parteien einigten sich nach langen Verhandlungen.",
        "Die Mieter drohten mit einer Klage gegen die Verwaltung.",
        "Die Delegierten einigten sich darauf schnell, weil die Zeit drängte.",
    ],
)
def test_correlate_verb_without_correlate_and_content_reports_nothing(text: str) -> None:
    assert [quote.type for quote in quotes_of(text, "Indirect") + quotes_of(text, "Reported")] == []


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Der Mieterverband besteht darauf, dass die Nebenkosten offengelegt werden.",
            "dass die Nebenkosten offengelegt werden",
            "Der Mieterverband",
        ),
        (
            "Die Stadtwerke denken darüber nach, die Preise im Winter zu senken.",
            "die Preise im Winter zu senken",
            "Die Stadtwerke",
        ),
        (
            "Die Kantone konnten sich darauf einigen, die Grenzwerte gemeinsam zu überprüfen.",
            "die Grenzwerte gemeinsam zu überprüfen",
            "Die Kantone",
        ),
    ],
)
def test_correlate_verb_reports_after_correlate_and_verb_bracket(text: str, clause: str, speaker: str) -> None:
    assert single_indirect(text) == (clause, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "Die Gefahr besteht darin, dass der Damm bricht.",  # bestehen without "darauf"
        "Die Ausstellung besteht aus drei Teilen.",
        "Der Vorstand dachte lange nach.",
    ],
)
def test_correlate_verb_with_another_correlate_reports_nothing(text: str) -> None:
    assert [quote.type for quote in quotes_of(text, "Indirect") + quotes_of(text, "Reported")] == []
