"""Name rules for the NER stage: people from first-name and surname lists, streets, and the
lexical helpers the span rules share.

Person rules (`add_person_names`; first names from `chronik/data/ner/first_names.txt`,
outside bylines): a known first name followed by surname tokens ("Henning Voscherau", "Ole
von Beust"; no common noun, title, facility word or frequent HanTa noun) becomes PER and
replaces the mentions it overlaps unless they run on past it ("Konrad Adenauer Stiftung")
or start with a facility ("Flughafen Franz Josef Strauß"), so a leading role noun is cut
("Biobauer Renzo Blumenthal" LOC → "Renzo Blumenthal" PER); surname tokens after a role
word ("Bäderleiter Schmid") become PER the same way; a single-token model LOC/ORG that is a
first name or a listed family name and no gazetteer name ("Claire", "Bhuttos") becomes PER;
a lone first name inside a sentence ("Nur Justin, Alex und Max") is added as PER, and so is
a listed family name (`surnames.txt`: "verfolgte Hitler", "Merkels"). Named streets
("Schwanitzstraße") are added as LOC. All rules are linear in article length.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from chronik.model import Article, Mention, Token
from chronik.nlp.hanta import likeliest_tags
from chronik.nlp.lexicon import bundled_rows


def sentence_ranges(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.token_start, s.token_end) for s in article.sentences if s.token_end > s.token_start]
    return [(0, len(article.tokens))] if article.tokens else []


@functools.cache
def title_endings() -> tuple[str, ...]:
    """Lower-case endings of titles and roles (`chronik/data/ner/titles.txt`)."""
    return tuple(row[0] for row in bundled_rows("ner", "titles.txt"))


# Words a name never ends with; the model sometimes runs a span into the next sentence.
FUNCTION_WORDS = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "von", "vom", "am", "im", "in", "und", "zu", "zum"}
)


@functools.cache
def common_nouns() -> tuple[frozenset[str], tuple[str, ...]]:
    """Lower-case common nouns and noun endings ("-ung") from `chronik/data/ner/common_nouns.txt`."""
    entries = [row[0] for row in bundled_rows("ner", "common_nouns.txt")]
    endings = tuple(line[1:] for line in entries if line.startswith("-"))
    return frozenset(line for line in entries if not line.startswith("-")), endings


def looks_like_common_noun(word: str) -> bool:
    """A capitalised word in the stop list or with a common-noun ending ("Region", "Verhandlungen")."""
    lowered = word.lower()
    words, endings = common_nouns()
    return lowered in words or (len(lowered) > 5 and lowered.endswith(endings))


def token_range(starts: Sequence[int], mention: Mention) -> tuple[int, int]:
    """Indexes of the first and last token of a mention (it lies on token boundaries).

    `starts` are the start offsets of the article's tokens.
    """
    first = bisect.bisect_left(starts, mention.start)
    last = bisect.bisect_right(starts, mention.end - 1) - 1
    return first, max(first, last)


def add_missing(mentions: Sequence[Mention], extra: Iterable[Mention]) -> list[Mention]:
    """Mentions plus those of `extra` that overlap none of them, in text order."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    starts = [m.start for m in ordered]
    reach = list(itertools.accumulate((m.end for m in ordered), max))  # furthest end so far
    free = []
    for mention in extra:
        before = bisect.bisect_left(starts, mention.end)  # those starting before it ends
        if before == 0 or reach[before - 1] <= mention.start:
            free.append(mention)
    return sorted([*ordered, *free], key=lambda m: (m.start, m.end))


@functools.cache
def first_names() -> tuple[frozenset[str], frozenset[str]]:
    """First names (`chronik/data/ner/first_names.txt`): all, and those that may stand alone.

    A name marked "*" there is also a word, place or brand ("Mark", "Paris"): it counts only
    at the start of a full name.
    """
    entries = [row[0] for row in bundled_rows("ner", "first_names.txt")]
    names = frozenset(line.rstrip("*") for line in entries)
    return names, frozenset(line for line in entries if not line.endswith("*"))


