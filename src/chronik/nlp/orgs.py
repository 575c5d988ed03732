"""Organisation and MISC rules for the NER stage (GermEval 2014 conventions, outer spans).

`add_org_misc_names` runs last in the stage (after the person rules) on the merged mentions:

1. **Cleaning**: a one-word model ORG whose part after a hyphen is a frequent noun
   ("Debüt-Albums"; not "DS-Magazin") and a lower-case adjective ORG/MISC ("europäischen",
   LOCderiv in GermEval) are dropped; a model span "Name ( ACR )" is split in two; a
   trailing year is cut from a model ORG ("Olympischen Spielen 2004"); a model ORG that is
   an English work title ("Piece of Me", "Turn The Tide"; no "Bank", "Band", "Council" …)
   becomes MISC.
2. **Cue nouns** (`chronik.nlp.cued_names`): names after "Rockband", "Firma", "Album",
   "Orkan" …; quoted titles after "Song", "Film", "Zeitung" …; products ("Opel Astra").
3. **Listed names** (`organisations.tsv`, ~3,750 written for chronik: parties, authorities,
   international bodies, companies, banks, media, clubs, leagues, exchanges, universities,
   with a kind; and `misc_terms.tsv`: languages after "auf"/"in", epochs, software and
   games, laws and treaties, historic events): matched on
   token boundaries with spaces ignored ("Yahoo !"), genitive "-s" and inflected leading
   adjectives ("Deutschen Bank") tolerated. A listed name is added where nothing overlaps it,
   replaces the mentions inside it ("Mainz" LOC in "Mainz 05"), relabels a model span with
   the same text ("Porsche" LOC → ORG) and cuts a model span that only adds common nouns
   ("Softwareprimus Microsoft" PER → "Microsoft"). Names marked `model` there are also
   words, places or people ("Bahn", "Werder", "Hugo Boss"): they only relabel a model span
   that is not PER.
4. **Patterns**: capitalised words before a legal form ("Bilfinger Berger Projektentwicklung
   GmbH", not past the sentence start, leading nouns cut); clubs ("TSV 1860 München", "SV
   Darmstadt 98"); institutions ("Bundesamt für Gesundheit", "Hochschule für Technik und
   Wirtschaft des Saarlandes", "Bayerischen Staatsministerium für Unterricht und Kultus",
   "Universität Gießen"); wars ("Dreißigjährigen Krieg", "2. Weltkrieg"); domains and e-mail
   addresses ("stern.de") as MISC.
5. **Titles** (round 4, `cued_names`): a book title after "* Author :" in a literature list
   ("* Karl Brenner : Kleine Geschichte der Uhrmacherei .") is MISC, replacing mentions
   inside it; a title-shaped quotation without a cue ("„Das rote Quadrat“", not after a
   lower-case word, not "Name : „…“" headline quotes) is MISC where nothing overlaps it.
6. **Weak acronyms**: the stage's bracketed-acronym ORGs are dropped when the word before
   the bracket is a common noun ("Jagdgeschwadern ( JG )"), kept after an ORG or an
   organisation noun ("Industriekreditbank ( IKB )").

Byline paragraphs get no rule names. All rules are linear in the article length: the lists
are hashed names with the spaces removed, probed token by token through a prefix set, so
most tokens cost one set lookup.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from chronik.model import Article, Mention, Token
from chronik.nlp.cued_names import (
    Found,
    apply_cue_nouns,
    english_work_title,
    product_mentions,
    quoted_title_mentions,
    reference_titles,
    title_shaped_quotes,
)
from chronik.nlp.lexicon import bundled_rows
from chronik.nlp.names import add_missing, byline_ranges, frequent_nouns, in_bylines
from chronik.nlp.org_patterns import (
    club_mentions,
    institution_mentions,
    legal_form_mentions,
    noun_like,
    war_mentions,
    web_name_mentions,
)

__all__ = [
    "ListedName",
    "add_org_misc_names",
    "club_mentions",
    "institution_mentions",
    "legal_form_mentions",
    "listed_mentions",
    "listed_names",
    "misc_terms",
    "organisations",
    "quoted_title_mentions",
    "war_mentions",
    "web_name_mentions",
]

_MAX_NAME_TOKENS = 10


@dataclass(frozen=True, slots=True)
class ListedName:
    """A listed name: its label, kind, and whether it only confirms model spans."""

    label: str
    kind: str | None
    model_only: bool


@dataclass(frozen=True)
class NameList:
    """Names keyed by their text without spaces, plus every prefix of those keys."""

    names: dict[str, ListedName]
    prefixes: frozenset[str]


def _compact(text: str) -> str:
    return "".join(text.split())


def _inflected(name: str) -> list[str]:
    """The dative/genitive form of a name with leading adjectives ("Deutsche Bank" → "Deutschen Bank")."""
    words = name.split(" ")
    changed = [
        word[: -len(ending)] + ("schen" if ending == "scher" else "en")
        if index < len(words) - 1 and word[:1].isupper() and ending
        else word
        for index, word in enumerate(words)
        for ending in [next((e for e in ("scher", "es", "e") if word.endswith(e) and len(word) > 3), "")]
    ]
    return [" ".join(changed)] if len(words) > 1 and changed != words else []


def _read_list(filename: str, label: str) -> NameList:
    names: dict[str, ListedName] = {}
    for cells in bundled_rows("ner", filename):
        kind = cells[1] if len(cells) > 1 and cells[1] else None
        model_only = len(cells) > 2 and cells[2] == "model"
        entry = ListedName(label, kind, model_only)
        for variant in (cells[0], *_inflected(cells[0])):
            names.setdefault(_compact(variant), entry)
    prefixes = frozenset(key[:end] for key in names for end in range(1, len(key) + 1))
    return NameList(names, prefixes)


@functools.cache
def organisations() -> NameList:
    """Listed organisations (`organisations.tsv`)."""
    return _read_list("organisations.tsv", "ORG")


@functools.cache
def misc_terms() -> NameList:
    """Listed MISC names: languages, epochs, products, laws (`misc_terms.tsv`)."""
    return _read_list("misc_terms.tsv", "MISC")


@functools.cache
def listed_names() -> NameList:
    """Organisations and MISC names in one table, so an article is scanned once."""
    organisation_list, misc_list = organisations(), misc_terms()
    return NameList({**misc_list.names, **organisation_list.names}, organisation_list.prefixes | misc_list.prefixes)


def _genitive_base(key: str, names: dict[str, ListedName]) -> ListedName | None:
    if key[-1] == "s" and len(key) > 4 and key[-2] not in "sxz":
        return names.get(key[:-1])
    return None


def _longest_at(tokens: Sequence[Token], index: int, names: NameList) -> Found | None:
    key, best = "", None
    for last in range(index, min(len(tokens), index + _MAX_NAME_TOKENS)):
        key += tokens[last].text
        entry = names.names.get(key) or _genitive_base(key, names.names)
        if entry is not None:
            best = Found(index, last, entry.label, entry.kind, entry.model_only)
        if key not in names.prefixes:
            break
    return best


_UNIT_KINDS = frozenset({"institution", "university"})


def _is_unit_code(word: str) -> bool:
    """An institute's acronym after its parent's name ("Fraunhofer FIT")."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


