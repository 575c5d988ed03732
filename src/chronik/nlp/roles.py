"""Role and title words ("Sondergesandter", "Generalstabschef") with their actor sector.

The lexicon (`chronik/data/nlp/roles.tsv`) lists masculine nominatives; inflected,
feminine and compound forms are recognised by rule: "den US-Sondergesandten" → role
"US-Sondergesandter" with modifier "US-", "Kiews Chefunterhändlern" → "Chefunterhändler",
"Aussenministerin" → "Aussenministerin" (Swiss "ss" is folded to match "Außenminister").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from chronik.errors import ChronikError
from chronik.nlp import lexicon

SECTORS = frozenset({"GOV", "MIL", "DIP", "LEG", "JUD", "PTY", "BUS", "MED", "CIV", "IGO", "NGO"})
_NOUN_ENDINGS = (("", ""), ("s", ""), ("es", ""), ("n", ""), ("en", ""), ("in", "in"), ("innen", "in"))
_ADJECTIVAL_ENDINGS = ("e", "en", "er", "em")
_MIN_MODIFIER = 2


@dataclass(frozen=True, slots=True)
class RoleEntry:
    """One lexicon row."""

    name: str  # masculine nominative as listed ("Sondergesandter")
    sector: str
    adjectival: bool


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A word read as a role: "US-Sondergesandten" → role "US-Sondergesandter"."""

    role: str  # the word in its nominative form, modifier included
    entry: RoleEntry
    modifier: str  # what precedes the lexicon word inside the token ("US-", "Chef")


def fold(word: str) -> str:
    """Lower case and "ss" for "ß": the matching key of a word."""
    return lexicon.normalise_swiss(word.lower())


class RoleLexicon:
    """Inflected form → (entry, characters to drop, ending to add) for fast token lookup."""

    def __init__(self, entries: Iterable[RoleEntry]) -> None:
        self._forms: dict[str, tuple[RoleEntry, int, str]] = {}
        for entry in entries:
            self._add(entry)

    def _add(self, entry: RoleEntry) -> None:
        key = fold(entry.name)
        if entry.adjectival:
            stem = key[:-2]  # "sondergesandter" → "sondergesandt"
            for ending in _ADJECTIVAL_ENDINGS:
                self._forms.setdefault(stem + ending, (entry, len(ending), "er"))
            return
        for ending, keep in _NOUN_ENDINGS:
            self._forms.setdefault(key + ending, (entry, len(ending), keep))

    def match(self, word: str, *, feminine: bool = False) -> RoleMatch | None:
        """The role a capitalised word names, as a whole or as the head of a compound."""
        if len(word) < 3 or not word[0].isupper():
            return None
        for split in range(len(word)):
            if 0 < split < _MIN_MODIFIER:
                continue
            found = self._forms.get(fold(word[split:]))
            if found is not None:
                return self._to_match(word, split, found, feminine=feminine)
        return None

    @staticmethod
    def _to_match(word: str, split: int, found: tuple[RoleEntry, int, str], *, feminine: bool) -> RoleMatch:
        entry, drop, add = found
        if entry.adjectival and feminine and word.endswith("e"):
            add = "e"
        base = word[: len(word) - drop] if drop else word
        role = base + add if not (drop == 0 and add) else word
        modifier = word[:split]
        if split and not modifier.endswith("-"):
            role = modifier + role[split].lower() + role[split + 1 :] if split < len(role) else role
            role = role[0].upper() + role[1:]
        return RoleMatch(role, entry, modifier)


def _entry(name: str, sector: str, source: str) -> RoleEntry:
    if sector not in SECTORS:
        raise ChronikError("E040", source, f"unknown sector {sector!r} for role {name!r}")
    if name.endswith("(r)"):
        return RoleEntry(name[:-3] + "r", sector, adjectival=True)
    return RoleEntry(name, sector, adjectival=False)


@cache
def load_roles(extra: tuple[str, ...] = ()) -> RoleLexicon:
    """The bundled role lexicon plus users' TSV files (role <TAB> sector), once per process."""
    rows = lexicon.read_table("roles.tsv", columns=2, extra=[Path(p) for p in extra])
    return RoleLexicon(_entry(name, sector, "roles.tsv") for name, sector in rows)
