"""Highlighting from offsets: escaping, overlaps, and a property test that no text is lost."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from chronik.model import Article, Entity, Event, Paragraph, Quote, Span
from chronik.web import highlight
from chronik.web.highlight import Mark, collect_marks, css_token, render_article, render_range
from tests.web.articles import XSS_ATTRIBUTE, XSS_SCRIPT, hostile_article, meeting_article

TAG = re.compile(r"<[^>]*>")
BADGE = re.compile(r'<(span|sup) class="(ent-label|ev-label)">[^<]*</\1>')


def visible_text(markup: str) -> str:
    """What a reader sees, minus the label badges: tags removed, entities decoded."""
    return html.unescape(TAG.sub("", BADGE.sub("", markup)))


def test_render_range_escapes_markup_in_text() -> None:
    text = f"a {XSS_SCRIPT} b {XSS_ATTRIBUTE}"
    rendered = render_range(text, 0, len(text), [Mark(2, 2 + len(XSS_SCRIPT), "quote", "Q1", "Direct")])
    assert "<script>" not in rendered
    assert "<img" not in rendered
    assert visible_text(rendered) == text


def test_render_range_escapes_attribute_values() -> None:
    mark = Mark(0, 3, "entity", 'E1" onclick="x', "PER", href='/e/"><b>', title=XSS_ATTRIBUTE)
    rendered = str(render_range("Eve", 0, 3, [mark]))
    assert 'onclick="x' not in rendered
    assert "<b>" not in rendered and "<img" not in rendered
    assert rendered.count('"') % 2 == 0


def test_render_range_nests_entity_inside_quote() -> None:
    text = "«Anna Keller kommt», sagte sie."
    marks = [Mark(1, 18, "quote", "Q1", "Direct"), Mark(1, 12, "entity", "E1", "PER", "/x", "Anna Keller")]
    rendered = str(render_range(text, 0, len(text), marks))
    assert '<span class="q q-Direct" data-quote="Q1"' in rendered
    assert '<a class="ent ent-PER" href="/x"' in rendered
    assert rendered.count('data-quote="Q1"') == 2  # the quote is cut where the entity ends
    assert visible_text(rendered) == text


def test_render_range_labels_entity_once_at_its_end() -> None:
    text = "Anna Keller"
    marks = [Mark(0, 11, "entity", "E1", "PER"), Mark(5, 11, "trigger", "V1", "MEET")]
    rendered = str(render_range(text, 0, len(text), marks))
    assert rendered.count('class="ent-label"') == 1
    assert rendered.index("ent-label") > rendered.index("Keller")


def test_css_token_strips_everything_but_word_characters() -> None:
    assert css_token('PER" onmouseover="x') == "PER__onmouseover__x"


def test_collect_marks_drops_offsets_outside_the_text() -> None:
    article = Article(id="a", text="kurz", entities=[Entity("E1", "PER", "X", [Span(2, 99, "urz…")])])
    assert collect_marks(article) == []


def test_collect_marks_covers_every_layer() -> None:
    layers = {mark.layer for mark in collect_marks(meeting_article())}
    assert layers == {"entity", "quote", "speaker", "cue", "trigger"}


def test_render_article_keeps_every_paragraph_text() -> None:
    article = hostile_article()
    rendered = render_article(article, collect_marks(article, entity_href=lambda e: f"/e/{e.id}"))
    assert [visible_text(p.html) for p in rendered] == [p.text for p in article.paragraphs]
    assert all("<script>" not in p.html for p in rendered)


def test_render_article_without_paragraphs_renders_whole_text() -> None:
    article = Article(id="a", text="Ein Satz.")
    assert [visible_text(p.html) for p in render_article(article, [])] == ["Ein Satz."]


@st.composite
def article_with_marks(draw: st.DrawFn) -> tuple[Article, list[Mark]]:
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"'«»\n")), min_size=1, max_size=60))
    size = len(text)
    bounds = st.tuples(st.integers(0, size), st.integers(0, size)).map(sorted).filter(lambda b: b[0] < b[1])
    spans = draw(st.lists(bounds, max_size=8))
    layers = draw(st.lists(st.sampled_from(["entity", "quote", "speaker", "cue", "trigger"]), min_size=8, max_size=8))
    marks = [
        Mark(start, end, layer, f"R{i}", "PER")
        for i, ((start, end), layer) in enumerate(zip(spans, layers, strict=False))
    ]
    cut = draw(st.integers(0, size))
    article = Article(id="p", text=text, paragraphs=[Paragraph(0, cut, text[:cut]), Paragraph(cut, size, text[cut:])])
    return article, marks


@given(article_with_marks())
def test_render_article_never_loses_or_leaks_text(case: tuple[Article, list[Mark]]) -> None:
    article, marks = case
    rendered = render_article(article, marks)
    assert "".join(visible_text(p.html) for p in rendered) == article.text
    for paragraph in rendered:
        assert "<" not in TAG.sub("", BADGE.sub("", paragraph.html))


def test_collect_marks_links_quote_speaker_and_event() -> None:
    article = Article(
        id="a",
        text="Sie sagte: «Ja.» Dann traf sie ihn.",
        quotes=[Quote("Q1", "Direct", [Span(12, 15, "Ja.")], cue=Span(4, 9, "sagte"), speaker=Span(0, 3, "Sie"))],
        events=[Event("V1", "MEET", Span(22, 26, "traf"), Span(17, 35, "Dann traf sie ihn."))],
    )
    by_layer = {mark.layer: mark for mark in collect_marks(article)}
    assert (by_layer["speaker"].ref, by_layer["cue"].ref, by_layer["quote"].ref) == ("Q1", "Q1", "Q1")
    assert by_layer["trigger"].label == "MEET"


@given(article_with_marks())
def test_render_range_sweep_matches_naive_overlap(case: tuple[Article, list[Mark]]) -> None:
    article, marks = case
    text = article.text
    seen: list[tuple[str, list[str]]] = []
    original = highlight._render_segment

    def record(segment: str, segment_end: int, active: list[Mark]) -> str:
        seen.append((segment, sorted(m.ref for m in active)))
        return original(segment, segment_end, active)

    highlight._render_segment = record  # type: ignore[assignment]
    try:
        render_range(text, 0, len(text), marks)
    finally:
        highlight._render_segment = original  # type: ignore[assignment]
    position = 0
    for segment, refs in seen:
        left, right = position, position + len(segment)
        expected = sorted(m.ref for m in marks if m.start <= left and m.end >= right)
        assert refs == expected
        position = right
    assert position == len(text)
