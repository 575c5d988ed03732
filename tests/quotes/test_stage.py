"""The "quotes" stage: protocol, configuration, the tagger's mood, and round-trips through dicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.errors import ChronikError
from chronik.model import Article, Paragraph, Sentence, Token
from chronik.pipeline import Stage, create_stage
from chronik.quotes import find_quotes


def tagged_article() -> Article:
    """ "Es tagte lange. Man hänge fest." with the second verb tagged Konjunktiv I only by morph."""
    text = "Es tagte lange. Man hänge fest."
    words = [("Es", "PPER", ""), ("tagte", "VVFIN", "tagen"), ("lange", "ADV", ""), (".", "$.", ""),
             ("Man", "PIS", ""), ("hänge", "VVFIN", "hängen"), ("fest", "PTKVZ", ""), (".", "$.", "")]  # fmt: skip
    tokens = []
    position = 0
    for surface, pos, lemma in words:
        start = text.index(surface, position)
        morph = {"Mood": "Sub", "Konj": "I"} if surface == "hänge" else {"Mood": "Ind"} if pos == "VVFIN" else {}
        tokens.append(Token(start, start + len(surface), surface, lemma, pos, morph=morph))
        position = start + len(surface)
    sentences = [Sentence(0, 15, text[:15], 0, 4), Sentence(16, 31, text[16:], 4, 8)]
    return Article(id="m", text=text, paragraphs=[Paragraph(0, 31, text)], tokens=tokens, sentences=sentences)


def test_create_stage_builds_a_pipeline_stage() -> None:
    stage = create_stage("quotes")
    assert isinstance(stage, Stage)
    assert stage.requires == ("sentences", "morph", "entities")
    assert stage.provides == ("quotes",)


def test_stage_writes_quotes_with_ids_in_text_order() -> None:
    text = "„Wir bleiben“, sagte sie. Er sagte, er sei müde."
    article = create_stage("quotes")(Article(id="a", text=text, paragraphs=[Paragraph(0, len(text), text)]))
    assert [q.id for q in article.quotes] == ["Q1", "Q2"]
    assert [q.type for q in article.quotes] == ["Direct", "Indirect"]


def test_stage_reads_konjunktiv_from_the_taggers_morphology() -> None:
    quotes = find_quotes(tagged_article())
    assert [(q.type, q.message[0].text) for q in quotes] == [("FreeIndirect", "Man hänge fest.")]


def test_stage_accepts_extra_lexicons(tmp_path: Path) -> None:
    extra = tmp_path / "speech_verbs.tsv"
    extra.write_text("zwitschern\twriting\n", encoding="utf-8")
    stage = create_stage("quotes", lexicons=[str(extra)])
    text = "Der Verband zwitscherte, die Saison sei vorbei."
    article = stage(Article(id="x", text=text, paragraphs=[Paragraph(0, len(text), text)]))
    assert [(q.type, q.cue_lemma, q.medium) for q in article.quotes] == [("Indirect", "zwitschern", "writing")]


def test_create_stage_fails_early_on_a_missing_lexicon(tmp_path: Path) -> None:
    with pytest.raises(ChronikError) as error:
        create_stage("quotes", lexicons=[str(tmp_path / "speech_verbs.tsv")])
    assert error.value.code == "E001"


def test_quotes_survive_a_round_trip_through_dicts() -> None:
    text = "Die Lage, so der Minister, sei ernst."
    article = create_stage("quotes")(Article(id="r", text=text, paragraphs=[Paragraph(0, len(text), text)]))
    assert Article.from_dict(article.to_dict()).quotes == article.quotes


WORDS = [
    "Er",
    "sagte",
    "sei",
    "«",
    "»",
    "„",
    "“",
    '"',
    "'",
    ",",
    ".",
    ":",
    "dass",
    "laut",
    "so",
    "der",
    "Minister",
    "heisst",
    "es",
    "darin",
    "Sie",
    "habe",
    "zufolge",
    "wie",
    "mitteilte",
]
WORDS += ["Erklärung", "soll", "\n\n"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_find_quotes_never_fails_and_keeps_offsets(words: list[str]) -> None:
    text = " ".join(words)
    paragraphs = [Paragraph(0, len(text), text)] if text else []
    for quote in find_quotes(Article(id="h", text=text, paragraphs=paragraphs)):
        for span in [*quote.message, quote.cue, quote.speaker, quote.frame, quote.addressee]:
            assert span is None or (
                0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text
            )
