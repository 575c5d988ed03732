"""Frames and speech nouns of the ninth round: "zufolge" written apart, a frame inside a relative clause
in mid-sentence, and a speech noun as the subject of a short clause. All sentences are written for
these tests."""

from __future__ import annotations

import pytest

from tests.quotes.test_constructions import message, quotes_of, single_indirect, speaker_of


def test_frame_reads_zufolge_written_apart() -> None:
    quotes = quotes_of("Dem Bericht zu Folge wurde die Strasse bereits im Mai gesperrt.", "Indirect")
    assert [message(quote) for quote in quotes] == ["wurde die Strasse bereits im Mai gesperrt"]
    assert speaker_of(quotes[0]) == "Dem Bericht"


def test_frame_ignores_zu_folge_without_a_source() -> None:
    assert quotes_of("Das hatte zu Folge, dass die Strasse gesperrt wurde.", "Indirect") == []


def test_frame_inside_a_relative_clause_keeps_to_that_clause() -> None:
    text = "Die Spieler, die sich Gerüchten zu Folge vom Verein trennen wollen, sind weiter im Kader."
    quotes = quotes_of(text, "Indirect")
    assert [message(quote) for quote in quotes] == ["die sich // vom Verein trennen wollen"]
    assert speaker_of(quotes[0]) == "Gerüchten"


def test_frame_inside_a_final_subordinate_clause_runs_to_the_sentence_end() -> None:
    text = "Der Zug hielt an, weil laut der Bahn ein Signal gestört war."
    assert [message(quote) for quote in quotes_of(text, "Indirect")] == ["weil // ein Signal gestört war"]


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Vorwürfe werden laut, dass der Verein seine Spieler zu spät bezahlt.",
            "dass der Verein seine Spieler zu spät bezahlt",
            "Vorwürfe",
        ),
        (
            "Die Vermutungen der Geologen gehen dahin, dass die Höhle lange bewohnt war.",
            "dass die Höhle lange bewohnt war",
            "der Geologen",
        ),
    ],
)
def test_speech_noun_as_subject_reports_the_content_clause(text: str, clause: str, speaker: str) -> None:
    quotes = quotes_of(text, "Indirect")
    assert [message(quote) for quote in quotes] == [clause]
    assert speaker_of(quotes[0]) is not None and speaker in str(speaker_of(quotes[0]))


@pytest.mark.parametrize(
    "text",
    [
        "Den Vorwurf kennt der Trainer seit Jahren, weil er oft erhoben wird.",  # an object, no content clause
        "Die Vorwürfe gegen den langjährigen Präsidenten des Vereins wiegen so schwer, dass er zurücktritt.",
    ],
)
def test_speech_noun_as_object_or_in_a_long_clause_reports_nothing(text: str) -> None:
    assert quotes_of(text, "Indirect") == []


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "In dem Jahresbericht des Ministeriums steht, dass die Zahl der Einbrüche gesunken ist.",
            "dass die Zahl der Einbrüche gesunken ist",
            "dem Jahresbericht des Ministeriums",
        ),
        ("Im Brief der Direktorin stand: Die Schule bleibt bis Montag geschlossen.", None, "Brief"),
    ],
)
def test_document_statement_reports_its_content(text: str, clause: str | None, speaker: str) -> None:
    quotes = quotes_of(text, "Indirect")
    assert len(quotes) == 1
    assert clause is None or message(quotes[0]) == clause
    assert speaker in str(speaker_of(quotes[0]))


@pytest.mark.parametrize(
    "text",
    [
        "Im Garten steht, dass man den Rasen nicht betreten darf.",  # no document
        "Im Bericht steht die Zahl der Einbrüche.",  # no content clause
    ],
)
def test_document_statement_needs_a_document_and_a_content_clause(text: str) -> None:
    assert quotes_of(text, "Indirect") == []


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Nach der Verfassung muss der Präsident innerhalb von dreissig Tagen neu gewählt werden.",
            "muss der Präsident innerhalb von dreissig Tagen neu gewählt werden",
            "der Verfassung",
        ),
        (
            "Nach geltendem Recht ist der Verkauf von Feuerwerk verboten.",
            "ist der Verkauf von Feuerwerk verboten",
            "geltendem Recht",
        ),
    ],
)
def test_frame_reads_nach_with_a_law_as_source(text: str, clause: str, speaker: str) -> None:
    assert single_indirect(text) == (clause, speaker)


