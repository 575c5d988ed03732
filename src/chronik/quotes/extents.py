"""Message extents: from a word to the sentence end or to the next main clause, and the clause around a
frame ("Laut X …", "…, so X, …"). Positions index the sentence's word list; results are character spans."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from chronik.quotes.draft import SentenceAnalysis
from chronik.quotes.grammar import CLAUSE_REACH, SENTENCE_FINAL, SUBORDINATORS, is_finite, konjunktiv, trim_punct
from chronik.quotes.lexicon import QuoteLexicon
from chronik.quotes.view import Word

_CLAUSE_OPENERS = frozenset({"jedoch", "lediglich", "aber", "doch", "sondern", "und", "oder", "allerdings"})
_CONTENT_OPENERS = frozenset({"dass", "daß", "ob"})
_BRACKET_END = ("VVPP", "VAPP", "VVINF", "VAINF", "VMINF", "PTKVZ", "$")
RELATIVE_PRONOUNS = frozenset({"der", "die", "das", "dem", "den", "deren", "dessen", "welcher", "welche", "welches"})


def has_finite(analysis: SentenceAnalysis, segment: tuple[int, int], lexicon: QuoteLexicon) -> bool:
    """A finite verb (or a Konjunktiv form the tagger missed) in the stretch: a clause, not a phrase."""
    words = analysis.words
    for position in range(segment[0], segment[1]):
        if is_finite(words[position]) or konjunktiv(words, position, lexicon) is not None:
            return True
    return False


def to_main_clause(analysis: SentenceAnalysis, first: int, lexicon: QuoteLexicon) -> tuple[int, int]:
    """The message from `first` to the sentence end, or to the last comma before a new main clause that
    opens with an indicative finite verb: "…, einen Antrag einzubringen, nach welchem …, haben sich viele
    Stimmen gemeldet" (a Konjunktiv there continues the message: "…, er komme, sei aber krank")."""
    words = analysis.words
    segments = analysis.segments
    if words[first].key in _CONTENT_OPENERS:
        coordinated = _coordinated_main_verb(analysis, first, lexicon)
        if coordinated is not None:
            return analysis.char_span(first, coordinated)
    for start, end in segments[bisect_right(segments, (first, len(words))) :]:
        if start > first + CLAUSE_REACH:
            break
        if words[start - 1].text == ":" and words[start].index in analysis.masked:
            return analysis.char_span(first, trim_punct(words, start - 1, first + 1))  # "…, X werde Y: «…»"
        if words[start].index in analysis.masked or words[start - 1].text != ",":
            continue
        closes_bracket = all(word.pos.startswith(_BRACKET_END) for word in words[start:end] if not word.is_punct)
        if (is_finite(words[start]) and konjunktiv(words, start, lexicon) is None) or closes_bracket:
            last = trim_punct(words, start - 1, first + 1)  # also "keine Hinweise, dass …, gefunden"
            return analysis.char_span(first, last)
    return to_end(analysis, first)


def _coordinated_main_verb(analysis: SentenceAnalysis, first: int, lexicon: QuoteLexicon) -> int | None:
    """The end of a dass/ob clause before "und" with a finite indicative verb right after it, which goes
    on with the main clause: "warnte, dass X eingesetzt werde und weigerte sich, …" (a dass clause ends
    with its verb)."""
    words = analysis.words
    for position in range(first + 2, min(len(words) - 1, first + CLAUSE_REACH)):
        word = words[position]
        if word.text in (",", ":", ";") or word.index in analysis.masked:
            return None
        after = words[position + 1]
        if word.key == "und" and is_finite(after) and konjunktiv(words, position + 1, lexicon) is None:
            verb_second = position + 2 < len(words) and not words[position + 2].is_punct  # not "dass er kam und ging"
            return position if is_finite(words[position - 1]) and verb_second else None
    return None


def to_end(analysis: SentenceAnalysis, first: int) -> tuple[int, int]:
    words = analysis.words
    last = len(words)
    while last > first + 1 and words[last - 1].text in SENTENCE_FINAL:
        last -= 1
    return analysis.char_span(first, last)


