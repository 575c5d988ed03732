from __future__ import annotations

from dataclasses import dataclass, field

from chronik.nlp.roles import RoleEntry, load_roles
from chronik.nlp.titles import title_mentions

from .conftest import FakeGazetteer, build_article


@dataclass
class Holder:
    role_entries: list[RoleEntry] = field(default_factory=list)
    affiliation: str | None = None


def _entry(word: str) -> RoleEntry:
    match = load_roles().match(word)
    assert match is not None
    return match.entry


def test_title_links_to_unique_holder_with_country() -> None:
    article = build_article(["Die US-Präsidentin schwieg, der Präsident Russlands nicht."], {})
    american = Holder([_entry("Präsident")], "USA")
    russian = Holder([_entry("Präsident")], "RUS")
    links = title_mentions(article, [american, russian], roles=load_roles(), gazetteer=FakeGazetteer(), taken=[])
    assert [(m.text, holder is american) for m, holder in links] == [("Die US-Präsidentin", True)]


def test_title_with_two_holders_is_not_linked() -> None:
    article = build_article(["Der neue Minister kam."], {})
    holders = [Holder([_entry("Minister")]), Holder([_entry("Minister")])]
    assert title_mentions(article, holders, roles=load_roles(), gazetteer=FakeGazetteer(), taken=[]) == []


def test_title_before_a_name_is_not_coreference() -> None:
    article = build_article(["Der Minister Paul Roth kam."], {"PER": ["Paul Roth"]})
    holders = [Holder([_entry("Minister")])]
    links = title_mentions(article, holders, roles=load_roles(), gazetteer=FakeGazetteer(), taken=article.mentions)
    assert links == []
