"""Cues in one sentence: speech verbs, speech nouns and frames, each with its speaker phrase.

A cue is what attributes a message to a source: a speech verb ("sagte", "teilte … mit"),
an impersonal verb ("heisst es in X"), a frame ("laut X", "X zufolge", "nach Angaben von X",
", so X,", "wie X mitteilte") or a speech noun. Positions are indices into the sentence's
word list; `segment` is the comma-separated stretch the cue stands in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chronik.model import Medium
from chronik.quotes.grammar import (
    AUXILIARIES,
    NON_NP_OPENERS,
    OBJECT_DETERMINERS,
    PREPOSITIONS,
    SUBORDINATORS,
    is_finite,
    konjunktiv,
    noun_phrase_left,
    noun_phrase_right,
    subject_of,
)
from chronik.quotes.lexicon import QuoteLexicon, VerbSense
from chronik.quotes.view import Word

_ANAPHORS = frozenset({"das", "dies", "dieses"})
_DOCUMENT_ADVERBS = frozenset({"darin", "dort", "hierin", "daraus"})
_NOT_A_CUE_AFTER = frozenset({"zu", "um"})


@dataclass(slots=True)
class Cue:
    """One attribution cue; all positions index the sentence's word list."""

    words: list[int]
    lemma: str
    medium: Medium
    kind: str  # verb | impersonal | frame | noun | anaphoric
    segment: tuple[int, int]
    speaker: tuple[int, int] | None = None
    frame: tuple[int, int] | None = None
    verb_initial: bool = False
    document_reference: bool = False
    finite: bool = True
    subordinate: bool = False  # the cue verb ends a subordinate clause: "…, wie X mitteilte"
    addressee: tuple[int, int] | None = None


def find_cues(
    words: Sequence[Word], segments: list[tuple[int, int]], masked: set[int], lexicon: QuoteLexicon
) -> list[Cue]:
    """All cues of a sentence, in word order; words inside quotation marks are never cues."""
    cues: list[Cue] = []
    for segment in segments:
        cues.extend(_segment_cues(words, segment, masked, lexicon))
    cues.sort(key=lambda cue: cue.words[0])
    for cue in cues:
        _widen_wie_clause(words, segments, cue)
    return cues


def _widen_wie_clause(words: Sequence[Word], segments: list[tuple[int, int]], cue: Cue) -> None:
    """ "Wie der Sprecher, Hans Muster, mitteilte, …": the frame reaches back over an apposition."""
    if cue.kind != "verb" or cue.subordinate or not _verb_final(words, cue.words[0], cue.segment[1]):
        return
    number = segments.index(cue.segment) if cue.segment in segments else -1
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
            _adverb_frame(words, position, segment)
            or _frame_cue(words, position, (open_start, end), lexicon)
            or _noun_frame_cue(words, position, segment, lexicon)
            or _noun_cue(words, position, segment, lexicon)
            or _verb_cue(words, position, segment, masked, lexicon)
        )
        if cue is not None:
            found.append(cue)
    return found


def _noun_cue(words: Sequence[Word], position: int, segment: tuple[int, int], lexicon: QuoteLexicon) -> Cue | None:
    """A speech noun that governs a dass/ob clause: "die Forderung der Gewerkschaft, dass …"."""
    word = words[position]
    if not word.capitalized or word.key not in lexicon.nouns or (word.pos and word.pos != "NN"):
        return None
    end = segment[1]
    if end + 1 >= len(words) or words[end].text != ",":
        return None
    if words[end + 1].key not in ("dass", "daß", "ob") and not _konjunktiv_clause(words, end + 1, lexicon):
        return None
    speaker = _genitive_or_von(words, position + 1, end)
    if position + 1 < end and speaker is None:
        return None  # the noun must end its phrase or take a genitive source
    return Cue([position], word.key, lexicon.nouns[word.key], "noun", segment, speaker)


