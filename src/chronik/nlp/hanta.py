"""A fast front end to HanTa (Hanover Tagger), whose German model ships in its wheel.

HanTa segments every word it has not cached (about a millisecond each) and its Viterbi
pass scores every tag transition for every token. For news at ≥ 10,000 words/s we:

- memoise its word analyses and lemmas (pure functions of the word) in bounded LRU caches;
  nothing learnt from one article changes the analysis of another;
- run our own Viterbi over HanTa's model tables that only visits the tags a word can
  have (same model, same result, far fewer steps; states are ints and the transition
  scores one flat list, `TransitionTable`);
- answer HanTa's per-word segmentation searches (`analyze_forward`, `analyze_viterbi`)
  with `chronik.nlp.hanta_segments.SegmentSearch`: the same results for less work;
- tag an uncached compound through its longest known head ("Sicherheitsvereinbarungen"
  like "Vereinbarungen"; lemma = modifier + head lemma), and long nouns/adjectives with a
  telling ending ("-ungen", "-ischen") like a frequent stand-in word
  (`chronik/data/nlp/suffix_classes.tsv`).
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from chronik.errors import ChronikError
from chronik.nlp import lexicon
from chronik.nlp.hanta_segments import SegmentSearch

_CACHE_SIZE = 100_000
FORMS_FILE = "hanta_forms.tsv.gz"  # HanTa's analyses of frequent forms, see training/build_hanta_table.py
_MIN_COMPOUND, _MIN_MODIFIER, _MIN_HEAD, _MIN_LOWER_HEAD = 8, 3, 4, 6
LEMMA_IS_WORD = frozenset({"CARD", "$.", "$,", "$(", "XY", "FM", "ITJ", "TRUNC", "UNKNOWN", "URL"})
_EMPTY, _START, _END = 0, 1, 2
_UNKNOWN = 3
_TAG_BITS = 7  # HanTa's word tags are 0…122
_TAG_MASK = (1 << _TAG_BITS) - 1
_BEAM = 5
_MIN_ANALOGY, _MIN_SUFFIX, _MAX_SUFFIX = 5, 4, 7
_ANALOGY, _SPELLING = "\0analogy", "\0spelling"  # markers in place of a lemma
_NOUN_TAGS = frozenset({"NN", "NE"})
_FLOOR = -1e6
_NOWHERE = -math.inf


class CachedHanta:
    """HanTa with per-process memo tables and cheap stand-ins for words it has not cached.

    HanTa segments every unseen word, which costs about a millisecond. In its place we show
    it, in this order: the head of a hyphenated word; a frequent word of the same suffix
    class (`suffix_classes.tsv`); the longest cached head of a compound
    ("Sicherheitsvereinbarungen" like "Vereinbarungen": lemma = modifier + head lemma); with
    `analogy`, a frequent word with the same ending. Other words get HanTa's full analysis.
    """

    def __init__(self, *, analogy: bool = True, forms: bool = True) -> None:
        from HanTa import HanoverTagger

        self._analogy = analogy
        tagger: Any = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        self._forms = _read_forms(tagger.tag2int) if forms else ShippedForms(tagger.tag2int, {}, {})
        search = SegmentSearch(tagger)  # HanTa's word analyses, same results, less work
        tagger.analyze_forward = _looked_up(self._forms, lru_cache(maxsize=_CACHE_SIZE)(search.forward))
        tagger.analyze_viterbi = search.viterbi
        tagger._analyze = lru_cache(maxsize=_CACHE_SIZE)(tagger._analyze)
        self._tagger = tagger
        # Only HanTa's shipped word list: a set that grew with the words seen would make an
        # article's analysis depend on the articles processed before it (issue 7).
        self._known: frozenset[str] = frozenset(word.lower() for word in tagger.cache)
        self._head_of = lru_cache(maxsize=_CACHE_SIZE)(self._find_head)
        self._emissions = lru_cache(maxsize=_CACHE_SIZE)(self._score_word)
        self._analogues = _suffix_index(tagger)
        self._model = TransitionTable(tagger.LP_trans_word)

    def _find_head(self, word: str) -> tuple[str, str | None] | None:
        """(word to show HanTa, lemma or None to derive it) for an uncached word, else None."""
        if word.lower() in self._known:
            return None
        swiss = self._eszett_spelling(word)
        if swiss is not None:
            return swiss, _SPELLING
        if len(word) < _MIN_COMPOUND:
            return self._analogue(word)
        if "-" in word.strip("-"):
            head = word.strip("-").rsplit("-", 1)[1]
            if not head or not head[0].isalpha():
                return None
            deeper = self._head_of(head)  # an unknown head ("Klimagipfel") stands in through its own head
            return deeper if deeper is not None and deeper[1] in (None, _ANALOGY) else (head, None)
        by_class = _suffix_class(word)
        if by_class is not None:
            return by_class
        lowered = word.lower()
        upper = word[0].isupper()
        shortest = _MIN_HEAD if upper else _MIN_LOWER_HEAD
        for split in range(_MIN_MODIFIER, len(word) - shortest + 1):
            if lowered[split:] in self._known:
                return (word[split].upper() if upper else word[split]) + word[split + 1 :], None
        return self._analogue(word)

    def _eszett_spelling(self, word: str) -> str | None:
        """The cached "ß" spelling of a Swiss "ss" word ("heisse" → "heiße"), if any."""
        if "ss" not in word:
            return None
        candidates = [word.replace("ss", "ß")]
        start = word.find("ss")
        while start >= 0:
            candidates.append(word[:start] + "ß" + word[start + 2 :])
            start = word.find("ss", start + 1)
        return next((c for c in candidates if c.lower() in self._known), None)

    def _analogue(self, word: str) -> tuple[str, str | None] | None:
        """A frequent word with the same ending ("herrschten" ~ "wünschten"), tagged in its place.

        The lemma then follows the analogue's ending change ("wünschten" → "wünschen" makes
        "herrschen"); this is the classic suffix model for unknown words, and it spares
        HanTa's morphological analysis. The marker `_ANALOGY` asks for that lemma transfer.
        """
        if not self._analogy or not word.isalpha() or len(word) < _MIN_ANALOGY:
            return None
        index = self._analogues[word[0].isupper()]
        lowered = word.lower()
        shortest = _MIN_SUFFIX - 1 if len(word) >= _MIN_COMPOUND else _MIN_SUFFIX  # short words need more
        for length in range(min(_MAX_SUFFIX, len(word) - 2), shortest - 1, -1):
            analogue = index.get(lowered[-length:])
            if analogue is not None:
                return (analogue.capitalize() if word[0].isupper() else analogue), _ANALOGY
        return None

    def tag(self, words: Sequence[str]) -> list[tuple[str, str]]:
        """(lemma, HanTa tag) per word of one sentence."""
        if not words:
            return []
        substitutes = [self._head_of(word) for word in words]
        tags = self.viterbi(
            [substitute[0] if substitute else word for word, substitute in zip(words, substitutes, strict=True)]
        )
        lemma_of, names = self._word_lemma, self._tagger.int2tag
        return [
            (lemma_of(word, substitute, tag), names[tag])
            for word, substitute, tag in zip(words, substitutes, tags, strict=True)
        ]

    def _word_lemma(self, word: str, substitute: tuple[str, str | None] | None, tag: int) -> str:
        """The lemma of `word` tagged `tag`, through its stand-in `substitute` (see `_find_head`), if any."""
        name = self._tagger.int2tag[tag]
        if substitute is None:
            return self._lemma(word, tag, name)
        if substitute[1] == _SPELLING:
            return self._lemma(substitute[0], tag, name)
        if substitute[1] == _ANALOGY:
            return _transfer_lemma(word, substitute[0], self._lemma(substitute[0], tag, name), name)
        if substitute[1] is not None:
            return substitute[1]
        return self._compound_lemma(word, substitute[0], tag, name)

    def emissions(self, word: str, *, case_sensitive: bool) -> tuple[tuple[int, float], ...]:
        """HanTa's tag scores for a word (memoised); empty when the word is unknown."""
        return self._emissions(word, case_sensitive)

    def _score_word(self, word: str, case_sensitive: bool) -> tuple[tuple[int, float], ...]:
        scores = dict(self._tagger._tag_word(word, cutoff=5, casesensitive=case_sensitive, conditional=True))
        if len(scores) == 1 and _UNKNOWN in scores:
            return ()
        for tag in scores:
            _state(0, tag)  # a tag the transition table can index, or an error
        return tuple(scores.items())

    def viterbi(self, words: Sequence[str]) -> list[int]:
        """HanTa's best tag sequence (its model, its beam), visiting only each word's own tags."""
        model = self._model
        previous: dict[int, float] = {_state(_EMPTY, _START): 0.0}
        backs: list[dict[int, int]] = []
        for position, word in enumerate(words):
            emissions = self._emissions(word, position > 0)
            row, back = _advance(previous, model, emissions)
            if not row and emissions:
                row, back = _advance(previous, model, ())
            backs.append(back)
            previous = row
        final = model.final
        state = max(previous, key=lambda s: previous[s] + final[s])
        tags = [state & _TAG_MASK]
        for back in reversed(backs[1:]):
            state = back[state]
            tags.append(state & _TAG_MASK)
        tags.reverse()
        return tags

    def _compound_lemma(self, word: str, head: str, tag: int, name: str) -> str:
        """Modifier + the head's lemma; verbs are analysed whole ("veröffentlichten")."""
        if name.startswith(("VV", "VA", "VM")) and "-" not in word:
            return self._lemma(word, tag, name)
        modifier = word[: len(word) - len(head)]
        head_lemma = self._lemma(head, tag, name)
        return modifier + (head_lemma if modifier.endswith("-") else head_lemma.lower())

    def _lemma(self, word: str, tag: int, name: str) -> str:
        """HanTa's lemma, skipped where it is the word itself (numbers, names, symbols)."""
        if name in LEMMA_IS_WORD or (name == "NE" and not word.endswith(("s", "'"))):
            return word
        lemma = self._forms.lemmas.get((word.lower(), name))  # HanTa lemmatises the lower-cased word
        if lemma is None:
            lemma = self._tagger._analyze(word, tag, 1)[0]
        return lemma


