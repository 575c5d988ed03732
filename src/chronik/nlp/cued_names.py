"""Names cued by the noun before them: titles in quotes and names after "Firma", "Album" ….

GermEval 2014 conventions (outer spans; OTH = MISC):

- **Quoted titles** (`quoted_title_mentions`): a quotation of up to eight words right after
  a work noun ("Song", "Film", "Album", "Roman", "Sendung" …, also as the head of a
  compound: "Action-Spiels") is MISC; after a press or group noun ("Zeitung", "Magazin",
  "Band") it is ORG; an English title in quotes ("Take On Me") is MISC without a cue.
  Quotations with speech pronouns ("Seht es sind …") or a final full stop are skipped.
- **Products** (`product_mentions`, `chronik/data/ner/products.tsv`): a maker followed by
  a listed model name or a type code with a digit ("Opel Astra OPC", "Airbus A380",
  "Mercedes 208") is MISC; trailing codes in capitals are included.
- **Cue nouns** (`apply_cue_nouns`): a name right after an organisation noun ("Rockband
  Fold Zandura", "Bankhaus Credito Emiliano", "Softwareriese Microsoft") is ORG, after a
  product or work noun ("Dokumentation Matto Grosso", "Orkan Kyrill", "Album Trying to Burn
  the Sun") MISC: a model span there is relabelled (a leading cue noun inside it is cut
  off); where nothing was found, up to three capitalised words that are no common noun are
  added.

- **Uncued titles** (`title_shaped_quotes`, `reference_titles`, `english_work_title`):
  title-shaped quotations ("„Der unsichtbare Dritte“"), book titles in literature lists
  ("* Karl Brenner : Kleine Geschichte der Uhrmacherei ."), English work titles the model
  took for organisations ("Piece of Me").

All are linear in the article length (one pass, constant look-around).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from chronik.model import Article, Mention, Token
from chronik.nlp.lexicon import bundled_rows
from chronik.nlp.names import FUNCTION_WORDS, add_missing, frequent_nouns, is_first_name, looks_like_common_noun

__all__ = [
    "Found",
    "apply_cue_nouns",
    "cue_label",
    "english_work_title",
    "product_mentions",
    "products",
    "quoted_title_mentions",
    "reference_titles",
    "title_shaped_quotes",
]


@dataclass(frozen=True, slots=True)
class Found:
    """A rule's span (token indexes, inclusive) with its label, kind and strength."""

    first: int
    last: int
    label: str
    kind: str | None = None
    model_only: bool = False


_QUOTE_REACH = 9  # a closing mark at most 9 tokens after the opening one: up to 8 quoted tokens
_QUOTES = {"„": "“", "»": "«", "«": "»", '"': '"', "“": "”", "‚": "‘", "‹": "›"}
_WORK_CUES = (
    "song", "songs", "album", "albums", "film", "films", "filmes", "titel", "titels", "hit", "hits", "lied",
    "lieds", "liedes", "single", "roman", "romans", "buch", "buches", "buchs", "gedicht", "gedichts", "gemälde",
    "bild", "bildes", "oper", "musical", "musicals", "revue", "serie", "sendung", "sendereihe", "show", "stück",
    "stücks", "stückes", "spiel", "spiels", "spieles", "codenamen", "codename", "motto", "mottos", "ausstellung",
    "artikel", "artikels", "dokumentation", "thriller", "komödie", "drama", "dramas", "krimi", "kolumne",
    "essay", "ballade", "hymne", "sinfonie", "symphonie", "ouvertüre", "werk", "werks", "werkes", "programm",
    "comic", "comics", "video", "videos", "hörspiel", "inszenierung", "premiere", "kinofilm", "tournee", "tour",
    "satz", "satzes", "kantate", "slogan", "projekt", "projekts", "projektes", "festival", "festivals",
)  # fmt: skip
_PRESS_CUES = (
    "zeitung", "zeitungen", "magazin", "magazins", "zeitschrift", "blatt", "blattes", "blatts",
    "firma", "verein", "vereins", "partei", "bündnis", "bündnisses", "boulevardblatt",
)  # fmt: skip
_GROUP_CUES = frozenset({"band", "gruppe", "rockband", "popband", "formation"})
# Words a German quotation of speech has and a title rarely has ("Seht es sind Schmerzen …").
_SPEECH_WORDS = frozenset({"ich", "wir", "es", "er", "sie", "du", "ihr", "man", "uns", "mich", "mir"})
_ENGLISH_WORDS = frozenset(
    {"the", "of", "in", "on", "my", "to", "with", "from", "me", "it", "you", "your", "and", "or", "a", "for"}
    | {"is", "be", "we", "i", "love", "night", "nights", "live", "all", "at", "by", "no", "out", "up", "our"}
)