def listed_mentions(tokens: Sequence[Token], names: NameList) -> list[Found]:
    """Longest listed names on token boundaries, left to right (genitive "-s" tolerated)."""
    found: list[Found] = []
    prefixes, index = names.prefixes, 0
    while index < len(tokens):
        text = tokens[index].text
        # Most tokens start no name: one set lookup (or two for a possible genitive).
        best = None
        if text in prefixes or (text[-1:] == "s" and text[:-1] in names.names):
            best = _longest_at(tokens, index, names)
        if best is None:
            index += 1
            continue
        if best.kind in _UNIT_KINDS and best.last + 1 < len(tokens) and _is_unit_code(tokens[best.last + 1].text):
            best = Found(best.first, best.last + 1, best.label, best.kind)  # "Fraunhofer IAO"
        found.append(best)
        index = best.last + 1
    return found


_LANGUAGE_CUES = frozenset({"auf", "in", "ins", "aus", "im", "als"})


def _listed(tokens: Sequence[Token]) -> list[Found]:
    """Listed names; a language ("Russisch", kind `language`) only after "auf"/"in"/"aus"."""
    return [
        found
        for found in listed_mentions(tokens, listed_names())
        if found.kind != "language" or (found.first > 0 and tokens[found.first - 1].text.lower() in _LANGUAGE_CUES)
    ]


