"""Frames: cues that attribute a clause without a speech verb of their own.

"laut X", "gemäss X", "X zufolge", "nach Angaben/Ansicht … X", "nach einer Studie", ", so X,",
"Demnach …", "…, wonach …", "dem Vernehmen nach", and speech nouns that govern a clause
("die Forderung der Gewerkschaft, dass …"). Positions index the sentence's word list.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.draft import Cue
from chronik.quotes.grammar import (
    AUXILIARIES,
    CLAUSE_REACH,
    OBJECT_DETERMINERS,
    PREPOSITIONS,
    QUOTE_MARKS,
    SENTENCE_FINAL,
    SUBORDINATORS,
    is_finite,
    konjunktiv,
    noun_phrase_right,
    trim_punct,
)
from chronik.quotes.lexicon import QuoteLexicon
from chronik.quotes.view import Word


def noun_cue(words: Sequence[Word], position: int, segment: tuple[int, int], lexicon: QuoteLexicon) -> Cue | None:
    """A speech noun that governs a dass/ob clause: "die Forderung der Gewerkschaft, dass …"; or a
    document that states one (see `document_statement_cue`)."""
    word = words[position]
    if word.key in _STEHEN:
        return document_statement_cue(words, position, segment, lexicon)
    if not word.capitalized or word.key not in lexicon.nouns or (word.pos and word.pos != "NN"):
        return None
    end = segment[1]
    if end + 1 >= len(words) or words[end].text != ",":
        return None
    content = words[end + 1].key in ("dass", "daß", "ob") or _konjunktiv_clause(words, end + 1, lexicon)
    if not content and not _zu_infinitive_clause(words, end + 1):
        return None
    speaker = _genitive_or_von(words, position + 1, end)
    closes_bracket = _conclusion(words, position, end) or _object_before_bracket(words, position, end)
    if position + 1 < end and speaker is None and not closes_bracket:
        if not content or not _subject_of_short_clause(words, position, segment):
            return None  # the noun must end its phrase or take a genitive source
        source = _genitive_or_von(words, position + 1, end) or (position, position + 1)
        speaker = (_phrase_start(words, position, segment[0]), source[1])  # "Vorwürfe werden laut, dass …"
    return Cue([position], word.key, lexicon.nouns[word.key], "noun", segment, speaker)


def names_medium_of_verb(words: Sequence[Word], cue: Cue, cues: Sequence[Cue]) -> bool:
    """A speech noun in a prepositional phrase after a speech verb of its own clause names the medium of
    that verb, not a cue of its own: "…, so schrieb diese in einer Stellungnahme, sei …"."""
    if cue.kind != "noun":
        return False
    start = _phrase_start(words, cue.words[0], cue.segment[0])
    if start == cue.segment[0] or words[start - 1].key not in PREPOSITIONS:  # not "sehen als eine Aussage"
        return False
    return any(other.kind == "verb" and other.segment == cue.segment and other.words[0] < start for other in cues)


def _conclusion(words: Sequence[Word], position: int, end: int) -> bool:
    """A noun after "zu" followed only by the end of the verb bracket: "ist zu dem Schluss gekommen,
    dass …" (not "mit dem Hinweis verweigert worden, …", where the verbs are another clause's)."""
    after_zu = any(word.key in ("zu", "zum", "zur") for word in words[max(0, position - 3) : position])
    return after_zu and all(word.pos.startswith(("VV", "VA", "VM", "PTKVZ")) for word in words[position + 1 : end])


def _object_before_bracket(words: Sequence[Word], position: int, end: int) -> bool:
    """An object noun followed only by the end of its verb bracket: "stellten die Theorie auf, dass …",
    "hat die Forderung erhoben, dass …" (not after a preposition: "mit dem Hinweis verweigert, …")."""
    start = _phrase_start(words, position, max(0, position - 4))
    if start == position or (start > 0 and words[start - 1].pos in ("APPR", "APPRART")):
        return False
    return all(
        word.pos.startswith(("VVPP", "VVINF", "VAINF", "VAPP", "VMINF", "PTKVZ")) for word in words[position + 1 : end]
    )


