"""Stage "tagger": STTS and UD part of speech, lemma and verb morphology (incl. mood).

HanTa (Hanover Tagger, its German model ships in the wheel) gives STTS tags and lemmas.
It is slow on unseen words because it segments each one morphologically, so we memoise
its per-word analyses for the whole process: news vocabulary repeats, and the Viterbi
pass over cached analyses is cheap. Quotation marks and dashes are shown to HanTa as the
ASCII forms it was trained on; URLs, hashtags and handles are tagged by rule. Verb mood
comes from `chronik.nlp.mood`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from chronik.model import Article, Token
from chronik.nlp import lexicon
from chronik.nlp.mood import finite_verb_features, imperative_features

_CACHE_SIZE = 400_000
_MIN_COMPOUND, _MIN_MODIFIER, _MIN_HEAD = 8, 3, 4
_MAX_KNOWN = 500_000
_QUOTE_CHARS = frozenset("«»„“”‚‘’‹›\"'")
_DASHES = frozenset({"–", "—", "−"})
_NUMBER = re.compile(r"^\d[\d.,:/']*$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)

# STTS → UD upos, following the UD German GSD conventions.
UPOS_OF_STTS: dict[str, str] = {
    "ADJA": "ADJ", "ADJD": "ADJ", "ADV": "ADV", "APPR": "ADP", "APPRART": "ADP", "APPO": "ADP",
    "APZR": "ADP", "ART": "DET", "CARD": "NUM", "FM": "X", "ITJ": "INTJ", "KOUI": "SCONJ",
    "KOUS": "SCONJ", "KON": "CCONJ", "KOKOM": "CCONJ", "NN": "NOUN", "NE": "PROPN", "PDS": "PRON",
    "PDAT": "DET", "PIS": "PRON", "PIAT": "DET", "PIDAT": "DET", "PPER": "PRON", "PPOSS": "PRON",
    "PPOSAT": "DET", "PRELS": "PRON", "PRELAT": "DET", "PRF": "PRON", "PWS": "PRON", "PWAT": "DET",
    "PWAV": "ADV", "PROAV": "ADV", "PTKZU": "PART", "PTKNEG": "PART", "PTKVZ": "ADP", "PTKANT": "PART",
    "PTKA": "PART", "TRUNC": "X", "VVFIN": "VERB", "VVIMP": "VERB", "VVINF": "VERB", "VVIZU": "VERB",
    "VVPP": "VERB", "VAFIN": "AUX", "VAIMP": "AUX", "VAINF": "AUX", "VAPP": "AUX", "VMFIN": "AUX",
    "VMINF": "AUX", "VMPP": "AUX", "XY": "X", "$,": "PUNCT", "$.": "PUNCT", "$(": "PUNCT",
}  # fmt: skip
_HANTA_ONLY_TAGS = {"NNA": "NN", "NNI": "NN", "UNKNOWN": "XY", "URL": "XY"}
_LEMMA_ALIASES = {"möchten": "mögen"}
_FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
_IMPERATIVE = frozenset({"VVIMP", "VAIMP"})
_PRONOUNS = frozenset({"ich", "du", "er", "sie", "es", "man", "wir", "ihr"})
_CLAUSE_EDGES = frozenset({",", ";", ":", "(", ")", "–", "—", "-", '"', "«", "»", "„", "“", "”", "''", "``"})
_LEMMA_IS_WORD = frozenset({"CARD", "$.", "$,", "$(", "XY", "FM", "ITJ", "TRUNC", "UNKNOWN", "URL"})
_NONFINITE_FORMS = {"INF": "Inf", "IZU": "Inf", "PP": "Part"}


class CachedHanta:
    """HanTa with per-process memo tables, and compounds read by their head.

    HanTa segments every unseen word, which costs about a millisecond. A German compound
    behaves like its last part ("Sicherheitsvereinbarungen" like "Vereinbarungen"), so a
    capitalised or hyphenated word that HanTa has not cached is tagged through its longest
    cached head, and the lemma is the modifier plus the head's lemma.
    """

    def __init__(self) -> None:
        from HanTa import HanoverTagger

        tagger: Any = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        tagger.analyze_forward = lru_cache(maxsize=_CACHE_SIZE)(tagger.analyze_forward)
        tagger._analyze = lru_cache(maxsize=_CACHE_SIZE)(tagger._analyze)
        self._tagger = tagger
        self._known: set[str] = set(tagger.cache)
        self._head_of = lru_cache(maxsize=_CACHE_SIZE)(self._find_head)

    def _find_head(self, word: str) -> tuple[str, str | None] | None:
        """(word to show HanTa, lemma or None to derive it) for an uncached word, else None."""
        if word.lower() in self._known or len(word) < _MIN_COMPOUND:
            return None
        if "-" in word.strip("-"):
            head = word.strip("-").rsplit("-", 1)[1]
            return (head, None) if head and head[0].isalpha() else None
        by_class = _suffix_class(word)
        if by_class is not None:
            return by_class
        lowered = word.lower()
        upper = word[0].isupper()
        for split in range(_MIN_MODIFIER, len(word) - _MIN_HEAD + 1):
            if lowered[split:] in self._known:
                return (word[split].upper() if upper else word[split]) + word[split + 1 :], None
        return None

    def tag(self, words: Sequence[str]) -> list[tuple[str, str]]:
        """(lemma, HanTa tag) per word of one sentence."""
        if not words:
            return []
        substitutes = [self._head_of(word) for word in words]
        shown = [substitute[0] if substitute else word for substitute, word in zip(substitutes, words, strict=True)]
        if len(self._known) < _MAX_KNOWN:  # words analysed once serve as heads of later compounds
            self._known.update(word.lower() for word in shown)
        result = []
        tags = self._tagger.tag_sent_viterbi(shown)
        for word, substitute, tag in zip(words, substitutes, tags, strict=True):
            name = self._tagger.int2tag[tag]
            if substitute is None:
                lemma = self._lemma(word, tag, name)
            elif substitute[1] is not None:
                lemma = substitute[1]
            else:
                lemma = self._compound_lemma(word, substitute[0], tag, name)
            result.append((lemma, name))
        return result

    def _compound_lemma(self, word: str, head: str, tag: int, name: str) -> str:
        """Modifier + the head's lemma; verbs are analysed whole ("veröffentlichten")."""
        if name.startswith(("VV", "VA", "VM")) and "-" not in word:
            return self._lemma(word, tag, name)
        modifier = word[: len(word) - len(head)]
        head_lemma = self._lemma(head, tag, name)
        return modifier + (head_lemma if modifier.endswith("-") else head_lemma.lower())

    def _lemma(self, word: str, tag: int, name: str) -> str:
        """HanTa's lemma, skipped where it is the word itself (numbers, names, symbols)."""
        if name in _LEMMA_IS_WORD or (name == "NE" and not word.endswith(("s", "'"))):
            return word
        lemma: str = self._tagger._analyze(word, tag, 1)[0]
        return lemma


