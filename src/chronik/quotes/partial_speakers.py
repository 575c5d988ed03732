"""The speaker of a quoted phrase that no quotation hosts and no cue introduces: the subject of the
clause it stands in ("Ursprünglich wollte er «ein Konzept vorlegen»" → "er"), or of the clause that
governs it when it stands in a dependent clause ("37 Prozent sind der Auffassung, dass die Lage
«schlecht» sei" → "37 Prozent")."""

from __future__ import annotations

from chronik.quotes.draft import SentenceAnalysis
from chronik.quotes.grammar import FOCUS_PARTICLES, SUBORDINATORS, is_temporal, subject_of

_DEPENDENT_OPENERS = SUBORDINATORS | {"um", "ohne", "statt", "anstatt", "weil", "da", "obwohl", "wenn", "als"}
_NO_SPEAKERS = frozenset({"es", "man", "das", "dies", "sich"})


def clause_subject(analysis: SentenceAnalysis, start: int) -> tuple[int, int] | None:
    """The subject (character span) of the clause that holds the character `start` or governs it."""
    words = analysis.words
    position = analysis.position_at(start)
    number = analysis.segment_of(position)
    if number < 0:
        return None
    while number > 0 and words[analysis.segments[number][0]].key in _DEPENDENT_OPENERS:
        number -= 1
    first, last = analysis.segments[number]
    while first + 1 < last and words[first].key in FOCUS_PARTICLES:
        first += 1  # "Auch der Minister attackierte …"
    subject = subject_of(words, first, min(last, position))
    if subject is None or is_temporal(words, subject) or words[subject[0]].key in _NO_SPEAKERS:
        return None
    return analysis.char_span(*subject)
