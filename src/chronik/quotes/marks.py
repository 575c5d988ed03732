"""Quotation-mark pairs in all German styles: «…» ‹…› „…“ ‚…‘ »…« "…" '…' and English “…”.

Guillemets point inwards in Germany and Austria (»…«) and outwards in Switzerland («…»);
the direction is read off the article itself. Straight and single marks are told apart
from apostrophes by what stands on either side. A quote left open at the end of a
paragraph continues when the next paragraph opens with the same mark (the German rule for
quotes that run over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LETTER = re.compile(r"\w")


@dataclass(slots=True)
class QuotedSpan:
    """A quoted passage: its segments (one per paragraph), marks included, and its depth."""

    segments: list[tuple[int, int]]
    family: str
    depth: int = 0
    children: list[QuotedSpan] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


@dataclass(slots=True)
class _Open:
    position: int
    family: str
    segments: list[tuple[int, int]] = field(default_factory=list)


def _guillemet_opener(text: str, outer: str, inner: str) -> tuple[str, str]:
    """(double opener, single opener) for this text: "«" and "‹" (Swiss) or "»" and "›" (German, Austrian)."""
    swiss = len(re.findall(r"(?:^|[\s(\[–—-])«", text)) + len(re.findall(r"»(?=$|[\s.,;:!?)–—-])", text))
    inward = len(re.findall(r"(?:^|[\s(\[–—-])»", text)) + len(re.findall(r"«(?=$|[\s.,;:!?)–—-])", text))
    return (outer, inner) if swiss >= inward else (inner, outer)


def _classify(text: str, index: int, openers: tuple[str, str], german_lows: bool) -> tuple[str, str] | None:
    """("open"|"close"|"either", family) for the mark at `index`, or None when it is no quotation mark."""
    char = text[index]
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if char in "«»":
        return ("open" if char == openers[0] else "close", "guillemet")
    if char in "‹›":
        return ("open" if char == openers[1] else "close", "single-guillemet")
    if char == "„":
        return ("open", "german")
    if char == "‚":
        return ("open", "german-single") if _LETTER.match(after) or after in '„«»"' else None
    if char == "“":
        return ("close", "german") if german_lows else ("open", "english")
    if char == "”":
        return ("close", "german") if german_lows else ("close", "english")
    if char in "‘’":
        return _single_close(before, after, "german-single")
    if char == '"':
        return _straight(before, after, "straight")
    if char == "'":
        return _straight(before, after, "straight-single")
    return None


def _single_close(before: str, after: str, family: str) -> tuple[str, str] | None:
    if _LETTER.match(before) and _LETTER.match(after):
        return None  # an apostrophe inside a word: "geht’s", "Ku’damm"
    return ("close", family) if not before.isspace() else None


def _straight(before: str, after: str, family: str) -> tuple[str, str] | None:
    if before.isspace() or before in "([{–—-/" or before == " ":
        return ("open", family) if not after.isspace() else None
    if family == "straight-single" and _LETTER.match(before) and _LETTER.match(after):
        return None
    return ("close", family)


_LOW_OPENED = frozenset({"german"})
# Families whose marks are never apostrophes or inch signs: a mark of theirs left open is a quote.
_UNAMBIGUOUS = frozenset({"german", "guillemet", "single-guillemet", "english"})
_MARKS = re.compile(r"[«»‹›„‚“”‘’\"']")


def find_quoted_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedSpan]:
    """All outermost quoted passages (with their inner quotes as children), in text order."""
    openers = _guillemet_opener(text, "«", "»")
    openers = (openers[0], "‹" if openers[0] == "«" else "›")
    german_lows = "„" in text or "‚" in text
    found: list[QuotedSpan] = []
    carried: _Open | None = None
    for start, end in paragraphs:
        stack: list[_Open] = []
        if carried is not None:
            first = _first_mark(text, start, end, openers, german_lows)
            if first is not None and first[1] == carried.family and first[2] == "open":
                carried.segments.append((carried.position, _trim_end(text, carried.position, start)))
                stack.append(_Open(first[0], carried.family, carried.segments))
                start = first[0] + 1
            else:
                _continue_or_close(text, (start, end), carried, stack, found, (openers, german_lows))
            carried = None
        for match in _MARKS.finditer(text, start, end):
            kind = _classify(text, match.start(), openers, german_lows)
            if kind is not None:
                _step(stack, found, match.start(), kind)
        carried = stack[0] if stack else None
    if carried is not None and carried.family in _UNAMBIGUOUS:
        found.append(_ended(text, carried, len(text)))
    found.sort(key=lambda span: span.start)
    return _nest(found)


def _continue_or_close(
    text: str,
    paragraph: tuple[int, int],
    carried: _Open,
    stack: list[_Open],
    found: list[QuotedSpan],
    style: tuple[tuple[str, str], bool],
) -> None:
    """A quote left open at the end of the previous paragraph whose next paragraph does not open it
    again: when that paragraph closes it before opening another, the quote runs on into it
    ("„… Sicht.¶Wir werden verhandeln.“"); otherwise it ends with its paragraph (a mark left open).
    Only marks that are never apostrophes count: „…“, «…», ‹…›, “…”."""
    if carried.family not in _UNAMBIGUOUS:
        return
    for match in _MARKS.finditer(text, *paragraph):
        kind = _classify(text, match.start(), *style)
        if kind is None or kind[1] != carried.family:
            continue
        if kind[0] == "close":
            carried.segments.append((carried.position, _trim_end(text, carried.position, paragraph[0])))
            stack.append(_Open(paragraph[0], carried.family, carried.segments))
            return
        break
    found.append(_ended(text, carried, paragraph[0]))


def _ended(text: str, carried: _Open, end: int) -> QuotedSpan:
    """A quote left open, ended at `end` (trailing space trimmed)."""
    return QuotedSpan([*carried.segments, (carried.position, _trim_end(text, carried.position, end))], carried.family)


def _first_mark(
    text: str, start: int, end: int, openers: tuple[str, str], german_lows: bool
) -> tuple[int, str, str] | None:
    stripped = len(text[start:end]) - len(text[start:end].lstrip())
    position = start + stripped
    if position >= end:
        return None
    kind = _classify(text, position, openers, german_lows)
    return None if kind is None else (position, kind[1], kind[0])


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _step(stack: list[_Open], found: list[QuotedSpan], position: int, kind: tuple[str, str]) -> None:
    direction, family = kind
    if direction == "close" or (direction == "either" and stack):
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth].family == family:
                opened = stack[depth]
                del stack[depth:]
                found.append(QuotedSpan([*opened.segments, (opened.position, position + 1)], family, depth))
                return
        if family == "straight" and direction == "close" and stack and stack[-1].family in _LOW_OPENED:
            opened = stack.pop()  # a typing slip: „…" closes the low opening mark with a straight one
            found.append(QuotedSpan([*opened.segments, (opened.position, position + 1)], opened.family, len(stack)))
            return
        if family.startswith("straight") and direction == "close":
            return
    if direction == "open":
        stack.append(_Open(position, family))


def _nest(spans: list[QuotedSpan]) -> list[QuotedSpan]:
    """Keep the outermost spans and hang the inner ones under them."""
    outer: list[QuotedSpan] = []
    for span in spans:
        if outer and span.start >= outer[-1].start and span.end <= outer[-1].end:
            outer[-1].children.append(span)
            continue
        outer.append(span)
    return outer
