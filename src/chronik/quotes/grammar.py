"""Small German grammar helpers for quotation rules: mood, clause segments, noun phrases.

They use the tagger's STTS tags, lemmas and UD morphology when present and fall back to
word lists otherwise, so the rules degrade instead of failing on an untagged article.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.lexicon import function_words
from chronik.quotes.mood import is_finite as is_finite
from chronik.quotes.mood import konjunktiv as konjunktiv
from chronik.quotes.view import Word

DETERMINERS = function_words("determiners")
PRONOUNS = function_words("pronouns")
PERSONAL_PRONOUNS = function_words("personal_pronouns")
SUBORDINATORS = function_words("subordinators")
NON_NP_OPENERS = function_words("non_np_openers")
PREPOSITIONS = function_words("prepositions")
AUXILIARIES = function_words("auxiliaries")
TEMPORAL = function_words("temporal")
_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag")
OBJECT_DETERMINERS = function_words("object_determiners")
# Subordinators of a fronted adverbial clause, after which the main clause's finite verb comes first.
ADVERBIAL_OPENERS = frozenset(
    {"da", "weil", "als", "nachdem", "wenn", "obwohl", "während", "bevor", "sobald", "seit", "seitdem", "falls"}
)
# Conjunctions before a main clause or a verb phrase that shares the subject: "…, und lud zum Apéro ein".
COORDINATORS = frozenset({"und", "oder", "aber", "sondern", "doch"})
# Particles that may stand before a subject in the first position: "Auch der Minister sagte …".
FOCUS_PARTICLES = frozenset({"auch", "selbst", "sogar", "nur", "zudem", "ebenso", "ebenfalls"})
_OBJECT_PRONOUNS = frozenset({"das", "dies", "es"})
_GROUP_PRONOUNS = frozenset({"beide", "alle", "viele", "einige", "manche", "mehrere", "andere", "etliche"})
_ATTRIBUTE_OPENERS = frozenset({"ART", "PPOSAT", "APPRART", "PDAT", "PIAT", "ADJA", "CARD", "APPR"})
_NO_NOUN_AFTER = frozenset({"PPER", "PDS", "PIS", "ART", "$.", "$,", "PRF"})
QUOTE_MARKS = frozenset("«»‹›„“”‚‘’\"'")
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", "-"})
SENTENCE_FINAL = frozenset({".", "!", "?", "…"})
_GENITIVE_DETERMINERS = frozenset({"dessen", "deren"})
_ADJECTIVE_MODIFIERS = frozenset({"PTKNEG", "ADV", "ADJD"})
_GENITIVE_OPENERS = frozenset({"der", "des", "von", "vom", "aller", "beider"})
_DEMONSTRATIVE_SUBJECTS = frozenset({"dieser", "diese", "jener", "jene", "der", "die", "letzterer", "letztere"})
_POSTPOSITIONS = frozenset({"gegenüber", "zufolge", "zuliebe"})
_QUANTIFIER_ATTRIBUTES = frozenset({"beiden", "beide", "übrigen", "meisten", "anderen", "vielen", "wenigen"})
# How many words the rules look from a verb for its clause's parts (subject, finite verb, agent,
# addressee). A clause's parts stand far closer together in news prose: in the 700 articles of
# the quotation gold corpus the longest comma-free stretch has 52 words (the longest sentence 130),
# and the stage's output there is identical with and without the cap. It keeps a sentence of
# thousands of words from being rescanned from every verb in it.
CLAUSE_REACH = 60


def adverbial_clause(first: Word, last: Word) -> bool:
    """The stretch from `first` to `last` is an adverbial clause: a subordinator that opens it and, unless
    tagged as one, its finite verb at the end ("Als er kam, …"; not "Als Grund nannte er …, ")."""
    return first.key in ADVERBIAL_OPENERS and (first.pos in ("KOUS", "") or is_finite(last))


def is_punctuation(word: Word) -> bool:
    return word.is_punct


def trim_punct(words: Sequence[Word], end: int, floor: int) -> int:
    """`end` (exclusive) moved back past trailing punctuation, never below `floor`."""
    while end > floor and words[end - 1].is_punct:
        end -= 1
    return end


def segments(words: Sequence[Word], masked: set[int]) -> list[tuple[int, int]]:
    """Comma/colon/dash separated stretches of a sentence as (first, last+1) list positions."""
    result: list[tuple[int, int]] = []
    start = 0
    inside = _short_brackets(words)
    for position, word in enumerate(words):
        if word.index not in masked and word.text in CLAUSE_BREAKS and position not in inside:
            if position > start:
                result.append((start, position))
            start = position + 1
    if start < len(words):
        result.append((start, len(words)))
    return result


def _short_brackets(words: Sequence[Word]) -> set[int]:
    """Positions of the brackets around a short verbless insert, which do not split a clause:
    "Der Chaos Computer Club (CCC) fordert", "Steve Witkoff (68) sagte"."""
    brackets: set[int] = set()
    for position, word in enumerate(words):
        if word.text != "(":
            continue
        for later in range(position + 1, min(len(words), position + 5)):
            if words[later].text == ")":
                brackets.update((position, later))
                break
            if is_finite(words[later]) or words[later].text in CLAUSE_BREAKS:
                break
    return brackets


def _np_word(word: Word, next_word: Word | None) -> bool:
    if word.key in _GENITIVE_DETERMINERS:
        return next_word is not None and (next_word.capitalized or next_word.pos == "ADJA")  # "dessen Stellvertreter"
    if word.pos == "PIS" and next_word is not None and next_word.key in ("der", "des"):
        return True  # "Eine der grössten Gruppen", "Einige der Demonstranten"
    if word.pos == "PIS" and next_word is not None and next_word.capitalized and word.key in _QUANTIFIER_ATTRIBUTES:
        return True  # tagged as a pronoun before its noun: "die beiden Sängerinnen", "die übrigen Parteien"
    if word.pos == "ADV" and word.capitalized and len(word.key) > 6 and word.key.endswith("innen"):
        return True  # a feminine plural the tagger read as an adverb: "Sängerinnen", "Ärztinnen"
    if word.pos:
        if word.pos in ("NN", "NE", "ADJA", "ART", "PPOSAT", "PDAT", "PIAT", "CARD", "TRUNC", "FM"):
            return True
        return word.pos == "XY"
    if word.key in DETERMINERS or word.capitalized or word.text[:1].isdigit():
        return word.key in DETERMINERS or (word.key not in NON_NP_OPENERS and word.key not in SUBORDINATORS)
    ends_like_adjective = word.key.endswith(("e", "en", "er", "es", "em"))
    return ends_like_adjective and next_word is not None and (next_word.capitalized or next_word.key.endswith("en"))


def noun_phrase_right(words: Sequence[Word], position: int, *, limit: int) -> tuple[int, int] | None:
    """The noun phrase starting at `position` (a pronoun or determiner-adjective-noun chain with genitives)."""
    if position >= limit:
        return None
    if words[position].key in PERSONAL_PRONOUNS and not _possessive_before_noun(words, position, limit):
        return position, position + 1
    if _group_pronoun(words[position]) and (position + 1 >= limit or words[position + 1].is_punct):
        return position, position + 1  # "sagen beide."
    if words[position].text in QUOTE_MARKS and position + 1 < limit:
        found = noun_phrase_right(words, position + 1, limit=limit)
        return None if found is None else (position, _close_mark(words, found[1], limit))
    end = _chain(words, position, limit)
    if end == position + 1 and words[position].pos == "ART":
        end = _extended_attribute(words, position, limit) or end  # "der für X zuständige Koordinator"
    while end < limit - 1 and words[end].key in _GENITIVE_OPENERS and _genitive_follows(words, end, limit):
        longer = _chain(words, end + 1, limit)
        if longer == end + 1:
            longer = _extended_attribute(words, end, limit) or longer  # "aller im Bundestag vertretenen Parteien"
        if longer == end + 1:
            break
        end = longer
    end = _parenthesis(words, end, limit)
    if end == position or not any(_nominal(word) for word in words[position:end]):
        return None
    return position, end


def _possessive_before_noun(words: Sequence[Word], position: int, limit: int) -> bool:
    """ "Ihr Kollege Tim Roth": "ihr" tagged as a possessive with a noun after it opens a longer phrase."""
    return words[position].pos == "PPOSAT" and position + 1 < limit and words[position + 1].pos in ("NN", "NE", "ADJA")


def _extended_attribute(words: Sequence[Word], article: int, limit: int) -> int | None:
    """The end of a phrase whose article and noun enclose a prepositional attribute: "der für die
    Region zuständige Koordinator", "die vom Amt geplante Reform" (up to eight words between)."""
    for position in range(article + 2, min(limit - 1, article + 10)):
        word = words[position]
        if is_finite(word) or word.text in CLAUSE_BREAKS or word.pos in ("KOUS", "PRELS", "VVINF", "VVPP"):
            return None
        if word.pos == "ADJA" and words[position - 1].pos != "ART":
            end = _chain(words, position, limit)
            return end if end > position + 1 else None
    return None


