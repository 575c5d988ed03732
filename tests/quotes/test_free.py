"""Free indirect speech and the seventh-round cues, on sentences written for these tests."""

from __future__ import annotations

import pytest

from chronik.model import Quote
from chronik.quotes import find_quotes
from tests.quotes.test_constructions import _tagging, message, quotes_of
from tests.quotes.test_indirect import article


def messages(quotes: list[Quote], kind: str) -> list[str]:
    return [quote.message[0].text for quote in quotes if quote.type == kind]


@pytest.mark.parametrize(
    "text",
    [
        "Jedoch sei es in wenigen Fällen zu einer Anklage gekommen.",
        "Kurz nach Mitternacht sei es zu einem Kurzschluss gekommen.",
        "Allerdings sei es weiter geboten, die Banken zu prüfen.",
    ],
)
def test_free_indirect_takes_sei_es_in_second_place(text: str) -> None:
    assert messages(find_quotes(article(text)), "FreeIndirect") == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Er schweigt, sei es aus Angst oder aus Scham.",
        "Sei es aus Trotz oder aus Not, der Laden bleibt zu.",
        "Die Gäste kommen, sei es mit dem Zug oder sei es mit dem Bus.",
        "Es sei denn, der Zug fällt aus.",
    ],
)
def test_free_indirect_ignores_concessive_sei_es(text: str) -> None:
    assert find_quotes(article(text)) == []


def test_free_indirect_joins_konjunktiv_two_before_a_konjunktiv_one_sentence() -> None:
    text = "Der Bericht liegt vor. Techniker hätten den Hebel verstellt. Dadurch sei ein Alarm ausgelöst worden."
    assert messages(find_quotes(article(text)), "FreeIndirect") == [
        "Techniker hätten den Hebel verstellt. Dadurch sei ein Alarm ausgelöst worden."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ohne die Feuerwehr wären sie gestorben. Die Helfer kamen rechtzeitig.",
        "Ohne die Feuerwehr wären sie gestorben.\n\nDie Lage sei nun ruhig.",
    ],
)
def test_free_indirect_leaves_konjunktiv_two_without_a_following_report(text: str) -> None:
    assert not any("wären" in message for message in messages(find_quotes(article(text)), "FreeIndirect"))


@pytest.mark.parametrize(
    ("text", "message", "cue"),
    [
        ("Die Opposition hielt dem entgegen, dass die Kosten zu hoch seien.", "dass die Kosten zu hoch seien", "hielt"),
        ("Die Grünen setzten dem entgegen, es gebe genug Geld.", "es gebe genug Geld", "setzten"),
        (
            "Die Zeitung will aus Kreisen der Regierung erfahren haben, dass der Minister zurücktreten werde.",
            "dass der Minister zurücktreten werde",
            "erfahren",
        ),
    ],
)
def test_indirect_reads_objections_and_learnt_reports(text: str, message: str, cue: str) -> None:
    quotes = [quote for quote in find_quotes(article(text)) if quote.type == "Indirect"]
    assert [quote.message[0].text for quote in quotes] == [message]
    assert quotes[0].cue is not None and quotes[0].cue.text == cue


@pytest.mark.parametrize("text", ["Er erfuhr erst am Abend von dem Unfall.", "Der Ball wurde ihm entgegengehalten."])
def test_new_cues_without_content_report_nothing(text: str) -> None:
    assert find_quotes(article(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Da das Werk sofort abgeschaltet wurde, sei es in einer Turbine zu Problemen gekommen.",
        "Als die Feuerwehr eintraf, sei es bereits zu spät gewesen.",
    ],
)
def test_free_indirect_takes_sei_es_after_a_fronted_adverbial_clause(text: str) -> None:
    assert [message(quote) for quote in quotes_of(text, "FreeIndirect")] == [text]


def test_free_indirect_keeps_concessive_sei_es_oder_after_a_fronted_clause() -> None:
    assert quotes_of("Als er kam, sei es aus Angst oder aus Scham, schwieg er.", "FreeIndirect") == []


def test_free_indirect_takes_a_full_verb_konjunktiv_two_after_a_quotation() -> None:
    text = "Das Amt warnt vor weiterem Hochwasser. Die Dämme befänden sich nahe an der Belastungsgrenze."
    assert [message(quote) for quote in quotes_of(text, "FreeIndirect")] == [
        "Die Dämme befänden sich nahe an der Belastungsgrenze."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Die Dämme befänden sich nahe an der Belastungsgrenze.",  # no quotation before it
        "Das Amt warnt vor weiterem Hochwasser. Das Wasser könnte bald weiter steigen.",  # a modal verb
    ],
)
def test_free_indirect_ignores_konjunktiv_two_alone_or_of_a_modal(text: str) -> None:
    assert quotes_of(text, "FreeIndirect") == []


