"""Fixes of the model's PER and LOC spans, and bare names next to speech verbs (stage `ner`).

The model tags capitalised common nouns as people or places and runs spans past a name.
`fix_model_spans` runs right after the cleaning rules of `chronik.nlp.ner` and only touches
mentions with ``source="model"``; `speaker_names` runs after the person rules. Everything is
a set or dict look-up per token (HanTa's word list, `titles.txt`, the name lists, the
gazetteer), so the cost is linear in the article (about 1 % of the stage's CPU time).
docs/ner.md numbers these rules 7–12 and 20.

1. **Common nouns alone**: a one-word PER/LOC that is a frequent German noun ("Kaffee",
   "Hammer", "Kandidatin"), a compass word ("Südosten"), a role ("Rechtsexpertin"), a
   lower-case word ("deutschen"), a hyphenated word whose head is a common noun
   ("Diakonie-Spendenkonto"; not "Osnatel-Arena": place heads) or, for PER, a compound noun
   without a family-name ending ("Hautfarbe", "Magnetfelder"; not "Zimmermann") is dropped,
   unless the gazetteer, the first names, the family names or the organisation list know it.
2. **Sentence run-ons**: a span is cut before a capitalised function word inside it
   ("Lido di Spina Die Straße" → "Lido di Spina"), and LOC spans lose trailing brackets,
   marks and years ("Frankfurt am Main 2003").
3. **Brackets in places**: "Luzenské údolí ( Lusental )" becomes two places; an acronym or a
   common noun in the bracket is dropped ("Pfaffenhofen ( PK )"), a known place kept ("USA").
4. **Genitive + nouns**: a span that continues after a genitive ("-s") or a known place only
   with German common nouns is cut there ("Heidi Klums Modelsuche" → "Heidi Klums", "Wetzlars
   Coach" → "Wetzlars"; not "Champions League").
5. **Leading nouns**: leading roles are cut from PER spans when no first name starts them
   ("Entwickler Garry Newman", "Chefinspektor Hadden Dolores"), plain nouns only when two
   words stay ("Auto Backup" stays); leading common nouns are cut from LOC spans
   ("Kreisstadt Torgau", "Königreich Bayern", "Gräberfeld Dänemarks"; not venue words:
   "Arena Wien"); a LOC span that started with a role becomes PER ("Löwen-Keeper Hofmann" →
   "Hofmann"); a common noun left alone is dropped ("Zoll Diagonale").
6. **People and places swapped**: a one-word model LOC in the genitive that the gazetteer
   does not know, right before a common noun, is PER ("nach Buurmanns Rücktritt"), as is one
   with a family-name ending ("Djurdjic", "Borowski"); a one-word model PER that is a known
   place and no name is LOC ("Tirols").
7. **Speaker names** (`speaker_names`): an uncovered capitalised word that HanTa does not
   know, right after a speech verb and before punctuation or a dative ("sagt Riederer der
   Zeitung"), after "so" before punctuation, or opening a sentence before a speech verb
   ("Ramelow erklärte") is PER (source ``rule``); not in bylines, not after "berichtet" or
   "schreibt" (media: "schreibt Eurogamer").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from chronik.model import Article, Mention, Token
from chronik.nlp.hanta import likeliest_tags
from chronik.nlp.names import (
    byline_ranges,
    first_names,
    frequent_nouns,
    in_bylines,
    is_first_name,
    looks_like_common_noun,
    surnames,
    title_endings,
    token_range,
)
from chronik.nlp.org_patterns import noun_like
from chronik.nlp.orgs import organisations

__all__ = ["fix_model_spans", "is_common_noun_mention", "speaker_names"]

_COMPASS = frozenset(
    {"nord", "süd", "ost", "west", "norden", "süden", "osten", "westen", "nordosten", "nordwesten"}
    | {"südosten", "südwesten", "nordost", "nordwest", "südost", "südwest", "mitte"}
)
# Capitalised words that start a new sentence or clause, never continue a PER or LOC name.
_CLAUSE_STARTS = frozenset(
    {"Die", "Der", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Auch", "Im", "Am", "Es", "Er", "Sie", "Wir"}
    | {"Ich", "Aber", "Doch", "Nach", "Seit", "Mit", "Für", "Bei", "Auf", "Als", "Wie", "So", "Nun", "Dabei"}
    | {"Dann", "Diese", "Dieser", "Dieses", "Zudem", "Danach", "Damit", "Hier", "Dort", "Heute", "Wenn"}
)
# Heads that name a place or facility themselves: "Osnatel-Arena", "Arena Wien", "Kreuz Walldorf".
_PLACE_HEADS = (
    "arena", "stadion", "halle", "park", "platz", "bahnhof", "flughafen", "hafen", "brücke", "tunnel", "turm",
    "kreuz", "dreieck", "kreis", "kreises", "land", "landes", "tal", "tals", "see", "berg", "insel", "wald",
    "schloss", "burg", "dom", "kirche", "markt", "straße", "strasse", "gasse", "ring", "damm", "center", "stadt",
    "viertel", "dorf",
)  # fmt: skip
# Leading nouns that are part of a place's name: "Arena Wien", "Kreuz Walldorf", "Flughafen Tegel".
_VENUE_WORDS = frozenset(
    {"arena", "stadion", "halle", "park", "platz", "bahnhof", "flughafen", "hafen", "kreuz", "dreieck", "center"}
)
# Endings of German family names that are also nouns: "Zimmermann", "Rosenberg", "Frankenstein".
_SURNAME_HEADS = (
    "mann", "berg", "stein", "feld", "bach", "burg", "hof", "hoff", "dorf", "haus", "hausen", "baum", "wald",
    "thal", "tal", "heim", "brück", "meier", "meyer", "maier", "mayer", "huber", "bauer", "kopf", "kamp", "horst",
    "schmidt", "schmitt", "müller", "hammer", "schläger", "ecker", "acker", "brunner", "wieser", "graf",
)  # fmt: skip
# Words that open a person's name and are no role: "Lady Gaga", "Sir Simon Rattle".
_NAME_OPENERS = frozenset(
    {"lady", "lord", "sir", "dame", "king", "queen", "don", "mister", "big", "little", "western", "new", "great"}
)
# English words that the German noun lists know but that continue names: "Champions League".
_ENGLISH_NAME_WORDS = frozenset({"league", "cup", "award", "awards", "open", "games", "tour", "series", "show"})
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d$")
_SPAN_LABELS = frozenset({"PER", "LOC"})


def _known_name(word: str, gazetteer: Any) -> bool:
    """The gazetteer, the first names, the family names or the organisation list know the word."""
    if gazetteer.lookup(word) or word in surnames() or is_first_name(word):
        return True
    plain, marked = first_names()
    return word in plain or word in marked or word.replace(" ", "") in organisations().names


def _is_name_word(word: str) -> bool:
    """A first name (also one that is a word: "August", "Mark") or a listed family name."""
    plain, marked = first_names()
    return word in plain or word in marked or word in surnames()


def _is_place(word: str, gazetteer: Any) -> bool:
    return any(entry.label == "LOC" for entry in gazetteer.lookup(word))


def is_common_noun_mention(mention: Mention, gazetteer: Any) -> bool:
    """Rule 1: a one-word model PER/LOC that is a common noun, compass word, role or adjective."""
    text = mention.text
    if mention.source != "model" or mention.label not in _SPAN_LABELS or " " in text:
        return False
    if text[:1].islower():
        return text.replace("-", "").isalpha()  # "deutschen", "serbisch-ungarischen"
    if text.isupper() or _known_name(text, gazetteer):
        return False
    if mention.label == "LOC" and (_is_place_adjective(text, gazetteer) or _is_function_word(text)):
        return True  # "Wiener", "Kärntner": adjectives and inhabitants (LOCderiv); "Großes"
    lowered = text.lower()
    if lowered in frequent_nouns() or lowered in _COMPASS:
        return True
    if lowered.endswith(title_endings()) and len(lowered) > 6:
        return True
    if mention.label == "PER" and "-" not in text and noun_like(text) and not lowered.endswith(_SURNAME_HEADS):
        return True  # "Hautfarbe", "Magnetfelder"
    prefix, _, head = text.rpartition("-")
    lowered = head.lower()
    if not prefix or lowered.endswith(_PLACE_HEADS) or lowered in _COMPASS:
        return False
    return lowered in frequent_nouns() or noun_like(head)


def _is_function_word(word: str) -> bool:
    """A word HanTa knows as no noun or name: adjective, adverb, verb, particle ("Großes")."""
    tag = likeliest_tags().get(word.lower())
    return tag is not None and not tag.startswith("N")


def _is_place_adjective(word: str, gazetteer: Any) -> bool:
    """ "Wiener", "Schweizer", "Kärntner": "-er" after a known place (or its stem without "-en")."""
    if len(word) < 6 or not word.endswith("er"):
        return False
    stem = word[:-2]
    return _is_place(stem, gazetteer) or _is_place(stem + "en", gazetteer)


def _cut_run_on(tokens: Sequence[Token], first: int, last: int) -> int:
    """Rule 2: last token before a capitalised function word inside the span."""
    for index in range(first + 1, last + 1):
        if tokens[index].text in _CLAUSE_STARTS:
            return index - 1
    return last


def _trim_place_end(tokens: Sequence[Token], first: int, last: int) -> int:
    """Rule 2: a LOC span without trailing brackets, marks and years."""
    while last > first and (not tokens[last].text[:1].isalnum() or _YEAR.match(tokens[last].text)):
        last -= 1
    return last


def _numbered_noun(tokens: Sequence[Token], first: int, last: int, gazetteer: Any) -> bool:
    """A span with a number whose words are all common nouns ("Saison 1953/54", "1. Satz")."""
    span = tokens[first : last + 1]
    if not any(char.isdigit() for token in span for char in token.text):
        return False
    words = [token.text for token in span if token.text[:1].isalpha() and not any(c.isdigit() for c in token.text)]
    return bool(words) and all(_noun_or_role(word) and not gazetteer.lookup(word) for word in words)


def _split_bracket(tokens: Sequence[Token], first: int, last: int, gazetteer: Any) -> list[tuple[int, int]]:
    """Rule 3: "Luzenské údolí ( Lusental )" → the name and the bracketed name."""
    opening = next((i for i in range(first + 1, last + 1) if tokens[i].text == "("), None)
    if opening is None:
        return [(first, last)]
    parts = [(first, opening - 1)]
    closing = next((i for i in range(opening + 1, last + 1) if tokens[i].text == ")"), None)
    if closing is not None and closing > opening + 1:
        inner = tokens[opening + 1 : closing]
        if not (len(inner) == 1 and inner[0].text.isupper()) or _is_place(inner[0].text, gazetteer):
            parts.append((opening + 1, closing - 1))
    return parts


def _noun_part(tokens: Sequence[Token], first: int, last: int, gazetteer: Any) -> bool:
    """A one-token part that is a common noun and no known place ("Hüftprobleme")."""
    word = tokens[first].text
    return first == last and noun_like(word) and not _is_place(word, gazetteer)


def _genitive_cut(tokens: Sequence[Token], first: int, last: int, gazetteer: Any) -> int:
    """Rule 4: last token of "Heidi Klums Modelsuche" when only common nouns follow a genitive or place."""
    for index in range(first, last):
        word = tokens[index].text
        genitive = len(word) > 3 and word.endswith("s") and not word.endswith("ss") and not is_first_name(word)
        if genitive or _is_place(word, gazetteer):
            rest = tokens[index + 1 : last + 1]
            if all(_german_noun(token.text) for token in rest):
                return index
    return last


def _german_noun(word: str) -> bool:
    """A capitalised German common noun or role ("Modelsuche", "Coach"), not an English name word ("League")."""
    return word[:1].isupper() and _noun_or_role(word) and word.lower() not in _ENGLISH_NAME_WORDS


def _noun_or_role(word: str) -> bool:
    lowered = word.lower()
    return (
        lowered in frequent_nouns() or looks_like_common_noun(word) or noun_like(word) or lowered in _COMPASS
    ) and word not in surnames()


def _lead_cut(tokens: Sequence[Token], first: int, last: int, label: str, gazetteer: Any) -> tuple[int, bool]:
    """Rule 5: first token after leading roles/common nouns, and whether one was a role."""
    head, role = first, False
    endings = title_endings()
    while head < last and tokens[head + 1].text[:1].isupper():
        word = tokens[head].text
        if not word[:1].isupper() or _is_name_word(word) or tokens[head + 1].text.isupper() or gazetteer.lookup(word):
            break
        lowered = word.rsplit("-", 1)[-1].lower()
        if lowered in _NAME_OPENERS or (label == "LOC" and lowered in _VENUE_WORDS):
            break
        if lowered.endswith(endings):
            role = True
        elif not (_noun_or_role(word) and (label == "LOC" or lowered in frequent_nouns())):
            break
        head += 1
    return head, role


def _fix_span(article: Article, mention: Mention, first: int, last: int, gazetteer: Any) -> list[Mention]:
    tokens, label, model_last = article.tokens, mention.label, last
    if label == "LOC" and _numbered_noun(tokens, first, last, gazetteer):
        return []  # "Saison 1953/54", "1. Satz"
    last = _cut_run_on(tokens, first, last)
    parts = _split_bracket(tokens, first, last, gazetteer) if label == "LOC" else [(first, last)]
    if parts != [(first, last)]:
        named = [(a, b) for a, b in parts if tokens[a].text[:1].isupper() and not _noun_part(tokens, a, b, gazetteer)]
        return [_span(article, mention, a, _trim_place_end(tokens, a, b), label) for a, b in named]
    if label == "LOC":
        last = _trim_place_end(tokens, first, last)
    last = _genitive_cut(tokens, first, last, gazetteer)
    head, role = _lead_cut(tokens, first, last, label, gazetteer)
    if label == "LOC" and head == first and last == first + 1 and _place_after_noun(tokens, first, gazetteer):
        head = last  # "Gräberfeld Dänemarks", "Anschluss Österreichs"
    if head > first and gazetteer.lookup(article.text[tokens[first].start : tokens[last].end]):
        head, role = first, False
    if label == "PER" and head == last and not role:
        head = first  # "Auto Backup", "Metropole Aleppo": one word after a plain noun stays as it was
    if head > first and head == last and _is_place(tokens[head].text, gazetteer):
        label = "LOC"  # "Gastgeber Chile"
    elif role and label == "LOC":
        label = "PER"
    if (head, last) == (first, model_last) and label == mention.label:
        return [mention]
    if _noun_part(tokens, head, last, gazetteer):
        return []  # only a common noun was left: "Kontroverse App", "Zoll Diagonale"
    return [_span(article, mention, head, last, label)]


_PLACE_OPENERS = frozenset(
    {"bad", "sankt", "st.", "san", "santa", "saint", "neu", "alt", "new", "fort", "port", "lake"}
)


def _place_after_noun(tokens: Sequence[Token], first: int, gazetteer: Any) -> bool:
    """ "Gräberfeld Dänemarks": a capitalised word (no name or place opener) before a known place."""
    word, place = tokens[first].text, tokens[first + 1].text
    lowered = word.lower()
    if not word[:1].isupper() or len(word) < 6 or _is_name_word(word) or gazetteer.lookup(word):
        return False
    if lowered in _PLACE_OPENERS or lowered in _VENUE_WORDS or lowered.endswith(_PLACE_HEADS):
        return False
    return _is_place(place, gazetteer) and likeliest_tags().get(lowered, "NN").startswith("N")


def _span(article: Article, mention: Mention, first: int, last: int, label: str) -> Mention:
    start, end = article.tokens[first].start, article.tokens[last].end
    kind = mention.kind if label == mention.label else None
    return Mention(start, end, article.text[start:end], label, source="model", kind=kind)


def _possessive_person(tokens: Sequence[Token], first: int, mention: Mention, gazetteer: Any) -> bool:
    """Rule 6: "nach Buurmanns Ausscheiden": an unknown genitive right before a common noun."""
    text = mention.text
    if mention.label != "LOC" or " " in text or len(text) < 5 or not text.endswith("s") or text.endswith("ss"):
        return False
    if first + 1 >= len(tokens) or gazetteer.lookup(text) or gazetteer.lookup(text[:-1]):
        return False
    following = tokens[first + 1].text
    stem = text[:-1].lower()
    return following[:1].isupper() and _noun_or_role(following) and stem not in frequent_nouns()


def fix_model_spans(article: Article, mentions: Sequence[Mention], gazetteer: Any) -> list[Mention]:
    """Apply the rules of the module docstring to the model's PER and LOC mentions."""
    starts = [token.start for token in article.tokens]
    fixed: list[Mention] = []
    for mention in mentions:
        if mention.source != "model" or mention.label not in _SPAN_LABELS:
            fixed.append(mention)
            continue
        if is_common_noun_mention(mention, gazetteer):
            continue
        first, last = token_range(starts, mention)
        if _is_person_place(mention, gazetteer):
            fixed.append(Mention(mention.start, mention.end, mention.text, "LOC", source="model"))
            continue
        if _possessive_person(article.tokens, first, mention, gazetteer) or _is_surname_place(mention, gazetteer):
            fixed.append(Mention(mention.start, mention.end, mention.text, "PER", source="model"))
            continue
        parts = _fix_span(article, mention, first, last, gazetteer)
        fixed.extend(part for part in parts if part is mention or not is_common_noun_mention(part, gazetteer))
    return sorted(fixed, key=lambda m: (m.start, m.end))


