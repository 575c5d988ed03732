"""Stage "tokenizer": tokens and sentences for German news text.

spaCy's rule tokenizer for German (`spacy.blank("de")`) does the word splitting; we extend
it with Swiss and French quotation marks (‹› ‚‘), hashtags, ISO dates and our abbreviation
list, then split a year-final full stop ("im Jahr 2005. Die …") off the number. Sentences
come from `chronik.nlp.sentences` and never cross a paragraph boundary, so titles, bylines
and subheads without final punctuation are sentences of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from chronik.model import Article, Sentence, Token
from chronik.nlp import lexicon
from chronik.nlp.sentences import split_sentences
from chronik.nlp.spacy_vocab import on_renew, renew_when_full, shared_vocab

_EXTRA_PREFIXES = ("‹", "›", "‚", "‘", "’", "«", "»", "„", "“", "”")
_EXTRA_SUFFIXES = ("‹", "›", "‘", "’", "‚", "«", "»", "“", "”")
# A full stop after a closing quote or an ISO date is punctuation, not part of the token.
_EXTRA_DOT_SUFFIXES = [r"(?<=[‹›‚‘’«»“”])\.", r"(?<=\d{4}-\d{2}-\d{2})\."]
_WHOLE_TOKEN = re.compile(r"^(?:#\w[\w-]*|\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?)$")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_NUMBER_DOT = re.compile(r"^(\d+)\.$")
_URL_START = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)
# spaCy's tokenizer looks for affixes across the rest of a space-free run at every split, which
# is quadratic in the run's length; runs longer than this (never words) are cut into chunks.
MAX_RUN = 400
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


@cache
def load_spacy_tokenizer(abbreviations: frozenset[str]) -> Any:
    """A spaCy German tokenizer with our additions (built once per process, list and vocabulary).

    It works on the vocabulary it shares with the bundled NER model (`chronik.nlp.spacy_vocab`).
    """
    import spacy
    from spacy.symbols import ORTH
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    nlp = spacy.blank("de", vocab=shared_vocab())
    tokenizer: Any = nlp.tokenizer
    prefixes = [p for p in nlp.Defaults.prefixes or [] if p != "#"] + [re.escape(p) for p in _EXTRA_PREFIXES]
    suffixes = list(nlp.Defaults.suffixes or []) + [re.escape(s) for s in _EXTRA_SUFFIXES] + _EXTRA_DOT_SUFFIXES
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    default_match = tokenizer.token_match

    def token_match(text: str) -> Any:
        return _WHOLE_TOKEN.match(text) or (default_match(text) if default_match else None)

    tokenizer.token_match = token_match
    for abbreviation in abbreviations:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return tokenizer


on_renew(load_spacy_tokenizer.cache_clear)


@cache
def abbreviation_table(extra: tuple[str, ...] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """(all abbreviations, those that may also end a sentence), with capitalised variants."""
    every: set[str] = set()
    final: set[str] = set()
    for line in lexicon.read_lines("abbreviations.txt", extra=extra):
        word, _, flag = line.partition(" ")
        for variant in (word, word[:1].upper() + word[1:]):
            every.add(variant)
            if flag.strip() == "*":
                final.add(variant)
    return frozenset(every), frozenset(final)


def paragraph_ranges(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) for each paragraph; blank-line blocks when there are none."""
    if article.paragraphs:
        return [(p.start, p.end, i) for i, p in enumerate(article.paragraphs)]
    ranges: list[tuple[int, int, int]] = []
    position = 0
    for match in _BLANK_LINES.finditer(article.text):
        ranges.append((position, match.start(), 0))
        position = match.end()
    ranges.append((position, len(article.text), 0))
    return [(start, end, index) for start, end, index in ranges if article.text[start:end].strip()]


def tokenize_text(text: str, *, offset: int = 0, extra_lexicons: tuple[str, ...] = ()) -> list[Token]:
    """Tokens of `text` (whitespace dropped), offsets shifted by `offset`."""
    abbreviations, _ = abbreviation_table(extra_lexicons)
    tokenizer = load_spacy_tokenizer(abbreviations)
    tokens: list[Token] = []
    position = 0
    for run in _LONG_RUN.finditer(text):
        tokens += _tokenize_range(tokenizer, text, position, run.start(), offset)
        for chunk in range(run.start(), run.end(), MAX_RUN):
            tokens += _tokenize_range(tokenizer, text, chunk, min(chunk + MAX_RUN, run.end()), offset)
        position = run.end()
    tokens += _tokenize_range(tokenizer, text, position, len(text), offset)
    renew_when_full(tokenizer.vocab)  # spaCy's vocabulary grows with every new word
    return _split_final_number_dots(tokens)


