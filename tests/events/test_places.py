"""Tests for chronik.events.places: offline geocoding of place mentions."""

from __future__ import annotations

import pickle

import pytest

from chronik.errors import ChronikError, PipelineError
from chronik.events.places import create_stage
from chronik.model import Article, Mention


def test_places_stage_geocodes_exonyms_and_genitives() -> None:
    text = "In Kyjiw und Moskau, aber auch in Genf und Mailand: Russlands Nachbarn sind nervös. Dabei ist das Ende nah."
    article = create_stage()(Article(id="a", text=text))
    found = [(p.text, p.name, p.country, p.kind) for p in article.places]
    assert found == [
        ("Kyjiw", "Kiew", "UKR", "city"),
        ("Moskau", "Moskau", "RUS", "city"),
        ("Genf", "Genf", "CHE", "city"),
        ("Mailand", "Mailand", "ITA", "city"),
        ("Russlands", "Russland", "RUS", "country"),
    ]
    kyiv = article.places[0]
    assert kyiv.lat == pytest.approx(50.45, abs=0.1) and kyiv.lon == pytest.approx(30.52, abs=0.1)


def test_places_stage_adds_ner_locations_the_gazetteer_knows_under_another_surface() -> None:
    text = "Treffen in der Stadt Kyiv."
    start = text.index("Kyiv")
    mention = Mention(start, start + 4, "Kyiv", "LOC")
    article = create_stage()(Article(id="a", text=text, mentions=[mention]))
    assert [(p.name, p.country) for p in article.places] == [("Kiew", "UKR")]


def test_places_stage_skips_organisations() -> None:
    article = create_stage()(Article(id="a", text="Der Kreml und die Nato schweigen."))
    assert article.places == []


def test_places_stage_reads_user_gazetteer(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "orte.tsv"  # type: ignore[operator]
    path.write_text("name\tkind\tcountry\tlat\tlon\nHinterdorf\tcity\tCHE\t47.0\t8.0\n", encoding="utf-8")
    stage = create_stage(gazetteer=[path])
    article = stage(Article(id="a", text="Unruhe in Hinterdorf."))
    assert [(p.name, p.country) for p in article.places] == [("Hinterdorf", "CHE")]
    assert pickle.loads(pickle.dumps(stage)).gazetteer_files == stage.gazetteer_files


def test_places_stage_rejects_bad_options(tmp_path: pytest.TempPathFactory) -> None:
    with pytest.raises(PipelineError):
        create_stage(radius=3)
    with pytest.raises(ChronikError):
        create_stage(gazetteer=[tmp_path / "missing.yaml"])  # type: ignore[operator]