def _subject_of_short_clause(words: Sequence[Word], position: int, segment: tuple[int, int]) -> bool:
    """The speech noun is the subject of a short main clause that reports its content after the comma:
    "Vorwürfe werden laut, dass …", "Gegen ihn stehen Vorwürfe im Raum, er habe …", "Die Vermutungen
    der Forscher gehen dahin, dass …" (not an object: "Er wies die Vorwürfe zurück, weil …" has no
    content clause, and a long clause is rather about something else)."""
    start, end = segment
    if end - start > 10 or words[start].key in SUBORDINATORS or words[start].pos.startswith("PREL"):
        return False
    finite = next((p for p in range(start, end) if is_finite(words[p])), None)
    if finite is None:
        return False
    phrase_start = _phrase_start(words, position, start)
    fronted = phrase_start == start and finite > position
    opener = words[start]
    adverbial = opener.pos in ("APPR", "APPRART", "ADV", "PROAV") or opener.key == "es"  # no subject before it
    after_verb = phrase_start == finite + 1 and adverbial  # "Gegen ihn stehen Vorwürfe im Raum, …"
    return (fronted or after_verb) and words[phrase_start].key not in OBJECT_DETERMINERS


def _phrase_start(words: Sequence[Word], position: int, start: int) -> int:
    """The first word of the noun phrase that ends with the noun at `position` (articles, adjectives)."""
    first = position
    while first > start and words[first - 1].pos in ("ART", "ADJA", "PPOSAT", "PIAT", "CARD"):
        first -= 1
    return first


_STEHEN = frozenset({"steht", "stand", "stehe", "standen", "stünde", "stehen"})


def document_statement_cue(
    words: Sequence[Word], position: int, segment: tuple[int, int], lexicon: QuoteLexicon
) -> Cue | None:
    """ "In dem Bericht steht, dass …", "Im Brief stand: …": a document that states a content clause or a
    colon clause; the document is the source ("Auf dem Plan steht, wo …" names no document)."""
    word = words[position]
    if word.key not in _STEHEN or not is_finite(word) or position + 2 >= len(words) or segment[1] != position + 1:
        return None
    after = words[position + 1]
    if not (after.text == ":" or (after.text == "," and words[position + 2].key in ("dass", "daß", "ob"))):
        return None
    for opener in range(segment[0], position):
        if words[opener].key not in ("in", "im"):
            continue
        source = noun_phrase_right(words, opener + 1, limit=position)
        if source is not None and any(
            lexicon.is_document(w.text) for w in words[source[0] : source[1]] if w.capitalized
        ):
            return Cue([position], "stehen", "writing", "noun", segment, source, document_reference=True)
    return None


def _zu_infinitive_clause(words: Sequence[Word], start: int) -> bool:
    """A zu-infinitive clause from `start` to the next comma or sentence end: "die Aufforderung, die
    Angriffe einzustellen", "Trotz der Ankündigung, den Verein zu verlassen, …"."""
    for position in range(start, min(len(words), start + CLAUSE_REACH)):
        word = words[position]
        if word.text in (",", ";", ":") or word.text in SENTENCE_FINAL:
            previous = words[position - 1] if position > start else None
            before = words[position - 2] if position - 2 >= start else None
            return previous is not None and (previous.pos == "VVIZU" or (before is not None and before.key == "zu"))
        if is_finite(word):
            return False
    return False


def _konjunktiv_clause(words: Sequence[Word], start: int, lexicon: QuoteLexicon) -> bool:
    """A clause in Konjunktiv I from `start` to the next comma: "…, es handele sich um …"."""
    for position in range(start, len(words)):
        if words[position].text in (",", ";", ":"):
            return False
        if konjunktiv(words, position, lexicon) == "I":
            return True
    return False