def _cue_label(tokens: Sequence[Token], open_index: int) -> str | None:
    """MISC after a work noun, ORG after a press noun, within the two words before the quote."""
    for position in range(open_index - 1, max(-1, open_index - 3), -1):
        word = tokens[position].text.lower()
        head = word.rsplit("-", 1)[-1]
        if (head.endswith(_PRESS_CUES) or head in _GROUP_CUES) and word[:1].isalpha():
            return "ORG"
        if head.endswith(_WORK_CUES) and word[:1].isalpha():
            return "MISC"
    return None


def _english_title(words: Sequence[str]) -> bool:
    lowered = [word.lower() for word in words]
    return (
        len(words) >= 2
        and any(word in _ENGLISH_WORDS and word not in {"in", "a", "an", "no", "all"} for word in lowered)
        and all(word[:1].isupper() or low in _ENGLISH_WORDS for word, low in zip(words, lowered, strict=True))
        and sum(low in _ENGLISH_WORDS for low in lowered) < len(words)
    )


# English words that make a name an organisation's or a place's ("Bank of America", "The
# Dave Matthews Band", "Museum of Modern Art", "California Institute of Technology").
_ENGLISH_ORG_WORDS = frozenset(
    {"bank", "band", "group", "company", "corporation", "inc", "ltd", "university", "college", "school", "institute"}
    | {"museum", "society", "association", "council", "commission", "department", "ministry", "office", "bureau"}
    | {"church", "house", "theatre", "theater", "club", "united", "city", "league", "union", "federation", "board"}
    | {"foundation", "trust", "fund", "agency", "service", "services", "news", "times", "post", "records", "airlines"}
    | {"party", "army", "navy", "force", "forces", "network", "channel", "radio", "tv", "center", "centre", "shop"}
    | {"friends", "brothers", "bros", "sons", "partners", "systems", "studios", "pictures", "entertainment"}
    | {"gallery", "library", "journal", "court", "festival", "review", "magazine", "daily", "weekly", "sunday"}
)
# Title words that show a work's name rather than a firm's: lower-case, or capitalised inside.
_TITLE_FUNCTION_WORDS = frozenset({"of", "to", "on", "my", "me", "it", "you", "your", "the", "from", "with", "for"})


def english_work_title(words: Sequence[str]) -> bool:
    """An English song, album or film title the model took for an organisation ("Turn The
    Tide", "Piece of Me"): title-cased with a function word inside and no organisation word
    ("Bank of America", "The Dave Matthews Band", "Council on Security" stay ORG)."""
    if not _english_title(words):
        return False
    if any(word.lower().rstrip(".") in _ENGLISH_ORG_WORDS for word in words):
        return False
    return any(word.lower() in _TITLE_FUNCTION_WORDS for word in words[1:])


def quoted_title_mentions(tokens: Sequence[Token]) -> list[Found]:
    """Titles in quotes after a work or press noun ("der Song „One Bullet Left“"), and English titles."""
    found = []
    for index, end in _quotations(tokens, empty=False):
        words = [token.text for token in tokens[index + 1 : end]]
        label = _cue_label(tokens, index) if words[0][:1].isupper() or words[0][:1].isdigit() else None
        if label is None and _english_title(words):
            label = "MISC"
        speech = any(word.lower() in _SPEECH_WORDS for word in words)
        if label is not None and words[-1] not in {".", ",", ":", ";"} and not speech:
            found.append(Found(index + 1, end - 1, label))
    return found


