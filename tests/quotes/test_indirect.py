"""Indirect, free indirect and reported speech on short hand-written articles."""

from __future__ import annotations

import pytest

from chronik.model import Article, Paragraph, Quote
from chronik.quotes import find_quotes
from tests.quotes.test_constructions import message as message_text
from tests.quotes.test_constructions import quotes_of


def article(text: str) -> Article:
    paragraphs = []
    position = 0
    for block in text.split("\n\n"):
        paragraphs.append(Paragraph(position, position + len(block), block))
        position += len(block) + 2
    return Article(id="t", text=text, paragraphs=paragraphs)


def only(quotes: list[Quote], kind: str) -> list[Quote]:
    return [quote for quote in quotes if quote.type == kind]


@pytest.mark.parametrize(
    ("text", "message", "speaker", "cue"),
    [
        ("Die Ministerin sagte, sie habe nichts gewusst.", "sie habe nichts gewusst", "Die Ministerin", "sagte"),
        ("Der Konzern teilte mit, dass die Fabrik schliesst.", "dass die Fabrik schliesst", "Der Konzern", "teilte"),
        ("Am Montag betonte der Sprecher, man sei bereit.", "man sei bereit", "der Sprecher", "betonte"),
        ("Das Treffen sei gut verlaufen, sagte Witkoff.", "Das Treffen sei gut verlaufen", "Witkoff", "sagte"),
        ("Laut der Polizei gab es zwei Verletzte.", "gab es zwei Verletzte", "der Polizei", "Laut"),
        ("Diplomaten zufolge ist ein Treffen geplant.", "ist ein Treffen geplant", "Diplomaten", "zufolge"),
        (
            "Nach Angaben der Polizei gab es zwei Verletzte.",
            "gab es zwei Verletzte",
            "Angaben der Polizei",
            "Nach Angaben",
        ),
        (
            "Wie die Stadt mitteilte, bleibt die Brücke gesperrt.",
            "bleibt die Brücke gesperrt",
            "die Stadt",
            "mitteilte",
        ),
    ],
)
def test_find_quotes_reads_indirect_speech(text: str, message: str, speaker: str, cue: str) -> None:
    quotes = only(find_quotes(article(text)), "Indirect")
    assert len(quotes) == 1
    assert " ".join(span.text for span in quotes[0].message) == message
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker
    assert quotes[0].cue is not None and quotes[0].cue.text == cue


def test_find_quotes_splits_a_message_around_an_inserted_frame() -> None:
    quotes = find_quotes(article("Die Lage, so der Minister, sei ernst."))
    assert [span.text for span in quotes[0].message] == ["Die Lage", "sei ernst"]
    assert quotes[0].frame is not None and quotes[0].frame.text == "so der Minister"


def test_find_quotes_continues_the_speaker_in_free_indirect_speech() -> None:
    text = "Der Minister sagte, er sei zufrieden. Die Gespräche seien gut verlaufen. Das Wetter war schön."
    quotes = find_quotes(article(text))
    free = only(quotes, "FreeIndirect")
    assert [q.message[0].text for q in free] == ["Die Gespräche seien gut verlaufen."]
    assert free[0].speaker is not None and free[0].speaker.text == "Der Minister"


def test_find_quotes_merges_a_run_of_free_indirect_sentences() -> None:
    text = "Der Minister sagte, er sei zufrieden. Die Lage sei ruhig. Es gebe keine Probleme."
    free = only(find_quotes(article(text)), "FreeIndirect")
    assert len(free) == 1
    assert free[0].message[0].text == "Die Lage sei ruhig. Es gebe keine Probleme."


@pytest.mark.parametrize("text", ["Es sei denn, er kommt morgen.", "Der Preis ist hoch. Das Wetter war schön."])
def test_find_quotes_ignores_fixed_phrases_and_indicative_narration(text: str) -> None:
    assert find_quotes(article(text)) == []


def test_find_quotes_reports_a_speech_act_without_content() -> None:
    quotes = find_quotes(article("Witkoff äusserte sich am Abend zum Treffen."))
    assert [(q.type, q.cue_lemma) for q in quotes] == [("Reported", "äussern")]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Witkoff"


def test_find_quotes_reads_an_anaphoric_attribution() -> None:
    text = "Die Steuern steigen nicht. Das sagte der Kanzler am Montag."
    quotes = find_quotes(article(text))
    assert quotes[0].type == "Indirect"
    assert quotes[0].message[0].text == "Die Steuern steigen nicht."
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "der Kanzler"


def test_find_quotes_sets_the_medium_from_the_cue() -> None:
    quotes = find_quotes(article("Die Zeitung schrieb, der Plan sei gescheitert."))
    assert quotes[0].medium == "writing"


