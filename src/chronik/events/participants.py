"""Who can take part in an event: named and described actors in a sentence, with actor codes.

Candidates come from the gazetteer (countries, seats of government as metonyms, institutions,
office holders), from the entity layer (people coded by role and affiliation), and from
descriptions: demonyms with a group noun ("russische Truppen" → RUS/MIL), inhabitant nouns
("die Russen" → RUS), compound prefixes ("US-Sondergesandter" → USA/GOV/DIP) and bare group
nouns ("Demonstranten" → CIV). Each candidate remembers the preposition before it, which the
role assignment uses ("mit Kiew" is a partner, "in Miami" a place).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chronik.events.lexicon import EventLexicon
from chronik.gazetteer import Gazetteer, GazetteerEntry
from chronik.model import Article, Entity

WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_DETERMINERS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "einem",
        "einen",
        "eines",
        "seine",
        "seiner",
        "seinen",
        "ihre",
        "ihrer",
        "ihren",
        "beiden",
        "beide",
        "selbst",
        "auch",
    ]
)
PREPOSITIONS = frozenset(
    [
        "in",
        "im",
        "beim",
        "nach",
        "aus",
        "bei",
        "mit",
        "gegen",
        "an",
        "am",
        "zu",
        "zum",
        "zur",
        "auf",
        "für",
        "über",
        "von",
        "vom",
        "durch",
        "zwischen",
        "unter",
        "vor",
        "gegenüber",
        "seitens",
        "ohne",
        "um",
    ]
)
_PLACE_KINDS = frozenset({"country", "city", "region"})
_ORG_KINDS = frozenset({"government", "institution", "igo", "party", "company", "media", "ngo", "person"})


@dataclass(slots=True)
class Candidate:
    """A possible actor or target in one sentence (absolute character offsets)."""

    start: int
    end: int
    text: str
    code: str | None
    name: str | None = None
    entity_id: str | None = None
    kind: str | None = None  # gazetteer kind, "person", or "described"
    preposition: str | None = None
    country: str | None = None

    @property
    def is_place(self) -> bool:
        return self.kind in _PLACE_KINDS


def _tokens(text: str, offset: int) -> list[tuple[int, int, str]]:
    return [(m.start() + offset, m.end() + offset, m.group()) for m in WORD.finditer(text)]


def _preposition_before(tokens: list[tuple[int, int, str]], start: int) -> str | None:
    index = next((i for i, t in enumerate(tokens) if t[0] >= start), len(tokens)) - 1
    while index >= 0 and tokens[index][2].lower() in _DETERMINERS:
        index -= 1
    if index >= 0 and tokens[index][2].lower() in PREPOSITIONS:
        return tokens[index][2].lower()
    return None


def _code(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return f"{country}/{sector}"
    return country or sector


def _entry_candidate(start: int, end: int, text: str, entry: GazetteerEntry, gazetteer: Gazetteer) -> Candidate:
    code = gazetteer.metonym_code(entry)
    if code is None and entry.kind not in _PLACE_KINDS:
        code = entry.country
    return Candidate(start, end, text, code, entry.name, None, entry.kind, None, entry.country or code)


def _extend_with_group_noun(
    candidate: Candidate, tokens: list[tuple[int, int, str]], article: Article, lexicon: EventLexicon
) -> Candidate:
    """ "Kiews Chefunterhändler" is UKR/GOV/DIP, not a city: fold a following group noun into the code."""
    following = next((t for t in tokens if t[0] >= candidate.end), None)
    if following is None or following[0] - candidate.end > 1 or not following[2][:1].isupper():
        return candidate
    sector = lexicon.sector_of(following[2])
    country = candidate.country
    if sector is None or country is None or candidate.kind not in _PLACE_KINDS:
        return candidate
    end = following[1]
    return Candidate(
        candidate.start,
        end,
        article.text[candidate.start : end],
        f"{country}/{sector}",
        candidate.name,
        None,
        "described",
        None,
        country,
    )


def _entity_code(entity: Entity, lexicon: EventLexicon) -> tuple[str | None, str | None]:
    attributes = entity.attributes
    if attributes.get("code"):
        code = str(attributes["code"])
        return code, code.split("/", 1)[0]
    affiliation = attributes.get("affiliation")
    country = affiliation if isinstance(affiliation, str) and re.fullmatch(r"[A-Z]{3}", affiliation) else None
    sector = None
    for role in attributes.get("roles") or []:
        sector = lexicon.sector_of(str(role).split()[-1]) or sector
    sector = attributes.get("sector") or sector
    return _code(country, sector), country


def _entity_candidates(article: Article, start: int, end: int, lexicon: EventLexicon) -> list[Candidate]:
    entities = {entity.id: entity for entity in article.entities}
    found = []
    for mention in article.mentions:
        if mention.start < start or mention.end > end or mention.label not in ("PER", "ORG"):
            continue
        entity = entities.get(mention.entity_id or "")
        code, country = _entity_code(entity, lexicon) if entity else (None, None)
        if code is None:
            code = lexicon.sector_of(mention.text.split()[0]) if " " in mention.text else None
        kind = "person" if mention.label == "PER" else (mention.kind or "institution")
        name = entity.name if entity else mention.text
        found.append(
            Candidate(
                mention.start, mention.end, mention.text, code, name, entity.id if entity else None, kind, None, country
            )
        )
    return found


_ADJECTIVE = re.compile(r"isch(?:e[nmrs]?)?$")


def _is_adjective(word: str, noun: str, lexicon: EventLexicon) -> bool:
    """ "russische Truppen", "Russische Truppen" (sentence start), "Moskauer Führung"."""
    if word[:1].islower() or _ADJECTIVE.search(word.lower()):
        return True
    return word.endswith("er") and lexicon.sector_of(noun) is not None


def _described(
    tokens: list[tuple[int, int, str]], index: int, gazetteer: Gazetteer, lexicon: EventLexicon, text: str
) -> Candidate | None:
    start, end, word = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    country = gazetteer.demonym(word)
    if country and following and following[2][:1].isupper() and _is_adjective(word, following[2], lexicon):
        sector = lexicon.sector_of(following[2])
        return Candidate(
            start,
            following[1],
            text[start : following[1]],
            _code(country, sector),
            None,
            None,
            "described",
            None,
            country,
        )
    if not word[:1].isupper():
        return None
    sector = lexicon.sector_of(word)
    if country and "-" in word:
        return Candidate(start, end, word, _code(country, sector), None, None, "described", None, country)
    if country and sector is None:
        return Candidate(start, end, word, country, None, None, "described", None, country)
    if sector:
        return Candidate(start, end, word, sector, None, None, "described", None, None)
    return None


def sentence_candidates(
    article: Article,
    start: int,
    end: int,
    *,
    gazetteer: Gazetteer,
    lexicon: EventLexicon,
    prefer_countries: Sequence[str] = (),
) -> list[Candidate]:
    """All participant candidates in article.text[start:end], in text order, without overlaps."""
    text = article.text[start:end]
    tokens = _tokens(text, start)
    found = [
        _extend_with_group_noun(
            _entry_candidate(s + start, e + start, text[s:e], entry, gazetteer), tokens, article, lexicon
        )
        for s, e, entry in gazetteer.find_all(text, prefer_countries=prefer_countries)
        if entry.kind in _PLACE_KINDS or entry.kind in _ORG_KINDS
    ]
    found += _entity_candidates(article, start, end, lexicon)
    for index in range(len(tokens)):
        described = _described(tokens, index, gazetteer, lexicon, article.text)
        if described:
            found.append(described)
    return _without_overlaps(found, tokens, lexicon)


def _noun_follows(tokens: list[tuple[int, int, str]], end: int) -> bool:
    following = next((t for t in tokens if t[0] >= end), None)
    return following is not None and following[2][:1].isupper()


def _is_genitive(surface: str, name: str) -> bool:
    last = surface.split()[-1]
    return last.endswith(("s", "'")) and not name.split()[-1].endswith(last[-1]) and len(surface.split()) == 1


def _share_codes(found: list[Candidate]) -> None:
    """An entity mention without a code ("Bundeskanzler Friedrich Merz", "Israelische Soldaten")
    takes the code of an overlapping gazetteer name, else of an overlapping description."""
    for candidate in found:
        if candidate.entity_id is None or (candidate.code and candidate.country):
            continue
        overlapping = [
            other
            for other in found
            if other.entity_id is None and other.code and other.start < candidate.end and candidate.start < other.end
        ]
        overlapping.sort(key=lambda other: other.kind == "described")
        if overlapping:
            candidate.code, candidate.country = overlapping[0].code, overlapping[0].country


def _attach_to_group_noun(candidate: Candidate, tokens: list[tuple[int, int, str]], lexicon: EventLexicon) -> None:
    previous = [t for t in tokens if t[1] <= candidate.start]
    if candidate.preposition != "genitive" or not previous or not previous[-1][2][:1].isupper():
        return
    sector = lexicon.sector_of(previous[-1][2])
    if sector is None or candidate.country is None:
        return
    candidate.preposition = _preposition_before(tokens, previous[-1][0])
    candidate.code = f"{candidate.country}/{sector}"
    candidate.text = previous[-1][2] + " " * (candidate.start - previous[-1][1]) + candidate.text
    candidate.start = previous[-1][0]


def _without_overlaps(
    found: list[Candidate], tokens: list[tuple[int, int, str]], lexicon: EventLexicon
) -> list[Candidate]:
    # Named candidates (gazetteer, then entities) win over descriptions; longer spans first.
    _share_codes(found)
    rank = {"described": 2}
    found.sort(key=lambda c: (rank.get(c.kind or "", 0), -(c.end - c.start), c.start))
    kept: list[Candidate] = []
    for candidate in found:
        if all(candidate.end <= other.start or other.end <= candidate.start for other in kept):
            # A genitive possessor ("ohne Russlands Bereitschaft") is not governed by the preposition.
            genitive = candidate.name is not None and _is_genitive(candidate.text, candidate.name)
            if genitive:
                # "Russlands Bereitschaft": a possessor; "im Osten Afghanistans": part of another phrase;
                # "Delegationen Russlands": the country of the group noun before it, in that noun's role.
                candidate.preposition = None if _noun_follows(tokens, candidate.end) else "genitive"
                _attach_to_group_noun(candidate, tokens, lexicon)
            else:
                candidate.preposition = _preposition_before(tokens, candidate.start)
            kept.append(candidate)
    kept.sort(key=lambda c: c.start)
    return _merge_roles_into_names(kept)


def _merge_roles_into_names(candidates: list[Candidate]) -> list[Candidate]:
    """ "US-Sondergesandter Max Muster": the description codes the person that follows it."""
    merged: list[Candidate] = []
    for candidate in candidates:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == "described"
            and candidate.kind == "person"
            and 0 <= candidate.start - previous.end <= 1
        ):
            if candidate.code is None:
                candidate.code, candidate.country = previous.code, previous.country
            candidate.preposition = previous.preposition
            candidate.text = previous.text + " " * (candidate.start - previous.end) + candidate.text
            candidate.start = previous.start
            merged[-1] = candidate
            continue
        merged.append(candidate)
    return merged