def _quotations(tokens: Sequence[Token], *, empty: bool) -> Iterator[tuple[int, int]]:
    """(opening mark, closing mark) token positions of quotations of at most 8 tokens, left to
    right; a mark that opens no such quotation (or, unless `empty`, only an empty one) is skipped
    and the search goes on at the next token."""
    index = 0
    while index < len(tokens):
        close = _QUOTES.get(tokens[index].text)
        if close is None:
            index += 1
            continue
        end = index + 1
        while end < len(tokens) and end - index < _QUOTE_REACH and tokens[end].text != close:
            end += 1
        if end >= len(tokens) or tokens[end].text != close or (end == index + 1 and not empty):
            index += 1
            continue
        yield index, end
        index = end + 1


# Lower-case words a German title may hold besides capitalised words: "Der Sohn des Vogelpastors",
# "Sommer vorm Balkon", "Das rote Quadrat" (inflected adjectives are allowed by their ending).
_TITLE_SMALL_WORDS = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder"}
    | {"im", "in", "am", "an", "um", "vom", "von", "vor", "vorm", "zum", "zur", "zu", "für", "mit", "auf", "aus"}
    | {"nach", "über", "unter", "bei", "ohne", "gegen", "durch", "als", "wie", "&", "-", "–", ":"}
)
_ADJECTIVE_TAILS = ("e", "en", "er", "es", "em")


def _title_shaped(words: Sequence[str], *, longest: int = 7) -> bool:
    """2–7 words, capitalised first, every other word capitalised, a digit-led word ("50er"),
    a title's small word or an inflected adjective before a capitalised word ("rote
    Quadrat"; not "leben hier"); no speech pronoun."""
    if not 2 <= len(words) <= longest or not words[0][:1].isupper() or words[-1] in _TITLE_SMALL_WORDS:
        return False
    for position, word in enumerate(words):
        lowered = word.lower()
        if lowered in _SPEECH_WORDS:
            return False
        if word[:1].isupper() or word[:1].isdigit() or lowered in _TITLE_SMALL_WORDS:
            continue
        following = words[position + 1] if position + 1 < len(words) else ""
        adjective = word.isalpha() and len(word) >= 4 and lowered.endswith(_ADJECTIVE_TAILS)
        if not (adjective and (following[:1].isupper() or following in {"und", "oder"})):
            return False
    return any(word[:1].isupper() for word in words[1:])


def title_shaped_quotes(tokens: Sequence[Token]) -> list[Found]:
    """Quoted German titles without a cue noun ("habe „Das Parfum“ gelesen", "„Der unsichtbare
    Dritte“, Thriller"): MISC when the quotation is title-shaped and no lower-case word (an
    article or adjective: "das „Lederne Ei“", "der heutige „Kracher des Tages“") stands
    before it, as such quotations are nicknames and coined words rather than titles, and
    no organisation noun opens it ("„Verein zur Förderung …“"). The caller adds them only
    where no other mention overlaps."""
    found = []
    for index, end in _quotations(tokens, empty=True):
        before = tokens[index - 1].text if index else ""
        words = [token.text for token in tokens[index + 1 : end]]
        if words and not before[:1].islower() and cue_label(words[0]) is None and _title_shaped(words):
            found.append(Found(index + 1, end - 1, "MISC", "work"))
    return found


