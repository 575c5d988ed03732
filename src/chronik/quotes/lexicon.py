"""The quotation lexicon: speech verbs, speech nouns, documents, frames, capitals, mood forms.

All lists are our own data files in `chronik/data/quotes/`; users extend them with files of
the same shape (`extra` paths). Every word is matched on a key that is lower-cased and
writes "ß" as "ss", so Swiss spelling ("heisst") and German spelling ("heißt") meet.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from chronik.errors import ChronikError
from chronik.model import Medium
from chronik.yaml_data import load_yaml

_MEDIA: frozenset[str] = frozenset({"speech", "writing", "thought", "unknown"})
_MEMO_LIMIT = 50_000  # distinct nouns remembered by `is_document` before the memo starts over
_INSEPARABLE = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "über", "unter", "wider", "hinter")


def key(word: str) -> str:
    """The matching key of a word: lower case, "ß" as "ss"."""
    return word.lower().replace("ß", "ss")


@dataclass(frozen=True, slots=True)
class VerbSense:
    """One speech verb a word form may belong to; `particle` must follow when separable."""

    lemma: str
    medium: Medium
    particle: str | None = None


@dataclass(slots=True)
class QuoteLexicon:
    verb_forms: dict[str, list[VerbSense]] = field(default_factory=dict)
    verb_lemmas: dict[str, Medium] = field(default_factory=dict)
    nouns: dict[str, Medium] = field(default_factory=dict)
    frame_nouns: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    capitals: dict[str, tuple[str, str]] = field(default_factory=dict)
    konjunktiv: dict[str, str] = field(default_factory=dict)
    frames: dict[str, Any] = field(default_factory=dict)
    _frame_words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _is_document: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    _document_length: tuple[int, int] = field(default=(-1, 0), repr=False, compare=False)

    def verb_senses(self, form: str, lemma: str = "") -> list[VerbSense]:
        """Speech-verb senses of a word form (by form, or by the tagger's lemma)."""
        senses = self.verb_forms.get(key(form), [])
        if senses:
            return senses
        lemma_key = key(lemma)
        if lemma_key in self.verb_lemmas:
            return [VerbSense(lemma_key, self.verb_lemmas[lemma_key])]
        return []

    def is_document(self, noun: str) -> bool:
        """Whether a noun (or the last part of a compound) names a document (memoised per noun)."""
        known = self._is_document.get(noun)
        if known is None:
            if len(self._is_document) >= _MEMO_LIMIT:
                self._is_document.clear()
            known = self._is_document[noun] = self._ends_in_document(noun)
        return known

    def _ends_in_document(self, noun: str) -> bool:
        word = key(noun).rsplit("-", 1)[-1]
        longest = self._longest_document()
        for ending in ("", "en", "n", "e", "s", "es"):
            stem = word[: len(word) - len(ending)] if ending and word.endswith(ending) else word
            # one set lookup per suffix no longer than the longest document
            if any(stem[cut:] in self.documents for cut in range(max(0, len(stem) - longest), len(stem) + 1)):
                return True
        return False

    def _longest_document(self) -> int:
        """Length of the longest document key (documents only grow: recounted when their number changes)."""
        count, longest = self._document_length
        if count != len(self.documents):
            longest = max(map(len, self.documents), default=0)
            self._document_length = (len(self.documents), longest)
        return longest

    def frame_word(self, group: str) -> frozenset[str]:
        """The keys of a frame word group (built once per group)."""
        words = self._frame_words.get(group)
        if words is None:
            words = self._frame_words[group] = frozenset(key(word) for word in self.frames.get(group, []))
        return words


def _data_lines(text: str) -> Iterator[list[str]]:
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def _medium(value: str, source: str) -> Medium:
    if value not in _MEDIA:
        raise ChronikError("E040", source, f"unknown medium {value!r}")
    medium: Medium = value  # type: ignore[assignment]
    return medium


def weak_forms(stem: str, *, prefixed: bool) -> set[str]:
    """Regular finite forms and the participle of a weak verb stem ("sag" → sagt, sagte, gesagt…)."""
    consonant_nasal = stem.endswith(("m", "n")) and len(stem) > 2 and _consonant_before_nasal(stem)
    joint = "e" if stem.endswith(("t", "d")) or consonant_nasal else ""
    if stem.endswith(("er", "el")):
        forms = {stem + "t", stem + "te", stem + "ten", stem + "n", stem + "e"}
    else:
        forms = {stem + joint + "t", stem + joint + "te", stem + joint + "ten", stem + "en", stem + "e"}
    participle = stem + joint + "t"
    forms.add(participle if prefixed else "ge" + participle)
    return forms


def _consonant_before_nasal(stem: str) -> bool:
    """ "rechn", "atm", "zeichn" take "-et"; "lehn", "beton", "lern" do not."""
    before = stem[-2]
    if before == "h":
        return stem[-3] not in "aeiouyäöü"
    return before not in "aeiouyäöülrmn"


def _verb_forms(lemma: str, irregular: list[str]) -> tuple[str, set[str]]:
    particle, _, base = lemma.rpartition("|")
    infinitive = base
    stem = base[:-1] if base.endswith(("ern", "eln")) else base[:-2]
    prefixed = base.startswith(_INSEPARABLE) or base.endswith("ieren")
    forms = weak_forms(stem, prefixed=prefixed) | {infinitive} | set(irregular)
    return particle, forms


def _add_verbs(lexicon: QuoteLexicon, text: str, source: str) -> None:
    for cells in _data_lines(text):
        if len(cells) < 2:
            raise ChronikError("E040", source, f"speech verb line needs lemma and medium: {cells!r}")
        lemma, medium = cells[0], _medium(cells[1], source)
        irregular = [form.strip() for form in cells[2].split(",")] if len(cells) > 2 and cells[2] else []
        particle, forms = _verb_forms(lemma, irregular)
        joined = key(lemma.replace("|", ""))
        lexicon.verb_lemmas[joined] = medium
        for form in forms:
            if particle and key(form).startswith(key(particle)) and form not in (lemma.split("|")[1],):
                _add_sense(lexicon, form, VerbSense(joined, medium))
                apart = VerbSense(joined, medium, key(particle))  # the participle written apart: "bekannt gegeben"
                _add_sense(lexicon, form[len(particle) :], apart)
            elif particle:
                _add_sense(lexicon, form, VerbSense(joined, medium, key(particle)))
                _add_sense(lexicon, particle + form, VerbSense(joined, medium))
                if form.startswith("ge"):
                    _add_sense(lexicon, particle + form, VerbSense(joined, medium))
            else:
                _add_sense(lexicon, form, VerbSense(joined, medium))
        if particle:
            _add_sense(lexicon, particle + "zu" + lemma.split("|")[1], VerbSense(joined, medium))


def _add_sense(lexicon: QuoteLexicon, form: str, sense: VerbSense) -> None:
    senses = lexicon.verb_forms.setdefault(key(form), [])
    if sense not in senses:
        senses.append(sense)


def _add_nouns(lexicon: QuoteLexicon, text: str, source: str) -> None:
    for cells in _data_lines(text):
        if len(cells) < 2:
            raise ChronikError("E040", source, f"speech noun line needs noun and medium: {cells!r}")
        lexicon.nouns[key(cells[0])] = _medium(cells[1], source)
        if len(cells) > 2 and cells[2] == "yes":
            lexicon.frame_nouns.add(key(cells[0]))


def _add_documents(lexicon: QuoteLexicon, text: str, _source: str) -> None:
    lexicon.documents.update(key(cells[0]) for cells in _data_lines(text))


def _add_capitals(lexicon: QuoteLexicon, text: str, source: str) -> None:
    for cells in _data_lines(text):
        if len(cells) < 3:
            raise ChronikError("E040", source, f"capital line needs name, code and state: {cells!r}")
        lexicon.capitals[key(cells[0])] = (cells[1], cells[2])


def _add_konjunktiv(lexicon: QuoteLexicon, text: str, source: str) -> None:
    for cells in _data_lines(text):
        if len(cells) < 2 or cells[1] not in ("I", "II"):
            raise ChronikError("E040", source, f"Konjunktiv line needs form and I|II: {cells!r}")
        lexicon.konjunktiv[key(cells[0])] = cells[1]


def _add_frames(lexicon: QuoteLexicon, text: str, source: str) -> None:
    loaded = load_yaml(text) or {}
    if not isinstance(loaded, dict):
        raise ChronikError("E040", source, "frames file must be a mapping")
    for name, words in loaded.items():
        if isinstance(words, list):
            lexicon.frames.setdefault(str(name), []).extend(str(word) for word in words)


_FILES = {
    "speech_verbs.tsv": _add_verbs,
    "speech_nouns.tsv": _add_nouns,
    "documents.tsv": _add_documents,
    "capitals.tsv": _add_capitals,
    "konjunktiv.tsv": _add_konjunktiv,
    "frames.yaml": _add_frames,
}


@cache
def _function_word_table() -> dict[str, frozenset[str]]:
    text = (resources.files("chronik") / "data" / "quotes" / "function_words.yaml").read_text(encoding="utf-8")
    loaded = load_yaml(text)
    if not isinstance(loaded, dict):
        raise ChronikError("E040", "data/quotes/function_words.yaml", "must be a mapping of lists")
    return {str(name): frozenset(key(str(word)) for word in words) for name, words in loaded.items()}


def function_words(group: str) -> frozenset[str]:
    """A closed word class from `function_words.yaml` (determiners, prepositions, …)."""
    try:
        return _function_word_table()[group]
    except KeyError:
        raise ChronikError("E040", "data/quotes/function_words.yaml", f"missing word group {group!r}") from None


@cache
def load_lexicon(extra: tuple[str, ...] = ()) -> QuoteLexicon:
    """The bundled lexicon plus extra files (named like the bundled ones), loaded once per process."""
    lexicon = QuoteLexicon()
    folder = resources.files("chronik") / "data" / "quotes"
    for name, add in _FILES.items():
        add(lexicon, (folder / name).read_text(encoding="utf-8"), f"data/quotes/{name}")
    for path_name in extra:
        path = Path(path_name)
        add_extra = _FILES.get(path.name)
        if add_extra is None:
            raise ChronikError("E040", path_name, f"unknown quotation lexicon file; expected one of {sorted(_FILES)}")
        if not path.is_file():
            raise ChronikError("E001", path_name, "lexicon file not found")
        add_extra(lexicon, path.read_text(encoding="utf-8"), path_name)
    return lexicon
