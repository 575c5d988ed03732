"""Cheap rules that clean the merged NER mentions and add the names the model misses.

`refine_mentions`: nothing is taken from byline paragraphs (the authors are in `article.authors`); a single capital
letter ("X") is kept only as a platform after "auf"; a place name followed by common nouns
("Kiews Chefunterhändlern", "Ukraine Frieden") is cut to the place, as LOC; spans lose
trailing function words ("Hulk Der") and LOC spans leading common nouns ("Hauptstadt
Mannheim"); a single-token model mention that the gazetteer does not know and that looks
like a common noun ("Region", "Stand"; `chronik/data/ner/common_nouns.txt`, words and
endings) is dropped. Then currencies, wars and stock indices (`misc_names.tsv`) are added
as MISC and bracketed acronyms ("(IKB)") as ORG where nothing else was found.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from chronik.model import Article, Mention, Token
from chronik.nlp.lexicon import bundled_rows
from chronik.nlp.names import (
    FUNCTION_WORDS,
    byline_ranges,
    in_bylines,
    looks_like_common_noun,
    title_endings,
    token_range,
)

__all__ = ["acronym_mentions", "misc_mentions", "misc_names", "refine_mentions"]

_PLATFORM_CUES = frozenset({"auf"})
_NOUN_DROP_LABELS = frozenset({"LOC", "ORG", "PER"})
_LEAD_TRIM_LABELS = frozenset({"LOC"})
_NUMBER_WORDS = frozenset({"millionen", "milliarden", "mio", "mio.", "mrd", "mrd.", "tausend", "hundert", "billionen"})


def _is_place(word: str, gazetteer: Any) -> Any:
    """The gazetteer's LOC entry for a word (genitive tolerant: "Kiews"), else None."""
    return next((entry for entry in gazetteer.lookup(word) if entry.label == "LOC"), None)


def _place_head(article: Article, starts: Sequence[int], mention: Mention, gazetteer: Any) -> Mention | None:
    """ "Kiews Chefunterhändlern" → "Kiews" (LOC): a known place followed only by common nouns."""
    first, last = token_range(starts, mention)
    if last == first or mention.source != "model" or gazetteer.lookup(mention.text):
        return None
    place = _is_place(article.tokens[first].text, gazetteer)
    rest = article.tokens[first + 1 : last + 1]
    if place is None or not all(looks_like_common_noun(token.text) for token in rest):
        return None
    head = article.tokens[first]
    return Mention(head.start, head.end, head.text, "LOC", source="model", kind=place.kind)


def _keep(
    article: Article, starts: Sequence[int], mention: Mention, gazetteer: Any, bylines: Sequence[tuple[int, int]]
) -> bool:
    if in_bylines(mention.start, bylines):
        return False
    if len(mention.text) == 1:
        first, _ = token_range(starts, mention)
        return first > 0 and article.tokens[first - 1].text.lower() in _PLATFORM_CUES
    if mention.label in _NOUN_DROP_LABELS and mention.source == "model" and " " not in mention.text:
        head = mention.text.rsplit("-", 1)[-1]
        noun = looks_like_common_noun(head) or ("-" in mention.text and head.lower().endswith(title_endings()))
        return not (noun and not gazetteer.lookup(mention.text))
    return True


def _trim_function_words(article: Article, starts: Sequence[int], mention: Mention) -> Mention:
    """ "Hulk Der" → "Hulk": drop trailing articles and prepositions from a model span."""
    first, last = token_range(starts, mention)
    end = last
    while end > first and article.tokens[end].text.lower() in FUNCTION_WORDS:
        end -= 1
    if end == last:
        return mention
    stop = article.tokens[end].end
    text = article.text[mention.start : stop]
    return Mention(mention.start, stop, text, mention.label, source=mention.source, kind=mention.kind)


def _trim_leading_nouns(article: Article, starts: Sequence[int], mention: Mention, gazetteer: Any) -> Mention:
    """ "Residenzstadt Mannheim" → "Mannheim": drop leading common nouns from a model span."""
    if mention.label not in _LEAD_TRIM_LABELS or mention.source != "model" or gazetteer.lookup(mention.text):
        return mention
    first, last = token_range(starts, mention)
    head = first
    while (
        head < last
        and looks_like_common_noun(article.tokens[head].text)
        and article.tokens[head + 1].text[:1].isupper()
    ):
        head += 1
    if head == first:
        return mention
    start = article.tokens[head].start
    text = article.text[start : mention.end]
    return Mention(start, mention.end, text, mention.label, source=mention.source, kind=mention.kind)


def refine_mentions(article: Article, mentions: Sequence[Mention], gazetteer: Any) -> list[Mention]:
    """Apply the cleaning rules of the module docstring to merged mentions."""
    bylines = byline_ranges(article)
    starts = [token.start for token in article.tokens]
    refined = []
    for mention in mentions:
        mention = _place_head(article, starts, mention, gazetteer) or _trim_function_words(article, starts, mention)
        mention = _trim_leading_nouns(article, starts, mention, gazetteer)
        if _keep(article, starts, mention, gazetteer, bylines):
            refined.append(mention)
    return refined


@functools.cache
def misc_names() -> dict[str, tuple[tuple[tuple[str, ...], bool], ...]]:
    """MISC names by first token: (tokens, only after a number), longest first (`misc_names.tsv`)."""
    names: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for name, *condition in bundled_rows("ner", "misc_names.tsv"):
        words = tuple(name.split())
        names.setdefault(words[0], []).append((words, condition[:1] == ["after-number"]))
    return {first: tuple(sorted(found, key=lambda f: -len(f[0]))) for first, found in names.items()}


def _after_number(tokens: Sequence[Token], index: int) -> bool:
    previous = tokens[index - 1].text if index > 0 else ""
    return any(char.isdigit() for char in previous) or previous.lower() in _NUMBER_WORDS


def misc_mentions(article: Article) -> list[Mention]:
    """Currencies, wars and stock indices from `misc_names.tsv` ("30 Millionen Euro")."""
    tokens, names, found = article.tokens, misc_names(), []
    index = 0
    while index < len(tokens):
        width = 1
        for words, needs_number in names.get(tokens[index].text, ()):
            window = tuple(token.text for token in tokens[index : index + len(words)])
            if window == words and (not needs_number or _after_number(tokens, index)):
                start, end = tokens[index].start, tokens[index + len(words) - 1].end
                found.append(Mention(start, end, article.text[start:end], "MISC", source="rule"))
                width = len(words)
                break
        index += width
    return found


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def acronym_mentions(article: Article) -> list[Mention]:
    """An acronym defined in brackets ("Industriekreditbank ( IKB )") and its other uses, as ORG."""
    tokens = article.tokens
    defined = {
        tokens[i].text
        for i in range(1, len(tokens) - 1)
        if tokens[i - 1].text == "(" and tokens[i + 1].text == ")" and _is_acronym(tokens[i].text)
    }
    return [Mention(t.start, t.end, t.text, "ORG", source="rule") for t in tokens if t.text in defined]
