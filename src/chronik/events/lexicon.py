"""The event stage's data files: PLOVER types, trigger patterns, sector nouns, modality cues.

Bundled files live in `chronik/data/events/`; users extend the trigger list with their own TSV
files of the same columns (`stems, match, type, mode, particle, requires, excludes`).
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronik.errors import ChronikError
from chronik.yaml_data import load_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"
MATCH_KINDS = ("prefix", "suffix", "exact")
_MEMO_SIZE = 100_000


def fold_word(word: str) -> str:
    """Lower-case with Swiss "ss" for "ß", the form all event lexicons are written in."""
    return word.lower().replace("ß", "ss")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger pattern: which words evoke which event type."""

    stems: tuple[str, ...]
    match: str
    type: str
    mode: str | None = None
    particle: str | None = None
    requires: re.Pattern[str] | None = None
    excludes: re.Pattern[str] | None = None

    def matches(self, word: str) -> bool:
        if self.match == "exact":
            return word in self.stems
        if self.match == "suffix":
            return any(word.endswith(stem) for stem in self.stems)
        return any(word.startswith(stem) for stem in self.stems)


@dataclass(frozen=True)
class EventLexicon:
    """Everything the event stage looks up, loaded once per process."""

    types: dict[str, dict[str, Any]]
    triggers: tuple[Trigger, ...]
    sectors: dict[str, str]
    cues: dict[str, frozenset[str]]
    cue_prefixes: dict[str, tuple[str, ...]]
    negation_window: int = 5
    _exact: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _prefixes: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _suffixes: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _memo: dict[str, tuple[Trigger, ...]] = field(default_factory=dict, repr=False)
    _sector_memo: dict[str, str | None] = field(default_factory=dict, repr=False)
    _sector_stems: tuple[str, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        for index, trigger in enumerate(self.triggers):
            table = {"exact": self._exact, "prefix": self._prefixes, "suffix": self._suffixes}[trigger.match]
            for stem in trigger.stems:
                table.setdefault(stem, []).append(index)
        stems = tuple(stem for stem in sorted(self.sectors, key=len, reverse=True) if len(stem) >= 5)
        object.__setattr__(self, "_sector_stems", stems)  # frozen: set once, longest stems first

    def candidate_triggers(self, word: str) -> Iterable[Trigger]:
        """Triggers that may fire on `word` (folded), in file order (memoised per word).

        Stems are indexed by match kind, so a word costs one look-up per prefix and suffix
        of it instead of a test against every trigger.
        """
        triggers = self._memo.get(word)
        if triggers is None:
            found = set(self._exact.get(word, ()))
            for length in range(1, len(word) + 1):
                found.update(self._prefixes.get(word[:length], ()))
                found.update(self._suffixes.get(word[-length:], ()))
            triggers = tuple(self.triggers[i] for i in sorted(found))
            _bounded_put(self._memo, word, triggers)
        return triggers

    def cameo(self, event_type: str) -> str | None:
        entry = self.types.get(event_type) or {}
        code = entry.get("cameo")
        return str(code) if code is not None else None

    def has_cue(self, kind: str, word: str) -> bool:
        return word in self.cues.get(kind, frozenset()) or any(
            word.startswith(p) for p in self.cue_prefixes.get(kind, ())
        )

    def sector_of(self, word: str) -> str | None:
        """Sector of a role or group noun, matched on the whole word, then its head (suffix)."""
        if word in self._sector_memo:
            return self._sector_memo[word]
        folded = fold_word(word).rsplit("-", 1)[-1]
        sector = self.sectors.get(folded)
        if sector is None:
            stem = next((s for s in self._sector_stems if folded.endswith(s) or folded.startswith(s)), None)
            sector = self.sectors[stem] if stem is not None else None
        _bounded_put(self._sector_memo, word, sector)
        return sector


def _bounded_put(memo: dict[str, Any], word: str, value: Any) -> None:
    """Remember `value` for `word`; past `_MEMO_SIZE` entries the oldest half goes (a pure memo)."""
    if len(memo) >= _MEMO_SIZE:
        for old in list(memo)[: _MEMO_SIZE // 2]:
            del memo[old]
    memo[word] = value


def _pattern(value: str | None, source: str) -> re.Pattern[str] | None:
    if not value:
        return None
    try:
        return re.compile(value)
    except re.error as exc:
        raise ChronikError("E040", source, f"invalid regex {value!r}: {exc}") from None


def _read_rows(text: str) -> list[dict[str, str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, restval="")
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def read_triggers(text: str, source: str, types: Iterable[str]) -> list[Trigger]:
    """Trigger rows from a TSV text; unknown types and match kinds are errors."""
    known = set(types)
    triggers = []
    for row in _read_rows(text):
        stems = tuple(fold_word(s) for s in row.get("stems", "").split("|") if s)
        match = row.get("match") or "prefix"
        if not stems or row.get("type") not in known or match not in MATCH_KINDS:
            raise ChronikError("E040", source, f"bad trigger row: {row}")
        triggers.append(
            Trigger(
                stems=stems,
                match=match,
                type=row["type"],
                mode=row.get("mode") or None,
                particle=fold_word(row["particle"]) if row.get("particle") else None,
                requires=_pattern(row.get("requires"), source),
                excludes=_pattern(row.get("excludes"), source),
            )
        )
    return triggers


def _cues(raw: dict[str, Any]) -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    words: dict[str, frozenset[str]] = {}
    prefixes: dict[str, tuple[str, ...]] = {}
    for kind, values in raw.items():
        if not isinstance(values, list):
            continue
        folded = [fold_word(str(v)) for v in values]
        words[kind] = frozenset(v for v in folded if not v.endswith("*"))
        prefixes[kind] = tuple(v[:-1] for v in folded if v.endswith("*"))
    return words, prefixes


@functools.lru_cache(maxsize=4)
def _load(extra: tuple[Path, ...]) -> EventLexicon:
    types = load_yaml((DATA_DIR / "plover.yaml").read_text(encoding="utf-8"))
    triggers = read_triggers((DATA_DIR / "triggers.tsv").read_text(encoding="utf-8"), "triggers.tsv", types)
    for path in extra:
        if not path.is_file():
            raise ChronikError("E001", str(path), "trigger file not found")
        triggers.extend(read_triggers(path.read_text(encoding="utf-8"), str(path), types))
    sectors = {fold_word(r["stem"]): r["sector"] for r in _read_rows((DATA_DIR / "sectors.tsv").read_text("utf-8"))}
    modality = load_yaml((DATA_DIR / "modality.yaml").read_text(encoding="utf-8"))
    words, prefixes = _cues(modality)
    return EventLexicon(
        types=types,
        triggers=tuple(triggers),
        sectors=sectors,
        cues=words,
        cue_prefixes=prefixes,
        negation_window=int(modality.get("negation_window", 5)),
    )


def load_event_lexicon(extra_triggers: Sequence[Path] = ()) -> EventLexicon:
    """The bundled event lexicon plus users' trigger files, loaded once per process."""
    return _load(tuple(Path(p).resolve() for p in extra_triggers))
