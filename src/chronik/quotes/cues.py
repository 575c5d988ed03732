"""Cues in one sentence: speech verbs, speech nouns and frames, each with its speaker phrase.

A cue is what attributes a message to a source: a speech verb ("sagte", "teilte … mit"),
an impersonal verb ("heisst es in X"), a frame ("laut X", "X zufolge", "nach Angaben von X",
", so X,", "wie X mitteilte") or a speech noun. Positions are indices into the sentence's
word list; `segment` is the comma-separated stretch the cue stands in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from chronik.quotes.citing import citing_place, quoted_person
from chronik.quotes.clause_parts import WERDEN, addressee, passive_agent
from chronik.quotes.clause_scan import (
    COORDINATORS,
    finite_anchor,
    predicate_of_other_clause,
    relative_opener,
    relative_pronoun,
    second_main_clause,
    verb_final,
)
from chronik.quotes.draft import Cue
from chronik.quotes.frames import (
    adverb_frame,
    frame_cue,
    names_medium_of_verb,
    noun_cue,
    noun_frame_cue,
    noun_phrase_ending_at,
)
from chronik.quotes.grammar import (
    ADVERBIAL_OPENERS,
    AUXILIARIES,
    CLAUSE_REACH,
    FOCUS_PARTICLES,
    OBJECT_DETERMINERS,
    PREPOSITIONS,
    QUOTE_MARKS,
    SUBORDINATORS,
    is_finite,
    is_temporal,
    noun_phrase_left,
    noun_phrase_right,
    speaker_right,
    subject_of,
    verb_tagged_as_adjective,
)
from chronik.quotes.lexicon import QuoteLexicon, VerbSense
from chronik.quotes.particles import (
    finite_in_clause,
    foreign_particle,
    matching_sense,
    non_speech_sense,
    particle_position,
)
from chronik.quotes.subjects import (
    apposition_subject,
    bare_name_or_pronoun,
    bracket_subject,
    fronted_object,
    own_main_clause,
    pronoun_subject,
)
from chronik.quotes.view import Word

_ANAPHORS = frozenset({"das", "dies", "dieses"})
_PERCEPTION_LEMMAS = frozenset({"erfahren", "bemerken", "merken", "feststellen", "herausfinden", "sehen", "hören"})
_TEMPORAL_OPENERS = frozenset({"als", "nachdem", "sobald", "bevor", "wenn"})
_DOCUMENT_ADVERBS = frozenset({"darin", "dort", "hierin", "daraus"})
_NOT_A_CUE_AFTER = frozenset({"zu", "um"})
_SOURCE_PREPOSITIONS = frozenset({"in", "im", "aus", "laut", "seitens"})


def find_cues(
    words: Sequence[Word], segments: list[tuple[int, int]], masked: set[int], lexicon: QuoteLexicon
) -> list[Cue]:
    """All cues of a sentence, in word order; words inside quotation marks are never cues."""
    cues: list[Cue] = []
    for segment in segments:
        cues.extend(_segment_cues(words, segment, masked, lexicon))
    cues.sort(key=lambda cue: cue.words[0])
    numbers: dict[tuple[int, int], int] = {}
    for number, segment in enumerate(segments):
        numbers.setdefault(segment, number)
    phrase: list[tuple[int, int] | None] = []  # the same for every cue of the sentence: found once

    def source() -> tuple[int, int] | None:
        if not phrase:
            phrase.append(_source_phrase(words))
        return phrase[0]

    cues = [cue for cue in cues if not _perceived_in_temporal_clause(words, cue)]
    cues = [cue for cue in cues if not names_medium_of_verb(words, cue, cues)]
    for cue in cues:
        _widen_wie_clause(words, segments, numbers, cue)
        fronted_message = cue.kind == "impersonal" and cue.verb_initial and words[0].key not in PREPOSITIONS
        # "Der Schaden sei hoch, hiess es." has no source before the verb ("In dem Bericht, der …, heisst es" has)
        if cue.kind in ("verb", "impersonal", "noun") and cue.speaker is None and not fronted_message:
            cue.speaker = _fallback_speaker(words, cue, source)
            cue.guessed_speaker = cue.speaker is not None
    return cues


def _perceived_in_temporal_clause(words: Sequence[Word], cue: Cue) -> bool:
    """ "Als sie erfuhr, dass …", "Nachdem er bemerkt hatte, dass …": learning something in a temporal
    clause is an event, not a quotation. The clause opener is the nearest one before the verb."""
    if cue.kind != "verb" or cue.lemma not in _PERCEPTION_LEMMAS:
        return False
    for position in range(cue.words[0] - 1, max(-1, cue.words[0] - 1 - CLAUSE_REACH), -1):
        word = words[position]
        if word.key in _TEMPORAL_OPENERS and (position == 0 or words[position - 1].is_punct):
            return True
        if is_finite(word) or word.key in SUBORDINATORS or word.pos.startswith("PREL"):
            return False
    return False


def _usable_subject(words: Sequence[Word], subject: tuple[int, int], position: int) -> bool:
    opener = words[subject[0]].key
    unusable = opener in ("es", "man") or opener in OBJECT_DETERMINERS or is_temporal(words, subject)
    return subject[1] <= position and not unusable and not _inside_quoted_clause(words, subject)


def _inside_quoted_clause(words: Sequence[Word], phrase: tuple[int, int]) -> bool:
    """The subject of a clause inside a quote ("«Wir sind bereit», sagte …"): an unclosed mark, then a
    finite verb; a quoted name stays usable ("„Ärzte ohne Grenzen“ kündigten an")."""
    marks = sum(1 for word in words[phrase[0] : phrase[1]] if word.text in QUOTE_MARKS)
    return marks % 2 == 1 and phrase[1] < len(words) and is_finite(words[phrase[1]])


def _fallback_speaker(
    words: Sequence[Word], cue: Cue, source: Callable[[], tuple[int, int] | None]
) -> tuple[int, int] | None:
    """When the clause rules found no speaker: the subject before an apposition, the sentence's
    subject, or the source in a prepositional phrase ("In einer Mitteilung wird gefordert")."""
    if cue.passive:
        found = source()
        return found if found is not None and found[1] <= cue.segment[1] else None
    if cue.segment[0] >= 2 and not cue.subordinate:
        probe = Cue(cue.words, cue.lemma, cue.medium, cue.kind, cue.segment)
        apposition_subject(words, cue.segment, probe)
        if probe.speaker is not None:
            return probe.speaker
    position = cue.words[0]
    first = cue.segment[0]
    if 0 < first < position and is_finite(words[first]):  # "Da …, formulierten die Forscher die Hypothese, dass"
        own = speaker_right(words, first + 1, position)
        if own is not None and _usable_subject(words, own, position):
            return own
    own_clause = own_main_clause(words, first, position)
    if own_clause:  # "Zwar sind 62 Prozent zufrieden, 37 Prozent sind jedoch der Auffassung, dass …"
        own = subject_of(words, first, position)
        if own is not None and _usable_subject(words, own, position):
            return own
    subject = subject_of(words, 0, position)
    if subject is not None and _usable_subject(words, subject, position):
        return subject
    found = source() if cue.kind != "noun" else None
    return found if found is not None and found[1] <= cue.segment[1] else None  # not inside the message


def _source_phrase(words: Sequence[Word]) -> tuple[int, int] | None:
    """The first non-temporal noun phrase after a source preposition anywhere in the sentence."""
    for index in range(len(words)):
        if words[index].key in _SOURCE_PREPOSITIONS and index + 1 < len(words):
            source = noun_phrase_right(words, index + 1, limit=len(words))
            if source is not None and not is_temporal(words, source):
                return source
    return None


def _widen_wie_clause(
    words: Sequence[Word], segments: list[tuple[int, int]], numbers: dict[tuple[int, int], int], cue: Cue
) -> None:
    """ "Wie der Sprecher, Hans Muster, mitteilte, …": the frame reaches back over an apposition."""
    if cue.kind != "verb" or cue.subordinate or not verb_final(words, cue.words[0], cue.segment[1]):
        return
    if any(is_finite(word) for word in words[max(cue.segment[0], cue.words[0] - CLAUSE_REACH) : cue.words[0]]):
        return  # "Wie X veröffentlichte, soll Y gesagt haben": the cue has a clause of its own
    number = numbers.get(cue.segment, -1)
    for earlier in range(number - 1, max(-1, number - 3), -1):
        start, end = segments[earlier]
        if words[start].key == "wie":
            cue.subordinate = True
            cue.verb_initial = False
            cue.segment = (start, cue.segment[1])
            cue.speaker = noun_phrase_right(words, start + 1, limit=end)
            return
        if any(is_finite(word) or word.key in AUXILIARIES for word in words[start:end]):
            return


def _segment_cues(
    words: Sequence[Word], segment: tuple[int, int], masked: set[int], lexicon: QuoteLexicon
) -> list[Cue]:
    found: list[Cue] = []
    start, end = segment
    open_start = next((p for p in range(start, end) if words[p].index not in masked), start)
    for position in range(start, end):
        word = words[position]
        if word.index in masked:
            continue
        cue = (
            adverb_frame(words, position, segment)
            or frame_cue(words, position, (open_start, end), lexicon)
            or noun_frame_cue(words, position, segment, lexicon)
            or noun_cue(words, position, segment, lexicon)
            or _verb_cue(words, position, segment, masked, lexicon)
        )
        if cue is not None:
            found.append(cue)
    return found


def _verb_cue(
    words: Sequence[Word], position: int, segment: tuple[int, int], masked: set[int], lexicon: QuoteLexicon
) -> Cue | None:
    word = words[position]
    misread = verb_tagged_as_adjective(words, position) or _adverb_before_content_clause(words, position)
    if word.pos and not word.pos.startswith("V") and not misread:
        return None
    if word.pos.endswith("IMP") or word.morph.get("Mood") == "Imp" or word.key == "sprich":
        return None  # "sprich: …" explains, it reports nothing
    if not word.pos and word.capitalized and position > 0:
        return None
    after_zu = position > 0 and words[position - 1].key in _NOT_A_CUE_AFTER and word.key.endswith("en")
    if after_zu and not _content_clause_follows(words, position):
        return None  # "um zu sagen", "nichts zu berichten"; but "war es wichtig zu betonen, dass …"
    sense = matching_sense(words, position, segment, lexicon.verb_senses(word.text, word.lemma))
    if sense is None or (sense.particle is None and foreign_particle(words, position, segment, sense.lemma)):
        return None
    if non_speech_sense(words, position, segment, sense.lemma):
        return None
    cue_words = [position]
    if sense.particle:
        cue_words.append(particle_position(words, position, segment, sense.particle))
    if sense.lemma in ("heissen", "verlauten"):
        open_start = next((p for p in range(segment[0], position) if words[p].index not in masked), position)
        return _impersonal_cue(words, position, segment, cue_words, sense, open_start=open_start)
    cue = _attach_speaker(words, position, segment, masked, Cue(cue_words, sense.lemma, sense.medium, "verb", segment))
    cue.addressee = addressee(words, position, segment, cue.speaker)
    return cue


def _adverb_before_content_clause(words: Sequence[Word], position: int) -> bool:
    """A participle the tagger read as an adverb, right before a dass/ob clause: "hat ausgerechnet, dass …"."""
    word = words[position]
    return word.pos in ("ADV", "ADJD") and word.text[:1].islower() and _content_clause_follows(words, position)


def _content_clause_follows(words: Sequence[Word], position: int) -> bool:
    """A dass/ob clause or a colon right after the word: "…, zu betonen, dass …", "ist zu hören: …"."""
    after = [word.key for word in words[position + 1 : position + 3]]
    return after[:1] == [":"] or (after[:1] == [","] and after[1:] in (["dass"], ["daß"], ["ob"]))


def _impersonal_cue(
    words: Sequence[Word],
    position: int,
    segment: tuple[int, int],
    cue_words: list[int],
    sense: VerbSense,
    *,
    open_start: int,
) -> Cue:
    """ "heisst es in der Erklärung", "hiess es aus Regierungskreisen", "heisst es darin"; `open_start`
    is the first word of the segment outside quotation marks ("«…» heisst es darin" opens with the verb)."""
    cue = Cue(cue_words, sense.lemma, sense.medium, "impersonal", segment)
    cue.verb_initial = _is_verb_initial(words, position, (open_start, segment[1]))
    for later in range(position + 1, segment[1]):
        word = words[later]
        if word.key in _DOCUMENT_ADVERBS:
            cue.speaker = (later, later + 1)
            cue.document_reference = True
            return cue
        if word.key in PREPOSITIONS or word.key in ("seitens",):
            cue.speaker = _source_after(words, later + 1, segment[1])
            return cue
    if words[segment[0]].key in PREPOSITIONS and position > segment[0] + 1:
        if relative_opener(words[segment[0] + 1]) and segment[0] >= 2 and words[segment[0] - 1].text == ",":
            cue.speaker = noun_phrase_ending_at(words, max(0, segment[0] - 9), segment[0] - 1)  # "…, in der es heisst"
            return cue
        source = noun_phrase_right(words, segment[0] + 1, limit=position)  # "In einer Aussendung heisst es"
        cue.speaker = None if source is None or is_temporal(words, source) else source  # not "Am Vormittag"
    return cue


def _source_after(words: Sequence[Word], position: int, limit: int) -> tuple[int, int] | None:
    """The source after "in"/"aus", up to its head noun across attributes: "dem von X veröffentlichten Statement"."""
    phrase = noun_phrase_right(words, position, limit=limit)
    last_noun = max((i for i in range(position, limit) if words[i].capitalized and not words[i].is_punct), default=-1)
    if last_noun >= 0 and (phrase is None or last_noun >= phrase[1]):
        return position, last_noun + 1
    return phrase


def _is_verb_initial(words: Sequence[Word], position: int, segment: tuple[int, int]) -> bool:
    return position == segment[0] or (position == segment[0] + 1 and words[segment[0]].key in ("so", "und"))


def _attach_speaker(words: Sequence[Word], position: int, segment: tuple[int, int], masked: set[int], cue: Cue) -> Cue:
    start, end = segment
    while start < position and words[start].index in masked:
        start += 1
    cue.verb_initial = _is_verb_initial(words, position, (start, end))
    cue.finite = finite_in_clause(words, position, segment)
    if cue.verb_initial and not cue.finite and start > 0:
        cue.verb_initial = False  # the end of a verb bracket after an apposition: "hatte X, Y, erklärt"
        cue.speaker = bracket_subject(words, start)
        return cue
    if cue.verb_initial:
        if position + 1 < end and pronoun_subject(words[position + 1]):
            cue.speaker = (position + 1, position + 2)  # "Das Angebot, …, lehnt er ab:" (not the fronted object)
            return cue
        apposition_subject(words, segment, cue, inserted=True)  # "X, Chef der Y, bezeichnete die Wahl als …"
        if cue.speaker is not None:
            return cue
        cue.speaker = speaker_right(words, position + 1, end)
        quoted_person(words, cue, end)
        if cue.speaker is None:
            apposition_subject(words, segment, cue)
        return cue
    if words[start].key in _ANAPHORS and start + 1 == position and not relative_pronoun(words, start, end):
        cue.kind = "anaphoric"
        cue.speaker = _source_of_hervorgehen(words, cue, end) or speaker_right(words, position + 1, end)
        return cue
    relative = words[start].pos.startswith("PREL") or words[start].key in ("welche", "welcher", "welches")
    # "Während X ankündigte, …", "Als X am Sonntag sagte, dass …" (also with "während" or "als" tagged as a
    # preposition: the verb closing the clause decides)
    subordinator = (
        words[start].key in SUBORDINATORS or words[start].pos == "KOUS" or words[start].key in ADVERBIAL_OPENERS
    )
    if (subordinator or relative) and verb_final(words, position, end):
        cue.subordinate = True
        cue.speaker = noun_phrase_right(words, start + 1, limit=position)
        own_subject = cue.speaker is not None and bare_name_or_pronoun(words, cue.speaker)
        if relative and start >= 2 and words[start - 1].text == "," and not own_subject:
            antecedent = noun_phrase_ending_at(words, max(0, start - 9), start - 1)  # "eine Resolution, welche …"
            if antecedent is not None and is_temporal(words, antecedent):
                antecedent = None  # "am Donnerstag, den 7. Oktober" is a date, not a relative clause
            cue.speaker = None if antecedent is None else (antecedent[0], start + 1)  # with the relative pronoun
        return cue
    if words[start].key in COORDINATORS and start + 1 < position:
        start += 1  # "…, doch die Ingenieurin erklärte": the subject follows the conjunction
    start = second_main_clause(words, start, position)
    while start + 1 < position and words[start].key in FOCUS_PARTICLES:
        start += 1  # "Auch der frühere Schiedsrichter kritisierte"
    anchor = finite_anchor(words, start, position)
    if predicate_of_other_clause(words, anchor, position):
        return cue  # "…, der Plan sei falsch und kündigte an": not the subject of "sei"; the fallback decides
    if anchor == start and start == segment[0] and start >= 2:
        apposition_subject(words, segment, cue)  # "X, Chef von Y, hat in einem Interview angeregt"
        if cue.speaker is not None:
            if cue.lemma == "zitieren":  # "X, Chef von Y, wird von der Zeitung zitiert"
                cue.citing = passive_agent(words, start, anchor, end)
            return cue
    agent = passive_agent(words, start, anchor, end)
    if cue.lemma == "zitieren":
        cue.citing = agent or citing_place(words, start, anchor)  # "X wird von der Zeitung zitiert"
        agent = None
    cue.passive = cue.lemma != "zitieren" and words[anchor].key in WERDEN and words[position].pos == "VVPP"
    if cue.passive and agent is None:
        return cue  # "In einem Bericht werden die Vorkehrungen als extrem bezeichnet": the subject is no speaker
    cue.speaker = agent or noun_phrase_left(words, start, anchor)
    if cue.speaker is not None and agent is None and fronted_object(words, cue.speaker, anchor):
        cue.speaker = None
    if cue.speaker is None:
        cue.speaker = speaker_right(words, anchor + 1, end)
    quoted_person(words, cue, end)
    return cue


def _source_of_hervorgehen(words: Sequence[Word], cue: Cue, end: int) -> tuple[int, int] | None:
    """ "Dies geht aus einer Meldung der Agentur hervor": the source follows "aus"."""
    if cue.lemma != "hervorgehen":
        return None
    after = next((p for p in range(cue.words[0] + 1, min(end, cue.words[0] + 4)) if words[p].key == "aus"), None)
    return None if after is None else noun_phrase_right(words, after + 1, limit=end)