def reference_titles(tokens: Sequence[Token], person_ends: frozenset[int]) -> list[Found]:
    """Book titles in literature lists: "* Gerhart Jander : Lehrbuch der anorganischen Chemie ."

    In a list item (a "*" within the eight tokens before the colon), after a colon that
    directly follows a person's name (`person_ends`: the end offsets of PER mentions; in
    news, "Name: Sentence." is an interview answer), a title-shaped run of up to twelve
    words that ends the sentence with a full stop is MISC; a comma, bracket or verb inside
    ends the match with nothing.
    """
    found = []
    for index, token in enumerate(tokens[1:-2], start=1):
        if token.text != ":" or tokens[index - 1].end not in person_ends:
            continue
        if not any(t.text == "*" for t in tokens[max(0, index - 8) : index]):
            continue  # only list items ("* Karl Brenner : …"); "Scholz: Ein guter Abend." is an answer
        end = index + 1
        while end < len(tokens) and end - index <= 13 and tokens[end].text not in {".", ",", "(", ")", ";"}:
            end += 1
        if end >= len(tokens) or tokens[end].text != "." or end - index > 13:
            continue
        words = [t.text for t in tokens[index + 1 : end]]
        if _title_shaped(words, longest=12):
            found.append(Found(index + 1, end - 1, "MISC", "work"))
    return found


# Nouns (or compound heads) before an organisation's name: "Rockband X", "Chemiekonzern X".
_ORG_CUE_HEADS = (
    "firma", "konzern", "konzerns", "hersteller", "herstellers", "unternehmen", "unternehmens", "verein",
    "vereins", "bankhaus", "bankhauses", "klub", "club", "verlag", "verlags", "ensemble", "vereinigung",
    "filmproduktion", "büro", "agentur", "airline", "fluggesellschaft", "reederei", "brauerei", "versicherer",
    "versicherers", "discounter", "riese", "primus", "gigant", "giganten", "partei", "anbieter", "anbieters",
    "autobauer", "autobauers", "zulieferer", "zulieferers", "netzbetreiber", "rockband", "popband", "punkband",
    "metalband", "boyband", "girlband", "jazzband", "fernsehsender", "radiosender", "privatsender",
    "handelskette", "supermarktkette", "baumarktkette", "modekette", "hotelkette", "restaurantkette",
)  # fmt: skip
# Cue nouns that count only as whole words (their compounds are other things: "Verband", "Zielgruppe").
_ORG_CUE_WORDS = frozenset({"band", "gruppe", "team", "teams", "sender", "label", "kette", "formation"})
# Nouns before a product's, work's or storm's name: "Album X", "Orkan X", "Drohne X".
_MISC_CUE_HEADS = (
    "album", "albums", "single", "song", "songs", "film", "films", "kinofilm", "spielfilm", "dokumentarfilm",
    "dokumentation", "roman", "romans", "oper", "musical", "revue", "sendung", "sendereihe", "fernsehserie",
    "computerspiel", "videospiel", "smartphone", "handy", "modell", "modells", "betriebssystem", "drohne",
    "lastensegler", "motorroller", "orkan", "orkans", "sturmtief", "hurrikan", "taifun", "zyklon", "codenamen",
)  # fmt: skip


@functools.lru_cache(maxsize=65536)
def cue_label(word: str) -> str | None:
    """ORG or MISC when `word` is (or ends in) a cue noun ("Chemiekonzern" → ORG, "Album" → MISC)."""
    if not word[:1].isupper():
        return None
    head = word.rsplit("-", 1)[-1].lower()
    if head in _ORG_CUE_WORDS or head.endswith(_ORG_CUE_HEADS):
        return "ORG"
    if head.endswith(_MISC_CUE_HEADS):
        return "MISC"
    return None


# Capitalised words that start no name after a cue noun ("Gruppe Erste …", "Kurzfilm Alles wird gut").
_RUN_STOPS = (
    FUNCTION_WORDS
    | _SPEECH_WORDS
    | {"alles", "nichts", "etwas", "dies", "dieser", "diese", "dieses", "jeder", "jede", "kein", "keine", "man"}
    | {"erste", "ersten", "zweite", "zweiten", "dritte", "dritten", "neue", "neuen", "alte", "alten", "eigene"}
    | {"auf", "mit", "für", "bei", "nach", "aus", "als", "wie", "über", "seit", "vor", "unter", "gegen", "ohne"}
)