# Family-name endings (Slavic, Baltic, Nordic patronymics) that place names in German text rarely have.
_SURNAME_ENDINGS = ("vić", "vic", "ić", "ic", "ski", "sky", "czyk", "enko", "chuk", "tschuk", "sson", "dottir")


def _is_surname_place(mention: Mention, gazetteer: Any) -> bool:
    """Rule 6: a one-word model LOC with a family-name ending that no list knows ("Vukojevic", "Arnason")."""
    text = mention.text
    return (
        mention.label == "LOC"
        and " " not in text
        and text[:1].isupper()
        and text.isalpha()
        and text.lower().endswith(_SURNAME_ENDINGS)
        and not gazetteer.lookup(text)
    )


def _is_person_place(mention: Mention, gazetteer: Any) -> bool:
    """Rule 6: a one-word model PER that is a known place and no name ("Tirols")."""
    text = mention.text
    return mention.label == "PER" and " " not in text and _is_place(text, gazetteer) and not _is_name_word(text)


# Third-person speech verbs around a bare family name: "sagte Riederer .", "Ramelow erklärte"
# (not "berichtet"/"schreibt": their subjects are mostly media, "schreibt Eurogamer").
_SPEECH_VERBS = frozenset(
    {"sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "meinte", "meint", "ergänzte", "ergänzt"}
    | {"kritisierte", "kritisiert", "warnte", "warnt", "forderte", "fordert", "sprach", "spricht"}
    | {"bestätigte", "bestätigt", "antwortete", "antwortet"}
    | {"versicherte", "versichert", "räumte", "kündigte", "teilte", "fügte", "widersprach", "bekräftigte"}
)
# What may follow "sagte Riederer": punctuation, a dative object or a place of speaking.
_AFTER_SPEAKER = frozenset({",", ".", ":", ";", "der", "dem", "den", "gegenüber", "im", "am", "in", "auf", "bei"})


# "Diesbezüglich spricht er": the subject follows the verb, the first word is no name.
_PRONOUNS = frozenset({"er", "sie", "es", "man", "ich", "wir", "ihr", "du"})


def _known_words() -> dict[str, str]:
    """Every lower-case word in HanTa's shipped word list (~23,000 frequent German words)."""
    return likeliest_tags()


def _bare_name(word: str, gazetteer: Any) -> bool:
    """A capitalised word that no list knows as a German word, place, role or organisation."""
    if len(word) < 3 or not word[:1].isupper() or not word.replace("-", "").isalpha() or word.isupper():
        return False
    lowered = word.lower()
    if lowered in _known_words() or noun_like(word) or lowered.endswith(title_endings()):
        return False
    return not (gazetteer.lookup(word) or word.replace(" ", "") in organisations().names)


def _speaker_position(tokens: Sequence[Token], index: int, sentence_starts: frozenset[int]) -> bool:
    previous = tokens[index - 1].text if index > 0 else ""
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    if previous in _SPEECH_VERBS and (following in _AFTER_SPEAKER or not following):
        return True
    if previous == "so" and following in {".", ",", ";"}:
        return True
    after_verb = tokens[index + 2].text.lower() if index + 2 < len(tokens) else ""
    return index in sentence_starts and following in _SPEECH_VERBS and after_verb not in _PRONOUNS


def speaker_names(article: Article, mentions: Sequence[Mention], gazetteer: Any) -> list[Mention]:
    """Rule 7: a bare unknown word next to a speech verb is a person ("sagt Riederer .")."""
    tokens = article.tokens
    starts = [token.start for token in tokens]
    covered: set[int] = set()
    for mention in mentions:
        first, last = token_range(starts, mention)
        covered.update(range(first, last + 1))
    bylines = byline_ranges(article)
    covered.update(i for i, token in enumerate(tokens) if in_bylines(token.start, bylines))
    sentence_starts = frozenset(s.token_start for s in article.sentences)
    found = [
        Mention(token.start, token.end, token.text, "PER", source="rule")
        for index, token in enumerate(tokens)
        if index not in covered
        and _speaker_position(tokens, index, sentence_starts)
        and _bare_name(token.text, gazetteer)
    ]
    return sorted([*mentions, *found], key=lambda m: (m.start, m.end)) if found else list(mentions)
