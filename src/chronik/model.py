"""The one data model: an `Article` and the layers of spans that stages add to it.

The article text never changes after ingest. Every layer (paragraphs, tokens, sentences,
mentions, entities, quotations, events, time expressions, places) points into
`article.text` with character offsets, so `article.text[span.start:span.end]` is always
the span's text.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

ParagraphKind = Literal["title", "lead", "byline", "subhead", "body", "dateline"]
QuoteType = Literal["Direct", "Indirect", "FreeIndirect", "Reported"]
Medium = Literal["speech", "writing", "thought", "unknown"]
SpeakerKind = Literal["person", "organisation", "state", "document", "group", "unknown"]
Modality = Literal["asserted", "negated", "planned", "hypothetical", "desired", "reported"]
Granularity = Literal["day", "week", "month", "quarter", "year", "decade"]

T = TypeVar("T")


@dataclass(slots=True)
class Span:
    """A character range in `article.text` with its text (kept for readability)."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    text: str
    kind: ParagraphKind = "body"


@dataclass(slots=True)
class Author:
    name: str
    role: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str = ""
    pos: str = ""  # STTS tag (e.g. VVFIN, NN, NE)
    upos: str = ""  # Universal POS (e.g. VERB, NOUN, PROPN)
    morph: dict[str, str] = field(default_factory=dict)  # e.g. {"Mood": "Sub", "Number": "Sing"}
    space_after: bool = True


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    token_start: int  # index into article.tokens (inclusive)
    token_end: int  # index into article.tokens (exclusive)
    paragraph: int = 0  # index into article.paragraphs


@dataclass(slots=True)
class Mention:
    """A named-entity mention: a span with a label, later linked to an entity."""

    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, MISC
    source: str = "model"  # model | gazetteer | rule | coref
    kind: str | None = None  # country, city, government, party, company, media, document ...
    entity_id: str | None = None
    score: float | None = None


@dataclass(slots=True)
class Entity:
    """One real-world thing within an article (or, in the store, across articles)."""

    id: str
    label: str
    name: str
    mentions: list[Span] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)  # age, roles, affiliation, kind, code


@dataclass(slots=True)
class Quote:
    id: str
    type: QuoteType
    message: list[Span]
    cue: Span | None = None
    cue_lemma: str | None = None
    speaker: Span | None = None
    speaker_entity: str | None = None  # Entity.id
    speaker_kind: SpeakerKind = "unknown"
    speaker_name: str | None = None
    addressee: Span | None = None
    medium: Medium = "unknown"
    partial: bool = False  # a direct quote embedded in indirect speech
    frame: Span | None = None  # "laut X", "X zufolge", "so X", ...
    sentence_ids: list[int] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)  # every Entity.id when several speak together


