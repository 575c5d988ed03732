"""Query parameters shared by the REST API and the pages, validated once.

Invalid values become 422 responses with error code E050 and a message that names the
parameter; limits are capped so that no request can ask the store for unbounded work.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from fastapi import Query
from pydantic import AfterValidator

MAX_LIMIT = 200
MAX_OFFSET = 100_000
MAX_TEXT_PARAM = 200
MAX_NETWORK_LIMIT = 1000

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
ModalityParam = Literal["asserted", "negated", "planned", "hypothetical", "desired", "reported"]
GranularityParam = Literal["day", "week"]


def check_date(value: str | None) -> str | None:
    """Accept `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real date."""
    if value is None or value == "":
        return None
    if not _DATE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(part) for part in value.split("-")]
    try:
        dt.date(parts[0], *(parts[1:] or [1]), *([1] if len(parts) < 3 else []))
    except ValueError:
        raise ValueError(f"{value!r} is not a real calendar date") from None
    return value


def blank_to_none(value: str | None) -> str | None:
    """Empty form fields mean "no filter"."""
    return value.strip() or None if value is not None else None


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size (1–{MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="number of results to skip")]
TextFilter = Annotated[str | None, Query(max_length=MAX_TEXT_PARAM), AfterValidator(blank_to_none)]
DateFrom = Annotated[
    str | None,
    Query(alias="from", description="earliest date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    AfterValidator(check_date),
]
DateTo = Annotated[
    str | None,
    Query(alias="to", description="latest date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    AfterValidator(check_date),
]


def _filter(description: str) -> object:
    return Query(max_length=MAX_TEXT_PARAM, description=description)


Speaker = Annotated[str | None, _filter("speaker: a name, alias, surname or entity id"), AfterValidator(blank_to_none)]
QuoteText = Annotated[str | None, _filter("words in the quotation (full-text)"), AfterValidator(blank_to_none)]
EventType = Annotated[str | None, _filter("PLOVER event type, e.g. MEET, AGREE, REJECT"), AfterValidator(blank_to_none)]
Actor = Annotated[str | None, _filter("actor: name, entity id or actor code (AUT/GOV)"), AfterValidator(blank_to_none)]
Target = Annotated[str | None, _filter("target: name, entity id or actor code"), AfterValidator(blank_to_none)]
PlaceFilter = Annotated[str | None, _filter("place name or ISO 3166 alpha-3 country"), AfterValidator(blank_to_none)]
EntityName = Annotated[str | None, _filter("name prefix or alias"), AfterValidator(blank_to_none)]
EntityFilter = Annotated[
    str | None, _filter("only events involving this entity (name or id)"), AfterValidator(blank_to_none)
]
