"""Stage "times": German time expressions resolved against the article date.

Underspecified expressions take the direction of their sentence's tense: "Am Samstag hatte
er erklärt" looks back, "Die Gespräche werden am Samstag fortgesetzt" looks forward. Tense
comes from the tagger's `Tense` feature where present and from auxiliary/participle cues
otherwise, so the stage also works on an article that has no tokens yet.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chronik.events.timex import Direction, find_time_expressions, parse_anchor
from chronik.model import Article, Granularity, TimeExpression, Token

__all__ = ["TimesStage", "create_stage", "sentence_direction"]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_PAST_WORDS = _wordset(
    "war waren warst wart hatte hatten hattest hattet wurde wurden wurdest gestern vorgestern damals "
    "vergangenen vergangene vergangenes letzten letzte zuvor bereits"
)
_PERFECT_AUX = _wordset("hat haben habe hast habt ist sind sei seien bin")
_FUTURE_WORDS = _wordset(
    "wird werden werde wirst morgen übermorgen künftig soll sollen will wollen plant planen geplant "
    "kommenden kommende nächsten nächste bevorstehenden vorgesehen angesetzt"
)
_PLAN_WORDS = _wordset(
    "geplant vorgesehen angesetzt kommenden kommende nächsten nächste nächster künftig bevorstehenden"
)
PARTICIPLE = re.compile(r"^(?:\w*ge\w+(?:t|en)|(?:be|ver|er|ent|zer|emp|miss|unter|über)\w+t)$")
_WORD = re.compile(r"\w+")


def _direction_from_words(words: list[str]) -> Direction:
    lowered = [w.lower() for w in words]
    if any(w in _PAST_WORDS for w in lowered):
        return "past"
    if any(w in _FUTURE_WORDS for w in lowered):
        return "future"
    if any(w in _PERFECT_AUX for w in lowered) and any(PARTICIPLE.match(w) for w in lowered):
        return "past"
    return "unknown"


def _direction_from_tokens(tokens: list[Token]) -> Direction | None:
    """Past for a preterite or a perfect ("hat … getroffen"), forward for the present ("beraten am Montag")."""
    finite = [token for token in tokens if token.pos.endswith("FIN")]
    if not finite:
        return None
    if any(token.morph.get("Tense") == "Past" for token in finite):
        return "past"
    has_participle = any(token.pos.endswith("PP") for token in tokens)
    auxiliaries = {token.lemma.lower() for token in finite if token.pos == "VAFIN"}
    if has_participle and auxiliaries & {"haben", "sein"}:
        return "past"
    if all(token.morph.get("Tense") == "Pres" for token in finite):
        return "future"
    return None


def sentence_direction(text: str, tokens: list[Token] | None = None) -> Direction:
    """Whether a sentence speaks of the past, the future, or neither clearly."""
    if any(word.lower() in _PLAN_WORDS for word in _WORD.findall(text)):
        return "future"  # "ist für Mitte Februar geplant" is not a perfect tense
    if tokens:
        tagged = _direction_from_tokens(tokens)
        if tagged:
            return tagged
    return _direction_from_words(_WORD.findall(text))


def _sentence_bounds(article: Article) -> list[tuple[int, int, int, int]]:
    """(start, end, first token, last token) of each sentence; a rough split without a tokenizer."""
    if article.sentences:
        return [(s.start, s.end, s.token_start, s.token_end) for s in article.sentences]
    bounds = []
    for match in re.finditer(r"[^.!?\n]+[.!?]*", article.text):
        bounds.append((match.start(), match.end(), 0, 0))
    return bounds


def direction_lookup(article: Article) -> Callable[[int], Direction]:
    """A function from a character offset to the direction of its sentence (cached per sentence)."""
    bounds = _sentence_bounds(article)
    starts = [b[0] for b in bounds]
    cache: dict[int, Direction] = {}

    def direction_at(offset: int) -> Direction:
        index = bisect_right(starts, offset) - 1
        if index < 0:
            return "unknown"
        if index not in cache:
            start, end, first, last = bounds[index]
            cache[index] = sentence_direction(article.text[start:end], article.tokens[first:last])
        return cache[index]

    return direction_at


@dataclass
class TimesStage:
    """Adds `article.times`: every time expression with its resolved ISO value."""

    name: str = "times"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("times",)

    def __call__(self, article: Article) -> Article:
        anchor = parse_anchor(article.date)
        found = find_time_expressions(article.text, anchor=anchor, direction_at=direction_lookup(article))
        article.times = [
            TimeExpression(t.start, t.end, t.text, t.value, _granularity(t.granularity), t.relative) for t in found
        ]
        return article


def _granularity(value: str | None) -> Granularity | None:
    granularities: dict[str | None, Granularity] = {
        "day": "day",
        "week": "week",
        "month": "month",
        "quarter": "quarter",
        "year": "year",
        "decade": "decade",
    }
    return granularities.get(value)


def create_stage(**config: Any) -> TimesStage:
    """Build the "times" stage (no options yet; unknown options are rejected)."""
    if config:
        from chronik.errors import PipelineError

        raise PipelineError("E020", "times", f"unknown options: {', '.join(sorted(config))}")
    return TimesStage()
