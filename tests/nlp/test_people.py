from __future__ import annotations

from typing import Any

import pytest

from chronik.model import Entity
from chronik.nlp.people import build_entities, create_stage, name_words, strip_genitive
from chronik.nlp.roles import load_roles

from .conftest import FakeGazetteer, build_article

ARTICLE = [
    "Neue Gespräche in Bern",
    "Nach dem Treffen zwischen dem US-Sondergesandten Tom Berger (61) und Kiews Chefunterhändlerin "
    "Olena Marko wurde eine Erklärung veröffentlicht. Bergers Team blieb zurückhaltend.",
    "Für die Ukraine verhandelten Iwan Petrenko (52), Sekretär des Verteidigungsrats, und "
    "Generalstabschef Pawlo Sydor (47). Der Sondergesandte sagte, man sei zuversichtlich.",
    "Der 47-Jährige widersprach. Berger reist am Montag ab.",
]
NAMES = {
    "PER": ["Tom Berger", "Bergers", "Berger", "Olena Marko", "Iwan Petrenko", "Pawlo Sydor"],
    "LOC": ["Bern", "Kiews", "Ukraine"],
}


def _entities() -> tuple[list[Entity], Any]:
    article = build_article(ARTICLE, NAMES)
    entities = build_entities(article, roles=load_roles(), gazetteer=FakeGazetteer())
    return entities, article


def _person(entities: list[Entity], name: str) -> Entity:
    return next(e for e in entities if e.label == "PER" and e.name == name)


def test_people_age_role_affiliation_from_prenominal_phrase() -> None:
    entities, _ = _entities()
    berger = _person(entities, "Tom Berger")
    assert berger.attributes["age"] == 61
    assert berger.attributes["roles"] == ["US-Sondergesandter"]
    assert berger.attributes["affiliation"] == "USA"


def test_people_genitive_place_gives_affiliation() -> None:
    entities, _ = _entities()
    marko = _person(entities, "Olena Marko")
    assert marko.attributes["roles"] == ["Chefunterhändlerin"]
    assert marko.attributes["affiliation"] == "UKR"


def test_people_apposition_role_and_sentence_frame_country() -> None:
    entities, _ = _entities()
    petrenko = _person(entities, "Iwan Petrenko")
    assert petrenko.attributes == {"age": 52, "roles": ["Sekretär des Verteidigungsrats"], "affiliation": "UKR"}
    sydor = _person(entities, "Pawlo Sydor")
    assert sydor.attributes["roles"] == ["Generalstabschef"]
    assert sydor.attributes["affiliation"] == "UKR"


def test_people_surname_and_genitive_link_to_full_name() -> None:
    entities, article = _entities()
    berger = _person(entities, "Tom Berger")
    texts = [span.text for span in berger.mentions]
    assert texts.count("Berger") == 1
    assert "Bergers" in texts
    assert not any(e.name in {"Berger", "Bergers"} for e in entities)
    assert {m.entity_id for m in article.mentions if m.text.startswith("Berger")} == {berger.id}


def test_people_title_only_mention_is_coref() -> None:
    entities, article = _entities()
    berger = _person(entities, "Tom Berger")
    coref = [m for m in article.mentions if m.source == "coref" and m.entity_id == berger.id]
    assert [m.text for m in coref] == ["Der Sondergesandte"]
    assert article.text[coref[0].start : coref[0].end] == "Der Sondergesandte"


def test_people_age_noun_links_to_person_of_that_age() -> None:
    entities, _article = _entities()
    sydor = _person(entities, "Pawlo Sydor")
    assert "Der 47-Jährige" in [span.text for span in sydor.mentions]


def test_entities_ids_ordered_and_places_have_kind() -> None:
    entities, article = _entities()
    assert [e.id for e in entities] == [f"E{n}" for n in range(1, len(entities) + 1)]
    kiew = next(e for e in entities if e.name == "Kiew")
    assert kiew.attributes["kind"] == "city"
    assert [span.text for span in kiew.mentions] == ["Kiews"]
    for entity in entities:
        for span in entity.mentions:
            assert article.text[span.start : span.end] == span.text


