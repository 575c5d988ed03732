"""RSS/Atom feeds (chronik/readers/feed.py)."""

from __future__ import annotations

from chronik.model import Article
from chronik.readers import ReaderOptions, Rejection, read_bytes

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Beispielpost</title><link>https://post.example/</link>
<item><title>Luzern eröffnet Velobrücke</title><link>https://post.example/1</link>
<pubDate>Tue, 04 Mar 2025 10:00:00 +0100</pubDate>
<author>desk@post.example (Marco Beispiel)</author>
<description><![CDATA[<p>Die neue Brücke verbindet Bahnhof und Altstadt.</p>
<p>Stadtpräsident Beat Muster (60) sprach von einem Meilenstein.</p>]]></description>
</item>
<item><title>Leerer Eintrag</title><link>https://post.example/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom-Beispiel</title>
<entry><title>Dresden saniert Brücke</title><link href="https://atom.example/a"/><id>urn:a</id>
<updated>2025-04-01T12:00:00Z</updated><author><name>Lena Beispiel</name></author>
<content type="html">&lt;p&gt;Die Carolabrücke wird neu gebaut.&lt;/p&gt;</content></entry></feed>"""


def _read(raw: bytes) -> list[Article | Rejection]:
    return list(read_bytes(raw, source="feed.xml", options=ReaderOptions()))


def test_read_rss_entries_become_articles() -> None:
    article, rejection = _read(RSS.encode())
    assert isinstance(article, Article) and isinstance(rejection, Rejection)
    assert article.text == (
        "Luzern eröffnet Velobrücke\n\nDie neue Brücke verbindet Bahnhof und Altstadt.\n\n"
        "Stadtpräsident Beat Muster (60) sprach von einem Meilenstein."
    )
    assert article.title == "Luzern eröffnet Velobrücke" and article.paragraphs[0].kind == "title"
    assert article.date == "2025-03-04"
    assert [a.name for a in article.authors] == ["Marco Beispiel"]
    assert article.outlet == "Beispielpost" and article.url == "https://post.example/1"
    assert rejection.code == "E013" and rejection.source == "feed.xml#2"


def test_read_atom_entry() -> None:
    [article] = _read(ATOM.encode())
    assert isinstance(article, Article)
    assert article.text == "Dresden saniert Brücke\n\nDie Carolabrücke wird neu gebaut."
    assert article.date == "2025-04-01" and [a.name for a in article.authors] == ["Lena Beispiel"]


def test_read_feed_with_entity_declarations_is_refused() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        "<rss><channel><title>&b;</title><item><title>x</title><description>&b;</description></item></channel></rss>"
    )
    [rejection] = _read(bomb.encode())
    assert isinstance(rejection, Rejection) and rejection.code == "E013"
    assert "entities" in rejection.problem


def test_read_broken_feed_is_e013() -> None:
    [rejection] = _read(b"<rss><channel><title>kaputt</title>")
    assert isinstance(rejection, Rejection) and rejection.code == "E013"
