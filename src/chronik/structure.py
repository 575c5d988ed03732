"""Paragraphs and their kinds, shared by all readers.

Paragraphs are runs of non-blank lines; their spans are exact offsets into the text
(whitespace around a paragraph is left out). Each gets a kind: `title`, `dateline`,
`lead`, `byline`, `subhead` or `body`. The plain news format starts with a header line
` date YYYY-MM-DD <lead>`, which becomes a `dateline` and a `lead` paragraph.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from chronik.errors import ChronikError
from chronik.model import Author, Paragraph, ParagraphKind

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")  # a line with its line end: LF, CRLF or CR (the last match is empty)
_NEWS_HEADER = re.compile(r"date[ \t]+(\d{4}-\d{2}-\d{2})\b\s*")
_MONTHS = {
    "januar": 1, "jänner": 1, "jaenner": 1, "februar": 2, "feber": 2, "märz": 3, "maerz": 3, "april": 4,
    "mai": 5, "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}  # fmt: skip
_WORD_DATE = re.compile(r"\b(\d{1,2})\.\s*(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
# Around the date a dateline holds at most a place or weekday and a comma before, a time after.
_DATELINE_REST = re.compile(r"(?:[^\W\d][\w./ -]{0,40},\s*){0,2}\|(?:,?\s*\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s*")
_SIGNOFF = re.compile(
    r"\((?P<names>[^()\n]{0,160}?)\s*[,;–-]?\s*(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>\d{4})\)\s*$"
)
_SIGNOFF_SEPARATOR = re.compile(r"\s*[,;&]\s*|\s+und\s+")
_CREDIT_LABEL = re.compile(r"(\w+):\s*")  # "Text: …", "Video: …", "Fotos: …"
_PLACE_SUFFIX = re.compile(r"\s+aus\s+\S.*$")  # "Anna Muster aus Brüssel"
_AGENCY_CODE = re.compile(r"[^\W\d_][\w./]{0,15}")
_INITIAL = re.compile(r"[A-ZÄÖÜ]\.")
_SENTENCE_END = ".:;,"
_CLOSING_QUOTES = "«»\"“”„'’‹›"
_NAME_PARTICLES = frozenset({"von", "van", "de", "der", "den", "di", "da", "du", "zu", "la", "le", "ten", "ter"})
_BYLINE_PREFIX = re.compile(r"^(?:Von|Text(?: und Fotos?)?:|Von unserer?m?|By)\s+", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s+(?:und|&|and)\s+|,\s+")
_MIN_YEAR = 1800
_MAX_SUBHEAD_WORDS = 12
_MAX_SUBHEAD_CHARS = 110
_MAX_TITLE_CHARS = 200
_MAX_BYLINE_WORDS = 12
_BYLINE_WINDOW = 5  # bylines are looked for among the first paragraphs only


@dataclass(slots=True)
class Structure:
    """What the layout of a text tells: paragraphs with kinds, authors, date, title, lead."""

    paragraphs: list[Paragraph]
    authors: list[Author] = field(default_factory=list)
    date: str | None = None
    title: str | None = None
    lead: str | None = None
    warnings: list[str] = field(default_factory=list)
    roles: RoleLexicon | None = None  # the role words bylines are read with


@dataclass(frozen=True, slots=True)
class RoleLexicon:
    words: frozenset[str]
    modifiers: frozenset[str]

    def starts_role(self, tokens: list[str], index: int) -> bool:
        token = tokens[index].rstrip(",")
        if token in self.words:
            return True
        following = tokens[index + 1].rstrip(",") if index + 1 < len(tokens) else ""
        return token in self.modifiers and following in self.words


@lru_cache(maxsize=8)
def load_roles(extra_files: tuple[str, ...] = ()) -> RoleLexicon:
    """The bundled journalist role words (data/structure/roles.txt) plus users' files (same format)."""
    bundled = resources.files("chronik").joinpath("data/structure/roles.txt").read_text(encoding="utf-8")
    texts = [bundled, *(_read_role_file(path) for path in extra_files)]
    lines = [line.strip() for text in texts for line in text.splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("#")]
    modifiers = frozenset(line[1:] for line in lines if line.startswith("~"))
    return RoleLexicon(frozenset(line for line in lines if not line.startswith("~")), modifiers)


