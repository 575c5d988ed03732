"""Stage "places": place mentions geocoded offline from the bundled gazetteer.

Every country, city or region the gazetteer lists is found in the text (whole words, longest
match, genitive-tolerant: "Kiews" → Kiew). Location mentions from the NER stage that the
gazetteer knows under another surface are added too. No network calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronik.errors import PipelineError
from chronik.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from chronik.model import Article, Place

__all__ = ["PLACE_KINDS", "PlacesStage", "create_stage", "find_places"]

PLACE_KINDS = frozenset({"country", "city", "region"})


def _place(start: int, end: int, text: str, entry: GazetteerEntry) -> Place:
    return Place(start, end, text, entry.name, entry.country, entry.lat, entry.lon, entry.kind)


def find_places(article: Article, gazetteer: Gazetteer) -> list[Place]:
    """Places in the article: gazetteer matches plus geocodable LOC mentions, in text order."""
    places = [
        _place(start, end, article.text[start:end], entry)
        for start, end, entry in gazetteer.find_all(article.text)
        if entry.kind in PLACE_KINDS
    ]
    taken = [(p.start, p.end) for p in places]
    for mention in article.mentions:
        if mention.label != "LOC" or any(s < mention.end and mention.start < e for s, e in taken):
            continue
        entries = [e for e in gazetteer.lookup(mention.text) if e.kind in PLACE_KINDS]
        if entries:
            places.append(_place(mention.start, mention.end, mention.text, entries[0]))
            taken.append((mention.start, mention.end))
    places.sort(key=lambda p: p.start)
    return places


@dataclass
class PlacesStage:
    """Adds `article.places`."""

    gazetteer_files: tuple[Path, ...] = ()
    name: str = "places"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("places",)

    def __call__(self, article: Article) -> Article:
        article.places = find_places(article, self.gazetteer)
        return article

    @property
    def gazetteer(self) -> Gazetteer:
        """The (per-process cached) gazetteer; only file paths travel when the stage is pickled."""
        return load_gazetteer(self.gazetteer_files)


def create_stage(*, gazetteer: Sequence[str | Path] = (), **config: Any) -> PlacesStage:
    """Build the "places" stage; `gazetteer` names extra YAML/TSV files that extend the bundled one."""
    if config:
        raise PipelineError("E020", "places", f"unknown options: {', '.join(sorted(config))}")
    stage = PlacesStage(gazetteer_files=tuple(Path(p) for p in gazetteer))
    load_gazetteer(stage.gazetteer_files)  # fail early on a bad file, and warm the cache
    return stage