@cache
def _suffix_classes() -> tuple[tuple[str, bool, str, int], ...]:
    rows = lexicon.read_table("suffix_classes.tsv", columns=4)
    table = [(ending, case == "upper", stand_in, int(strip)) for ending, case, stand_in, strip in rows]
    return tuple(sorted(table, key=lambda row: -len(row[0])))


def _suffix_class(word: str) -> tuple[str, str] | None:
    """(stand-in, lemma) for a long noun or adjective with a telling ending ("-ungen", "-ischen")."""
    upper = word[0].isupper()
    if not word.isalpha() or (not upper and not word.islower()):
        return None
    for ending, wants_upper, stand_in, strip in _suffix_classes():
        if upper == wants_upper and word.endswith(ending):
            return stand_in, word[: len(word) - strip] if strip else word
    return None


@cache
def load_hanta() -> CachedHanta:
    """The process-wide HanTa instance (loads in ~0.2 s)."""
    return CachedHanta()


def stts_of_hanta(tag: str) -> str:
    """HanTa writes "VV(FIN)" / "ADJ(A)"; STTS writes VVFIN / ADJA."""
    tag = _HANTA_ONLY_TAGS.get(tag, tag)
    return tag.replace("(", "").replace(")", "")


def _hanta_input(text: str) -> str:
    """What HanTa is shown for a token: ASCII quotes and dashes, stand-ins for numbers and links."""
    if text in _QUOTE_CHARS or text in {"''", "``"}:
        return '"'
    if text in _DASHES:
        return "-"
    if _NUMBER.match(text):
        return "1." if text.endswith(".") else "1"
    if _rule_tag(text) is not None:
        return "Twitter"
    return text


def _rule_tag(text: str) -> str | None:
    """STTS tag for tokens HanTa does not know how to read."""
    if _URL.match(text) or "://" in text or text.startswith("pic.") or (text.startswith("#") and len(text) > 1):
        return "XY"
    if text.startswith("@") and len(text) > 1:
        return "NE"
    if text in _QUOTE_CHARS or text in _DASHES:
        return "$("
    return None


