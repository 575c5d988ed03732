"""Place names from a hand-written list (`chronik/data/ner/places.tsv`) for the NER stage.

`add_places` runs last among the stage's rules, after the organisation rules, so a place
inside a found organisation ("FC Bayern München", "Universität Wien") is already covered.
It only adds mentions (source ``rule``); existing ones are never changed:

1. **Listed places** (~3,400 written for chronik: German, Austrian and Swiss towns,
   districts, states, cantons and landscapes, historic regions, world cities in their German
   forms, US states, rivers, lakes, seas, mountains, islands, landmarks): a listed place that
   no mention overlaps is added as LOC with the list's kind, on token boundaries, the last
   word also in the genitive ("Böhmens", "Großglockners"), the longest listed name first
   ("Frankfurt am Main" before "Frankfurt"). Not in bylines, not after a club or university
   word ("Eintracht Trier", "Universität Tübingen") and not before a capitalised word that
   is neither a function word nor a place ("Paris Hilton"; a genitive may: "Berlins
   Regierender Bürgermeister"). Names marked ``model`` in the list are also words, first
   names or family names ("Essen", "Halle", "Wolf", "Weiden", "Seine"): never added alone.
2. **Roads by number**: "A 7", "B 27", "Bundesstraße 216", "Autobahn 33" (not "DIN A 4").

A model PER/ORG span that is exactly a listed place is *not* relabelled: on the GermEval dev
split the only such span was a person ("Präsident Cleveland"), and places as teams or
governments are ORG there; `chronik.nlp.span_fixes` already turns known places tagged PER
into LOC. The list is read once into a dict keyed by the first word, so the rule costs one
dict look-up per token.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from chronik.model import Article, Mention, Token
from chronik.nlp.lexicon import bundled_rows
from chronik.nlp.names import FUNCTION_WORDS, add_missing, byline_ranges, in_bylines

__all__ = ["ListedPlace", "add_places", "place_mentions", "places", "road_mentions"]

# Words before a place that make it part of an organisation's or a building's name.
_ROAD_WORDS = frozenset({"A", "B", "Autobahn", "Bundesautobahn", "Bundesstraße", "Bundesstrasse"})
# Words before "A 4"/"B 2" that make it something else: paper sizes, classes, vitamins, rooms.
_NOT_ROADS = frozenset({"DIN", "Klasse", "Typ", "Vitamin", "Gruppe", "Kategorie", "Raum", "Zimmer", "Halle", "Block"})
_ORG_CUES = frozenset(
    {"Universität", "Uni", "Hochschule", "FH", "TU", "LMU", "FC", "SC", "SV", "TSV", "VfB", "VfL", "SpVgg", "BSC"}
    | {"Eintracht", "Borussia", "Fortuna", "Hertha", "Union", "Dynamo", "Rot-Weiss", "Rot-Weiß", "Alemannia"}
    | {"Real", "Inter", "AC", "AS", "Olympique", "Racing", "Sporting", "Dinamo", "Lokomotive", "Spartak"}
    | {"Bistum", "Erzbistum", "Staatsoper", "Philharmoniker"}
)


@dataclass(frozen=True, slots=True)
class ListedPlace:
    """A listed place: its words, kind, and whether it only confirms model spans."""

    words: tuple[str, ...]
    kind: str
    model_only: bool


@functools.cache
def places() -> dict[str, tuple[ListedPlace, ...]]:
    """Listed places by their first word, longest first (`places.tsv`)."""
    found: dict[str, list[ListedPlace]] = {}
    for cells in bundled_rows("ner", "places.tsv"):
        words = tuple(cells[0].split())
        place = ListedPlace(words, cells[1] if len(cells) > 1 else "place", len(cells) > 2 and cells[2] == "model")
        found.setdefault(words[0], []).append(place)
        if len(words) == 1 and _takes_genitive(words[0]):
            found.setdefault(words[0] + "s", []).append(place)
    return {first: tuple(sorted(listed, key=lambda p: -len(p.words))) for first, listed in found.items()}


def _takes_genitive(word: str) -> bool:
    return word[-1:].isalpha() and word[-1] not in "sßxz"


def _matches(tokens: Sequence[Token], index: int, place: ListedPlace) -> bool:
    words = place.words
    if len(words) == 1 or index + len(words) > len(tokens):
        return len(words) == 1
    middle = all(tokens[index + k].text == words[k] for k in range(1, len(words) - 1))
    last = tokens[index + len(words) - 1].text
    return middle and (last == words[-1] or (_takes_genitive(words[-1]) and last == words[-1] + "s"))


def _match_at(tokens: Sequence[Token], index: int) -> ListedPlace | None:
    for place in places().get(tokens[index].text, ()):
        if _matches(tokens, index, place):
            return place
    return None


def _followed_by_name(tokens: Sequence[Token], after: int) -> bool:
    """ "Paris Hilton", "Berlin Tag": a capitalised word that is no function word and no place follows."""
    if after >= len(tokens):
        return False
    word = tokens[after].text
    return word[:1].isupper() and word.lower() not in FUNCTION_WORDS and word not in places()


def place_mentions(article: Article) -> list[Mention]:
    """Listed places not marked ``model``, on token boundaries, outside bylines (rule 1)."""
    tokens, found = article.tokens, []
    bylines = byline_ranges(article)
    index = 0
    while index < len(tokens):
        place = _match_at(tokens, index)
        if place is None:
            index += 1
            continue
        after = index + len(place.words)
        before = tokens[index - 1].text if index > 0 else ""
        start, end = tokens[index].start, tokens[after - 1].end
        if not (
            place.model_only
            or before in _ORG_CUES
            or (tokens[after - 1].text == place.words[-1] and _followed_by_name(tokens, after))
            or in_bylines(start, bylines)
        ):
            found.append(Mention(start, end, article.text[start:end], "LOC", source="rule", kind=place.kind))
        index = after
    return found


def road_mentions(article: Article) -> list[Mention]:
    """Motorways and federal roads by number ("A 7", "B 27", "Bundesstraße 216") as LOC (rule 2)."""
    tokens, found = article.tokens, []
    for index in range(len(tokens) - 1):
        word, number = tokens[index].text, tokens[index + 1].text
        before = tokens[index - 1].text if index > 0 else ""
        if word in _ROAD_WORDS and number.isdigit() and len(number) <= 3 and before not in _NOT_ROADS:
            start, end = tokens[index].start, tokens[index + 1].end
            found.append(Mention(start, end, article.text[start:end], "LOC", source="rule", kind="road"))
    return found


def add_places(article: Article, mentions: Sequence[Mention]) -> list[Mention]:
    """Listed places and motorways (`place_mentions`, `road_mentions`) that nothing overlaps."""
    return add_missing(add_missing(mentions, place_mentions(article)), road_mentions(article))
