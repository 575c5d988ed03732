"""Date parameters: accepted forms, real calendar dates only (property-tested)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronik.web.params import blank_to_none, check_date


@pytest.mark.parametrize("value", ["2025", "2025-02", "2024-02-29", "1999-12-31"])
def test_check_date_accepts_iso_prefixes(value: str) -> None:
    assert check_date(value) == value


@pytest.mark.parametrize(
    "value", ["2025-13", "2025-02-30", "2023-02-29", "25-01-01", "2025/01/01", "gestern", "2025-1"]
)
def test_check_date_rejects_other_values(value: str) -> None:
    with pytest.raises(ValueError, match="date"):
        check_date(value)


def test_check_date_treats_empty_as_no_filter() -> None:
    assert check_date("") is None and check_date(None) is None


@given(st.dates())
def test_check_date_accepts_every_real_date(day: dt.date) -> None:
    text = day.strftime("%Y-%m-%d")
    if day.year >= 1000:
        assert check_date(text) == text


@given(st.text(max_size=12))
def test_check_date_returns_input_or_raises(text: str) -> None:
    try:
        result = check_date(text)
    except ValueError:
        return
    assert result == (text or None)
    if result is not None and len(result) == 10:
        assert dt.date.fromisoformat(result).isoformat() == result


@pytest.mark.parametrize(("value", "expected"), [(None, None), ("", None), ("  ", None), (" Wien ", "Wien")])
def test_blank_to_none_strips_form_fields(value: str | None, expected: str | None) -> None:
    assert blank_to_none(value) == expected
