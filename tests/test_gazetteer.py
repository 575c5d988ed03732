"""Tests for chronik.gazetteer: lookup, demonyms, metonymy, find_all and user files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from chronik.errors import ChronikError
from chronik.gazetteer import Gazetteer, fold_token, load_gazetteer
from chronik.gazetteer_data import load_user_records


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("surface", "name", "kind"),
    [
        ("Russland", "Russland", "country"),
        ("Russlands", "Russland", "country"),
        ("Kiews", "Kiew", "city"),
        ("Kyjiw", "Kiew", "city"),
        ("Kyiv", "Kiew", "city"),
        ("Moskau", "Moskau", "city"),
        ("Peking", "Peking", "city"),
        ("Genf", "Genf", "city"),
        ("Mailand", "Mailand", "city"),
        ("Warschau", "Warschau", "city"),
        ("NATO", "Nato", "igo"),
        ("Nato", "Nato", "igo"),
        ("UNO", "Vereinte Nationen", "igo"),
        ("Weisses Haus", "Weißes Haus", "government"),
        ("Weißen Hauses", "Weißes Haus", "government"),
        ("Europäischen Union", "Europäische Union", "igo"),
        ("Vereinigten Staaten", "Vereinigte Staaten", "country"),
        ("USA", "Vereinigte Staaten", "country"),
        ("Selenskyj", "Wolodymyr Selenskyj", "person"),
        ("Zürich", "Zürich", "city"),
        ("OSZE", "OSZE", "igo"),
    ],
)
def test_lookup_finds_names_and_variants(gazetteer: Gazetteer, surface: str, name: str, kind: str) -> None:
    entries = gazetteer.lookup(surface)
    assert entries, surface
    assert entries[0].name == name
    assert entries[0].kind == kind


@pytest.mark.parametrize("surface", ["Dabei", "Ende", "Uns", "Frieden", "Bild", "Blick", "Sitten", "", "   "])
def test_lookup_rejects_common_words(gazetteer: Gazetteer, surface: str) -> None:
    assert gazetteer.lookup(surface) == []


def test_lookup_returns_all_readings_of_an_ambiguous_name(gazetteer: Gazetteer) -> None:
    countries = {entry.country for entry in gazetteer.lookup("Bundesrat")}
    assert {"CHE", "DEU", "AUT"} <= countries


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("russisch", "RUS"),
        ("russische", "RUS"),
        ("russischen", "RUS"),
        ("russischer", "RUS"),
        ("Russische", "RUS"),
        ("US", "USA"),
        ("US-", "USA"),
        ("US-Sondergesandten", "USA"),
        ("EU-Kommission", "EU"),
        ("ukrainischen", "UKR"),
        ("amerikanischen", "USA"),
        ("Schweizer", "CHE"),
        ("Schweizerin", "CHE"),
        ("österreichische", "AUT"),
        ("Russen", "RUS"),
        ("Französin", "FRA"),
        ("Moskauer", "RUS"),
        ("deutsch-französischen", "DEU"),
        ("weissrussischen", "BLR"),
    ],
)
def test_demonym_maps_adjectives_nouns_and_prefixes(gazetteer: Gazetteer, word: str, code: str) -> None:
    assert gazetteer.demonym(word) == code


@pytest.mark.parametrize("word", ["Haus", "schnell", "", "-", "Präsident"])
def test_demonym_returns_none_for_other_words(gazetteer: Gazetteer, word: str) -> None:
    assert gazetteer.demonym(word) is None


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("Washington", "USA/GOV"),
        ("Moskau", "RUS/GOV"),
        ("Kreml", "RUS/GOV"),
        ("Kiew", "UKR/GOV"),
        ("Kyjiw", "UKR/GOV"),
        ("Bern", "CHE/GOV"),
        ("Brüssel", "EU/IGO"),
        ("Russland", "RUS"),
        ("Wladimir Putin", "RUS/GOV"),
        ("Donald Trump", "USA/GOV"),
        ("Pentagon", "USA/MIL"),
    ],
)
def test_metonym_code_of_seats_and_actors(gazetteer: Gazetteer, surface: str, code: str) -> None:
    assert gazetteer.metonym_code(gazetteer.lookup(surface)[0]) == code


def test_metonym_code_is_none_for_plain_cities(gazetteer: Gazetteer) -> None:
    assert gazetteer.metonym_code(gazetteer.lookup("Miami")[0]) is None


def test_find_all_returns_longest_matches_with_offsets(gazetteer: Gazetteer) -> None:
    text = "Der Sondergesandte Steve Witkoff traf in Miami Vertreter Kiews; das Weiße Haus schwieg."
    found = [(text[s:e], entry.name) for s, e, entry in gazetteer.find_all(text)]
    assert found == [
        ("Steve Witkoff", "Steve Witkoff"),
        ("Miami", "Miami"),
        ("Kiews", "Kiew"),
        ("Weiße Haus", "Weißes Haus"),
    ]


def test_find_all_skips_junk_and_compounds_by_default(gazetteer: Gazetteer) -> None:
    text = "Dabei gab es am Ende ein Bild von Ukraine-Gesprächen und US-Präsident Trump."
    names = [entry.name for _, _, entry in gazetteer.find_all(text)]
    assert names == ["Donald Trump"]


def test_find_all_can_split_compounds(gazetteer: Gazetteer) -> None:
    text = "Die Ukraine-Gespräche gehen weiter."
    found = [(text[s:e], entry.country) for s, e, entry in gazetteer.find_all(text, compound_parts=True)]
    assert found == [("Ukraine", "UKR")]


def test_find_all_prefers_given_countries_for_ambiguous_names(gazetteer: Gazetteer) -> None:
    text = "Der Bundesrat hat entschieden."
    swiss = gazetteer.find_all(text)[0][2]
    german = gazetteer.find_all(text, prefer_countries=("DEU",))[0][2]
    assert (swiss.country, swiss.code) == ("CHE", "CHE/GOV")
    assert (german.country, german.code) == ("DEU", "DEU/LEG")


def test_find_all_repeated_search_gives_equal_independent_results(gazetteer: Gazetteer) -> None:
    text = "In Kiew und Moskau wurde verhandelt."
    first = gazetteer.find_all(text)
    first.clear()  # a caller changing its list must not change the next answer
    again = gazetteer.find_all(text)
    assert [text[s:e] for s, e, _ in again] == ["Kiew", "Moskau"]
    assert gazetteer.find_all(text, compound_parts=True) == again
    assert [(s, e) for s, e, _ in gazetteer.find_all("Kiew")] == [(0, 4)]


def test_find_all_sees_entries_added_after_a_search(tmp_path: Path) -> None:
    gazetteer = load_gazetteer([])
    fresh = Gazetteer.from_records(())
    text = "Der Gemeinderat Wil tagte."
    assert fresh.find_all(text) == []
    path = tmp_path / "mine.yaml"
    path.write_text("- {name: Gemeinderat Wil, kind: institution, country: CHE}\n", encoding="utf-8")
    for record in load_user_records(path):
        fresh.add(record)
    assert [text[s:e] for s, e, _ in fresh.find_all(text)] == ["Gemeinderat Wil"]
    assert gazetteer.find_all(text) == []


def test_find_all_handles_all_caps_and_swiss_spelling(gazetteer: Gazetteer) -> None:
    text = "Die NATO und das Weisse Haus."
    assert [entry.name for _, _, entry in gazetteer.find_all(text)] == ["Nato", "Weißes Haus"]


def test_fold_token_normalises_case_and_sharp_s() -> None:
    assert fold_token("NATO") == "Nato"
    assert fold_token("Weiße") == "Weisse"
    assert fold_token("Kiew") == "Kiew"


def test_gazetteer_lists_enough_cities_with_coordinates(gazetteer: Gazetteer) -> None:
    cities = [entry for entry in gazetteer.entries if entry.kind == "city"]
    assert len(cities) >= 300
    assert all(entry.lat is not None and entry.lon is not None and entry.country for entry in cities)
    capitals = {entry.country for entry in cities if entry.capital}
    countries = {entry.country for entry in gazetteer.entries if entry.kind == "country"}
    assert len(capitals) >= 180
    assert capitals <= countries


def test_country_codes_are_iso_alpha3(gazetteer: Gazetteer) -> None:
    for entry in gazetteer.entries:
        if entry.country is not None:
            assert len(entry.country) == 3 and entry.country.isupper(), entry


def test_load_gazetteer_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


def test_load_gazetteer_reads_user_yaml(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- {name: Gemeinderat Wil, kind: institution, country: CHE, code: CHE/GOV/LOC, aliases: [Wiler Gemeinderat]}\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer([path])
    entry = gazetteer.lookup("Wiler Gemeinderat")[0]
    assert (entry.name, entry.label, entry.code) == ("Gemeinderat Wil", "ORG", "CHE/GOV/LOC")
    assert gazetteer.lookup("Moskau")


def test_load_gazetteer_reads_user_tsv(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "name\tlabel\tkind\tcountry\tlat\tlon\taliases\nOberwinterthur\tLOC\tcity\tCHE\t47.51\t8.76\tOWT\n",
        encoding="utf-8",
    )
    entry = load_gazetteer([path]).lookup("Oberwinterthur")[0]
    assert (entry.kind, entry.country, entry.lat) == ("city", "CHE", 47.51)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bad.yaml", "- {kind: city}\n"),
        ("bad2.yaml", "name: not a list\n"),
        ("bad3.yaml", "- {name: X, label: THING}\n"),
        ("bad4.tsv", "name\tlat\nOrt\tnorth\n"),
        ("bad.csv", "name\nOrt\n"),
    ],
)
def test_load_gazetteer_rejects_invalid_user_files(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ChronikError) as error:
        load_gazetteer([path])
    assert error.value.code == "E040"


def test_load_gazetteer_reports_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ChronikError) as error:
        load_gazetteer([tmp_path / "missing.yaml"])
    assert error.value.code == "E001"


def test_find_all_is_fast_enough_for_bulk_text(gazetteer: Gazetteer) -> None:
    # A generous floor (the benchmark measures the real speed); guards against quadratic slips.
    text = "Der Kreml wies am Montag in Moskau die Forderungen aus Washington und Brüssel zurück. " * 3000
    started = time.perf_counter()
    found = gazetteer.find_all(text)
    assert len(found) == 4 * 3000
    assert time.perf_counter() - started < 5.0
