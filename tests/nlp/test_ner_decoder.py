from __future__ import annotations

import pytest

from chronik.model import Article
from chronik.nlp import ner
from chronik.nlp.blas import limited_blas_threads
from chronik.nlp.ner_decoder import NumpyNer
from chronik.nlp.tokenizer import create_stage as create_tokenizer

needs_model = pytest.mark.skipif(not ner.MODEL_DIR.exists(), reason="bundled NER model not built")

TEXT = (
    "Bern. Der US-Sondergesandte Steve Witkoff (68) traf am Samstag in Genf den ukrainischen "
    "Sicherheitsberater Rustem Umjerow.\n\n"
    "Die Europäische Union und die Vereinten Nationen begrüssten das Treffen. Man sei in Kontakt mit "
    "dem Kreml, sagte eine Sprecherin des Auswärtigen Amts in Berlin.\n\n"
    "«Wir kommen voran», sagte Witkoff. Ja.\n\n"
    "Die Deutsche Bahn, Siemens und die Stadtwerke München verhandeln seit Montag über neue Züge "
    "für die Strecke zwischen Hamburg und Frankfurt am Main; Angela Merkel und Olaf Scholz kamen nicht."
)


def _docs(text: str) -> tuple[object, list[object]]:
    from spacy.tokens import Doc

    nlp = ner.load_spacy_pipeline(str(ner.MODEL_DIR))
    article = create_tokenizer()(Article(id="t", text=text))
    tokens = article.tokens
    docs = [
        Doc(nlp.vocab, words=[t.text for t in tokens[a:b]], spaces=[t.space_after for t in tokens[a:b]])
        for a, b in ner.sentence_ranges(article)
    ]
    return nlp, docs


def _spacy_entities(nlp: object, docs: list[object]) -> list[list[tuple[str, int, int]]]:
    with limited_blas_threads():
        return [[(e.label_, e.start, e.end) for e in doc.ents] for doc in nlp.pipe(docs)]  # type: ignore[attr-defined]


@needs_model
def test_numpy_decoder_finds_the_entities_of_spacys_loop() -> None:
    nlp, docs = _docs(TEXT)
    decoder = NumpyNer.of(nlp)
    assert decoder is not None
    expected = _spacy_entities(nlp, docs)
    with limited_blas_threads():
        found = decoder.entities(docs)
    assert found == expected
    # the text has single- and multi-token entities in several sentences of different lengths
    assert sum(map(len, found)) >= 8
    assert any(end - start >= 2 for sentence in found for _, start, end in sentence)


@needs_model
def test_numpy_decoder_keeps_the_order_of_the_sentences() -> None:
    nlp, docs = _docs(TEXT)
    decoder = NumpyNer.of(nlp)
    assert decoder is not None
    with limited_blas_threads():
        forward = decoder.entities(docs)
        backward = decoder.entities(list(reversed(docs)))
    assert backward == list(reversed(forward))


@needs_model
def test_numpy_decoder_handles_empty_and_one_token_sentences() -> None:
    from spacy.tokens import Doc

    nlp, docs = _docs("Genf.\n\nAnna Roth reiste nach Wien.")
    decoder = NumpyNer.of(nlp)
    assert decoder is not None
    empty = Doc(nlp.vocab, words=[])  # type: ignore[attr-defined]
    with limited_blas_threads():
        found = decoder.entities([empty, *docs])
        assert decoder.entities([empty]) == [[]]
    assert found[0] == []
    assert found[1:] == _spacy_entities(nlp, docs)


def test_numpy_decoder_is_not_used_for_pipelines_of_another_shape() -> None:
    import spacy

    assert NumpyNer.of(spacy.blank("de")) is None  # no NER at all
    untrained = spacy.blank("de")
    untrained.add_pipe("ner")  # no tok2vec component: its own embedding inside the NER
    assert NumpyNer.of(untrained) is None


@needs_model
def test_moves_allowed_follow_spacys_rules() -> None:
    nlp, _ = _docs("Anna.")
    decoder = NumpyNer.of(nlp)
    assert decoder is not None
    names = [nlp.get_pipe("ner").moves.get_class_name(i) for i in range(len(decoder.move_types))]  # type: ignore[attr-defined]

    def allowed(situation: int) -> set[str]:
        return {name for name, penalty in zip(names, decoder.penalties[situation], strict=True) if penalty == 0}

    labels = {name[2:] for name in names if name[2:]}
    outside_last = allowed(0)  # outside an entity, on the sentence's last token: no Begin
    assert outside_last == {"O"} | {f"U-{label}" for label in labels}
    assert allowed(1) == outside_last | {f"B-{label}" for label in labels}
    assert allowed(2) == allowed(3) == {"O"}  # on a space: no entity starts
    per = decoder.labels.index("PER")
    assert allowed(4 + 2 * per) == {"L-PER"}  # inside PER, last token: only Last
    assert allowed(5 + 2 * per) == {"I-PER", "L-PER"}


@needs_model
def test_one_doc_per_article_finds_what_one_doc_per_sentence_finds() -> None:
    from spacy.tokens import Doc

    nlp = ner.load_spacy_pipeline(str(ner.MODEL_DIR))
    article = create_tokenizer()(Article(id="t", text=TEXT))
    ranges = ner.sentence_ranges(article)
    tokens = article.tokens
    whole = Doc(nlp.vocab, words=[t.text for t in tokens], spaces=[t.space_after for t in tokens])  # type: ignore[attr-defined]
    _, docs = _docs(TEXT)
    decoder = NumpyNer.of(nlp)
    assert decoder is not None and len(ranges) == len(docs) > 3
    with limited_blas_threads():
        assert decoder.entities_in(whole, ranges) == decoder.entities(docs) == _spacy_entities(nlp, docs)
        assert decoder.entities_in(whole, []) == []


@needs_model
def test_numpy_decoder_also_decodes_spacys_own_token_vectors() -> None:
    import dataclasses

    nlp, docs = _docs(TEXT)
    decoder = NumpyNer.of(nlp)
    assert decoder is not None
    without_encoder = dataclasses.replace(decoder, encoder=None)  # an encoder of a shape we do not run
    with limited_blas_threads():
        assert without_encoder.entities_in(docs[0], [(0, len(docs[0]))]) is None
        assert without_encoder.entities(docs) == _spacy_entities(nlp, docs)
