"""CSV/TSV (chronik/readers/table.py): 10kGNAD layout, headers, options, broken rows."""

from __future__ import annotations

from chronik.model import Article
from chronik.readers import ReaderOptions, Rejection, read_bytes

LABEL_TEXT = (
    "Inland;'Wien – Der Nationalrat hat am Mittwoch das Budget beschlossen. Die Opposition stimmte dagegen.'\n"
    "Sport;Salzburg gewinnt das Derby mit 2:1, sagte der Trainer.\n"
    "Kultur;'Das Burgtheater zeigt ''Hamlet'' in neuer Besetzung; die Premiere ist ausverkauft.'\n"
)


def _read(raw: bytes, **options: object) -> list[Article | Rejection]:
    return list(read_bytes(raw, source="data.csv", options=ReaderOptions(**options)))  # type: ignore[arg-type]


def test_read_label_text_layout_detected() -> None:
    results = _read(LABEL_TEXT.encode())
    assert all(isinstance(r, Article) for r in results)
    articles = [r for r in results if isinstance(r, Article)]
    assert [a.metadata["label"] for a in articles] == ["Inland", "Sport", "Kultur"]
    assert articles[0].text.startswith("Wien – Der Nationalrat") and articles[0].text.endswith("dagegen.")
    assert articles[1].text == "Salzburg gewinnt das Derby mit 2:1, sagte der Trainer."
    assert articles[2].text == "Das Burgtheater zeigt 'Hamlet' in neuer Besetzung; die Premiere ist ausverkauft."
    assert [a.metadata["line"] for a in articles] == [1, 2, 3]


def test_read_csv_with_header_maps_fields() -> None:
    raw = (
        b"id,title,date,text,url\n"
        b'k1,Erster,2025-01-02,"Ein Text, mit Komma.",https://example.org/1\n'
        b'k2,Zweiter,2025-01-03,"Zweiter Text\n\nmit Absatz.",https://example.org/2\n'
    )
    articles = [r for r in _read(raw) if isinstance(r, Article)]
    assert [a.id for a in articles] == ["k1", "k2"]
    assert articles[0].text == "Ein Text, mit Komma." and articles[0].date == "2025-01-02"
    assert [p.text for p in articles[1].paragraphs] == ["Zweiter Text", "mit Absatz."]
    assert articles[1].url == "https://example.org/2"


def test_read_csv_options_override_detection() -> None:
    raw = b"1|#Ein Text | mit Strich.#|x\n2|#Noch einer.#|y\n"
    results = _read(raw, format="csv", delimiter="|", quotechar="#", text_column="1")
    assert [r.text for r in results if isinstance(r, Article)] == ["Ein Text | mit Strich.", "Noch einer."]


def test_read_csv_missing_named_column_is_e015() -> None:
    [rejection] = _read(b"titel,inhalt\nA,B\n", format="csv", text_column="text")
    assert isinstance(rejection, Rejection) and rejection.code == "E015"


def test_read_csv_short_row_and_empty_text_are_rejected() -> None:
    raw = b"title,text\nA,Guter Text.\nB\nC,   \nD,Noch ein Text.\n"
    results = _read(raw, format="csv")
    assert [r.text for r in results if isinstance(r, Article)] == ["Guter Text.", "Noch ein Text."]
    assert [(r.code, r.line) for r in results if isinstance(r, Rejection)] == [("E015", 3), ("E002", 4)]


def test_read_csv_cp1252_cells_fall_back() -> None:
    raw = "Inland;Gespräche in Zürich\nSport;Österreich gewinnt\n".encode("cp1252")
    articles = [r for r in _read(raw, format="csv") if isinstance(r, Article)]
    assert [a.text for a in articles] == ["Gespräche in Zürich", "Österreich gewinnt"]
    assert articles[0].warnings[0].startswith("[E005]")


def test_read_csv_oversized_cell_rejected_and_file_goes_on() -> None:
    raw = ("title,text\nA," + "x" * 3000 + "\nB,Kurzer Text.\n").encode()
    results = _read(raw, format="csv", max_bytes=1000)
    assert isinstance(results[0], Rejection) and results[0].code == "E004" and results[0].line == 2
    assert isinstance(results[1], Article) and results[1].text == "Kurzer Text."
