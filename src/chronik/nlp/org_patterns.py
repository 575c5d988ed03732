"""Pattern rules for organisation and MISC names (used by `chronik.nlp.orgs`).

- **Legal forms** (`legal_form_mentions`): capitalised words before "GmbH", "AG", "e.V.",
  "Ltd", "Verlag" … ("Bilfinger Berger Projektentwicklung GmbH"), not past the sentence
  start; leading common nouns are cut ("Firma").
- **Clubs** (`club_mentions`): "FC", "SV", "VfB", "TSV", "1. FC", "Borussia" … followed by
  place words and an optional number ("TSV 1860 München", "SV Darmstadt 98").
- **Institutions** (`institution_mentions`): "Bundesamt", "Institut", "Hochschule",
  "Stiftung" … followed by "für"/"zur" and capitalised words joined by "und" or a genitive
  ("Hochschule für Technik und Wirtschaft des Saarlandes"), with a leading adjective
  ("Bayerischen Staatsministerium für …"); schools followed by their place ("Universität
  Gießen"; courts and offices so named are no names in GermEval: "Amtsgericht Stockholm").
- **Wars** (`war_mentions`, MISC): "Dreißigjährigen Krieg", "2. Weltkrieg".
- **Web names** (`web_name_mentions`, MISC): domains and e-mail addresses ("stern.de").

Each is one pass over the tokens with constant look-around.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronik.model import Token
from chronik.nlp.cued_names import Found
from chronik.nlp.names import FUNCTION_WORDS, frequent_nouns, looks_like_common_noun, title_endings

__all__ = [
    "club_mentions",
    "institution_mentions",
    "is_stop",
    "legal_form_mentions",
    "noun_like",
    "war_mentions",
    "web_name_mentions",
]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isalpha() for c in word))


def is_stop(word: str) -> bool:
    return word.lower() in FUNCTION_WORDS or word.lower() in _STOP_WORDS


_STOP_WORDS = frozenset(
    {"wir", "ich", "er", "sie", "es", "man", "auf", "mit", "für", "bei", "nach", "aus", "als", "wie", "über"}
    | {"aber", "oder", "doch", "dass", "so", "nun", "auch", "noch", "nur", "schon", "hier", "dort", "heute"}
    | {"dieser", "diese", "dieses", "jener", "ihre", "ihr", "sein", "seine", "unser", "unsere", "kein", "keine"}
    | {"eines", "einer", "einem", "einen", "zur", "vor", "unter", "seit", "bis", "durch", "gegen", "ohne"}
)
_LEGAL_FORMS = frozenset(
    {"GmbH", "AG", "SE", "KG", "KGaA", "OHG", "Ltd", "Ltd.", "Inc", "Inc.", "Corp", "Corp.", "LLC", "plc"}
    | {"e.V.", "eV", "N.V.", "N.V..", "S.A.", "S.p.A.", "SpA", "A/S", "ASA", "Holding", "Verlag", "Verlags"}
    | {"Limited", "Group", "Co.", "NV", "BV", "B.V.", "Plc", "PLC", "Oy", "Oyj"}
)


def legal_form_mentions(tokens: Sequence[Token], *, sentence_starts: frozenset[int] = frozenset()) -> list[Found]:
    """Capitalised words before a legal form: "Bilfinger Berger Projektentwicklung GmbH".

    The name does not reach back past the start of its sentence (`sentence_starts`: token indexes).
    """
    found = []
    for index, token in enumerate(tokens):
        if token.text not in _LEGAL_FORMS or index == 0:
            continue
        first = index
        while first > 0 and index - first < 5 and first not in sentence_starts:
            word = tokens[first - 1].text
            if not (_is_capitalised(word) or word in {"&", "+"}) or is_stop(word) or word in _LEGAL_FORMS:
                break
            first -= 1
        while first < index and (noun_like(tokens[first].text) or tokens[first].text in {"&", "+"}):
            first += 1
        if first < index:
            found.append(Found(first, index, "ORG", "company"))
    return found


_CLUB_PREFIXES = frozenset(
    {"FC", "SV", "VfB", "VfL", "VfR", "TSV", "SC", "TSG", "SpVgg", "FSV", "BSC", "ESV", "TuS", "MSV", "SSV"}
    | {"KSV", "SG", "SSC", "AC", "AS", "SK", "FK", "DSC", "TSC", "SpVg", "TuRa", "SpfR"}
    | {"Borussia", "Eintracht", "Fortuna", "Alemannia", "Arminia", "Dynamo", "Lokomotive", "Hertha", "Wacker"}
    | {"Rot-Weiß", "Rot-Weiss", "Blau-Weiß", "Blau-Weiss", "Schwarz-Weiß", "Sportfreunde", "Kickers", "Preußen"}
)
_CLUB_NUMBER = re.compile(r"(?:0\d|[1-9]\d|1[89]\d\d|20\d\d)$")


def club_mentions(tokens: Sequence[Token]) -> list[Found]:
    """ "FC Bayern München", "1. FC Köln", "TSV 1860 München", "SV Darmstadt 98" as ORG."""
    found = []
    index = 0
    while index < len(tokens):
        if tokens[index].text not in _CLUB_PREFIXES:
            index += 1
            continue
        first = index - 1 if index > 0 and tokens[index - 1].text in {"1.", "2."} else index
        last, places = index, 0
        if last + 1 < len(tokens) and _CLUB_NUMBER.match(tokens[last + 1].text):
            last += 1
        while last + 1 < len(tokens) and places < 3:
            word = tokens[last + 1].text
            if not word[:1].isupper() or is_stop(word) or noun_like(word):
                break
            last, places = last + 1, places + 1
        if places and last + 1 < len(tokens) and _CLUB_NUMBER.match(tokens[last + 1].text):
            last += 1
        if places:
            found.append(Found(first, last, "ORG", "club"))
            index = last + 1
        else:
            index += 1
    return found


_INSTITUTION_HEADS = frozenset(
    {"Bundesministerium", "Bundesministeriums", "Ministerium", "Ministeriums", "Staatsministerium"}
    | {"Staatsministeriums", "Landesministerium", "Bundesamt", "Bundesamtes", "Bundesamts", "Landesamt"}
    | {"Bundesanstalt", "Landesanstalt", "Bundesagentur", "Bundeszentrale", "Landeszentrale", "Bundesstiftung"}
    | {"Stiftung", "Institut", "Instituts", "Institutes", "Hochschule", "Fachhochschule", "Universität"}
    | {"Akademie", "Bundesverband", "Bundesverbandes", "Landesverband", "Verband", "Verbandes", "Verbands"}
    | {"Zentralrat", "Zentralrats", "Forschungszentrum"}
)
# Heads that take a genitive name right away ("Universität des Saarlandes", "Verband der Automobilindustrie").
_GENITIVE_HEADS = frozenset(
    {"Universität", "Verband", "Verbandes", "Verbands", "Bundesverband", "Zentralrat", "Institut", "Akademie"}
)
_INSTITUTION_LINKS = frozenset({"für", "zur", "zum"})
_CHAIN_LINKS = frozenset({"und", "der", "des", "für", "-"})


def _name_chain_end(tokens: Sequence[Token], index: int) -> int:
    """Last token of "Technik und Wirtschaft des Saarlandes" starting at `index` (-1: none)."""
    last, position = -1, index
    while position < len(tokens) and position - index < 9:
        word = tokens[position].text
        if word[:1].isupper() and not is_stop(word):
            last = position
        elif word[:1].islower() and word.endswith(("e", "en", "er", "es")) and not is_stop(word):
            pass  # an adjective inside the name: "für politische Bildung"
        elif not (word in _CHAIN_LINKS and last >= 0):
            break
        position += 1
    return last


def institution_mentions(tokens: Sequence[Token]) -> list[Found]:
    """ "Bundesamt für Gesundheit", "Bayerischen Staatsministerium für Unterricht und Kultus",
    and schools with their place: "Universität Gießen", "Technische Universität Dresden"."""
    found = []
    heads = _INSTITUTION_HEADS | _SCHOOL_HEADS
    for index, token in enumerate(tokens[:-1]):
        last = _institution_end(tokens, index) if token.text in heads else -1
        if last < 0:
            continue
        first = index
        before = tokens[index - 1].text if index > 0 else ""
        if before[:1].isupper() and before.endswith(("e", "en", "er", "es", "em")) and not is_stop(before):
            first = index - 1  # "Bayerischen", "Deutsches", "Europäische"
        found.append(Found(first, last, "ORG", "university" if token.text in _SCHOOL_HEADS else "institution"))
    return found


# Schools are named by their place ("Realschule Spaichingen"); courts and offices so named are not
# names in GermEval ("Amtsgericht Stockholm").
_SCHOOL_HEADS = frozenset(
    {"Universität", "Hochschule", "Fachhochschule", "Realschule", "Gymnasium", "Gesamtschule", "Grundschule"}
    | {"Hauptschule", "Mittelschule", "Berufsschule", "Kantonsschule", "Musikhochschule", "Kunsthochschule"}
)


def _institution_end(tokens: Sequence[Token], index: int) -> int:
    """Last token of an institution name headed by `index` (-1: none)."""
    head, link = tokens[index].text, tokens[index + 1].text
    if head in _SCHOOL_HEADS and link[:1].isupper() and not is_stop(link) and not noun_like(link):
        return index + 1
    if head not in _INSTITUTION_HEADS or index + 2 >= len(tokens):
        return -1
    if link not in _INSTITUTION_LINKS and not (head in _GENITIVE_HEADS and link in {"der", "des"}):
        return -1
    return _name_chain_end(tokens, index + 2)


_WAR_HEADS = frozenset({"Krieg", "Krieges", "Kriegs", "Weltkrieg", "Weltkrieges", "Weltkriegs"})


def war_mentions(tokens: Sequence[Token]) -> list[Found]:
    """ "Dreißigjährigen Krieg", "Zweiten Weltkrieg", "2. Weltkrieg" as MISC."""
    found = []
    for index, token in enumerate(tokens[1:], start=1):
        if token.text not in _WAR_HEADS:
            continue
        before = tokens[index - 1].text
        adjective = before[:1].isupper() and before.endswith(("en", "er", "e")) and not is_stop(before)
        ordinal = token.text.startswith("Welt") and before[:-1].isdigit() and before.endswith(".")
        if adjective or ordinal:
            found.append(Found(index - 1, index, "MISC"))
    return found


_WEB_NAME = re.compile(
    r"(?:[\w.+-]+@)?(?:www\.)?[\w-]*[^\W\d_][\w-]*(?:\.[\w-]+)*\.(?:de|at|ch|com|org|net|eu|info|fr|it|uk|tv|io)$"
)


def web_name_mentions(tokens: Sequence[Token]) -> list[Found]:
    """Domains and e-mail addresses ("stern.de", "Blick.ch", "info@beispiel.de") as MISC."""
    return [
        Found(i, i, "MISC", "website")
        for i, token in enumerate(tokens)
        if "." in token.text and len(token.text) > 4 and _WEB_NAME.match(token.text)
    ]


def noun_like(word: str) -> bool:
    """A common noun, role or compound of a frequent noun ("Graphitwerke", "Softwareprimus")."""
    head = word.rsplit("-", 1)[-1]
    lowered = head.lower()
    return (
        looks_like_common_noun(head)
        or lowered.endswith(title_endings())
        or lowered in frequent_nouns()
        or _is_compound_noun(word)
    )


def _is_compound_noun(word: str) -> bool:
    """A long word ending in a frequent noun ("Graphitwerke", "Softwareprimus")."""
    lowered, nouns = word.lower(), frequent_nouns()
    return len(lowered) >= 9 and any(lowered[cut:] in nouns for cut in range(3, len(lowered) - 4))
