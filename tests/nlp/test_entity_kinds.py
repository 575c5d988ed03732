from __future__ import annotations

import pytest

from chronik.nlp.entity_kinds import guess_kind


@pytest.mark.parametrize(
    ("name", "label", "kind"),
    [
        ("Finanzministerium", "ORG", "government"),
        ("Müller Holding AG", "ORG", "company"),
        ("Basler Zeitung", "ORG", "media"),
        ("Universität Zürich", "ORG", "institution"),
        ("Bahnhofstrasse", "LOC", "street"),
        ("Minsker Abkommen", "MISC", "document"),
        ("Finanzministerium", "LOC", None),
        ("Acme", "ORG", None),
    ],
)
def test_guess_kind_from_name_ending(name: str, label: str, kind: str | None) -> None:
    assert guess_kind(name, label) == kind
