"""Indirect speech in a content clause after a main clause in the indicative, without a listed cue.

"Die Anwältin war sich sicher, dass der Zeuge gelogen habe." / "Aus dem Rathaus ist zu hören, der Markt
werde verschoben." / "Die Pendler beschweren sich über die Baustelle, nur ein Gleis sei befahrbar." The
main clause reports; its Konjunktiv-free finite verb
is the cue and its subject the speaker, and the message is the clause with the Konjunktiv, not the whole
sentence as free indirect speech. A Konjunktiv only in a relative clause ("…, die verboten sei") or in
an adverbial clause ("…, weil er gelogen habe") keeps the whole sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.draft import Draft, SentenceAnalysis
from chronik.quotes.frames import with_apposition
from chronik.quotes.grammar import (
    COORDINATORS,
    FOCUS_PARTICLES,
    SUBORDINATORS,
    adverbial_clause,
    is_finite,
    is_temporal,
    konjunktiv,
    noun_phrase_right,
    subject_of,
    trim_punct,
)
from chronik.quotes.lexicon import QuoteLexicon
from chronik.quotes.view import Word

# Words that open a content clause: "…, dass …", "…, ob …", "…, was passiert sei".
_CONTENT_OPENERS = frozenset({"dass", "daß", "ob", "was", "wie", "wer", "warum", "weshalb", "wann", "wo", "wieso"})
# Tags of words that open a clause which is no content clause (relative pronouns, adverbial subordinators).
_NOT_CONTENT_TAGS = frozenset({"PRELS", "PRELAT", "KOUS", "KOUI", "KON", "PWAV"})
# Prepositions that name the source of a main clause without a subject.
_SOURCE_PREPOSITIONS = frozenset({"aus", "von", "vom", "seitens"})
# Modal forms that report by themselves ("Er soll die Information erhalten haben, dass …"): free indirect.
_REPORTATIVE = frozenset({"soll", "sollen"})


def content_clause(analysis: SentenceAnalysis, lexicon: QuoteLexicon) -> Draft | None:
    """An Indirect draft for the Konjunktiv content clause of an indicative main clause, or None."""
    words, segments = analysis.words, analysis.segments
    main, skip = _main_clause(analysis)
    if len(segments) < skip + 1 or not _indicative_main_clause(analysis, main, lexicon):
        return None
    for number, (start, end) in enumerate(segments[skip:], start=skip):
        moods = [i for i in range(start, end) if _konjunktiv(analysis, i, lexicon)]
        if not moods:
            continue
        if not _opens_content(words, start, moods[0]):
            return None
        last = _message_end(analysis, number, lexicon)
        return _draft(analysis, main, start, last)
    return None


def _main_clause(analysis: SentenceAnalysis) -> tuple[tuple[int, int], int]:
    """The first main clause and the number of segments it takes: one, or three when its subject has a
    name in apposition ("Auch der Sprecher der Partei, Jan Weber, will prüfen, ob …")."""
    words, segments = analysis.words, analysis.segments
    first = segments[0]
    if len(segments) > 3 and _apposition(words, segments[1]) and not any(is_finite(w) for w in words[slice(*first)]):
        return (first[0], segments[2][1]), 3
    return first, 1


def _apposition(words: Sequence[Word], segment: tuple[int, int]) -> bool:
    """A comma-delimited stretch of capitalised name words: ", Jan Weber,"."""
    names = [word for word in words[segment[0] : segment[1]] if not word.is_punct]
    return 0 < len(names) <= 4 and all(word.capitalized and word.pos in ("NE", "NN", "") for word in names)


def _konjunktiv(analysis: SentenceAnalysis, position: int, lexicon: QuoteLexicon) -> bool:
    words = analysis.words
    return words[position].index not in analysis.masked and konjunktiv(words, position, lexicon) is not None


def _indicative_main_clause(analysis: SentenceAnalysis, segment: tuple[int, int], lexicon: QuoteLexicon) -> bool:
    """The first stretch is a main clause with a finite verb in the indicative, no Konjunktiv and no
    reportative "soll"."""
    words = analysis.words
    start, end = segment
    first = words[start]
    if first.key in SUBORDINATORS or first.pos in _NOT_CONTENT_TAGS or adverbial_clause(first, words[end - 1]):
        return False
    finite = [i for i in range(start, end) if is_finite(words[i]) and words[i].index not in analysis.masked]
    if not finite or any(konjunktiv(words, i, lexicon) is not None or words[i].key in _REPORTATIVE for i in finite):
        return False
    return all(words[i].morph.get("Mood", "Ind") == "Ind" for i in finite)


def _opens_content(words: Sequence[Word], start: int, verb: int) -> bool:
    """A dass/ob/w-clause, or a verb-second clause whose first finite verb is the Konjunktiv (not a
    relative or adverbial clause)."""
    first = words[start]
    if first.key in _CONTENT_OPENERS:
        return True
    if first.pos in _NOT_CONTENT_TAGS or first.key in SUBORDINATORS or first.key in ("und", "oder", "aber", "doch"):
        return False
    return not any(is_finite(word) for word in words[start:verb])  # its first finite verb


def _message_end(analysis: SentenceAnalysis, number: int, lexicon: QuoteLexicon) -> int:
    """The message runs on through dependent stretches and stops before a new indicative main clause
    ("…, es sei kein Schaden entstanden, und lud zum Apéro ein")."""
    words, segments = analysis.words, analysis.segments
    last = segments[number][1]
    for start, end in segments[number + 1 :]:
        reports = any(_konjunktiv(analysis, i, lexicon) for i in range(start, end))
        coordinated = words[start].key in COORDINATORS
        finite = any(is_finite(words[i]) for i in range(start, end))
        if not reports and (coordinated or (finite and words[start].pos not in _NOT_CONTENT_TAGS)):
            break
        last = end
    return trim_punct(words, last, 0)


def _draft(analysis: SentenceAnalysis, main: tuple[int, int], start: int, last: int) -> Draft | None:
    words = analysis.words
    if last <= start:
        return None
    draft = Draft("Indirect", [analysis.char_span(start, last)], [analysis.index])
    verb = next(i for i in range(*main) if is_finite(words[i]))
    draft.cue = (words[verb].start, words[verb].end)
    draft.cue_lemma = words[verb].lemma or words[verb].key
    first = main[0]
    while first + 1 < main[1] and words[first].key in FOCUS_PARTICLES:
        first += 1  # "Auch der Landrat will prüfen, ob …"
    subject = subject_of(words, first, main[1])
    if subject is None or is_temporal(words, subject):
        subject = _source(words, main)
    if subject is not None:
        draft.speaker = analysis.char_span(subject[0], with_apposition(words, subject[1]))  # "…, Jan Weber,
    else:
        draft.inherits_speaker = True
    return draft


def _source(words: Sequence[Word], main: tuple[int, int]) -> tuple[int, int] | None:
    """A main clause without a subject names its source after a preposition: "Aus der Regierung ist zu
    hören, …", "Von Seiten der Bahn hiess es nur, …"."""
    for position in range(*main):
        if words[position].key in _SOURCE_PREPOSITIONS:
            found = noun_phrase_right(words, position + 1, limit=main[1])
            if found is not None and not is_temporal(words, found):
                return found
    return None