def frame_cue(words: Sequence[Word], position: int, segment: tuple[int, int], lexicon: QuoteLexicon) -> Cue | None:
    word = words[position]
    start, end = segment
    if word.key in lexicon.frame_word("prepositions") and word.key != "zufolge":
        antecedent = _relative_source(words, position, end)
        if antecedent is not None:  # "die Pläne, laut denen …": the antecedent with the pronoun
            return Cue([position], word.key, "unknown", "frame", segment, antecedent, (position, position + 2))
        speaker = _source_of_preposition(words, position, end)
        if speaker is None:
            return None
        speaker = (speaker[0], vorfeld_end(words, position, with_apposition(words, speaker[1]), end))
        return Cue([position], word.key, "unknown", "frame", segment, speaker, (position, speaker[1]))
    if word.key in lexicon.frame_word("postpositions") or _zu_folge(words, position, start):
        before = position - 1 if word.key == "folge" else position  # "Gerüchten zu Folge"
        cue_words = [before, position] if before < position else [position]
        pronoun = before > start and words[before - 1].key in ("ihm", "ihr", "ihnen")
        speaker = (before - 1, before) if pronoun else noun_phrase_ending_at(words, start, before)
        if speaker is None:
            return None
        return Cue(cue_words, "zufolge", "unknown", "frame", segment, speaker, (speaker[0], position + 1))
    if word.key in lexicon.frame_word("insertion_particles") and position == start and start > 0:
        speaker = noun_phrase_right(words, position + 1, limit=end)
        if speaker is None or any(is_finite(w) or w.key in AUXILIARIES for w in words[speaker[1] : end]):
            return None
        last = trim_punct(words, end, speaker[1])  # "…, so der Minister weiter." / "so X im Interview:"
        return Cue([position], word.key, "unknown", "frame", segment, speaker, (position, max(speaker[1], last)))
    return None


def _relative_source(words: Sequence[Word], position: int, end: int) -> tuple[int, int] | None:
    """ "…, laut denen …", "…, gemäss welchem …": the antecedent before the comma, up to the pronoun."""
    pronoun = position + 1
    if position < 2 or words[position - 1].text != "," or pronoun >= end:
        return None
    if not words[pronoun].pos.startswith("PREL") and words[pronoun].key not in ("denen", "welchem", "welchen"):
        return None
    antecedent = noun_phrase_ending_at(words, max(0, position - 9), position - 1)
    return None if antecedent is None else (antecedent[0], pronoun + 1)


def vorfeld_end(words: Sequence[Word], first: int, end: int, limit: int) -> int:
    """A frame that opens the sentence fills the position before the finite verb, so what stands between
    its source and that verb belongs to the source: "Nach Angaben von AP und AFP umstellten …", "Laut X
    gegenüber der Zeitung ist …" (not in a subordinate clause, whose verb stands at its end)."""
    if first != 0:
        return end
    for position in range(end, min(limit, end + 12)):
        word = words[position]
        if is_finite(word):
            return position
        if word.is_punct or word.key in SUBORDINATORS or word.pos in ("KOUS", "PRELS"):
            return end
    return end


def _zu_folge(words: Sequence[Word], position: int, start: int) -> bool:
    """ "zufolge" written apart: "Gerüchten zu Folge", "dem Bericht zu Folge" (not "zur Folge haben")."""
    return words[position].text == "Folge" and position - 1 > start and words[position - 1].key == "zu"


def _source_of_preposition(words: Sequence[Word], position: int, end: int) -> tuple[int, int] | None:
    """The source after "laut": up to the finite verb when "Laut X" opens the clause, else a noun
    phrase, else one name-like token ("laut el-Baradei", "laut bildblog.de")."""
    if position == 0 or words[position - 1].is_punct:
        verb = next((p for p in range(position + 2, end) if is_finite(words[p])), None)
        if verb is not None and verb - position <= 12:
            marks = [p for p in range(position + 1, verb) if words[p].text in QUOTE_MARKS]
            if len(marks) % 2 == 1 and marks[-1] > position + 1:
                return position + 1, marks[-1]  # "Laut der Polizei «besteht keine Gefahr»": the verb is quoted
            return position + 1, verb
    phrase = noun_phrase_right(words, position + 1, limit=end)
    if phrase is None and position + 1 < end and any(mark in words[position + 1].text for mark in "-."):
        return position + 1, position + 2
    return phrase


