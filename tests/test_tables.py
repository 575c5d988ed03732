"""Tests for chronik.tables: analysed articles as flat rows with explicit Arrow schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.model import (
    Article,
    Author,
    Entity,
    Event,
    Mention,
    Paragraph,
    Participant,
    Place,
    Quote,
    Sentence,
    Span,
    TimeExpression,
    Token,
)
from chronik.tables import (
    ARTICLE_TABLES,
    MESSAGE_SEPARATOR,
    SCHEMAS,
    TABLES,
    article_from_row,
    article_row,
    article_rows,
    document_json,
    rejection_row,
    rows_by_table,
    to_arrow,
)

TEXT = (
    "Gruber sagt: „Wir bleiben.“ Er habe Kanzlerin Huber in Wien getroffen, "
    "sagte Gruber (47) am Montag, und man sei sich einig."
)


def _span(text: str, needle: str, *, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def _analysed_article() -> Article:
    article = Article(id="t-1", text=TEXT, source="hand.jsonl:1", date="2025-03-03", title="Gruber bleibt")
    article.authors = [Author(name="Eva Muster")]
    article.paragraphs = [Paragraph(0, len(TEXT), TEXT)]
    article.tokens = [Token(0, 6, "Gruber", lemma="Gruber", pos="NE", morph={"Case": "Nom"})]
    article.sentences = [Sentence(0, len(TEXT), TEXT, 0, 1)]
    gruber, huber, wien = _span(TEXT, "Gruber"), _span(TEXT, "Huber"), _span(TEXT, "Wien")
    article.mentions = [
        Mention(gruber.start, gruber.end, "Gruber", "PER", entity_id="E1"),
        Mention(huber.start, huber.end, "Huber", "PER", entity_id="E2", score=0.9),
        Mention(wien.start, wien.end, "Wien", "LOC", source="gazetteer", kind="city"),
    ]
    article.entities = [
        Entity("E1", "PER", "Gruber", [gruber], {"age": 47, "roles": ["Minister"], "affiliation": "AUT"}),
        Entity("E2", "PER", "Huber", [huber], {"roles": "Kanzlerin", "code": "AUT/GOV"}),
    ]
    message = [_span(TEXT, "Wir bleiben."), _span(TEXT, "man sei sich einig")]
    article.quotes = [
        Quote(
            "Q1",
            "Direct",
            message,
            cue=_span(TEXT, "sagt"),
            cue_lemma="sagen",
            speaker=gruber,
            speaker_entity="E1",
            speaker_kind="person",
            sentence_ids=[0],
        )
    ]
    when = _span(TEXT, "am Montag")
    article.events = [
        Event(
            "V1",
            "CONSULT",
            trigger=_span(TEXT, "getroffen"),
            sentence=Span(0, len(TEXT), TEXT),
            mode="visit",
            actors=[Participant(gruber.start, gruber.end, "Gruber", entity_id="E1", code="AUT/GOV")],
            targets=[Participant(huber.start, huber.end, "Huber", entity_id="E2", name="Anna Huber")],
            modality="reported",
            source_quote="Q1",
            place=Place(wien.start, wien.end, "Wien", "Wien", country="AUT", lat=48.2, lon=16.37),
            time=TimeExpression(when.start, when.end, when.text, "2025-03-03", "day", relative=True),
        )
    ]
    article.stages = ["tokenizer", "ner"]
    return article


def test_schemas_cover_every_table() -> None:
    assert set(SCHEMAS) == set(TABLES)
    assert set(ARTICLE_TABLES) == set(TABLES) - {"rejections"}
    for table in ARTICLE_TABLES:
        assert SCHEMAS[table].field(0).name == "article_id"


def test_article_rows_one_row_per_layer_item() -> None:
    tables = rows_by_table([_analysed_article()])
    counts = {table: len(rows) for table, rows in tables.items()}
    assert counts == {"articles": 1, "entities": 2, "mentions": 3, "quotations": 1, "events": 1, "rejections": 0}


def test_article_row_counts_and_metadata() -> None:
    row = article_row(_analysed_article())
    assert row["article_id"] == "t-1"
    assert row["n_tokens"] == 1
    assert row["n_chars"] == len(TEXT)
    assert row["authors"] == ["Eva Muster"]
    assert row["content_hash"] == _analysed_article().content_hash


def test_article_from_row_round_trips_every_layer() -> None:
    article = _analysed_article()
    rebuilt = article_from_row(article_row(article, include_tokens=True))
    assert rebuilt == article


def test_article_row_leaves_tokens_out_by_default() -> None:
    rebuilt = article_from_row(article_row(_analysed_article()))
    assert rebuilt.tokens == []
    assert rebuilt.quotes == _analysed_article().quotes


def test_entity_row_flattens_attributes() -> None:
    rows = rows_by_table([_analysed_article()])["entities"]
    first, second = rows
    assert (first["age"], first["roles"], first["affiliation"]) == (47, ["Minister"], "AUT")
    assert (second["age"], second["roles"], second["code"]) == (None, ["Kanzlerin"], "AUT/GOV")
    assert '"age": 47' in first["attributes"]


def test_quotation_row_joins_message_parts_and_keeps_offsets() -> None:
    (row,) = rows_by_table([_analysed_article()])["quotations"]
    assert row["text"] == "Wir bleiben." + MESSAGE_SEPARATOR + "man sei sich einig"
    assert TEXT[row["start"] : row["end"]].startswith("Wir bleiben.")
    assert TEXT[row["speaker_start"] : row["speaker_end"]] == row["speaker"] == "Gruber"
    assert row["addressee"] is None and row["addressee_start"] is None
    assert row["article_date"] == "2025-03-03"


def test_event_row_flattens_participants_place_and_time() -> None:
    (row,) = rows_by_table([_analysed_article()])["events"]
    assert (row["actor_name"], row["actor_code"]) == ("Gruber", "AUT/GOV")
    assert row["target_name"] == "Anna Huber"  # the resolved name wins over the surface text
    assert (row["place_name"], row["place_country"], row["time_value"]) == ("Wien", "AUT", "2025-03-03")
    assert TEXT[row["trigger_start"] : row["trigger_end"]] == "getroffen"
    assert row["actors"][0]["entity_id"] == "E1"


def test_event_row_without_participants_has_null_columns() -> None:
    article = _analysed_article()
    article.events[0].actors, article.events[0].place, article.events[0].time = [], None, None
    (row,) = rows_by_table([article])["events"]
    assert row["actor_name"] is None and row["place_name"] is None and row["time_start"] is None


@pytest.mark.parametrize("table", TABLES)
def test_to_arrow_matches_schema_and_survives_parquet(table: str, tmp_path: Path) -> None:
    tables = rows_by_table([_analysed_article()])
    tables["rejections"] = [rejection_row(source="x.jsonl:3", code="E010", problem="bad", line=3)]
    arrow_table = to_arrow(table, tables[table])
    assert arrow_table.schema == SCHEMAS[table]
    path = f"{tmp_path}/{table}.parquet"
    pq.write_table(arrow_table, path)
    assert pq.read_table(path).to_pylist() == tables[table]


def test_to_arrow_rejects_a_wrongly_typed_row() -> None:
    row = rejection_row(source="x", code="E010", problem="bad")
    row["line"] = "three"
    with pytest.raises((pa.ArrowInvalid, pa.ArrowTypeError)):
        to_arrow("rejections", [row])


_texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)


@settings(max_examples=40, deadline=None)
@given(text=_texts, title=st.none() | _texts, cut=st.integers(min_value=0, max_value=80))
def test_article_from_row_round_trips_any_text(text: str, title: str | None, cut: int) -> None:
    cut = min(cut, len(text))
    article = Article(id="h", text=text, title=title, metadata={"label": title})
    article.mentions = [Mention(0, cut, text[:cut], "MISC")]
    rows = dict(article_rows(article))
    assert article_from_row(rows["articles"]) == article
    assert rows["mentions"]["text"] == text[:cut]


def test_document_json_has_the_content_of_to_dict() -> None:
    article = _analysed_article()
    expected = article.to_dict(include_tokens=True)
    del expected["text"], expected["subheads"]
    assert json.loads(document_json(article, include_tokens=True)) == json.loads(json.dumps(expected))
