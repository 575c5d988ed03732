"""Article text with entities, quotations and events marked up, displaCy-style.

The HTML is built from character offsets: the text is cut at every mark boundary and each
segment is escaped on its own, so no article content can ever become markup. Marks may
overlap (an entity inside a quotation, a trigger inside a quote); every segment carries the
classes of all marks that cover it, and an entity mention becomes a link to its entity.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup

from chronik.model import Article, Entity, Paragraph

Layer = str  # "entity" | "quote" | "speaker" | "cue" | "trigger"
_CLASS_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted range of the article text."""

    start: int
    end: int
    layer: Layer
    ref: str = ""  # record id: E1, Q1, V1
    label: str = ""  # PER / ORG, quote type, event type
    href: str | None = None
    title: str = ""


@dataclass(frozen=True, slots=True)
class RenderedParagraph:
    kind: str
    html: Markup


def css_token(value: str) -> str:
    """A value made safe to use as (part of) a CSS class name."""
    return _CLASS_UNSAFE.sub("_", value)


def collect_marks(article: Article, *, entity_href: Callable[[Entity], str] | None = None) -> list[Mark]:
    """All marks of an article whose offsets are valid for its text."""
    marks = [*_entity_marks(article, entity_href), *_quote_marks(article), *_event_marks(article)]
    size = len(article.text)
    return [mark for mark in marks if 0 <= mark.start < mark.end <= size]


def _entity_marks(article: Article, entity_href: Callable[[Entity], str] | None) -> Iterable[Mark]:
    covered: set[tuple[int, int]] = set()
    for entity in article.entities:
        href = entity_href(entity) if entity_href else None
        for span in entity.mentions:
            covered.add((span.start, span.end))
            yield Mark(span.start, span.end, "entity", entity.id, entity.label, href, entity.name)
    for mention in article.mentions:
        if (mention.start, mention.end) not in covered:
            yield Mark(mention.start, mention.end, "entity", mention.entity_id or "", mention.label, None, mention.text)


def _quote_marks(article: Article) -> Iterable[Mark]:
    for quote in article.quotes:
        speaker = quote.speaker_name or (quote.speaker.text if quote.speaker else "unbekannt")
        title = f"{quote.id} · {quote.type} · {speaker}"
        for span in quote.message:
            yield Mark(span.start, span.end, "quote", quote.id, quote.type, None, title)
        if quote.speaker:
            yield Mark(
                quote.speaker.start, quote.speaker.end, "speaker", quote.id, "", None, f"Sprecher von {quote.id}"
            )
        if quote.cue:
            yield Mark(quote.cue.start, quote.cue.end, "cue", quote.id, quote.cue_lemma or "", None, "Redeeinleitung")


def _event_marks(article: Article) -> Iterable[Mark]:
    for event in article.events:
        trigger = event.trigger
        title = f"{event.id} · {event.type} · {event.modality}"
        yield Mark(trigger.start, trigger.end, "trigger", event.id, event.type, None, title)


def render_article(article: Article, marks: list[Mark]) -> list[RenderedParagraph]:
    """The article's paragraphs as highlighted, escaped HTML.

    Linear in paragraphs + marks (plus the marks each paragraph overlaps): pathological
    articles with 100k paragraphs or 10k marks must not stall a page.
    """
    paragraphs = article.paragraphs or [Paragraph(0, len(article.text), article.text)]
    by_start = sorted(marks, key=lambda m: m.start)
    order = sorted(range(len(paragraphs)), key=lambda index: paragraphs[index].start)
    rendered: dict[int, RenderedParagraph] = {}
    open_marks: list[Mark] = []
    taken = 0
    for index in order:
        paragraph = paragraphs[index]
        while taken < len(by_start) and by_start[taken].start < paragraph.end:
            open_marks.append(by_start[taken])
            taken += 1
        open_marks = [m for m in open_marks if m.end > paragraph.start]
        html_text = render_range(article.text, paragraph.start, paragraph.end, open_marks)
        rendered[index] = RenderedParagraph(paragraph.kind, html_text)
    return [rendered[index] for index in range(len(paragraphs))]


def render_range(text: str, start: int, end: int, marks: list[Mark]) -> Markup:
    """`text[start:end]` with every mark that touches it rendered as HTML (a sweep over cut points)."""
    inside = sorted((m for m in marks if m.start < end and m.end > start), key=lambda m: m.start)
    cuts = sorted({start, end, *(max(m.start, start) for m in inside), *(min(m.end, end) for m in inside)})
    pieces = []
    active: list[Mark] = []
    taken = 0
    for left, right in itertools.pairwise(cuts):
        while taken < len(inside) and inside[taken].start <= left:
            active.append(inside[taken])
            taken += 1
        # every mark boundary is a cut, so a mark still open at `left` covers the whole segment
        active = [m for m in active if m.end > left]
        pieces.append(_render_segment(text[left:right], right, active))
    return Markup("".join(pieces))  # every piece below is built from escaped values only


def _esc(value: str) -> str:
    """Escape text for HTML content and quoted attributes (& < > " ')."""
    return html.escape(value, quote=True)


def _render_segment(segment: str, segment_end: int, active: list[Mark]) -> str:
    inner = _esc(segment)
    entities = [m for m in active if m.layer == "entity"]
    if entities:
        inner = _wrap_entity(inner, min(entities, key=lambda m: m.end - m.start), segment_end)
    others = [m for m in active if m.layer != "entity"]
    if not others:
        return inner
    classes = _esc(" ".join(sorted({_layer_class(m) for m in others})))
    titles = _esc(" | ".join(dict.fromkeys(m.title for m in others if m.title)))
    badges = "".join(
        f'<sup class="ev-label">{_esc(m.label)}</sup>' for m in others if m.layer == "trigger" and m.end == segment_end
    )
    return f'<span class="{classes}"{_data_attributes(others)} title="{titles}">{inner}{badges}</span>'


def _wrap_entity(inner: str, mark: Mark, segment_end: int) -> str:
    label = css_token(mark.label) or "MISC"
    badge = f'<span class="ent-label">{_esc(mark.label)}</span>' if mark.end == segment_end else ""
    attributes = f'data-entity="{_esc(mark.ref)}" title="{_esc(mark.title)}"'
    if mark.href:
        return f'<a class="ent ent-{label}" href="{_esc(mark.href)}" {attributes}>{inner}{badge}</a>'
    return f'<mark class="ent ent-{label}" {attributes}>{inner}{badge}</mark>'


def _layer_class(mark: Mark) -> str:
    if mark.layer == "quote":
        return f"q q-{css_token(mark.label)}"
    if mark.layer == "trigger":
        return f"trg ev-{css_token(mark.label)}"
    return {"speaker": "spk", "cue": "cue"}.get(mark.layer, css_token(mark.layer))


_DATA_NAMES = {"quote": "data-quote", "speaker": "data-speaker-of", "cue": "data-cue-of", "trigger": "data-event"}


def _data_attributes(marks: list[Mark]) -> str:
    refs: dict[str, list[str]] = {}
    for mark in sorted(marks, key=lambda m: (m.layer, m.ref)):
        refs.setdefault(_DATA_NAMES.get(mark.layer, "data-ref"), []).append(mark.ref)
    return "".join(f' {name}="{_esc(" ".join(ids))}"' for name, ids in refs.items())
