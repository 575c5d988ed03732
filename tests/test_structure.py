"""Paragraph splitting and kinds (chronik/structure.py) on hand-written German articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.errors import ChronikError
from chronik.structure import (
    analyze_structure,
    dateline_date,
    is_byline,
    load_roles,
    parse_byline,
    split_paragraphs,
)

NEWS_ARTICLE = (
    " date 2025-12-06 Der Bundesrat will die Armee stärken. Die Kosten sind umstritten.\n"
    "\n"
    "Anna Beispiel Redaktorin Nachtdienst\n"
    "\n"
    "Verteidigungsminister Peter Muster (58) stellte den Plan am Freitag in Bern vor.\n"
    "\n"
    "Kritik aus dem Parlament\n"
    "\n"
    "Die Finanzkommission verlangt Einsparungen. Der Entscheid fällt im März.\n"
    "\n"
    "Wie geht es weiter?\n"
    "\n"
    "Der Nationalrat berät das Geschäft in der Frühjahrssession."
)


def test_split_paragraphs_offsets_match_text() -> None:
    text = "  Erster Absatz\nmit zweiter Zeile  \n \n\nZweiter Absatz\r\n\r\nDritter"
    paragraphs = split_paragraphs(text)
    assert [p.text for p in paragraphs] == ["Erster Absatz\nmit zweiter Zeile", "Zweiter Absatz", "Dritter"]
    for paragraph in paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text


def test_split_paragraphs_whitespace_only_gives_none() -> None:
    assert split_paragraphs(" \n\t\n  ") == []


def test_analyze_structure_news_format_kinds() -> None:
    structure = analyze_structure(NEWS_ARTICLE)
    kinds = [p.kind for p in structure.paragraphs]
    assert kinds == ["dateline", "lead", "byline", "body", "subhead", "body", "subhead", "body"]
    assert structure.date == "2025-12-06"
    assert structure.lead == "Der Bundesrat will die Armee stärken. Die Kosten sind umstritten."
    assert [(a.name, a.role) for a in structure.authors] == [("Anna Beispiel", "Redaktorin Nachtdienst")]
    author = structure.authors[0]
    assert author.start is not None and NEWS_ARTICLE[author.start : author.end] == "Anna Beispiel"
    for paragraph in structure.paragraphs:
        assert NEWS_ARTICLE[paragraph.start : paragraph.end] == paragraph.text


def test_analyze_structure_last_short_paragraph_is_body() -> None:
    text = "Titel der Meldung\n\nErster Absatz mit Text.\n\nZweiter Absatz.\n\nEnde ohne Punkt"
    assert analyze_structure(text).paragraphs[-1].kind == "body"


def test_analyze_structure_title_and_lead_from_plain_text() -> None:
    text = "Neue Brücke über den Rhein\n\nBasel, 3. März 2025\n\nDie Stadt baut. Es dauert.\n\nMehr Text.\n\nEnde."
    structure = analyze_structure(text)
    assert [p.kind for p in structure.paragraphs] == ["title", "dateline", "lead", "body", "body"]
    assert structure.title == "Neue Brücke über den Rhein"
    assert structure.date == "2025-03-03"


def test_analyze_structure_known_title_and_lead_are_marked() -> None:
    text = "Der Titel\n\nDer Vorspann steht hier.\n\nDer Haupttext folgt."
    structure = analyze_structure(text, title="Der Titel", lead="Der Vorspann steht hier.")
    assert [p.kind for p in structure.paragraphs] == ["title", "lead", "body"]


def test_analyze_structure_single_paragraph_is_body() -> None:
    structure = analyze_structure("Wien – Die Regierung hat am Montag beraten.")
    assert [p.kind for p in structure.paragraphs] == ["body"]
    assert structure.title is None and structure.lead is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Daniel Beispiel Redaktor Nachtdienst", True),
        ("Von Maria Muster", True),
        ("Von Maria Muster und Hans Keller", True),
        ("Lea Studer, Korrespondentin in Wien", True),
        ("Karin von Arx Leitende Redaktorin", True),
        ("USA wollen Beziehungen normalisieren", False),
        ("Kritik aus dem Parlament", False),
        ("Von Montag an gilt die neue Regel.", False),
        ("Peter Muster", False),
    ],
)
def test_is_byline_recognises_bylines(text: str, expected: bool) -> None:
    assert is_byline(text) is expected


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Daniel Beispiel Redaktor Nachtdienst", [("Daniel Beispiel", "Redaktor Nachtdienst")]),
        ("Von Maria Muster und Hans Keller", [("Maria Muster", None), ("Hans Keller", None)]),
        ("Lea Studer, Korrespondentin in Wien", [("Lea Studer", "Korrespondentin in Wien")]),
        ("Karin von Arx Leitende Redaktorin", [("Karin von Arx", "Leitende Redaktorin")]),
    ],
)
def test_parse_byline_names_and_roles(byline: str, authors: list[tuple[str, str | None]]) -> None:
    paragraph = split_paragraphs(byline)[0]
    parsed = parse_byline(byline, paragraph)
    assert [(a.name, a.role) for a in parsed] == authors
    for author in parsed:
        assert author.start is not None and byline[author.start : author.end] == author.name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bern, 5. Dezember 2025", "2025-12-05"),
        ("Wien, 3. Jänner 2024", "2024-01-03"),
        ("Montag, 5. Dezember 2025, 14:30 Uhr", "2025-12-05"),
        ("05.12.2025", "2025-12-05"),
        ("Wahl am 5. Dezember 2025", None),
        ("31.13.2025", None),
    ],
)
def test_dateline_date_parses_german_dates(text: str, expected: str | None) -> None:
    assert dateline_date(text) == expected


def test_analyze_structure_news_header_lead_on_next_line() -> None:
    text = " date 2025-01-10\nDer Vorspann steht auf der nächsten Zeile.\n\nText."
    structure = analyze_structure(text)
    assert [p.kind for p in structure.paragraphs] == ["dateline", "lead", "body"]
    assert structure.paragraphs[1].text == "Der Vorspann steht auf der nächsten Zeile."


def test_analyze_structure_news_header_bad_date_warns() -> None:
    structure = analyze_structure(" date 2025-02-30 Vorspann.\n\nText.")
    assert structure.date is None
    assert structure.warnings and structure.warnings[0].startswith("[E016]")


def test_load_roles_extra_file_extends_bundled(tmp_path: Path) -> None:
    extra = tmp_path / "roles.txt"
    extra.write_text("# eigene Rollen\nBlattmacherin\n", encoding="utf-8")
    roles = load_roles((str(extra),))
    assert not is_byline("Vera Beispiel Blattmacherin")
    assert is_byline("Vera Beispiel Blattmacherin", roles=roles)
    structure = analyze_structure("Vera Beispiel Blattmacherin\n\nText.", roles=roles)
    assert [(a.name, a.role) for a in structure.authors] == [("Vera Beispiel", "Blattmacherin")]


def test_load_roles_missing_file_is_e040(tmp_path: Path) -> None:
    with pytest.raises(ChronikError) as caught:
        load_roles((str(tmp_path / "fehlt.txt"),))
    assert caught.value.code == "E040"


@pytest.mark.parametrize(
    ("ending", "date", "authors"),
    [
        ("(Maria Beispiel, Kurt Muster, 3.2.2016)", "2016-02-03", ["Maria Beispiel", "Kurt Muster"]),
        ("(APA, red, 12. 9. 2015)", "2015-09-12", []),
        ("(Lisa Probst; 01.11.2015)", "2015-11-01", ["Lisa Probst"]),
        ("(7.9.2015)", "2015-09-07", []),
        ("(31.2.2015)", None, []),
    ],
)
def test_analyze_structure_reads_austrian_signoff(ending: str, date: str | None, authors: list[str]) -> None:
    text = f"Wien – Der Gemeinderat hat getagt.\n\nDie Sitzung dauerte bis in die Nacht. {ending}"
    structure = analyze_structure(text)
    assert structure.date == date
    assert [a.name for a in structure.authors] == authors
    for author in structure.authors:
        assert author.start is not None and text[author.start : author.end] == author.name


def test_analyze_structure_signoff_does_not_override_header_date() -> None:
    structure = analyze_structure(" date 2016-02-04 Vorspann.\n\nText. (Maria Beispiel, 3.2.2016)")
    assert structure.date == "2016-02-04"


def test_analyze_structure_citation_in_parentheses_is_no_signoff() -> None:
    structure = analyze_structure("Das Gericht entschied anders. (Urteil vom 3.2.2016)")
    assert structure.date is None and structure.authors == []


@pytest.mark.parametrize(
    ("ending", "authors"),
    [
        ("(APA/dpa, 1.11.2015)", []),
        ("(Hanna Beispiel aus Moskau, 30.12.2015)", ["Hanna Beispiel"]),
        ("(APA/red – 8.8. 2015)", []),
        ("(Karl Muster, DER STANDARD, 5.8.2015)", ["Karl Muster"]),
        ("(Eva M. Probst, 24.10.2015)", ["Eva M. Probst"]),
        ("(Text: Ida Muster, Video: Paul Beispiel & Lea Probst, 1.10.2015)", ["Ida Muster"]),
        ("(Ida Muster und Paul Beispiel, 1.10.2015)", ["Ida Muster", "Paul Beispiel"]),
    ],
)
def test_analyze_structure_signoff_credit_forms(ending: str, authors: list[str]) -> None:
    text = f"Wien – Der Gemeinderat hat getagt. {ending}"
    structure = analyze_structure(text)
    assert structure.date is not None
    assert [a.name for a in structure.authors] == authors
    for author in structure.authors:
        assert author.start is not None and text[author.start : author.end] == author.name
