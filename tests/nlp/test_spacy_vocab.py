from __future__ import annotations

import pytest

from chronik.model import Article
from chronik.nlp import ner, spacy_vocab
from chronik.nlp.tokenizer import abbreviation_table, load_spacy_tokenizer, tokenize_text
from chronik.nlp.tokenizer import create_stage as create_tokenizer

needs_model = pytest.mark.skipif(not ner.MODEL_DIR.exists(), reason="bundled NER model not built")


def _tokenizer_vocab() -> object:
    return load_spacy_tokenizer(abbreviation_table(())[0]).vocab


@needs_model
def test_tokenizer_and_bundled_model_share_one_vocabulary() -> None:
    model = ner.load_spacy_pipeline(str(ner.MODEL_DIR))
    assert _tokenizer_vocab() is model.vocab is spacy_vocab.shared_vocab()
    tokenize_text("Der Quarkminister Zorbel reiste ab.")
    # the word the tokenizer saw is already a lexeme of the model: no second build
    assert "Quarkminister" in model.vocab.strings
    assert model.vocab["Quarkminister"].shape_ == "Xxxxx"


@needs_model
def test_renewal_replaces_the_vocabulary_of_tokenizer_and_model(monkeypatch: pytest.MonkeyPatch) -> None:
    stage = ner.create_stage(gazetteer=False, rules=False)
    tokenize = create_tokenizer()
    old = spacy_vocab.shared_vocab()
    monkeypatch.setattr(spacy_vocab, "MAX_STRINGS", len(old.strings) + 30)
    found = []
    for number in range(40):
        article = tokenize(Article(id="a", text=f"Anna Roth traf Bernd{number} Quarkstadt{number} in Bern."))
        found.append([(m.text, m.label) for m in stage(article).mentions])
        assert _tokenizer_vocab() is ner.load_spacy_pipeline(str(ner.MODEL_DIR)).vocab
    assert spacy_vocab.shared_vocab() is not old
    assert len(spacy_vocab.shared_vocab().strings) <= len(old.strings) + 60
    # the model finds the same names before and after the vocabulary was renewed
    assert ("Anna Roth", "PER") in found[0]
    assert all(("Anna Roth", "PER") in names for names in found)


def test_renew_when_full_ignores_other_vocabularies() -> None:
    import spacy

    other = spacy.blank("de").vocab
    assert spacy_vocab.renew_when_full(other) is False