def is_first_name(word: str, *, alone: bool = False) -> bool:
    """A listed first name, or hyphenated listed ones ("Hans-Peter"); `alone`: also without a surname."""
    names = first_names()[1 if alone else 0]
    if "-" not in word:  # the common case, without splitting (a hot path: twice per token)
        return word in names
    return all(part in names for part in word.split("-"))


# Lower-case particles inside full names ("Ole von Beust", "Ludovica des Bordes", "Osama bin Laden").
_NAME_PARTICLES = frozenset(
    {"von", "van", "de", "des", "di", "da", "del", "della", "dos", "du", "le", "la", "ter", "ten", "bin", "ibn"}
    | {"al", "el", "af", "av"}
)


# Capitalised words that never continue a name ("Angela Merkels Wir schaffen das", "Tommy von The").
_NAME_STOPS = frozenset(
    {"wir", "ich", "er", "sie", "es", "ihr", "man", "auf", "mit", "für", "bei", "nach", "aus", "als", "wie"}
    | {"aber", "oder", "doch", "dass", "so", "nun", "auch", "noch", "nur", "schon", "hier", "dort", "heute"}
    | {"the", "of", "and", "for", "a", "an", "to", "in", "on", "at", "by", "with"}
)


# Particles that only follow another one ("van der Bellen", "von und zu Guttenberg").
_SECOND_PARTICLES = frozenset({"der", "den", "und", "zu", "la", "le"})


# Heads of facilities and institutions named after people ("Flughafen Franz Josef Strauß",
# "Max Planck Institut"): a full name next to one is part of a larger name, not a person.
_FACILITY_ENDINGS = (
    "flughafen", "stadion", "straße", "strasse", "platz", "allee", "weg", "brücke", "schule", "gymnasium",
    "universität", "institut", "stiftung", "preis", "kirche", "haus", "halle", "arena", "museum", "theater",
    "zentrum", "klinik", "klinikum", "bahnhof", "park", "hotel", "gesellschaft", "verlag", "werke", "gmbh",
    "ag", "kaserne", "bibliothek", "akademie", "saal", "turm", "ring", "damm", "airport", "theatre", "hall",
    "center", "centre", "college", "school", "university", "church", "street", "square", "stadium", "band",
    "orchestra", "foundation", "institute", "group", "partners", "brothers", "records", "pictures", "studios",
    "company",
)  # fmt: skip


# Words before a first name that make it a place ("St. Moritz", "San Lucia").
_PLACE_PREFIXES = frozenset({"st.", "st", "sankt", "san", "santa", "saint", "são", "santo", "bad", "sainte"})


def _after_place_prefix(tokens: Sequence[Token], index: int) -> bool:
    """Whether the token at `index` follows "St." (also split: "St ." ) or "San"."""
    previous = tokens[index - 1].text.lower() if index > 0 else ""
    if previous == "." and index > 1:
        previous = tokens[index - 2].text.lower()
    return previous in _PLACE_PREFIXES


@functools.cache
def frequent_nouns() -> frozenset[str]:
    """Lower-case words whose likeliest tag in HanTa's shipped word list is NN ("grund", "band")."""
    return frozenset(word for word, tag in likeliest_tags().items() if tag == "NN")


def _is_compound_noun(word: str) -> bool:
    """A long word or hyphenated word ending in a frequent noun ("Ansteckabzeichen", "Valve-Gründer")."""
    lowered, nouns = word.lower(), frequent_nouns()
    head = lowered.rsplit("-", 1)[-1]
    if head != lowered and head in nouns:
        return True
    return len(lowered) >= 9 and any(lowered[cut:] in nouns for cut in range(3, len(lowered) - 4))


