"""Cross-article entity resolution: one corpus entity per real-world person, organisation, place.

Names are compared by a *normalisation key* that folds diacritics and the usual
German/English transliteration variants of Cyrillic names (Selenskyj/Zelensky,
Umjerow/Umerov, Kyjiw/Kyiv); keys that still differ are compared with rapidfuzz under
guards (same label, compatible first names, a minimum length). An aliases file merges
what the rules miss and keeps apart what must stay apart. Corpus ids derive from the
canonical key (`per-volodimir-selenski`), so re-ingesting gives the same ids.

The resolver never touches a database: it asks an `EntityIndex` (the store implements
it with indexed SQL; tests use a dict) for candidate aliases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import yaml
from rapidfuzz import fuzz

from chronik.errors import ChronikError
from chronik.store.fulltext import fold
from chronik.yaml_data import load_yaml

_NON_LETTER = re.compile(r"[^a-z0-9]+")
_TRANSLITERATION = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "ch"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("z", "s"),
)
_SOFT_J = re.compile(r"(?<=[bcdfghklmnprstv])j(?=[aeiou])")
_DOUBLED = re.compile(r"(.)\1+")
_HONORIFICS = frozenset({"herr", "frau", "dr", "prof", "mr", "mrs", "ms", "sir"})
_PERSON = "PER"
MIN_FUZZY_KEY = 6  # shorter keys merge only by exact key or an alias file
SURNAME_SIMILARITY = 85.0
FIRST_NAME_SIMILARITY = 80.0
NAME_SIMILARITY = 90.0


def _token_key(token: str) -> str:
    for variant, replacement in _TRANSLITERATION:
        token = token.replace(variant, replacement)
    token = _SOFT_J.sub("", token).replace("j", "i").replace("y", "i")
    token = _DOUBLED.sub(r"\1", token)
    return token[:-3] + "iv" if token.endswith("iev") else token


def name_tokens(name: str) -> list[str]:
    """Folded name words without honorifics: "Dr. Wolodymyr Selenskyj" -> ["wolodymyr", "selenskyj"]."""
    words = _NON_LETTER.split(fold(name))
    return [word for word in words if word and word not in _HONORIFICS]


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Normalisation key that unifies spelling variants: "Selenskyj" and "Zelensky" -> "selenski"."""
    return " ".join(_token_key(token) for token in name_tokens(name))


def skeleton(key_token: str) -> str:
    """First letter plus the consonants of a key word: candidate bucket for fuzzy matching."""
    if not key_token:
        return ""
    rest = re.sub(r"[aeiou]", "", key_token[1:])
    return _DOUBLED.sub(r"\1", key_token[0] + rest)


def slug(label: str, key: str) -> str:
    """A stable, URL-safe corpus id from the label and canonical key."""
    return f"{label.lower()}-{key.replace(' ', '-')}"[:80].rstrip("-")


@dataclass(frozen=True, slots=True)
class AliasRow:
    """One known name of a corpus entity, as the index stores it."""

    entity_id: str
    name: str
    key: str
    tokens: int


class EntityIndex(Protocol):
    """Candidate lookup the resolver needs; every method filters by label."""

    def aliases_by_key(self, label: str, key: str) -> list[AliasRow]: ...

    def aliases_by_last_key(self, label: str, last_key: str) -> list[AliasRow]: ...

    def aliases_by_skeleton(self, label: str, last_skeleton: str) -> list[AliasRow]: ...

    def aliases_of(self, entity_id: str) -> list[AliasRow]: ...

    def entity_exists(self, entity_id: str) -> bool: ...


@dataclass(slots=True)
class Resolution:
    """Where an article-level name goes in the corpus."""

    entity_id: str
    name: str  # canonical name of the corpus entity
    created: bool
    aliases: list[str]  # names to record as aliases of the entity
    absorbed: list[str] = field(default_factory=list)  # surname-only entities to merge into it


