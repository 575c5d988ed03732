"""The NER model's matrix products on numpy's BLAS: same predictions, bounded threads."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info, threadpool_limits

from chronik.model import Article
from chronik.nlp import blas, ner

_SENTENCE = (
    "Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten "
    "Emmanuel Macron und Vertreter der Europäischen Union ."
)


def _blas_threads() -> set[int]:
    return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}


def test_loaded_model_uses_numpy_blas_everywhere() -> None:
    nlp = ner.load_spacy_pipeline(str(ner.MODEL_DIR))
    nodes = [node for _, component in nlp.pipeline for node in component.model.walk()]
    assert nodes
    assert all(isinstance(node.ops, NumpyOps) and not node.ops.use_blis for node in nodes)


def test_numpy_blas_predicts_the_same_entities_as_blis() -> None:
    import spacy

    with_blis = spacy.load(ner.MODEL_DIR)
    with_numpy = spacy.load(ner.MODEL_DIR)
    assert blas.use_numpy_blas(with_numpy) > 0
    assert blas.use_numpy_blas(with_numpy) == 0  # nothing left on BLIS
    words = _SENTENCE.split()

    def entities(nlp: object) -> list[tuple[int, int, str]]:
        doc = nlp(Doc(nlp.vocab, words=words))  # type: ignore[attr-defined]
        return [(ent.start, ent.end, ent.label_) for ent in doc.ents]

    expected = entities(with_blis)
    assert ("Olaf", "Scholz") in {tuple(words[s:e]) for s, e, _ in expected}
    assert entities(with_numpy) == expected


@pytest.mark.parametrize(("value", "expected"), [("", 1), ("3", 3), ("0", 0), ("-2", 0), ("viele", 1)])
def test_blas_threads_reads_the_environment(monkeypatch: pytest.MonkeyPatch, value: str, expected: int) -> None:
    monkeypatch.setenv(blas.BLAS_THREADS_ENV, value)
    assert blas.blas_threads() == expected


def test_limited_blas_threads_caps_inside_the_block_only() -> None:
    if not _blas_threads():
        pytest.skip("no BLAS library found by threadpoolctl")
    with threadpool_limits(limits=2, user_api="blas"):
        with blas.limited_blas_threads(1):
            assert _blas_threads() == {1}
        assert _blas_threads() == {2}  # the host application's setting is back
        with blas.limited_blas_threads(0):
            assert _blas_threads() == {2}


def test_model_mentions_leave_the_host_blas_settings_alone() -> None:
    if not _blas_threads():
        pytest.skip("no BLAS library found by threadpoolctl")
    from chronik.pipeline import build_pipeline

    article = build_pipeline(["tokenizer"])(Article(id="a", text=_SENTENCE))
    with threadpool_limits(limits=2, user_api="blas"):
        found = ner.model_mentions(article, ner.load_spacy_pipeline(str(ner.MODEL_DIR)))
        assert _blas_threads() == {2}
    assert "Olaf Scholz" in {mention.text for mention in found}