def _surname_like(token: Token, gazetteer: Any, *, position: int, strict: bool) -> bool:
    """A capitalised token that can continue a full name (not a common noun, title or facility).

    `position` counts the name tokens after the first name. The first of them may be a word
    that also is a noun ("Peter Bauer") or place ("Uta Hagen") unless `strict` (the first
    name itself is ambiguous: "Mark Brandenburg"); later ones may not ("Dave Matthews Band").
    """
    word = token.text
    head = word.rsplit("-", 1)[-1].lower()
    if not (word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha() and len(word) > 1):
        return False
    if word.isupper() or word.lower() in FUNCTION_WORDS or word.lower() in _NAME_STOPS:
        return False  # acronyms ("FRS"), capitalised function words
    if looks_like_common_noun(word) or head.endswith(_FACILITY_ENDINGS) or head.endswith(title_endings()):
        return False
    if position == 1 and not strict:
        return True
    known = any(entry.label in {"LOC", "ORG"} for entry in gazetteer.lookup(word))
    return not known and word.lower() not in frequent_nouns() and not _is_compound_noun(word)


def _is_particle(tokens: Sequence[Token], index: int, first: int) -> bool:
    """A name particle ("von", "De", "van der") followed by more of the name, not by a first name.

    "Roman von Markus Werner" is a novel by someone: a particle before a first name ends the name.
    """
    word = tokens[index].text.lower()
    previous = tokens[index - 1].text.lower()
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    second = index > first + 1 and previous in _NAME_PARTICLES and word in _SECOND_PARTICLES
    if not (word in _NAME_PARTICLES or second) or not following[:1].isalpha() or is_first_name(following):
        return False
    return tokens[index].text.islower() or following[:1].isupper() or following in _SECOND_PARTICLES


def _full_name_end(tokens: Sequence[Token], first: int, stop: int, gazetteer: Any) -> int:
    """Index after the last surname token of a full name starting at `first`; `first` if there is none.

    More first names ("Mary Ella Simmons") keep the next token lenient (position 1 of
    `_surname_like`). After an ambiguous first name ("Roman", "Mark") the surname must
    follow at once.
    """
    index, end, position = first + 1, first, 1
    strict = not is_first_name(tokens[first].text, alone=True)
    while index < stop and index - first <= 6:
        if (index > first + 1 or not strict) and _is_particle(tokens, index, first):
            index += 1
            continue
        if not _surname_like(tokens[index], gazetteer, position=position, strict=strict):
            break
        if not is_first_name(tokens[index].text):
            position += 1
        index += 1
        end = index
    return end


def _starts_full_name(tokens: Sequence[Token], index: int, gazetteer: Any) -> bool:
    """A first name that is not a known place ("Paris") nor after "St." ("St. Moritz")."""
    word = tokens[index].text
    if not is_first_name(word) or _after_place_prefix(tokens, index):
        return False
    return not any(entry.label in {"LOC", "ORG"} for entry in gazetteer.lookup(word))


def full_name_mentions(article: Article, gazetteer: Any) -> list[Mention]:
    """ "Henning Voscherau", "Ole von Beust": a known first name and surname tokens, as PER."""
    tokens, found = article.tokens, []
    for sentence_start, sentence_end in sentence_ranges(article):
        index = sentence_start
        while index < sentence_end:
            end = index
            if _starts_full_name(tokens, index, gazetteer):
                end = _full_name_end(tokens, index, sentence_end, gazetteer)
            if end == index:
                index += 1
                continue
            start, stop = tokens[index].start, tokens[end - 1].end
            if all(entry.label == "PER" for entry in gazetteer.lookup(article.text[start:stop])):
                found.append(Mention(start, stop, article.text[start:stop], "PER", source="rule"))
            index = end
    return found


def role_name_mentions(article: Article, gazetteer: Any) -> list[Mention]:
    """ "Bäderleiter Schmid", "Schulrat Castens": surname tokens after a title or role word, as PER.

    Titles and roles are the endings of `chronik/data/ner/titles.txt`; the name tokens must
    be no common noun, no frequent noun and no known place ("Präsident Frankreichs").
    A first name after the role is left to `full_name_mentions`.
    """
    tokens, endings, found = article.tokens, title_endings(), []
    for sentence_start, sentence_end in sentence_ranges(article):
        for index in range(sentence_start, sentence_end - 1):
            role, name = tokens[index].text, tokens[index + 1]
            if not (role[:1].isupper() and role.lower().endswith(endings)) or is_first_name(name.text):
                continue
            end = index + 1
            while end < min(sentence_end, index + 3) and _surname_like(tokens[end], gazetteer, position=2, strict=True):
                end += 1
            if end > index + 1:
                start, stop = name.start, tokens[end - 1].end
                found.append(Mention(start, stop, article.text[start:stop], "PER", source="rule"))
    return found


