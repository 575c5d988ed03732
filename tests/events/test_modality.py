"""Tests for chronik.events.modality."""

from __future__ import annotations

import pytest

from chronik.events.lexicon import fold_word, load_event_lexicon
from chronik.events.modality import ModalityContext, detect_modality, quote_at
from chronik.model import Quote, Span, Token


def _context(clause: str, trigger: str, **options: object) -> ModalityContext:
    raw = clause.replace(",", " ,").split()
    words = [fold_word(w) for w in raw]
    index = words.index(fold_word(trigger))
    return ModalityContext(
        words=words,
        raw_words=raw,
        trigger_index=index,
        sentence_words=words[:index],
        sentence_text=clause,
        all_words=words,
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("clause", "trigger", "modality"),
    [
        ("Moskau ist zu keinerlei Konzessionen bereit", "Konzessionen", "negated"),
        ("Die Ukraine würde Gespräche begrüssen", "Gespräche", "hypothetical"),
        ("Washington wünsche Verhandlungen", "Verhandlungen", "desired"),
        ("USA wollen Beziehungen zu Russland normalisieren", "normalisieren", "desired"),
        ("Die Delegation wird Gespräche führen", "Gespräche", "planned"),
        ("Ihnen wird Spionage vorgeworfen", "vorgeworfen", "asserted"),
        ("Man habe sich geeinigt", "geeinigt", "reported"),
        ("Der Kreml wies die Vorwürfe zurück", "wies", "asserted"),
        ("Die 26 Staaten wollen ohne Budapest einen Kredit vergeben", "Kredit", "desired"),
        ("Der Kreml forderte Gespräche", "forderte", "asserted"),
    ],
)
def test_detect_modality_by_cues(clause: str, trigger: str, modality: str) -> None:
    assert detect_modality(_context(clause, trigger), load_event_lexicon()) == modality


def test_detect_modality_passive_present_with_a_date_from_today_is_planned() -> None:
    context = _context("Die Gespräche werden fortgesetzt", "Gespräche", time_from_today=True)
    assert detect_modality(context, load_event_lexicon()) == "planned"
    assert (
        detect_modality(_context("Die Gespräche werden fortgesetzt", "Gespräche"), load_event_lexicon()) == "asserted"
    )


def test_detect_modality_future_time_means_planned() -> None:
    context = _context("Die Gewerkschaft kündigte Proteste an", "Proteste", future_time=True, past_sentence=True)
    assert detect_modality(context, load_event_lexicon()) == "planned"


def test_detect_modality_wish_with_date_is_a_plan() -> None:
    context = _context("Das Personal will streiken", "streiken", future_time=True)
    assert detect_modality(context, load_event_lexicon()) == "planned"


def test_detect_modality_uses_konjunktiv_from_tagger() -> None:
    tokens = [Token(0, 5, "hätte", pos="VAFIN", morph={"Mood": "Sub", "Konj": "II"})]
    context = _context("Kiew hätte zugestimmt", "zugestimmt", tokens=tokens)
    assert detect_modality(context, load_event_lexicon()) == "hypothetical"


def test_quote_at_finds_the_enclosing_message() -> None:
    quote = Quote(id="Q1", type="Direct", message=[Span(10, 40, "x" * 30)])
    assert quote_at([quote], 12, 20) is quote
    assert quote_at([quote], 5, 12) is None
