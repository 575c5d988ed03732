"""A wie-clause without its closing comma (ninth round). All sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.quotes.test_constructions import quotes_of, single_indirect


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Wie die Feuerwehr mitteilte wurden zwei Menschen verletzt.",
            "wurden zwei Menschen verletzt",
            "die Feuerwehr",
        ),
        ("Wie die Sender berichten sind zwei Häuser eingestürzt.", "sind zwei Häuser eingestürzt", "die Sender"),
        ("Wie die Zeitung berichtet hat, machte die Bank Verluste.", "machte die Bank Verluste", "die Zeitung"),
    ],
)
def test_wie_clause_without_comma_ends_at_its_verb(text: str, clause: str, speaker: str) -> None:
    assert single_indirect(text) == (clause, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "Wie erwartet sind die Preise im Winter gestiegen.",  # no source
        "Wie die Firma das Werk verkaufen will ist noch unklar.",  # an infinitive before a modal
    ],
)
def test_wie_clause_without_a_source_reports_nothing(text: str) -> None:
    assert quotes_of(text, "Indirect") == []
