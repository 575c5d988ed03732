from __future__ import annotations

import pickle

import pytest

from chronik.model import Article
from chronik.nlp.hanta import load_hanta
from chronik.pipeline import create_stage


@pytest.mark.parametrize("name", ["tokenizer", "tagger", "entities"])
def test_stage_registered_and_picklable(name: str) -> None:
    stage = create_stage(name)
    assert stage.name == name
    copy = pickle.loads(pickle.dumps(stage))
    assert copy == stage


_ARTICLE_A = (
    "Der Europarat tagte am Montag in Straßburg. Ein Profi erinnerte an die Widerstandskämpfer. "
    "Der Modus der Abstimmung blieb umstritten."
)
_ARTICLE_B = (
    "Der Radprofi dankte den Widerstandskämpfern und dem Europarat. Im Telemodus fehlt Licht, sagte der Sprecher."
)


def _analysed_tokens(texts: list[str]) -> dict[str, list[tuple[str, str, str | None, str | None]]]:
    """Tokens (text, lemma, pos, upos) per text, analysed in the given order by fresh stages."""
    load_hanta.cache_clear()
    stages = [create_stage("tokenizer"), create_stage("tagger")]
    result = {}
    for number, text in enumerate(texts):
        article = Article(id=f"a{number}", text=text)
        for stage in stages:
            article = stage(article)
        result[text] = [(token.text, token.lemma, token.pos, token.upos) for token in article.tokens]
    return result


def test_tagger_analysis_independent_of_article_order() -> None:
    forwards = _analysed_tokens([_ARTICLE_A, _ARTICLE_B])
    backwards = _analysed_tokens([_ARTICLE_B, _ARTICLE_A])
    assert forwards == backwards
    assert len(forwards[_ARTICLE_B]) > 10
