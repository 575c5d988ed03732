"""Speaker rules of the fourth error study: subjects after the verb, verb brackets closed after an
apposition, noun phrases with inserted adverbs, quoted names or short brackets, and quotes that
continue an earlier speaker. All sentences are written for these tests."""

from __future__ import annotations

from chronik.model import Quote
from chronik.quotes.grammar import is_participle_adverb, konjunktiv, segments
from chronik.quotes.lexicon import load_lexicon
from chronik.quotes.view import Word
from tests.quotes.test_constructions import indirect, quotes_of, speaker_of


def only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_find_cues_takes_the_pronoun_after_a_verb_that_follows_a_long_object() -> None:
    text = (
        "Den neuen Vorschlag der Kommission, die Grenzen für Lastwagen ganz zu öffnen, lehnt er entschieden ab: "
        "«Das wäre das Ende der Bahn.»"
    )
    assert speaker_of(only(quotes_of(text, "Direct"))) == "er"


def test_find_cues_skips_a_participle_adverb_tagged_as_noun() -> None:
    text = (
        "Die Preise seien gestiegen, sagte Meier. Beschwichtigend fügt Maier hinzu: «Es gibt keinen Grund zur Sorge.»"
    )
    assert speaker_of(only(quotes_of(text, "Direct"))) == "Maier"


def test_is_participle_adverb_accepts_adverbs_and_rejects_nouns_in_end() -> None:
    def word(text: str) -> Word:
        return Word(0, 0, len(text), text, text.lower(), "NN", text, {}, 0)

    assert is_participle_adverb(word("Abschliessend"))
    assert is_participle_adverb(word("Relativierend"))
    assert not is_participle_adverb(word("Samstagabend"))
    assert not is_participle_adverb(word("Jugend"))
    assert not is_participle_adverb(word("Landesjugend"))


def test_find_cues_reads_dessen_as_the_determiner_of_the_subject() -> None:
    quote = only(quotes_of("Nach dem Brand im Hafen teilte dessen Leiter mit: «Niemand wurde verletzt.»", "Direct"))
    assert speaker_of(quote) == "dessen Leiter"


def test_find_cues_takes_the_subject_of_a_bracket_closed_after_an_apposition() -> None:
    text = "«Die Stadt wird bald zu klein sein», wird Karl Maier, Sprecher der Planungsbehörde, zitiert."
    quote = only(quotes_of(text, "Direct"))
    assert (speaker_of(quote), quote.cue_lemma) == ("Karl Maier", "zitieren")


def test_find_cues_gives_an_active_clause_no_passive_agent() -> None:
    text = "Ein nicht namentlich genannter Vertreter der Firma nennt den Umsatz von 5 Millionen «enttäuschend»."
    assert speaker_of(only(quotes_of(text, "Direct"))) == "Ein nicht namentlich genannter Vertreter der Firma"


def test_find_cues_still_takes_the_agent_of_a_passive() -> None:
    quote = only(indirect("Der Plan wurde von der Ministerin Eva Graf kritisiert, weil er zu teuer sei."))
    assert speaker_of(quote) == "der Ministerin Eva Graf"


def test_find_cues_takes_a_quoted_name_after_its_noun_into_the_subject() -> None:
    quote = only(
        indirect("Selbst die Wochenzeitung «Der Bote» hatte letzten Winter kritisiert, dass die Schule zu teuer sei.")
    )
    assert speaker_of(quote) == "die Wochenzeitung «Der Bote»"


def test_find_cues_takes_no_time_phrase_for_a_speaker_after_the_verb() -> None:
    quote = only(indirect("Im Rat hatte letzten Winter die Elternvertretung kritisiert, dass die Schule zu teuer sei."))
    assert speaker_of(quote) == "die Elternvertretung"


def test_find_cues_keeps_a_wie_clause_apart_from_a_clause_with_its_own_finite_verb() -> None:
    text = "Wie die Zeitung «Der Kurier» berichtete, soll Huber zu seinem Trainer gesagt haben: «Ich höre auf.»"
    assert speaker_of(only(quotes_of(text, "Direct"))) == "Huber"


def test_find_cues_keeps_a_short_bracket_inside_the_subject() -> None:
    text = "Der Bund der Steuerzahler (BdSt) fordert als Antwort auf den Bericht schärfere Regeln für Dienstwagen."
    assert speaker_of(only(quotes_of(text, "Reported"))) == "Der Bund der Steuerzahler (BdSt)"


def test_segments_split_at_a_bracket_with_a_finite_verb_only() -> None:
    def words(tokens: list[tuple[str, str]]) -> list[Word]:
        return [Word(i, 0, 0, text, text.lower(), tag, text, {}, 0) for i, (text, tag) in enumerate(tokens)]

    short = words([("Club", "NN"), ("(", "$("), ("CCC", "NE"), (")", "$("), ("fordert", "VVFIN")])
    clause = words([("Club", "NN"), ("(", "$("), ("er", "PPER"), ("tagt", "VVFIN"), (")", "$("), ("fordert", "VVFIN")])
    assert segments(short, set()) == [(0, 5)]
    assert len(segments(clause, set())) == 3


