"""HanTa's two searches over a word's morpheme segmentations, without its repeated work.

HanTa analyses a word it has not cached by a Viterbi search over the word's segmentations
into morphemes: `analyze_forward` gives the tag scores of the word, `analyze_viterbi` its
best segmentation for a given tag (the lemma comes from it). For every kept state, every
end position and every tag that may follow, both call `lp_m_t(segment, tag)`, about 1,200
calls per word; nearly all of them ask a closed word class (articles, verb endings, …)
for a segment it does not hold and get -inf back.

`SegmentSearch` runs the same searches in the same order with the same arithmetic
(`score + transition + morpheme score`, the first of equal scores kept), so its results
are HanTa's, bit for bit; but it looks a segment up in a closed class's table directly,
skips a transition that cannot score, keeps HanTa's guess for the segment of an open class
(nouns, names, adjectives, verbs stems) per word, and filters the transitions that can
reach a tag once per model.
"""

from __future__ import annotations

import math
from operator import itemgetter
from typing import Any

from numpy import logaddexp

_EMPTY, _START, _UNKNOWN, _END_UNKNOWN = 0, 1, 3, -3
_LOWER = -1e6  # HanTa's floor for a partial score
_ROW_BEAM = 3  # HanTa keeps the states within 1 of the 4th best at each position

State = tuple[int, int]


