from __future__ import annotations

import numpy as np
import pytest

from chronik.nlp import ner
from chronik.nlp.blas import limited_blas_threads
from chronik.nlp.tok2vec_numpy import NumpyTok2Vec
from tests.nlp.test_ner_decoder import TEXT, _docs

needs_model = pytest.mark.skipif(not ner.MODEL_DIR.exists(), reason="bundled NER model not built")


@needs_model
def test_numpy_encoder_gives_the_same_vectors_as_spacy() -> None:
    from spacy.tokens import Doc

    nlp, docs = _docs(TEXT)
    component = nlp.get_pipe("tok2vec")  # type: ignore[attr-defined]
    encoder = NumpyTok2Vec.of(component)
    assert encoder is not None
    batch = [docs[0], Doc(nlp.vocab, words=[]), *docs[1:]]  # type: ignore[attr-defined]
    with limited_blas_threads():
        expected = component.predict(batch)
        found = encoder(batch)
    assert [vectors.shape for vectors in found] == [vectors.shape for vectors in expected]
    assert found[1].shape[0] == 0
    # the same numbers, not merely close ones: the NER decisions downstream must not change
    assert all(np.array_equal(mine, theirs) for mine, theirs in zip(found, expected, strict=True))


@needs_model
def test_numpy_encoder_vectors_do_not_depend_on_the_other_docs() -> None:
    nlp, docs = _docs(TEXT)
    encoder = NumpyTok2Vec.of(nlp.get_pipe("tok2vec"))  # type: ignore[attr-defined]
    assert encoder is not None
    with limited_blas_threads():
        together = encoder(docs)
        alone = [encoder([doc])[0] for doc in docs]
    # equal up to BLAS rounding (row blocking): no doc's vectors leak into its neighbours' through the padding
    assert all(np.allclose(a, b, atol=1e-4) for a, b in zip(together, alone, strict=True))


def _small_tok2vec(encode: dict[str, object]) -> object:
    import spacy

    nlp = spacy.blank("de")
    embed = {
        "@architectures": "spacy.MultiHashEmbed.v2",
        "width": 32,
        "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
        "rows": [500, 100, 100, 50],
        "include_static_vectors": False,
    }
    model = {"@architectures": "spacy.Tok2Vec.v2", "embed": embed, "encode": {"width": 32, "depth": 2, **encode}}
    component = nlp.add_pipe("tok2vec", config={"model": model})
    nlp.initialize()
    return nlp, component


def test_numpy_encoder_follows_any_maxout_window_encoder() -> None:
    nlp, component = _small_tok2vec(
        {"@architectures": "spacy.MaxoutWindowEncoder.v2", "window_size": 1, "maxout_pieces": 2}
    )
    encoder = NumpyTok2Vec.of(component)
    assert encoder is not None
    docs = [nlp("Die Ministerin sprach in Bern."), nlp("Anna Roth widersprach ihr am Montag.")]  # type: ignore[operator]
    expected = component.predict(docs)  # type: ignore[attr-defined]
    assert all(np.array_equal(a, b) for a, b in zip(encoder(docs), expected, strict=True))


def test_numpy_encoder_is_not_used_for_other_encoders() -> None:
    import spacy

    _, mish = _small_tok2vec({"@architectures": "spacy.MishWindowEncoder.v2", "window_size": 1})
    assert NumpyTok2Vec.of(mish) is None
    assert NumpyTok2Vec.of(spacy.blank("de").add_pipe("sentencizer")) is None  # no model at all