@dataclass(slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str | None  # ISO date (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY)
    granularity: Granularity | None = None
    relative: bool = False


@dataclass(slots=True)
class Place:
    start: int
    end: int
    text: str
    name: str
    country: str | None = None  # ISO 3166 alpha-3
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # city, country, region, ...


@dataclass(slots=True)
class Participant:
    """An actor or target of an event, coded country + sector (e.g. USA/GOV/DIP)."""

    start: int
    end: int
    text: str
    entity_id: str | None = None
    name: str | None = None
    code: str | None = None


@dataclass(slots=True)
class Event:
    id: str
    type: str  # PLOVER type (AGREE, CONSULT, ...) or STATEMENT
    trigger: Span
    sentence: Span
    mode: str | None = None  # PLOVER mode (visit, phone, ...)
    actors: list[Participant] = field(default_factory=list)
    targets: list[Participant] = field(default_factory=list)
    modality: Modality = "asserted"
    source_quote: str | None = None  # Quote.id when the event is reported speech
    place: Place | None = None
    time: TimeExpression | None = None
    cameo: str | None = None


@dataclass(slots=True)
class Article:
    id: str
    text: str
    source: str = ""  # path or URL it was read from
    url: str | None = None
    outlet: str | None = None
    language: str = "de"
    date: str | None = None  # ISO date YYYY-MM-DD of publication
    title: str | None = None
    lead: str | None = None
    authors: list[Author] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Layers added by pipeline stages.
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)  # names of stages that ran

    @property
    def subheads(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "subhead"]

    @property
    def content_hash(self) -> str:
        """Hash of the text alone: the key that makes ingestion idempotent."""
        return content_hash(self.text)

    def span(self, start: int, end: int) -> Span:
        """A `Span` over this article's text."""
        return Span(start, end, self.text[start:end])

    def to_dict(self, *, include_tokens: bool = False) -> dict[str, Any]:
        """JSON-ready dict; tokens are left out unless asked for (they are bulky)."""
        return article_dict(self, include_tokens=include_tokens)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Inverse of `to_dict` (tokens optional)."""
        return article_from_dict(data)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _span(data: dict[str, Any] | None) -> Span | None:
    return Span(**data) if data else None


def _time(data: dict[str, Any] | None) -> TimeExpression | None:
    return TimeExpression(**data) if data else None


def _place(data: dict[str, Any] | None) -> Place | None:
    return Place(**data) if data else None


def _quote(data: dict[str, Any]) -> Quote:
    values = dict(data)
    values["message"] = [Span(**s) for s in data.get("message", [])]
    for key in ("cue", "speaker", "addressee", "frame"):
        values[key] = _span(data.get(key))
    return Quote(**values)


def _event(data: dict[str, Any]) -> Event:
    values = dict(data)
    values["trigger"] = Span(**data["trigger"])
    values["sentence"] = Span(**data["sentence"])
    values["actors"] = [Participant(**p) for p in data.get("actors", [])]
    values["targets"] = [Participant(**p) for p in data.get("targets", [])]
    values["place"] = _place(data.get("place"))
    values["time"] = _time(data.get("time"))
    return Event(**values)


def _entity(data: dict[str, Any]) -> Entity:
    values = dict(data)
    values["mentions"] = [Span(**s) for s in data.get("mentions", [])]
    return Entity(**values)


def _items(data: dict[str, Any], key: str, build: Any) -> list[Any]:
    return [build(item) for item in data.get(key) or []]


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an `Article` from `Article.to_dict()` output."""
    known = {f.name for f in dataclasses.fields(Article)}
    values = {k: v for k, v in data.items() if k in known}
    values["authors"] = _items(data, "authors", lambda a: Author(**a))
    values["paragraphs"] = _items(data, "paragraphs", lambda p: Paragraph(**p))
    values["tokens"] = _items(data, "tokens", lambda t: Token(**t))
    values["sentences"] = _items(data, "sentences", lambda s: Sentence(**s))
    values["mentions"] = _items(data, "mentions", lambda m: Mention(**m))
    values["entities"] = _items(data, "entities", _entity)
    values["quotes"] = _items(data, "quotes", _quote)
    values["times"] = _items(data, "times", lambda t: TimeExpression(**t))
    values["places"] = _items(data, "places", lambda p: Place(**p))
    values["events"] = _items(data, "events", _event)
    return Article(**values)


# -- fast serialisation ---------------------------------------------------------------
# Hand-written equivalents of `dataclasses.asdict` for the model (several times faster);
# tests/test_model_serialise.py checks they give identical output field for field.


