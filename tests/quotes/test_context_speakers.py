"""Speaker rules of the sixth error study: quotes whose speaker stands in a neighbouring sentence or
clause, split quotes that do not cross a sentence end, and subjects behind an object pronoun. All
sentences are written for these tests (German, Swiss and Austrian style)."""

from __future__ import annotations

from chronik.model import Entity, Quote
from chronik.quotes import find_quotes
from chronik.quotes.grammar import verb_tagged_as_adjective
from chronik.quotes.view import Word
from tests.quotes.test_constructions import _tagging, message, quotes_of, speaker_of
from tests.quotes.test_speakers import article_with


def partials(quotes: list[Quote]) -> list[Quote]:
    return [quote for quote in quotes if quote.partial]


def test_inherit_speakers_gives_a_cueless_partial_quote_the_last_speaker() -> None:
    text = (
        "Die Ministerin Anna Berg äusserte sich zufrieden: «Wir haben viel erreicht.» "
        "Es sei ihr immer darum gegangen, «die Schulden endlich abzubauen»."
    )
    quote = next(q for q in partials(quotes_of(text, "Direct")) if "Schulden" in message(q))
    assert speaker_of(quote) == "Die Ministerin Anna Berg"


def test_inherit_speakers_leaves_a_partial_quote_without_any_earlier_speaker_open() -> None:
    text = "Es sei ihr immer darum gegangen, «die Schulden endlich abzubauen»."
    assert all(speaker_of(quote) is None for quote in partials(quotes_of(text, "Direct")))


def test_free_indirect_takes_the_named_subject_when_only_a_subordinate_clause_is_konjunktiv() -> None:
    # an adverbial clause; an "ob" clause after the apposition is indirect speech since the tenth round
    text = "Auch der Landrat, Peter Huber, will die Strasse sperren, weil sie zu gefährlich sei."
    quotes = quotes_of(text, "FreeIndirect")
    assert [speaker_of(quote) for quote in quotes] == ["der Landrat"]


def test_free_indirect_takes_the_subject_before_a_dass_clause() -> None:
    text = (
        "«Wir brauchen mehr Grünflächen», sagte die Stadträtin Maria Keller. "
        "Die Opposition blieb dabei, dass es die Sache der Investoren sei, wie gebaut werde."
    )
    quotes = quotes_of(text, "Indirect")  # since the eighth round the dass clause alone, see test_content_clause
    assert [speaker_of(quote) for quote in quotes] == ["Die Opposition"]


def test_free_indirect_with_konjunktiv_in_the_main_clause_continues_the_last_speaker() -> None:
    text = (
        "«Wir brauchen mehr Geld», sagte die Bürgermeisterin Eva Roth. "
        "Die Stadt habe seit Jahren nichts erhalten, weil das Land spare."
    )
    quotes = quotes_of(text, "FreeIndirect")
    assert [speaker_of(quote) for quote in quotes] == ["die Bürgermeisterin Eva Roth"]


def test_speakers_from_next_sentence_reads_das_sagte_after_a_quote() -> None:
    text = "«Wir müssen jetzt handeln.» Das sagte die Umweltministerin am Montag in Berlin."
    assert [speaker_of(quote) for quote in quotes_of(text, "Direct")] == ["die Umweltministerin"]


def test_speakers_from_next_sentence_reads_dies_erklaerte_after_a_quote() -> None:
    text = "«Die Lage ist ernst, aber beherrschbar.» Dies erklärte der Landrat nach der Krisensitzung."
    assert [speaker_of(quote) for quote in quotes_of(text, "Direct")] == ["der Landrat"]


def test_speakers_from_next_sentence_takes_any_verb_after_mit_diesen_worten() -> None:
    text = "«Das ist ein schwarzer Tag für unsere Gemeinde.» Mit diesen Worten eröffnete der Bürgermeister die Sitzung."
    assert [speaker_of(quote) for quote in quotes_of(text, "Direct")] == ["der Bürgermeister"]


def test_speakers_from_next_sentence_ignores_a_sentence_opened_by_an_article() -> None:
    text = "«Wir müssen jetzt handeln.» Das Komitee tagte am Montag in Wien."
    assert [speaker_of(quote) for quote in quotes_of(text, "Direct")] == [None]


def test_build_direct_does_not_join_quotes_across_a_sentence_with_its_own_cue() -> None:
    text = "«Wir sind zufrieden», sagte Fischer. Brandt widersprach: «Das reicht bei weitem nicht.»"
    quotes = quotes_of(text, "Direct")
    assert [(message(q), speaker_of(q)) for q in quotes] == [
        ("«Wir sind zufrieden»", "Fischer"),
        ("«Das reicht bei weitem nicht.»", "Brandt"),
    ]


def test_build_direct_still_joins_a_split_quote_within_one_sentence() -> None:
    text = "«Wir sind zufrieden», sagte Fischer, «aber es bleibt noch viel zu tun.»"
    quotes = quotes_of(text, "Direct")
    assert len(quotes) == 1
    assert len(quotes[0].message) == 2
    assert speaker_of(quotes[0]) == "Fischer"


def test_speaker_right_skips_an_object_pronoun_before_the_subject() -> None:
    text = "Anders sieht das der Ökonom Felix Braun: «Die Reform kommt viel zu spät.»"
    assert [speaker_of(quote) for quote in quotes_of(text, "Direct")] == ["der Ökonom Felix Braun"]


