"""Reported speech of the eighth round: the message is the speech act's own clause, and "halten … für"
with a predicate reports an opinion. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.quotes.test_constructions import message, quotes_of


def reported(text: str) -> list[str]:
    return [message(quote) for quote in quotes_of(text, "Reported")]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Die Behörden gehen von Brandstiftung aus, ein Verfahren wurde bereits eröffnet.",
            "Die Behörden gehen von Brandstiftung aus",
        ),
        (
            "Da die Zahl der Fälle steigt, rechnet die Ärztin mit mehr Patienten.",
            "rechnet die Ärztin mit mehr Patienten.",
        ),
    ],
)
def test_reported_speech_keeps_to_the_clause_of_its_cue(text: str, clause: str) -> None:
    assert reported(text) == [clause]


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause, a subordinate clause and a verb phrase sharing the subject stay in
        "Der Verband forderte den Rücktritt des Direktors, der die Firma seit zehn Jahren leitet.",
        "Die Gewerkschaft warnte vor Kürzungen, weil die Löhne ohnehin tief sind.",
        "Der Präsident warnte vor Gewalt, nahm die Polizei in Schutz und forderte Ruhe.",
        # a relative clause after a preposition
        "Die Ministerin bemängelte die Pläne, mit denen die Regierung mehr Ordnung schaffen will.",
    ],
)
def test_reported_speech_keeps_dependent_clauses(text: str) -> None:
    assert reported(text) == [text]


def test_reported_speech_reads_halten_fuer_with_a_predicate() -> None:
    assert reported("Der Verband hält das neue Verfahren für verfassungswidrig.") == [
        "Der Verband hält das neue Verfahren für verfassungswidrig."
    ]


@pytest.mark.parametrize(
    "text", ["Die Ministerin hält eine Rede für die Opfer.", "Der Verein hält an seinem Trainer fest."]
)
def test_reported_speech_ignores_halten_without_a_predicate(text: str) -> None:
    assert reported(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Am Montag erklärte die Polizei auf einer Pressekonferenz die Hintergründe der Festnahme.",  # a place
        "Der Schiedsrichter erklärte das Spiel nach dem Unwetter für beendet.",  # declaring, not reporting
    ],
)
def test_reported_speech_needs_a_speech_act_with_a_topic(text: str) -> None:
    assert reported(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Anwohner drängten auf eine rasche Lösung.",  # "auf" with an accusative is a topic
        "Die Bäckerei äusserte sich am Montag zu den Vorwürfen.",  # a topic without content
    ],
)
def test_reported_speech_keeps_topics_and_refusals(text: str) -> None:
    assert reported(text) == [text]


def test_reported_speech_reads_bezeichnen_only_with_als() -> None:
    assert reported("Der Begriff bezeichnet eine alte Technik aus dem Tessin.") == []
    text = "Die Ministerin bezeichnete den Entscheid als Fehler."
    assert reported(text) == [text]


def test_reported_speech_in_its_own_clause_beside_indirect_speech() -> None:
    text = "Laut den Veranstaltern kamen 7000 Menschen, die Polizei dagegen sprach von 4000 Teilnehmern."
    assert [message(quote) for quote in quotes_of(text, "Indirect")] == ["kamen 7000 Menschen"]
    assert reported(text) == ["die Polizei dagegen sprach von 4000 Teilnehmern."]
    overlapping = "Die Gemeinde sagte, sie rechne mit hohen Kosten."
    assert reported(overlapping) == []  # a clause that carries indirect speech is no second, reported one


def test_frame_message_keeps_a_konjunktiv_clause_after_the_comma() -> None:
    text = "Laut dem Veranstalter kamen 7000 Menschen, die Polizei habe von 4000 gesprochen."
    assert [message(quote) for quote in quotes_of(text, "Indirect")] == [
        "kamen 7000 Menschen, die Polizei habe von 4000 gesprochen"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Als Lichtjahr bezeichnet man die Strecke, die das Licht in einem Jahr zurücklegt.",
        "Man nennt diese Technik auch Recycling von Wärme.",
    ],
)
def test_reported_speech_skips_a_term_defined_with_man(text: str) -> None:
    assert reported(text) == []


def test_reported_speech_keeps_a_named_speaker_who_names_something() -> None:
    assert reported("Die Ministerin bezeichnete den Plan als Fehler.") == [
        "Die Ministerin bezeichnete den Plan als Fehler."
    ]


def test_reported_speech_reads_anprangern_and_not_an_unveiled_monument() -> None:
    assert reported("Die Gewerkschaft prangerte die Zustände in den Lagern an.") == [
        "Die Gewerkschaft prangerte die Zustände in den Lagern an."
    ]
    assert reported("Der Bürgermeister enthüllte ein Denkmal für die Opfer.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Umweltverbände kritisierten den Entscheid des Gemeinderats.",
        "Auch die Opposition verurteilte den Angriff auf das Parteibüro.",
        "Die Präsidentin begrüsste die Gäste aus dem Tessin und lobte die Arbeit der Helfer.",
        "Der Minister bekräftigte das Engagement seines Landes für den Frieden.",
        "Die Jury würdigte damit den Einsatz der Freiwilligen.",
    ],
)
def test_reported_speech_skips_an_attitude_towards_a_named_target(text: str) -> None:
    assert reported(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Umweltverbände kritisierten den Entscheid als übereilt.",
        "Auch die Opposition verurteilte den Angriff als feige Tat.",
    ],
)
def test_reported_speech_keeps_an_attitude_with_its_judgement(text: str) -> None:
    assert reported(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Die Bäckerei äusserte sich bisher nicht zu den Vorwürfen.",
        "Die Gruppe bekannte sich jedoch nie zu dem Anschlag.",
        "Der Verband warnte niemals vor den Folgen.",
    ],
)
def test_reported_speech_skips_a_speech_act_that_did_not_take_place(text: str) -> None:
    assert reported(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Der Verband forderte nicht nur höhere Löhne, sondern auch mehr Ferien.",
        "Die Polizei sprach von nicht mehr als 300 Teilnehmern.",
        "Die Polizei warnte vor nicht genehmigten Demonstrationen.",
    ],
)
def test_reported_speech_keeps_nicht_that_negates_no_act(text: str) -> None:
    assert reported(text) == [text]


def test_reported_speech_for_a_naming_verb_whose_noun_takes_the_infinitive() -> None:
    text = "Die Direktorin bezeichnete die Sperre als einen Versuch der Regierung, die Presse zu behindern."
    assert quotes_of(text, "Indirect") == []
    assert reported(text) == [text]
    promise = "Der Sprecher kündigte an, die Sender abzuschalten."  # a verb that takes the infinitive
    assert [message(quote) for quote in quotes_of(promise, "Indirect")] == ["die Sender abzuschalten"]


def test_reported_speech_reads_halten_fuer_after_a_relative_clause() -> None:
    text = "Die Kläger halten das Gesetz, das im Mai beschlossen wurde, für verfassungswidrig."
    assert reported(text) == [text]
    assert reported("Die Ministerin hält die Rede, die sie versprochen hat, für die Opfer.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Grünen haben den Entscheid des Gemeinderats als voreilig bezeichnet.", "Die Grünen"),
        ("Der Betriebsrat hatte zu dem Vorfall eine Untersuchung gefordert.", "Der Betriebsrat"),
        ("Von der Opposition wurde der Besuch des Ministers als unpassend kritisiert.", "der Opposition"),
        ("Die Aktion wurde von den Veranstaltern als Erfolg gewertet.", "den Veranstaltern"),
    ],
)
def test_reported_speech_reads_a_participle_cue_in_the_perfect_or_passive(text: str, speaker: str) -> None:
    quotes = quotes_of(text, "Reported")
    assert [message(quote) for quote in quotes] == [text]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Weitere Kundgebungen sind für Samstag angekündigt.",  # a result with "sein", nobody speaks
        "Der Besuch des Ministers wurde als unpassend kritisiert.",  # a passive without its agent
        "Das Unwetter hat in den Bergen mehr als zwanzig Todesopfer gefordert.",  # claims lives
        "In Graz forderte der Sturm zwei Menschenleben.",
        "Ein Nachbar hatte den Rauch schon am Morgen gesehen.",  # the indefinite is the subject's
        "Zu den Gründen wurde von keiner Seite etwas gesagt.",  # nobody spoke
        "Keiner der Minister äusserte sich zu dem Vorfall.",
        "Das Gericht hat die Klausel in zwei Fällen für zulässig erklärt.",  # declares a state
    ],
)
def test_reported_speech_ignores_participles_without_speaker_and_casualties(text: str) -> None:
    assert reported(text) == []


def test_indirect_speech_keeps_announcements_with_their_content_clause() -> None:
    text = "Der Hersteller gab am Montag bekannt, dass die Preise steigen."
    assert [message(quote) for quote in quotes_of(text, "Indirect")] == ["dass die Preise steigen"]


@pytest.mark.parametrize(
    "text",
    [
        "Der Verband feierte die Absage als grossen Erfolg.",
        "Die Ministerin attackierte den Konzern als rücksichtslos.",
    ],
)
def test_reported_speech_takes_judgement_verbs_with_als(text: str) -> None:
    assert reported(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Er feierte als Kind seinen Geburtstag in Bern.",
        "Die Ministerin lobte als Erste den Entscheid.",
        "Die Mannschaft feierte den Sieg bis in die Nacht.",
    ],
)
def test_reported_speech_needs_an_object_before_the_judgement(text: str) -> None:
    assert reported(text) == []


def test_reported_speech_takes_a_reproach_as_its_content() -> None:
    text = "Die Gemeindepräsidentin hat dem Kanton gestern Untätigkeit in der Spitalfrage vorgeworfen."
    assert reported(text) == [text]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Die Ministerin nannte die Reform eine Katastrophe für die Bauern.", True),
        ("Der Gewerkschafter nannte ihn einen Lügner.", True),
        ("Der Kommissar nannte einen Grund für den Rücktritt.", False),
        ("Sie nannte ihren Sohn Peter.", False),
    ],
)
def test_reported_speech_reads_nennen_with_an_indefinite_predicate_as_a_judgement(text: str, found: bool) -> None:
    assert reported(text) == ([text] if found else [])
