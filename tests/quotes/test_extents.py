"""Message extents: a frame that opens a bracket, a "wonach" clause inside a main clause, a fronted phrase
before an inserted cue, and impersonal cues without a source that continue an earlier speaker. All
sentences are written for these tests."""

from __future__ import annotations

from tests.quotes.test_constructions import indirect, message, quotes_of, single_indirect, speaker_of


def test_in_brackets_keeps_the_message_inside_the_bracket() -> None:
    text = "Getroffen wurde auch die Stadt Bern, zwölf Kilometer entfernt (nach anderen Angaben liegt sie weiter weg)."
    assert [message(quote) for quote in indirect(text)] == ["liegt sie weiter weg"]


def test_in_brackets_finds_no_message_without_a_verb() -> None:
    assert indirect("Das Auto fährt mit einer Ladung 100 (nach anderen Angaben 110) Kilometer weit.") == []


def test_wonach_clause_ends_before_the_main_clause_resumes() -> None:
    text = "Die Sichtweise der Opposition, wonach die Reform scheitern werde, teilt der Kanzler nicht."
    assert single_indirect(text) == ("die Reform scheitern werde", "Die Sichtweise der Opposition")


def test_fronted_phrase_before_an_inserted_cue_joins_the_clause_after_it() -> None:
    text = "Nach dem Spiel, sagte der Trainer, sei die Mannschaft müde gewesen."
    assert single_indirect(text) == ("Nach dem Spiel // sei die Mannschaft müde gewesen", "der Trainer")


def test_fronted_adverbial_clause_before_an_inserted_cue_stays_out() -> None:
    text = "Nachdem der Zug hielt, sagte die Schaffnerin, sei niemand ausgestiegen."
    assert all(not message(quote).startswith("Nachdem") for quote in indirect(text))


def test_impersonal_cue_without_a_source_continues_the_previous_subject() -> None:
    text = "Die Gewerkschaft lehnt den Vorschlag ab. Als Begründung heisst es, die Löhne seien ohnehin zu tief."
    quotes = quotes_of(text, "Indirect")
    assert [(message(quote), speaker_of(quote)) for quote in quotes] == [
        ("die Löhne seien ohnehin zu tief", "Die Gewerkschaft")
    ]


def test_wonach_after_an_object_takes_the_object_as_source() -> None:
    text = "Das Ministerium hat Berichte der Zeitung vom Montag zurückgewiesen, wonach die Armee Zutritt verlangt habe."
    assert single_indirect(text) == ("die Armee Zutritt verlangt habe", "Berichte der Zeitung vom Montag")


def test_wonach_after_a_negated_infinitive_takes_the_object_as_source() -> None:
    text = "Ein Sprecher konnte erste Medienberichte nicht bestätigen, wonach Zeugen einen Knall gehört haben wollen."
    assert single_indirect(text) == ("Zeugen einen Knall gehört haben wollen", "erste Medienberichte")


def test_frame_source_ends_before_a_number_and_its_noun() -> None:
    text = "Zur Zeit des Brandes haben sich nach Angaben der Polizei 120 Menschen im Spital befunden."
    assert single_indirect(text) == (
        "Zur Zeit des Brandes haben sich // 120 Menschen im Spital befunden",
        "Angaben der Polizei",
    )


def test_frame_source_ends_before_a_lower_case_adjective() -> None:
    text = "Den Fotos kommt laut dem Landesmuseum historische Bedeutung zu."
    assert single_indirect(text) == ("Den Fotos kommt // historische Bedeutung zu", "dem Landesmuseum")


def test_message_starts_after_an_apposition_to_the_speaker() -> None:
    text = "In einem Interview erklärte die Direktorin der Behörde, Anna Keller, das Land besitze vier Reaktoren."
    assert single_indirect(text) == ("das Land besitze vier Reaktoren", "die Direktorin der Behörde")


def test_message_keeps_its_own_subject_before_a_relative_clause() -> None:
    text = "Der Sprecher meinte, die Sängerin, die gestern aufgetreten war, sei erkrankt."
    assert single_indirect(text) == ("die Sängerin, die gestern aufgetreten war, sei erkrankt", "Der Sprecher")


def test_content_clause_ends_before_the_end_of_the_verb_bracket() -> None:
    text = "Bei der Durchsuchung wurden keine Hinweise darauf, dass jemand einen Anschlag geplant hatte, gefunden."
    assert [message(quote) for quote in indirect(text)] == ["dass jemand einen Anschlag geplant hatte"]


def test_content_clause_ends_before_a_coordinated_main_verb() -> None:
    text = "Der Soldat warnte, dass die Software im Krieg eingesetzt werde und weigerte sich, Befehle auszuführen."
    assert single_indirect(text) == ("dass die Software im Krieg eingesetzt werde", "Der Soldat")
    assert single_indirect("Sie sagte, dass die Gäste kamen und gingen.") == ("dass die Gäste kamen und gingen", "Sie")
