from __future__ import annotations

from functools import cache
from typing import Any

from HanTa.HanoverTagger import HanoverTagger
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronik.nlp.hanta import hanta_model
from chronik.nlp.hanta_segments import SegmentSearch

# Words HanTa's shipped list does not hold (compounds, names, made-up forms) and some it does.
WORDS = [
    "grenzschutzvereinbarungen",
    "klimagipfelteilnehmerinnen",
    "verwaltungsgerichtshöfe",
    "herrschten",
    "überwachungskameras",
    "schnellstmöglich",
    "quarkgremiumsvorsitzende",
    "zürichseeufer",
    "brötchentaste",
    "ausgeschlafen",
    "haus",
    "und",
    "a",
    "zz",
    "xyq",
    "ölpreis",
    "straße",
    "mitte-links-bündnis",
    "covid-19-pandemie",
    "2024er",
]
LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß-"


@cache
def _search() -> tuple[Any, SegmentSearch]:
    tagger = hanta_model()
    return tagger, SegmentSearch(tagger)


def _targets(tagger: Any, word: str) -> list[int]:
    """The word's own tags by HanTa's forward pass, and two it does not have."""
    own = [tag for tag, _ in HanoverTagger.analyze_forward(tagger, word)[:3]]
    return [*own, tagger.tag2int["NN"], tagger.tag2int["VV(FIN)"]]


def test_forward_equals_hanta_analyze_forward() -> None:
    tagger, search = _search()
    for word in WORDS:
        ours = search.forward(word)
        assert ours == HanoverTagger.analyze_forward(tagger, word), word
        assert ours[0][0] != 3 or word == "", word  # a real tag, not UNKNOWN, for these words


def test_viterbi_equals_hanta_analyze_viterbi() -> None:
    tagger, search = _search()
    for word in WORDS:
        for target in _targets(tagger, word):
            assert search.viterbi(word, -target) == HanoverTagger.analyze_viterbi(tagger, word, -target), word


def test_forward_equals_hanta_on_words_of_its_list() -> None:
    tagger, search = _search()
    words = sorted(tagger.cache)[::400]
    assert len(words) > 50
    for word in words:
        assert search.forward(word) == HanoverTagger.analyze_forward(tagger, word), word


def test_viterbi_falls_back_to_guessed_morphemes() -> None:
    tagger, search = _search()
    word = "quarkgremiumsvorsitzende"
    target = -tagger.tag2int["NN"]
    segmentation = search.viterbi(word, target)
    assert segmentation == HanoverTagger.analyze_viterbi(tagger, word, target)
    assert segmentation[-1] == (target, len(word) + 1)  # the word's tag closes it, after the last letter
    assert len(segmentation) > 2  # split into morphemes, not one unknown morpheme


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=LETTERS, min_size=1, max_size=10))
def test_search_equals_hanta_on_any_letters(word: str) -> None:
    tagger, search = _search()
    assert search.forward(word) == HanoverTagger.analyze_forward(tagger, word)
    target = -HanoverTagger.analyze_forward(tagger, word)[0][0]
    assert search.viterbi(word, target) == HanoverTagger.analyze_viterbi(tagger, word, target)
