"""Tests for chronik.events.detect: triggers per sentence and role assignment."""

from __future__ import annotations

import pytest

from chronik.events.detect import SentenceView, assign_roles, match_triggers
from chronik.events.lexicon import load_event_lexicon
from chronik.events.participants import sentence_candidates
from chronik.gazetteer import load_gazetteer
from chronik.model import Article


def _view(text: str) -> tuple[Article, SentenceView]:
    article = Article(id="a", text=text)
    return article, SentenceView.build(article, 0, len(text))


def _roles(text: str, trigger: str) -> tuple[list[str | None], list[str | None], str | None]:
    article, view = _view(text)
    candidates = sentence_candidates(article, 0, len(text), gazetteer=load_gazetteer(), lexicon=load_event_lexicon())
    roles = assign_roles(view, text.index(trigger), candidates)
    place = roles.place.name if roles.place else None
    return [c.code for c in roles.actors], [c.code for c in roles.targets], place


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Selenskyj forderte neue Sanktionen gegen Moskau.", ["REQUEST"]),
        ("Die G7 haben Russland mit Sanktionen gedroht.", ["THREATEN"]),
        ("Ungarn legte beim Gipfel ein Veto gegen neue Finanzhilfen ein.", ["CONSULT", "REJECT"]),
        ("Der Kreml wies die Vorwürfe zurück.", ["REJECT"]),
        ("Der Kreml wies auf die Lage hin.", []),
        ("Wohnhäuser wurden getroffen.", []),
        ("Merz hat Macron in Paris getroffen.", []),
        ("Merz hat den Präsidenten Macron in Paris getroffen.", ["CONSULT"]),
    ],
)
def test_match_triggers_types(text: str, types: list[str]) -> None:
    _, view = _view(text)
    assert [hit.trigger.type for hit in match_triggers(view, load_event_lexicon())] == types


def test_assign_roles_takes_subject_partner_and_place() -> None:
    actors, targets, place = _roles("Bundeskanzler Friedrich Merz traf in Paris Emmanuel Macron.", "traf")
    assert (actors, targets, place) == (["DEU/GOV"], ["FRA/GOV"], "Paris")


def test_assign_roles_reads_zwischen_and_coordination() -> None:
    text = "Die Gesprächsrunde zwischen Steve Witkoff (68) und Jared Kushner mit Kiews Unterhändlern in Miami."
    actors, targets, place = _roles(text, "Gesprächsrunde")
    assert actors == ["USA/GOV/DIP", "USA/GOV/DIP"]
    assert targets == ["UKR/GOV/DIP"]
    assert place == "Miami"


def test_assign_roles_resolves_metonymy() -> None:
    actors, targets, _ = _roles("Gleichzeitig sucht Washington die Annäherung an Moskau.", "Annäherung")
    assert (actors, targets) == (["USA/GOV"], ["RUS/GOV"])


def test_assign_roles_uses_genitive_possessor_as_actor() -> None:
    actors, _, _ = _roles("Ohne Russlands Bereitschaft zu Zugeständnissen gibt es keinen Frieden.", "Zugeständnissen")
    assert actors == ["RUS"]


def test_assign_roles_takes_passive_agent() -> None:
    actors, _, _ = _roles("Das Papier wurde von der Trump-Regierung veröffentlicht.", "veröffentlicht")
    assert actors == ["USA/GOV"]


def test_assign_roles_codes_descriptions() -> None:
    actors, targets, _ = _roles("Russische Truppen griffen ukrainische Stellungen an.", "griffen")
    assert actors == ["RUS/MIL"]
    assert targets == ["UKR"]