def _nominal(word: Word) -> bool:
    """A word that makes a phrase nominal: a capitalised word, a pronoun or a tagged noun ("ai-Bericht")."""
    return word.capitalized or word.key in PRONOUNS or word.pos in ("NN", "NE")


def _group_pronoun(word: Word) -> bool:
    """ "sagen beide", "meinten viele": an indefinite pronoun that stands for people."""
    return word.pos == "PIS" and word.key in _GROUP_PRONOUNS


def _genitive_follows(words: Sequence[Word], position: int, limit: int) -> bool:
    after = words[position + 1]
    if after.key in PREPOSITIONS:
        return _extended_attribute(words, position, limit) is not None
    return _np_word(after, None) or (
        after.text in QUOTE_MARKS and _opens_quoted_name(words, position + 1, limit, seen_noun=False)
    )


def _close_mark(words: Sequence[Word], end: int, limit: int) -> int:
    return end + 1 if end < limit and words[end].text in QUOTE_MARKS else end


def _chain(words: Sequence[Word], position: int, limit: int) -> int:
    end = position
    seen_noun = False
    quoted = False
    opened = position
    while end < limit:
        word = words[end]
        next_word = words[end + 1] if end + 1 < limit else None
        if word.text in QUOTE_MARKS and (quoted or _opens_quoted_name(words, end, limit, seen_noun=seen_noun)):
            quoted = not quoted  # a quoted name inside the phrase: die „Computerwoche“, die Zeitung „Blick“
            opened = end
            end += 1
            continue
        if end > position and not seen_noun and word.pos in _ADJECTIVE_MODIFIERS:
            adjective = _adjective_after_modifiers(words, end, limit)
            if adjective is not None:
                end = adjective  # "ein nicht namentlich genannter Vertreter"
                continue
        if not _np_word(word, next_word) or (seen_noun and _is_determiner(word) and not quoted):
            break
        if seen_noun and not quoted and _opens_next_phrase(word, next_word):
            break  # "nach Angaben der Polizei 502 Menschen", "laut dem Museum historische Bedeutung"
        named = word.capitalized or any(char.isupper() for char in word.text[1:])  # "el-Baradei", "iPhone"
        seen_noun = seen_noun or (named and not _is_determiner(word))
        end += 1
    return opened if quoted and opened > position else end  # "Laut X «war …»": the quote is no part of X