@dataclass(slots=True)
class AliasTable:
    """Merges (canonical name + aliases) and splits ("distinct" pairs) from alias files."""

    canonical: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # key -> (name, label)
    distinct: set[frozenset[str]] = field(default_factory=set)
    spellings: dict[str, list[str]] = field(default_factory=dict)  # canonical key -> all listed names

    def lookup(self, name: str) -> tuple[str, str | None] | None:
        return self.canonical.get(name_key(name))

    def variants(self, canonical_name: str) -> list[str]:
        """Every name listed for this canonical name (including itself)."""
        return list(self.spellings.get(name_key(canonical_name), []))

    def is_distinct(self, key_a: str, key_b: str) -> bool:
        return frozenset((key_a, key_b)) in self.distinct

    def extend(self, document: Any, *, source: str) -> None:
        """Add the entries of one parsed aliases YAML document."""
        if not isinstance(document, dict):
            raise ChronikError("E040", source, "aliases file must be a mapping with 'entities' and/or 'distinct'")
        for entry in document.get("entities") or []:
            self._add_entry(entry, source=source)
        for pair in document.get("distinct") or []:
            if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(n, str) for n in pair):
                raise ChronikError("E040", source, f"'distinct' entries are pairs of names, got {pair!r}")
            self.distinct.add(frozenset((name_key(pair[0]), name_key(pair[1]))))

    def _add_entry(self, entry: Any, *, source: str) -> None:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ChronikError("E040", source, f"entity entries need a 'name', got {entry!r}")
        aliases = entry.get("aliases") or []
        label = entry.get("label")
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ChronikError("E040", source, f"'aliases' of {entry['name']!r} must be a list of names")
        if label is not None and not isinstance(label, str):
            raise ChronikError("E040", source, f"'label' of {entry['name']!r} must be a string")
        names = [name for name in [entry["name"], *aliases] if name_key(name)]
        for name in names:
            self.canonical[name_key(name)] = (entry["name"], label)
        self.spellings.setdefault(name_key(entry["name"]), []).extend(names)


