"""Stage "events": who did what to whom, where and when, with modality and actor codes.

Each sentence is searched for trigger words (`data/events/triggers.tsv`) of the PLOVER types
plus STATEMENT. For every trigger the stage picks actors and targets among the sentence's
participants (gazetteer names, entities, descriptions), resolves metonymy ("Washington" →
USA/GOV), takes the place and time from the "places" and "times" layers, and decides the
modality. An event without a named actor inherits the participants of the last event of the
same type a few sentences earlier ("Die Gespräche werden am Samstag fortgesetzt").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronik.errors import PipelineError
from chronik.events.dates import sentence_direction
from chronik.events.detect import SentenceView, TriggerHit, assign_roles, match_triggers
from chronik.events.lexicon import EventLexicon, load_event_lexicon
from chronik.events.modality import ModalityContext, detect_modality, quote_at
from chronik.events.participants import Candidate, sentence_candidates
from chronik.gazetteer import Gazetteer, load_gazetteer
from chronik.model import Article, Event, Participant, Place, Span, TimeExpression

__all__ = ["EventsStage", "create_stage", "find_events"]

INHERIT_WINDOW = 6  # sentences within which a later mention continues an earlier event


@dataclass(slots=True)
class _Context:
    article: Article
    gazetteer: Gazetteer
    lexicon: EventLexicon
    prefer_countries: tuple[str, ...]


def _sentence_ranges(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    ranges = []
    for paragraph in re.finditer(r"[^\n]+", article.text):
        for match in re.finditer(r".+?(?:[.!?]+[»«\"“”]?(?=\s+[«»\"„A-ZÄÖÜ])|$)", paragraph.group()):
            if match.group().strip():
                ranges.append((paragraph.start() + match.start(), paragraph.start() + match.end()))
    return ranges


def _dominant_countries(article: Article, gazetteer: Gazetteer) -> tuple[str, ...]:
    counts = Counter(entry.country for _, _, entry in gazetteer.find_all(article.text) if entry.country)
    return tuple(country for country, _ in counts.most_common(3))


def _participant(candidate: Candidate, article: Article) -> Participant:
    entity_id = candidate.entity_id
    if entity_id is None:
        entity_id = next(
            (m.entity_id for m in article.mentions if m.start < candidate.end and candidate.start < m.end), None
        )
    return Participant(candidate.start, candidate.end, candidate.text, entity_id, candidate.name, candidate.code)


def _place(candidate: Candidate | None, article: Article) -> Place | None:
    if candidate is None:
        return None
    for place in article.places:
        if place.start == candidate.start and place.end == candidate.end:
            return place
    entries = load_gazetteer().lookup(candidate.text)
    entry = entries[0] if entries else None
    return Place(
        candidate.start,
        candidate.end,
        candidate.text,
        candidate.name or candidate.text,
        entry.country if entry else None,
        entry.lat if entry else None,
        entry.lon if entry else None,
        candidate.kind,
    )


def _time_in(article: Article, start: int, end: int, trigger_start: int) -> TimeExpression | None:
    inside = [t for t in article.times if start <= t.start and t.end <= end and t.value]
    return min(inside, key=lambda t: abs(t.start - trigger_start)) if inside else None


def _is_future(time: TimeExpression | None, anchor: str | None) -> bool:
    if time is None or anchor is None or time.value is None or not time.relative:
        return False
    if time.granularity == "day":
        return time.value >= anchor[:10]
    if time.granularity == "month":
        return time.value > anchor[:7]
    return time.granularity == "week" and not time.text.lower().startswith(("letzt", "vergangen", "vor"))


def _compound_actor(view: SentenceView, hit: TriggerHit, gazetteer: Gazetteer) -> Candidate | None:
    """A demonym prefix of the trigger word names its actor: "US-Sanktionen", "EU-Hilfe"."""
    start, _, word = view.words[hit.index]
    if "-" not in word:
        return None
    code = gazetteer.demonym(word.split("-", 1)[0])
    if code is None:
        return None
    entries = gazetteer.lookup(word.split("-", 1)[0])
    actor_code = gazetteer.metonym_code(entries[0]) if entries else code
    return Candidate(start, start + word.index("-"), word[: word.index("-")], actor_code, None, None, "described")


def _speaker_actor(article: Article, quote_id: str | None, lexicon: EventLexicon) -> Candidate | None:
    quote = next((q for q in article.quotes if q.id == quote_id), None)
    if quote is None or quote.speaker is None:
        return None
    entity = next((e for e in article.entities if e.id == quote.speaker_entity), None)
    code = str(entity.attributes.get("code")) if entity and entity.attributes.get("code") else None
    if code is None:
        found = load_gazetteer().lookup(quote.speaker.text)
        code = load_gazetteer().metonym_code(found[0]) if found else None
    if code is None:
        return None
    return Candidate(
        quote.speaker.start,
        quote.speaker.end,
        quote.speaker.text,
        code,
        entity.name if entity else quote.speaker_name,
        entity.id if entity else None,
        "person",
    )


def _modality_context(
    article: Article, view: SentenceView, hit: TriggerHit, time: TimeExpression | None
) -> ModalityContext:
    clause = view.clauses[hit.index]
    members = [i for i, c in enumerate(view.clauses) if c == clause]
    tokens = [t for t in article.tokens if view.start <= t.start and t.end <= view.end]
    sentence_text = article.text[view.start : view.end]
    return ModalityContext(
        words=[view.folded[i] for i in members],
        trigger_index=members.index(hit.index),
        sentence_words=view.folded[: hit.index],
        sentence_text=sentence_text,
        tokens=tokens,
        future_time=_is_future(time, article.date),
        past_sentence=sentence_direction(sentence_text, tokens) == "past",
    )


def _build_event(
    context: _Context,
    view: SentenceView,
    hit: TriggerHit,
    candidates: list[Candidate],
    earlier: list[tuple[int, Event]],
    sentence_index: int,
) -> Event:
    article = context.article
    start, end, _ = view.words[hit.index]
    clause_start, clause_end = view.clause_bounds(hit.index)
    in_clause = [c for c in candidates if clause_start <= c.start and c.end <= clause_end]
    roles = assign_roles(view, start, in_clause)
    inherited = _inherited(hit.trigger.type, earlier, sentence_index) if not roles.actors else None
    if inherited is not None:
        roles.actors = []
    elif not roles.actors:
        whole = assign_roles(view, start, candidates)
        roles.actors, roles.targets = whole.actors, roles.targets or whole.targets
        roles.place = roles.place or whole.place
    if not roles.actors:
        compound = _compound_actor(view, hit, context.gazetteer)
        roles.actors = [compound] if compound else []
    quote = quote_at(article.quotes, start, end)
    if not roles.actors and quote is not None:
        speaker = _speaker_actor(article, quote.id, context.lexicon)
        roles.actors = [speaker] if speaker else []
    time = _time_in(article, view.start, view.end, start)
    modality = detect_modality(_modality_context(article, view, hit, time), context.lexicon)
    return Event(
        id="",
        type=hit.trigger.type,
        trigger=Span(start, end, article.text[start:end]),
        sentence=Span(view.start, view.end, article.text[view.start : view.end]),
        mode=hit.trigger.mode,
        actors=[_participant(c, article) for c in roles.actors],
        targets=[_participant(c, article) for c in roles.targets],
        modality=modality,
        source_quote=quote.id if quote else None,
        place=_place(roles.place, article),
        time=time,
        cameo=context.lexicon.cameo(hit.trigger.type),
    )


def _inherited(event_type: str, earlier: list[tuple[int, Event]], sentence_index: int) -> Event | None:
    """The nearby earlier event of the same type with the most participants (the latest on ties)."""
    nearby = [
        event
        for index, event in earlier
        if sentence_index - index <= INHERIT_WINDOW and event.type == event_type and event.actors
    ]
    if not nearby:
        return None
    return max(reversed(nearby), key=lambda e: len(e.actors) + len(e.targets))


def _inherit(event: Event, source: Event | None) -> None:
    """An event without actors continues an earlier one: its participants and place."""
    if event.actors or source is None:
        return
    event.actors = list(source.actors)
    event.targets = event.targets or list(source.targets)
    event.place = event.place or source.place


def find_events(article: Article, *, gazetteer: Gazetteer, lexicon: EventLexicon) -> list[Event]:
    """All events in an article, numbered V1, V2, … in text order."""
    context = _Context(article, gazetteer, lexicon, _dominant_countries(article, gazetteer))
    found: list[tuple[int, Event]] = []
    for sentence_index, (start, end) in enumerate(_sentence_ranges(article)):
        view = SentenceView.build(article, start, end)
        hits = match_triggers(view, lexicon)
        if not hits:
            continue
        candidates = sentence_candidates(
            article, start, end, gazetteer=gazetteer, lexicon=lexicon, prefer_countries=context.prefer_countries
        )
        for hit in hits:
            event = _build_event(context, view, hit, candidates, found, sentence_index)
            _inherit(event, _inherited(event.type, found, sentence_index))
            found.append((sentence_index, event))
    events = [event for _, event in found]
    for number, event in enumerate(events, start=1):
        event.id = f"V{number}"
    return events


def _record_codes(article: Article) -> None:
    """Write actor codes onto the entities the events refer to (attributes["code"])."""
    entities = {entity.id: entity for entity in article.entities}
    for event in article.events:
        for participant in [*event.actors, *event.targets]:
            entity = entities.get(participant.entity_id or "")
            if entity is not None and participant.code and not entity.attributes.get("code"):
                entity.attributes["code"] = participant.code


@dataclass
class EventsStage:
    """Adds `article.events` (and actor codes on the entities they involve)."""

    gazetteer_files: tuple[Path, ...] = ()
    trigger_files: tuple[Path, ...] = ()
    name: str = "events"
    requires: tuple[str, ...] = ("times", "places")
    provides: tuple[str, ...] = ("events",)

    def __call__(self, article: Article) -> Article:
        gazetteer = load_gazetteer(self.gazetteer_files)
        lexicon = load_event_lexicon(self.trigger_files)
        article.events = find_events(article, gazetteer=gazetteer, lexicon=lexicon)
        _record_codes(article)
        return article


def create_stage(
    *, gazetteer: Sequence[str | Path] = (), triggers: Sequence[str | Path] = (), **config: Any
) -> EventsStage:
    """Build the "events" stage; `gazetteer` and `triggers` name extra user data files."""
    if config:
        raise PipelineError("E020", "events", f"unknown options: {', '.join(sorted(config))}")
    stage = EventsStage(tuple(Path(p) for p in gazetteer), tuple(Path(p) for p in triggers))
    load_gazetteer(stage.gazetteer_files)
    load_event_lexicon(stage.trigger_files)
    return stage