def noun_frame_cue(words: Sequence[Word], position: int, segment: tuple[int, int], lexicon: QuoteLexicon) -> Cue | None:
    """ "nach Angaben der Polizei", "nach Ansicht von Experten"."""
    word = words[position]
    if word.key == "nach" and position == segment[0]:
        relative = _relative_frame(words, position, segment, lexicon)
        if relative is not None:
            return relative
    if word.key == "nach" and position > segment[0]:
        postposed = _postposed_frame(words, position, segment, lexicon)
        if postposed is not None:
            return postposed
    if word.key != "nach" or position + 1 >= segment[1]:
        return None
    noun_position = position + 1
    while noun_position < min(segment[1], position + 3) and not words[noun_position].capitalized:
        noun_position += 1  # "nach eigenen Angaben", "nach ersten Erkenntnissen"
    normative = noun_position < segment[1] and words[noun_position].key in lexicon.frame_word("normative")
    if noun_position >= segment[1] or not (normative or _frame_noun(words[noun_position], lexicon)):
        return None
    noun = words[noun_position]
    speaker = _genitive_or_von(words, noun_position + 1, segment[1])
    indefinite = words[position + 1].key in ("einer", "einem", "eines", "ersten", "neuen", "jüngsten")
    if noun.key not in lexicon.frame_nouns and not _frame_compound(noun, lexicon) and not (indefinite or normative):
        return None  # "nach dem Urteil" is a time, "nach einer Studie" and "nach der Verfassung" a source
    if speaker is None and noun_position + 1 < segment[1]:
        speaker = noun_phrase_right(words, noun_position + 1, limit=segment[1])  # "nach Angaben libanesischer Kreise"
        if speaker is not None and not _genitive_start(words[noun_position + 1]):
            speaker = None
    start = position + 1 if noun.key not in lexicon.frame_nouns or noun_position > position + 1 else noun_position
    source_end = with_apposition(words, speaker[1] if speaker else noun_position + 1)
    speaker = (start, vorfeld_end(words, position, source_end, segment[1]))  # "Angaben der Polizei"
    frame_end = speaker[1]
    medium = lexicon.nouns.get(noun.key, "unknown")
    return Cue([position, noun_position], noun.key, medium, "frame", segment, speaker, (position, frame_end))


_RELATIVE_DATIVES = frozenset({"der", "dem", "denen", "welchem", "welcher", "welchen"})


def _relative_frame(
    words: Sequence[Word], position: int, segment: tuple[int, int], lexicon: QuoteLexicon
) -> Cue | None:
    """ "…, die Umfragen im Land, nach denen 72 Prozent …": a relative clause opened by "nach" whose
    antecedent is a frame noun or a document; the speaker runs from the antecedent to the pronoun."""
    pronoun = position + 1
    if position < 2 or words[position - 1].text != "," or pronoun >= segment[1]:
        return None
    if not words[pronoun].pos.startswith("PREL") or words[pronoun].key not in _RELATIVE_DATIVES:
        return None
    for noun_position in range(position - 2, max(-1, position - 8), -1):
        noun = words[noun_position]
        if noun.is_punct:
            return None
        if noun.capitalized and _frame_noun(noun, lexicon):
            medium = lexicon.nouns.get(noun.key, "writing")
            frame = (position, pronoun + 1)
            return Cue([position, pronoun], noun.key, medium, "frame", segment, (noun_position, pronoun + 1), frame)
    return None


_POSTPOSED_DETERMINERS = ("sein", "ihr", "dessen", "deren", "der", "des", "unser", "mein")


def _postposed_frame(
    words: Sequence[Word], position: int, segment: tuple[int, int], lexicon: QuoteLexicon
) -> Cue | None:
    """ "Seiner Meinung nach …", "Der Einschätzung der Polizei nach …": the frame noun before "nach"."""
    for noun_position in range(position - 1, max(segment[0], position - 6) - 1, -1):
        noun = words[noun_position]
        if noun.key not in lexicon.frame_nouns:
            continue
        start = noun_position
        if start > segment[0] and words[start - 1].key.startswith(_POSTPOSED_DETERMINERS):
            start -= 1
        if start != segment[0]:
            return None  # the phrase must open its clause; elsewhere the noun is an object
        medium = lexicon.nouns.get(noun.key, "unknown")
        speaker, frame = (start, position), (start, position + 1)
        return Cue([noun_position, position], noun.key, medium, "frame", segment, speaker, frame)
    return None


def _genitive_start(word: Word) -> bool:
    """A word that can open a genitive attribute without an article ("Österreichs", "politischer")."""
    if word.pos == "ART":
        return word.key in ("der", "des", "einer", "eines")  # "die Bombe" after "Angaben" is no genitive
    if word.pos:
        return word.pos in ("ADJA", "NE", "PPOSAT") or (word.pos == "NN" and word.key.endswith("s"))
    return word.key.endswith(("s", "er")) or word.key in ("der", "des")


