"""Bundled data files read as rows: comments and blank lines skipped, cells stripped."""

from __future__ import annotations

from importlib import resources

from chronik.nlp.lexicon import bundled_rows, iter_lines


def test_bundled_rows_skip_comments_and_split_tabs() -> None:
    rows = bundled_rows("ner", "organisations.tsv")
    raw = resources.files("chronik").joinpath("data", "ner", "organisations.tsv").read_text(encoding="utf-8")
    assert raw.lstrip().startswith("#")  # the file opens with comments, which must not become rows
    assert len(rows) == len(list(iter_lines(raw)))
    assert all(not row[0].startswith("#") and row[0] == row[0].strip() for row in rows)
    assert ["CDU", "party"] in rows
    assert any(len(row) == 3 and row[2] == "model" for row in rows)


def test_bundled_rows_of_a_one_column_list() -> None:
    rows = bundled_rows("ner", "titles.txt")
    assert rows and all(len(row) == 1 and row[0] for row in rows)
