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
from datetime import date
from pathlib import Path
from typing import Any

from chronik.errors import PipelineError
from chronik.events.dates import sentence_direction
from chronik.events.detect import (
    Roles,
    SentenceView,
    TriggerHit,
    after_definite_article,
    assign_roles,
    is_noun,
    match_triggers,
)
from chronik.events.lexicon import EventLexicon, load_event_lexicon
from chronik.events.modality import ModalityContext, detect_modality, quote_at
from chronik.events.participants import Candidate, sentence_candidates
from chronik.events.timex import iso_week
from chronik.gazetteer import Gazetteer, load_gazetteer
from chronik.model import Article, Event, Participant, Place, Span, TimeExpression

__all__ = ["EventsStage", "create_stage", "find_events"]

INHERIT_WINDOW = 6  # sentences within which a later mention continues an earlier event
CONTINUES = {"AGREE": ("CONSULT",), "COOPERATE": ("CONSULT",)}  # an agreement continues a meeting
_PURPOSE = re.compile(r"\bfür\s+(?:das|den|die|dieses|diesen|nächste[ns]?|kommende[ns]?|\s)*$")
FIRST_PERSON = frozenset({"ich", "wir"})
DOMESTIC_SECTORS = frozenset({"CIV", "COP", "JUD", "LEG", "PTY", "BUS", "MED", "GOV", "MIL"})


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
    """The time nearest the trigger; "für das kommende Jahr" names a purpose, so it comes last."""
    inside = [t for t in article.times if start <= t.start and t.end <= end and t.value]
    if not inside:
        return None
    return min(
        inside,
        key=lambda t: (
            _PURPOSE.search(article.text[max(0, t.start - 16) : t.start]) is not None,
            abs(t.start - trigger_start),
        ),
    )


def _is_future(time: TimeExpression | None, anchor: str | None, *, or_today: bool = False) -> bool:
    if time is None or anchor is None or time.value is None or not time.relative:
        return False
    if time.granularity == "day":
        return time.value >= anchor[:10] if or_today else time.value > anchor[:10]
    if time.granularity == "month":
        return time.value > anchor[:7]
    if time.granularity == "week":
        return time.value > iso_week(date.fromisoformat(anchor[:10]))
    return False


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
    clause_start, clause_end = view.clause_bounds(hit.index)
    clause_tokens = [t for t in tokens if clause_start <= t.start and t.end <= clause_end]
    return ModalityContext(
        words=[view.folded[i] for i in members],
        raw_words=[view.words[i][2] for i in members],
        trigger_index=members.index(hit.index),
        sentence_words=view.folded[: hit.index],
        all_words=view.folded,
        sentence_text=sentence_text,
        tokens=clause_tokens,
        future_time=_is_future(time, article.date),
        time_from_today=_is_future(time, article.date, or_today=True),
        past_sentence=sentence_direction(article.text[clause_start:clause_end], clause_tokens) == "past",
    )


def _choose_roles(
    context: _Context,
    view: SentenceView,
    hit: TriggerHit,
    candidates: list[Candidate],
    earlier: list[tuple[int, Event]],
    sentence_index: int,
) -> Roles:
    """Roles from the trigger's clause; else (unless an earlier event continues) from the sentence."""
    start = view.words[hit.index][0]
    clause_start, clause_end = view.clause_bounds(hit.index)
    roles = assign_roles(view, start, [c for c in candidates if clause_start <= c.start and c.end <= clause_end])
    continued = _inherited(hit.trigger.type, earlier, sentence_index, same_type_only=True)
    if not roles.actors and continued is None:
        whole = assign_roles(view, start, candidates)
        roles.actors, roles.targets = whole.actors, roles.targets or whole.targets
        roles.place = roles.place or whole.place
    if not roles.actors:
        compound = _compound_actor(view, hit, context.gazetteer)
        roles.actors = [compound] if compound else []
    return roles


def _target_the_referenced_event(event: Event, hit: TriggerHit, earlier: list[tuple[int, Event]]) -> None:
    """ "Taipeh verurteilte die Manöver": the target is whoever held the manoeuvres reported before."""
    if event.targets or hit.object_type is None:
        return
    actor_codes = {p.code for p in event.actors}
    for _, previous in reversed(earlier):
        if previous.type == hit.object_type and previous.actors:
            event.targets = [p for p in previous.actors if p.code not in actor_codes]
            return


