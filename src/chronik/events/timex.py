"""German time expressions found by rules and resolved against an anchor (the article date).

`find_time_expressions(text, anchor=..., direction_at=...)` returns every expression with its
character span, an ISO value (`2025-12-06`, `2025-W49`, `2025-12`, `2025-Q4`, `2025`) and its
granularity. Underspecified expressions ("am Samstag", "im Januar", "6. Dezember") take the
direction of their sentence: a past-tense sentence looks back from the anchor, a present or
future one looks forward. Arithmetic uses dateutil's relativedelta.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta

Direction = Literal["past", "future", "unknown"]
Resolved = tuple[str, str, bool]  # value, granularity, relative

MONTHS = {
    "januar": 1, "jänner": 1, "jaenner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2,
    "märz": 3, "maerz": 3, "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6,
    "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}  # fmt: skip
WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
}  # fmt: skip
NUMBERS = {
    "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "vierzehn": 14, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "dreissig": 30, "hundert": 100,
}  # fmt: skip

_FULL_MONTH = (
    r"(?:Januar|Jänner|Jaenner|Februar|Feber|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
)
_SHORT_MONTH = r"(?:Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez)\."
_WEEKDAY = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
_DAYPART = r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht)?"
_YEAR = r"(?:19|20)\d\d"
_NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
_PAST_MOD = r"(?:letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?|zurückliegende[nmrs]?)"
_NEXT_MOD = r"(?:nächste[nmrs]?|naechste[nmrs]?|kommende[nmrs]?|folgende[nmrs]?)"
_THIS_MOD = r"(?:diese[nmrs]?|laufende[nmrs]?)"
_EDGE = r"(?:Anfang|Mitte|Ende)"
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:im|Jahre?s?|seit|bis|ab|von|nach|vor|um|Anfang|Mitte|Ende|Frühjahr|Sommer|Herbst|Winter|des|"
    r"zum|Jahreswechsel|Jahresende|Jahresbeginn|Wahljahr)|[(\[–-])\s*$"
)


@dataclass(frozen=True, slots=True)
class FoundTime:
    """A time expression in a text: span, ISO value (None when unresolvable) and granularity."""

    start: int
    end: int
    text: str
    value: str | None
    granularity: str | None
    relative: bool


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word.lower())


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _nearest_year(anchor: date, month: int, day: int, direction: Direction) -> int:
    """The year that puts month/day on the side of the anchor its sentence points to."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, min(day, 28 if month == 2 else day)))
        except ValueError:
            continue
    if not candidates:  # no such day in any year ("0.1."): the caller's date check refuses it
        return anchor.year
    if direction == "past":
        past = [c for c in candidates if c <= anchor]
        return max(past).year if past else anchor.year
    if direction == "future":
        future = [c for c in candidates if c >= anchor]
        return min(future).year if future else anchor.year
    return min(candidates, key=lambda c: abs((c - anchor).days)).year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- resolvers: (match, anchor, direction) -> (value, granularity, relative) | None ---------


