"""Parts of a speech verb's clause besides its subject: whom the speaker addressed, a passive's agent, and
the end of a wie-clause whose comma is missing.

"sagte er gegenüber der Zeitung", "sagte sie dem «Blick»", "wurde von der Polizei bestätigt". Positions
index the sentence's word list.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.grammar import AUXILIARIES, CLAUSE_REACH, PREPOSITIONS, is_finite, noun_phrase_right
from chronik.quotes.view import Word

WERDEN = frozenset({"wird", "werden", "wurde", "wurden", "worden", "würde", "würden", "wirst", "werde"})


def addressee(
    words: Sequence[Word], position: int, segment: tuple[int, int], speaker: tuple[int, int] | None
) -> tuple[int, int] | None:
    """ "sagte er gegenüber der Zeitung", "sagte sie dem «Blick»": whom the speaker addressed."""
    for later in range(position + 1, min(segment[1], position + 1 + CLAUSE_REACH)):
        if speaker is not None and speaker[0] <= later < speaker[1]:
            continue
        word = words[later]
        if word.key == "gegenüber" and later + 1 < segment[1]:
            return noun_phrase_right(words, later + 1, limit=segment[1])
        if word.key == "dem" and (speaker is None or later >= speaker[1]):
            return noun_phrase_right(words, later, limit=segment[1])
        if word.key in PREPOSITIONS and word.key != "gegenüber":
            return None
    return None


def passive_agent(words: Sequence[Word], start: int, anchor: int, end: int) -> tuple[int, int] | None:
    """The agent of a passive: "wurde von X bestätigt", "Von den Behörden wird angenommen"."""
    if words[start].key in ("von", "vom") and anchor > start + 1 and words[anchor].key in AUXILIARIES:
        return noun_phrase_right(words, start + 1, limit=anchor)
    clause = words[anchor + 1 : min(end, anchor + 1 + CLAUSE_REACH)]
    if words[anchor].key not in WERDEN and not any(word.key in WERDEN for word in clause):
        return None  # active voice: "bezeichnet ihre Investition von 5 Prozent als …" has no agent
    for later in range(anchor + 1, min(end, anchor + 1 + CLAUSE_REACH)):
        if words[later].key in ("von", "vom") and later + 1 < end:
            return noun_phrase_right(words, later + 1, limit=end)
    return None


def split_unmarked_wie_clause(words: Sequence[Word], segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A wie-clause that opens the sentence without its closing comma ends at its verb when a finite verb
    follows: "Wie die Polizei mitteilte wurden zwei Menschen verletzt" (not "Wie die Polizei berichtet
    hat, …", whose auxiliary ends the segment, nor "Wie erwartet sind …", which names no source)."""
    if not segments or segments[0][0] != 0 or not words or words[0].key != "wie":
        return segments
    start, end = segments[0]
    for position in range(start + 2, min(end - 2, start + CLAUSE_REACH)):
        verb, following = words[position], words[position + 1]
        plural_present = verb.pos == "VVINF" and following.pos != "VMFIN"  # "berichten" tagged as infinitive
        if (verb.pos in ("VVFIN", "VVPP") or plural_present) and is_finite(following):
            return [(start, position + 1), (position + 1, end), *segments[1:]]
        if is_finite(verb):
            return segments
    return segments
