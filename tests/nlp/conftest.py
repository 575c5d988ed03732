"""Shared helpers for the NLP tests: hand-made articles with mentions, a small gazetteer double."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from chronik.gazetteer import Gazetteer, GazetteerEntry
from chronik.gazetteer_data import EntryRecord
from chronik.model import Article, Mention, Paragraph
from chronik.nlp.tokenizer import create_stage as create_tokenizer

TOKENIZE = create_tokenizer()


def tokenized(text: str) -> Article:
    """A one-paragraph article after the tokenizer stage."""
    return TOKENIZE(Article(id="t", text=text))


def model_mention(article: Article, text: str, label: str) -> Mention:
    """The first occurrence of `text`, as a mention the NER model found."""
    start = article.text.index(text)
    return Mention(start, start + len(text), text, label, source="model")


def small_gazetteer(entries: Iterable[GazetteerEntry]) -> Gazetteer:
    """A real gazetteer holding only `entries`."""
    return Gazetteer.from_records(EntryRecord(entry=entry) for entry in entries)


@dataclass(frozen=True)
class FakeEntry:
    name: str
    label: str
    kind: str
    country: str | None


class FakeGazetteer:
    """The two lookups the people stage uses, over a few hand-written entries."""

    ENTRIES: ClassVar[dict[str, FakeEntry]] = {
        "Ukraine": FakeEntry("Ukraine", "LOC", "country", "UKR"),
        "Schweiz": FakeEntry("Schweiz", "LOC", "country", "CHE"),
        "Kiew": FakeEntry("Kiew", "LOC", "city", "UKR"),
        "Bern": FakeEntry("Bern", "LOC", "city", "CHE"),
        "Siemens": FakeEntry("Siemens", "ORG", "company", "DEU"),
    }
    DEMONYMS: ClassVar[dict[str, str]] = {
        "US": "USA",
        "russische": "RUS",
        "russischen": "RUS",
        "ukrainische": "UKR",
        "ukrainischer": "UKR",
        "Schweizer": "CHE",
    }

    def lookup(self, surface: str) -> list[FakeEntry]:
        for name in (surface, surface[:-1] if surface.endswith("s") else surface):
            if name in self.ENTRIES:
                return [self.ENTRIES[name]]
        return []

    def demonym(self, word: str) -> str | None:
        word = word.rstrip("-")
        return (
            self.DEMONYMS.get(word) or self.DEMONYMS.get(word.split("-", 1)[0])
            if "-" in word
            else self.DEMONYMS.get(word)
        )


def build_article(paragraphs: list[str], names: dict[str, list[str]]) -> Article:
    """A tokenized article whose mentions are every whole-word occurrence of the given names."""
    text = "\n\n".join(paragraphs)
    spans, position = [], 0
    for paragraph in paragraphs:
        spans.append(Paragraph(position, position + len(paragraph), paragraph))
        position += len(paragraph) + 2
    article = create_tokenizer()(Article(id="t", text=text, paragraphs=spans))
    mentions: list[Mention] = []
    for label, surfaces in names.items():
        for surface in sorted(surfaces, key=len, reverse=True):
            for match in re.finditer(rf"\b{re.escape(surface)}\b", text):
                if not any(m.start <= match.start() < m.end for m in mentions):
                    mentions.append(Mention(match.start(), match.end(), surface, label))
    article.mentions = sorted(mentions, key=lambda m: m.start)
    return article
