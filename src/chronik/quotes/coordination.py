"""Where one reporting clause ends and a coordinated one begins, inside a sentence with several cues.

"…, Annabi sei tot, doch der Sprecher erklärte, …" and "Sie erklärte, der Plan sei falsch und kündigte
an, …" end the first message before the second cue; "Er lobte die Arbeit und sagte, sie sei gut" gives
the content clause to the speech verb right before it. Positions index the sentence's word list.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from chronik.quotes.correlates import needs_correlate
from chronik.quotes.draft import Cue, SentenceAnalysis
from chronik.quotes.grammar import CLAUSE_REACH, is_finite, trim_punct
from chronik.quotes.view import Word

# Coordinators that can join a second reporting clause: "…, doch X erklärte …".
_COORDINATORS = frozenset({"doch", "aber", "und", "sondern", "während", "jedoch"})


def cut_at_next_cue(
    analysis: SentenceAnalysis,
    cue: Cue,
    message: list[tuple[int, int]],
    cue_starts: list[int],
    reports: Callable[[Cue], bool],
) -> list[tuple[int, int]]:
    """End a message where a coordinated clause with a speech verb of its own begins:
    "…, Annabi sei tot, doch der Sprecher erklärte, …" / "… untergeordnet und die Fraktion forderte …".
    Only cues whose clause can open inside the message's last span are read (`cue_starts`: the first
    word of each cue, in order)."""
    if not message:
        return message
    words = analysis.words
    first = bisect_right(cue_starts, analysis.position_at(message[-1][0]))
    last = bisect_right(cue_starts, analysis.position_at(message[-1][1]) + CLAUSE_REACH)
    for other in analysis.cues[first:last]:
        if other is cue or other.kind != "verb" or other.subordinate:
            continue
        if needs_correlate(other.lemma) and not reports(other):
            continue  # "… habe jedoch keine Gefahr bestanden": "bestehen" without "darauf" says nothing
        if other.speaker is None or other.guessed_speaker:
            # "…, jedoch stets beteuert, …" / "… sei falsch und kündigte an, …": a coordinated predicate
            opener = _coordinator_before(words, other)
            if opener is None or not reports(other):
                continue  # "… seien beschossen worden und erwiderten das Feuer" stays one message
        else:
            opener = min(other.speaker[0], other.words[0]) - 1
        if opener <= 0 or not (words[opener].key in _COORDINATORS or _asyndetic_reporter(words, cue, other, opener)):
            continue
        cut = words[opener].start
        if not message[-1][0] < cut < message[-1][1]:
            continue
        end = trim_punct(words, opener, 0)
        return [*message[:-1], (message[-1][0], words[end - 1].end)]
    return message


def nearer_cue(analysis: SentenceAnalysis, cue: Cue, message: list[tuple[int, int]], cue_starts: list[int]) -> bool:
    """Another speech verb of the cue's clause stands between the cue and its message, so the message
    is that verb's complement: "Er lobte die Arbeit und sagte, …" (`cue_starts` as in `_cut_at_next_cue`)."""
    if cue.kind != "verb":
        return False
    opening = analysis.position_at(message[0][0])
    first = bisect_right(cue_starts, max(cue.words))
    for other in analysis.cues[first : bisect_left(cue_starts, opening)]:
        if other.segment != cue.segment:
            return False  # a later clause: the cues are in text order
        if other.kind == "verb" and not other.subordinate and max(other.words) < opening:
            return True
    return False


def _coordinator_before(words: Sequence[Word], other: Cue) -> int | None:
    """Where a cue's coordinated predicate opens (no subject of its own): the coordinator within three
    words before the verb ("… sei falsch und kündigte an"), else its segment's first word when that is
    at most three words before ("…, jedoch stets beteuert")."""
    start = other.segment[0]
    for position in range(other.words[0] - 1, max(start, other.words[0] - 4) - 1, -1):
        if position > 0 and words[position].key in _COORDINATORS:
            return position
    return None if other.words[0] - start > 3 or start == 0 else start


def _asyndetic_reporter(words: Sequence[Word], cue: Cue, other: Cue, opener: int) -> bool:
    """A frame's message ends before a main clause after a comma whose named subject reports in the
    indicative: "Laut den Veranstaltern kamen 7000, die Polizei sprach von 4000." """
    verb = words[other.words[0]]
    indicative = is_finite(verb) and verb.morph.get("Mood") != "Sub"  # not "…, die Anzeige zurückgewiesen"
    subject_first = other.speaker is not None and other.speaker[0] == opener + 1 < other.words[0]
    return cue.kind == "frame" and words[opener].text == "," and indicative and subject_first