def frame_clause_start(analysis: SentenceAnalysis, frame: tuple[int, int], lexicon: QuoteLexicon) -> int:
    """Where the clause that holds a frame begins: a subordinate clause ("…, da nach Angaben X …") or a
    second main clause after a comma ("…, lediglich der Hafen wurde laut X freigegeben") keep the
    frame to themselves; otherwise the message starts with the sentence."""
    number = analysis.segment_of(frame[0])
    if number <= 0:
        return 0
    start, end = analysis.segments[number]
    words = analysis.words
    opener = words[start]
    if start == 0 or words[start - 1].text not in (",", ";"):
        return 0
    relative = opener.pos.startswith("PREL") or (start + 1 < end and words[start + 1].pos.startswith("PREL"))
    if opener.key in SUBORDINATORS or relative or opener.key in _CLAUSE_OPENERS:
        return start  # also "…, nach denen …"
    earlier = (analysis.segments[0][0], analysis.segments[number - 1][1])
    own = [p for p in range(start, end) if not frame[0] <= p < frame[1]]
    two_clauses = any(is_finite(words[p]) for p in own) and has_finite(analysis, earlier, lexicon)
    return start if two_clauses and not is_finite(words[start]) else 0


def around(
    analysis: SentenceAnalysis, frame: tuple[int, int], *, first: int = 0, lexicon: QuoteLexicon | None = None
) -> list[tuple[int, int]]:
    """The sentence (or the clause from `first`) without its frame ("Laut X", ", so X,") and the commas next
    to it; a clause from `first` ends before a main clause that resumes after it ("Die Spieler, die sich
    laut X trennen wollen, werden …": up to "wollen") when `lexicon` is given."""
    words = analysis.words
    spans: list[tuple[int, int]] = []
    left_end = frame[0]
    while left_end > first and words[left_end - 1].text in (",", "–", "—", "("):
        left_end -= 1
    if left_end > first:
        spans.append(analysis.char_span(first, left_end))
    right_start = _after_relative_clause(words, frame[1])
    quote_after_colon = right_start + 1 < len(words) and words[right_start + 1].index in analysis.masked
    if right_start < len(words) and words[right_start].text == ":" and quote_after_colon:
        right_start = len(words)  # "…, so X: «…»": what follows the colon is the frame's own quote
    while right_start < len(words) and words[right_start].text in (",", "–", "—", ")", ":"):
        right_start += 1
    if right_start < len(words) and words[right_start].text not in SENTENCE_FINAL:
        within = first > 0 and lexicon is not None
        spans.append(
            to_main_clause(analysis, right_start, lexicon) if within and lexicon else to_end(analysis, right_start)
        )
    if sum(1 for s, e in spans for _ in range(1)) == 0:
        return []
    return spans if _word_count(analysis, spans) >= 3 else []


def in_brackets(
    analysis: SentenceAnalysis, frame: tuple[int, int], lexicon: QuoteLexicon
) -> list[tuple[int, int]] | None:
    """A frame that opens a bracket reports only the bracket's content, and only a clause: "(nach anderen
    Angaben liegt die Stadt näher)" holds a message, "von 100 (nach anderen Angaben 110) Kilometern" none;
    None when the frame opens no bracket."""
    words = analysis.words
    if frame[0] == 0 or words[frame[0] - 1].text != "(":
        return None
    close = next((p for p in range(frame[1], min(len(words), frame[1] + CLAUSE_REACH)) if words[p].text == ")"), None)
    if close is None or close == frame[1] or not has_finite(analysis, (frame[1], close), lexicon):
        return []
    return [analysis.char_span(frame[1], close)]


def _after_relative_clause(words: Sequence[Word], position: int) -> int:
    """Past a relative clause on the frame's source: "Nach Angaben der Behörden, die nicht überprüft werden
    können, waren …" (the message starts after the comma that closes it, behind its final verb)."""
    if position + 1 >= len(words) or words[position].text != "," or words[position + 1].key not in RELATIVE_PRONOUNS:
        return position
    if words[position + 1].pos and words[position + 1].pos != "PRELS":
        return position
    for later in range(position + 2, min(len(words), position + 2 + CLAUSE_REACH)):
        if words[later].text == ",":
            return later if words[later - 1].pos.startswith("V") else position
    return position


def _word_count(analysis: SentenceAnalysis, spans: list[tuple[int, int]]) -> int:
    return sum(1 for word in analysis.words if not word.is_punct and any(s <= word.start < e for s, e in spans))