@dataclass(frozen=True)
class ShippedForms:
    """HanTa's analyses of frequent forms shipped with chronik (`FORMS_FILE`).

    A word's analysis is parsed when the word is first looked up: parsing all of them when
    the tagger loads took ~0.8 s per process, most of it for words a run never meets.
    """

    tag2int: dict[str, int]
    analyses: dict[str, str]  # word → "TAG=log-probability TAG=…", as in the file
    lemmas: dict[tuple[str, str], str]  # (lower-cased word, tag) → lemma

    def analysis(self, word: str) -> list[tuple[int, float]] | None:
        """HanTa's `analyze_forward(word)` result, None where the table does not hold the word."""
        row = self.analyses.get(word)
        if row is None:
            return None
        pairs = (item.rsplit("=", 1) for item in row.split(" ") if item)
        return [(self.tag2int[tag], float(score)) for tag, score in pairs]


def _looked_up(forms: ShippedForms, compute: Callable[[str], Any]) -> Callable[[str], Any]:
    """`compute`, answered from the shipped forms where they hold the word (they hold its results)."""

    def analyse(word: str) -> Any:
        found = forms.analysis(word)
        return found if found is not None else compute(word)

    return analyse


def _read_forms(tag2int: dict[str, int]) -> ShippedForms:
    """The shipped HanTa analyses and lemmas, each kept as its text until it is needed."""
    forms = ShippedForms(tag2int, {}, {})
    source = resources.files("chronik").joinpath("data", "nlp", FORMS_FILE)
    if not source.is_file():
        return forms
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as rows:
        for row in rows.read().split("\n"):
            if not row:
                continue
            kind, word, rest = row.split("\t", 2)
            if kind == "F":
                forms.analyses[word] = rest
            else:
                tag, lemma = rest.split("\t", 1)
                forms.lemmas[(word, tag)] = lemma
    return forms


