"""Rule-based sentence boundaries inside one paragraph of tokens.

A sentence ends after terminal punctuation (. ! ? … ...) plus any closing quotation marks
or brackets that stick to it, unless what follows continues the sentence: a lower-case
word, a comma («Nein», sagte sie), or an elision mark "[…]". Abbreviations and ordinals
keep their full stop inside the token (spaCy's tokenizer + ours), so they never end a
sentence, except list-final ones ("usw.", "etc.") before a typical sentence opener.
Paragraph boundaries are always sentence boundaries; the caller splits paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.model import Token
from chronik.nlp import lexicon

_TERMINAL_CHARS = frozenset(".!?…")
_QUOTES = frozenset("«»„“”\"‚‘’‹›'")
_CLOSING_BRACKETS = frozenset(")]}")
_CONTINUATION = frozenset({",", ";", ":", "–", "—", "-", ")", "]"})
_ELLIPSES = frozenset({"…", "...", "...."})
_DOUBLED_QUOTES = frozenset({"''", "``", "‚‚", "‘‘", "’’"})
_EMOTICONS = frozenset({":)", ":-)", ";)", ";-)", ":(", ":-(", ":D", ":-D", ":P", ":-P", "^^"})


def is_terminal(text: str) -> bool:
    """True for a token made only of sentence-final punctuation ("." "?!" "…")."""
    return bool(text) and text[0] in _TERMINAL_CHARS and all(char in _TERMINAL_CHARS for char in text)


def _closes(tokens: Sequence[Token], position: int) -> bool:
    """Does the token at `position` still belong to the sentence end before it?

    Closing brackets, repeated punctuation ("!!!"), emoticons and quotation marks glued to
    the preceding token do.
    """
    text = tokens[position].text
    if text in _CLOSING_BRACKETS or text in _EMOTICONS or is_terminal(text):
        return True
    if text in _DOUBLED_QUOTES:
        return not tokens[position - 1].space_after
    if len(text) != 1 or text not in _QUOTES:
        return False
    return not tokens[position - 1].space_after


def _end_of_closers(tokens: Sequence[Token], position: int) -> int:
    """Index just past the terminal token at `position` and the closers glued to it."""
    end = position + 1
    while end < len(tokens) and _closes(tokens, end):
        end += 1
    return end


def _continues(tokens: Sequence[Token], position: int) -> bool:
    """Does the token at `position` continue the sentence before it?"""
    text = tokens[position].text
    first = text[0]
    return text in _CONTINUATION or (first.isalpha() and first.islower())


def _boundary_after_terminal(tokens: Sequence[Token], position: int, end: int) -> bool:
    if tokens[position].text in _ELLIPSES and position > 0 and tokens[position - 1].text in {"(", "["}:
        return False
    return end >= len(tokens) or not _continues(tokens, end)


def _boundary_after_abbreviation(tokens: Sequence[Token], position: int, sentence_final: frozenset[str]) -> bool:
    if tokens[position].text not in sentence_final or position + 1 >= len(tokens):
        return False
    return tokens[position + 1].text in lexicon.bundled_set("sentence_starters.txt")


def split_sentences(tokens: Sequence[Token], *, sentence_final: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(first, end) token index pairs (end exclusive) covering all `tokens` in order."""
    boundaries: list[tuple[int, int]] = []
    first = 0
    position = 0
    while position < len(tokens):
        text = tokens[position].text
        end = position + 1
        boundary = False
        if is_terminal(text):
            end = _end_of_closers(tokens, position)
            boundary = _boundary_after_terminal(tokens, position, end)
        elif text.endswith(".") and len(text) > 1:
            boundary = _boundary_after_abbreviation(tokens, position, sentence_final)
        if boundary and end < len(tokens):
            boundaries.append((first, end))
            first = end
        position = end
    if first < len(tokens):
        boundaries.append((first, len(tokens)))
    return boundaries