def _read_role_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChronikError("E040", path, f"cannot read role words: {exc}") from None


def split_paragraphs(text: str, *, offset: int = 0) -> list[Paragraph]:
    """Runs of non-blank lines as `body` paragraphs with exact, whitespace-trimmed spans."""
    paragraphs: list[Paragraph] = []
    start: int | None = None
    end = 0
    for line in _LINE.finditer(text):
        if line.group().strip():
            start = line.start() if start is None else start
            end = line.end()
        elif start is not None:
            paragraphs.append(_trimmed(text, start, end, offset))
            start = None
    if start is not None:
        paragraphs.append(_trimmed(text, start, end, offset))
    return paragraphs


def _trimmed(text: str, start: int, end: int, offset: int) -> Paragraph:
    chunk = text[start:end]
    lead_space = len(chunk) - len(chunk.lstrip())
    tail_space = len(chunk) - len(chunk.rstrip())
    begin, finish = start + lead_space, end - tail_space
    return Paragraph(begin + offset, finish + offset, text[begin:finish])


def analyze_structure(
    text: str, *, title: str | None = None, lead: str | None = None, roles: RoleLexicon | None = None
) -> Structure:
    """Split `text` into paragraphs and classify them.

    `title` and `lead` are known metadata (from HTML, feeds, JSON) with whitespace
    normalised; a first paragraph equal to the title becomes the `title` paragraph, one
    equal to the lead the `lead` paragraph. `roles` defaults to the bundled role words.
    """
    paragraphs = split_paragraphs(text)
    structure = Structure(paragraphs=[], title=title, lead=lead, roles=roles or load_roles())
    remaining = _read_news_header(text, paragraphs, structure)
    if not structure.paragraphs:
        remaining = _read_title(paragraphs, structure)
    remaining = _read_front_matter(text, remaining, structure)
    _classify_body(remaining, structure)
    if paragraphs:
        _read_signoff(text, paragraphs[-1], structure)
    return structure


def _read_news_header(text: str, paragraphs: list[Paragraph], structure: Structure) -> list[Paragraph]:
    """` date 2025-12-06 <lead>`: a dateline and (if any text follows) the lead."""
    if not paragraphs:
        return paragraphs
    first = paragraphs[0]
    match = _NEWS_HEADER.match(first.text)
    if match is None:
        return paragraphs
    date_end = first.start + match.end(1)
    structure.paragraphs.append(Paragraph(first.start, date_end, text[first.start : date_end], "dateline"))
    if _valid_iso(match.group(1)):
        structure.date = match.group(1)
    else:
        structure.warnings.append(f"[E016] news header: implausible date {match.group(1)!r}")
    lead_start = first.start + match.end()
    if lead_start < first.end:
        structure.paragraphs.append(Paragraph(lead_start, first.end, text[lead_start : first.end], "lead"))
        structure.lead = structure.lead or text[lead_start : first.end]
    return paragraphs[1:]


def _valid_iso(value: str) -> bool:
    try:
        return dt.date.fromisoformat(value).year >= _MIN_YEAR
    except ValueError:
        return False


def _read_title(paragraphs: list[Paragraph], structure: Structure) -> list[Paragraph]:
    if len(paragraphs) < 2:
        return paragraphs
    first = paragraphs[0]
    known = structure.title is not None and " ".join(first.text.split()) == structure.title
    heading = _looks_like_heading(first.text, max_chars=_MAX_TITLE_CHARS) and not _is_front_matter(first, structure)
    if known or (structure.title is None and heading):
        first.kind = "title"
        structure.paragraphs.append(first)
        structure.title = first.text
        return paragraphs[1:]
    return paragraphs