def load_aliases(paths: Sequence[str | Path] = (), *, bundled: bool = True) -> AliasTable:
    """The bundled alias list extended by user files (later files win)."""
    table = AliasTable()
    if bundled:
        text = resources.files("chronik").joinpath("data/resolve/aliases.yaml").read_text(encoding="utf-8")
        table.extend(load_yaml(text), source="chronik/data/resolve/aliases.yaml")
    for path in paths:
        try:
            document = load_yaml(Path(path).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise ChronikError("E040", str(path), f"cannot read aliases file: {exc}") from exc
        table.extend(document, source=str(path))
    return table


@lru_cache(maxsize=1)
def bundled_aliases() -> AliasTable:
    return load_aliases()


def _first_names_compatible(first_a: str, first_b: str) -> bool:
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return first_a == first_b or fuzz.ratio(first_a, first_b) >= FIRST_NAME_SIMILARITY


def persons_compatible(key_a: str, key_b: str) -> bool:
    """Full names that may be one person: similar surnames and compatible first names."""
    tokens_a, tokens_b = key_a.split(), key_b.split()
    if not tokens_a or not tokens_b or fuzz.ratio(tokens_a[-1], tokens_b[-1]) < SURNAME_SIMILARITY:
        return False
    if len(tokens_a) == 1 or len(tokens_b) == 1:
        return True
    return _first_names_compatible(tokens_a[0], tokens_b[0])


class Resolver:
    """Maps an article-level (label, name) to a corpus entity, creating one when needed."""

    def __init__(self, aliases: AliasTable | None = None) -> None:
        self.aliases = aliases if aliases is not None else bundled_aliases()

    def resolve(self, label: str, name: str, index: EntityIndex, *, variants: Iterable[str] = ()) -> Resolution:
        """The corpus entity for `name` (plus its in-article variants) under `label`."""
        listed = self.aliases.lookup(name)
        canonical = listed[0] if listed else name.strip()
        key = name_key(canonical)
        names = _unique([name.strip(), canonical, *variants, *(self.aliases.variants(canonical) if listed else [])])
        found = self._find(label, key, index, fuzzy=listed is None)
        if found is not None:
            entity_id, entity_name = found
            return Resolution(entity_id, entity_name, False, names, self._absorbable(label, key, entity_id, index))
        entity_id = self._new_id(label, key, index)
        return Resolution(entity_id, canonical, True, names, self._absorbable(label, key, entity_id, index))

    def lookup(self, name: str, index: EntityIndex, *, labels: Iterable[str]) -> str | None:
        """An existing corpus entity for a bare name (no creation), trying labels in order."""
        for label in labels:
            listed = self.aliases.lookup(name)
            found = self._find(label, name_key(listed[0] if listed else name), index, fuzzy=True)
            if found is not None:
                return found[0]
        return None

    def _find(self, label: str, key: str, index: EntityIndex, *, fuzzy: bool) -> tuple[str, str] | None:
        if not key:
            return None
        exact = self._exact(label, key, index)
        if exact is not None or not fuzzy:
            return exact
        if label == _PERSON and " " not in key and index.aliases_by_key(label, key):
            return None  # an ambiguous surname: the caller gets a surname-only entity
        candidates = (
            self._person_candidates(key, label, index) if label == _PERSON else self._name_candidates(key, label, index)
        )
        allowed = [row for row in candidates if not self._blocked(key, row.entity_id, index)]
        if len({row.entity_id for row in allowed}) != 1:
            return None
        return allowed[0].entity_id, self._entity_name(allowed[0].entity_id, index)

    def _exact(self, label: str, key: str, index: EntityIndex) -> tuple[str, str] | None:
        """The entity with this exact key; an ambiguous surname prefers its surname-only entity."""
        ids = sorted({row.entity_id for row in index.aliases_by_key(label, key)})
        ids = [entity_id for entity_id in ids if not self._blocked(key, entity_id, index)]
        if len(ids) > 1 and label == _PERSON and " " not in key:
            ids = [e for e in ids if all(row.tokens == 1 for row in index.aliases_of(e))]
            if len(ids) != 1:
                return None
        return (ids[0], self._entity_name(ids[0], index)) if ids else None

    def _person_candidates(self, key: str, label: str, index: EntityIndex) -> list[AliasRow]:
        tokens = key.split()
        if len(tokens) == 1:  # surname only: a unique full name with this surname
            exact = [row for row in index.aliases_by_last_key(label, key) if row.tokens > 1]
            if exact:
                return exact
        if len(tokens) == 1 and len(key) < MIN_FUZZY_KEY:
            return []
        rows = index.aliases_by_skeleton(label, skeleton(tokens[-1]))
        return [row for row in rows if row.tokens > 1 and row.key != key and persons_compatible(key, row.key)]

    def _name_candidates(self, key: str, label: str, index: EntityIndex) -> list[AliasRow]:
        if len(key) < MIN_FUZZY_KEY:
            return []
        rows = index.aliases_by_skeleton(label, skeleton(key.split()[-1]))
        return [row for row in rows if len(row.key) >= MIN_FUZZY_KEY and fuzz.ratio(key, row.key) >= NAME_SIMILARITY]

    def _blocked(self, key: str, entity_id: str, index: EntityIndex) -> bool:
        if not self.aliases.distinct:
            return False
        return any(self.aliases.is_distinct(key, row.key) for row in index.aliases_of(entity_id))

    def _absorbable(self, label: str, key: str, entity_id: str, index: EntityIndex) -> list[str]:
        """Surname-only entities that this full name now claims (when it is the only one)."""
        tokens = key.split()
        if label != _PERSON or len(tokens) < 2:
            return []
        rows = index.aliases_by_last_key(label, tokens[-1])
        full_names = {row.entity_id for row in rows if row.tokens > 1} - {entity_id}
        if full_names:
            return []
        surname_only = {row.entity_id for row in index.aliases_by_key(label, tokens[-1])} - {entity_id}
        return sorted(e for e in surname_only if all(r.tokens == 1 for r in index.aliases_of(e)))

    @staticmethod
    def _entity_name(entity_id: str, index: EntityIndex) -> str:
        rows = index.aliases_of(entity_id)
        return rows[0].name if rows else entity_id

    @staticmethod
    def _new_id(label: str, key: str, index: EntityIndex) -> str:
        base = slug(label, key)
        candidate, number = base, 1
        while index.entity_exists(candidate):
            number += 1
            candidate = f"{base}-{number}"
        return candidate


def _unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        if name and name_key(name):
            seen.setdefault(name, None)
    return list(seen)


class MemoryIndex:
    """An in-memory `EntityIndex` (for tests and one-off resolution without a store)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[str, AliasRow]]] = {}  # entity_id -> [(label, row)]

    def add(self, label: str, entity_id: str, names: Iterable[str]) -> None:
        known = {row.name for _, row in self.rows.get(entity_id, [])}
        for name in names:
            key = name_key(name)
            if key and name not in known:
                self.rows.setdefault(entity_id, []).append((label, AliasRow(entity_id, name, key, len(key.split()))))

    def merge(self, source_id: str, target_id: str) -> None:
        for label, row in self.rows.pop(source_id, []):
            self.rows.setdefault(target_id, []).append((label, AliasRow(target_id, row.name, row.key, row.tokens)))

    def apply(self, label: str, resolution: Resolution) -> None:
        """Record a resolution the way the store does."""
        self.add(label, resolution.entity_id, [resolution.name, *resolution.aliases])
        for absorbed in resolution.absorbed:
            self.merge(absorbed, resolution.entity_id)

    def _select(self, label: str, keep: Any) -> list[AliasRow]:
        return [row for rows in self.rows.values() for lab, row in rows if lab == label and keep(row)]

    def aliases_by_key(self, label: str, key: str) -> list[AliasRow]:
        return self._select(label, lambda row: row.key == key)

    def aliases_by_last_key(self, label: str, last_key: str) -> list[AliasRow]:
        return self._select(label, lambda row: row.key.split()[-1] == last_key)

    def aliases_by_skeleton(self, label: str, last_skeleton: str) -> list[AliasRow]:
        return self._select(label, lambda row: skeleton(row.key.split()[-1]) == last_skeleton)

    def aliases_of(self, entity_id: str) -> list[AliasRow]:
        return [row for _, row in self.rows.get(entity_id, [])]

    def entity_exists(self, entity_id: str) -> bool:
        return entity_id in self.rows