def _konjunktiv_clause(words: Sequence[Word], start: int, lexicon: QuoteLexicon) -> bool:
    """A clause in Konjunktiv I from `start` to the next comma: "…, es handele sich um …"."""
    for position in range(start, len(words)):
        if words[position].text in (",", ";", ":"):
            return False
        if konjunktiv(words, position, lexicon) == "I":
            return True
    return False


def _frame_cue(words: Sequence[Word], position: int, segment: tuple[int, int], lexicon: QuoteLexicon) -> Cue | None:
    word = words[position]
    start, end = segment
    if word.key in lexicon.frame_word("prepositions") and word.key != "zufolge":
        speaker = _source_of_preposition(words, position, end)
        if speaker is None:
            return None
        return Cue([position], word.key, "unknown", "frame", segment, speaker, (position, speaker[1]))
    if word.key in lexicon.frame_word("postpositions"):
        pronoun = position > start and words[position - 1].key in ("ihm", "ihr", "ihnen")
        speaker = (position - 1, position) if pronoun else _noun_phrase_ending_at(words, start, position)
        if speaker is None:
            return None
        return Cue([position], word.key, "unknown", "frame", segment, speaker, (speaker[0], position + 1))
    if word.key in lexicon.frame_word("insertion_particles") and position == start and start > 0:
        speaker = noun_phrase_right(words, position + 1, limit=end)
        if speaker is None or any(is_finite(w) or w.key in AUXILIARIES for w in words[speaker[1] : end]):
            return None
        return Cue([position], word.key, "unknown", "frame", segment, speaker, (position, speaker[1]))
    return None


def _source_of_preposition(words: Sequence[Word], position: int, end: int) -> tuple[int, int] | None:
    """The source after "laut": up to the finite verb when "Laut X" opens the clause, else a noun
    phrase, else one name-like token ("laut el-Baradei", "laut bildblog.de")."""
    if position == 0 or words[position - 1].is_punct:
        verb = next((p for p in range(position + 2, end) if is_finite(words[p])), None)
        if verb is not None and verb - position <= 12:
            return position + 1, verb
    phrase = noun_phrase_right(words, position + 1, limit=end)
    if phrase is None and position + 1 < end and any(mark in words[position + 1].text for mark in "-."):
        return position + 1, position + 2
    return phrase


def _noun_frame_cue(
    words: Sequence[Word], position: int, segment: tuple[int, int], lexicon: QuoteLexicon
) -> Cue | None:
    """ "nach Angaben der Polizei", "nach Ansicht von Experten"."""
    word = words[position]
    if word.key != "nach" or position + 1 >= segment[1]:
        return None
    noun_position = position + 1
    while noun_position < min(segment[1], position + 3) and not words[noun_position].capitalized:
        noun_position += 1  # "nach eigenen Angaben", "nach ersten Erkenntnissen"
    if noun_position >= segment[1] or not _frame_noun(words[noun_position], lexicon):
        return None
    noun = words[noun_position]
    speaker = _genitive_or_von(words, noun_position + 1, segment[1])
    indefinite = words[position + 1].key in ("einer", "einem", "eines", "ersten", "neuen", "jüngsten")
    if noun.key not in lexicon.frame_nouns and not _frame_compound(noun, lexicon) and not indefinite:
        return None  # "nach dem Urteil" is a time, "nach einer Studie" a source
    if speaker is None and noun_position + 1 < segment[1]:
        speaker = noun_phrase_right(words, noun_position + 1, limit=segment[1])  # "nach Angaben libanesischer Kreise"
        if speaker is not None and not _genitive_start(words[noun_position + 1]):
            speaker = None
    start = position + 1 if noun.key not in lexicon.frame_nouns or noun_position > position + 1 else noun_position
    speaker = (start, speaker[1] if speaker else noun_position + 1)  # the source with its noun: "Angaben der Polizei"
    frame_end = speaker[1]
    medium = lexicon.nouns.get(noun.key, "unknown")
    return Cue([position, noun_position], noun.key, medium, "frame", segment, speaker, (position, frame_end))