def _read_front_matter(text: str, paragraphs: list[Paragraph], structure: Structure) -> list[Paragraph]:
    """Datelines and bylines among the first paragraphs; everything else stays in order."""
    remaining: list[Paragraph] = []
    for index, paragraph in enumerate(paragraphs):
        kind = _front_kind(paragraph, structure) if index < _BYLINE_WINDOW else None
        if kind == "byline":
            structure.authors.extend(parse_byline(text, paragraph, roles=structure.roles))
        if kind is None:
            remaining.append(paragraph)
        else:
            paragraph.kind = kind
            structure.paragraphs.append(paragraph)
    structure.paragraphs.sort(key=lambda p: p.start)
    return remaining


def _front_kind(paragraph: Paragraph, structure: Structure) -> ParagraphKind | None:
    """`byline` or `dateline` for such paragraphs (the date goes to `structure`), else None."""
    if is_byline(paragraph.text, roles=structure.roles):
        return "byline"
    date = dateline_date(paragraph.text)
    if date is None:
        return None
    structure.date = structure.date or date
    return "dateline"


def _is_front_matter(paragraph: Paragraph, structure: Structure) -> bool:
    return is_byline(paragraph.text, roles=structure.roles) or dateline_date(paragraph.text) is not None


def _classify_body(paragraphs: list[Paragraph], structure: Structure) -> None:
    has_lead = any(p.kind == "lead" for p in structure.paragraphs)
    for index, paragraph in enumerate(paragraphs):
        is_last = index == len(paragraphs) - 1
        if not has_lead and _is_lead(paragraph, index, paragraphs, structure):
            paragraph.kind = "lead"
            structure.lead = paragraph.text
            has_lead = True
        elif index > 0 and not is_last and _looks_like_heading(paragraph.text, max_chars=_MAX_SUBHEAD_CHARS):
            paragraph.kind = "subhead"
        structure.paragraphs.append(paragraph)
    structure.paragraphs.sort(key=lambda p: p.start)


def _is_lead(paragraph: Paragraph, index: int, paragraphs: list[Paragraph], structure: Structure) -> bool:
    if structure.lead is not None:
        return " ".join(paragraph.text.split()) == structure.lead
    # Without metadata, the first prose paragraph under a title leads a multi-paragraph article.
    return index == 0 and structure.title is not None and len(paragraphs) >= 3


def _looks_like_heading(text: str, *, max_chars: int) -> bool:
    """Short, one line, no sentence-final punctuation, starts with a capital or digit."""
    if "\n" in text or len(text) > max_chars or len(text.split()) > _MAX_SUBHEAD_WORDS * 2:
        return False
    if max_chars == _MAX_SUBHEAD_CHARS and len(text.split()) > _MAX_SUBHEAD_WORDS:
        return False
    stripped = text.rstrip(_CLOSING_QUOTES)
    if not stripped or stripped[-1] in _SENTENCE_END or text[-1] in _CLOSING_QUOTES:
        return False
    return text[0].isupper() or text[0].isdigit()


def is_byline(text: str, *, roles: RoleLexicon | None = None) -> bool:
    """A short one-line paragraph naming authors: "Von Anna Muster" or "Anna Muster Redaktorin"."""
    if "\n" in text or len(text.split()) > _MAX_BYLINE_WORDS or text.rstrip()[-1] in ".;:!?":
        return False
    if _BYLINE_PREFIX.match(text):
        return _name_length(_BYLINE_PREFIX.sub("", text, count=1).split(), roles) >= 2
    tokens = text.split()
    name_length = _name_length(tokens, roles)
    return 2 <= name_length < len(tokens) and (roles or load_roles()).starts_role(tokens, name_length)


def _name_length(tokens: list[str], roles: RoleLexicon | None) -> int:
    """How many leading tokens form a personal name (capitalised words and particles)."""
    roles = roles or load_roles()
    count = 0
    for index, token in enumerate(tokens):
        word = token.rstrip(",")
        if roles.starts_role(tokens, index) or not _is_name_word(word, first=index == 0):
            break
        count += 1
        if token.endswith(","):
            break
    return count


def _is_name_word(word: str, *, first: bool) -> bool:
    if word.lower() in _NAME_PARTICLES and not first:
        return True
    return len(word) > 1 and word[0].isupper() and not word.isupper() and word.replace("-", "").isalpha()