def restore_case(form: str, lemma: str) -> str:
    """HanTa lower-cases inside words ("US-präsident"); take case from the form where they agree."""
    chars = list(lemma)
    for position, (lemma_char, form_char) in enumerate(zip(lemma, form, strict=False)):
        if lemma_char.lower() != form_char.lower():
            break
        chars[position] = form_char
    return "".join(chars)


def _lemma(token_text: str, lemma: str, pos: str) -> str:
    if pos in {"NN", "NE", "XY", "FM", "TRUNC"}:
        return restore_case(token_text, lemma)
    return _LEMMA_ALIASES.get(lemma, lemma)


def _subject_pronoun(words: Sequence[str], position: int, *, dropped_ich: bool = True) -> str | None:
    """The personal pronoun that is probably the verb's subject, lower-cased.

    Looks right for inversion ("gebe ich"), then left through the clause ("was ich gern
    besuche", "Ich gebe ab und bekomme"). A sentence-initial verb with no pronoun after it
    has a dropped "ich" ("Habe heute bestellt."), as in reviews and letters.
    """
    following = words[position + 1] if position + 1 < len(words) else ""
    if following.lower() in _PRONOUNS and following != "Sie":
        return following.lower()
    for word in reversed(words[:position]):
        if word in _CLAUSE_EDGES:
            break
        if word.lower() in _PRONOUNS:
            return word.lower()
    return "ich" if dropped_ich and position == 0 else None


def _is_polite_imperative(words: Sequence[str], position: int) -> bool:
    """ "Melden Sie sich …" (but not the question "Kommen Sie morgen?")."""
    return (
        position == 0
        and len(words) > 1
        and words[1] == "Sie"
        and words[0].endswith("en")
        and words[-1] not in {"?", "?!"}
    )


def verb_features(words: Sequence[str], position: int, lemma: str, pos: str) -> dict[str, str]:
    """UD morphological features for the verb at `position` (empty for non-verbs)."""
    if pos in _FINITE and _is_polite_imperative(words, position):
        return imperative_features(words[position], lemma)
    if pos in _FINITE:
        return finite_verb_features(words[position], lemma, subject=_subject_pronoun(words, position))
    if pos in _IMPERATIVE:
        subject = _subject_pronoun(words, position, dropped_ich=False)
        if subject is not None:  # "hab ich", "Wollt ihr": a finite verb, not an imperative
            return finite_verb_features(words[position], lemma, subject=subject)
        return imperative_features(words[position], lemma)
    if pos[:2] in {"VV", "VA", "VM"}:
        features = {"VerbForm": _NONFINITE_FORMS.get(pos[2:], "Inf")}
        if pos.endswith("PP"):
            features["Tense"] = "Past"
        return features
    return {}


def tag_tokens(tokens: Sequence[Token]) -> None:
    """Fill pos, upos, lemma and morph of one sentence's tokens in place."""
    words = [token.text for token in tokens]
    analyses = load_hanta().tag([_hanta_input(word) for word in words])
    for position, (token, (lemma, hanta_tag)) in enumerate(zip(tokens, analyses, strict=True)):
        pos = _rule_tag(token.text) or stts_of_hanta(hanta_tag)
        token.pos = pos
        token.upos = UPOS_OF_STTS.get(pos, "X")
        token.lemma = token.text if pos in _LEMMA_IS_WORD else _lemma(token.text, lemma, pos)
        token.morph = verb_features(words, position, token.lemma, pos)
        if token.morph.get("Mood") == "Imp" and pos in _FINITE:
            token.pos = pos[:2] + "IMP"
        elif token.morph.get("Mood") in {"Ind", "Sub"} and pos in _IMPERATIVE:
            token.pos = pos[:2] + "FIN"


@dataclass(frozen=True)
class TaggerStage:
    """Adds pos, upos, lemma and morph to every token, sentence by sentence."""

    name: str = "tagger"
    requires: tuple[str, ...] = ("tokens", "sentences")
    provides: tuple[str, ...] = ("pos", "lemma", "morph")

    def __call__(self, article: Article) -> Article:
        for sentence in article.sentences:
            tag_tokens(article.tokens[sentence.token_start : sentence.token_end])
        return article


def create_stage() -> TaggerStage:
    """Build the tagger stage (HanTa loads lazily on first use, once per process)."""
    return TaggerStage()
