"""A read-only view of the article for quotation rules: words, sentences, paragraphs.

The view uses the tokenizer's tokens and sentences when they exist and falls back to a
small regex tokenizer and sentence splitter otherwise, so that direct quotes can still be
found on an article that has only text and paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, replace

from chronik.model import Article
from chronik.quotes.lexicon import key

_WORD = re.compile(r"\w+(?:[-'’.&/]\w+)*-?|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?])([»«“”\"'‘›‹]?)\s+(?=[«»„“‚‹›\"'(]?[A-ZÄÖÜ0-9])")
_NAME_LABELS = frozenset({"PER", "ORG", "LOC"})
# Tags the tagger gives to capitalised words of names ("Henk" a verb, "Frei" an adverb, "Klein" an adjective).
_NOT_NAME_TAGS = ("V", "ADJD", "ADV", "PTKVZ")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
_ABBREVIATION_END = re.compile(
    r"(?:\b\w\.|\b(?:Dr|Prof|St|Nr|bzw|ca|vgl|z\.B|u\.a|Mio|Mrd|Abs|Art|Hr|Fr|Jh|usw|etc|evtl|inkl|sog)\.)$"
)


@dataclass(slots=True)  # not frozen: a frozen dataclass takes 5× longer to build (one per token)
class Word:
    index: int
    start: int
    end: int
    text: str
    key: str
    pos: str
    lemma: str
    morph: Mapping[str, str]
    sentence: int

    @property
    def capitalized(self) -> bool:
        """Upper case first, also after a number and hyphen: "Der", "52-Jährige", "3D-Drucker"."""
        first = self.text[:1]
        if first.isdigit() and "-" in self.text:
            first = self.text.split("-", 1)[1][:1]
        return first.isupper()

    @property
    def is_punct(self) -> bool:
        return self.pos.startswith("$") or not any(ch.isalnum() for ch in self.text)


@dataclass(frozen=True, slots=True)
class SentenceView:
    index: int
    start: int
    end: int
    first: int  # index of the first word
    last: int  # index after the last word
    paragraph: int


class ArticleView:
    """Words and sentences of one article, with offset lookups."""

    def __init__(self, article: Article) -> None:
        self.text = article.text
        self.paragraphs = _paragraphs(article)
        self.title_paragraphs = frozenset(i for i, p in enumerate(article.paragraphs) if p.kind == "title")
        self.tagged = any(token.pos for token in article.tokens)
        self.mentions = sorted((m.start, m.end, m.label) for m in article.mentions)
        words, self.sentences = _build(article, self.paragraphs)
        self.words = _names_as_nouns(words, self.mentions)
        self._starts = [word.start for word in self.words]
        self._ends = [word.end for word in self.words]
        self._sentence_starts = [sentence.start for sentence in self.sentences]

    def words_between(self, start: int, end: int) -> range:
        """Indices of the words overlapping the character range [start, end)."""
        return range(bisect_right(self._ends, start), bisect_left(self._starts, end))

    def word_at(self, char: int) -> int | None:
        position = bisect_right(self._starts, char) - 1
        return position if position >= 0 and char < self._ends[position] else None

    def sentence_at(self, char: int) -> int | None:
        position = bisect_right(self._sentence_starts, char) - 1
        return position if position >= 0 and char < self.sentences[position].end else None

    def paragraph_at(self, char: int) -> int:
        for index, (start, end) in enumerate(self.paragraphs):
            if start <= char < end:
                return index
        return len(self.paragraphs) - 1

    def sentence_words(self, sentence: SentenceView) -> list[Word]:
        return self.words[sentence.first : sentence.last]


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    if article.paragraphs:
        return [(p.start, p.end) for p in article.paragraphs]
    ranges: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(article.text):
        ranges.append((position, match.start()))
        position = match.end()
    ranges.append((position, len(article.text)))
    return [(start, end) for start, end in ranges if end > start]


def _names_as_nouns(words: list[Word], mentions: list[tuple[int, int, str]]) -> list[Word]:
    """A capitalised word inside a name the NER found is a proper noun, whatever the tagger said
    ("Henk" tagged as an imperative at the start of "Henk Jaap Meijer sagte …", "Frei" as an adverb)."""
    if not mentions:
        return words
    starts = [start for start, _, _ in mentions]
    fixed = []
    for word in words:
        index = bisect_right(starts, word.start) - 1
        inside = index >= 0 and word.end <= mentions[index][1] and mentions[index][2] in _NAME_LABELS
        if inside and word.pos.startswith(_NOT_NAME_TAGS) and word.text[:1].isupper():
            word = replace(word, pos="NE", morph={})
        fixed.append(word)
    return fixed


def _build(article: Article, paragraphs: list[tuple[int, int]]) -> tuple[list[Word], list[SentenceView]]:
    if article.tokens and article.sentences:
        return _from_tokens(article, paragraphs)
    return _fallback(article.text, paragraphs)


def _from_tokens(article: Article, paragraphs: list[tuple[int, int]]) -> tuple[list[Word], list[SentenceView]]:
    words: list[Word] = []
    sentences: list[SentenceView] = []
    paragraph_starts = [start for start, _ in paragraphs]
    for number, sentence in enumerate(article.sentences):
        first = len(words)
        for token in article.tokens[sentence.token_start : sentence.token_end]:
            words.append(
                Word(len(words), token.start, token.end, token.text, key(token.text), token.pos, token.lemma,
                     token.morph, number)
            )  # fmt: skip
        paragraph = max(0, bisect_right(paragraph_starts, sentence.start) - 1)
        sentences.append(SentenceView(number, sentence.start, sentence.end, first, len(words), paragraph))
    return words, sentences


def _fallback(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list[Word], list[SentenceView]]:
    words: list[Word] = []
    sentences: list[SentenceView] = []
    for paragraph, (start, end) in enumerate(paragraphs):
        for sentence_start, sentence_end in _split_sentences(text, start, end):
            first = len(words)
            for match in _WORD.finditer(text, sentence_start, sentence_end):
                words.append(
                    Word(len(words), match.start(), match.end(), match.group(), key(match.group()), "", "", {},
                         len(sentences))
                )  # fmt: skip
            if len(words) > first:
                sentences.append(SentenceView(len(sentences), sentence_start, sentence_end, first, len(words),
                                              paragraph))  # fmt: skip
    return words, sentences


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION_END.search(text, position, match.start()):
            continue
        spans.append((position, match.start() + len(match.group(1))))
        position = match.end()
    spans.append((position, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]