def _genitive_start(word: Word) -> bool:
    """A word that can open a genitive attribute without an article ("Österreichs", "politischer")."""
    if word.pos:
        return word.pos in ("ADJA", "NE", "ART", "PPOSAT") or (word.pos == "NN" and word.key.endswith("s"))
    return word.key.endswith(("s", "er")) or word.key in ("der", "des")


def _frame_noun(word: Word, lexicon: QuoteLexicon) -> bool:
    """ "Angaben", "Ansicht", compounds such as "Expertenmeinung", and documents ("Studie")."""
    if word.key in lexicon.frame_nouns or lexicon.is_document(word.text):
        return True
    return _frame_compound(word, lexicon)


def _frame_compound(word: Word, lexicon: QuoteLexicon) -> bool:
    return any(word.key.endswith(noun) for noun in lexicon.frame_nouns if len(noun) > 5)


def _adverb_frame(words: Sequence[Word], position: int, segment: tuple[int, int]) -> Cue | None:
    """ "Demnach …", "Danach hätte …", "…, wonach …": the source is the previous sentence's."""
    word = words[position]
    if word.key == "wonach" and position > 0:
        speaker = (
            _noun_phrase_ending_at(words, max(0, position - 9), position - 1)
            if words[position - 1].text == ","
            else None
        )
        return Cue([position], "wonach", "unknown", "frame", segment, speaker, (position, position + 1))
    konjunktiv_follows = any(w.key in ("hätte", "hätten", "sei", "seien", "habe", "wäre", "wären") for w in words)
    adverb = word.key == "demnach" or (word.key == "danach" and position == 0 and konjunktiv_follows)
    if word.key == "vernehmen" and position + 1 < len(words) and words[position + 1].key == "nach":
        return Cue(
            [position, position + 1], "vernehmen", "speech", "frame", segment, None, (position - 1, position + 2)
        )
    if adverb and len(words) > 4:
        return Cue(
            [position], word.key, "unknown", "frame", segment, (position, position + 1), (position, position + 1)
        )
    return None


def _genitive_or_von(words: Sequence[Word], position: int, limit: int) -> tuple[int, int] | None:
    if position < limit and words[position].key in ("von", "vom", "seitens"):
        return noun_phrase_right(words, position + 1, limit=limit)
    if position < limit and words[position].key in ("der", "des", "eines", "einer"):
        return noun_phrase_right(words, position, limit=limit)
    return None


def _noun_phrase_ending_at(words: Sequence[Word], start: int, end: int) -> tuple[int, int] | None:
    for candidate in range(max(start, end - 8), end):
        phrase = noun_phrase_right(words, candidate, limit=end)
        if phrase is not None and phrase[1] == end:
            return phrase
    return None


def _verb_cue(
    words: Sequence[Word], position: int, segment: tuple[int, int], masked: set[int], lexicon: QuoteLexicon
) -> Cue | None:
    word = words[position]
    if word.pos and not word.pos.startswith("V"):
        return None
    if word.pos.endswith("IMP") or word.morph.get("Mood") == "Imp" or word.key == "sprich":
        return None  # "sprich: …" explains, it reports nothing
    if not word.pos and word.capitalized and position > 0:
        return None
    if position > 0 and words[position - 1].key in _NOT_A_CUE_AFTER and word.key.endswith("en"):
        return None
    sense = _matching_sense(words, position, segment, lexicon.verb_senses(word.text, word.lemma))
    if sense is None:
        return None
    cue_words = [position]
    if sense.particle:
        cue_words.append(_particle_position(words, position, segment, sense.particle))
    if sense.lemma in ("heissen", "verlauten"):
        return _impersonal_cue(words, position, segment, cue_words, sense)
    cue = _attach_speaker(words, position, segment, masked, Cue(cue_words, sense.lemma, sense.medium, "verb", segment))
    cue.addressee = _addressee(words, position, segment, cue.speaker)
    return cue


