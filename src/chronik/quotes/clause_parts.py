"""Parts of a speech verb's clause besides its subject: whom the speaker addressed and a passive's agent.

"sagte er gegenüber der Zeitung", "sagte sie dem «Blick»", "wurde von der Polizei bestätigt". Positions
index the sentence's word list.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.grammar import AUXILIARIES, CLAUSE_REACH, PREPOSITIONS, noun_phrase_right
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
