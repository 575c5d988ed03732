"""Queries: full-text search, quotations, events, pagination, and SQL injection safety."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chronik.errors import StoreError
from chronik.store import Store, open_store, queries
from tests.store.articles import meeting_article, plain_article, reject_article

INJECTIONS = [
    "'; DROP TABLE articles; --",
    '" OR 1=1 --',
    "Selenskyj' OR '1'='1",
    "%_%",
    'NEAR(a b) OR * AND "',
    "?",
    "%s",
    "a & b | !c:*",
    "\\x00\u0000",
]


@pytest.fixture(scope="module")
def filled(module_store_url: str) -> Iterator[Store]:
    store = open_store(module_store_url)
    store.add_article(meeting_article())
    store.add_article(reject_article())
    for number in range(5):
        store.add_article(
            plain_article(f"wetter-{number}", f"Wetterbericht {number}: In Graz regnet es, in Linz scheint die Sonne.")
        )
    yield store
    store.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Gespräch", {"kiew-1"}),  # text says "Gespräche"
        ("GESPRÄCHEN", {"kiew-1"}),
        ("heißt", {"berlin-1"}),  # Swiss text writes "heisst"
        ("Vorschlägen", {"kiew-1", "berlin-1"}),  # "Vorschläge", "Vorschlag"
        ("Kiew Sondergesandten", {"kiew-1"}),
        ("Graz", {f"wetter-{n}" for n in range(5)}),
        ("Zürich", set()),
    ],
)
def test_search_articles_german_normalisation(filled: Store, query: str, expected: set[str]) -> None:
    page = filled.search_articles(query, limit=50)
    assert {item["id"] for item in page.items} == expected
    assert page.total == len(expected)


def test_search_articles_snippet_marks_original_word(filled: Store) -> None:
    item = filled.search_articles("Gespräch").items[0]
    article = filled.get_article("kiew-1")
    assert article is not None
    start, end = item["match"]
    assert article.text[start:end] == "Gespräche"
    assert "Gespräche" in item["snippet"]


def test_search_articles_paginates_with_total(filled: Store) -> None:
    first = filled.search_articles("Wetterbericht", limit=2)
    rest = filled.search_articles("Wetterbericht", limit=10, offset=2)
    assert first.total == rest.total == 5
    assert len(first.items) == 2 and len(rest.items) == 3
    assert {i["id"] for i in first.items}.isdisjoint(i["id"] for i in rest.items)


def test_search_articles_empty_query_lists_newest_first(filled: Store) -> None:
    page = filled.search_articles("", limit=3)
    assert page.total == 7
    assert page.items[0]["id"] == "berlin-1"


@pytest.mark.parametrize("speaker", ["Selenskyj", "Zelensky", "Selenski", "Wolodymyr Selenskyj", "Volodymyr Zelensky"])
def test_search_quotes_by_speaker_variants(filled: Store, speaker: str) -> None:
    page = filled.search_quotes(speaker=speaker)
    assert [item["quote_id"] for item in page.items] == ["Q1"]
    assert page.items[0]["speaker"] == "Wolodymyr Selenskyj"
    assert page.items[0]["text"] == "Wir sind einem Frieden nähergekommen"


def test_search_quotes_by_text_and_date(filled: Store) -> None:
    assert filled.search_quotes(text="Vorschlag").total == 2  # Witkoff's "Vorschläge" and Russland's "Vorschlag"
    assert [q["article_id"] for q in filled.search_quotes(text="Vorschlag", date_from="2025-12-07").items] == [
        "berlin-1"
    ]
    assert filled.search_quotes(date_to="2025-12").total == 3
    assert filled.search_quotes(date_to="2025-11").total == 0


def test_search_quotes_unknown_speaker_finds_nothing(filled: Store) -> None:
    assert filled.search_quotes(speaker="Angela Merkel").total == 0


def test_find_events_filters(filled: Store) -> None:
    assert filled.find_events(type="reject").items[0]["actors"][0]["name"] == "Wolodymyr Selenskyj"
    assert filled.find_events(actor="Selenskyj").total == 2
    assert filled.find_events(actor="Selenskyj", type="CONSULT").items[0]["article_id"] == "kiew-1"
    assert filled.find_events(target="USA").total == 1  # actor code prefix of USA/GOV/DIP
    assert filled.find_events(target="Russland").items[0]["type"] == "REJECT"
    assert filled.find_events(place="Kyiv").items[0]["place"] == "Kiew"
    assert filled.find_events(place="DEU").items[0]["place"] == "Berlin"
    assert filled.find_events(modality="planned").items[0]["actors"][0]["name"] == "Rustem Umerov"
    assert filled.find_events(date_from="2025-12-07").total == 2
    assert filled.find_events(date_from="2025-12-01", date_to="2025-12-06").total == 1


def test_find_events_items_carry_corpus_entity_ids(filled: Store) -> None:
    event = filled.find_events(type="CONSULT", actor="Witkoff", limit=1).items
    assert event == []  # Witkoff is the target, not the actor
    event = filled.find_events(type="CONSULT", target="Witkoff").items[0]
    assert event["targets"][0]["entity_id"] == "per-steve-vitkof"
    assert event["trigger"] == "empfangen"


@pytest.mark.parametrize("bad", INJECTIONS)
def test_queries_treat_injection_strings_as_data(filled: Store, bad: str) -> None:
    assert filled.search_articles(bad).total >= 0
    assert filled.search_quotes(text=bad, speaker=bad).total == 0
    for key in ("type", "actor", "target", "place", "modality"):
        assert filled.find_events(**{key: bad}).total == 0
    assert filled.find_entities(name=bad, label=bad).total == 0
    assert filled.entity_profile(bad) is None
    assert filled.timeline(type=bad) == [] and filled.timeline(entity=bad) == []
    assert filled.network(types=[bad])["edges"] == []
    assert filled.get_article(bad) is None and not filled.has_content(bad)
    assert filled.counts()["articles"] == 7


@pytest.mark.parametrize("bad", ["2025-1'", "'; --", "gestern"])
def test_queries_reject_malformed_dates_with_e050(filled: Store, bad: str) -> None:
    with pytest.raises(StoreError) as caught:
        filled.find_events(date_from=bad)
    assert caught.value.code == "E050"
    with pytest.raises(StoreError):
        filled.search_quotes(date_to=bad)
    with pytest.raises(StoreError):
        filled.timeline(date_from=bad)


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (-1, 0), (5, -1), (100_000, 0)])
def test_queries_reject_bad_pagination(filled: Store, limit: int, offset: int) -> None:
    with pytest.raises(StoreError):
        filled.search_articles("Graz", limit=limit, offset=offset)
    with pytest.raises(StoreError):
        filled.find_events(limit=limit, offset=offset)


def test_injection_strings_stored_and_found_verbatim(store: Store) -> None:
    text = 'Der Titel lautet \'; DROP TABLE articles; -- und "NEAR" sowie 100% sicher? Ja.'
    store.add_article(plain_article("bobby", text))
    assert store.search_articles("DROP TABLE").items[0]["id"] == "bobby"
    stored = store.get_article("bobby")
    assert stored is not None and stored.text == text


def test_search_quotes_text_reports_candidate_cap(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    assert filled.search_quotes(text="Vorschlag").extra["text_matches_capped"] is False
    monkeypatch.setattr(queries, "TEXT_CANDIDATES", 1)
    page = filled.search_quotes(text="Vorschlag")
    assert page.extra["text_matches_capped"] is True
    assert [q["article_id"] for q in page.items] == ["berlin-1"]  # only the newest match is considered


def test_search_articles_common_word_ranks_newest_matches(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    assert filled.search_articles("Wetterbericht").extra["ranked_newest_only"] is False
    monkeypatch.setattr(queries, "RANK_CANDIDATES", 2)
    page = filled.search_articles("Wetterbericht", limit=10)
    assert page.extra["ranked_newest_only"] is True
    assert page.total == 5
    assert {item["id"] for item in page.items} == {"wetter-3", "wetter-4"}
