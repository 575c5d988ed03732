"""The quotation stage does work linear in sentence length.

Measured by counting, not timing: the number of Python lines executed inside chronik.quotes
(a trace hook, deterministic on any machine) for a sentence of n and of 2n repetitions. Linear
work doubles (ratio 2); the rescans that made the stage quadratic gave ratios of 2.9–3.8 here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import chronik.quotes
from chronik.model import Article, Paragraph, Sentence, Token
from chronik.quotes import find_quotes
from chronik.quotes.lexicon import QuoteLexicon, load_lexicon
from chronik.readers.article import make_article

QUOTES_DIR = str(Path(chronik.quotes.__file__).resolve().parent)
REPETITIONS = 100
LINEAR_RATIO = 2.3  # work(2n) / work(n): 2.0 when linear, about 4 when quadratic

# One comma-free clause with a speech verb, tagged as the tagger would (word, STTS tag).
TAGGED_CLAUSE = [("und", "KON"), ("der", "ART"), ("Rat", "NN"), ("sagte", "VVFIN"), ("dass", "KOUS"),
                 ("die", "ART"), ("Lage", "NN"), ("ernst", "ADJD"), ("sei", "VAFIN")]  # fmt: skip


def tagged_sentence(repetitions: int) -> Article:
    """One sentence of `repetitions` tagged clauses with neither comma nor full stop."""
    words = TAGGED_CLAUSE * repetitions
    text = " ".join(word for word, _ in words)
    tokens: list[Token] = []
    start = 0
    for word, tag in words:
        tokens.append(Token(start, start + len(word), word, word.lower(), tag))
        start += len(word) + 1
    sentence = Sentence(0, len(text), text, 0, len(tokens))
    return Article(
        id="long", text=text, paragraphs=[Paragraph(0, len(text), text)], tokens=tokens, sentences=[sentence]
    )


def untagged(pattern: str) -> Callable[[int], Article]:
    def build(repetitions: int) -> Article:
        return make_article(pattern * repetitions, source="scaling")

    return build


def lines_executed(article: Article, lexicon: QuoteLexicon) -> int:
    """How many lines of chronik.quotes run while finding the article's quotations."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if not frame.f_code.co_filename.startswith(QUOTES_DIR):
            return None
        if event == "line":
            count += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        find_quotes(article, lexicon=lexicon)
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize(
    ("build", "name"),
    [
        (tagged_sentence, "tagged clauses without end"),
        (untagged("und der Rat sagte dass die Lage ernst sei "), "untagged clauses without end"),
        (untagged("« Wort "), "opening guillemets"),
        (untagged("sagte: "), "verbs with colons"),
        (lambda n: make_article("Der Minister sagte, er habe " + "das Gesetz und " * n + "keine Zeit.", source="s"),
         "long coordination"),
    ],
)  # fmt: skip
def test_find_quotes_work_grows_linearly_with_sentence_length(build: Callable[[int], Article], name: str) -> None:
    lexicon = load_lexicon()
    single = lines_executed(build(REPETITIONS), lexicon)
    double = lines_executed(build(2 * REPETITIONS), lexicon)
    assert double > single > 0
    assert double / single < LINEAR_RATIO, f"{name}: {single} → {double} lines"


def test_lines_executed_is_deterministic_and_counts_only_quotes_code() -> None:
    lexicon = load_lexicon()
    article = tagged_sentence(20)
    before = sys.gettrace()
    base = lines_executed(article, lexicon)
    assert sys.gettrace() is before  # the hook is removed afterwards
    assert lines_executed(article, lexicon) == base
    assert base > len(article.tokens)  # at least one line per word
