"""The working record of a quotation while the rules run, and the per-sentence analysis they share."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate

from chronik.model import Medium, QuoteType
from chronik.quotes.view import Word


@dataclass(slots=True)
class Cue:
    """One attribution cue; all positions index the sentence's word list."""

    words: list[int]
    lemma: str
    medium: Medium
    kind: str  # verb | impersonal | frame | noun | anaphoric
    segment: tuple[int, int]
    speaker: tuple[int, int] | None = None
    frame: tuple[int, int] | None = None
    verb_initial: bool = False
    document_reference: bool = False
    finite: bool = True
    subordinate: bool = False  # the cue verb ends a subordinate clause: "…, wie X mitteilte"
    addressee: tuple[int, int] | None = None
    guessed_speaker: bool = False  # the speaker comes from a fallback, not from the clause rules
    passive: bool = False  # "wurde … aufgefordert": the grammatical subject is no speaker
    citing: tuple[int, int] | None = None  # who quotes the speaker: "Der Spiegel zitiert X mit den Worten"


@dataclass(slots=True)
class Draft:
    """A quotation found by a rule, in character offsets, before speakers are resolved."""

    type: QuoteType
    message: list[tuple[int, int]]
    sentences: list[int]
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    speaker: tuple[int, int] | None = None
    medium: Medium = "unknown"
    partial: bool = False
    frame: tuple[int, int] | None = None
    document_reference: bool = False
    plural_speaker: bool = False
    inherits_speaker: bool = False
    addressee: tuple[int, int] | None = None
    antecedent: tuple[int, int] | None = None  # the source an adverb speaker ("Demnach") stands for
    citing: tuple[int, int] | None = None  # the outlet or document that quotes the speaker

    @property
    def start(self) -> int:
        return self.message[0][0]

    @property
    def end(self) -> int:
        return self.message[-1][1]

    def covers(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.message)

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.message)


@dataclass(slots=True)
class SentenceAnalysis:
    """One sentence's words, the words inside quotation marks, its segments and its cues."""

    index: int
    paragraph: int
    words: list[Word]
    masked: set[int]
    segments: list[tuple[int, int]]
    cues: list[Cue]
    used_cues: set[int] = field(default_factory=set)  # positions of the first cue word

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        """Characters of the words [first, last) of this sentence."""
        return self.words[first].start, self.words[last - 1].end

    def position_at(self, char: int) -> int:
        """The list position of the first word that starts at or after `char` (binary search)."""
        return bisect_left(self.words, char, key=lambda word: word.start)

    def segment_of(self, position: int) -> int:
        for number, (start, end) in enumerate(self.segments):
            if start <= position < end:
                return number
        return -1


class Coverage:
    """How many characters of a range fixed spans cover (overlaps counted once per span), in
    O(log n) per question: covered(a, b) = G(b) - G(a), with G(x) the span characters before x."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        valid = [(start, end) for start, end in spans if start < end]
        self._starts = sorted(start for start, _ in valid)
        self._ends = sorted(end for _, end in valid)
        self._start_sums = list(accumulate(self._starts, initial=0))
        self._end_sums = list(accumulate(self._ends, initial=0))

    def covered(self, start: int, end: int) -> int:
        return self._before(end) - self._before(start) if start < end else 0

    def _before(self, x: int) -> int:
        opened = bisect_left(self._starts, x)
        closed = bisect_left(self._ends, x)
        return (opened * x - self._start_sums[opened]) - (closed * x - self._end_sums[closed])
