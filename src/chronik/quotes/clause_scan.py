"""Clause scans for cue speakers: where a clause starts, its finite verb, relative clauses before a
verb, and a second main clause joined without a comma. Positions index the sentence's word list."""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.grammar import (
    AUXILIARIES,
    CLAUSE_REACH,
    PREPOSITIONS,
    is_finite,
    noun_phrase_right,
    trim_punct,
)
from chronik.quotes.view import Word

COORDINATORS = frozenset({"und", "doch", "aber", "sondern", "denn", "oder"})
_SUBJECT_TAGS = frozenset({"ART", "NN", "NE", "PPER", "PDS", "PIS", "PPOSAT", "PIAT", "ADJA"})


def before_relative_clauses(words: Sequence[Word], comma: int) -> int:
    """The comma before the relative clauses that end at `comma`: "Klose, der Gelb-Rot sah, nannte"."""
    for _ in range(3):
        previous = next((p for p in range(comma - 1, max(-1, comma - CLAUSE_REACH), -1) if words[p].text == ","), -1)
        if previous < 1 or not relative_opener(words[previous + 1]):
            return comma
        comma = previous
    return comma


def relative_pronoun(words: Sequence[Word], start: int, end: int) -> bool:
    """ "…, das vorschlug, …" (the verb closes the clause) is a relative clause, not the anaphoric "Das
    sagte X" or "…, das teilte die Behörde mit"."""
    after_comma = words[start].pos.startswith("PREL") or (start > 0 and words[start - 1].text == ",")
    return after_comma and trim_punct(words, end, start + 1) == start + 2


def relative_opener(word: Word) -> bool:
    return word.pos.startswith("PREL") if word.pos else word.key in ("der", "die", "das", "welcher", "welche")


def clause_start_before(words: Sequence[Word], comma: int) -> int:
    """Where the verbless stretch before `comma` begins: the sentence start or just after the comma
    that follows the last finite verb ("X wies das zurück, die Sprecherin, Y, erklärte"); without a
    verb within `CLAUSE_REACH` words, where that window begins."""
    for position in range(comma - 1, max(0, comma - CLAUSE_REACH) - 1, -1):
        word = words[position]
        if is_finite(word) or (not word.pos and word.key in AUXILIARIES):
            later = [p for p in range(position + 1, comma) if words[p].text == ","]
            return later[0] + 1 if later else comma
    return max(0, comma - CLAUSE_REACH)


def verb_final(words: Sequence[Word], position: int, end: int) -> bool:
    """Only auxiliaries (and punctuation) follow the verb; stops at the first other word."""
    for later in range(position + 1, end):
        word = words[later]
        if not word.is_punct and not (word.key in AUXILIARIES or word.pos.startswith("VA")):
            return False
    return True


def second_main_clause(words: Sequence[Word], start: int, position: int) -> int:
    """Where the clause of a cue starts when two main clauses are joined without a comma: "Die Menge
    skandierte Parolen und der Redner rief aus:" (after "und", where a subject follows a finite verb);
    "Er lobte die Arbeit und sagte:" shares its subject."""
    if not is_finite(words[position]) and not _plural_present(words, start, position):
        return start
    finite = False
    for index in range(max(start, position - CLAUSE_REACH), position):
        word = words[index]
        if is_finite(word):
            finite = True
        elif finite and word.key in COORDINATORS and words[index + 1].pos in _SUBJECT_TAGS:
            subject = noun_phrase_right(words, index + 1, limit=position)
            if subject is not None and attributes_only(words, subject[1], position):
                return index + 1  # the subject stands right before the cue, or with its attributes
    return start


def _plural_present(words: Sequence[Word], start: int, position: int) -> bool:
    """A plural present the tagger read as an infinitive, at the end of a clause after its noun subject
    with no finite verb of its own after the last coordinator: "… und die Anwohner befürchten, dass …"."""
    if words[position].pos != "VVINF" or position + 1 >= len(words) or words[position + 1].text not in (",", ":"):
        return False
    if position == 0 or not (words[position - 1].pos in ("NN", "NE") or words[position - 1].capitalized):
        return False  # also a capitalised word tagged as an adjective: "die Hongkonger befürchten"
    window = range(max(start, position - CLAUSE_REACH), position)
    last = max((p for p in window if words[p].key in COORDINATORS), default=None)
    return last is not None and not any(is_finite(word) for word in words[last:position])


def attributes_only(words: Sequence[Word], end: int, position: int) -> bool:
    """Only prepositional attributes between a subject and its verb: "und die Fraktion der Grünen im
    Landtag von Sachsen forderte" (no verb, punctuation or coordinator there)."""
    between = words[end:position]
    if len(between) > 8 or (between and between[0].key not in PREPOSITIONS):
        return False
    return not any(is_finite(word) or word.is_punct or word.key in COORDINATORS for word in between)


def predicate_of_other_clause(words: Sequence[Word], anchor: int, position: int) -> bool:
    """A finite cue right after a coordinator, whose clause has an earlier finite verb in another mood:
    "Sie erklärte, der Plan sei falsch und kündigte an, …" coordinates "kündigte" with "erklärte", so
    the subject of "sei" is not its speaker ("Er lobte die Arbeit und sagte:" shares its subject)."""
    if anchor >= position or not is_finite(words[position]) or words[position - 1].key not in COORDINATORS:
        return False
    return (words[anchor].morph.get("Mood") == "Sub") != (words[position].morph.get("Mood") == "Sub")


def finite_anchor(words: Sequence[Word], start: int, position: int) -> int:
    """The finite verb of the clause: an auxiliary before a participle cue, else the cue itself."""
    for candidate in range(start, position):
        word = words[candidate]
        if is_finite(word) or (not word.pos and word.key in AUXILIARIES):
            return _coordinated_auxiliary(words, candidate, position)  # at `start` too: "…, soll X gesagt haben"
    return position


def _coordinated_auxiliary(words: Sequence[Word], finite: int, position: int) -> int:
    """The auxiliary of a participle cue in a clause coordinated after the first finite verb: "X gelten als
    …-nah und wurden gestern als … bezeichnet" (the cue's auxiliary is "wurden", not "gelten")."""
    if words[position].pos != "VVPP":
        return finite
    for candidate in range(finite + 2, min(position, finite + CLAUSE_REACH)):
        if words[candidate - 1].key == "und" and is_finite(words[candidate]) and words[candidate].key in AUXILIARIES:
            return candidate
    return finite