def _opens_next_phrase(word: Word, next_word: Word | None) -> bool:
    """After a noun, a lower-case attributive adjective or a number before a noun opens the next phrase."""
    if word.pos == "ADJA" and word.text[:1].islower():
        return True
    return word.pos == "CARD" and next_word is not None and next_word.pos in ("NN", "ADJA")


def _adjective_after_modifiers(words: Sequence[Word], position: int, limit: int) -> int | None:
    """The position of the attributive adjective that up to three adverbs or "nicht" modify, if any."""
    for later in range(position, min(limit, position + 4)):
        if words[later].pos == "ADJA":
            return later
        if words[later].pos not in _ADJECTIVE_MODIFIERS:
            return None
    return None


def _opens_quoted_name(words: Sequence[Word], position: int, limit: int, *, seen_noun: bool) -> bool:
    """A quotation mark that opens a capitalised name inside a phrase: before its noun ("die
    „Computerwoche“") or, closed within three words, right after it ("die Wochenzeitschrift „Jungle World“")."""
    if position + 1 >= limit or words[position + 1].text in QUOTE_MARKS:
        return False
    if words[position + 1].capitalized and not seen_noun:
        return True
    if seen_noun and not words[position + 1].capitalized:
        return False  # after its noun only a capitalised name: not "die Ministerin «einen Rückschritt»"
    for later in range(position + 1, min(limit, position + 5)):
        if words[later].text in QUOTE_MARKS:
            return True
        if words[later].pos.startswith("V") or words[later].text in CLAUSE_BREAKS:
            return False
    return False