def _resolve_iso(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return (day.isoformat(), "day", False) if day else None


def _resolve_numeric(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    day, month = int(match["d"]), int(match["m"])
    if match["y"]:
        year = int(match["y"])
        year = year + 2000 if year < 100 else year
        found = _safe_date(year, month, day)
        return (found.isoformat(), "day", False) if found else None
    if anchor is None or not (1 <= month <= 12):
        return None
    found = _safe_date(_nearest_year(anchor, month, day, direction), month, day)
    return (found.isoformat(), "day", True) if found else None


def _resolve_day_month(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    month = _month_number(match["month"])
    day = int(match["d"])
    if month is None:
        return None
    if match["y"]:
        found = _safe_date(int(match["y"]), month, day)
        return (found.isoformat(), "day", False) if found else None
    if anchor is None:
        return None
    found = _safe_date(_nearest_year(anchor, month, day, direction), month, day)
    return (found.isoformat(), "day", True) if found else None


def _resolve_month(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    month = _month_number(match["month"])
    if month is None:
        return None
    if match["y"]:
        return f"{int(match['y']):04d}-{month:02d}", "month", False
    if anchor is None:
        return None
    if month == anchor.month:
        return f"{anchor.year:04d}-{month:02d}", "month", True
    year = _nearest_year(anchor, month, 15, direction)
    return f"{year:04d}-{month:02d}", "month", True


def _resolve_year(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    return match["y"], "year", False


def _resolve_quarter(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    quarter = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "letzten": 4}.get(match["q"].lower())
    if quarter is None:
        quarter = int(match["q"][0]) if match["q"][0].isdigit() else None
    if quarter is None or not 1 <= quarter <= 4:
        return None
    year = int(match["y"]) if match["y"] else (anchor.year if anchor else None)
    return (f"{year}-Q{quarter}", "quarter", not match["y"]) if year else None


def _resolve_calendar_week(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    week = int(match["w"])
    year = int(match["y"]) if match["y"] else (anchor.year if anchor else None)
    if year is None or not 1 <= week <= 53:
        return None
    return f"{year}-W{week:02d}", "week", not match["y"]


_DAY_WORDS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2, "uebermorgen": 2}


def _resolve_day_word(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    if anchor is None:
        return None
    offset = _DAY_WORDS[match["w"].lower()]
    return (anchor + timedelta(days=offset)).isoformat(), "day", True


def _resolve_weekday(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    if anchor is None:
        return None
    weekday = WEEKDAYS[match["wd"].lower()]
    modifier = (match["mod"] or "").lower()
    ahead = (weekday - anchor.weekday()) % 7
    behind = (anchor.weekday() - weekday) % 7
    if re.fullmatch(_PAST_MOD, modifier):
        offset = -(behind or 7)
    elif re.fullmatch(_NEXT_MOD, modifier):
        offset = ahead or 7
    elif re.fullmatch(_THIS_MOD, modifier):
        offset = weekday - anchor.weekday()
    elif direction == "future":
        offset = ahead
    else:
        offset = -behind  # news mostly reports what happened: an unmarked weekday looks back
    return (anchor + timedelta(days=offset)).isoformat(), "day", True


def _shift(modifier: str) -> int:
    if re.fullmatch(_PAST_MOD, modifier, re.IGNORECASE):
        return -1
    if re.fullmatch(_NEXT_MOD, modifier, re.IGNORECASE):
        return 1
    return 0


def _unit_value(unit: str, anchor: date, shift: int) -> Resolved:
    unit = unit.lower()
    if unit.startswith("woche"):
        return iso_week(anchor + timedelta(weeks=shift)), "week", True
    if unit.startswith("monat"):
        moved = anchor + relativedelta(months=shift)
        return f"{moved.year:04d}-{moved.month:02d}", "month", True
    moved = anchor + relativedelta(years=shift)
    return f"{moved.year:04d}", "year", True


def _resolve_relative_unit(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    if anchor is None:
        return None
    return _unit_value(match["unit"], anchor, _shift(match["mod"]))


def _resolve_offset(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    amount = _number(match["n"])
    if anchor is None or amount is None or amount > 1000:
        return None
    sign = -1 if match["dir"].lower() == "vor" else 1
    if sign == 1 and direction == "past":
        return None  # "das sechste Treffen in zwei Wochen": a duration, not a point in time
    unit = match["unit"].lower()
    if unit.startswith("tag"):
        return (anchor + timedelta(days=sign * amount)).isoformat(), "day", True
    if unit.startswith("woche"):
        return iso_week(anchor + timedelta(weeks=sign * amount)), "week", True
    if unit.startswith("monat"):
        moved = anchor + relativedelta(months=sign * amount)
        return f"{moved.year:04d}-{moved.month:02d}", "month", True
    return f"{(anchor + relativedelta(years=sign * amount)).year:04d}", "year", True


def _resolve_edge(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    target = match["target"]
    month = _month_number(target.split()[0]) if target[0].isupper() and not target[0].isdigit() else None
    if month is not None:
        year_match = re.search(_YEAR, target)
        if year_match:
            return f"{year_match.group()}-{month:02d}", "month", False
        if anchor is None:
            return None
        return f"{_nearest_year(anchor, month, 15, direction):04d}-{month:02d}", "month", True
    year_match = re.fullmatch(_YEAR, target)
    if year_match:
        return target, "year", False
    if anchor is None:
        return None
    lowered = target.lower()
    unit = "woche" if "woche" in lowered else "monat" if "monat" in lowered else "jahr"
    modifier = next((w for w in lowered.split() if re.fullmatch(f"{_PAST_MOD}|{_NEXT_MOD}", w)), "")
    return _unit_value(unit, anchor, _shift(modifier))


def _resolve_weekend(match: re.Match[str], anchor: date | None, direction: Direction) -> Resolved | None:
    if anchor is None:
        return None
    shift = _shift(match["mod"] or "")
    saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
    if shift == 0 and direction == "past" and anchor.weekday() < 5:
        saturday -= timedelta(weeks=1)
    return iso_week(saturday + timedelta(weeks=max(shift, 0) if shift >= 0 else shift)), "week", True


Resolver = Callable[[re.Match[str], date | None, Direction], Resolved | None]

RULES: list[tuple[str, re.Pattern[str], Resolver]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), _resolve_iso),
    (
        "day_month",
        re.compile(
            rf"(?:\b{_WEEKDAY},?\s+(?:(?:den|dem)\s+)?)?\b(?P<d>[0-3]?\d)\.\s*(?P<month>{_FULL_MONTH}|{_SHORT_MONTH})"
            rf"(?:\s+(?P<y>{_YEAR})\b)?"
        ),
        _resolve_day_month,
    ),
    (
        "numeric",
        re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)?\d\d)?(?![\d.]\d)"),
        _resolve_numeric,
    ),
    (
        "edge",
        re.compile(
            rf"\b{_EDGE}\s+(?P<target>{_FULL_MONTH}(?:\s+{_YEAR})?\b|{_YEAR}\b|"
            rf"(?:des|der|dieses|diesen|dieser|{_NEXT_MOD}|{_PAST_MOD})\s+(?:Jahres|Jahrs|Monats|Woche)\b|"
            rf"(?:Jahr|Monat|Woche)\b)"
        ),
        _resolve_edge,
    ),
    ("month", re.compile(rf"\b(?P<month>{_FULL_MONTH})(?:\s+(?P<y>{_YEAR}))?\b"), _resolve_month),
    (
        "quarter",
        re.compile(rf"\b(?P<q>ersten|zweiten|dritten|vierten|letzten|[1-4]\.)\s+Quartal(?:s)?(?:\s+(?P<y>{_YEAR}))?\b"),
        _resolve_quarter,
    ),
    (
        "calendar_week",
        re.compile(rf"\b(?:KW|Kalenderwoche)\s*(?P<w>\d{{1,2}})(?:\s*/?\s*(?P<y>{_YEAR}))?\b"),
        _resolve_calendar_week,
    ),
    (
        "weekday",
        re.compile(
            rf"(?:\b(?P<mod>{_PAST_MOD}|{_NEXT_MOD}|{_THIS_MOD})\s+)?\b(?P<wd>{_WEEKDAY}){_DAYPART}\b",
            re.IGNORECASE,
        ),
        _resolve_weekday,
    ),
    (
        "day_word",
        re.compile(r"\b(?P<w>vorgestern|gestern|heute|übermorgen|uebermorgen|morgen)\b", re.IGNORECASE),
        _resolve_day_word,
    ),
    (
        "relative_unit",
        re.compile(
            rf"\b(?P<mod>{_PAST_MOD}|{_NEXT_MOD}|{_THIS_MOD})\s+(?P<unit>Woche|Monats?|Jahre?s?)\b",
            re.IGNORECASE,
        ),
        _resolve_relative_unit,
    ),
    (
        "offset",
        re.compile(
            rf"\b(?P<dir>vor|in|binnen|innerhalb\s+von)\s+(?P<n>{_NUMBER})\s+(?P<unit>Tage?n?|Wochen?|Monate?n?|Jahre?n?)\b",
            re.IGNORECASE,
        ),
        _resolve_offset,
    ),
    (
        "weekend",
        re.compile(rf"\b(?:(?P<mod>{_PAST_MOD}|{_NEXT_MOD}|{_THIS_MOD})\s+)?Wochenende\b", re.IGNORECASE),
        _resolve_weekend,
    ),
    ("year", re.compile(rf"(?<![\d.,-])\b(?P<y>{_YEAR})\b(?![.,]\d|-\d|\s*(?:%|Prozent))"), _resolve_year),
]

_MORNING_BLOCKERS = re.compile(
    r"(?:\b(?:am|heute|gestern|jeden|des|den|der|dem|guten|einen|diesen)\s+)$", re.IGNORECASE
)
_MONTH_CUES = re.compile(
    r"\b(?:im|seit|bis|ab|vom|zum|für|des|den|dem|diesen|diesem|dieses|vergangenen|letzten|kommenden|nächsten|"
    r"Monat|Monats|noch|per|Mitte|Anfang|Ende)\s+$",
    re.IGNORECASE,
)
_FORWARD_CUE = re.compile(r"\b(?:für|ab)\s+(?:den\s+|kommenden\s+)?$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:«»\"„“]\s*|\n\s*)$")


def _accepts(name: str, match: re.Match[str], text: str) -> bool:
    """Context checks that keep common words and counts from being read as dates."""
    before = text[max(0, match.start() - 30) : match.start()]
    if name == "day_word" and match["w"].lower() == "morgen":
        if match["w"][0] == "M" and not _SENTENCE_START.search(before):
            return False
        return not _MORNING_BLOCKERS.search(before)
    if name == "month" and not match["y"]:
        return bool(_MONTH_CUES.search(before))
    if name == "year":
        after = text[match.end() : match.end() + 2].lstrip()
        return bool(_YEAR_CONTEXT.search(before)) or not after or after[0] in '.,;:)!?»«"“”/'
    return True


# Words one of which (case-folded) is part of every match of a rule: a rule whose words are all
# absent from a text cannot match there and is not run (its regex scan is most of this
# module's time; tests/events/test_timex.py checks the words against generated matches).
# Rules without an entry (digits only) always run.
_MONTH_STEMS = (
    "jan",
    "jän",
    "jaen",
    "feb",
    "mär",
    "maerz",
    "mrz",
    "apr",
    "mai",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "nov",
    "dez",
)
RULE_WORDS: dict[str, tuple[str, ...]] = {
    "day_month": _MONTH_STEMS,
    "month": _MONTH_STEMS,
    "edge": ("anfang", "mitte", "ende"),
    "quarter": ("quartal",),
    "calendar_week": ("kw", "kalenderwoche"),
    "weekday": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag"),
    "day_word": ("gestern", "heute", "morgen"),
    "relative_unit": ("woche", "monat", "jahr"),
    "offset": ("tag", "woche", "monat", "jahr"),
    "weekend": ("wochenende",),
}  # fmt: skip


def _candidates(text: str) -> list[tuple[int, int, str, re.Match[str], Resolver]]:
    found = []
    folded = text.casefold()
    for name, pattern, resolver in RULES:
        words = RULE_WORDS.get(name)
        if words is not None and not any(word in folded for word in words):
            continue
        for match in pattern.finditer(text):
            if match.end() > match.start() and _accepts(name, match, text):
                found.append((match.start(), match.end(), name, match, resolver))
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    return found


def find_time_expressions(
    text: str,
    *,
    anchor: date | None,
    direction_at: Callable[[int], Direction] | None = None,
) -> list[FoundTime]:
    """All time expressions in `text`, left to right, without overlaps (longest wins)."""
    results: list[FoundTime] = []
    last_end = -1
    for start, end, _name, match, resolver in _candidates(text):
        if start < last_end:
            continue
        direction = direction_at(start) if direction_at else "unknown"
        if _FORWARD_CUE.search(text[max(0, start - 12) : start]):
            direction = "future"  # "kündigten Proteste für Oktober an": the plan looks ahead
        resolved = resolver(match, anchor, direction)
        value, granularity, relative = resolved if resolved else (None, None, False)
        results.append(FoundTime(start, end, text[start:end], value, granularity, relative))
        last_end = end
    return results


def parse_anchor(value: str | None) -> date | None:
    """The article date as a `date` (None when missing or not ISO)."""
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    return _safe_date(int(match[1]), int(match[2]), int(match[3])) if match else None
