"""Entities across articles, profiles, timelines, the network and exports."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chronik.model import Article
from chronik.store import Store, chronicle, open_store
from tests.store.articles import meeting_article, person, reject_article


@pytest.fixture(scope="module")
def filled(module_store_url: str) -> Iterator[Store]:
    store = open_store(module_store_url)
    store.add_article(meeting_article())
    store.add_article(reject_article())
    yield store
    store.close()


def test_entities_resolved_across_transliterations(filled: Store) -> None:
    page = filled.find_entities(label="PER")
    names = {item["id"]: item for item in page.items}
    assert set(names) == {"per-volodimir-selenski", "per-steve-vitkof", "per-rustem-umerov"}
    selenskyj = names["per-volodimir-selenski"]
    assert selenskyj["articles"] == 2
    assert {"Wolodymyr Selenskyj", "Volodymyr Zelensky"} <= set(selenskyj["aliases"])


def test_find_entities_by_name_prefix(filled: Store) -> None:
    assert [item["id"] for item in filled.find_entities(name="Zelen").items] == ["per-volodimir-selenski"]
    assert filled.find_entities(name="Witk").items[0]["roles"] == ["US-Sondergesandter"]


def test_entity_profile_roles_with_dates(filled: Store) -> None:
    profile = filled.entity_profile("per-steve-vitkof")
    assert profile is not None
    assert profile["roles"][0]["role"] == "US-Sondergesandter" and profile["roles"][0]["date"] == "2025-12-06"
    assert profile["ages"][0]["age"] == 68 and profile["ages"][0]["date"] == "2025-12-06"
    assert profile["entity"]["attributes"]["age"] == 68
    assert [q["quote_id"] for q in profile["quotes"]] == ["Q2"]
    assert profile["events_total"] == 1 and profile["events"][0]["type"] == "CONSULT"
    assert {o["id"] for o in profile["cooccurring"]} >= {"per-volodimir-selenski", "loc-kiv"}


def test_entity_profile_collects_events_across_articles(filled: Store) -> None:
    profile = filled.entity_profile("per-volodimir-selenski")
    assert profile is not None
    assert profile["events_total"] == 2
    assert [e["type"] for e in profile["events"]] == ["REJECT", "CONSULT"]  # newest first
    assert [r["role"] for r in profile["roles"]] == ["Präsident"]
    assert profile["roles"][0]["articles"] == 2


def test_entity_profile_unknown_is_none(filled: Store) -> None:
    assert filled.entity_profile("per-niemand") is None


def test_surname_only_entity_joins_unique_full_name(store: Store) -> None:
    store.add_article(reject_article())
    text = "Umjerow reist nach Brüssel. Dort trifft Umjerow die Verteidigungsminister der Nato."
    article = Article(id="bruessel", text=text, date="2025-12-10", entities=[person("E1", "Umjerow", text, "Umjerow")])
    store.add_article(article)
    profile = store.entity_profile("per-rustem-umerov")
    assert profile is not None and profile["entity"]["articles"] == 2


def test_timeline_per_day_and_week(filled: Store) -> None:
    days = filled.timeline()
    assert [(d["period"], d["type"], d["count"]) for d in days] == [
        ("2025-12-06", "CONSULT", 1),
        ("2025-12-09", "CONSULT", 1),
        ("2025-12-09", "REJECT", 1),
    ]
    weeks = filled.timeline(granularity="week", type="consult")
    assert [(w["period"], w["start"], w["count"]) for w in weeks] == [
        ("2025-W49", "2025-12-01", 1),
        ("2025-W50", "2025-12-08", 1),
    ]


def test_timeline_for_one_entity_by_name(filled: Store) -> None:
    assert [d["type"] for d in filled.timeline(entity="Zelensky")] == ["CONSULT", "REJECT"]
    assert filled.timeline(entity="Kiew") == [
        {"period": "2025-12-06", "start": "2025-12-06", "type": "CONSULT", "count": 1}
    ]
    assert filled.timeline(entity="Selenskyj", date_from="2025-12-07") == [
        {"period": "2025-12-09", "start": "2025-12-09", "type": "REJECT", "count": 1}
    ]


def test_network_edges_between_corpus_entities(filled: Store) -> None:
    graph = filled.network()
    edges = {(e["source"], e["target"], e["type"]) for e in graph["edges"]}
    assert edges == {
        ("per-volodimir-selenski", "per-steve-vitkof", "CONSULT"),
        ("per-volodimir-selenski", "loc-rusland", "REJECT"),
    }
    assert {n["id"] for n in graph["nodes"]} == {"per-volodimir-selenski", "per-steve-vitkof", "loc-rusland"}
    assert len(filled.network(types=["REJECT"])["edges"]) == 1
    assert len(filled.network(date_from="2025-12-07")["edges"]) == 1


def test_counts_cover_every_table(filled: Store) -> None:
    counts = filled.counts()
    assert counts["articles"] == 2 and counts["quotes"] == 3 and counts["events"] == 3
    assert counts["entities"] == 6 and counts["mentions"] == 3


def test_network_dated_reports_when_row_cap_reached(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    assert filled.network(date_from="2025-12")["complete"] is True
    monkeypatch.setattr(chronicle, "NETWORK_ROWS", 1)
    capped = filled.network(date_from="2025-12")
    assert capped["complete"] is False
    assert [e["type"] for e in capped["edges"]] == ["REJECT"]  # only the newest day's row was summed
