"""Constructions added after the first error study: frames inside clauses, fronted clauses after a
prepositional phrase, dass-clauses after a relative clause, coordinated reporting clauses, and
speakers found by the fallback rules. All sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from chronik.model import Article, Mention, Paragraph, Quote
from chronik.pipeline import create_stage
from chronik.quotes import find_quotes


@cache
def _tagging() -> list[Callable[[Article], Article]]:
    try:
        return [create_stage("tokenizer"), create_stage("tagger")]
    except Exception as exc:  # the tagger's model is not installed here
        pytest.skip(f"tokenizer/tagger unavailable: {exc}")


def quotes_of(text: str, kind: str) -> list[Quote]:
    """Quotations of one type after the tokenizer and tagger (the rules read parts of speech)."""
    article = Article(id="t", text=text, paragraphs=[Paragraph(0, len(text), text)])
    for stage in _tagging():
        article = stage(article)
    return [quote for quote in find_quotes(article) if quote.type == kind]


def indirect(text: str) -> list[Quote]:
    return quotes_of(text, "Indirect")


def message(quote: Quote) -> str:
    return " // ".join(span.text for span in quote.message)


def speaker_of(quote: Quote) -> str | None:
    return quote.speaker.text if quote.speaker is not None else None


def single_indirect(text: str) -> tuple[str, str | None]:
    """Message and speaker of the one indirect quotation of `text` (fails unless there is exactly one)."""
    quotes = indirect(text)
    assert len(quotes) == 1, [message(quote) for quote in quotes]
    return message(quotes[0]), speaker_of(quotes[0])


def test_find_quotes_keeps_a_frame_inside_its_subordinate_clause() -> None:
    quotes = indirect("Der Zug kam später an, weil nach Angaben der Bahn ein Signal gestört war.")
    assert len(quotes) == 1
    assert message(quotes[0]).startswith("weil")
    assert "Der Zug" not in message(quotes[0])


def test_find_quotes_reads_a_fronted_main_clause_after_a_prepositional_phrase() -> None:
    quotes = indirect("Vor dem Unfall wurde kein Alarm ausgelöst, teilte die Feuerwehr mit.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "Vor dem Unfall wurde kein Alarm ausgelöst"
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "die Feuerwehr"


def test_find_quotes_ignores_a_fronted_phrase_without_verb() -> None:
    quotes = indirect("In ihrer Rede, mahnte die Bürgermeisterin.")
    assert quotes == []


def test_find_quotes_prefers_the_dass_clause_over_a_relative_clause() -> None:
    quotes = indirect("Anna Keller, deren Amt die Kontrollen leitet, sagte, dass drei Betriebe geschlossen wurden.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "dass drei Betriebe geschlossen wurden"


def test_find_quotes_ends_a_message_where_a_second_reporting_clause_begins() -> None:
    text = "Der Bürgermeister sagte, die Brücke sei sicher, doch die Ingenieurin Eva Roth erklärte, sie sei marode."
    found = {message(quote): quote.speaker.text if quote.speaker else None for quote in indirect(text)}
    assert found == {"die Brücke sei sicher": "Der Bürgermeister", "sie sei marode": "die Ingenieurin Eva Roth"}


def test_find_quotes_takes_the_source_of_a_passive_report_as_speaker() -> None:
    quotes = indirect("Im Bericht des Rechnungshofs wird kritisiert, dass die Kosten gestiegen sind.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "dass die Kosten gestiegen sind"
    assert quotes[0].speaker is not None and "Rechnungshofs" in quotes[0].speaker.text


def test_find_quotes_reads_a_frame_noun_before_nach() -> None:
    quotes = indirect("Seiner Meinung nach hätte die Stadt früher handeln müssen.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "hätte die Stadt früher handeln müssen"
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Seiner Meinung"


def test_find_quotes_continues_reported_speech_in_konjunktiv_two_after_a_gap() -> None:
    text = "Die Ministerin sagte, der Plan sei solide. Sie sprach im Rathaus. Andere Wege wären deutlich teurer."
    free = quotes_of(text, "FreeIndirect")
    assert [message(quote) for quote in free] == ["Andere Wege wären deutlich teurer."]
    assert free[0].speaker is not None and free[0].speaker.text in ("Sie", "Die Ministerin")


def test_find_quotes_reads_no_konjunktiv_two_without_reported_speech_before() -> None:
    assert quotes_of("Der Zug fuhr pünktlich ab. Andere Wege wären deutlich teurer.", "FreeIndirect") == []


def test_find_quotes_gives_a_quoted_phrase_no_second_reported_quotation() -> None:
    text = "Der Bürgermeister bezeichnete den Neubau als «dringend nötig»."
    assert quotes_of(text, "Reported") == []
    partial = quotes_of(text, "Direct")
    assert len(partial) == 1 and partial[0].partial
    assert partial[0].speaker is not None and partial[0].speaker.text == "Der Bürgermeister"


def test_find_quotes_keeps_a_reported_speech_act_without_quoted_phrase() -> None:
    quotes = quotes_of("Die Gewerkschaft kritisierte den Sparplan der Regierung als unsozial.", "Reported")
    assert len(quotes) == 1


def test_find_quotes_free_indirect_takes_the_speaker_of_a_speech_verb_before() -> None:
    text = "Auch auf die hohen Zinsen verweisen die Analysten. Die Preise seien dennoch zu hoch."
    quotes = quotes_of(text, "FreeIndirect")
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "die Analysten"


def test_find_quotes_free_indirect_continues_the_speaker_of_a_quoted_phrase() -> None:
    text = "Das Fernsehen berichtete von «schweren Kämpfen» im Norden. Die Armee habe die Stadt eingenommen."
    quotes = quotes_of(text, "FreeIndirect")
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Das Fernsehen"


def test_find_quotes_reads_a_lowercase_fragment_before_so_x_as_part_of_indirect_speech() -> None:
    text = "Die meisten Fahrgäste nähmen die Verspätungen «gelassen und ohne Klagen» hin, so die Sprecherin."
    indirect_quotes = quotes_of(text, "Indirect")
    assert len(indirect_quotes) == 1
    assert "Die meisten Fahrgäste" in message(indirect_quotes[0])
    assert indirect_quotes[0].speaker is not None and indirect_quotes[0].speaker.text == "die Sprecherin"
    partial = quotes_of(text, "Direct")
    assert len(partial) == 1 and partial[0].partial


def test_find_quotes_keeps_a_capitalised_sentence_before_so_x_as_direct_speech() -> None:
    quotes = quotes_of("«Die Lage ist ernst», so die Sprecherin.", "Direct")
    assert len(quotes) == 1 and not quotes[0].partial


def test_find_quotes_takes_a_speech_verb_in_konjunktiv_for_free_indirect_not_reported() -> None:
    text = "Die Ministerin sagte, das Budget reiche nicht. Das Land gehe von Mehrkosten in Millionenhöhe aus."
    assert quotes_of(text, "Reported") == []
    assert len(quotes_of(text, "FreeIndirect")) == 1


def test_find_quotes_demnach_stands_for_the_source_of_the_sentence_before() -> None:
    text = (
        "Die Studie der Universität nennt neue Zahlen. Demnach leidet jedes fünfte Kind unter Stress. "
        "Viele Eltern seien überfordert."
    )
    indirect_quotes = quotes_of(text, "Indirect")
    assert len(indirect_quotes) == 1
    assert indirect_quotes[0].speaker is not None and indirect_quotes[0].speaker.text == "Demnach"
    assert indirect_quotes[0].speaker_kind == "document"
    free = quotes_of(text, "FreeIndirect")
    assert len(free) == 1
    assert free[0].speaker is not None and free[0].speaker.text == "Die Studie der Universität"


def test_find_quotes_relative_clause_subject_still_reports_the_clause_after_the_verb() -> None:
    quotes = quotes_of("Die Gruppe, die das Gebiet kontrolliert, erklärte, sie werde weiter kämpfen.", "Indirect")
    assert len(quotes) == 1
    assert message(quotes[0]) == "sie werde weiter kämpfen"
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Die Gruppe"


def test_find_quotes_reads_a_zu_infinitive_with_the_particle_inside() -> None:
    quotes = quotes_of("Das Kabinett hat entschieden, einen Gesetzentwurf in den Landtag einzubringen.", "Indirect")
    assert len(quotes) == 1
    assert message(quotes[0]) == "einen Gesetzentwurf in den Landtag einzubringen"


def test_find_quotes_free_indirect_looks_back_three_sentences_for_a_source() -> None:
    text = (
        "Der Wetterdienst beobachtet seit Tagen ein Tief über dem Atlantik. Am Abend wird es kälter. "
        "In den Bergen könne es Orkanböen geben."
    )
    quotes = quotes_of(text, "FreeIndirect")
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Der Wetterdienst"


def test_find_quotes_a_possessive_colon_subject_continues_the_earlier_speaker() -> None:
    text = "Die Trainerin Anna Roth lobte ihr Team. Ihre Freude war gross: «Wir haben alles richtig gemacht.»"
    quotes = quotes_of(text, "Direct")
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Die Trainerin Anna Roth"


def test_find_quotes_a_speech_noun_takes_the_subject_of_its_clause() -> None:
    quotes = quotes_of("Der Verband ist der Ansicht, dass die Regel gegen das Gesetz verstösst.", "Indirect")
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Der Verband"


def test_find_quotes_ends_a_zu_infinitive_message_before_the_next_main_clause() -> None:
    text = "Während der Minister ankündigte, den Plan prüfen zu lassen, stellt sich die Partei dahinter."
    quotes = quotes_of(text, "Indirect")
    assert len(quotes) == 1
    assert message(quotes[0]) == "den Plan prüfen zu lassen"


def test_find_quotes_takes_the_dass_clause_after_an_apposition() -> None:
    text = "Am Montag verkündete der Verband, kurz VSB, dann offiziell, dass man sich für die Spiele bewerben werde."
    quotes = quotes_of(text, "Indirect")
    assert [message(quote) for quote in quotes] == ["dass man sich für die Spiele bewerben werde"]


def test_find_quotes_ends_a_message_before_a_coordinated_speech_participle() -> None:
    text = "Der Autor hatte eingeräumt, er habe ungenau gearbeitet, jedoch stets beteuert, nicht betrogen zu haben."
    quotes = quotes_of(text, "Indirect")
    assert message(quotes[0]) == "er habe ungenau gearbeitet"


def test_find_quotes_a_name_after_the_relative_pronoun_is_the_subject_of_the_relative_clause() -> None:
    quotes = quotes_of("Die Lösung, die Anna Keller vorschlug, ist einfach. Die Kosten seien gering.", "FreeIndirect")
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Anna Keller"


def test_find_quotes_a_relative_pronoun_subject_joins_its_antecedent() -> None:
    text = "Der Verband, der die Bauern vertritt, erklärte, dass die Preise zu tief seien."
    quotes = quotes_of(text, "Indirect")
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Der Verband"


def test_find_quotes_free_indirect_with_a_named_speech_verb_subject_in_a_new_paragraph() -> None:
    text = (
        "Die Ministerin Eva Huber sagte, die Gespräche seien schwierig.\n\n"
        "Die Gegenseite verfolgt einen anderen Plan. Wie Bern wünsche auch Paris ein «rasches Abkommen»."
    )
    article = Article(id="t", text=text, paragraphs=_paragraphs(text))
    for stage in _tagging():
        article = stage(article)
    article.mentions = [Mention(text.index("Paris"), text.index("Paris") + 5, "Paris", "LOC")]
    free = [quote for quote in find_quotes(article) if quote.type == "FreeIndirect"]
    assert len(free) == 1
    assert free[0].speaker is not None and free[0].speaker.text == "Paris"


def _paragraphs(text: str) -> list[Paragraph]:
    first_end = text.index("\n\n")
    second_start = first_end + 2
    return [Paragraph(0, first_end, text[:first_end]), Paragraph(second_start, len(text), text[second_start:])]


def test_find_quotes_a_frame_source_takes_its_apposition() -> None:
    quotes = indirect("Laut dem Sprecher der Polizei, Hans Meier, wurde niemand verletzt.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "wurde niemand verletzt"
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "dem Sprecher der Polizei, Hans Meier"
