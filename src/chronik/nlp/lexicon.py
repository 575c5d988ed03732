"""Loading the NLP word lists and tables in `chronik/data/nlp/` (plus user extensions).

Files are UTF-8 text: one entry per line, `#` starts a comment line, TSV columns are
separated by tabs. Users extend a bundled list by passing extra file paths; entries in
later files win.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from chronik.errors import ChronikError

_PACKAGE = "chronik"


def _bundled_text(name: str) -> str:
    return resources.files(_PACKAGE).joinpath("data").joinpath("nlp").joinpath(name).read_text(encoding="utf-8")


def _user_text(path: str | Path) -> str:
    file = Path(path)
    if not file.is_file():
        raise ChronikError("E040", str(file), "lexicon file not found")
    return file.read_text(encoding="utf-8")


def iter_lines(text: str) -> Iterator[str]:
    """Non-empty, non-comment lines of a lexicon text, right-stripped."""
    for line in text.splitlines():
        stripped = line.rstrip()
        if stripped and not stripped.lstrip().startswith("#"):
            yield stripped


def bundled_rows(folder: str, name: str) -> list[list[str]]:
    """The rows of bundled data file `chronik/data/<folder>/<name>`: its non-empty, non-comment
    lines split on tabs, every cell stripped."""
    text = resources.files(_PACKAGE).joinpath("data", folder, name).read_text(encoding="utf-8")
    return [[cell.strip() for cell in line.split("\t")] for line in iter_lines(text)]


def read_lines(name: str, *, extra: Iterable[str | Path] = ()) -> list[str]:
    """The lines of bundled list `name` followed by those of each extra user file."""
    lines = list(iter_lines(_bundled_text(name)))
    for path in extra:
        lines.extend(iter_lines(_user_text(path)))
    return lines


def read_table(name: str, *, columns: int, extra: Iterable[str | Path] = ()) -> list[tuple[str, ...]]:
    """Rows of a TSV lexicon with exactly `columns` tab-separated fields."""
    rows: list[tuple[str, ...]] = []
    sources: list[tuple[str, str]] = [(name, _bundled_text(name))]
    sources.extend((str(path), _user_text(path)) for path in extra)
    for source, text in sources:
        for number, line in enumerate(iter_lines(text), start=1):
            fields = tuple(field.strip() for field in line.split("\t"))
            if len(fields) != columns or not all(fields):
                raise ChronikError("E040", source, f"row {number} needs {columns} tab-separated fields: {line!r}")
            rows.append(fields)
    return rows


@cache
def bundled_set(name: str) -> frozenset[str]:
    """A bundled word list as a set (cached per process)."""
    return frozenset(read_lines(name))


def normalise_swiss(word: str) -> str:
    """Swiss spelling writes "ss" for "ß": map both to "ss" so one lexicon entry serves both."""
    return word.replace("ß", "ss")