def _tokenize_range(tokenizer: Any, text: str, start: int, end: int, offset: int) -> list[Token]:
    """Tokens of `text[start:end]`; `space_after` is read from the whole text."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    tokens: list[Token] = []
    length = len(text)
    # One array of (offset, length, is space) instead of a spaCy Token object per token (~6 µs each).
    for index, size, is_space in tokenizer(text[start:end]).to_array([IDX, LENGTH, IS_SPACE]).tolist():
        if is_space:
            continue
        first = start + index
        last = first + size
        space_after = last < length and text[last].isspace()
        tokens.append(Token(offset + first, offset + last, text[first:last], space_after=space_after))
    return tokens


def _split_final_number_dots(tokens: list[Token]) -> list[Token]:
    """Split "2005." into "2005" + "." where the dot ends a sentence rather than an ordinal (and URLs)."""
    months = lexicon.bundled_set("months.txt")
    starters = lexicon.bundled_set("sentence_starters.txt")
    result: list[Token] = []
    for position, token in enumerate(tokens):
        if not token.text.endswith(".") or len(token.text) < 2:
            result.append(token)
            continue
        match = _NUMBER_DOT.match(token.text)
        following = tokens[position + 1].text if position + 1 < len(tokens) else None
        is_url_with_dot = _URL_START.match(token.text) is not None and token.text.endswith(".")
        if is_url_with_dot or (
            match and _number_dot_ends_sentence(match.group(1), following, months=months, starters=starters)
        ):
            result.append(Token(token.start, token.end - 1, token.text[:-1], space_after=False))
            result.append(Token(token.end - 1, token.end, ".", space_after=token.space_after))
        else:
            result.append(token)
    return result


def _number_dot_ends_sentence(
    digits: str, following: str | None, *, months: frozenset[str], starters: frozenset[str]
) -> bool:
    if following is None:
        return True
    if following in months or not following[:1].isupper():
        return False
    return len(digits) >= 4 or following in starters


def tokenize_article(article: Article, *, extra_lexicons: tuple[str, ...] = ()) -> tuple[list[Token], list[Sentence]]:
    """Tokens and sentences for the whole article, paragraph by paragraph."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for start, end, paragraph in paragraph_ranges(article):
        _add_paragraph(article, (start, end, paragraph), tokens, sentences, extra_lexicons=extra_lexicons)
    return tokens, sentences


def _add_paragraph(
    article: Article,
    bounds: tuple[int, int, int],
    tokens: list[Token],
    sentences: list[Sentence],
    *,
    extra_lexicons: tuple[str, ...],
) -> None:
    """Append one paragraph's (start, end, number) tokens and sentences."""
    start, end, paragraph = bounds
    _, sentence_final = abbreviation_table(extra_lexicons)
    paragraph_tokens = tokenize_text(article.text[start:end], offset=start, extra_lexicons=extra_lexicons)
    for first, last in split_sentences(paragraph_tokens, sentence_final=sentence_final):
        s_start, s_end = paragraph_tokens[first].start, paragraph_tokens[last - 1].end
        sentence = Sentence(
            s_start, s_end, article.text[s_start:s_end], len(tokens) + first, len(tokens) + last, paragraph
        )
        sentences.append(sentence)
    tokens.extend(paragraph_tokens)


@dataclass(frozen=True)
class TokenizerStage:
    """Adds `article.tokens` and `article.sentences` (replacing any earlier ones)."""

    extra_lexicons: tuple[str, ...] = ()
    name: str = "tokenizer"
    requires: tuple[str, ...] = ("text", "paragraphs")
    provides: tuple[str, ...] = field(default=("tokens", "sentences"))

    def __call__(self, article: Article) -> Article:
        article.tokens, article.sentences = tokenize_article(article, extra_lexicons=self.extra_lexicons)
        return article


def create_stage(*, abbreviations: Sequence[str] = ()) -> TokenizerStage:
    """Build the tokenizer stage; `abbreviations` names extra abbreviation list files."""
    return TokenizerStage(extra_lexicons=tuple(str(path) for path in abbreviations))
