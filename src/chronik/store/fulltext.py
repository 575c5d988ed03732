"""German-aware text normalisation for full-text search, shared by both backends.

Both SQLite (FTS5) and PostgreSQL (tsvector, 'simple' config) index the *normalised*
text produced here, so a query finds the same articles on either backend:
lowercase, umlauts and accents folded (ä→a, ß→ss, é→e), then a light German suffix
stripper. "Gespräche" and "Gespräch" share the stem `gesprach`; Swiss "heisst" and
"heißt" both become `heisst`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")  # "_" splits words, as in the FTS5 tokenizer
_SPECIAL_FOLDS = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d"})
# Longest first; one suffix is removed per word (a light "minimal" stemmer).
_SUFFIXES = ("ern", "em", "en", "er", "es", "e", "s")
_S_ENDING_BEFORE = frozenset("bdfghklmnrt")
_MIN_STEM = 3
_MAX_QUERY_TERMS = 32


class _CharFolds(dict[int, str]):
    """Per-character fold table for `str.translate`, filled on first sight of a character.

    NFKD decomposes character by character (then only reorders combining marks), so
    decomposing each character and dropping its combining marks equals doing it to the
    whole string.
    """

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        folded = "".join(char for char in decomposed if not unicodedata.combining(char))
        self[code] = folded
        return folded


_CHAR_FOLDS = _CharFolds()


def fold(text: str) -> str:
    """Lowercase and strip diacritics: "Gespräche" -> "gesprache", "heißt" -> "heisst"."""
    lowered = text.lower()  # the whole text at once: lowercasing may depend on context (final sigma)
    if lowered.isascii():
        return lowered
    return lowered.translate(_SPECIAL_FOLDS).translate(_CHAR_FOLDS)


def fold_reference(text: str) -> str:
    """`fold` the slow, obvious way (kept to test the fast one against)."""
    lowered = text.lower().translate(_SPECIAL_FOLDS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Strip one German inflection suffix from an already folded word."""
    if word.isdigit():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            if suffix == "s" and word[-2] not in _S_ENDING_BEFORE:
                continue
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """The search terms of a text, in order (folded and stemmed)."""
    return [stem(word) for word in _WORD.findall(fold(text))]


def normalise(text: str) -> str:
    """The text as the index sees it: stems separated by single spaces."""
    return " ".join(terms(text))


def query_terms(query: str) -> list[str]:
    """Distinct search terms of a user query (safe to embed: letters and digits only)."""
    seen: dict[str, None] = {}
    for term in terms(query):
        seen.setdefault(term, None)
    return list(seen)[:_MAX_QUERY_TERMS]


@dataclass(slots=True, frozen=True)
class Snippet:
    text: str
    start: int  # offset of the snippet in the original text
    match_start: int | None  # offsets of the first matching word in the original text
    match_end: int | None


def snippet(text: str, query: str, *, width: int = 160) -> Snippet:
    """A window of the original text around the first word that matches the query."""
    wanted = set(query_terms(query))
    for match in _WORD.finditer(text):
        if stem(fold(match.group())) in wanted:
            start = max(0, match.start() - width // 3)
            end = min(len(text), start + width)
            return Snippet(text[start:end], start, match.start(), match.end())
    return Snippet(text[:width], 0, None, None)