def test_find_cues_takes_no_folgendes_for_a_speaker() -> None:
    text = "Aktuell lässt sie über ihren Anwalt Folgendes erklären: «Die Vorwürfe sind haltlos.»"
    assert speaker_of(only(quotes_of(text, "Direct"))) == "sie"


def test_direct_after_a_konjunktiv_colon_clause_continues_the_earlier_speaker() -> None:
    text = (
        "Die Ministerin Anna Roth sagte, das Abkommen sei ein Erfolg. "
        "Die Regeln seien im Vertrag klar festgelegt: «Daraus folgt alles Weitere.»"
    )
    assert speaker_of(only(quotes_of(text, "Direct"))) == "Die Ministerin Anna Roth"


def test_direct_after_a_colon_keeps_a_pronoun_subject_in_konjunktiv() -> None:
    text = "Der Trainer Max Roth sprach lange. Er sei sicher gewesen: «Wir gewinnen die Wahl.»"
    assert speaker_of(only(quotes_of(text, "Direct"))) == "Er"


def test_find_cues_reads_skandieren() -> None:
    quote = only(quotes_of("Die Demonstranten skandierten: «Wir bleiben hier!»", "Direct"))
    assert (speaker_of(quote), quote.cue_lemma) == ("Die Demonstranten", "skandieren")


def test_find_cues_takes_an_agent_opened_by_den_in_a_passive() -> None:
    quote = only(indirect("Die Pläne wurden von den Behörden der Stadt kritisiert, weil sie zu teuer seien."))
    assert speaker_of(quote) == "den Behörden der Stadt"


def test_find_cues_takes_a_demonstrative_pronoun_for_the_subject() -> None:
    text = "Die Polizei befragte den Nachbarn. Dieser bestätigte, dass er einen Schuss gehört habe."
    quotes = [quote for quote in indirect(text) if quote.cue_lemma == "bestätigen"]
    assert speaker_of(only(quotes)) == "Dieser"


def test_find_cues_reads_the_subject_of_a_clause_opened_by_waehrend() -> None:
    text = "Während Bürgermeister Hans Brunner ankündigte, den Plan prüfen zu lassen, lehnt die Partei ihn ab."
    quote = only([quote for quote in quotes_of(text, "Indirect") + quotes_of(text, "Reported") if quote.cue_lemma])
    assert speaker_of(quote) == "Bürgermeister Hans Brunner"


def test_noun_phrase_takes_an_attribute_between_article_and_noun() -> None:
    text = "So sagte der für die Region zuständige Koordinator, Paul Abebe, dass nur wenige Boote im Einsatz seien."
    assert speaker_of(only(indirect(text))) == "der für die Region zuständige Koordinator"


def test_find_cues_takes_no_postpositional_phrase_for_the_subject() -> None:
    quote = only(indirect("Ihr gegenüber hat er angegeben, er sei wütend gewesen."))
    assert speaker_of(quote) == "er"


def test_find_cues_ignores_a_reflexive_bestaetigt_sich() -> None:
    assert indirect("Damit bestätigt sich nun, dass das Virus sich ausbreitet.") == []


def test_find_cues_still_reads_bestaetigen_with_a_speaker() -> None:
    quote = only(indirect("Der Sprecher bestätigte, dass das Virus sich ausbreitet."))
    assert speaker_of(quote) == "Der Sprecher"


def test_find_cues_ignores_erklaeren_as_declaring_something_to_be() -> None:
    text = "Die Region, die von den Behörden zum Notstandsgebiet erklärt wurde, soll Hilfe bekommen."
    assert [quote for quote in indirect(text) if quote.cue_lemma == "erklären"] == []


def test_find_cues_ignores_angewiesen_auf() -> None:
    text = "Viele Touristen sind auf Flugzeuge angewiesen, um die Stadt zu erreichen."
    assert indirect(text) == []


def test_find_cues_takes_no_preposition_before_an_adjective_for_a_particle() -> None:
    text = "Die Schule bietet an einzelnen Orten Kurse an, dass alle Kinder lernen können."
    quotes = indirect("Die Schule bietet an einzelnen Orten gemeinsames Lernen, dass alle Kinder profitieren.")
    assert quotes == []
    assert [quote.cue_lemma for quote in indirect(text)] == ["anbieten"]


def test_find_indirect_takes_no_relative_clause_with_welche_for_a_message() -> None:
    assert indirect("Der Bericht schildert die Fehlerkette, welche schliesslich zum Unglück führte.") == []


def test_reported_takes_sehen_in_with_an_indefinite_object() -> None:
    quote = only(quotes_of("Die Grünen sehen in diesem Vorschlag keine Lösung des Problems.", "Reported"))
    assert (speaker_of(quote), quote.cue_lemma) == ("Die Grünen", "sehen")


