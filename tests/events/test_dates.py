"""Tests for chronik.events.dates: the "times" stage and sentence direction."""

from __future__ import annotations

import pytest

from chronik.errors import PipelineError
from chronik.events.dates import create_stage, sentence_direction
from chronik.model import Article, Token

TEXT = (
    "Bern. Die Verhandlungen werden am Samstag fortgesetzt. Am Freitag hatte der Bundesrat getagt. "
    "Gestern sprach er. Ein Treffen ist für Mitte Februar geplant."
)


def test_times_stage_resolves_against_the_article_date() -> None:
    article = create_stage()(Article(id="a", text=TEXT, date="2025-12-06"))
    found = [(t.text, t.value, t.granularity, t.relative) for t in article.times]
    assert found == [
        ("Samstag", "2025-12-06", "day", True),
        ("Freitag", "2025-12-05", "day", True),
        ("Gestern", "2025-12-05", "day", True),
        ("Mitte Februar", "2026-02", "month", True),
    ]
    assert all(article.text[t.start : t.end] == t.text for t in article.times)


def test_times_stage_without_article_date_keeps_spans() -> None:
    article = create_stage()(Article(id="a", text="Gestern und am 6.12.2025."))
    assert [(t.text, t.value) for t in article.times] == [("Gestern", None), ("6.12.2025", "2025-12-06")]


def test_times_stage_rejects_unknown_options() -> None:
    with pytest.raises(PipelineError):
        create_stage(language="fr")


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("Die Gespräche werden am Samstag fortgesetzt.", "future"),
        ("Am Samstag hatte er erklärt, er komme.", "past"),
        ("Sie hat am Montag das Abkommen unterzeichnet.", "past"),
        ("Ein Treffen ist für Montag geplant.", "future"),
        ("Es regnet.", "unknown"),
    ],
)
def test_sentence_direction_from_words(sentence: str, direction: str) -> None:
    assert sentence_direction(sentence) == direction


def test_sentence_direction_uses_tagger_tense() -> None:
    tokens = [
        Token(0, 3, "Sie", pos="PPER"),
        Token(4, 11, "beraten", lemma="beraten", pos="VVFIN", morph={"Tense": "Pres"}),
        Token(12, 18, "weiter", pos="PTKVZ"),
    ]
    assert sentence_direction("Sie beraten weiter", tokens) == "future"
    tokens[1] = Token(4, 10, "berieten", lemma="beraten", pos="VVFIN", morph={"Tense": "Past"})
    assert sentence_direction("Sie berieten weiter", tokens) == "past"
