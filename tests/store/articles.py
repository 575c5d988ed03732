"""Hand-written German example articles with hand-made layers, for store tests."""

from __future__ import annotations

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
)


def span(text: str, needle: str, nth: int = 0) -> Span:
    """The `nth` occurrence of `needle` in `text` as a Span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def participant(text: str, needle: str, entity_id: str | None = None, code: str | None = None) -> Participant:
    found = span(text, needle)
    return Participant(found.start, found.end, needle, entity_id=entity_id, code=code)


def person(entity_id: str, name: str, text: str, *surface: str, **attributes: object) -> Entity:
    return Entity(entity_id, "PER", name, [span(text, s) for s in surface], dict(attributes))


MEETING_TEXT = (
    "Selenskyj trifft Witkoff in Kiew\n\n"
    "Der ukrainische Präsident Wolodymyr Selenskyj hat am Samstag in Kiew den "
    "US-Sondergesandten Steve Witkoff empfangen. Die Gespräche dauerten drei Stunden.\n\n"
    "«Wir sind einem Frieden nähergekommen», sagte Selenskyj nach dem Treffen. "
    "Witkoff, 68, erklärte, die Vorschläge seien eine gute Grundlage."
)


def meeting_article(article_id: str = "kiew-1", *, text: str = MEETING_TEXT, date: str = "2025-12-06") -> Article:
    """Selenskyj meets Witkoff in Kiew: entities, mentions, a direct and an indirect quote, an event."""
    t = text
    paragraphs = []
    offset = 0
    for index, block in enumerate(t.split("\n\n")):
        start = t.index(block, offset)
        paragraphs.append(Paragraph(start, start + len(block), block, "title" if index == 0 else "body"))
        offset = start + len(block)
    selenskyj = person("E1", "Wolodymyr Selenskyj", t, "Wolodymyr Selenskyj", roles=["Präsident"], affiliation="UKR")
    witkoff = person("E2", "Steve Witkoff", t, "Steve Witkoff", roles=["US-Sondergesandter"], age=68)
    kiew = Entity("E3", "LOC", "Kiew", [span(t, "Kiew", 1)], {"kind": "city"})
    direct = Quote(
        "Q1",
        "Direct",
        [span(t, "Wir sind einem Frieden nähergekommen")],
        cue=span(t, "sagte"),
        cue_lemma="sagen",
        speaker=span(t, "Selenskyj", 2),
        speaker_entity="E1",
        speaker_name="Selenskyj",
        speaker_kind="person",
        medium="speech",
    )
    indirect = Quote(
        "Q2",
        "Indirect",
        [span(t, "die Vorschläge seien eine gute Grundlage")],
        cue=span(t, "erklärte"),
        cue_lemma="erklären",
        speaker=span(t, "Witkoff", 2),
        speaker_entity="E2",
        speaker_kind="person",
    )
    sentence = span(t, "Der ukrainische Präsident Wolodymyr Selenskyj hat am Samstag in Kiew den")
    meeting = Event(
        "V1",
        "CONSULT",
        span(t, "empfangen"),
        Span(sentence.start, span(t, "empfangen.").end, t[sentence.start : span(t, "empfangen.").end]),
        mode="visit",
        actors=[participant(t, "Wolodymyr Selenskyj", "E1", "UKR/GOV")],
        targets=[participant(t, "Steve Witkoff", "E2", "USA/GOV/DIP")],
        place=Place(*_range(span(t, "Kiew", 1)), name="Kiew", country="UKR", kind="city"),
        time=TimeExpression(*_range(span(t, "am Samstag")), value=date, granularity="day"),
    )
    return Article(
        id=article_id,
        text=t,
        source=f"{article_id}.txt",
        outlet="Testzeitung",
        date=date,
        title=paragraphs[0].text,
        authors=[Author("Anna Beispiel", "Korrespondentin")],
        paragraphs=paragraphs,
        metadata={"section": "International", "tags": ["Ukraine", "USA"]},
        warnings=["[E016] test: date guessed"],
        sentences=[Sentence(sentence.start, sentence.end, sentence.text, 0, 0, 1)],
        mentions=[
            Mention(*_range(span(t, "Wolodymyr Selenskyj")), label="PER", entity_id="E1", score=0.98),
            Mention(*_range(span(t, "Steve Witkoff")), label="PER", source="gazetteer", entity_id="E2"),
            Mention(*_range(span(t, "Kiew", 1)), label="LOC", kind="city", entity_id="E3"),
        ],
        entities=[selenskyj, witkoff, kiew],
        quotes=[direct, indirect],
        times=[TimeExpression(*_range(span(t, "am Samstag")), value=date, granularity="day")],
        places=[Place(*_range(span(t, "Kiew", 1)), name="Kiew", country="UKR", kind="city")],
        events=[meeting],
        stages=["tokenizer", "ner", "entities", "quotes", "events"],
    )


def _range(found: Span) -> tuple[int, int, str]:
    return found.start, found.end, found.text


REJECT_TEXT = (
    "Zelensky lehnt Gebietsabtretungen ab\n\n"
    "Präsident Volodymyr Zelensky hat in Berlin einen Verzicht auf Gebiete zurückgewiesen. "
    "Russland habe den Vorschlag ebenfalls abgelehnt, hieß es aus Moskau. Verteidigungsminister "
    "Rustem Umerov heisst die Haltung gut."
)


def reject_article(article_id: str = "berlin-1", *, date: str = "2025-12-09") -> Article:
    """English-style transliterations (Zelensky, Umerov), a REJECT event, Swiss 'heisst'."""
    t = REJECT_TEXT
    zelensky = person("E1", "Volodymyr Zelensky", t, "Volodymyr Zelensky", roles=["Präsident"])
    umerov = person("E2", "Rustem Umerov", t, "Rustem Umerov", roles=["Verteidigungsminister"])
    russia = Entity("E3", "LOC", "Russland", [span(t, "Russland")], {"kind": "country", "code": "RUS"})
    quote = Quote(
        "Q1",
        "Reported",
        [span(t, "Russland habe den Vorschlag ebenfalls abgelehnt")],
        cue=span(t, "hieß es"),
        speaker_name="Russland",
        speaker_kind="state",
        speaker_entity="E3",
    )
    sentence = span(t, "Präsident Volodymyr Zelensky hat in Berlin einen Verzicht auf Gebiete zurückgewiesen.")
    rejection = Event(
        "V1",
        "REJECT",
        span(t, "zurückgewiesen"),
        sentence,
        actors=[participant(t, "Volodymyr Zelensky", "E1", "UKR/GOV")],
        targets=[participant(t, "Russland", "E3", "RUS/GOV")],
        place=Place(*_range(span(t, "Berlin")), name="Berlin", country="DEU"),
        modality="asserted",
    )
    planned = Event(
        "V2",
        "CONSULT",
        span(t, "heisst"),
        span(t, "Verteidigungsminister Rustem Umerov heisst die Haltung gut."),
        actors=[participant(t, "Rustem Umerov", "E2")],
        modality="planned",
    )
    return Article(
        id=article_id,
        text=t,
        source=f"{article_id}.txt",
        date=date,
        title=t.split("\n\n")[0],
        entities=[zelensky, umerov, russia],
        quotes=[quote],
        events=[rejection, planned],
    )


def plain_article(article_id: str, text: str, *, date: str | None = "2025-11-30") -> Article:
    return Article(id=article_id, text=text, date=date, title=text.split(".")[0])