def test_reported_ignores_sehen_without_an_indefinite_object() -> None:
    assert quotes_of("Tausende Zuschauer sahen das Spiel im Stadion.", "Reported") == []


def test_find_indirect_takes_no_content_clause_after_sehen() -> None:
    assert indirect("Der Pilot sah, dass die Landebahn nass war.") == []


def _word(index: int, text: str, tag: str, lemma: str, mood: str = "") -> Word:
    morph = {"Mood": "Sub", "Konj": mood} if mood else {}
    return Word(index, 0, 0, text, text.lower(), tag, lemma, morph, 0)


def test_konjunktiv_distrusts_a_capitalised_verb_inside_the_sentence() -> None:
    words = [_word(0, "Die", "ART", "die"), _word(1, "Notstandserlasse", "VVFIN", "notstandserlassen", "I")]
    assert konjunktiv(words, 1, load_lexicon()) is None


def test_konjunktiv_reads_a_weak_past_form_as_indicative_but_keeps_konjunktiv_one() -> None:
    past = [_word(0, "er", "PPER", "er"), _word(1, "hinschaute", "VVFIN", "hinschauen", "I")]
    present = [_word(0, "er", "PPER", "er"), _word(1, "berichte", "VVFIN", "berichten", "I")]
    assert konjunktiv(past, 1, load_lexicon()) is None
    assert konjunktiv(present, 1, load_lexicon()) == "I"


def test_find_indirect_ends_a_message_before_a_new_indicative_main_clause() -> None:
    text = "Nachdem der Rat angekündigt hatte, dass die Steuer steigen werde, haben viele Bürger protestiert."
    quote = only(indirect(text))
    assert quote.message[-1].text.endswith("steigen werde")


def test_find_indirect_continues_a_message_into_a_konjunktiv_clause() -> None:
    quote = only(indirect("Der Trainer sagte, er komme morgen, sei aber noch krank."))
    assert quote.message[-1].text.endswith("sei aber noch krank")


def test_noun_phrase_takes_a_genitive_with_an_attribute_before_its_noun() -> None:
    text = "Vertreter aller im Landtag vertretenen Parteien warnten, die Lage sei ernst."
    assert speaker_of(only(indirect(text))) == "Vertreter aller im Landtag vertretenen Parteien"


def test_noun_phrase_accepts_a_tagged_noun_with_a_lower_case_prefix() -> None:
    quote = only(indirect("Auch wirft der ai-Bericht den Behörden vor, sie hätten die Fälle verschleppt."))
    assert speaker_of(quote) == "der ai-Bericht"


def test_noun_phrase_takes_a_partitive_pronoun_with_its_genitive() -> None:
    quote = only(indirect("Eine der grössten Gruppen des Landes behauptete, dass viele Helfer verhaftet worden seien."))
    assert speaker_of(quote) == "Eine der grössten Gruppen des Landes"


def test_fallback_speaker_takes_the_subject_after_a_clause_initial_verb() -> None:
    text = "Da die Funde alt sind, formulierten die Forscher die Hypothese, dass Brot wichtig war."
    assert speaker_of(only(indirect(text))) == "die Forscher"


def test_noun_cue_takes_a_zu_infinitive_clause_as_its_message() -> None:
    quote = only(indirect("An die Rebellen erging die Aufforderung der Regierung, die Angriffe einzustellen."))
    assert [span.text for span in quote.message] == ["die Angriffe einzustellen"]
    assert (quote.cue_lemma, speaker_of(quote)) == ("aufforderung", "der Regierung")


def test_find_indirect_ends_a_zu_infinitive_before_the_separated_particle() -> None:
    text = "Der Richter lehnte die Forderung der Verteidigung, die Beweise erneut zu prüfen, ab."
    assert [span.text for span in only(indirect(text)).message] == ["die Beweise erneut zu prüfen"]


def test_find_indirect_reads_a_zu_infinitive_with_the_infix_statt() -> None:
    quote = only(indirect("Der Gutachter empfahl dem Gericht, der Klage der Kommission stattzugeben."))
    assert quote.message[0].text == "der Klage der Kommission stattzugeben"


def test_reported_ignores_a_reflexive_versprechen_and_a_share_price() -> None:
    assert quotes_of("Von den neuen Hunden verspricht man sich nun einen schnellen Erfolg.", "Reported") == []
    assert quotes_of("Am Freitag notierte die Aktie mit einem Schlusskurs von 2 Euro.", "Reported") == []


def test_find_cues_takes_no_passive_subject_for_a_speaker() -> None:
    text = "Alle Beamten wurden in einer Anweisung der Botschaft aufgefordert, die Stadt zu verlassen."
    assert speaker_of(only(indirect(text))) == "einer Anweisung der Botschaft"


def test_find_cues_keeps_the_agent_of_a_passive_with_von() -> None:
    text = "Alle Beamten wurden von der Botschaft aufgefordert, die Stadt zu verlassen."
    assert speaker_of(only(indirect(text))) == "der Botschaft"