class TransitionTable:
    """HanTa's tag-trigram scores (`LP_trans_word`) indexed for the Viterbi step.

    A state (previous tag, tag) is the int `previous << _TAG_BITS | tag` (see `_state`):
    ints hash and compare faster than tuples, and the step never builds a tuple. The score
    of tag t after a state is `scores[rows[state] + t]` (None where t cannot follow): one
    flat list, cheaper to index than a dict per state. END is left out of `scores` and
    `steps_after` (no word takes it) and kept in `final`.
    """

    def __init__(self, transitions: dict[tuple[int, int], dict[int, float]]) -> None:
        tags = {tag for state in transitions for tag in state} | {tag for row in transitions.values() for tag in row}
        if min(tags) < 0 or max(tags) > _TAG_MASK:
            raise ChronikError("E040", "HanTa model", f"tag codes outside 0…{_TAG_MASK}")
        size, width = 1 << (2 * _TAG_BITS), _TAG_MASK + 1
        self.rows = [-1] * size  # state → offset of its row in `scores` (-1: not a state of the model)
        self.scores: list[float | None] = [None] * (width * len(transitions))
        self.final = [_NOWHERE] * size  # state → log-probability of END after it (-inf where none)
        self._transitions = transitions
        self._steps: dict[int, tuple[tuple[int, float], ...]] = {}
        for number, ((before, tag), followers) in enumerate(transitions.items()):
            state, offset = before << _TAG_BITS | tag, number * width
            self.rows[state] = offset
            for after, score in followers.items():
                self.scores[offset + after] = score
            self.scores[offset + _END] = None
            self.final[state] = followers.get(_END, _NOWHERE)

    def steps_after(self, state: int) -> tuple[tuple[int, float], ...]:
        """(next state, log-probability) of each tag that may follow `state`, in HanTa's order."""
        steps = self._steps.get(state)
        if steps is None:
            tag = state & _TAG_MASK
            followers = self._transitions[(state >> _TAG_BITS, tag)]
            steps = tuple((tag << _TAG_BITS | after, score) for after, score in followers.items() if after != _END)
            self._steps[state] = steps
        return steps