class SegmentSearch:
    """`analyze_forward` / `analyze_viterbi` of one HanTa model (see the module docstring)."""

    def __init__(self, tagger: Any) -> None:
        self._tagger = tagger
        self._morphemes: dict[int, dict[str, float]] = tagger.LP_m_t
        self._open = frozenset(tag for tag in tagger.LP_m_t if tag in tagger.LP_hapax_t and tag in tagger.LP_s_t)
        self._inner: dict[State, list[tuple[int, float]]] = tagger.LP_trans_nonfinal
        self._final: dict[State, list[tuple[int, float]]] = tagger.LP_trans_final
        self._reaching: dict[tuple[State, int], list[tuple[int, float]]] = {}
        self._suffixes: dict[int, dict[str, float]] = tagger.LP_s_t
        self._guess_base = {  # HanTa adds these left to right: same floats
            tag: [tagger.Int_t + tagger.LP_hapax_t[tag] + tagger.LP_len_t[tag][length] for length in range(25)]
            for tag in self._open
        }
        self._index = _morpheme_index(tagger.LP_m_t)

    def forward(self, word: str) -> list[tuple[int, float]]:
        """HanTa's `analyze_forward(word)`: (tag, log-probability) best first."""
        table = self._fill(word, bool(self._tagger.strict), None, None)
        last = self._close(table, None, None)
        results: dict[int, Any] = {}
        for state, score in last.items():
            if score == -math.inf:
                continue
            tag = -state[1]
            results[tag] = logaddexp(results[tag], score) if tag in results else score
        ranked = sorted(results.items(), key=itemgetter(1), reverse=True)
        return ranked if ranked else [(_UNKNOWN, 0)]

    def viterbi(self, word: str, target: int) -> list[tuple[int, int]]:
        """HanTa's `analyze_viterbi(word, target)`: (morpheme tag, end offset) per morpheme."""
        for strict in (True, False):
            backs: list[dict[State, tuple[State, int]]] = [{} for _ in range(len(word) + 2)]
            table = self._fill(word, strict, target, backs)
            last = self._close(table, target, backs)
            if last:
                break
        return _best_path(last, backs)

    def _close(
        self,
        table: list[dict[State, float]],
        target: int | None,
        backs: list[dict[State, tuple[State, int]]] | None,
    ) -> dict[State, float]:
        """The last row: the final transitions after the last morpheme (only into `target` when
        given, with back pointers where `backs` is given), filled into `table[-1]`."""
        last, width = table[-1], len(table) - 2
        for state, score in table[-2].items():
            for tag, transition in self._final.get(state, []):
                if target is not None and tag != target:
                    continue
                total = score + transition
                if total > _LOWER:
                    new = (state[1], tag)
                    if new not in last or total > last[new]:
                        last[new] = total
                        if backs is not None:
                            backs[-1][new] = (state, width)
                if target is not None:
                    break
        return last

    def _fill(
        self,
        word: str,
        strict: bool,
        target: int | None,
        backs: list[dict[State, tuple[State, int]]] | None,
    ) -> list[dict[State, float]]:
        """The search table up to the last morpheme (with back pointers where `backs` is given).

        HanTa loops over end positions, then tags; here tags come first, each with only
        the ends where its morpheme can score: every table cell still receives its
        candidates in HanTa's order (state, then tag), so ties resolve the same way.
        """
        width = len(word)
        start_row: dict[State, float] = {(_EMPTY, _START): 0}  # HanTa starts from the int 0
        table = [start_row] + [{} for _ in range(width + 1)]
        guessing = self._open if not strict else frozenset()
        for start in range(width):
            row = table[start]
            bound = sorted(row.values(), reverse=True)[_ROW_BEAM] - 1 if len(row) > _ROW_BEAM else _LOWER
            spans: dict[int, list[tuple[int, float]]] | None = None
            for state, score in row.items():
                if score < bound:
                    continue
                if spans is None:
                    spans = self._table_spans(word, start, strict=strict)
                followers = self._inner.get(state, []) if target is None else self._reaching_from(state, target)
                before = state[1]
                for tag, transition in followers:
                    ends = spans.get(tag)
                    if ends is None:
                        if tag not in guessing:
                            continue  # HanTa scores every segment -inf
                        ends = spans[tag] = self._guessed_spans(word, start, tag)
                    partial = score + transition  # HanTa: score + transition + morpheme, left to right
                    new = (before, tag)
                    for end, morpheme in ends:
                        total = partial + morpheme
                        if total > _LOWER:
                            cells = table[end]
                            if new not in cells or total > cells[new]:
                                cells[new] = total
                                if backs is not None:
                                    backs[end][new] = (state, start)
        return table

    def _table_spans(self, word: str, start: int, *, strict: bool) -> dict[int, list[tuple[int, float]]]:
        """Tag → (end, score) of each segment from `start` in the tag's morpheme table.

        Open classes are left out unless `strict` (they score every segment, see
        `_guessed_spans`).
        """
        index, morphemes = self._index, self._morphemes
        leave_out = self._open if not strict else frozenset()
        spans: dict[int, list[tuple[int, float]]] = {}
        for end in range(start + 1, len(word) + 1):
            segment = word[start:end]
            for tag in index.get(segment, ()):
                if tag not in leave_out:
                    spans.setdefault(tag, []).append((end, morphemes[tag][segment]))
        return spans

    def _guessed_spans(self, word: str, start: int, tag: int) -> list[tuple[int, float]]:
        """(end, score) of each segment from `start` for an open class: table or guess."""
        known = self._morphemes[tag]
        spans = []
        width = len(word)
        for end in range(start + 1, width + 1):
            segment = word[start:end]
            score = known.get(segment)
            if score is None:
                score = self._guess(segment, tag, width)
                if score == -math.inf:
                    continue
            spans.append((end, score))
        return spans

    def _guess(self, segment: str, tag: int, width: int) -> float:
        """HanTa's `lp_m_t` for a segment outside an open class's table (not strict)."""
        length = len(segment)
        if not (width < 4 or length > 2):
            return -math.inf
        suffixes = self._suffixes[tag]
        ending = None
        for size in range(min(4, length - 1), 0, -1):  # the longest known ending shorter than the segment
            ending = suffixes.get(segment[-size:])
            if ending is not None:
                break
        if ending is None:
            ending = suffixes[""]
        score: float = self._guess_base[tag][min(length, 24)] + ending
        if width == length:
            score -= 4.6  # HanTa's penalty for one unknown morpheme spanning the word
        return score

    def _reaching_from(self, state: State, target: int) -> list[tuple[int, float]]:
        key = (state, target)
        found = self._reaching.get(key)
        if found is None:
            reachable = self._tagger.reachability.get(target, frozenset())
            found = self._reaching[key] = [(t, p) for t, p in self._inner.get(state, []) if t in reachable]
        return found


def _morpheme_index(morphemes: dict[int, dict[str, float]]) -> dict[str, tuple[int, ...]]:
    """Segment → the tags whose morpheme table holds it (tuples of ints: cheap for the GC)."""
    index: dict[str, tuple[int, ...]] = {}
    for tag, table in morphemes.items():
        for segment in table:
            index[segment] = (*index.get(segment, ()), tag)
    return index


def _best_path(last: dict[State, float], backs: list[dict[State, tuple[State, int]]]) -> list[tuple[int, int]]:
    """HanTa's read-out of the best segmentation (an unknown morpheme where there is none)."""
    best_score, best = -math.inf, (_EMPTY, _EMPTY)
    for state, score in last.items():
        if score > best_score:
            best_score, best = score, state
    position = len(backs) - 1
    if best == (_EMPTY, _EMPTY):
        return [(_UNKNOWN, position - 1), (_END_UNKNOWN, position)]
    steps = [(best, position)]
    state = best
    while position > 0:
        state, position = backs[position][state]
        steps.append((state, position))
    return [(state[1], end) for state, end in reversed(steps[:-1])]