def copy_value(value: Any) -> Any:
    """Deep copy of a JSON-like value, as `dataclasses.asdict` copies non-dataclass fields."""
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, list):
        return [copy_value(item) for item in value]
    if isinstance(value, dict):
        return {copy_value(key): copy_value(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return copy.deepcopy(value)


def span_dict(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def paragraph_dict(p: Paragraph) -> dict[str, Any]:
    return {"start": p.start, "end": p.end, "text": p.text, "kind": p.kind}


def author_dict(a: Author) -> dict[str, Any]:
    return {"name": a.name, "role": a.role, "start": a.start, "end": a.end}


def token_dict(t: Token) -> dict[str, Any]:
    return {"start": t.start, "end": t.end, "text": t.text, "lemma": t.lemma, "pos": t.pos, "upos": t.upos,
            "morph": copy_value(t.morph), "space_after": t.space_after}  # fmt: skip


def sentence_dict(s: Sentence) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text, "token_start": s.token_start,
            "token_end": s.token_end, "paragraph": s.paragraph}  # fmt: skip


def mention_dict(m: Mention) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "source": m.source,
            "kind": m.kind, "entity_id": m.entity_id, "score": m.score}  # fmt: skip


def entity_dict(e: Entity) -> dict[str, Any]:
    return {"id": e.id, "label": e.label, "name": e.name, "mentions": [span_dict(s) for s in e.mentions],
            "attributes": copy_value(e.attributes)}  # fmt: skip


def quote_dict(q: Quote) -> dict[str, Any]:
    return {"id": q.id, "type": q.type, "message": [span_dict(s) for s in q.message], "cue": span_dict(q.cue),
            "cue_lemma": q.cue_lemma, "speaker": span_dict(q.speaker), "speaker_entity": q.speaker_entity,
            "speaker_kind": q.speaker_kind, "speaker_name": q.speaker_name, "addressee": span_dict(q.addressee),
            "medium": q.medium, "partial": q.partial, "frame": span_dict(q.frame),
            "sentence_ids": copy_value(q.sentence_ids), "speakers": copy_value(q.speakers)}  # fmt: skip


def time_dict(t: TimeExpression | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {"start": t.start, "end": t.end, "text": t.text, "value": t.value, "granularity": t.granularity,
            "relative": t.relative}  # fmt: skip


def place_dict(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"start": p.start, "end": p.end, "text": p.text, "name": p.name, "country": p.country, "lat": p.lat,
            "lon": p.lon, "kind": p.kind}  # fmt: skip


def participant_dict(p: Participant) -> dict[str, Any]:
    return {"start": p.start, "end": p.end, "text": p.text, "entity_id": p.entity_id, "name": p.name,
            "code": p.code}  # fmt: skip


def event_dict(e: Event) -> dict[str, Any]:
    return {"id": e.id, "type": e.type, "trigger": span_dict(e.trigger), "sentence": span_dict(e.sentence),
            "mode": e.mode, "actors": [participant_dict(p) for p in e.actors],
            "targets": [participant_dict(p) for p in e.targets], "modality": e.modality,
            "source_quote": e.source_quote, "place": place_dict(e.place), "time": time_dict(e.time),
            "cameo": e.cameo}  # fmt: skip


def article_dict(a: Article, *, include_tokens: bool = False) -> dict[str, Any]:
    """`Article.to_dict` written out by hand: the same dict as the `dataclasses.asdict` version."""
    result: dict[str, Any] = {"id": a.id, "text": a.text, "source": a.source, "url": a.url, "outlet": a.outlet,
        "language": a.language, "date": a.date, "title": a.title, "lead": a.lead,
        "authors": [author_dict(x) for x in a.authors], "paragraphs": [paragraph_dict(x) for x in a.paragraphs],
        "metadata": copy_value(a.metadata), "warnings": copy_value(a.warnings)}  # fmt: skip
    if include_tokens:
        result["tokens"] = [token_dict(x) for x in a.tokens]
    result["sentences"] = [sentence_dict(x) for x in a.sentences]
    result["mentions"] = [mention_dict(x) for x in a.mentions]
    result["entities"] = [entity_dict(x) for x in a.entities]
    result["quotes"] = [quote_dict(x) for x in a.quotes]
    result["times"] = [time_dict(x) for x in a.times]
    result["places"] = [place_dict(x) for x in a.places]
    result["events"] = [event_dict(x) for x in a.events]
    result["stages"] = copy_value(a.stages)
    result["subheads"] = [paragraph_dict(p) for p in a.subheads]
    return result
