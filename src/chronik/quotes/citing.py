"""Quotations that someone else quotes: the speaker quoted and the outlet or document quoting.

"Die Zeitung zitiert den Minister mit den Worten «…»", "«…», zitiert die «Kleine Zeitung» X", "X wird
von der Zeitung mit den Worten zitiert: «…»", "In der Mitteilung wird X wie folgt zitiert: «…»": the
words are X's, and the paper (or document) quotes them, so the stage gives two quotations, as the
news quotation corpus annotates them. Positions index the sentence's word list.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.draft import Cue, Draft
from chronik.quotes.grammar import (
    OBJECT_DETERMINERS,
    QUOTE_MARKS,
    is_temporal,
    noun_phrase_right,
    phrase_right,
    speaker_right,
)
from chronik.quotes.view import Word


def quoted_person(words: Sequence[Word], cue: Cue, end: int) -> None:
    """ "zitierte man Yolanda Alvarez": with "zitieren" the person quoted is the speaker."""
    if cue.lemma != "zitieren" or cue.speaker is None:
        return
    if words[cue.speaker[0]].key in ("man", "sie", "er"):
        quoted = speaker_right(words, cue.speaker[1], end)
    elif cue.speaker[0] > cue.words[0]:  # "«…», zitiert die «Zeitung» den Minister"
        quoted = _outlet_and_person(words, cue)
    else:  # "Der Spiegel zitiert den Prediger mit den Worten …": the object is quoted
        after = max(cue.words[0], cue.speaker[1] - 1) + 1
        quoted = phrase_right(words, after, end) if cue.speaker[0] < cue.words[0] else None
    if quoted is not None:
        if words[cue.speaker[0]].key != "man":
            cue.citing = cue.speaker  # "zitiert die Zeitung X": the paper quotes X
        cue.speaker = quoted


def _outlet_and_person(words: Sequence[Word], cue: Cue) -> tuple[int, int] | None:
    """The person in "zitiert die «Zeitung» Lynch" or "zitiert ndr.de Sprecher X", which a noun phrase
    runs together: the words after a quoted outlet name or a web address; the outlet stays the speaker."""
    assert cue.speaker is not None
    start, end = cue.speaker
    marks = 0
    for position in range(start + 1, end):
        previous = words[position - 1]
        marks += previous.text in QUOTE_MARKS
        closing = previous.text in QUOTE_MARKS and marks % 2 == 0  # the second mark ends the quoted name
        if (closing or ("." in previous.text and previous.text.islower())) and words[position].capitalized:
            cue.speaker = (start, position)
            return position, end
    if end < len(words) and (words[end].key in OBJECT_DETERMINERS or words[end].pos == "NE"):
        return noun_phrase_right(words, end, limit=len(words))  # "zitiert die Zeitung den Minister"
    return None


def citing_place(words: Sequence[Word], start: int, anchor: int) -> tuple[int, int] | None:
    """ "In der Mitteilung wird X wie folgt zitiert": the document in the phrase before the verb."""
    if anchor <= start + 1 or words[start].key not in ("in", "im", "auf"):
        return None
    phrase = noun_phrase_right(words, start + 1, limit=anchor)
    return None if phrase is None or is_temporal(words, phrase) else phrase


def with_citing_sources(drafts: list[Draft]) -> list[Draft]:
    """A direct quote that an outlet or document quotes is two quotations: the speaker's words and the
    outlet quoting them ("Die Zeitung zitiert den Minister mit den Worten «…»" → the minister, the paper)."""
    result: list[Draft] = []
    for draft in drafts:
        result.append(draft)
        citing = draft.citing
        if draft.type != "Direct" or draft.partial or citing is None or draft.speaker is None:
            continue
        if citing[0] < draft.speaker[1] and draft.speaker[0] < citing[1]:
            continue  # the same phrase: no second source
        copy = Draft("Direct", list(draft.message), list(draft.sentences), draft.cue, draft.cue_lemma, citing)
        copy.medium = "writing"
        result.append(copy)
    return result


def _without_reported_beside_partials(drafts: list[Draft]) -> list[Draft]:
    """A speech act whose sentence quotes a phrase is that quote, not a second, reported quotation:
    "Sie bezeichnete den Plan als «gefährlichen Unsinn»." is one partial direct quote."""
    quoting = {index for draft in drafts if draft.partial for index in draft.sentences}
    return [draft for draft in drafts if draft.type != "Reported" or not quoting & set(draft.sentences)]