def _is_determiner(word: Word) -> bool:
    if word.key in _GENITIVE_DETERMINERS:
        return True
    return word.pos in ("ART", "PPOSAT", "PDAT", "PIAT") if word.pos else word.key in DETERMINERS


def _parenthesis(words: Sequence[Word], end: int, limit: int) -> int:
    """Include an age, party or short name in brackets after a name: "Steve Witkoff (68)", "Club (CCC)"."""
    if end < limit and words[end].text == "(":
        for later in range(end + 2, min(limit, end + 5)):
            if words[later].text == ")":
                return later + 1
            if is_finite(words[later]) or words[later].text in CLAUSE_BREAKS:
                break
    return end


def noun_phrase_left(words: Sequence[Word], start: int, verb: int) -> tuple[int, int] | None:
    """The stretch [start, verb) when it reads as a subject noun phrase, else None."""
    if verb <= start:
        return None
    first = words[start]
    if first.key in NON_NP_OPENERS or first.pos in ("ADV", "ADJD", "APPR", "APPRART", "KON", "KOUS", "PROAV", "PAV"):
        return None
    if verb == start + 1 and is_participle_adverb(first):
        return None  # "Abschliessend sagte sie", "Relativierend fügt X hinzu" (tagged as a noun)
    if (first.key in PERSONAL_PRONOUNS or first.key == "es") and verb == start + 1:
        return start, verb
    if first.pos == "PDS" and first.key in _DEMONSTRATIVE_SUBJECTS and verb == start + 1:
        return start, verb  # "Dieser bestätigte, dass …"
    if start + 1 < verb and (words[start + 1].pos == "APPO" or words[start + 1].key in _POSTPOSITIONS):
        return None  # "Ihr gegenüber hat er angegeben": a postpositional phrase, not the subject
    found = noun_phrase_right(words, start, limit=verb)
    if found is None or is_temporal(words, found):
        return None
    end = _attachments(words, _coordinated(words, found[1], verb), verb)
    if end < verb and words[end].text in (",", "(") and verb - end <= 12:
        end = verb  # an apposition: "Rustem Umjerow, Sekretär des Sicherheitsrats, sagte"
    return (start, end) if end >= verb - 1 else None


def _coordinated(words: Sequence[Word], end: int, verb: int) -> int:
    """Extend a subject over coordinated phrases: "Arabische und iranische Medien", "Bund und Länder"."""
    while end < verb - 1 and words[end].key in ("und", "sowie", "oder"):
        phrase = noun_phrase_right(words, end + 1, limit=verb)
        if phrase is None:
            break
        end = phrase[1]
    return end


def _attachments(words: Sequence[Word], end: int, verb: int) -> int:
    """Extend a subject over prepositional attachments: "Der Einsatzleiter der Polizei in Dortmund"."""
    while end < verb - 1 and words[end].key in PREPOSITIONS:
        phrase = noun_phrase_right(words, end + 1, limit=verb)
        if phrase is None:
            break
        end = phrase[1]
    return end


_NOUNS_IN_END = ("abend", "jugend", "tugend", "gegend", "elend")


def is_participle_adverb(word: Word) -> bool:
    """A present participle used as an adverb at the start of a clause: "Abschliessend", "Ergänzend"."""
    return len(word.key) >= 8 and word.key.endswith("end") and not word.key.endswith(_NOUNS_IN_END)


