"""Tests for chronik.events.lexicon: trigger, sector and modality data files."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.errors import ChronikError
from chronik.events.lexicon import fold_word, load_event_lexicon, read_triggers

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def test_lexicon_has_all_plover_types_plus_statement_with_cameo_roots() -> None:
    lexicon = load_event_lexicon()
    assert set(lexicon.types) == PLOVER_TYPES | {"STATEMENT"}
    assert lexicon.cameo("CONSULT") == "04"
    assert lexicon.cameo("STATEMENT") == "01"
    assert lexicon.cameo("ASSAULT") == "18"
    assert {trigger.type for trigger in lexicon.triggers} == PLOVER_TYPES | {"STATEMENT"}


@pytest.mark.parametrize(
    ("word", "event_type"),
    [
        ("gesprächsrunde", "CONSULT"),
        ("ukraine-gesprächen", "CONSULT"),
        ("geeinigt", "AGREE"),
        ("konzessionen", "CONCEDE"),
        ("normalisieren", "COOPERATE"),
        ("veröffentlichten", "STATEMENT"),
        ("drohnenangriffe", "ASSAULT"),
        ("militärhilfe", "AID"),
        ("strafzölle", "SANCTION"),
    ],
)
def test_candidate_triggers_find_types(word: str, event_type: str) -> None:
    assert event_type in [t.type for t in load_event_lexicon().candidate_triggers(word)]


@pytest.mark.parametrize("word", ["berater", "einige", "frieden", "demonstrationsrecht", "verhandlungslösung"])
def test_candidate_triggers_skip_lookalikes(word: str) -> None:
    types = [t.type for t in load_event_lexicon().candidate_triggers(word) if t.requires is None]
    assert types == []


@pytest.mark.parametrize(
    ("word", "sector"),
    [("Truppen", "MIL"), ("US-Sondergesandten", "GOV/DIP"), ("Chefunterhändlern", "GOV/DIP"), ("Demonstranten", "CIV")],
)
def test_sector_of_role_and_group_nouns(word: str, sector: str) -> None:
    assert load_event_lexicon().sector_of(word) == sector


def test_fold_word_lowercases_and_maps_sharp_s() -> None:
    assert fold_word("Begrüßte") == "begrüsste"


def test_user_trigger_file_extends_the_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("stems\tmatch\ttype\tmode\nsitzblockade\tsuffix\tPROTEST\tdemonstrate\n", encoding="utf-8")
    lexicon = load_event_lexicon([path])
    assert [t.type for t in lexicon.candidate_triggers("sitzblockaden")] == []
    assert [t.type for t in lexicon.candidate_triggers("sitzblockade")] == ["PROTEST"]


@pytest.mark.parametrize(
    "row",
    [
        "stems\tmatch\ttype\nx\tprefix\tDANCE\n",
        "stems\tmatch\ttype\nx\tfuzzy\tAGREE\n",
        "stems\trequires\ttype\nx\t(\tAGREE\n",
    ],
)
def test_read_triggers_rejects_bad_rows(row: str) -> None:
    with pytest.raises(ChronikError) as error:
        read_triggers(row, "bad.tsv", ["AGREE"])
    assert error.value.code == "E040"
