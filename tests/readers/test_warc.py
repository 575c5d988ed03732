"""WARC archives (chronik/readers/warc.py), built in the test with warcio."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from chronik.model import Article
from chronik.readers import ReaderOptions, Rejection, read_bytes

PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{body} Die Behörden bestätigten die Angaben am Abend gegenüber der Zeitung.</p>"
    "<p>Weitere Einzelheiten sollen am Montag bei einer Pressekonferenz folgen.</p></article></body></html>"
)


def _warc(*, gzip: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    pages = [
        ("https://a.example/1", "Kiel eröffnet Terminal", "Der Hafen Kiel hat ein neues Terminal."),
        ("https://a.example/2", "Ulm baut Radweg", "In Ulm entsteht ein neuer Radweg an der Donau."),
    ]
    for url, title, body in pages:
        payload = PAGE.format(title=title, body=body).encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        )
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://a.example/x.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=image
        )
    )
    return buffer.getvalue()


def _read(raw: bytes) -> list[Article | Rejection]:
    return list(read_bytes(raw, source="crawl.warc.gz", options=ReaderOptions()))


def test_read_warc_html_responses_become_articles() -> None:
    for compressed in (True, False):
        results = _read(_warc(gzip=compressed))
        assert all(isinstance(r, Article) for r in results), results
        articles = [r for r in results if isinstance(r, Article)]
        assert [a.url for a in articles] == ["https://a.example/1", "https://a.example/2"]
        assert articles[0].title == "Kiel eröffnet Terminal"
        assert articles[1].text.startswith("Ulm baut Radweg\n\nIn Ulm entsteht")


@pytest.mark.parametrize("compressed", [True, False])
@pytest.mark.parametrize("cut", [50, 200, 300, 450])  # in the second record's header or payload
def test_read_truncated_warc_keeps_records_read_so_far(compressed: bool, cut: int) -> None:
    raw = _warc(gzip=compressed)
    second_record = raw.index(b"WARC/1", 10) if not compressed else raw.index(b"\x1f\x8b", 10)
    results = _read(raw[: second_record + cut])
    assert isinstance(results[0], Article) and results[0].url == "https://a.example/1"
    assert isinstance(results[-1], Rejection) and results[-1].code == "E014"


def test_read_corrupt_gzip_is_e014() -> None:
    [rejection] = _read(b"\x1f\x8b\x08\x00" + b"nonsense" * 10)
    assert isinstance(rejection, Rejection) and rejection.code == "E014"