def _overlapping(mentions: Sequence[Mention], ends: Sequence[int], span: Mention) -> list[Mention]:
    """The mentions (sorted, not overlapping each other; `ends` their end offsets) that overlap `span`."""
    found, index = [], bisect.bisect_right(ends, span.start)
    while index < len(mentions) and mentions[index].start < span.end:
        found.append(mentions[index])
        index += 1
    return found


def _yields_to(name: Mention, other: Mention, text: str) -> bool:
    """Whether `other` may be replaced by the full name `name` it overlaps.

    Not when it runs on past the name ("Konrad Adenauer Stiftung"), is a gazetteer name of
    another label, or starts with a facility ("Flughafen Franz Josef Strauß"); a leading
    role noun is cut ("Biobauer Renzo Blumenthal" LOC → "Renzo Blumenthal" PER).
    """
    if other.end > name.end or (other.source == "gazetteer" and other.label != "PER"):
        return False
    prefix = text[other.start : name.start].split()
    return not any(word.lower().rsplit("-", 1)[-1].endswith(_FACILITY_ENDINGS) for word in prefix)


def add_full_names(article: Article, mentions: Sequence[Mention], names: Iterable[Mention]) -> list[Mention]:
    """Full names replace the mentions they overlap where those yield (`_yields_to`)."""
    kept = sorted(mentions, key=lambda m: (m.start, m.end))
    ends = [m.end for m in kept]
    dropped: set[int] = set()
    added = []
    for name in names:
        overlapping = _overlapping(kept, ends, name)
        if all(_yields_to(name, other, article.text) for other in overlapping):
            dropped.update(id(other) for other in overlapping)
            same = [o for o in overlapping if (o.start, o.end, o.label) == (name.start, name.end, "PER")]
            added.append(same[0] if same else name)
    merged = [m for m in kept if id(m) not in dropped] + added
    return sorted(merged, key=lambda m: (m.start, m.end))


def _is_listed_surname(word: str) -> bool:
    names = surnames()
    return word in names or (word.endswith("s") and word[:-1] in names)


def relabel_first_names(article: Article, mentions: Sequence[Mention], gazetteer: Any) -> list[Mention]:
    """ "Claire", "Bhuttos" LOC → PER: a single-token model mention that is a first name or a
    listed family name (genitive too) and no known place."""
    starts = [token.start for token in article.tokens]
    relabelled = []
    for mention in mentions:
        first, last = token_range(starts, mention)
        if (
            mention.label in {"LOC", "ORG"}
            and mention.source == "model"
            and first == last
            and (is_first_name(mention.text, alone=True) or _is_listed_surname(mention.text))
            and not _after_place_prefix(article.tokens, first)
            and not gazetteer.lookup(mention.text)
        ):
            mention = Mention(mention.start, mention.end, mention.text, "PER", source="rule")
        relabelled.append(mention)
    return relabelled


def lone_first_names(article: Article, gazetteer: Any) -> list[Mention]:
    """ "Nur Justin, Alex und Max": a first name alone inside a sentence, as PER (with `add_missing`)."""
    tokens, found = article.tokens, []
    for sentence_start, sentence_end in sentence_ranges(article):
        for index in range(sentence_start + 1, sentence_end):
            token = tokens[index]
            if (
                is_first_name(token.text, alone=True)
                and not _after_place_prefix(tokens, index)
                and not gazetteer.lookup(token.text)
            ):
                found.append(Mention(token.start, token.end, token.text, "PER", source="rule"))
    return found


@functools.cache
def surnames() -> frozenset[str]:
    """Family names (`chronik/data/ner/surnames.txt`) that are no frequent or listed common noun."""
    nouns = frequent_nouns()
    lines = (row[0] for row in bundled_rows("ner", "surnames.txt"))
    return frozenset(line for line in lines if line.lower() not in nouns and not looks_like_common_noun(line))


