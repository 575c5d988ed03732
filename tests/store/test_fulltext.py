"""German-aware normalisation for full-text search."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronik.store.fulltext import fold, fold_reference, normalise, query_terms, snippet, stem


@pytest.mark.parametrize(
    ("word", "folded"),
    [("Gespräche", "gesprache"), ("heißt", "heisst"), ("Café", "cafe"), ("ÖSTERREICH", "osterreich")],
)
def test_fold_lowercases_and_strips_diacritics(word: str, folded: str) -> None:
    assert fold(word) == folded


@pytest.mark.parametrize(
    "forms",
    [
        ("Gespräch", "Gespräche", "Gesprächen", "Gesprächs"),
        ("Vertrag", "Verträge"),
        ("ukrainisch", "ukrainische", "ukrainischen", "ukrainischer"),
        ("Verhandlung", "Verhandlungen"),
        ("heißt", "heisst"),
    ],
)
def test_normalise_maps_inflected_forms_to_one_term(forms: tuple[str, ...]) -> None:
    assert len({normalise(form) for form in forms}) == 1


def test_stem_keeps_short_words_and_numbers() -> None:
    assert stem("die") == "die" and stem("2025") == "2025" and stem("es") == "es"


@given(st.text())
def test_query_terms_are_safe_to_embed(query: str) -> None:
    for term in query_terms(query):
        assert re.fullmatch(r"\w+", term)
        assert not set(term) & set("\"'&|!:*()- ")


@given(st.text(), st.text(max_size=20))
def test_snippet_offsets_point_into_text(text: str, query: str) -> None:
    found = snippet(text, query)
    assert text[found.start : found.start + len(found.text)] == found.text
    if found.match_start is not None and found.match_end is not None:
        assert found.start <= found.match_start < found.match_end <= len(text)


@given(st.text(max_size=60))
def test_fold_equals_the_reference_fold(text: str) -> None:
    assert fold(text) == fold_reference(text)


@pytest.mark.parametrize("text", ["ΣΊΣΥΦΟΣ Οδός", "Ǆemal ﬁnal ① Ⅻ", "İstanbul Ørsted ẞ", "Ａｂｃ 한국어 ế ǖ", "K"])
def test_fold_equals_the_reference_fold_on_special_letters(text: str) -> None:
    assert fold(text) == fold_reference(text)
