"""Speakers read off a sentence's structure where no cue names one.

- A quoted phrase that no quotation hosts and no cue introduces belongs to the subject of the
  clause it stands in ("Ursprünglich wollte er «ein Konzept vorlegen»" → "er"), or of the clause
  that governs it when it stands in a dependent clause ("37 Prozent sind der Auffassung, dass die
  Lage «schlecht» sei" → "37 Prozent").
- A document named as the place of a passive sentence is that sentence's source: "In einer
  Analyse der Zeitung wird der Streit als Machtkampf gesehen. So habe die Ministerin …" — no one
  is the subject of the first sentence; the analysis speaks, and the free indirect speech after it
  continues that source ("Im Bericht werden zahlreiche Fälle aufgeführt. Oft habe …").
"""

from __future__ import annotations

from chronik.quotes.draft import SentenceAnalysis
from chronik.quotes.grammar import (
    FOCUS_PARTICLES,
    SUBORDINATORS,
    is_finite,
    is_temporal,
    noun_phrase_right,
    subject_of,
)
from chronik.quotes.lexicon import QuoteLexicon

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


_PLACE_OPENERS = frozenset({"in", "im"})
_PASSIVE_AUXILIARIES = frozenset({"wird", "werden", "wurde", "wurden"})


def document_place(analysis: SentenceAnalysis, lexicon: QuoteLexicon) -> tuple[int, int] | None:
    """The document phrase, preposition included, that opens a passive main clause ("In einer Analyse der
    BBC wird …", "Im Bericht werden …"), in characters."""
    words = analysis.words
    if len(words) < 4 or words[0].key not in _PLACE_OPENERS:
        return None
    phrase = noun_phrase_right(words, 1, limit=len(words))
    if phrase is None or phrase[1] >= len(words):
        return None
    heads = [word for word in words[phrase[0] : phrase[1]] if word.pos == "NN" or (not word.pos and word.capitalized)]
    if not heads or not lexicon.is_document(heads[0].text):
        return None
    verb = words[phrase[1]]
    if not is_finite(verb) or verb.key not in _PASSIVE_AUXILIARIES:
        return None
    return analysis.char_span(0, phrase[1])