def _tagged(text: str) -> list[Quote]:
    """All quotations of a text whose paragraphs are separated by blank lines, after the tagger."""
    tagged = article(text)
    for stage in _tagging():
        tagged = stage(tagged)
    return find_quotes(tagged)


def test_free_indirect_takes_reportative_soll_after_a_speech_act() -> None:
    text = (
        "Am Dienstag erklärte die Staatsanwaltschaft in Graz die Hintergründe der Festnahme. "
        "Der Mann wohnte im selben Haus. Das Motiv soll Eifersucht gewesen sein."
    )
    quotes = _tagged(text)
    assert messages(quotes, "FreeIndirect") == ["Das Motiv soll Eifersucht gewesen sein."]
    assert [quote.speaker.text for quote in quotes if quote.type == "FreeIndirect" and quote.speaker] == [
        "die Staatsanwaltschaft"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Am Dienstag wurde in Graz ein Mann festgenommen. Das Motiv soll Eifersucht gewesen sein.",  # no speech act
        "Am Dienstag erklärte die Polizei die Details.\n\nDas Motiv soll Eifersucht gewesen sein.",  # new paragraph
        "Dem Dorf drohte im Frühling eine Flut. Der Damm soll gebrochen sein.",  # a correlate verb alone
    ],
)
def test_free_indirect_ignores_soll_without_a_speech_act_before(text: str) -> None:
    assert messages(_tagged(text), "FreeIndirect") == []


def test_free_indirect_takes_a_konjunktiv_main_clause_after_a_speech_verb_in_an_adverbial_clause() -> None:
    text = (
        "Die Polizei sucht einen Mann. Im Juli soll ein Unbekannter in drei Fällen Frauen belästigt haben. "
        "Nachdem er seine Opfer verfolgt und festgehalten hat, habe er versucht, sie zu küssen."
    )
    quotes = _tagged(text)
    assert [quote.type for quote in quotes] == ["FreeIndirect"]
    assert message(quotes[0]).endswith("habe er versucht, sie zu küssen.")
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Die Polizei"


def test_free_indirect_ignores_a_team_name_in_brackets_tagged_as_a_verb() -> None:
    text = (
        "Die Rundfahrt begann am Samstag. Der Slowake Peter Sagan (Bora-hansgrohe) wurde Zweiter, "
        "der Deutsche Marcel Kittel (Katusha-Alpecin) kam auf Rang drei."
    )
    assert _tagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Der Verband warnte vor der Reform. Falls das Gesetz durchkommt, wäre die Versorgung gefährdet.",
        "Die Ärztin sagte, der Wert sei hoch. Hätte er nur Wasser getrunken, so wäre er kaum zu erklären.",
    ],
)
def test_free_indirect_ignores_konjunktiv_two_after_a_condition(text: str) -> None:
    assert quotes_of(text, "FreeIndirect") == []


def test_free_indirect_takes_konjunktiv_two_with_a_condition_after_it() -> None:
    text = "Die Gewerkschaft sagte, sie sei bereit. Die Streiks würden weitergehen, wenn kein Angebot komme."
    assert [message(quote) for quote in quotes_of(text, "FreeIndirect")] == [
        "Die Streiks würden weitergehen, wenn kein Angebot komme."
    ]


def test_cue_in_konjunktiv_belongs_to_the_free_indirect_run() -> None:
    text = (
        "Die Universität teilte mit, die Arbeit sei mangelhaft. "
        "Ausserdem habe die Prüfung ergeben, dass viele Stellen abgeschrieben seien."
    )
    assert [message(quote) for quote in quotes_of(text, "Indirect")] == ["die Arbeit sei mangelhaft"]
    assert [message(quote) for quote in quotes_of(text, "FreeIndirect")] == [
        "Ausserdem habe die Prüfung ergeben, dass viele Stellen abgeschrieben seien."
    ]


def test_free_indirect_takes_konjunktiv_two_after_a_speech_act_in_the_perfect() -> None:
    text = (
        "Die Ministerin hat dem Konzern schwere Fehler vorgeworfen. "
        "Wegen der Pannen hätten viele Kunden ihr Geld verloren."
    )
    quotes = quotes_of(text, "FreeIndirect")
    assert [message(quote) for quote in quotes] == ["Wegen der Pannen hätten viele Kunden ihr Geld verloren."]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Die Ministerin"
