"""Speakers of direct quotes that have no speech verb next to them, from the clause that opens them.

- Words written on something ("mit der Aufschrift «…»", "Auf dem Plakat stand: «…»"): what bears them.
- Words after a noun for an utterance: the noun's phrase when no speech verb ties them to a person
  ("veröffentlichte die Antwort, «…»" → "die Antwort", as the news quotation corpus annotates
  them), the subject of a support verb ("gab er die Antwort, «…»" → "er"), the place that opens
  the sentence when the noun's phrase is its subject ("In der Zeitung fand sich die Feststellung «…»").
- A colon clause ("Brauns hat weniger Hemmungen: «…»", "Für die Ministerin ist klar: «…»"): its
  subject, a person named in it, or nobody when the clause itself reports speech or the subject
  belongs to someone named before ("Seine Zuversicht ist gross: «…»"); the quote then continues
  the earlier speaker. A noun for an utterance speaks even when owned ("Seine Meinung: «…»"), and
  a scare quote inside the clause does not cut it.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.draft import Draft, SentenceAnalysis
from chronik.quotes.frames import noun_phrase_ending_at
from chronik.quotes.grammar import CLAUSE_REACH, is_finite, is_temporal, konjunktiv, noun_phrase_right, subject_of
from chronik.quotes.lexicon import QuoteLexicon, key
from chronik.quotes.marks import QuotedSpan
from chronik.quotes.neighbours import inscription_source, verbless_colon_subject
from chronik.quotes.terms import UTTERANCE_NOUNS
from chronik.quotes.view import ArticleView, Word

_POSSESSIVES = ("sein", "ihr", "dessen", "deren")
# Verbs that with a noun for an utterance make their subject its speaker: "gab die Antwort".
_SUPPORT_VERBS = frozenset({"geben", "machen", "treffen", "abgeben", "aussprechen", "äußern", "äussern", "erteilen"})
_VIEW_VERBS = frozenset({"ist", "war", "sei", "steht", "stand", "bleibt", "scheint"})


def speak_without_cue(
    view: ArticleView,
    draft: Draft,
    span: QuotedSpan,
    opening: SentenceAnalysis,
    *,
    inscription: bool,
    uttered: bool,
    lexicon: QuoteLexicon,
) -> None:
    """Set the speaker of a direct quote without a cue, or mark it to inherit the last speaker."""
    if inscription:
        draft.speaker = _bearer(opening, span)
        draft.medium = "writing"
        return
    if uttered:
        utterer = _utterer(opening, span)
        if utterer is None:  # "In der Zeitung fand sich die Feststellung «…»": the place speaks
            draft.speaker = _bearer(opening, span)
        elif _gives_utterance(opening, span):
            draft.speaker = utterer  # "Im Interview gab er die Antwort, «…»"
        else:
            draft.speaker = _utterance_phrase(opening, span)  # "Das Team veröffentlichte die Antwort, «…»"
        return
    draft.speaker = _colon_subject(span, opening)
    reported = draft.speaker is not None and not _names_person(view, draft.speaker)
    if reported and _reported_before(opening, span.start, lexicon):
        draft.speaker = None  # "Die Pflichten seien klar festgelegt: «…»" continues the earlier speaker
    if draft.speaker is not None and not _names_entity(view, draft.speaker):
        draft.speaker = _person_before(view, opening, draft.speaker[1]) or _unless_possessive(view, draft.speaker)
    draft.inherits_speaker = draft.speaker is None


def _bearer(opening: SentenceAnalysis, span: QuotedSpan) -> tuple[int, int] | None:
    """What bears an inscription: the phrase before "mit der Aufschrift", the place that opens the
    sentence ("Auf dem Transparent war die Parole «…» zu lesen"), else the sentence's subject."""
    words = opening.words
    noun = opening.position_at(span.start) - 1
    if noun >= 2 and words[noun - 2].key == "mit":
        phrase = noun_phrase_ending_at(words, 0, noun - 2)
        if phrase is not None:
            return opening.char_span(*phrase)
    if words and words[0].key in ("auf", "an", "am", "in", "im") and noun > 1:
        phrase = noun_phrase_right(words, 1, limit=noun)
        if phrase is not None and not is_temporal(words, phrase):
            return opening.char_span(*phrase)
    subject = subject_of(words, 0, max(0, noun))
    return None if subject is None else opening.char_span(*subject)


def _utterer(opening: SentenceAnalysis, span: QuotedSpan) -> tuple[int, int] | None:
    """Who gave the words after an utterance noun: the subject of the clause before the noun ("Im Interview
    gab er die Antwort, «…»" → "er"), unless that subject is the noun's own phrase ("fand sich die
    Feststellung «…»", where the place that opens the sentence speaks)."""
    words = opening.words
    noun = opening.position_at(span.start) - 1
    if noun > 0 and words[noun].text == ",":
        noun -= 1  # "die Antwort, «…»"
    subject = subject_of(words, 0, max(0, noun))
    if subject is None or subject[1] > noun or words[subject[0]].key == "sich":
        return None
    return opening.char_span(*subject)


