"""Hand-written example articles (our own German text) with hand-made layers for web tests."""

from __future__ import annotations

from chronik.model import Article, Entity, Event, Paragraph, Participant, Place, Quote, Span, TimeExpression

XSS_SCRIPT = "<script>alert('x')</script>"
XSS_ATTRIBUTE = '"><img src=x onerror=alert(1)>'


def find(text: str, needle: str, occurrence: int = 0) -> Span:
    """The span of the `occurrence`-th appearance of `needle` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def paragraphs_of(text: str) -> list[Paragraph]:
    result, position = [], 0
    for index, block in enumerate(text.split("\n\n")):
        kind = "title" if index == 0 else ("lead" if index == 1 else "body")
        result.append(Paragraph(position, position + len(block), block, kind))  # type: ignore[arg-type]
        position += len(block) + 2
    return result


def participant(text: str, name: str, entity_id: str, code: str | None = None) -> Participant:
    span = find(text, name)
    return Participant(span.start, span.end, span.text, entity_id=entity_id, name=name, code=code)


def meeting_article() -> Article:
    """A Swiss minister meets an Austrian chancellor: one direct and one indirect quote, two events."""
    text = (
        "Keller trifft Brandl in Wien\n\n"
        "Bern/Wien – Die Schweizer Aussenministerin Anna Keller (54) ist am Montag in Wien mit dem "
        "österreichischen Bundeskanzler Markus Brandl zusammengetroffen.\n\n"
        "«Wir wollen die Zusammenarbeit bei der Energie vertiefen», sagte Keller nach dem Treffen. "
        "Brandl erklärte, Österreich werde die Gespräche im Frühjahr fortsetzen.\n\n"
        "Die Opposition kritisierte das geplante Abkommen scharf."
    )
    keller, brandl = find(text, "Anna Keller"), find(text, "Markus Brandl")
    entities = [
        Entity(
            "E1",
            "PER",
            "Anna Keller",
            [find(text, "Keller"), keller, find(text, "Keller", 2)],
            {"age": 54, "roles": ["Aussenministerin"], "affiliation": "CHE"},
        ),
        Entity(
            "E2",
            "PER",
            "Markus Brandl",
            [find(text, "Brandl"), brandl, find(text, "Brandl", 2)],
            {"roles": ["Bundeskanzler"], "affiliation": "AUT"},
        ),
        Entity(
            "E3", "LOC", "Wien", [find(text, "Wien"), find(text, "Wien", 1), find(text, "Wien", 2)], {"kind": "city"}
        ),
        Entity("E4", "LOC", "Österreich", [find(text, "Österreich")], {"kind": "country"}),
        Entity("E5", "ORG", "Opposition", [find(text, "Opposition")], {}),
    ]
    direct = find(text, "Wir wollen die Zusammenarbeit bei der Energie vertiefen")
    indirect = find(text, "Österreich werde die Gespräche im Frühjahr fortsetzen")
    quotes = [
        Quote(
            "Q1",
            "Direct",
            [direct],
            cue=find(text, "sagte"),
            cue_lemma="sagen",
            speaker=find(text, "Keller", 2),
            speaker_entity="E1",
            speaker_kind="person",
            medium="speech",
        ),
        Quote(
            "Q2",
            "Indirect",
            [indirect],
            cue=find(text, "erklärte"),
            cue_lemma="erklären",
            speaker=find(text, "Brandl", 2),
            speaker_entity="E2",
            speaker_kind="person",
            medium="speech",
        ),
    ]
    first_sentence = find(
        text,
        "Bern/Wien – Die Schweizer Aussenministerin Anna Keller (54) ist am Montag in Wien mit dem "
        "österreichischen Bundeskanzler Markus Brandl zusammengetroffen.",
    )
    wien = find(text, "Wien", 2)
    events = [
        Event(
            "V1",
            "MEET",
            find(text, "zusammengetroffen"),
            first_sentence,
            actors=[Participant(keller.start, keller.end, keller.text, "E1", "Anna Keller", "CHE/GOV/DIP")],
            targets=[Participant(brandl.start, brandl.end, brandl.text, "E2", "Markus Brandl", "AUT/GOV")],
            place=Place(wien.start, wien.end, "Wien", "Wien", "AUT", kind="city"),
            time=TimeExpression(*_range(find(text, "am Montag")), "2025-11-03", "day"),
        ),
        Event(
            "V2",
            "DISAPPROVE",
            find(text, "kritisierte"),
            find(text, "Die Opposition kritisierte das geplante Abkommen scharf."),
            actors=[participant(text, "Opposition", "E5")],
        ),
    ]
    return Article(
        id="art-keller",
        text=text,
        source="test",
        outlet="Testblatt",
        date="2025-11-03",
        title="Keller trifft Brandl in Wien",
        paragraphs=paragraphs_of(text),
        entities=entities,
        quotes=quotes,
        events=events,
    )


def _range(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.text


def rejection_article() -> Article:
    """Two days later: the chancellor rejects a proposal; Keller is mentioned again."""
    text = (
        "Brandl lehnt Vorschlag ab\n\n"
        "Wien – Bundeskanzler Markus Brandl hat den Vorschlag aus Bern am Mittwoch abgelehnt.\n\n"
        "«Das kommt für uns nicht in Frage», sagte Brandl. Keller habe Verständnis gezeigt, hiess es."
    )
    brandl = find(text, "Markus Brandl")
    entities = [
        Entity(
            "E1",
            "PER",
            "Markus Brandl",
            [find(text, "Brandl"), brandl, find(text, "Brandl", 2)],
            {"roles": ["Bundeskanzler"]},
        ),
        Entity("E2", "PER", "Anna Keller", [find(text, "Keller")], {}),
        Entity("E3", "LOC", "Bern", [find(text, "Bern")], {"kind": "city"}),
    ]
    quotes = [
        Quote(
            "Q1",
            "Direct",
            [find(text, "Das kommt für uns nicht in Frage")],
            cue=find(text, "sagte"),
            speaker=find(text, "Brandl", 2),
            speaker_entity="E1",
            speaker_kind="person",
        ),
    ]
    events = [
        Event(
            "V1",
            "REJECT",
            find(text, "abgelehnt"),
            find(text, "Wien – Bundeskanzler Markus Brandl hat den Vorschlag aus Bern am Mittwoch abgelehnt."),
            actors=[Participant(brandl.start, brandl.end, brandl.text, "E1", "Markus Brandl", "AUT/GOV")],
            targets=[participant(text, "Bern", "E3")],
        ),
    ]
    return Article(
        id="art-brandl",
        text=text,
        source="test",
        outlet="Testblatt",
        date="2025-11-05",
        title="Brandl lehnt Vorschlag ab",
        paragraphs=paragraphs_of(text),
        entities=entities,
        quotes=quotes,
        events=events,
    )


def hostile_article() -> Article:
    """Markup-like text, names and quotes that must come out escaped everywhere."""
    name = f"Mallory {XSS_ATTRIBUTE}"
    text = (
        f"Angriff {XSS_SCRIPT} im Titel\n\n"
        f"Zürich – {name} sagte: «{XSS_SCRIPT} ist kein Zitat», und traf Eve.\n\n"
        "Weiter nichts."
    )
    speaker = find(text, name)
    entities = [
        Entity("E1", "PER", name, [speaker], {"roles": [XSS_SCRIPT]}),
        Entity("E2", "PER", "Eve", [find(text, "Eve")], {}),
    ]
    quotes = [
        Quote(
            "Q1",
            "Direct",
            [find(text, f"{XSS_SCRIPT} ist kein Zitat")],
            cue=find(text, "sagte"),
            speaker=speaker,
            speaker_entity="E1",
            speaker_kind="person",
        )
    ]
    events = [
        Event(
            "V1",
            "MEET",
            find(text, "traf"),
            find(text, f"Zürich – {name} sagte"),
            actors=[Participant(speaker.start, speaker.end, speaker.text, "E1", name)],
            targets=[participant(text, "Eve", "E2")],
        ),
    ]
    return Article(
        id="art-hostile",
        text=text,
        source="test",
        date="2025-11-10",
        title=f"Angriff {XSS_SCRIPT} im Titel",
        paragraphs=paragraphs_of(text),
        entities=entities,
        quotes=quotes,
        events=events,
    )


def example_articles() -> list[Article]:
    return [meeting_article(), rejection_article(), hostile_article()]
