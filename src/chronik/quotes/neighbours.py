"""Speakers of direct quotes without a speech verb, from the words next to the quote.

- A finite verb right after the quote with its subject behind it: "«…», freut sich X",
  "«…», ist X überzeugt", "«…», schimpft die Trainerin" (any verb, not only speech verbs).
- A verbless colon clause: "Dazu die Ministerin: «…»", "Sein Fazit: «…»" (the phrase after
  the adverb).
- An inscription: "Auf dem Plakat stand: «…»", "Darauf waren die Worte zu lesen: «…»" (the
  place the words stand on speaks), also through a relative clause: "ein Zettel, auf dem
  geschrieben stand: «…»" → "ein Zettel".
- The sentence after the quote names its speaker: "«…» Mit diesen Worten kommentierte X …",
  "«…» So äusserte sich X …", "«…» Das sagte X am Montag."; that sentence is then no separate reported quotation.
  A copula with a noun for an utterance names the words themselves: "«…» Das ist das Fazit der Studie."
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.draft import Cue, Draft, SentenceAnalysis
from chronik.quotes.grammar import (
    CLAUSE_REACH,
    COORDINATORS,
    NON_NP_OPENERS,
    OBJECT_DETERMINERS,
    PRONOUNS,
    is_finite,
    is_temporal,
    noun_phrase_right,
)
from chronik.quotes.marks import QuotedSpan
from chronik.quotes.terms import UTTERANCE_NOUNS
from chronik.quotes.view import Word

_DASHES = frozenset({",", "–", "—", "-"})
_INSCRIPTION_VERBS = frozenset({"stand", "steht", "standen", "stehen", "prangte", "prangt", "lesen"})
_PLACE_PREPOSITIONS = frozenset({"auf", "an", "am", "in", "im"})
_PLACE_ADVERBS = frozenset({"darauf", "daran", "darin", "dort"})
_SKIPPED_AFTER_VERB = frozenset({"PRF", "ADV", "ADJD", "PTKNEG"})
# Words that open a sentence referring back to the quote before it: "Mit diesen Worten …", "So …".
_BACK_REFERENCES = (("mit", "diesen", "worten"), ("mit", "den", "worten"), ("mit", "dieser", "aussage"), ("so",))
# A pronoun object that opens such a sentence, only right before its speech verb: "«…» Das sagte X am Montag."
_BACK_PRONOUNS = frozenset({"das", "dies"})
_BRACKET_FINITES = frozenset({"VAFIN", "VMFIN"})
# What may open a verbless colon clause before its phrase: adverbs, and the joint of a listing
# ("…, X («…») und der Minister Y: «…»").
_COLON_OPENERS = NON_NP_OPENERS | COORDINATORS | {",", ")", "–"}
_COPULAS = frozenset({"ist", "war", "sei", "bleibt", "blieb"})


def _bracket_cue(analysis: SentenceAnalysis) -> Cue | None:
    """ "«…» Das musste X einräumen.", "Dies hat X gesagt.": an auxiliary or modal right after the pronoun,
    its subject right behind it, and the speech verb closing the verb bracket."""
    words = analysis.words
    if len(words) < 4 or words[1].pos not in _BRACKET_FINITES:
        return None
    for cue in analysis.cues:
        verb = cue.words[0]
        closes = verb + 1 == len(words) or words[verb + 1].is_punct  # also when tagged finite: "wollte X betonen"
        if cue.kind == "verb" and closes and cue.speaker is not None and cue.speaker[0] == 2:
            return None if any(is_finite(word) for word in words[2 : cue.speaker[1]]) else cue
    return None


def subject_after_quote(span: QuotedSpan, closing: SentenceAnalysis) -> tuple[int, tuple[int, int]] | None:
    """ "«…», freut sich X", "«…», mit diesen Worten eröffnete X …": the finite verb that opens the clause
    after the quote (after a back reference to it) and its subject behind it (word positions in the closing
    sentence), when that is a name, a pronoun or a noun phrase."""
    words = closing.words
    after = closing.position_at(span.end)
    if after >= len(words) or words[after].text not in _DASHES:
        return None
    verb = after + 1
    keys = tuple(word.key for word in words[verb : verb + 3])
    verb += next((len(opening) for opening in _BACK_REFERENCES if len(opening) == 3 and keys == opening), 0)
    if verb >= len(words) or words[verb].index in closing.masked or not is_finite(words[verb]):
        return None
    subject = _subject_right(words, verb + 1, len(words))
    if subject is None:
        return None
    if words[verb].pos == "VAFIN" and not _predicative_after(words, subject[1]):
        return None  # "«…», war die Antwort auf alles"; but "«…», ist X überzeugt"
    return verb, subject


def _predicative_after(words: Sequence[Word], position: int) -> bool:
    """An adjective or participle (after adverbs) ends the clause: "ist X überzeugt", "war sie sich sicher"."""
    for index in range(position, min(len(words), position + 4)):
        word = words[index]
        if word.pos in ("ADJD", "VVPP"):
            return index + 1 >= len(words) or words[index + 1].is_punct
        if word.pos not in _SKIPPED_AFTER_VERB and word.key != "sich":
            return False
    return False


def _subject_right(words: Sequence[Word], position: int, end: int) -> tuple[int, int] | None:
    for index in range(position, min(end, position + 4)):
        word = words[index]
        if word.pos in _SKIPPED_AFTER_VERB or word.key in ("sich", "auch", "dann", "da"):
            continue
        if word.key in OBJECT_DETERMINERS:
            return None
        phrase = noun_phrase_right(words, index, limit=end)
        if phrase is None or is_temporal(words, phrase):
            return None
        first = words[phrase[0]]
        return phrase if first.key in PRONOUNS or first.capitalized or phrase[1] - phrase[0] > 1 else None
    return None


def verbless_colon_subject(words: Sequence[Word], start: int, colon: int) -> tuple[int, int] | None:
    """ "Dazu die Ministerin:", "Abschliessend X:", "…, und die Ministerin:": the phrase after leading
    adverbs (or the joint of a listing) of a clause that has no finite verb before the colon."""
    if colon - start > CLAUSE_REACH or any(is_finite(word) for word in words[start:colon]):
        return None
    position = start
    while position < colon and (words[position].key in _COLON_OPENERS or words[position].pos == "ADV"):
        position += 1
    if position == start or position >= colon:
        return None
    phrase = noun_phrase_right(words, position, limit=colon)
    return phrase if phrase is not None and phrase[1] == colon and not is_temporal(words, phrase) else None


def inscription_source(words: Sequence[Word], start: int, colon: int) -> tuple[int, int] | None:
    """ "Auf dem Transparent stand: «…»": the phrase after the locative preposition (or "Darauf")
    that opens a colon clause whose verb says that words are written somewhere."""
    clause = range(start, min(colon, start + CLAUSE_REACH))
    if not any(words[p].key in _INSCRIPTION_VERBS for p in clause):
        return None
    word = words[start]  # the place opens the clause: not "Der Minister steht in der Kritik: «…»"
    if word.key in _PLACE_ADVERBS:
        return start, start + 1
    if word.key in _PLACE_PREPOSITIONS:
        phrase = noun_phrase_right(words, start + 1, limit=colon)
        return None if phrase is None or is_temporal(words, phrase) else phrase
    return None


def inscription_bearer(words: Sequence[Word], colon: int) -> tuple[int, int] | None:
    """ "…, dass an jedem Gerät ein Zettel klebte, auf dem geschrieben stand: «…»": the phrase that a
    relative clause of place with an inscription verb refers back to, as the bearer of the words."""
    for comma in range(colon - 1, max(0, colon - CLAUSE_REACH), -1):
        if words[comma].text != ",":
            continue
        opens = comma + 2 < colon and words[comma + 1].key in _PLACE_PREPOSITIONS and words[comma + 2].pos == "PRELS"
        clause = words[comma + 1 : colon]
        if not opens or not any(word.key in _INSCRIPTION_VERBS or word.key == "geschrieben" for word in clause):
            return None
        end = comma - 1 if comma > 1 and not words[comma - 1].capitalized else comma  # "ein Zettel kleben, auf dem"
        for start in range(max(0, end - 8), end):
            phrase = noun_phrase_right(words, start, limit=end)
            if phrase is not None and phrase[1] == end and not is_temporal(words, phrase):
                return phrase
        return None
    return None


def speakers_from_next_sentence(drafts: list[Draft], analyses: list[SentenceAnalysis]) -> list[Draft]:
    """Give a cue-less direct quote the cue and speaker of the next sentence when that sentence refers
    back to it ("«…» Mit diesen Worten kommentierte X die Wahl."); drop that sentence's reported quotation."""
    by_sentence: dict[int, list[Draft]] = {}
    for draft in drafts:
        for index in draft.sentences:
            by_sentence.setdefault(index, []).append(draft)
    dropped: set[int] = set()
    for draft in drafts:
        if draft.type != "Direct" or draft.partial or draft.cue is not None or not draft.inherits_speaker:
            continue
        following = max(draft.sentences) + 1
        if following >= len(analyses) or analyses[following].paragraph != analyses[following - 1].paragraph:
            continue
        analysis = analyses[following]
        cue = _back_referring_cue(analysis)
        if cue is None or analysis.words[0].start < draft.end:
            continue
        others = by_sentence.get(following, [])
        if any(other.type != "Reported" for other in others):
            continue
        draft.speaker = analysis.char_span(*cue[1])
        word = analysis.words[cue[0]]
        draft.cue, draft.cue_lemma = (word.start, word.end), cue[2]
        dropped.update(id(other) for other in others)
    return [draft for draft in drafts if id(draft) not in dropped]


