"""Property tests for the whole default pipeline: arbitrary text in, valid spans out.

No exception but `ChronikError` escapes, and every span of every layer satisfies
`text[start:end] == span.text` (a generic walker over the `Article`). The example count is
small for CI; CHRONIK_FUZZ_EXAMPLES raises it for a deeper local run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronik.errors import ChronikError
from chronik.model import Article
from chronik.pipeline import Pipeline
from chronik.readers import Rejection, read_bytes
from tests.robustness.spans import check_article_spans

PIECES = st.sampled_from(
    [
        "«", "»", "„", "“", "”", "‹", "›", '"', "'", ":", ",", ".", "...", "…", "!", "?", "(", ")", "–", "-",
        "\n", "\n\n", " ", "\t", "\u200b", "\u00ad", "\u202e", "🇩🇪", "👨‍👩‍👧", "\ufffd",
        "sagte", "sagte sie", "erklärte", "laut", "zufolge", "so", "habe", "sei", "wäre", "würde",
        "Merz", "Selenskyj", "Bundesrat", "Anna Muster", "der Kanzler", "Die Regierung", "Bern", "Wien",
        "Kiew", "USA", "EU", "UNO", "traf", "kritisierte", "lehnte ab", "vereinbarten", "drohte",
        "am 5. Dezember 2025", "2025-12-06", "gestern", "Montag", "1.", "12.3.", "(54)", "68-jährige",
        "Dr.", "z. B.", "usw.", " date 2025-12-06 ", "Von Max Muster", "Redaktor Nachtdienst",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.lists(st.one_of(PIECES, st.text(max_size=8)), min_size=1, max_size=60).map(" ".join),
    st.lists(PIECES, min_size=1, max_size=80).map("".join),
    st.text(max_size=300),
)
EXAMPLES = int(os.environ.get("CHRONIK_FUZZ_EXAMPLES", "40"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _analyse(pipeline: Pipeline, raw: bytes, fmt: str | None = None) -> list[Article]:
    from chronik.readers import ReaderOptions

    articles = []
    for result in read_bytes(raw, source="fuzz", options=ReaderOptions(format=fmt)):
        if isinstance(result, Rejection):
            continue
        try:
            articles.append(pipeline(result))
        except ChronikError:
            continue
    return articles


@SETTINGS
@given(TEXTS)
def test_pipeline_any_text_keeps_spans_valid(full_pipeline: Pipeline, text: str) -> None:
    for article in _analyse(full_pipeline, text.encode("utf-8", "surrogatepass"), "text"):
        assert article.stages == full_pipeline.names
        check_article_spans(article)


@SETTINGS
@given(st.binary(max_size=400))
def test_pipeline_any_bytes_never_raise(full_pipeline: Pipeline, raw: bytes) -> None:
    for article in _analyse(full_pipeline, raw):
        check_article_spans(article)