def test_entities_stage_is_idempotent() -> None:
    article = build_article(ARTICLE, NAMES)
    stage = create_stage()
    first = [(e.name, e.attributes) for e in stage(article).entities]
    count = len(article.mentions)
    second = [(e.name, e.attributes) for e in stage(article).entities]
    assert first == second
    assert len(article.mentions) == count


def test_entities_unknown_title_holder_is_not_linked() -> None:
    article = build_article(["Der Präsident schwieg. Anna Roth sprach."], {"PER": ["Anna Roth"]})
    build_entities(article, roles=load_roles(), gazetteer=FakeGazetteer())
    assert [m.source for m in article.mentions] == ["model"]


def test_entities_organisation_kind_from_name_ending() -> None:
    article = build_article(["Das Finanzministerium widersprach."], {"ORG": ["Finanzministerium"]})
    (entity,) = build_entities(article, roles=load_roles(), gazetteer=FakeGazetteer())
    assert entity.attributes["kind"] == "government"
    assert article.mentions[0].kind == "government"


@pytest.mark.parametrize(
    ("text", "words"), [("Dr. Anna Roth", ("Anna", "Roth")), ("Herr Meier", ("Meier",)), ("Roth", ("Roth",))]
)
def test_name_words_drop_honorifics(text: str, words: tuple[str, ...]) -> None:
    assert name_words(text) == words


def test_strip_genitive_only_for_known_names() -> None:
    assert strip_genitive("Witkoffs", {"Witkoff"}) == "Witkoff"
    assert strip_genitive("Paris", {"Witkoff"}) == "Paris"


def test_entities_stage_with_bundled_gazetteer() -> None:
    article = create_stage()(build_article(ARTICLE, NAMES))
    berger = _person(article.entities, "Tom Berger")
    assert berger.attributes["affiliation"] == "USA"
    ukraine = next(e for e in article.entities if e.name == "Ukraine")
    assert ukraine.attributes["kind"] == "country"


def test_people_mention_that_took_in_its_title() -> None:
    article = build_article(
        ["Generalstabschef Pawlo Sydor (47) reiste ab. Sydor schwieg."],
        {"PER": ["Generalstabschef Pawlo Sydor", "Sydor"]},
    )
    (sydor,) = build_entities(article, roles=load_roles(), gazetteer=FakeGazetteer())
    assert sydor.name == "Pawlo Sydor"
    assert sydor.attributes["roles"] == ["Generalstabschef"]
    assert sydor.attributes["age"] == 47
    assert len(sydor.mentions) == 2


def test_people_demonym_adjective_gives_affiliation() -> None:
    article = build_article(
        ["Der russische Präsident Wladimir Orlow lehnte ab. Der Präsident schwieg danach."],
        {"PER": ["Wladimir Orlow"]},
    )
    (orlow,) = build_entities(article, roles=load_roles(), gazetteer=FakeGazetteer())
    assert orlow.attributes["affiliation"] == "RUS"
    assert orlow.attributes["roles"] == ["Präsident"]
    assert [span.text for span in orlow.mentions] == ["Wladimir Orlow", "Der Präsident"]


def test_people_side_frame_gives_affiliation() -> None:
    article = build_article(["Auf ukrainischer Seite verhandelte Olena Marko."], {"PER": ["Olena Marko"]})
    (marko,) = build_entities(article, roles=load_roles(), gazetteer=FakeGazetteer())
    assert marko.attributes["affiliation"] == "UKR"


def test_people_role_kept_before_common_noun() -> None:
    article = build_article(["Redaktor Nachtdienst"], {"PER": ["Redaktor Nachtdienst"]})
    article.tokens[1].pos = "NN"  # as the tagger has it
    (entity,) = build_entities(article, roles=load_roles(), gazetteer=FakeGazetteer())
    assert entity.name == "Redaktor Nachtdienst"
    assert "roles" not in entity.attributes
