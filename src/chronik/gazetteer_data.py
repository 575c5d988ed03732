"""Reading the gazetteer's data files (bundled TSV/YAML and users' own files).

Bundled files live in `chronik/data/gazetteer/`:
`countries.tsv`, `cities.tsv`, `regions.tsv`, `organisations.yaml`, `people.yaml`.
User files are YAML (a list of mappings) or TSV (a header row) with the columns
`name, label, kind, country, code, lat, lon, aliases, metonym, role` (aliases `|`-separated).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from chronik.errors import ChronikError
from chronik.yaml_data import load_yaml

DATA_DIR = Path(__file__).resolve().parent / "data" / "gazetteer"
_LABELS = {"LOC", "ORG", "PER", "MISC"}
_DEFAULT_LABEL = {"country": "LOC", "city": "LOC", "region": "LOC", "person": "PER"}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One named thing the gazetteer knows, with its actor code and coordinates."""

    name: str
    label: str  # LOC | ORG | PER
    kind: str  # country | city | region | government | institution | igo | party | company | media | person
    country: str | None = None  # ISO 3166 alpha-3 (None for IGOs and world regions)
    code: str | None = None  # actor code such as "USA/GOV"
    lat: float | None = None
    lon: float | None = None
    aliases: tuple[str, ...] = ()
    metonym: str | None = None  # actor code a place stands for as an agent ("Washington" → USA/GOV)
    role: str | None = None  # office of a person ("Präsident")
    capital: bool = False


@dataclass(frozen=True, slots=True)
class EntryRecord:
    """An entry plus the words that point to it without naming it (demonyms, prefixes)."""

    entry: GazetteerEntry
    adjectives: tuple[str, ...] = ()  # stems: "russisch" (inflected by rule)
    inhabitants: tuple[str, ...] = ()  # "Russe" → Russen, Russin, Russinnen by rule
    prefixes: tuple[str, ...] = ()  # compound prefixes: "US" in "US-Präsident"
    demonym_code: str = ""


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def _float(value: Any, source: str) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ChronikError("E040", source, f"not a number: {value!r}") from None


def inhabitant_forms(base: str) -> tuple[str, ...]:
    """Singular, plural and feminine forms of an inhabitant noun ("Russe" → Russen, Russin, …)."""
    if base.endswith("e"):
        return (base, base + "n", base[:-1] + "in", base[:-1] + "innen")
    if base.endswith("er"):
        return (base, base + "n", base + "in", base + "innen")
    return (base,)


def _entry(**values: Any) -> GazetteerEntry:
    return GazetteerEntry(**values)


def _read_tsv(text: str, source: str) -> Iterator[dict[str, str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        if not row.get("name"):
            raise ChronikError("E040", source, f"row without a name: {row}")
        yield {key: (value or "").strip() for key, value in row.items() if key}


def _country_records(text: str, source: str) -> Iterator[EntryRecord]:
    for row in _read_tsv(text, source):
        iso3 = row["iso3"]
        inhabitants = tuple(form for base in _split(row.get("inhabitants")) for form in inhabitant_forms(base))
        entry = _entry(
            name=row["name"],
            label="LOC",
            kind="country",
            country=iso3,
            lat=_float(row.get("lat"), source),
            lon=_float(row.get("lon"), source),
            aliases=(row["name_en"], *_split(row.get("aliases"))) if row.get("name_en") else _split(row.get("aliases")),
        )
        prefixes = (iso3, *_split(row.get("prefixes")))
        yield EntryRecord(entry, _split(row.get("adjectives")), inhabitants, prefixes, iso3)


def _city_records(text: str, source: str) -> Iterator[EntryRecord]:
    for row in _read_tsv(text, source):
        flags = set(_split(row.get("flags")))
        entry = _entry(
            name=row["name"],
            label="LOC",
            kind=row.get("kind") or "city",
            country=row.get("country") or None,
            lat=_float(row.get("lat"), source),
            lon=_float(row.get("lon"), source),
            aliases=_split(row.get("aliases")),
            metonym=row.get("metonym") or None,
            capital="capital" in flags,
        )
        country = row.get("country") or ""
        yield EntryRecord(entry, (), _split(row.get("adjectives")), (), country)


def _mapping_record(item: Mapping[str, Any], source: str) -> EntryRecord:
    if not isinstance(item, Mapping) or not item.get("name"):
        raise ChronikError("E040", source, f"entry needs a name: {item!r}")
    kind = str(item.get("kind") or "institution")
    label = str(item.get("label") or _DEFAULT_LABEL.get(kind, "ORG"))
    if label not in _LABELS:
        raise ChronikError("E040", source, f"unknown label {label!r} for {item['name']!r}")
    aliases = item.get("aliases") or ()
    aliases = _split(aliases) if isinstance(aliases, str) else tuple(str(a) for a in aliases)
    entry = _entry(
        name=str(item["name"]),
        label=label,
        kind=kind,
        country=item.get("country") or None,
        code=item.get("code") or None,
        lat=_float(item.get("lat"), source),
        lon=_float(item.get("lon"), source),
        aliases=aliases,
        metonym=item.get("metonym") or None,
        role=item.get("role") or None,
        capital=bool(item.get("capital", False)),
    )
    demonym_code = str(item.get("demonym") or item.get("country") or "")
    return EntryRecord(
        entry,
        tuple(item.get("adjectives") or ()),
        tuple(item.get("inhabitants") or ()),
        tuple(item.get("prefixes") or ()),
        demonym_code,
    )


def _yaml_records(text: str, source: str) -> Iterator[EntryRecord]:
    try:
        items = load_yaml(text) or []
    except yaml.YAMLError as exc:
        raise ChronikError("E040", source, f"invalid YAML: {exc}") from None
    if not isinstance(items, list):
        raise ChronikError("E040", source, "expected a list of entries")
    for item in items:
        yield _mapping_record(item, source)


def _tsv_records(text: str, source: str) -> Iterator[EntryRecord]:
    for row in _read_tsv(text, source):
        yield _mapping_record({k: v for k, v in row.items() if v}, source)


_BUNDLED = {
    "countries.tsv": _country_records,
    "cities.tsv": _city_records,
    "regions.tsv": _city_records,
    "organisations.yaml": _yaml_records,
    "people.yaml": _yaml_records,
}


def load_bundled_records() -> Iterator[EntryRecord]:
    """Records from the bundled data files, countries first."""
    for name, reader in _BUNDLED.items():
        yield from reader((DATA_DIR / name).read_text(encoding="utf-8"), name)


def load_user_records(path: Path) -> Iterator[EntryRecord]:
    """Records from a user's YAML or TSV file."""
    if not path.is_file():
        raise ChronikError("E001", str(path), "gazetteer file not found")
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        return _yaml_records(text, str(path))
    if path.suffix.lower() in (".tsv", ".txt"):
        return _tsv_records(text, str(path))
    raise ChronikError("E040", str(path), "gazetteer files must be .yaml, .yml or .tsv")
