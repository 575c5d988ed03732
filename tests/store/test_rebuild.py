"""Re-resolving a store with an edited aliases file: merge and split existing entities."""

from __future__ import annotations

from pathlib import Path

from chronik.model import Article
from chronik.store import open_store
from tests.store.articles import meeting_article, person, plain_article, reject_article
from tests.store.test_writer import AGENCY_TEXT, UPDATED_TEXT

CHANCELLOR = "Der Bundeskanzler sprach in Wien über die Neutralität. Der Bundeskanzler bleibt dabei."
NEHAMMER = "Karl Nehammer hat in Linz die Neutralität verteidigt. Nehammer warnte vor Alleingängen."


def chancellor_articles() -> list[Article]:
    first = Article(id="wien", text=CHANCELLOR, date="2024-03-01")
    first.entities = [person("E1", "der Bundeskanzler", CHANCELLOR, "Der Bundeskanzler", roles=["Bundeskanzler"])]
    second = Article(id="linz", text=NEHAMMER, date="2024-03-02")
    second.entities = [person("E1", "Karl Nehammer", NEHAMMER, "Karl Nehammer", "Nehammer")]
    return [first, second]


def test_rebuild_entities_merges_with_new_aliases_file(store_url: str, tmp_path: Path) -> None:
    with open_store(store_url) as store:
        for article in chancellor_articles():
            store.add_article(article)
        assert store.find_entities(label="PER").total == 2
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("entities:\n  - name: Karl Nehammer\n    aliases: [der Bundeskanzler]\n", encoding="utf-8")
    with open_store(store_url, aliases=[aliases]) as store:
        assert store.rebuild_entities() == 2
        page = store.find_entities(label="PER")
        assert page.total == 1
        profile = store.entity_profile(page.items[0]["id"])
        assert profile is not None and profile["entity"]["articles"] == 2
        assert [r["role"] for r in profile["roles"]] == ["Bundeskanzler"]


def test_rebuild_entities_splits_with_distinct_pairs(store_url: str, tmp_path: Path) -> None:
    text = "Rustam Umerow besuchte Kiew. Dort traf Umerow Soldaten und Beamte aus dem Ministerium."
    other = Article(
        id="kiew-2", text=text, date="2025-12-10", entities=[person("E1", "Rustam Umerow", text, "Rustam Umerow")]
    )
    with open_store(store_url) as store:
        store.add_article(reject_article())
        store.add_article(other)
        assert len({i["id"] for i in store.find_entities(name="Umerov").items}) == 1
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("distinct:\n  - [Rustem Umerov, Rustam Umerow]\n", encoding="utf-8")
    with open_store(store_url, aliases=[aliases]) as store:
        store.rebuild_entities()
        assert store.find_entities(name="Umerov").total == 2


def test_rebuild_entities_keeps_articles_counts_and_duplicates(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add_article(meeting_article())
        store.add_article(reject_article())
        store.add_article(plain_article("agentur", AGENCY_TEXT))
        store.add_article(plain_article("update", UPDATED_TEXT))
        before = (store.counts(), store.timeline(), store.network(), store.search_articles("Gespräch").total)
        store.rebuild_entities()
        after = (store.counts(), store.timeline(), store.network(), store.search_articles("Gespräch").total)
        assert after == before
        assert store.get_article("kiew-1") == meeting_article()
        assert [a.id for a in store.iter_articles()] == ["kiew-1", "berlin-1", "agentur", "update"]
        assert store.search_quotes(text="Frieden").total == 1
        assert store.add_article(plain_article("dritte", UPDATED_TEXT + " Ende.")).near_duplicate_of == "agentur"