def _state(before: int, tag: int) -> int:
    if not (0 <= before <= _TAG_MASK and 0 <= tag <= _TAG_MASK):
        raise ChronikError("E040", "HanTa model", f"tag code out of range: {before}, {tag}")
    return before << _TAG_BITS | tag


def _advance(
    previous: dict[int, float], model: TransitionTable, emissions: tuple[tuple[int, float], ...]
) -> tuple[dict[int, float], dict[int, int]]:
    """One Viterbi step: best score and back pointer of each (previous tag, tag) state.

    A score adds as `score + (transition + emission)`; a state is kept only above `_FLOOR`
    and replaced only by a strictly better score (the first of equals wins), as in HanTa.
    """
    # sorting a handful of scores beats heapq.nlargest; the loops are inlined (hot path)
    bound = sorted(previous.values(), reverse=True)[_BEAM] - 1 if len(previous) > _BEAM else _FLOOR
    row: dict[int, float] = {}
    back: dict[int, int] = {}
    best = row.get
    if emissions:
        rows, scores = model.rows, model.scores
        for state, score in previous.items():
            if score < bound:
                continue
            offset = rows[state]
            if offset < 0:
                raise KeyError(state)  # as HanTa's table would
            base = (state & _TAG_MASK) << _TAG_BITS
            for tag, emission in emissions:
                transition = scores[offset + tag]
                if transition is None:
                    continue
                total = score + (transition + emission)
                new = base | tag
                if total > best(new, _FLOOR):  # also keeps out totals at or below the floor
                    row[new] = total
                    back[new] = state
        return row, back
    for state, score in previous.items():  # an unknown word (no emissions) may take any tag
        if score < bound:
            continue
        for new, transition in model.steps_after(state):
            total = score + transition
            if total > best(new, _FLOOR):
                row[new] = total
                back[new] = state
    return row, back


def _suffix_index(tagger: Any) -> tuple[dict[str, str], dict[str, str]]:
    """Ending → most frequent cached word with it: (for lower-case words, for capitalised)."""
    best: tuple[dict[str, tuple[float, str]], dict[str, tuple[float, str]]] = ({}, {})
    for word, scores in tagger.cache.items():
        if not word.isalpha() or len(word) < _MIN_SUFFIX or not scores:
            continue
        tag, score = max(scores, key=lambda item: item[1])
        noun = tagger.int2tag.get(tag) in _NOUN_TAGS
        index = best[noun]
        for length in range(_MIN_SUFFIX - 1, min(_MAX_SUFFIX, len(word) - 1) + 1):
            suffix = word[-length:]
            if suffix not in index or score > index[suffix][0]:
                index[suffix] = (score, word)
    lower, upper = ({suffix: word for suffix, (_, word) in index.items()} for index in best)
    return lower, upper


def _transfer_lemma(word: str, analogue: str, analogue_lemma: str, name: str) -> str:
    """Apply the analogue's ending change to `word` ("herrschten" like "wünschten" → "herrschen")."""
    if name in LEMMA_IS_WORD or name == "NE":
        return word
    source, target = analogue.lower(), analogue_lemma.lower()
    common = 0
    while common < min(len(source), len(target)) and source[common] == target[common]:
        common += 1
    strip = len(source) - common
    if strip >= len(word) - 1:
        return word
    return word[: len(word) - strip] + target[common:]


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
def load_hanta(*, analogy: bool = True) -> CachedHanta:
    """The process-wide HanTa instance (loads in ~0.2 s); `analogy`: see `CachedHanta._analogue`."""
    return CachedHanta(analogy=analogy)


def hanta_model() -> Any:
    """HanTa's tagger object behind the default process-wide instance, for read-only use of
    its word list (`.cache`) and tag codes (`.tag2int`) by other components: one model per
    process instead of a copy each (a copy costs ~30 MiB and 0.2–0.5 s to load)."""
    return load_hanta(analogy=True)._tagger


@cache
def likeliest_tags() -> dict[str, str]:
    """The likeliest tag of each word in HanTa's shipped word list ("großes" → "ADJ(A)", "grund"
    → "NN"; HanTa's keys are lower-case), built once per process from the shared model."""
    model = hanta_model()
    names = {number: tag for tag, number in model.tag2int.items()}
    return {word: names[max(tags, key=lambda tag: tag[1])[0]] for word, tags in model.cache.items() if tags}
