"""Property tests: readers never raise anything but ChronikError, and spans always fit."""

from __future__ import annotations

import csv
import io
import itertools
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronik.errors import ChronikError
from chronik.model import Article
from chronik.readers import FORMATS, ReaderOptions, Rejection, read_bytes
from chronik.readers.plain import read_plain
from chronik.structure import analyze_structure

LINES = st.sampled_from(
    [
        "",
        " ",
        " date 2025-12-06 Vorspann.",
        " date 2025-12-06",
        "date 2025-02-30 Falsches Datum.",
        "Anna Beispiel Redaktorin",
        "Von Max Muster",
        "Bern, 5. Dezember 2025",
        "Zwischentitel ohne Punkt",
        "Ein ganzer Satz mit Punkt.",
        "«Zitat», sagte sie.",
        "Schluss. (Anna Muster aus Wien, Text: Eva M. Probst & Ida Beispiel, 3.2.2016)",
        "(APA/red – 8.8. 2015)",
        "\r",
        "\t\t",
        "\u2028",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(st.one_of(LINES, st.text(max_size=20)), max_size=12).map("\n".join))
# CHRONIK_FUZZ_EXAMPLES=3000 for a deeper run than CI's.
EXAMPLES = int(os.environ.get("CHRONIK_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_spans(article: Article) -> None:
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text.strip() == paragraph.text and paragraph.text
    starts = [p.start for p in article.paragraphs]
    assert starts == sorted(starts)
    for author in article.authors:
        if author.start is not None and author.end is not None:
            assert article.text[author.start : author.end] == author.name


@SETTINGS
@given(TEXTS)
def test_analyze_structure_spans_fit_any_text(text: str) -> None:
    structure = analyze_structure(text)
    for paragraph in structure.paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text
    covered = [(p.start, p.end) for p in structure.paragraphs]
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(covered))


@SETTINGS
@given(TEXTS)
def test_read_plain_any_text_gives_article_or_chronik_error(text: str) -> None:
    try:
        [article] = read_plain(io.BytesIO(text.encode("utf-8", "surrogatepass")), "t.txt", ReaderOptions())
    except ChronikError:
        return
    assert isinstance(article, Article)
    _check_spans(article)


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from([None, *FORMATS]))
def test_read_bytes_any_bytes_never_raise(raw: bytes, fmt: str | None) -> None:
    for result in read_bytes(raw, source="x", options=ReaderOptions(format=fmt)):
        assert isinstance(result, Article | Rejection)
        if isinstance(result, Article):
            _check_spans(result)


@SETTINGS
@given(TEXTS, st.sampled_from([None, *FORMATS]))
def test_read_bytes_any_text_never_raise(text: str, fmt: str | None) -> None:
    raw = text.encode("utf-8", "surrogatepass")
    for result in read_bytes(raw, source="x", options=ReaderOptions(format=fmt)):
        assert isinstance(result, Article | Rejection)
        if isinstance(result, Article):
            _check_spans(result)


@SETTINGS
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_read_jsonl_keeps_every_text_exactly(texts: list[str]) -> None:
    raw = "\n".join(json.dumps({"text": text}) for text in texts).encode("utf-8", "surrogatepass")
    results = list(read_bytes(raw, source="x.jsonl", options=ReaderOptions(format="jsonl")))
    assert len(results) == len(texts)
    for text, result in zip(texts, results, strict=True):
        if text.strip():
            assert isinstance(result, Article) and result.text == text
            _check_spans(result)
        else:
            assert isinstance(result, Rejection) and result.code == "E002"


@SETTINGS
@given(st.lists(TEXTS.filter(lambda text: bool(text.strip()) and "\x00" not in text), min_size=1, max_size=4))
def test_read_csv_keeps_every_text(texts: list[str]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "text"])
    writer.writerows([[str(number), text] for number, text in enumerate(texts)])
    raw = buffer.getvalue().encode("utf-8", "surrogatepass")
    results = list(read_bytes(raw, source="x.csv", options=ReaderOptions(format="csv")))
    articles = [result for result in results if isinstance(result, Article)]
    assert all(isinstance(result, Article | Rejection) for result in results)
    for article in articles:
        assert article.text == texts[int(article.id)]
        _check_spans(article)
