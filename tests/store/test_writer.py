"""Writing articles: round trip, idempotence, atomicity, near-duplicates, rejections."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.errors import StoreError
from chronik.model import Article, Entity, Quote, Span
from chronik.store import Store, open_store
from tests.store.articles import MEETING_TEXT, meeting_article, plain_article, reject_article

AGENCY_TEXT = (
    "Der Bundesrat hat am Mittwoch in Bern neue Regeln für die Zuwanderung beschlossen. "
    "Die Kantone sollen künftig mehr Mitsprache bei der Verteilung der Asylsuchenden erhalten. "
    "Justizminister Beat Jans sagte vor den Medien, die Vorlage sei ein ausgewogener Kompromiss. "
    "Die Parteien reagierten gespalten: Die SVP kritisierte die Pläne als ungenügend, "
    "die SP sprach von einem Schritt in die richtige Richtung. Das Parlament berät im Frühling."
)
UPDATED_TEXT = AGENCY_TEXT.replace("Das Parlament berät im Frühling.", "Das Parlament berät im März darüber.")


def test_add_article_round_trip_returns_equal_article(store: Store) -> None:
    article = meeting_article()
    assert store.add_article(article).status == "ingested"
    assert store.get_article(article.id) == article


def test_add_article_round_trip_keeps_all_layers(store: Store) -> None:
    article = reject_article()
    store.add_article(article)
    stored = store.get_article(article.id)
    assert stored is not None
    assert stored.events[0].place == article.events[0].place
    assert stored.quotes[0].message[0].text == "Russland habe den Vorschlag ebenfalls abgelehnt"
    assert [e.modality for e in stored.events] == ["asserted", "planned"]


def test_add_article_same_text_twice_is_duplicate(store: Store) -> None:
    first = store.add_article(meeting_article("a"))
    second = store.add_article(meeting_article("b"))
    assert (first.status, second.status, second.duplicate_of) == ("ingested", "duplicate", "a")
    assert store.counts()["articles"] == 1
    assert store.get_article("b") is None


def test_add_article_same_id_other_text_raises_e034(store: Store) -> None:
    store.add_article(plain_article("x", "Erster Text über das Wetter in Graz und Linz."))
    with pytest.raises(StoreError) as caught:
        store.add_article(plain_article("x", "Ein ganz anderer Text über Zürich."))
    assert caught.value.code == "E034"


def test_add_article_failure_leaves_nothing_half_stored(store: Store) -> None:
    article = meeting_article()
    clash = dataclasses.replace(article.quotes[0])
    article.quotes.append(Quote(clash.id, "Direct", clash.message))  # same quote id twice: UNIQUE violation
    with pytest.raises(StoreError):
        store.add_article(article)
    counts = store.counts()
    assert counts["articles"] == counts["quotes"] == counts["entities"] == counts["events"] == 0
    assert store.search_articles("Gespräche").total == 0
    assert store.add_article(meeting_article()).status == "ingested"


def test_has_content_after_add(store: Store) -> None:
    article = meeting_article()
    assert not store.has_content(article.content_hash)
    store.add_article(article)
    assert store.has_content(article.content_hash)


def test_iter_articles_in_ingest_order(store: Store) -> None:
    store.add_article(reject_article())
    store.add_article(meeting_article())
    assert [a.id for a in store.iter_articles()] == ["berlin-1", "kiew-1"]


def test_add_rejection_listed_with_total(store: Store) -> None:
    store.add_rejection("kaputt.jsonl:3", "E010", "malformed JSON line")
    store.add_rejection("leer.txt", "E002", "input is empty")
    page = store.rejections(limit=1, offset=1)
    assert page.total == 2
    assert page.items[0]["source"] == "leer.txt" and page.items[0]["code"] == "E002"


def test_near_duplicate_linked_to_first_article(store: Store) -> None:
    store.add_article(plain_article("agentur", AGENCY_TEXT))
    result = store.add_article(plain_article("update", UPDATED_TEXT))
    assert result.status == "ingested"
    assert result.near_duplicate_of == "agentur"
    assert result.similarity is not None and result.similarity >= 0.8
    assert store.counts()["near_duplicates"] == 1


def test_near_duplicate_of_a_duplicate_points_to_original(store: Store) -> None:
    store.add_article(plain_article("agentur", AGENCY_TEXT))
    store.add_article(plain_article("update", UPDATED_TEXT))
    third = store.add_article(plain_article("dritte", UPDATED_TEXT.replace("Mittwoch", "Mittwochmorgen")))
    assert third.near_duplicate_of == "agentur"


def test_unrelated_articles_not_linked(store: Store) -> None:
    store.add_article(plain_article("agentur", AGENCY_TEXT))
    result = store.add_article(meeting_article())
    assert result.near_duplicate_of is None


def test_near_duplicate_detected_across_reopen(store_url: str) -> None:
    with open_store(store_url) as first:
        first.add_article(plain_article("agentur", AGENCY_TEXT))
    with open_store(store_url) as second:
        assert second.add_article(plain_article("update", UPDATED_TEXT)).near_duplicate_of == "agentur"


def test_near_duplicate_events_counted_once(store: Store) -> None:
    store.add_article(meeting_article("kiew-1"))
    copy = meeting_article("kiew-2", text=MEETING_TEXT.replace("drei Stunden", "drei Stunden lang"))
    assert store.add_article(copy).near_duplicate_of == "kiew-1"
    assert store.timeline() == [{"period": "2025-12-06", "start": "2025-12-06", "type": "CONSULT", "count": 1}]
    assert store.find_events().total == 1
    assert store.find_events(include_duplicates=True).total == 2  # type: ignore[call-arg]
    assert store.network()["edges"][0]["count"] == 1


words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """Arbitrary text (umlauts, quotes, emoji, control characters) with entities and a quote over it."""
    text = " ".join(draw(st.lists(words, min_size=1, max_size=30)))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    span = Span(start, end, text[start:end])
    entity = Entity("E1", draw(st.sampled_from(["PER", "ORG", "LOC", "MISC"])), span.text, [span], {"roles": ["x"]})
    quote = Quote("Q1", "Direct", [span], speaker_entity="E1", speaker_name=span.text)
    date = draw(st.none() | st.dates().map(lambda d: d.isoformat()))
    return Article(id="p", text=text, date=date, entities=[entity], quotes=[quote], metadata={"k": [1, "ä", None]})


@settings(max_examples=25, deadline=None)
@given(article=articles())
def test_add_article_round_trip_property(article: Article) -> None:
    with open_store(":memory:") as store:
        store.add_article(article)
        assert store.get_article("p") == article


def _visit_article(article_id: str, text: str, *, with_entity: bool) -> Article:
    """A short article whose event actor is "Karl Nehammer" (an article entity only when asked)."""
    from chronik.model import Event
    from tests.store.articles import participant, person, span

    article = plain_article(article_id, text)
    if with_entity:
        article.entities = [person("E1", "Karl Nehammer", text, "Karl Nehammer")]
    actor = participant(text, "Karl Nehammer", entity_id="E1" if with_entity else None)
    article.events = [Event("V1", "CONSULT", span(text, "besuchte"), Span(0, len(text), text), actors=[actor])]
    return article


def test_add_article_sees_entities_another_writer_created(store_url: str) -> None:
    first, second = open_store(store_url), open_store(store_url)
    try:
        text = "Karl Nehammer besuchte am Montag {} und sprach dort mit Vertretern der Gemeinden."
        first.add_article(_visit_article("a1", text.format("Graz"), with_entity=False))  # no entity known yet
        second.add_article(_visit_article("a2", text.format("Linz"), with_entity=True))  # creates the entity
        first.add_article(_visit_article("a3", text.format("Wels"), with_entity=False))  # must find it now
        (entity_id,) = first.match_entities("Karl Nehammer")
        found = first.find_events(actor=entity_id)
        assert sorted(item["article_id"] for item in found.items) == ["a2", "a3"]
    finally:
        first.close()
        second.close()


def test_add_article_after_a_failed_article_resolves_from_the_stored_state(store: Store) -> None:
    text = "Karl Nehammer besuchte am Montag Graz und sprach dort mit Vertretern der Gemeinden."
    broken = _visit_article("b1", text, with_entity=True)
    broken.quotes = [Quote("Q1", "Direct", [Span(0, 5, "Karl ")]), Quote("Q1", "Direct", [Span(0, 5, "Karl ")])]
    with pytest.raises(StoreError):
        store.add_article(broken)  # duplicate quote ids: rolled back after the entity was resolved
    assert store.match_entities("Karl Nehammer") == []
    store.add_article(_visit_article("b2", text.replace("Graz", "Linz"), with_entity=True))
    assert store.match_entities("Karl Nehammer") == ["per-karl-nehamer"]  # not "-2": the failed one left no trace
    entity_id = "per-karl-nehamer"
    assert [item["article_id"] for item in store.find_events(actor=entity_id).items] == ["b2"]


def test_match_entities_sees_entities_another_writer_created_later(store_url: str) -> None:
    reader, writer = open_store(store_url), open_store(store_url)
    try:
        assert reader.match_entities("Karl Nehammar") == []  # a misspelling: found by fuzzy lookup only
        text = "Karl Nehammer besuchte am Montag Graz und sprach dort mit Vertretern der Gemeinden."
        writer.add_article(_visit_article("m1", text, with_entity=True))
        assert reader.match_entities("Karl Nehammar") == ["per-karl-nehamer"]
    finally:
        reader.close()
        writer.close()


def test_add_article_with_lone_surrogate_is_a_coded_store_error(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        with pytest.raises(StoreError) as caught:
            store.add_article(Article(id="bad", text="Der Rat tagte \ud800 heute."))
        assert caught.value.code == "E030"
        assert store.counts()["articles"] == 0
        assert store.add_article(Article(id="good", text="Der Rat tagte heute.")).status == "ingested"