def _compound(lowered: str) -> bool:
    """A long word ending in a frequent noun ("sicherheitsbedenken")."""
    nouns = frequent_nouns()
    return len(lowered) >= 9 and any(lowered[cut:] in nouns for cut in range(3, len(lowered) - 4))


def _name_run(tokens: Sequence[Token], first: int, gazetteer: Any) -> int:
    """Last token of up to three capitalised non-noun words from `first` (-1: none)."""
    last = -1
    for index in range(first, min(len(tokens), first + 3)):
        word = tokens[index].text
        lowered = word.lower()
        if not word[:1].isupper() or len(word) < (3 if index == first else 2) or lowered in _RUN_STOPS:
            break
        if looks_like_common_noun(word) or lowered in frequent_nouns() or cue_label(word) or _compound(lowered):
            break
        if any(entry.label == "LOC" for entry in gazetteer.lookup(word)):
            break
        last = index
    return last


def apply_cue_nouns(article: Article, mentions: Sequence[Mention], gazetteer: Any) -> list[Mention]:
    """Relabel, cut or add the name after a cue noun (see the module docstring)."""
    tokens = article.tokens
    by_start = {m.start: m for m in mentions}
    result = list(mentions)
    extra = []
    for index, token in enumerate(tokens[:-1]):
        label = cue_label(token.text)
        if label is None or is_first_name(token.text):
            continue  # "Roman Stiftner" is a person
        following = by_start.get(tokens[index + 1].start)
        inside = by_start.get(token.start)
        if inside is not None and inside.end > token.end and inside.source != "gazetteer":
            start = tokens[index + 1].start
            cut = Mention(start, inside.end, article.text[start : inside.end], label, source=inside.source)
            result = [cut if m is inside else m for m in result]
        elif following is not None:
            place = any(entry.label == "LOC" for entry in gazetteer.lookup(following.text))
            if following.label not in {label, "ORG"} and following.source != "gazetteer" and not place:
                relabelled = Mention(following.start, following.end, following.text, label, source=following.source)
                result = [relabelled if m is following else m for m in result]
        else:
            last = _name_run(tokens, index + 1, gazetteer)
            while label == "MISC" and 0 <= last < len(tokens) - 1 and _is_type_code(tokens[last + 1].text):
                last += 1  # "Motorroller CPI Aragon 45"
            if last >= 0:
                start, end = tokens[index + 1].start, tokens[last].end
                extra.append(Mention(start, end, article.text[start:end], label, source="rule"))
    return add_missing(result, extra)


@functools.cache
def products() -> tuple[frozenset[str], frozenset[str]]:
    """Makers and model names (`products.tsv`)."""
    rows = [row for row in bundled_rows("ner", "products.tsv") if len(row) == 2]
    return frozenset(w for w, kind in rows if kind == "brand"), frozenset(w for w, kind in rows if kind == "model")


_TYPE_CODE = re.compile(r"[A-Z]{0,3}-?\d{1,4}[a-zA-Z]{0,3}$")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d$")


def _is_type_code(word: str) -> bool:
    return bool(_TYPE_CODE.match(word)) and not _YEAR.match(word)


def product_mentions(tokens: Sequence[Token]) -> list[Found]:
    """ "Airbus A380", "Opel Astra OPC", "Mercedes 208" as MISC (a maker, then a model or type code)."""
    brands, models = products()
    found = []
    for index, token in enumerate(tokens[:-1]):
        if token.text not in brands:
            continue
        following = tokens[index + 1].text
        if following not in models and not _is_type_code(following):
            continue
        last = index + 1
        while last + 1 < len(tokens) and last - index < 3:
            word = tokens[last + 1].text
            if not ((word.isupper() and word.isalpha() and len(word) <= 4) or _is_type_code(word)):
                break
            last += 1
        found.append(Found(index, last, "MISC", "product"))
    return found