def test_find_quotes_leaves_the_main_clause_after_a_fronted_adverbial_clause() -> None:
    text = "Nachdem die Vorwürfe bekannt wurden, hat die Ministerin angekündigt, ihr Amt niederzulegen."
    quotes = quotes_of(text, "Indirect")
    assert [message_text(quote) for quote in quotes] == ["ihr Amt niederzulegen"]
    assert [quote.cue.text for quote in quotes if quote.cue] == ["angekündigt"]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Dass der Bus wieder fährt, erhofft sich die Gemeinde von der neuen Regelung.", "Dass der Bus wieder fährt"),
        (
            "Die Mehrheit der Befragten befürwortete, dass die Läden länger offen bleiben.",
            "dass die Läden länger offen bleiben",
        ),
    ],
)
def test_find_quotes_reads_the_ninth_round_cue_verbs(text: str, clause: str) -> None:
    assert [message_text(quote) for quote in quotes_of(text, "Indirect")] == [clause]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Der Vater kann nicht glauben was geschehen sei.", "was geschehen sei"),
        ("Die Ärztin fragte ob der Patient Fieber habe.", "ob der Patient Fieber habe"),
    ],
)
def test_find_quotes_reads_a_content_clause_without_its_comma(text: str, clause: str) -> None:
    assert [message_text(quote) for quote in quotes_of(text, "Indirect")] == [clause]


def test_find_quotes_ignores_a_comparison_after_the_cue() -> None:
    assert quotes_of("Die Partei lehnte den Plan ab wie auch die Opposition im Landtag.", "Indirect") == []


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Nach langer Prüfung sei er zu dem Schluss gekommen, dass er keine andere Wahl habe.",
            "dass er keine andere Wahl habe",
            "er",
        ),
        (
            "Die Studie kommt zu dem Ergebnis, dass die Temperaturen stärker steigen.",
            "dass die Temperaturen stärker steigen",
            "Die Studie",
        ),
    ],
)
def test_find_quotes_reads_a_conclusion_as_a_cue(text: str, clause: str, speaker: str) -> None:
    quotes = quotes_of(text, "Indirect")
    assert [(message_text(quote), quote.speaker.text if quote.speaker else None) for quote in quotes] == [
        (clause, speaker)
    ]


def test_find_quotes_reads_no_cue_into_a_speech_noun_of_another_clause() -> None:
    text = "Die Einsicht sei ihr mit dem Hinweis verweigert worden, ihre Person sei nicht betroffen."
    assert quotes_of(text, "Indirect") == []


def test_find_quotes_reads_a_konjunktiv_inside_a_quoted_fragment_of_the_clause() -> None:
    text = "Am Montag äußerte sich der Sprecher dahingehend, das Gespräch „sei in freundlicher Atmosphäre verlaufen“."
    quotes = quotes_of(text, "Indirect")
    assert [message_text(quote) for quote in quotes] == ["das Gespräch „sei in freundlicher Atmosphäre verlaufen“"]
    assert [quote.partial for quote in quotes_of(text, "Direct")] == [True]


def test_find_quotes_gives_no_speaker_to_a_fronted_message_of_heisst_es() -> None:
    quotes = quotes_of("Die Polizei war im Einsatz. Der Schaden sei hoch, hieß es.", "Indirect")
    assert [(message_text(quote), quote.speaker) for quote in quotes] == [("Der Schaden sei hoch", None)]
    quotes = quotes_of("In dem Bericht, der am Montag erschien, heißt es, der Schaden sei hoch.", "Indirect")
    assert [quote.speaker.text if quote.speaker else None for quote in quotes] == ["dem Bericht"]


def test_find_quotes_continues_a_message_after_an_inserted_cue() -> None:
    text = "Die Ursache werde noch untersucht, erklärte die Polizei, ein technischer Defekt sei aber wahrscheinlich."
    quotes = quotes_of(text, "Indirect")
    assert [message_text(quote) for quote in quotes] == [
        "Die Ursache werde noch untersucht // ein technischer Defekt sei aber wahrscheinlich"
    ]
    assert [message_text(quote) for quote in quotes_of("Die Lage sei ernst, sagte er, und ging.", "Indirect")] == [
        "Die Lage sei ernst"
    ]


def test_anaphoric_cue_points_back_only_to_sentences_without_their_own_quotation() -> None:
    text = (
        "Laut der Feuerwehr ist das Lager niedergebrannt. Der Brand soll in der Nacht ausgebrochen sein. "
        "Das berichten Lokalzeitungen."
    )
    quotes = quotes_of(text, "Indirect")
    assert [(message_text(quote), quote.speaker.text if quote.speaker else None) for quote in quotes] == [
        ("ist das Lager niedergebrannt", "der Feuerwehr"),
        ("Der Brand soll in der Nacht ausgebrochen sein.", "Lokalzeitungen"),
    ]


def test_verb_first_cue_after_an_adverbial_clause_takes_its_zu_infinitive() -> None:
    text = "Während der Trainer schwieg, räumte die Spielerin ein, seit Jahren davon geträumt zu haben."
    assert [message_text(quote) for quote in quotes_of(text, "Indirect")] == ["seit Jahren davon geträumt zu haben"]


def test_fronted_clause_with_its_own_speech_verb_is_no_message() -> None:
    text = "Die Polizei beziffert die Zahl der Verletzten auf zwölf, befürchtet aber weitere Opfer."
    assert [message_text(quote) for quote in quotes_of(text, "Indirect")] == []
    assert [message_text(quote) for quote in quotes_of("Der Damm sei sicher, betonte der Ingenieur.", "Indirect")] == [
        "Der Damm sei sicher"
    ]


def test_content_clause_ends_before_a_colon_that_opens_a_quotation() -> None:
    text = (
        "Die Forscherin wandte sich gegen die Behauptung, der Mais werde nie in Lebensmittel gelangen: «Das ist naiv.»"
    )
    assert [message_text(quote) for quote in quotes_of(text, "Indirect")] == [
        "der Mais werde nie in Lebensmittel gelangen"
    ]