def _both_sides(view: SentenceView, hit: TriggerHit) -> bool:
    """The subject is the set of parties of an earlier meeting: "Beide Seiten waren sich einig"."""
    if hit.trigger.type not in ("AGREE", "CONSULT", "COOPERATE"):
        return False
    clause = view.clauses[hit.index]
    return any(view.folded[i] in ("beide", "beiden") and view.clauses[i] == clause for i in range(hit.index))


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
    roles = _choose_roles(context, view, hit, candidates, earlier, sentence_index)
    quote = quote_at(article.quotes, start, end)
    speaks_for_self = quote is not None and any(w in FIRST_PERSON for w in view.folded[: hit.index])
    if quote is not None and (not roles.actors or speaks_for_self):
        speaker = _speaker_actor(article, quote.id, context.lexicon)
        if speaker is not None:
            # "«Wir werden die Ukraine unterstützen», sagte Merz": the speaker acts, the named party is the target.
            roles.targets = roles.targets or roles.actors
            roles.actors = [speaker]
    place_country = roles.place.country if roles.place else None
    _localise([*roles.actors, *roles.targets], place_country or next(iter(context.prefer_countries), None))
    time = _time_in(article, view.start, view.end, start)
    event = Event(
        id="",
        type=hit.trigger.type,
        trigger=Span(start, end, article.text[start:end]),
        sentence=Span(view.start, view.end, article.text[view.start : view.end]),
        mode=hit.trigger.mode,
        actors=[_participant(c, article) for c in roles.actors],
        targets=[_participant(c, article) for c in roles.targets],
        modality=detect_modality(_modality_context(article, view, hit, time), context.lexicon),
        source_quote=quote.id if quote else None,
        place=_place(roles.place, article),
        time=time,
        cameo=context.lexicon.cameo(hit.trigger.type),
    )
    _target_the_referenced_event(event, hit, earlier)
    meeting = _inherited(hit.trigger.type, earlier, sentence_index) if _both_sides(view, hit) else None
    if meeting is not None:
        event.actors, event.targets = [*meeting.actors, *meeting.targets], []
        event.place = event.place or meeting.place
    return event


def _inherited(
    event_type: str, earlier: list[tuple[int, Event]], sentence_index: int, *, same_type_only: bool = False
) -> Event | None:
    """The nearby earlier event to continue: same type (a meeting for its agreement), most participants.

    Failing that, the last event of the previous sentence keeps its subject ("Die Gruppe verurteilte …").
    """
    types = {event_type} if same_type_only else {event_type, *CONTINUES.get(event_type, ())}
    nearby = [
        event
        for index, event in earlier
        if sentence_index - index <= INHERIT_WINDOW and event.type in types and event.actors
    ]
    if nearby:
        return max(reversed(nearby), key=lambda e: len(e.actors) + len(e.targets))
    if same_type_only:
        return None
    previous = [event for index, event in earlier if index == sentence_index - 1 and event.actors]
    return previous[-1] if previous else None


def _refers_back(
    view: SentenceView,
    hit: TriggerHit,
    article: Article,
    earlier: list[tuple[int, Event]],
    sentence_index: int,
    candidates: list[Candidate],
) -> bool:
    """ "Die Kundgebung verlief friedlich": a definite noun trigger repeating a recent event of its type."""
    if not (is_noun(view, hit.index) and after_definite_article(view, hit.index)):
        return False
    if any(not c.is_place for c in candidates):
        return False  # "nach der ersten Gesprächsrunde zwischen X und Y": new participants, a new event
    if any(view.start <= t.start < view.end for t in article.times):
        return False
    return any(sentence_index - i <= 2 and e.type == hit.trigger.type for i, e in earlier)


def _localise(candidates: list[Candidate], country: str | None) -> None:
    """Group nouns without a country ("Demonstranten", "Polizei") belong to the place or the article's country."""
    for candidate in candidates:
        if country and candidate.code and candidate.code.split("/")[0] in DOMESTIC_SECTORS:
            candidate.code = f"{country}/{candidate.code}"


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
            if _refers_back(view, hit, article, found, sentence_index, candidates):
                continue
            event = _build_event(context, view, hit, candidates, found, sentence_index)
            source = _inherited(event.type, found, sentence_index, same_type_only=True)
            _inherit(event, source or _inherited(event.type, found, sentence_index))
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
