from __future__ import annotations

import pytest

from chronik.nlp.attributes import PersonFacts, affiliation_of_word, age_after, age_noun, apposition_facts
from chronik.nlp.roles import load_roles
from chronik.nlp.tokenizer import tokenize_text

from .conftest import FakeGazetteer


@pytest.mark.parametrize(
    ("text", "last", "age"),
    [("Anna Roth (68) kam", 1, 68), ("Anna Roth (0) kam", 1, None), ("Anna Roth (2025) kam", 1, None)],
)
def test_age_after_name(text: str, last: int, age: int | None) -> None:
    assert age_after(tokenize_text(text), last) == age


@pytest.mark.parametrize(("word", "age"), [("68-Jährige", 68), ("44-jährigen", 44), ("Jährige", None)])
def test_age_noun(word: str, age: int | None) -> None:
    (token,) = tokenize_text(word)
    assert age_noun(token) == age


@pytest.mark.parametrize(
    ("word", "affiliation"),
    [("US-", "USA"), ("russische", "RUS"), ("Kiews", "UKR"), ("Siemens", "Siemens"), ("gestern", None)],
)
def test_affiliation_of_word(word: str, affiliation: str | None) -> None:
    assert affiliation_of_word(word, FakeGazetteer()) == affiliation


def test_apposition_with_adjective_and_place() -> None:
    tokens = tokenize_text("Olga Kowal, die ukrainische Sonderbeauftragte für Kiew, sagte nichts.")
    facts = PersonFacts()
    apposition_facts(tokens, 1, roles=load_roles(), gazetteer=FakeGazetteer(), facts=facts)
    assert facts.role_texts == ["Sonderbeauftragte für Kiew"]
    assert facts.affiliation == "UKR"


def test_apposition_needs_a_role_word() -> None:
    tokens = tokenize_text("Olga Kowal, Peter Roth und andere kamen.")
    facts = PersonFacts()
    apposition_facts(tokens, 1, roles=load_roles(), gazetteer=FakeGazetteer(), facts=facts)
    assert facts.roles == []