_YEAR = re.compile(r"(?:1[5-9]|20)\d\d$")


def _fix_model_bounds(tokens: Sequence[Token], found: Found) -> list[Found]:
    """ "Bundesamt für Gesundheit ( BAG )" → name + acronym; "Olympischen Spielen 2004" → no year;
    an English work title ("Piece of Me") → MISC."""
    first, last = found.first, found.last
    if last - first >= 3 and tokens[last].text == ")" and tokens[last - 2].text == "(":
        acronym = tokens[last - 1].text
        if acronym.isupper() and acronym.isalpha():
            return [Found(first, last - 3, found.label, found.kind), Found(last - 1, last - 1, "ORG")]
    if last > first and found.label == "ORG" and _YEAR.match(tokens[last].text):
        return [Found(first, last - 1, found.label, found.kind)]
    if found.label == "ORG" and english_work_title([token.text for token in tokens[first : last + 1]]):
        return [Found(first, last, "MISC", "work")]  # "Turn The Tide", "Piece of Me"
    return [found]


class _Spans:
    """The current mentions with token ranges, for replacing and relabelling in one place."""

    def __init__(self, article: Article, mentions: Sequence[Mention]) -> None:
        self.article = article
        self.starts = [token.start for token in article.tokens]
        self.mentions = list(mentions)

    def token_span(self, mention: Mention) -> tuple[int, int]:
        first = bisect.bisect_left(self.starts, mention.start)
        last = bisect.bisect_right(self.starts, mention.end - 1) - 1
        return first, max(first, last)

    def mention(self, found: Found) -> Mention:
        tokens = self.article.tokens
        start, end = tokens[found.first].start, tokens[found.last].end
        return Mention(start, end, self.article.text[start:end], found.label, source="rule", kind=found.kind)