def test_frame_reads_nach_with_another_document_as_a_time() -> None:
    assert quotes_of("Nach dem Urteil des Gerichts verliess die Familie das Land.", "Indirect") == []


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Die Lage sei ernst, so der Minister weiter.", "Die Lage sei ernst"),
        ("Die Lage sei ernst, so die Ministerin gegenüber der Zeitung.", "Die Lage sei ernst"),
        ("Laut Polizei: Zwei Menschen wurden verletzt.", "Zwei Menschen wurden verletzt"),
    ],
)
def test_frame_message_leaves_out_what_belongs_to_the_frame(text: str, clause: str) -> None:
    assert [message(quote) for quote in quotes_of(text, "Indirect")] == [clause]


def test_frame_before_a_colon_quote_also_reports_the_clause_before_it() -> None:
    text = "Auch diese Unwissenheit habe Methode, so der Experte weiter: „Das ist in anderen Firmen üblich.“"
    indirect = quotes_of(text, "Indirect")
    direct = quotes_of(text, "Direct")
    assert [(message(quote), quote.speaker.text if quote.speaker else None) for quote in indirect] == [
        ("Auch diese Unwissenheit habe Methode", "der Experte")
    ]
    assert [message(quote) for quote in direct] == ["„Das ist in anderen Firmen üblich.“"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Laut Jan Weber, dem Vorsitzenden des Vereins, ist die Lage ernst.",
            "Jan Weber, dem Vorsitzenden des Vereins",
        ),
        ("Laut Jan Weber, dem das Amt untersteht, ist die Lage ernst.", "Jan Weber"),
    ],
)
def test_frame_source_takes_a_role_in_apposition_but_not_a_relative_clause(text: str, speaker: str) -> None:
    quotes = quotes_of(text, "Indirect")
    assert [(message(quote), speaker_of(quote)) for quote in quotes] == [("ist die Lage ernst", speaker)]


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Die Geologen stellten schon vor Jahren die These auf, dass die Gletscher schneller schmelzen.",
            "dass die Gletscher schneller schmelzen",
            "Die Geologen",
        ),
        (
            "Am Abend erteilte der Kapitän den Befehl, das Schiff sofort zu verlassen.",
            "das Schiff sofort zu verlassen",
            "der Kapitän",
        ),
    ],
)
def test_speech_noun_as_object_before_its_verb_bracket_reports_the_content_clause(
    text: str, clause: str, speaker: str
) -> None:
    assert single_indirect(text) == (clause, speaker)


def test_frame_reads_nach_with_a_relative_pronoun_after_a_source() -> None:
    text = "Der Rückzug folgt auf die Umfragen im Kanton, nach denen zwei Drittel den Tunnel ablehnen."
    quotes = quotes_of(text, "Indirect")
    assert [message(quote) for quote in quotes] == ["zwei Drittel den Tunnel ablehnen"]
    assert speaker_of(quotes[0]) == "Umfragen im Kanton, nach denen"


def test_frame_ignores_nach_with_a_relative_pronoun_after_a_time() -> None:
    assert quotes_of("Sie kam nach der Pause, nach der alle Gäste gingen.", "Indirect") == []


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Nach bisherigem Erkenntnisstand hat ein Kurzschluss das Feuer ausgelöst.",
            "hat ein Kurzschluss das Feuer ausgelöst",
            "bisherigem Erkenntnisstand",
        ),
        (
            "Laut der Sprecherin gegenüber dem «Kurier» ist die Strecke ab Montag wieder offen.",
            "ist die Strecke ab Montag wieder offen",
            "der Sprecherin gegenüber dem «Kurier»",
        ),
    ],
)
def test_frame_that_opens_the_sentence_reaches_to_the_finite_verb(text: str, clause: str, speaker: str) -> None:
    assert single_indirect(text) == (clause, speaker)
