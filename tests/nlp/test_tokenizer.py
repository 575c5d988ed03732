from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.model import Article, Paragraph
from chronik.nlp import spacy_vocab
from chronik.nlp.tokenizer import abbreviation_table, create_stage, load_spacy_tokenizer, tokenize_text


def _texts(text: str) -> list[str]:
    return [token.text for token in tokenize_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das gilt z. B. für Dr. Meier.", ["Das", "gilt", "z.", "B.", "für", "Dr.", "Meier", "."]),
        ("am 6. Dezember und am 6.12.2025", ["am", "6.", "Dezember", "und", "am", "6.12.2025"]),
        ("rund 1,5 Mio. Franken", ["rund", "1,5", "Mio.", "Franken"]),
        ("Anna Roth (68) sagte", ["Anna", "Roth", "(", "68", ")", "sagte"]),
        ("der US-Präsidenten-Schwiegersohn kam", ["der", "US-Präsidenten-Schwiegersohn", "kam"]),
        ("«Ja», sagte sie.", ["«", "Ja", "»", ",", "sagte", "sie", "."]),
        ("‹Gut›.", ["‹", "Gut", "›", "."]),
        ("siehe https://www.example.ch/a-b?x=1.", ["siehe", "https://www.example.ch/a-b?x=1", "."]),
        ("@Bundesrat und #Ukraine.", ["@Bundesrat", "und", "#Ukraine", "."]),
        ("am 2025-12-06.", ["am", "2025-12-06", "."]),
        ("im Jahr 2005. Die Wahl", ["im", "Jahr", "2005", ".", "Die", "Wahl"]),
        ("ca. 3 Mrd. Euro u. a. in St. Gallen", ["ca.", "3", "Mrd.", "Euro", "u.", "a.", "in", "St.", "Gallen"]),
    ],
)
def test_tokenize_text_news_german(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_tokenize_text_offsets_with_paragraph_offset() -> None:
    tokens = tokenize_text("Er  kam.", offset=10)
    assert [(t.start, t.end) for t in tokens] == [(10, 12), (14, 17), (17, 18)]
    assert [t.space_after for t in tokens] == [True, False, False]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aB .,!?«»„“-()\n1Äß:")), max_size=80))
def test_tokenize_text_offsets_point_into_text(text: str) -> None:
    tokens = tokenize_text(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert not token.text.isspace()
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))


def _article(*paragraphs: str) -> Article:
    text = "\n\n".join(paragraphs)
    spans, position = [], 0
    for paragraph in paragraphs:
        spans.append(Paragraph(position, position + len(paragraph), paragraph))
        position += len(paragraph) + 2
    return Article(id="t", text=text, paragraphs=spans)


def test_stage_paragraphs_are_sentence_boundaries() -> None:
    article = create_stage()(_article("Streit um die Rente", "Von Anna Roth", "Bern hat entschieden. Es gilt ab Mai."))
    assert [s.text for s in article.sentences] == [
        "Streit um die Rente",
        "Von Anna Roth",
        "Bern hat entschieden.",
        "Es gilt ab Mai.",
    ]
    assert [s.paragraph for s in article.sentences] == [0, 1, 2, 2]


def test_stage_sentences_cover_tokens_in_order() -> None:
    article = create_stage()(_article("Er kam. Sie ging! Wer blieb?"))
    ranges = [(s.token_start, s.token_end) for s in article.sentences]
    assert ranges == [(0, 3), (3, 6), (6, 9)]
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_stage_without_paragraphs_splits_blank_lines() -> None:
    article = create_stage()(Article(id="t", text="Titel ohne Punkt\n\nDer Text beginnt hier."))
    assert [s.text for s in article.sentences] == ["Titel ohne Punkt", "Der Text beginnt hier."]


def test_stage_extra_abbreviation_file(tmp_path: pytest.TempPathFactory) -> None:
    extra = tmp_path / "abk.txt"  # type: ignore[operator]
    extra.write_text("Regbez.\n", encoding="utf-8")
    article = create_stage(abbreviations=[str(extra)])(Article(id="t", text="Im Regbez. Köln regnet es."))
    assert len(article.sentences) == 1
    assert "Regbez." in [t.text for t in article.tokens]


def test_tokenize_text_keeps_spacy_vocabulary_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    tokenize_text("Die Vorrede.")
    limit = len(load_spacy_tokenizer(abbreviation_table(())[0]).vocab.strings) + 40
    monkeypatch.setattr(spacy_vocab, "MAX_STRINGS", limit)
    for number in range(100):
        tokens = tokenize_text(f"Das Zaubergremium{number} tagte in Quarkstadt{number}.")
        assert tokens[1].text == f"Zaubergremium{number}"
        assert len(load_spacy_tokenizer(abbreviation_table(())[0]).vocab.strings) <= limit + 10


def test_tokenize_text_cuts_long_space_free_runs_and_keeps_offsets() -> None:
    from chronik.nlp.tokenizer import MAX_RUN, tokenize_text

    text = "Vorher " + "«" * (MAX_RUN * 5 + 7) + " nachher."
    tokens = tokenize_text(text, offset=3)
    assert all(text[token.start - 3 : token.end - 3] == token.text for token in tokens)
    assert all(len(token.text) <= MAX_RUN for token in tokens)
    assert "".join(token.text for token in tokens if token.text.startswith("«")) == "«" * (MAX_RUN * 5 + 7)
    assert tokens[0].text == "Vorher" and tokens[-1].text == "."
    run_end = [token for token in tokens if token.text.startswith("«")][-1]
    assert run_end.space_after