def _frame_noun(word: Word, lexicon: QuoteLexicon) -> bool:
    """ "Angaben", "Ansicht", compounds such as "Expertenmeinung", and documents ("Studie")."""
    if word.key in lexicon.frame_nouns or lexicon.is_document(word.text):
        return True
    return _frame_compound(word, lexicon)


def _frame_compound(word: Word, lexicon: QuoteLexicon) -> bool:
    return any(word.key.endswith(noun) for noun in lexicon.frame_nouns if len(noun) > 5)


def adverb_frame(words: Sequence[Word], position: int, segment: tuple[int, int]) -> Cue | None:
    """ "Demnach …", "Danach hätte …", "…, wonach …": the source is the previous sentence's."""
    word = words[position]
    if word.key == "wonach" and position > 0:
        speaker = _claim_before(words, position - 1) if words[position - 1].text == "," else None
        return Cue([position], "wonach", "unknown", "frame", segment, speaker, (position, position + 1))
    adverb = word.key == "demnach" or (word.key == "danach" and position == 0 and _konjunktiv_in(words))
    if word.key == "vernehmen" and position + 1 < len(words) and words[position + 1].key == "nach":
        return Cue(
            [position, position + 1], "vernehmen", "speech", "frame", segment, None, (position - 1, position + 2)
        )
    if adverb and len(words) > 4:
        return Cue(
            [position], word.key, "unknown", "frame", segment, (position, position + 1), (position, position + 1)
        )
    return None


_BRACKET_END_TAGS = ("VVPP", "VVINF", "VAINF", "VMINF", "PTKVZ", "PTKNEG")


def _claim_before(words: Sequence[Word], comma: int) -> tuple[int, int] | None:
    """The noun phrase before "…, wonach": right before the comma ("Spekulationen, wonach"), or before the
    end of a verb bracket ("hat Berichte der Zeitung zurückgewiesen, wonach", "konnte X nicht bestätigen")."""
    end = comma
    while end > 0 and comma - end < 3 and words[end - 1].pos.startswith(_BRACKET_END_TAGS):
        end -= 1
    phrase = noun_phrase_ending_at(words, max(0, end - 8), end)
    if phrase is None and end < comma:
        phrase = noun_phrase_ending_at(words, max(0, end - 9), end - 1) if words[end - 1].text == "," else None
    return phrase


def _konjunktiv_in(words: Sequence[Word]) -> bool:
    """Whether the sentence holds a common Konjunktiv form; asked only at "Danach" opening it,
    so the scan runs once per sentence, not once per word."""
    return any(w.key in ("hätte", "hätten", "sei", "seien", "habe", "wäre", "wären") for w in words)


def with_apposition(words: Sequence[Word], end: int) -> int:
    """Extend a source that ends at a comma over a name in apposition ("laut dem Sprecher, Hans Meier, …")
    or a role with its article ("laut Hans Meier, dem Sprecher der Stadt, …"; no verb in it, so not a
    relative clause: "laut Hans Meier, dem das Amt untersteht, …")."""
    if end >= len(words) or words[end].text != ",":
        return end
    for later in range(end + 1, min(len(words), end + 10)):
        if words[later].text == ",":
            inner = words[end + 1 : later]
            names = 0 < len(inner) <= 5 and all(w.capitalized and (w.pos in ("NE", "NN", "")) for w in inner)
            return later if names or _role_apposition(inner) else end
    return end


def _role_apposition(inner: Sequence[Word]) -> bool:
    """ "dem Vorsitzenden des Vereins": an article, a noun and no verb."""
    if len(inner) < 2 or inner[0].pos != "ART" or inner[0].key not in ("dem", "der", "des", "den"):
        return False
    return any(w.pos == "NN" for w in inner) and not any(w.pos.startswith(("V", "PREL")) for w in inner)


def _genitive_or_von(words: Sequence[Word], position: int, limit: int) -> tuple[int, int] | None:
    if position < limit and words[position].key in ("von", "vom", "seitens"):
        return noun_phrase_right(words, position + 1, limit=limit)
    if position < limit and words[position].key in ("der", "des", "eines", "einer"):
        return noun_phrase_right(words, position, limit=limit)
    return None


def noun_phrase_ending_at(words: Sequence[Word], start: int, end: int) -> tuple[int, int] | None:
    for candidate in range(max(start, end - 8), end):
        phrase = noun_phrase_right(words, candidate, limit=end)
        if phrase is not None and phrase[1] == end:
            return phrase
    return None
