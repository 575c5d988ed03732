from __future__ import annotations

from pathlib import Path

import pytest

from chronik.errors import ChronikError
from chronik.nlp.roles import load_roles


@pytest.mark.parametrize(
    ("word", "role", "sector", "modifier"),
    [
        ("US-Sondergesandten", "US-Sondergesandter", "DIP", "US-"),
        ("Sondergesandte", "Sondergesandter", "DIP", ""),
        ("Generalstabschef", "Generalstabschef", "MIL", ""),
        ("Chefunterhändlern", "Chefunterhändler", "DIP", ""),
        ("Aussenministers", "Aussenminister", "DIP", ""),
        ("Außenministerin", "Außenministerin", "DIP", ""),
        ("Siemens-Chef", "Siemens-Chef", "BUS", "Siemens-"),
        ("Präsidenten", "Präsident", "GOV", ""),
    ],
)
def test_role_match_inflected_and_compound(word: str, role: str, sector: str, modifier: str) -> None:
    match = load_roles().match(word)
    assert match is not None
    assert (match.role, match.entry.sector, match.modifier) == (role, sector, modifier)


@pytest.mark.parametrize("word", ["Wahl", "Kiew", "Präsidentschaftswahl", "sondergesandte", "Ab"])
def test_role_match_rejects_non_roles(word: str) -> None:
    assert load_roles().match(word) is None


def test_role_match_feminine_adjectival() -> None:
    match = load_roles().match("Abgeordnete", feminine=True)
    assert match is not None and match.role == "Abgeordnete"


def test_load_roles_user_file_extends(tmp_path: Path) -> None:
    extra = tmp_path / "roles.tsv"
    extra.write_text("Landammann\tGOV\n", encoding="utf-8")
    match = load_roles((str(extra),)).match("Landammanns")
    assert match is not None and match.entry.sector == "GOV"


def test_load_roles_rejects_unknown_sector(tmp_path: Path) -> None:
    extra = tmp_path / "roles.tsv"
    extra.write_text("Landammann\tXYZ\n", encoding="utf-8")
    with pytest.raises(ChronikError) as error:
        load_roles((str(extra),))
    assert error.value.code == "E040"