def parse_byline(text: str, paragraph: Paragraph, *, roles: RoleLexicon | None = None) -> list[Author]:
    """Authors (name, role, name offsets) of a byline paragraph."""
    body = paragraph.text
    prefix = _BYLINE_PREFIX.match(body)
    skip = prefix.end() if prefix else 0
    tokens = body[skip:].split()
    roles = roles or load_roles()
    name_length = _name_length(tokens, roles)
    role_tokens = tokens[name_length:] if name_length < len(tokens) else []
    role = " ".join(role_tokens) if role_tokens and roles.starts_role(tokens, name_length) else None
    names_part = " ".join(tokens[:name_length]).rstrip(",") if role else body[skip:]
    authors = []
    for name in (part.strip() for part in _AUTHOR_SPLIT.split(names_part)):
        if len(name.split()) < 2:
            continue  # a place ("Anna Muster, Bern") or a lone word is not a name
        start = text.find(name, paragraph.start, paragraph.end)
        authors.append(Author(name, role, start if start >= 0 else None, start + len(name) if start >= 0 else None))
    return authors


def _read_signoff(text: str, last: Paragraph, structure: Structure) -> None:
    """Austrian papers sign off with "(Anna Muster aus Wien, APA, 5.12.2025)": authors and date."""
    match = _SIGNOFF.search(last.text)
    names = _signoff_names(match.group("names")) if match else None
    if match is None or names is None:
        return  # "(Urteil vom 3.2.2016)" is a citation, not a sign-off
    day, month, year = (int(match.group(name)) for name in ("day", "month", "year"))
    if structure.date is None and _valid_iso(f"{year:04d}-{month:02d}-{day:02d}"):
        structure.date = f"{year:04d}-{month:02d}-{day:02d}"
    if not structure.authors:
        offset = last.start + match.start("names")
        structure.authors.extend(Author(name, None, offset + at, offset + at + len(name)) for name, at in names)


def _signoff_names(names: str) -> list[tuple[str, int]] | None:
    """Author names (with offsets) of a sign-off's credit list; None if it is not one."""
    found: list[tuple[str, int]] = []
    credit = "text"  # "Video: A & B" credits both A and B for the video, not the text
    for at, part in _segments(names):
        label = _CREDIT_LABEL.match(part)
        if label:
            credit, at, part = label.group(1).lower(), at + label.end(), part[label.end() :]
        body = _PLACE_SUFFIX.sub("", part)
        if _is_signoff_name(body):
            if credit == "text":
                found.append((body, at))
        elif not _is_agency_code(body):
            return None
    return found


def _segments(names: str) -> list[tuple[int, str]]:
    """Non-empty, stripped pieces between separators (`,` `;` `&` `und`), with their offsets."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for separator in [*_SIGNOFF_SEPARATOR.finditer(names), None]:
        end = separator.start() if separator else len(names)
        chunk = names[start:end]
        if chunk.strip():
            pieces.append((start + len(chunk) - len(chunk.lstrip()), chunk.strip()))
        start = separator.end() if separator else end
    return pieces


def _is_signoff_name(part: str) -> bool:
    words = part.split()
    return len(words) >= 2 and all(
        _is_name_word(word, first=index == 0) or _INITIAL.fullmatch(word) for index, word in enumerate(words)
    )


def _is_agency_code(part: str) -> bool:
    """ "APA", "red", "APA/dpa", "DER STANDARD": a short code or an all-capitals name."""
    words = part.split()
    return (len(words) == 1 and bool(_AGENCY_CODE.fullmatch(words[0]))) or (
        len(words) <= 3 and all(word.isupper() for word in words)
    )


def dateline_date(text: str) -> str | None:
    """ISO date of a short dateline paragraph ("Bern, 5. Dezember 2025"), else None."""
    if "\n" in text or len(text.split()) > 8:
        return None
    word_date = _WORD_DATE.search(text)
    match = word_date or _NUMERIC_DATE.search(text)
    if match is None or not _DATELINE_REST.fullmatch(text[: match.start()] + "|" + text[match.end() :]):
        return None
    if word_date is not None:
        day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
    else:
        day, month, year = (int(match.group(i)) for i in (1, 2, 3))
    if not (1 <= month <= 12 and 1 <= day <= 31 and year >= 1800):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
