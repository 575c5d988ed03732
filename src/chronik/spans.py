"""The one helper that maps character offsets to token and sentence indices and back.

Every layer of an article points into `article.text` with character offsets; stages that
reason over tokens (quotes, events, people) use these functions to move between the two.
`TokenIndex` precomputes the lookup tables once per article; the module-level functions
build one on each call and are meant for occasional lookups.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from chronik.model import Article, Sentence, Span, Token


class TokenIndex:
    """Lookup tables over `article.tokens` and `article.sentences` (build once, query often)."""

    __slots__ = ("_article", "_sentence_starts", "_token_ends", "_token_starts")

    def __init__(self, article: Article) -> None:
        self._article = article
        self._token_starts = [token.start for token in article.tokens]
        self._token_ends = [token.end for token in article.tokens]
        self._sentence_starts = [sentence.start for sentence in article.sentences]

    def token_index_at(self, char: int) -> int | None:
        """Index of the token that contains character `char`, or None in whitespace/outside."""
        position = bisect_right(self._token_starts, char) - 1
        if position >= 0 and char < self._token_ends[position]:
            return position
        return None

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that overlap the character range [start, end)."""
        first = bisect_right(self._token_ends, start)
        last = bisect_left(self._token_starts, end)
        return range(first, max(first, last))

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens that overlap the character range [start, end)."""
        tokens = self._article.tokens
        return [tokens[i] for i in self.token_range(start, end)]

    def sentence_index_at(self, char: int) -> int | None:
        """Index of the sentence whose character range contains `char`."""
        position = bisect_right(self._sentence_starts, char) - 1
        if position >= 0 and char < self._article.sentences[position].end:
            return position
        return None

    def sentence_of(self, char: int) -> Sentence | None:
        """The sentence that contains character `char`, if any."""
        position = self.sentence_index_at(char)
        return None if position is None else self._article.sentences[position]

    def sentence_index_of_token(self, token_index: int) -> int | None:
        """Index of the sentence that holds token `token_index`."""
        if not 0 <= token_index < len(self._token_starts):
            return None
        return self.sentence_index_at(self._token_starts[token_index])


def token_index_at(article: Article, char: int) -> int | None:
    """Index of the token containing character `char` (None for whitespace or out of range)."""
    return TokenIndex(article).token_index_at(char)


def token_range(article: Article, start: int, end: int) -> range:
    """Indices of the tokens overlapping the character range [start, end)."""
    return TokenIndex(article).token_range(start, end)


def tokens_in(article: Article, start: int, end: int) -> list[Token]:
    """Tokens overlapping the character range [start, end)."""
    return TokenIndex(article).tokens_in(start, end)


def sentence_of(article: Article, char: int) -> Sentence | None:
    """The sentence containing character `char`."""
    return TokenIndex(article).sentence_of(char)


def char_span(article: Article, token_start: int, token_end: int) -> Span:
    """The character span covered by tokens [token_start, token_end) (end exclusive)."""
    if not 0 <= token_start < token_end <= len(article.tokens):
        raise IndexError(f"token range {token_start}:{token_end} outside 0:{len(article.tokens)}")
    start = article.tokens[token_start].start
    end = article.tokens[token_end - 1].end
    return article.span(start, end)


def sentence_tokens(article: Article, sentence: Sentence) -> list[Token]:
    """The tokens of one sentence."""
    return article.tokens[sentence.token_start : sentence.token_end]
