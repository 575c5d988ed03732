"""Tests for the "events" stage (chronik.events) on articles written for the tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.errors import PipelineError
from chronik.events import create_stage as create_events
from chronik.events.dates import create_stage as create_times
from chronik.events.places import create_stage as create_places
from chronik.model import Article, Entity, Event, Mention, Quote, Span
from chronik.pipeline import build_pipeline

# Written for these tests: Swiss spelling, a metonymic capital, a plan, a refusal, a wish.
ARTICLE = (
    "Genf. Vertreter der USA und der Ukraine haben in Genf über einen Friedensplan verhandelt. "
    "Die Gespräche werden am Montag fortgesetzt. "
    "Moskau ist zu keinerlei Zugeständnissen bereit. "
    "Beide Seiten einigten sich auf einen Rahmen für Sicherheitsgarantien. "
    "Das Weisse Haus veröffentlichte am Abend eine gemeinsame Erklärung. "
    "Washington wünsche zugleich eine Annäherung an Moskau, heisst es darin."
)


def _run(article: Article) -> Article:
    for stage in (create_times(), create_places(), create_events()):
        article = stage(article)
    return article


def _find(events: list[Event], event_type: str, trigger: str) -> Event:
    return next(e for e in events if e.type == event_type and e.trigger.text == trigger)


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return _run(Article(id="t", text=ARTICLE, date="2025-12-06")).events


def test_events_consult_with_actors_targets_and_place(events: list[Event]) -> None:
    event = _find(events, "CONSULT", "verhandelt")
    assert [p.code for p in event.actors] == ["USA", "UKR"]
    assert event.place is not None and (event.place.name, event.place.country) == ("Genf", "CHE")
    assert event.modality == "asserted"
    assert event.cameo == "04"


def test_events_continuation_is_planned_and_inherits_participants(events: list[Event]) -> None:
    event = _find(events, "CONSULT", "Gespräche")
    assert event.modality == "planned"
    assert event.time is not None and event.time.value == "2025-12-08"
    assert [p.code for p in event.actors] == ["USA", "UKR"]


def test_events_refusal_is_a_negated_concession_by_the_metonym(events: list[Event]) -> None:
    event = _find(events, "CONCEDE", "Zugeständnissen")
    assert event.modality == "negated"
    assert [p.code for p in event.actors] == ["RUS/GOV"]


def test_events_agreement_continues_the_meeting(events: list[Event]) -> None:
    event = _find(events, "AGREE", "einigten")
    assert {p.code for p in event.actors} <= {"USA", "UKR"}
    assert event.actors


def test_events_statement_and_desired_cooperation(events: list[Event]) -> None:
    statement = _find(events, "STATEMENT", "veröffentlichte")
    assert [p.code for p in statement.actors] == ["USA/GOV"]
    wish = _find(events, "COOPERATE", "Annäherung")
    assert wish.modality == "desired"
    assert [p.code for p in wish.actors] == ["USA/GOV"]
    assert [p.code for p in wish.targets] == ["RUS/GOV"]


def test_events_have_ids_and_valid_spans(events: list[Event]) -> None:
    assert [e.id for e in events] == [f"V{i}" for i in range(1, len(events) + 1)]
    for event in events:
        assert ARTICLE[event.trigger.start : event.trigger.end] == event.trigger.text
        assert ARTICLE[event.sentence.start : event.sentence.end] == event.sentence.text
        assert event.sentence.start <= event.trigger.start < event.trigger.end <= event.sentence.end
        for participant in [*event.actors, *event.targets]:
            assert ARTICLE[participant.start : participant.end] == participant.text


def test_events_report_source_quote_and_speaker_as_actor() -> None:
    text = "«Wir werden die Ukraine weiter unterstützen», sagte Friedrich Merz."
    speaker = Span(text.index("Friedrich"), len(text) - 1, "Friedrich Merz")
    quote = Quote(id="Q1", type="Direct", message=[Span(1, 43, text[1:43])], speaker=speaker, speaker_entity="E1")
    entity = Entity(id="E1", label="PER", name="Friedrich Merz", attributes={"code": "DEU/GOV"})
    mention = Mention(speaker.start, speaker.end, speaker.text, "PER", entity_id="E1")
    article = _run(Article(id="q", text=text, quotes=[quote], entities=[entity], mentions=[mention]))
    event = _find(article.events, "SUPPORT", "unterstützen")
    assert event.source_quote == "Q1"
    assert [p.code for p in event.actors] == ["DEU/GOV"]
    assert event.modality == "planned"


def test_events_write_codes_onto_entities() -> None:
    text = "Der Kanzler Friedrich Merz traf Emmanuel Macron."
    start = text.index("Friedrich")
    entity = Entity(id="E1", label="PER", name="Friedrich Merz")
    mention = Mention(start, start + len("Friedrich Merz"), "Friedrich Merz", "PER", entity_id="E1")
    article = _run(Article(id="c", text=text, entities=[entity], mentions=[mention]))
    assert article.events and article.events[0].actors[0].entity_id == "E1"
    assert entity.attributes["code"] == "DEU/GOV"


def test_events_stage_declares_layers_and_rejects_unknown_options() -> None:
    stage = create_events()
    assert (stage.name, stage.requires, stage.provides) == ("events", ("times", "places"), ("events",))
    with pytest.raises(PipelineError):
        create_events(threshold=0.5)


def test_events_stage_on_empty_and_event_free_text() -> None:
    assert _run(Article(id="e", text="")).events == []
    assert _run(Article(id="e", text="Das Wetter bleibt sonnig. Es ist warm.")).events == []


def _shared_sample() -> Path:
    shared = os.environ.get("CHRONIK_SHARED")
    root = Path(shared) if shared else Path(__file__).resolve().parents[2] / ".." / "shared"
    return root / "samples" / "000_04c4e64a074c13a2.txt"


@pytest.mark.shared
@pytest.mark.skipif(not _shared_sample().is_file(), reason="shared sample article not available")
def test_events_on_the_canonical_sample_article() -> None:
    text = _shared_sample().read_text(encoding="utf-8")
    article = build_pipeline(["times", "places", "events"])(Article(id="s", text=text, date="2025-12-06"))

    def has(event_type: str, modality: str | None = None, actor: str | None = None, **extra: str) -> bool:
        for event in article.events:
            if event.type != event_type or (modality and event.modality != modality):
                continue
            if actor and not any((p.code or "").startswith(actor) for p in event.actors):
                continue
            if extra.get("place") and (event.place is None or event.place.name != extra["place"]):
                continue
            if extra.get("date") and (event.time is None or event.time.value != extra["date"]):
                continue
            return True
        return False

    assert has("CONSULT", "asserted", "USA", place="Miami")
    assert has("CONSULT", "planned", date="2025-12-06")
    assert has("AGREE")
    assert has("CONCEDE", "negated", "RUS") or has("REJECT", actor="RUS")
    assert has("STATEMENT", actor="USA")
    assert has("COOPERATE", "desired", "USA")


def test_events_accusation_targets_the_actor_of_the_referenced_event() -> None:
    text = "Peking. China hat eine Militärübung gestartet. Taipeh verurteilte die Manöver scharf."
    events = _run(Article(id="r", text=text, date="2025-12-30")).events
    accuse = _find(events, "ACCUSE", "verurteilte")
    assert [p.code for p in accuse.actors] == ["TWN/GOV"]
    assert [p.code for p in accuse.targets] == ["CHN"]
    assert [e.type for e in events] == ["MOBILIZE", "ACCUSE"]


def test_events_group_noun_with_genitive_country_is_the_actor() -> None:
    text = "Delegationen Russlands und der Ukraine haben in Istanbul verhandelt."
    event = _run(Article(id="g", text=text, date="2025-05-17")).events[0]
    assert event.type == "CONSULT"
    assert [p.code for p in event.actors] == ["RUS/GOV/DIP", "UKR"]
    assert event.place is not None and event.place.name == "Istanbul"


def test_events_cancelled_meeting_is_negated() -> None:
    text = "Ein geplantes Gipfeltreffen zwischen Trump und Putin in Budapest wurde abgesagt."
    event = _run(Article(id="n", text=text, date="2025-10-21")).events[0]
    assert (event.type, event.modality) == ("CONSULT", "negated")
    assert [p.code for p in event.actors] == ["USA/GOV", "RUS/GOV"]


_PIECES = [
    "Moskau", "Kiew", "wies", "zurück", "Gespräche", "am", "Samstag", "nicht", "«", "»", ",", ".", "-",
    "Beide", "Seiten", "einig", "US-", "Sanktionen", "gegen", "die", "Russen", "(68)", "und", "in", "Genf",
    "\n", "Weisses Haus", "Russlands", "Konzessionen", "ohne", "wird", "traf", "Merz", "mit", "ß", "",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=5)), max_size=30))
def test_events_stage_never_raises_and_spans_hold(words: list[str]) -> None:
    text = " ".join(words)
    article = _run(Article(id="h", text=text, date="2025-12-06"))
    for event in article.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        for participant in [*event.actors, *event.targets]:
            assert text[participant.start : participant.end] == participant.text
