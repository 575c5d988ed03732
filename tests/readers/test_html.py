"""HTML pages (chronik/readers/html.py) via trafilatura."""

from __future__ import annotations

from chronik.model import Article
from chronik.readers import ReaderOptions, Rejection, read_bytes

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Innsbruck plant neue Seilbahn | Tiroler Beispielblatt</title>
<meta name="author" content="Sophie Beispiel">
<meta property="og:site_name" content="Tiroler Beispielblatt">
<meta property="article:published_time" content="2025-02-11T07:00:00+01:00">
<link rel="canonical" href="https://tirol.example/seilbahn">
</head><body><nav>Start | Tirol | Sport</nav><article>
<h1>Innsbruck plant neue Seilbahn</h1>
<p>Die Stadt Innsbruck will eine Seilbahn auf die Nordkette bauen. Bürgermeister Georg Muster (49)
stellte das Projekt am Dienstag vor.</p>
<h2>Anrainer sind skeptisch</h2>
<p>Eine Bürgerinitiative kündigte Widerstand an. Sie fürchtet mehr Verkehr in den Wohngebieten.</p>
<p>Der Gemeinderat soll im Mai über das Projekt entscheiden, hiess es aus dem Rathaus.</p>
</article><footer>Impressum</footer></body></html>"""


def _read(raw: bytes) -> list[Article | Rejection]:
    return list(read_bytes(raw, source="seite.html", options=ReaderOptions()))


def test_read_html_text_metadata_and_kinds() -> None:
    [article] = _read(PAGE.encode())
    assert isinstance(article, Article)
    assert article.title == "Innsbruck plant neue Seilbahn"
    assert article.text.startswith("Innsbruck plant neue Seilbahn\n\nDie Stadt Innsbruck will")
    assert article.date == "2025-02-11"
    assert [a.name for a in article.authors] == ["Sophie Beispiel"]
    assert article.outlet == "Tiroler Beispielblatt"
    assert article.url == "https://tirol.example/seilbahn"
    assert [p.kind for p in article.paragraphs] == ["title", "lead", "subhead", "body", "body"]
    assert article.subheads[0].text == "Anrainer sind skeptisch"
    assert "Impressum" not in article.text and "Start | Tirol" not in article.text
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text


def test_read_html_without_body_is_e012() -> None:
    [rejection] = _read(b"<html><head><title>Leer</title></head><body><nav>Menu</nav></body></html>")
    assert isinstance(rejection, Rejection) and rejection.code == "E012"
