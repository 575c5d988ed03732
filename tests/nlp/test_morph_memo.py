from __future__ import annotations

from chronik.model import Token
from chronik.nlp.morph import create_stage, tag_tokens, verb_features

from .conftest import tokenized

TEXT = "Die Ministerin sagte am Montag, sie gebe nicht auf. Der Rat sagte am Dienstag nichts."


def _fields(tokens: list[Token]) -> list[tuple[str, str | None, str | None, str | None, dict[str, str]]]:
    return [(t.text, t.pos, t.upos, t.lemma, dict(t.morph)) for t in tokens]


def test_tag_tokens_gives_each_verb_its_own_features() -> None:
    article = create_stage()(tokenized(TEXT))
    said = [token for token in article.tokens if token.text == "sagte"]
    assert len(said) == 2
    assert said[0].morph == said[1].morph
    assert said[0].morph["Mood"] == "Ind" and said[0].morph["Tense"] == "Past"
    said[0].morph["Mood"] = "changed"  # a memoised analysis must not be shared between tokens
    assert said[1].morph["Mood"] == "Ind"
    again = create_stage()(tokenized(TEXT))
    assert next(t.morph for t in again.tokens if t.text == "sagte")["Mood"] == "Ind"


def test_tag_tokens_same_with_cold_and_warm_memo() -> None:
    first = create_stage()(tokenized(TEXT))
    second = create_stage()(tokenized(TEXT))
    assert _fields(first.tokens) == _fields(second.tokens)
    konj = next(t for t in second.tokens if t.text == "gebe")
    assert konj.morph.get("Mood") == "Sub" and konj.lemma == "geben"


def test_tag_tokens_leaves_non_verbs_without_features() -> None:
    article = tokenized("Der neue Haushalt.")
    tag_tokens(article.tokens)
    assert [t.morph for t in article.tokens] == [{}, {}, {}, {}]
    assert verb_features(["Haushalt"], 0, "Haushalt", "NN") == {}