def subject_of(words: Sequence[Word], start: int, end: int) -> tuple[int, int] | None:
    """The subject of a main clause: its first phrase, or the phrase after its finite verb (also when the
    first phrase is plainly an object: "Einen neuen Virusstamm haben die Behörden entdeckt")."""
    if start + 1 < end and _demonstrative(words[start]) and is_finite(words[start + 1]):
        return start, start + 1  # "Dieser bedankte sich: «…»"
    found = noun_phrase_right(words, start, limit=end)
    if found is not None and words[start].key not in NON_NP_OPENERS and words[start].key not in OBJECT_DETERMINERS:
        return found
    for position in range(start + 1, min(end, start + 1 + CLAUSE_REACH)):
        word = words[position]
        misread = word.pos == "NN" and word.text[:1].islower()  # "Hier sparte der Präsident" (tagged as a noun)
        if is_finite(word) or (not word.pos and word.key in AUXILIARIES) or misread:
            after = position + 1 if position + 1 >= end or words[position + 1].pos != "PRF" else position + 2
            return noun_phrase_right(words, _after_object_pronoun(words, after, end), limit=end)  # "hält sich X"
    return None


def verb_tagged_as_adjective(words: Sequence[Word], position: int) -> bool:
    """A lower-case word tagged as an attributive adjective with no noun after it and no article before it
    is a verb the tagger misread: "Am Abend ergänzte er: «…»" (but "die erklärte Absicht")."""
    word = words[position]
    if word.pos != "ADJA" or not word.text[:1].islower() or position + 1 >= len(words):
        return False
    before = words[position - 1].pos if position > 0 else ""
    return before not in _ATTRIBUTE_OPENERS and words[position + 1].pos in _NO_NOUN_AFTER


def _demonstrative(word: Word) -> bool:
    return word.pos == "PDS" and word.key in _DEMONSTRATIVE_SUBJECTS


def _after_object_pronoun(words: Sequence[Word], position: int, end: int) -> int:
    """Skip an object pronoun before the subject: "Anders sieht das der Ökonom X", "So sieht es auch die Chefin"."""
    if position + 1 < end and words[position].key in _OBJECT_PRONOUNS:
        following = position + 1
        while following + 1 < end and words[following].key in FOCUS_PARTICLES:
            following += 1
        if words[following].pos in ("ART", "PPOSAT", "NE"):
            return following
    return position


def is_temporal(words: Sequence[Word], phrase: tuple[int, int]) -> bool:
    """A time phrase such as "Ende Januar 2006" or "Letzte Woche", which is never a speaker."""
    nouns = [word for word in words[phrase[0] : phrase[1]] if word.capitalized or word.text[:1].isdigit()]
    return bool(nouns) and all(_temporal_word(word.key) or _number(word.text) for word in nouns)


def _temporal_word(key: str) -> bool:
    """A time word, also a weekday with a time of day: "Dienstagabend", "Sonntagmorgen"."""
    if key in TEMPORAL:
        return True
    day = next((day for day in _WEEKDAYS if key.startswith(day)), None)
    return day is not None and key[len(day) :] in TEMPORAL


def _number(text: str) -> bool:
    """A number or date ("2006", "7.", "1990er"), not a noun with a number in front ("52-Jährige")."""
    return text[:1].isdigit() and not ("-" in text and text.split("-", 1)[1][:1].isupper())


def speaker_right(words: Sequence[Word], position: int, end: int) -> tuple[int, int] | None:
    """The first noun phrase after the verb (skipping adverbs and prepositional phrases) unless it is
    plainly an object: "nannte seinen Platzverweis" has its subject elsewhere."""
    phrase = phrase_right(words, _after_object_pronoun(words, position, end), end)
    while phrase is not None and is_temporal(words, phrase):  # "hatte letzten September kritisiert"
        phrase = phrase_right(words, phrase[1], end)
    if phrase is not None and words[phrase[0]].key in OBJECT_DETERMINERS:
        return None
    return phrase


def phrase_right(words: Sequence[Word], position: int, end: int) -> tuple[int, int] | None:
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
    if phrase is None:
        return position + 1
    for article in range(phrase[0] + 1, phrase[1]):  # "am Montag der Minister": a date takes no genitive
        if words[article].pos == "ART" and is_temporal(words, (phrase[0], article)):
            return article
    return phrase[1]