def _gives_utterance(opening: SentenceAnalysis, span: QuotedSpan) -> bool:
    """Whether a support verb makes the subject the one who utters the noun before the quote: "gab die
    Antwort", "machte die Bemerkung" (but "veröffentlichte die Antwort" passes on someone's words)."""
    before = opening.words[: opening.position_at(span.start)]
    return any(word.pos.startswith("V") and key(word.lemma or word.text) in _SUPPORT_VERBS for word in before)


def _utterance_phrase(opening: SentenceAnalysis, span: QuotedSpan) -> tuple[int, int] | None:
    """The phrase of the utterance noun right before the quote: no speech verb ties the words to the
    subject ("Das Team veröffentlichte die Antwort, «…»": the words speak as "die Antwort")."""
    noun = opening.position_at(span.start) - 1
    if noun > 0 and opening.words[noun].text == ",":
        noun -= 1
    phrase = noun_phrase_ending_at(opening.words, 0, noun + 1)
    return None if phrase is None else opening.char_span(*phrase)


def _reported_before(opening: SentenceAnalysis, position: int, lexicon: QuoteLexicon) -> bool:
    """Whether the clause before the quote is itself in Konjunktiv I, i.e. reports someone's speech."""
    words = opening.words
    end = opening.position_at(position)
    return any(
        konjunktiv(words, index, lexicon) == "I"
        for index in range(max(0, end - CLAUSE_REACH), end)
        if words[index].index not in opening.masked
    )


def _unless_possessive(view: ArticleView, subject: tuple[int, int]) -> tuple[int, int] | None:
    """ "Seine Zuversicht ist gross: «…»": a subject owned by someone named before is not the speaker;
    the quote continues that earlier speaker. A noun for an utterance speaks itself: "Seine Antwort: «…»"."""
    words = view.text[subject[0] : subject[1]].split()
    if any(key(word) in UTTERANCE_NOUNS for word in words):
        return subject
    return None if key(words[0]).startswith(_POSSESSIVES) else subject


def _names_person(view: ArticleView, speaker: tuple[int, int]) -> bool:
    """A person the NER found, or a personal pronoun ("Er sei sicher: «…»")."""
    if key(view.text[speaker[0] : speaker[1]]) in ("er", "sie", "ich", "wir"):
        return True
    return any(start < speaker[1] and speaker[0] < end and label == "PER" for start, end, label in view.mentions)


def _names_entity(view: ArticleView, speaker: tuple[int, int]) -> bool:
    return any(start < speaker[1] and speaker[0] < end for start, end, _ in view.mentions)


def _person_before(view: ArticleView, opening: SentenceAnalysis, position: int) -> tuple[int, int] | None:
    """The last person named in the opening sentence within the colon clause's subject (`position`: its
    end; "Die Antwort von Anna Keller war knapp: «…»") or right after its finite verb, where an inverted
    subject stands ("Jede Schuld weist Anna Keller von sich: «…»"); not a person in an object further
    on ("Der Ermittler will den Fall Keller abschliessen: «…»")."""
    words = opening.words
    sentence_start = words[0].start if words else position
    verb = next((i for i, word in enumerate(words) if is_finite(word) and word.start >= position), None)
    inverted = words[verb + 1].start if verb is not None and verb + 1 < len(words) else position
    persons = [
        (start, end)
        for start, end, label in view.mentions
        if label == "PER" and sentence_start <= start and (end <= position or start == inverted)
    ]
    return persons[-1] if persons else None


def _colon_subject(span: QuotedSpan, opening: SentenceAnalysis) -> tuple[int, int] | None:
    """ "Brauns hat weniger Hemmungen: «…»": the subject of the clause before the colon."""
    before = [position for position, word in enumerate(opening.words) if word.end <= span.start]
    if not before or opening.words[before[-1]].text != ":":
        return None
    clause_start = 0
    for position in before[:-1]:
        word = opening.words[position]
        if word.text in (":", ";") or (word.index in opening.masked and not _embedded(opening, position, clause_start)):
            clause_start = position + 1
    subject = inscription_source(opening.words, clause_start, before[-1])
    subject = subject or _judging_person(opening.words, clause_start, before[-1])
    subject = subject or subject_of(opening.words, clause_start, before[-1])
    subject = subject or verbless_colon_subject(opening.words, clause_start, before[-1])
    return None if subject is None else opening.char_span(*subject)


def _embedded(opening: SentenceAnalysis, position: int, clause_start: int) -> bool:
    """Whether the quoted stretch holding `position` stands inside the clause, after a word of it ("und sind
    ein «geflügeltes Wort»: «…»"), rather than as a quote of its own that the clause follows."""
    words = opening.words
    first = position
    while first > 0 and words[first - 1].index in opening.masked:
        first -= 1
    before = first - 1
    return before >= clause_start and not words[before].is_punct


def _judging_person(words: Sequence[Word], start: int, colon: int) -> tuple[int, int] | None:
    """ "Für die Ministerin ist klar: «…»", "Für X steht fest:": the person after "für" whose view follows."""
    if start + 2 >= colon or words[start].key != "für":
        return None
    phrase = noun_phrase_right(words, start + 1, limit=colon)
    if phrase is None or phrase[1] >= colon or words[phrase[1]].key not in _VIEW_VERBS:
        return None
    return phrase
