"""Readable rich renderings of articles, ingest tallies and store summaries for the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from chronik.model import Article, Entity, Event, Quote
from chronik.readers import Rejection

_KIND_STYLES = {
    "title": "bold",
    "dateline": "dim",
    "lead": "italic",
    "byline": "cyan",
    "subhead": "bold magenta",
    "body": "",
}
_EXCERPT = 90


def excerpt(text: str, *, limit: int = _EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def render_article(article: Article) -> RenderableType:
    """Header, paragraphs with their kinds and offsets, then people, quotes and events."""
    parts: list[RenderableType] = [_header(article), _paragraph_table(article)]
    if article.entities:
        parts.append(entity_table(article.entities, title="Entities"))
    if article.quotes:
        parts.append(quote_table(article.quotes))
    if article.events:
        parts.append(event_table(article.events))
    for warning in article.warnings:
        parts.append(Text(f"warning: {warning}", style="yellow"))
    return Group(*parts)


def _header(article: Article) -> Panel:
    lines = [
        f"[bold]{article.title or excerpt(article.lead or article.text, limit=70)}[/bold]",
        f"id: {article.id}   date: {article.date or '-'}   language: {article.language}",
        f"source: {article.source}" + (f"   outlet: {article.outlet}" if article.outlet else ""),
    ]
    for author in article.authors:
        lines.append(f"author: {author.name}" + (f" ({author.role})" if author.role else ""))
    if article.stages:
        lines.append(f"stages: {', '.join(article.stages)}")
    return Panel("\n".join(lines), expand=False)


def _paragraph_table(article: Article) -> Table:
    table = Table(title="Paragraphs", show_lines=False, expand=False)
    table.add_column("kind")
    table.add_column("start", justify="right")
    table.add_column("end", justify="right")
    table.add_column("text")
    for paragraph in article.paragraphs:
        style = _KIND_STYLES.get(paragraph.kind, "")
        table.add_row(paragraph.kind, str(paragraph.start), str(paragraph.end), Text(excerpt(paragraph.text), style))
    return table


def entity_table(entities: Iterable[Entity], *, title: str) -> Table:
    table = Table(title=title, expand=False)
    for column in ("id", "label", "name", "age", "roles", "affiliation"):
        table.add_column(column)
    for entity in entities:
        attributes = entity.attributes
        roles = ", ".join(str(role) for role in attributes.get("roles") or [])
        age = attributes.get("age")
        table.add_row(
            entity.id, entity.label, entity.name, "" if age is None else str(age), roles,
            str(attributes.get("affiliation") or ""),
        )  # fmt: skip
    return table


def quote_table(quotes: Iterable[Quote]) -> Table:
    table = Table(title="Quotes", expand=False)
    for column in ("id", "type", "speaker", "cue", "message"):
        table.add_column(column)
    for quote in quotes:
        speaker = quote.speaker_name or (quote.speaker.text if quote.speaker else "?")
        message = " … ".join(span.text for span in quote.message)
        table.add_row(quote.id, quote.type, speaker, quote.cue.text if quote.cue else "", excerpt(message))
    return table


def event_table(events: Iterable[Event]) -> Table:
    table = Table(title="Events", expand=False)
    for column in ("id", "type", "modality", "actors", "targets", "where", "when", "trigger"):
        table.add_column(column)
    for event in events:
        table.add_row(
            event.id, event.type, event.modality,
            ", ".join(p.name or p.text for p in event.actors),
            ", ".join(p.name or p.text for p in event.targets),
            event.place.name if event.place else "",
            event.time.value or "" if event.time else "",
            event.trigger.text,
        )  # fmt: skip
    return table


def tally_table(counts: dict[str, int], *, title: str) -> Table:
    table = Table(title=title, expand=False)
    table.add_column("")
    table.add_column("count", justify="right")
    for name, count in counts.items():
        table.add_row(name, f"{count:,}")
    return table


def rejection_table(rejections: Iterable[Rejection | dict[str, Any]], *, title: str = "Rejected") -> Table:
    table = Table(title=title, expand=False)
    for column in ("code", "input", "problem"):
        table.add_column(column)
    for rejection in rejections:
        record = rejection.to_dict() if isinstance(rejection, Rejection) else rejection
        table.add_row(str(record.get("code")), str(record.get("source")), str(record.get("problem")))
    return table


def render_summary(counts: dict[str, int], articles: list[Article], console: Console) -> None:
    """What is stored: counts, then the latest articles with their people, quotes and events."""
    console.print(tally_table(counts, title="Stored"))
    for article in articles:
        console.rule(
            f"{article.date or 'undated'} · {article.title or excerpt(article.lead or article.text, limit=60)}"
        )
        people = [entity for entity in article.entities if entity.label == "PER"]
        if people:
            console.print(entity_table(people, title="People"))
        if article.quotes:
            console.print(quote_table(article.quotes))
        if article.events:
            console.print(event_table(article.events))
        if not (people or article.quotes or article.events):
            console.print(Text(f"{article.id}: {len(article.paragraphs)} paragraphs; no analysis layers", "dim"))