def _addressee(
    words: Sequence[Word], position: int, segment: tuple[int, int], speaker: tuple[int, int] | None
) -> tuple[int, int] | None:
    """ "sagte er gegenüber der Zeitung", "sagte sie dem «Blick»": whom the speaker addressed."""
    for later in range(position + 1, segment[1]):
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


def _matching_sense(
    words: Sequence[Word], position: int, segment: tuple[int, int], senses: list[VerbSense]
) -> VerbSense | None:
    for sense in senses:
        if sense.lemma == "heissen" and not _next_to_es(words, position, segment):
            continue
        if sense.particle is None or _particle_position(words, position, segment, sense.particle) >= 0:
            return sense
    return None


def _next_to_es(words: Sequence[Word], position: int, segment: tuple[int, int]) -> bool:
    """ "heisst es", "es heisst", "hatte es geheissen": impersonal "heissen" reports, "heisst Anna" names."""
    neighbours = words[max(0, position - 1) : position + 2]
    if any(word.key == "es" for word in neighbours):
        return True
    return words[position].key == "geheissen" and any(w.key == "es" for w in words[segment[0] : position])


def _particle_position(words: Sequence[Word], position: int, segment: tuple[int, int], particle: str) -> int:
    for later in range(position + 1, segment[1]):
        if words[later].key == particle and (
            later + 1 >= len(words) or not words[later + 1].capitalized or later + 1 == segment[1]
        ):
            return later
    return -1


def _impersonal_cue(
    words: Sequence[Word], position: int, segment: tuple[int, int], cue_words: list[int], sense: VerbSense
) -> Cue:
    """ "heisst es in der Erklärung", "hiess es aus Regierungskreisen", "heisst es darin"."""
    cue = Cue(cue_words, sense.lemma, sense.medium, "impersonal", segment)
    cue.verb_initial = _is_verb_initial(words, position, segment)
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
        cue.speaker = noun_phrase_right(words, segment[0] + 1, limit=position)  # "In einer Aussendung heisst es"
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
    cue.finite = bool(is_finite(words[position])) if words[position].pos else True
    if cue.verb_initial and not cue.finite and start > 0:
        cue.verb_initial = False  # the end of a verb bracket after an apposition: "hatte X, Y, erklärt"
        cue.speaker = subject_of(words, 0, start)
        return cue
    if cue.verb_initial:
        cue.speaker = _speaker_right(words, position + 1, end)
        _quoted_person(words, cue, end)
        if cue.speaker is None:
            _apposition_subject(words, segment, cue)
        return cue
    if words[start].key in _ANAPHORS and start + 1 == position:
        cue.kind = "anaphoric"
        cue.speaker = _speaker_right(words, position + 1, end)
        return cue
    relative = words[start].pos.startswith("PREL") or words[start].key in ("welche", "welcher", "welches")
    if (words[start].key in SUBORDINATORS or relative) and _verb_final(words, position, end):
        cue.subordinate = True
        cue.speaker = noun_phrase_right(words, start + 1, limit=position)
        if relative and start >= 2 and words[start - 1].text == ",":
            cue.speaker = _noun_phrase_ending_at(words, max(0, start - 9), start - 1)  # "eine Resolution, welche …"
        return cue
    anchor = _finite_anchor(words, start, position)
    agent = None if cue.lemma == "zitieren" else _passive_agent(words, start, anchor, end)
    cue.speaker = noun_phrase_left(words, start, anchor) or agent
    if cue.speaker is None:
        cue.speaker = _speaker_right(words, anchor + 1, end)
    _quoted_person(words, cue, end)
    return cue