def lone_surnames(article: Article, gazetteer: Any) -> list[Mention]:
    """ "verfolgte Hitler die Nahziele": a listed family name inside a sentence (or its genitive), as PER."""
    tokens, names, found = article.tokens, surnames(), []
    for sentence_start, sentence_end in sentence_ranges(article):
        for index in range(sentence_start + 1, sentence_end):
            word = tokens[index].text
            if (word in names or (word.endswith("s") and word[:-1] in names)) and not gazetteer.lookup(word):
                found.append(Mention(tokens[index].start, tokens[index].end, word, "PER", source="rule"))
    return found


_STREET_ENDINGS = ("straße", "strasse", "gasse", "allee", "chaussee")


# First parts of street words that are common nouns ("Landstraße", "Einbahnstraße").
_GENERIC_STREETS = frozenset(
    {"land", "haupt", "neben", "seiten", "einbahn", "parallel", "gemeinde", "wasser", "freiland", "bundes"}
    | {"landes", "kreis", "dorf", "stadt", "wohn", "quer", "ring", "milch", "schnell", "privat", "zubringer"}
    | {"auto", "ausfall", "sack", "hinter", "innen", "außen", "durchgang", "verbindung", "geschäft", "zufahrt"}
)


def street_mentions(article: Article) -> list[Mention]:
    """ "Schwanitzstraße", "Friedrich-Ebert-Straße": a named street, as LOC (with `add_missing`).

    A capitalised word ending in -straße, -gasse, -allee … that is no frequent noun and
    does not start with a generic part ("Hauptstraße", "Einbahnstraße", "Einkaufsstraße"
    stay words).
    """
    nouns, found = frequent_nouns(), []
    for token in article.tokens:
        word = token.text
        lowered = word.lower()
        if not lowered.endswith(_STREET_ENDINGS):  # one C-level test for most tokens
            continue
        ending = next((e for e in _STREET_ENDINGS if lowered.endswith(e)), None)
        if ending is None or not word[:1].isupper() or len(word) < len(ending) + 3:
            continue
        first = lowered[: -len(ending)].rstrip("-")
        if lowered in nouns or not first or ("-" not in first and first.rstrip("s") in _GENERIC_STREETS):
            continue
        if "-" not in first and first.endswith("s") and first[:-1] in nouns:
            continue  # "Einkaufsstraße", "Zufahrtsstraße": a noun with a linking s
        found.append(Mention(token.start, token.end, word, "LOC", source="rule"))
    return found


def byline_ranges(article: Article) -> list[tuple[int, int]]:
    """(start, end) of the byline paragraphs: names there are the authors', not mentions."""
    return [(p.start, p.end) for p in article.paragraphs if p.kind == "byline"]


def in_bylines(offset: int, bylines: Sequence[tuple[int, int]]) -> bool:
    """Whether a character offset lies in one of `byline_ranges`."""
    return any(start <= offset < end for start, end in bylines)


def _outside_bylines(article: Article, mentions: Iterable[Mention]) -> list[Mention]:
    bylines = byline_ranges(article)
    return [m for m in mentions if not in_bylines(m.start, bylines)]


def add_person_names(article: Article, mentions: Sequence[Mention], gazetteer: Any) -> list[Mention]:
    """The person rules, in order: full names, names after roles, lone first names (not in bylines)."""
    mentions = add_full_names(article, mentions, _outside_bylines(article, full_name_mentions(article, gazetteer)))
    mentions = add_full_names(article, mentions, _outside_bylines(article, role_name_mentions(article, gazetteer)))
    mentions = relabel_first_names(article, mentions, gazetteer)
    mentions = add_missing(mentions, _outside_bylines(article, lone_first_names(article, gazetteer)))
    return add_missing(mentions, _outside_bylines(article, lone_surnames(article, gazetteer)))


def add_streets(article: Article, mentions: Sequence[Mention]) -> list[Mention]:
    """Named streets outside bylines ("Schwanitzstraße") as LOC, where nothing else was found."""
    return add_missing(mentions, _outside_bylines(article, street_mentions(article)))
