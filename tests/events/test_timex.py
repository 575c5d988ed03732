"""Tests for chronik.events.timex: German time expressions and their resolution."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.events.timex import RULE_WORDS, RULES, Direction, find_time_expressions, iso_week, parse_anchor

SATURDAY = date(2025, 12, 6)


def _values(
    text: str, anchor: date | None = SATURDAY, direction: Direction = "unknown"
) -> list[tuple[str, str | None]]:
    found = find_time_expressions(text, anchor=anchor, direction_at=lambda _: direction)
    return [(t.text, t.value) for t in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("am 6. Dezember", [("6. Dezember", "2025-12-06")]),
        ("am 6.12.2025", [("6.12.2025", "2025-12-06")]),
        ("am 6.12.25", [("6.12.25", "2025-12-06")]),
        ("am 6. Dezember 2025", [("6. Dezember 2025", "2025-12-06")]),
        ("im Dezember 2025", [("Dezember 2025", "2025-12")]),
        ("im Jahr 2025", [("2025", "2025")]),
        ("2025-12-06", [("2025-12-06", "2025-12-06")]),
        ("am 3. Jänner", [("3. Jänner", "2026-01-03")]),
        ("gestern", [("gestern", "2025-12-05")]),
        ("heute", [("heute", "2025-12-06")]),
        ("morgen", [("morgen", "2025-12-07")]),
        ("vorgestern", [("vorgestern", "2025-12-04")]),
        ("letzte Woche", [("letzte Woche", "2025-W48")]),
        ("nächste Woche", [("nächste Woche", "2025-W50")]),
        ("in zwei Wochen", [("in zwei Wochen", "2025-W51")]),
        ("vor drei Tagen", [("vor drei Tagen", "2025-12-03")]),
        ("vor einem Jahr", [("vor einem Jahr", "2024")]),
        ("nächsten Monat", [("nächsten Monat", "2026-01")]),
        ("Anfang Dezember", [("Anfang Dezember", "2025-12")]),
        ("Ende Januar", [("Ende Januar", "2026-01")]),
        ("Ende 2025", [("Ende 2025", "2025")]),
        ("Ende Jahr", [("Ende Jahr", "2025")]),
        ("Mitte nächster Woche", [("Mitte nächster Woche", "2025-W50")]),
        ("am vergangenen Freitag", [("vergangenen Freitag", "2025-12-05")]),
        ("am kommenden Montag", [("kommenden Montag", "2025-12-08")]),
        ("im dritten Quartal 2025", [("dritten Quartal 2025", "2025-Q3")]),
        ("in der KW 49", [("KW 49", "2025-W49")]),
        ("am Montag, 8. Dezember", [("Montag, 8. Dezember", "2025-12-08")]),
    ],
)
def test_find_time_expressions_resolves_german_expressions(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [
        ("am Samstag", "future", "2025-12-06"),
        ("am Samstag", "past", "2025-12-06"),
        ("am Freitag", "past", "2025-12-05"),
        ("am Freitag", "future", "2025-12-12"),
        ("am Montag", "future", "2025-12-08"),
        ("am Montag", "unknown", "2025-12-01"),
        ("im Januar", "past", "2025-01"),
        ("im Januar", "future", "2026-01"),
        ("am 20. Dezember", "past", "2024-12-20"),
        ("am 20. Dezember", "unknown", "2025-12-20"),
    ],
)
def test_underspecified_dates_follow_the_sentence_direction(text: str, direction: Direction, value: str) -> None:
    assert _values(text, direction=direction)[0][1] == value


@pytest.mark.parametrize(
    "text",
    ["2000 Soldaten", "am Morgen", "August Bebel", "mehr als 1990 Menschen", "Version 1.2", "der Mai-Käfer war"],
)
def test_find_time_expressions_ignores_numbers_and_homonyms(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("direction", ["past", "future", "unknown"])
def test_impossible_day_month_dates_get_no_value(direction: Direction) -> None:
    assert all(value is None for _, value in _values("am 0.1. und am 31.2.", direction=direction))


def test_for_cue_points_forward_even_in_a_past_sentence() -> None:
    assert _values("Sie kündigten Proteste für Oktober an.", direction="past") == [("Oktober", "2026-10")]


def test_offset_in_a_past_sentence_is_a_duration_without_value() -> None:
    assert _values("das sechste Treffen in zwei Wochen", direction="past") == [("in zwei Wochen", None)]


def test_relative_expressions_without_anchor_have_no_value() -> None:
    assert _values("gestern und am 6.12.2025", anchor=None) == [("gestern", None), ("6.12.2025", "2025-12-06")]


def test_parse_anchor_accepts_iso_dates_only() -> None:
    assert parse_anchor("2025-12-06") == SATURDAY
    assert parse_anchor("2025-12-06T10:00:00") == SATURDAY
    assert parse_anchor("6.12.2025") is None
    assert parse_anchor("2025-13-01") is None
    assert parse_anchor(None) is None


def test_iso_week_formats_year_and_week() -> None:
    assert iso_week(SATURDAY) == "2025-W49"
    assert iso_week(date(2021, 1, 3)) == "2020-W53"


_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-Q[1-4])?$")
_WORDS = st.sampled_from(
    ["am", "Samstag", "6.", "Dezember", "2025", "gestern", "in", "zwei", "Wochen", "vor", "Tagen", "Ende",
     "Januar", "Jänner", "letzte", "Woche", "31.", "02.", "29.2.", "Morgen", "KW", "99", "Quartal", "dritten",
     "1999", "-", ".", ",", "nächsten", "Monat", "Anfang", "Mitte", "Jahr", "heute", "0.0.", "32.13.2025"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.one_of(_WORDS, st.text(max_size=6)), max_size=12),
    anchor=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))),
    direction=st.sampled_from(["past", "future", "unknown"]),
)
def test_find_time_expressions_never_raises_and_spans_are_valid(
    words: list[str], anchor: date | None, direction: Direction
) -> None:
    text = " ".join(words)
    found = find_time_expressions(text, anchor=anchor, direction_at=lambda _: direction)
    last_end = -1
    for expression in found:
        assert 0 <= expression.start < expression.end <= len(text)
        assert text[expression.start : expression.end] == expression.text
        assert expression.start >= last_end
        last_end = expression.end
        assert expression.value is None or _VALUE.match(expression.value), expression


@pytest.mark.parametrize("name", sorted(RULE_WORDS))
def test_every_match_of_a_rule_contains_one_of_its_words(name: str) -> None:
    pattern = next(pattern for rule, pattern, _ in RULES if rule == name)
    words = RULE_WORDS[name]

    @settings(max_examples=300, deadline=None)
    @given(st.from_regex(pattern))
    def check(text: str) -> None:
        for match in pattern.finditer(text):
            folded = match.group().casefold()
            # "İ" folds to two characters; no German word in a rule has it
            assert "\u0130" in match.group() or any(word in folded for word in words), match.group()

    check()


@pytest.mark.parametrize(
    "text",
    [
        "Am 3. März 2024, einem Sonntag, und Anfang April sowie im zweiten Quartal; vor zwei Wochen, heute.",
        "Die Zahlen vom 12.03.2023 und die KW 14 bestätigen es, sagte sie am kommenden Wochenende.",
        "Seit 2019 steigen die Preise; nächste Woche entscheidet der Rat, in drei Monaten das Volk.",
        "Kein Datum in diesem Satz.",
    ],
)
def test_skipping_rules_without_their_words_finds_the_same(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    from chronik.events import timex

    anchor = date(2024, 3, 10)
    skipping = [(t.start, t.end, t.value) for t in find_time_expressions(text, anchor=anchor)]
    monkeypatch.setattr(timex, "RULE_WORDS", {})
    assert [(t.start, t.end, t.value) for t in find_time_expressions(text, anchor=anchor)] == skipping
