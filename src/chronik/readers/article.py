"""Build an `Article` from text plus whatever metadata a reader found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chronik.model import Article, Author
from chronik.readers.base import article_id, date_or_warning
from chronik.structure import analyze_structure, load_roles


@dataclass(slots=True)
class ArticleFields:
    """Metadata a reader found next to the text; every field is optional."""

    id: str | None = None
    title: str | None = None
    lead: str | None = None
    date: object = None  # any date form `parse_date` accepts
    authors: list[Author] = field(default_factory=list)
    url: str | None = None
    outlet: str | None = None
    language: str = "de"
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    role_files: tuple[str, ...] = ()  # extra journalist role words for bylines


def make_article(text: str, *, source: str, fields: ArticleFields | None = None) -> Article:
    """Paragraphs, kinds, byline and date from the text; metadata from `fields` wins."""
    fields = fields or ArticleFields()
    roles = load_roles(fields.role_files)
    structure = analyze_structure(text, title=_clean(fields.title), lead=_clean(fields.lead), roles=roles)
    warnings = [*fields.warnings, *(f"{warning} in {source}" for warning in structure.warnings)]
    date = date_or_warning(fields.date, source, warnings) or structure.date
    return Article(
        id=fields.id or article_id(text),
        text=text,
        source=source,
        url=fields.url,
        outlet=fields.outlet,
        language=fields.language,
        date=date,
        title=structure.title,
        lead=structure.lead,
        authors=fields.authors or structure.authors,
        paragraphs=structure.paragraphs,
        metadata=dict(fields.metadata),
        warnings=warnings,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def authors_from(value: object) -> list[Author]:
    """Authors from JSON/feeds: "A; B", ["A", "B"] or [{"name": "A", "role": "R"}]."""
    if isinstance(value, str):
        names = value.replace(" und ", ";").split(";") if ";" in value or " und " in value else value.split(",")
        return [Author(name.strip()) for name in names if name.strip()]
    if not isinstance(value, list):
        return []
    authors: list[Author] = []
    for item in value:
        if isinstance(item, str) and item.strip():
            authors.append(Author(item.strip()))
        elif isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
            role = item.get("role")
            authors.append(Author(item["name"].strip(), role if isinstance(role, str) else None))
    return authors
