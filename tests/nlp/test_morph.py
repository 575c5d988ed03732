from __future__ import annotations

import pytest

from chronik.errors import PipelineError
from chronik.model import Article, Paragraph, Token
from chronik.nlp.morph import create_stage, restore_case, stts_of_hanta, tag_tokens
from chronik.nlp.tokenizer import create_stage as create_tokenizer


def _tagged(text: str) -> list[Token]:
    article = Article(id="t", text=text, paragraphs=[Paragraph(0, len(text), text)])
    return create_stage()(create_tokenizer()(article)).tokens


def _token(tokens: list[Token], text: str) -> Token:
    return next(token for token in tokens if token.text == text)


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Die Lösung hänge allein von Moskau ab.", "hänge"),
        ("Es habe sich um ein Treffen gehandelt.", "habe"),
        ("Ohne Einigung gebe es keinen Frieden.", "gebe"),
        ("Die Schuld liege bei der Regierung.", "liege"),
        ("Der Minister sei zufrieden.", "sei"),
        ("Die Gespräche seien konstruktiv gewesen.", "seien"),
        ("Auch Bern wünsche ein Ende des Krieges.", "wünsche"),
        ("Die Sprecherin sagte, sie heisse den Entscheid gut.", "heisse"),
    ],
)
def test_tagger_konjunktiv_one(sentence: str, verb: str) -> None:
    morph = _token(_tagged(sentence), verb).morph
    assert morph["Mood"] == "Sub"
    assert morph["Konj"] == "I"
    assert morph["Tense"] == "Pres"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Ein Abkommen würde den Krieg beenden.", "würde"),
        ("Er hätte gern verhandelt.", "hätte"),
        ("Das wäre ein Durchbruch.", "wäre"),
        ("Die Regierung könnte nachgeben.", "könnte"),
        ("Es gäbe keinen Grund zur Sorge.", "gäbe"),
    ],
)
def test_tagger_konjunktiv_two(sentence: str, verb: str) -> None:
    morph = _token(_tagged(sentence), verb).morph
    assert (morph["Mood"], morph["Konj"]) == ("Sub", "II")


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Ich gebe nicht auf.", "gebe"),
        ("Heute habe ich keine Zeit.", "habe"),
        ("Die Gespräche laufen weiter.", "laufen"),
        ("Der Präsident sagte das.", "sagte"),
        ("Moskau ist zu nichts bereit.", "ist"),
        ("Was ich gern besuche, ist das Museum.", "besuche"),
    ],
)
def test_tagger_indicative(sentence: str, verb: str) -> None:
    assert _token(_tagged(sentence), verb).morph["Mood"] == "Ind"


def test_tagger_imperative() -> None:
    tokens = _tagged("Melden Sie sich sofort!")
    assert tokens[0].morph["Mood"] == "Imp"


def test_tagger_pos_lemma_and_upos() -> None:
    tokens = _tagged("Die US-Sondergesandten trafen «Kiews» Unterhändler am 6. Dezember.")
    by_text = {token.text: token for token in tokens}
    assert by_text["trafen"].pos == "VVFIN"
    assert by_text["trafen"].lemma == "treffen"
    assert by_text["trafen"].upos == "VERB"
    assert by_text["US-Sondergesandten"].upos in {"NOUN", "PROPN"}
    assert by_text["US-Sondergesandten"].lemma.startswith("US-")
    assert by_text["«"].pos == "$("
    assert by_text["."].upos == "PUNCT"


def test_tagger_swiss_spelling_lemma() -> None:
    assert _token(_tagged("Die Regierung heisst den Plan gut."), "heisst").lemma == "heißen"


def test_tagger_compound_noun_lemma_from_head() -> None:
    token = _token(_tagged("Die Sicherheitsvereinbarungen wurden unterzeichnet."), "Sicherheitsvereinbarungen")
    assert token.lemma == "Sicherheitsvereinbarung"
    assert token.pos == "NN"


def test_tagger_rule_tags_for_links() -> None:
    tokens = _tagged("Mehr unter https://example.ch/artikel und #Wahlen bei @Bundesrat.")
    by_text = {token.text: token for token in tokens}
    assert by_text["https://example.ch/artikel"].pos == "XY"
    assert by_text["#Wahlen"].pos == "XY"
    assert by_text["@Bundesrat"].pos == "NE"


def test_tag_tokens_empty_sentence() -> None:
    tag_tokens([])


@pytest.mark.parametrize(("hanta", "stts"), [("VV(FIN)", "VVFIN"), ("ADJ(A)", "ADJA"), ("NNA", "NN"), ("$.", "$.")])
def test_stts_of_hanta(hanta: str, stts: str) -> None:
    assert stts_of_hanta(hanta) == stts


def test_restore_case_keeps_form_case() -> None:
    assert restore_case("US-Präsidenten", "Us-präsident") == "US-Präsident"
    assert restore_case("Gpa-djp", "Gpa-djp") == "Gpa-djp"


def test_tagger_unknown_word_modes_agree_on_common_words() -> None:
    text = "Die Regierung habe die Gespräche abgebrochen."
    fast = _tagged(text)
    article = Article(id="t", text=text, paragraphs=[Paragraph(0, len(text), text)])
    exact = create_stage(unknown_words="analyse")(create_tokenizer()(article)).tokens
    assert [(t.pos, t.lemma, t.morph) for t in fast] == [(t.pos, t.lemma, t.morph) for t in exact]


def test_tagger_analogy_lemma_for_rare_verb() -> None:
    token = _token(_tagged("Die Rebellen herrschten dort."), "herrschten")
    assert token.lemma == "herrschen"
    assert token.pos == "VVFIN"


def test_create_stage_rejects_unknown_mode() -> None:
    with pytest.raises(PipelineError) as error:
        create_stage(unknown_words="guess")  # type: ignore[arg-type]
    assert error.value.code == "E024"