def _naming_predicate(words: Sequence[Word]) -> tuple[int, int] | None:
    """ "«…» Das ist die zentrale Aussage einer Studie.": a back pronoun, a copula and a phrase headed by a
    noun for an utterance; that phrase speaks the quote before."""
    if len(words) < 4 or words[0].key not in _BACK_PRONOUNS or words[1].key not in _COPULAS:
        return None
    phrase = noun_phrase_right(words, 2, limit=len(words))
    if phrase is None:
        return None
    heads = [position for position in range(*phrase) if words[position].pos in ("NN", "")]
    return phrase if heads and words[heads[0]].key in UTTERANCE_NOUNS else None


def _back_referring_cue(analysis: SentenceAnalysis) -> tuple[int, tuple[int, int], str] | None:
    """The first speech-verb cue with a speaker in a sentence that opens with a back reference."""
    words = analysis.words
    keys = [word.key for word in words[:3]]
    naming = _naming_predicate(words)
    if naming is not None:
        return 1, naming, words[1].lemma or "sein"
    if keys[:1] and keys[0] in _BACK_PRONOUNS:
        cue = next((c for c in analysis.cues if c.kind in ("verb", "anaphoric") and c.words[0] == 1), None)
        cue = cue or _bracket_cue(analysis)
        if cue is None or cue.speaker is None or cue.guessed_speaker:
            return None
        return cue.words[0], cue.speaker, cue.lemma
    opening = next((o for o in _BACK_REFERENCES if tuple(keys[: len(o)]) == o), None)
    if opening is None:
        return None
    for cue in analysis.cues:
        if cue.kind == "verb" and cue.speaker is not None and not cue.guessed_speaker and cue.words[0] <= 5:
            return cue.words[0], cue.speaker, cue.lemma
    verb = len(opening)  # "Mit diesen Worten eröffnete X die Sitzung": any verb, its subject behind it
    if len(opening) < 3 or verb >= len(words) or not is_finite(words[verb]):
        return None
    subject = _subject_right(words, verb + 1, len(words))
    return (verb, subject, words[verb].lemma or words[verb].key) if subject is not None else None