def _quoted_person(words: Sequence[Word], cue: Cue, end: int) -> None:
    """ "zitierte man Yolanda Alvarez": with "zitieren" the person quoted is the speaker."""
    if cue.lemma != "zitieren" or cue.speaker is None or words[cue.speaker[0]].key not in ("man", "sie", "er"):
        return
    quoted = _speaker_right(words, cue.speaker[1], end)
    if quoted is not None:
        cue.speaker = quoted


def _apposition_subject(words: Sequence[Word], segment: tuple[int, int], cue: Cue) -> None:
    """ "Klaus Stöhr, Leiter des Programms, sagte": the subject stands before the commas."""
    if segment[0] < 2:
        return
    first = _clause_start_before(words, segment[0] - 1)
    while first < segment[0] - 2 and words[first].key in ("auch", "selbst", "sogar", "nur", "zudem", "und"):
        first += 1  # "Auch Winfried Hassemer, Papiers Stellvertreter, glaubt"
    if first >= segment[0] - 1 or words[first].key in NON_NP_OPENERS:
        return
    subject = noun_phrase_right(words, first, limit=segment[0] - 1)
    if subject is not None:
        cue.speaker = subject
        cue.verb_initial = False


def _clause_start_before(words: Sequence[Word], comma: int) -> int:
    """Where the verbless stretch before `comma` begins: the sentence start or just after the comma
    that follows the last finite verb ("X wies das zurück, die Sprecherin, Y, erklärte")."""
    for position in range(comma - 1, -1, -1):
        word = words[position]
        if is_finite(word) or (not word.pos and word.key in AUXILIARIES):
            later = [p for p in range(position + 1, comma) if words[p].text == ","]
            return later[0] + 1 if later else comma
    return 0


def _verb_final(words: Sequence[Word], position: int, end: int) -> bool:
    rest = [word for word in words[position + 1 : end] if not word.is_punct]
    return all(word.key in AUXILIARIES or word.pos.startswith("VA") for word in rest)


def _finite_anchor(words: Sequence[Word], start: int, position: int) -> int:
    """The finite verb of the clause: an auxiliary before a participle cue, else the cue itself."""
    for candidate in range(start + 1, position):
        word = words[candidate]
        if is_finite(word) or (not word.pos and word.key in AUXILIARIES):
            return candidate
    return position


def _passive_agent(words: Sequence[Word], start: int, anchor: int, end: int) -> tuple[int, int] | None:
    """The agent of a passive: "wurde von X bestätigt", "Von den Behörden wird angenommen"."""
    if words[start].key in ("von", "vom") and anchor > start + 1 and words[anchor].key in AUXILIARIES:
        return noun_phrase_right(words, start + 1, limit=anchor)
    for later in range(anchor + 1, end):
        if words[later].key in ("von", "vom") and later + 1 < end:
            return noun_phrase_right(words, later + 1, limit=end)
    return None


def _speaker_right(words: Sequence[Word], position: int, end: int) -> tuple[int, int] | None:
    """The first noun phrase after the verb (skipping adverbs and prepositional phrases) unless it is
    plainly an object: "nannte seinen Platzverweis" has its subject elsewhere."""
    phrase = _phrase_right(words, position, end)
    if phrase is not None and words[phrase[0]].key in OBJECT_DETERMINERS:
        return None
    return phrase


def _phrase_right(words: Sequence[Word], position: int, end: int) -> tuple[int, int] | None:
    index = position
    while index < end:
        word = words[index]
        if word.key in PREPOSITIONS:
            index = _skip_phrase(words, index + 1, end)
            continue
        if word.key in NON_NP_OPENERS or word.pos in ("ADV", "PTKNEG", "ADJD", "PRF"):
            index += 1
            continue
        return noun_phrase_right(words, index, limit=end)
    return None


def _skip_phrase(words: Sequence[Word], position: int, end: int) -> int:
    phrase = noun_phrase_right(words, position, limit=end)
    return phrase[1] if phrase else position + 1