def test_speaker_right_keeps_das_as_article_of_the_subject() -> None:
    text = "«Die Reform kommt viel zu spät», kritisiert das Institut für Wirtschaftsforschung."
    quote = quotes_of(text, "Direct")[0]
    assert speaker_of(quote) is not None
    assert speaker_of(quote).startswith("das Institut")  # type: ignore[union-attr]


def test_colon_subject_keeps_a_demonstrative_subject() -> None:
    text = "Der Kanzler traf den Präsidenten. Dieser bedankte sich für die Hilfe: «Ihr seid wahre Freunde.»"
    assert [speaker_of(quote) for quote in quotes_of(text, "Direct")] == ["Dieser"]


def test_resolve_a_demonstrative_subject_to_the_last_person_named() -> None:
    text = "Olaf Berger traf Wolodymyr Petrenko. Dieser bedankte sich für die Hilfe: «Ihr seid wahre Freunde.»"
    names = [("Olaf Berger", "PER", "E1"), ("Wolodymyr Petrenko", "PER", "E2")]
    entities = [Entity("E1", "PER", "Olaf Berger"), Entity("E2", "PER", "Wolodymyr Petrenko")]
    article = article_with(text, names, entities)
    for stage in _tagging():
        article = stage(article)
    quote = next(q for q in find_quotes(article) if q.type == "Direct")
    assert speaker_of(quote) == "Dieser"
    assert (quote.speaker_kind, quote.speaker_entity) == ("person", "E2")


def _word(position: int, text: str, pos: str) -> Word:
    return Word(position, position * 10, position * 10 + len(text), text, text.lower(), pos, text, {}, 0)


def test_verb_tagged_as_adjective_accepts_a_verb_before_its_pronoun_subject() -> None:
    words = [_word(0, "Am", "APPRART"), _word(1, "Abend", "NN"), _word(2, "ergänzte", "ADJA"), _word(3, "er", "PPER")]
    assert verb_tagged_as_adjective(words, 2)


def test_verb_tagged_as_adjective_rejects_an_attribute_of_a_noun() -> None:
    words = [_word(0, "die", "ART"), _word(1, "erklärte", "ADJA"), _word(2, "Absicht", "NN")]
    assert not verb_tagged_as_adjective(words, 1)
    words = [_word(0, "eine", "ART"), _word(1, "geplante", "ADJA"), _word(2, ",", "$,"), _word(3, "aber", "KON")]
    assert not verb_tagged_as_adjective(words, 1)  # "eine geplante, aber …": an attribute after its article


def test_to_quotes_takes_in_a_name_apposed_to_the_speaker() -> None:
    text = "Der Sprecher der Polizei, Hans Weber, sagte: «Wir ermitteln in alle Richtungen.»"
    article = article_with(text, [("Hans Weber", "PER", "E1")], [Entity("E1", "PER", "Hans Weber")])
    for stage in _tagging():
        article = stage(article)
    quote = next(q for q in find_quotes(article) if q.type == "Direct")
    assert speaker_of(quote) == "Der Sprecher der Polizei, Hans Weber"
    assert quote.speaker_entity == "E1"


def test_to_quotes_leaves_a_speaker_without_apposed_name_alone() -> None:
    text = "Der Sprecher der Polizei, der am Tatort war, sagte: «Wir ermitteln in alle Richtungen.»"
    article = article_with(text, [], [])
    for stage in _tagging():
        article = stage(article)
    quote = next(q for q in find_quotes(article) if q.type == "Direct")
    assert speaker_of(quote) == "Der Sprecher der Polizei"


def test_find_cues_reads_a_speech_verb_the_tagger_took_for_an_adjective() -> None:
    text = "«Es ist ein historischer Tag», schrieb der Minister. Am Abend ergänzte er: «Die Arbeit beginnt erst.»"
    assert [speaker_of(quote) for quote in quotes_of(text, "Direct")] == ["der Minister", "er"]


def test_noun_phrase_right_reads_ihr_before_a_noun_as_a_possessive() -> None:
    text = (
        "«Ich liebe meinen Beruf», sagt die Hebamme. Ihr Kollege Tim Roth sieht es ähnlich: «Es gibt nichts Schöneres.»"
    )
    assert [speaker_of(quote) for quote in quotes_of(text, "Direct")] == ["die Hebamme", "Ihr Kollege Tim Roth"]


def test_noun_phrase_right_keeps_ihr_alone_as_a_pronoun() -> None:
    text = "«Wir bleiben hier», sagten die Anwohner. «Und ihr?», fragte der Reporter. Ihr sagt: «Wir gehen.»"
    assert speaker_of(quotes_of(text, "Direct")[-1]) == "Ihr"


def test_speaker_right_takes_a_group_pronoun_after_the_verb() -> None:
    text = "Die Arbeitsbedingungen seien schlecht, sagen beide."
    assert [speaker_of(quote) for quote in quotes_of(text, "Indirect")] == ["beide"]


def test_speaker_right_does_not_take_a_group_determiner_without_its_noun() -> None:
    text = "Die Arbeitsbedingungen seien schlecht, sagen alle Pflegekräfte."
    assert [speaker_of(quote) for quote in quotes_of(text, "Indirect")] == ["alle Pflegekräfte"]
