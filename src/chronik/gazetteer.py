"""The actor dictionary and gazetteer: countries, cities, regions, institutions, people.

One bundled set of data files (`chronik/data/gazetteer/`) that we wrote ourselves, extended
by users with their own YAML or TSV files. Names are matched as whole tokens (longest match
first), so only names that are listed can match: "Dabei" never becomes Dubai.

Matching tolerates the German genitive ("Russlands", "Kiews"), Swiss "ss" for "ß"
("Weisses Haus") and all-caps abbreviations ("NATO" = "Nato").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chronik.gazetteer_data import EntryRecord, GazetteerEntry, load_bundled_records, load_user_records

__all__ = ["Gazetteer", "GazetteerEntry", "fold_token", "load_gazetteer"]

# A word (letters/digits, inner hyphens and apostrophes) or one punctuation mark.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*['’]?|[^\w\s]")
_KIND_RANK = {
    "country": 0,
    "government": 1,
    "igo": 1,
    "city": 2,
    "person": 2,
    "institution": 3,
    "party": 3,
    "region": 4,
    "media": 5,
    "company": 5,
}
_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
_GENITIVE_SUFFIXES = ("'s", "'", "s", "es")
_GENITIVE_ENDS = frozenset("s'")
_SearchKey = tuple[str, bool, tuple[str, ...]]


def fold_token(token: str) -> str:
    """The matching key of one token: Swiss "ss" for "ß", all-caps folded to title case."""
    if "ß" in token or "’" in token:
        token = token.replace("ß", "ss").replace("’", "'")
    if len(token) > 1 and token.isupper():
        return token[0] + token[1:].lower()
    return token


def _fold_key(text: str) -> tuple[str, ...]:
    return tuple(fold_token(m.group()) for m in _TOKEN.finditer(text))


def _genitive_bases(token: str) -> list[str]:
    """Candidate base forms of a possibly genitive token ("Russlands" → "Russland")."""
    if token[-1] not in _GENITIVE_ENDS:
        return []
    return [token[: -len(s)] for s in _GENITIVE_SUFFIXES if token.endswith(s) and len(token) - len(s) >= 3]


def _adjective_variants(name: str) -> list[str]:
    """Inflected forms of a multi-word name ("Weißes Haus" → "Weiße/Weißen Haus", "Europäischen Union")."""
    words = name.split(" ")
    if len(words) < 2:
        return []
    variants: list[str] = []
    for index, word in enumerate(words[:-1]):
        if not word[:1].isupper():
            continue
        for ending in ("es", "er", "e"):
            if word.endswith(ending) and len(word) > len(ending) + 3:
                stem = word[: -len(ending)]
                variants.extend(
                    " ".join([*words[:index], stem + new, *words[index + 1 :]]) for new in _ADJECTIVE_ENDINGS[1:]
                )
                break
    return variants


@dataclass
class Gazetteer:
    """Name lookup, demonyms and fast longest-match search over text."""

    entries: list[GazetteerEntry]
    _by_key: dict[tuple[str, ...], list[GazetteerEntry]] = field(default_factory=dict, repr=False)
    _lengths: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    _demonyms: dict[str, str] = field(default_factory=dict, repr=False)
    _prefixes: dict[str, str] = field(default_factory=dict, repr=False)
    # the last text searched and its matches: several stages search the same article text
    _last_search: tuple[_SearchKey, list[tuple[int, int, GazetteerEntry]]] | None = field(
        default=None, repr=False, compare=False
    )

    @classmethod
    def from_records(cls, records: Iterable[EntryRecord]) -> Gazetteer:
        gazetteer = cls(entries=[])
        for record in records:
            gazetteer.add(record)
        return gazetteer

    def add(self, record: EntryRecord) -> GazetteerEntry:
        """Add one entry with its names, demonyms and prefixes to the indexes."""
        entry = record.entry
        self._last_search = None
        self.entries.append(entry)
        for surface in (entry.name, *entry.aliases):
            for variant in (surface, *_adjective_variants(surface)):
                self._index_name(variant, entry)
        for adjective in record.adjectives:
            for ending in _ADJECTIVE_ENDINGS:
                self._demonyms.setdefault((adjective + ending).lower().replace("ß", "ss"), record.demonym_code)
        for noun in record.inhabitants:
            self._demonyms.setdefault(noun.lower().replace("ß", "ss"), record.demonym_code)
        for prefix in record.prefixes:
            self._prefixes.setdefault(fold_token(prefix), record.demonym_code)
        return entry

    def _index_name(self, surface: str, entry: GazetteerEntry) -> None:
        key = _fold_key(surface)
        if not key:
            return
        bucket = self._by_key.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
            bucket.sort(key=lambda e: _KIND_RANK.get(e.kind, 9))
        lengths = set(self._lengths.get(key[0], ()))
        lengths.add(len(key))
        self._lengths[key[0]] = tuple(sorted(lengths, reverse=True))

    def lookup(self, surface: str) -> list[GazetteerEntry]:
        """Entries named `surface` (genitive, ss/ß and all-caps tolerant), best first."""
        key = _fold_key(surface.strip())
        if not key:
            return []
        found = self._by_key.get(key)
        if found:
            return list(found)
        for base in _genitive_bases(key[-1]):
            found = self._by_key.get((*key[:-1], base))
            if found:
                return list(found)
        return []

    def demonym(self, word: str) -> str | None:
        """Country code a demonym, inhabitant noun or code prefix stands for ("russischen" → RUS, "US-" → USA)."""
        word = word.strip().rstrip("-")
        if not word:
            return None
        prefix_code = self._prefixes.get(fold_token(word))
        if prefix_code:
            return prefix_code
        code = self._demonyms.get(word.lower().replace("ß", "ss"))
        if code or "-" not in word:
            return code
        head = word.split("-", 1)[0]
        return self._prefixes.get(fold_token(head)) or self._demonyms.get(head.lower().replace("ß", "ss"))

    def metonym_code(self, entry: GazetteerEntry) -> str | None:
        """Actor code of an entry used as an agent ("Washington" → USA/GOV, "Russland" → RUS)."""
        if entry.metonym:
            return entry.metonym
        if entry.code:
            return entry.code
        if entry.kind == "country" and entry.country:
            return entry.country
        if entry.kind == "city" and entry.capital and entry.country:
            return f"{entry.country}/GOV"
        return None

    def find_all(
        self, text: str, *, compound_parts: bool = False, prefer_countries: Sequence[str] = ()
    ) -> list[tuple[int, int, GazetteerEntry]]:
        """All listed names in `text` as (start, end, best entry), longest match first, left to right.

        Hyphenated compounds ("Ukraine-Gespräche") count as one word unless `compound_parts`.
        Where a name is ambiguous ("Bundesrat"), entries of `prefer_countries` win.
        """
        key = (text, compound_parts, tuple(prefer_countries))
        last = self._last_search  # one read: another thread may replace it
        if last is not None and last[0] == key:
            return list(last[1])
        matches = self._search(text, compound_parts=compound_parts, prefer_countries=prefer_countries)
        self._last_search = (key, matches)
        return list(matches)

    def _search(
        self, text: str, *, compound_parts: bool, prefer_countries: Sequence[str]
    ) -> list[tuple[int, int, GazetteerEntry]]:
        tokens = _tokenize(text, compound_parts=compound_parts)
        matches: list[tuple[int, int, GazetteerEntry]] = []
        lengths, index, count = self._lengths, 0, len(tokens)
        while index < count:
            first = tokens[index][2]
            if first not in lengths and first[-1] not in _GENITIVE_ENDS:
                index += 1  # the common case, kept inline for speed
                continue
            match = self._match_at(tokens, index)
            if match is None:
                index += 1
                continue
            length, found = match
            matches.append((tokens[index][0], tokens[index + length - 1][1], _choose(found, prefer_countries)))
            index += length
        return matches

    def _match_at(self, tokens: list[tuple[int, int, str]], index: int) -> tuple[int, list[GazetteerEntry]] | None:
        first = tokens[index][2]
        lengths = self._lengths.get(first)
        if lengths is None and first[-1] not in _GENITIVE_ENDS:
            return None
        for length in lengths or ():
            key = tuple(t[2] for t in tokens[index : index + length])
            if len(key) == length and key in self._by_key:
                return length, self._by_key[key]
        for base in _genitive_bases(first):
            found = self._by_key.get((base,))
            if found:
                return 1, found
        for length in self._lengths.get(first, ()):
            if length < 2 or index + length > len(tokens):
                continue
            head = tuple(t[2] for t in tokens[index : index + length - 1])
            for base in _genitive_bases(tokens[index + length - 1][2]):
                found = self._by_key.get((*head, base))
                if found:
                    return length, found
        return None


def _choose(found: list[GazetteerEntry], prefer_countries: Sequence[str]) -> GazetteerEntry:
    for country in prefer_countries:
        for entry in found:
            if entry.country == country:
                return entry
    return found[0]


def _tokenize(text: str, *, compound_parts: bool) -> list[tuple[int, int, str]]:
    if not compound_parts:
        return [(m.start(), m.end(), fold_token(m.group())) for m in _TOKEN.finditer(text)]
    tokens: list[tuple[int, int, str]] = []
    for match in _TOKEN.finditer(text):
        offset = match.start()
        for part in match.group().split("-"):
            if part:
                tokens.append((offset, offset + len(part), fold_token(part)))
            offset += len(part) + 1
    return tokens


@functools.lru_cache(maxsize=8)
def _load_cached(extra_files: tuple[Path, ...]) -> Gazetteer:
    records = list(load_bundled_records())
    for path in extra_files:
        records.extend(load_user_records(path))
    return Gazetteer.from_records(records)


def load_gazetteer(extra_files: Sequence[Path] = ()) -> Gazetteer:
    """The bundled gazetteer plus users' YAML/TSV files, loaded once per process."""
    return _load_cached(tuple(Path(p).resolve() for p in extra_files))