def _only_nouns(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Every token in [first, last] is a common noun, role, number or mark ("Softwareprimus", "2009")."""
    for token in tokens[first : last + 1]:
        word = token.text
        if not word[:1].isalpha() or word[:1].islower():
            continue
        if word.isupper() or not noun_like(word):
            return False
    return True


def _apply(spans: _Spans, found: Found, *, replace_longer: bool) -> None:
    """Put one rule span into the mentions (see the module docstring, rule 1)."""
    tokens = spans.article.tokens
    new = spans.mention(found)
    overlapping = [m for m in spans.mentions if m.start < new.end and new.start < m.end]
    same = [m for m in overlapping if (m.start, m.end) == (new.start, new.end)]
    if same:
        old = same[0]
        if found.model_only and (old.source != "model" or old.label == "PER"):
            return  # a person's name that is also a firm's ("Hugo Boss") stays a person
        relabelled = Mention(old.start, old.end, old.text, found.label, source=old.source, kind=old.kind or found.kind)
        spans.mentions = [relabelled if m is old else m for m in spans.mentions]
        return
    if found.model_only:
        return
    inside = [m for m in overlapping if new.start <= m.start and m.end <= new.end]
    if len(inside) == len(overlapping):
        keep = [m for m in spans.mentions if m not in inside]
        spans.mentions = add_missing(keep, [new])
        return
    if not replace_longer or len(overlapping) != 1:
        return
    outer = overlapping[0]
    first, last = spans.token_span(outer)
    if outer.source != "model" or outer.label == "MISC" or not (first <= found.first and found.last <= last):
        return
    if _only_nouns(tokens, first, found.first - 1) and _only_nouns(tokens, found.last + 1, last):
        keep = [m for m in spans.mentions if m is not outer]
        spans.mentions = add_missing(keep, [new])


def _model_bound_fixes(spans: _Spans) -> None:
    for mention in list(spans.mentions):
        if mention.source != "model" or mention.label not in {"ORG", "MISC"}:
            continue
        first, last = spans.token_span(mention)
        fixed = _fix_model_bounds(spans.article.tokens, Found(first, last, mention.label, mention.kind))
        if fixed != [Found(first, last, mention.label, mention.kind)]:
            spans.mentions.remove(mention)
            spans.mentions = add_missing(spans.mentions, [spans.mention(f) for f in fixed])


# Heads of organisation names that are also nouns: "DS-Magazin", "VR-Bank" stay ORG.
_ORG_HEADS = (
    "magazin", "zeitung", "verlag", "bank", "gruppe", "werk", "werke", "partei", "verband", "verein", "institut",
    "stiftung", "kommission", "konzern", "sender", "fraktion", "rat", "amt", "gericht", "bund", "union", "liga",
)  # fmt: skip


_ADJECTIVE_ENDINGS = ("isch", "ische", "ischen", "ischer", "isches", "ischem")


def _is_adjective_mention(mention: Mention) -> bool:
    """A one-word model ORG/MISC that is a lower-case adjective ("europäischen"): no name in
    GermEval 2014 (there it is LOCderiv); CoNLL-style corpora such as Europarl count it as MISC."""
    text = mention.text
    return (
        mention.source == "model"
        and mention.label in {"ORG", "MISC"}
        and text[:1].islower()
        and text.isalpha()
        and text.endswith(_ADJECTIVE_ENDINGS)
    )


def _is_noun_mention(mention: Mention, gazetteer: Any) -> bool:
    """A one-word model ORG whose part after the last hyphen is a frequent noun ("Debüt-Albums")."""
    text = mention.text
    if mention.source != "model" or mention.label != "ORG" or " " in text or text.isupper():
        return False
    if _compact(text) in organisations().names or gazetteer.lookup(text):
        return False
    head = text.rsplit("-", 1)[-1]
    lowered = head.lower()
    return head != text and lowered in frequent_nouns() and not lowered.endswith(_ORG_HEADS)


def add_org_misc_names(article: Article, mentions: Sequence[Mention], gazetteer: Any) -> list[Mention]:
    """Apply the ORG and MISC rules of the module docstring to the merged mentions."""
    tokens = article.tokens
    if not tokens:
        return list(mentions)
    mentions = [m for m in mentions if not (_is_noun_mention(m, gazetteer) or _is_adjective_mention(m))]
    acronyms = {id(m) for m in mentions if m.source == "rule" and m.label == "ORG" and m.text.isupper()}
    mentions = apply_cue_nouns(article, mentions, gazetteer)
    bylines = byline_ranges(article)
    spans = _Spans(article, mentions)
    _model_bound_fixes(spans)
    rules = [
        *quoted_title_mentions(tokens),
        *product_mentions(tokens),
        *_listed(tokens),
        *legal_form_mentions(tokens, sentence_starts=frozenset(s.token_start for s in article.sentences)),
        *club_mentions(tokens),
        *institution_mentions(tokens),
        *war_mentions(tokens),
        *web_name_mentions(tokens),
    ]
    for found in rules:
        if in_bylines(tokens[found.first].start, bylines):
            continue
        _apply(spans, found, replace_longer=True)
    person_ends = frozenset(m.end for m in spans.mentions if m.label == "PER")
    for found in reference_titles(tokens, person_ends):
        _apply(spans, found, replace_longer=False)
    for found in title_shaped_quotes(tokens):
        if found.first >= 3 and tokens[found.first - 2].text == ":" and tokens[found.first - 3].end in person_ends:
            continue  # a headline quotation: "Obama : „Sieg für die Sicherheit“"
        new = spans.mention(found)
        if not any(m.start < new.end and new.start < m.end for m in spans.mentions):
            spans.mentions = add_missing(spans.mentions, [new])
    weak = _weak_acronyms(article, spans.mentions, acronyms)
    return sorted((m for m in spans.mentions if m not in weak), key=lambda m: (m.start, m.end))


def _weak_acronyms(article: Article, mentions: Sequence[Mention], acronyms: set[int]) -> list[Mention]:
    """Bracketed-acronym mentions whose definition follows a common noun ("Jagdgeschwadern ( JG )").

    `acronyms` are the ids of the acronym rule's mentions; an acronym stays when the word
    before its bracket ends an ORG mention or an organisation noun ("Industriekreditbank").
    """
    tokens = article.tokens
    org_ends = {m.end for m in mentions if m.label == "ORG" and id(m) not in acronyms}
    weak_texts = set()
    for index in range(2, len(tokens) - 1):
        if tokens[index - 1].text != "(" or tokens[index + 1].text != ")":
            continue
        before = tokens[index - 2]
        word = before.text.rsplit("-", 1)[-1].lower()
        if before.end not in org_ends and noun_like(before.text) and not word.endswith(_ORG_HEADS):
            weak_texts.add(tokens[index].text)
    return [m for m in mentions if id(m) in acronyms and m.text in weak_texts]
