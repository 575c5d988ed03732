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
from functools import lru_cache
from typing import Literal

from chronik.errors import PipelineError
from chronik.model import Article, Token
from chronik.nlp.hanta import load_hanta
from chronik.nlp.mood import finite_verb_features, imperative_features

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
UnknownWords = Literal["analogy", "analyse"]
UNKNOWN_WORD_MODES: tuple[str, ...] = ("analogy", "analyse")
_NONFINITE_FORMS = {"INF": "Inf", "IZU": "Inf", "PP": "Part"}


_CACHE_SIZE = 100_000


@lru_cache(maxsize=256)
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


@lru_cache(maxsize=_CACHE_SIZE)
def _token_view(text: str) -> tuple[str, str | None]:
    """(what HanTa is shown, tag by rule or None) for a token text: pure, so memoised."""
    return _hanta_input(text), _rule_tag(text)


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


@lru_cache(maxsize=_CACHE_SIZE)
def _memo_finite_features(form: str, lemma: str, subject: str | None) -> tuple[tuple[str, str], ...]:
    return tuple(finite_verb_features(form, lemma, subject=subject).items())


def _finite_features(form: str, lemma: str, subject: str | None) -> dict[str, str]:
    """`finite_verb_features` (a pure function), memoised; a fresh dict per call."""
    return dict(_memo_finite_features(form, lemma, subject))


def verb_features(words: Sequence[str], position: int, lemma: str, pos: str) -> dict[str, str]:
    """UD morphological features for the verb at `position` (empty for non-verbs)."""
    if not pos.startswith("V"):  # every verb tag starts with V
        return {}
    if pos in _FINITE and _is_polite_imperative(words, position):
        return imperative_features(words[position], lemma)
    if pos in _FINITE:
        return _finite_features(words[position], lemma, _subject_pronoun(words, position))
    if pos in _IMPERATIVE:
        subject = _subject_pronoun(words, position, dropped_ich=False)
        if subject is not None:  # "hab ich", "Wollt ihr": a finite verb, not an imperative
            return _finite_features(words[position], lemma, subject)
        return imperative_features(words[position], lemma)
    if pos[:2] in {"VV", "VA", "VM"}:
        features = {"VerbForm": _NONFINITE_FORMS.get(pos[2:], "Inf")}
        if pos.endswith("PP"):
            features["Tense"] = "Past"
        return features
    return {}


def tag_tokens(tokens: Sequence[Token], *, analogy: bool = True) -> None:
    """Fill pos, upos, lemma and morph of one sentence's tokens in place."""
    words = [token.text for token in tokens]
    views = [_token_view(word) for word in words]
    analyses = load_hanta(analogy=analogy).tag([shown for shown, _ in views])
    for position, (token, (_, by_rule), (lemma, hanta_tag)) in enumerate(zip(tokens, views, analyses, strict=True)):
        pos = by_rule or stts_of_hanta(hanta_tag)
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

    unknown_words: UnknownWords = "analogy"
    name: str = "tagger"
    requires: tuple[str, ...] = ("tokens", "sentences")
    provides: tuple[str, ...] = ("pos", "lemma", "morph")

    def __call__(self, article: Article) -> Article:
        analogy = self.unknown_words == "analogy"
        for sentence in article.sentences:
            tag_tokens(article.tokens[sentence.token_start : sentence.token_end], analogy=analogy)
        return article


def create_stage(*, unknown_words: UnknownWords = "analogy") -> TaggerStage:
    """Build the tagger stage (HanTa loads lazily on first use, once per process).

    `unknown_words`: "analogy" (default, fast) tags a rare word like a frequent word with
    the same ending; "analyse" runs HanTa's full morphological analysis on it (slower on
    a cold process, about 0.7 points more accurate on UD German GSD).
    """
    if unknown_words not in UNKNOWN_WORD_MODES:
        raise PipelineError("E024", "tagger", f"unknown_words must be one of {', '.join(UNKNOWN_WORD_MODES)}")
    return TaggerStage(unknown_words=unknown_words)
