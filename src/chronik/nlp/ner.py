"""Stage "ner": named-entity mentions (PER, ORG, LOC, MISC) with character offsets.

The default backend is the statistical model we train and ship in the package
(`chronik/models/ner-de/`, a small spaCy CNN; recipe in `training/`, see docs/ner.md).
A user's installed spaCy pipeline can replace it by configuration:
`create_stage(backend="spacy", model="de_core_news_lg")` (a package name or a path).

The model reads `article.tokens` sentence by sentence, so its spans always fall on our
token boundaries. The gazetteer (`chronik.gazetteer`) then adds names it knows and gives
organisations and places a `kind`; the two are merged by a named policy:

- ``model-first`` (default): model mentions stay as they are; a gazetteer match that overlaps
  none of them is added (source ``gazetteer``); a model mention the gazetteer knows under
  the same label gets the entry's kind.
- ``gazetteer-first``: gazetteer matches replace the model mentions they overlap.
- ``model-only``: no gazetteer mentions are added (kinds are still filled in).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from chronik.errors import PipelineError
from chronik.model import Article, Mention, Token

__all__ = ["MERGE_POLICIES", "MODEL_DIR", "NerStage", "create_stage", "load_spacy_pipeline", "merge_mentions"]

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner-de"
MergePolicy = Literal["model-first", "gazetteer-first", "model-only"]
MERGE_POLICIES: tuple[str, ...] = ("model-first", "gazetteer-first", "model-only")
Backend = Literal["bundled", "spacy"]

# Labels of other spaCy pipelines (OntoNotes-style English ones included) mapped to ours.
_LABEL_MAP = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "OTH": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
# Components of a full spaCy pipeline that NER never needs; skipping them keeps it fast.
_NOT_NEEDED = frozenset({"parser", "tagger", "morphologizer", "lemmatizer", "attribute_ruler", "senter"})


@functools.lru_cache(maxsize=4)
def load_spacy_pipeline(model: str) -> Any:
    """Load a spaCy pipeline (package name or path) once per process, without unneeded components."""
    import spacy

    source = "ner" if model == str(MODEL_DIR) else model
    if not spacy.util.is_package(model) and not Path(model).exists():
        raise PipelineError("E060", source, f"spaCy model {model!r} is not installed and is not a path")
    try:
        nlp = spacy.load(model, exclude=sorted(_NOT_NEEDED))
    except (OSError, ValueError) as exc:  # spaCy reports broken or incompatible models this way
        raise PipelineError("E060", source, f"cannot load spaCy model {model!r}: {exc}") from exc
    if "ner" not in nlp.pipe_names:
        raise PipelineError("E060", source, f"spaCy model {model!r} has no 'ner' component")
    return nlp


def _sentence_ranges(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.token_start, s.token_end) for s in article.sentences if s.token_end > s.token_start]
    return [(0, len(article.tokens))] if article.tokens else []


def model_mentions(article: Article, nlp: Any, *, batch_size: int = 256) -> list[Mention]:
    """Run the spaCy NER over the article's own tokens, one sentence per Doc."""
    from spacy.tokens import Doc

    ranges = _sentence_ranges(article)
    docs = (_sentence_doc(nlp.vocab, article.tokens[first:last], Doc) for first, last in ranges)
    mentions: list[Mention] = []
    for (first, _), doc in zip(ranges, nlp.pipe(docs, batch_size=batch_size), strict=True):
        for ent in doc.ents:
            label = _LABEL_MAP.get(ent.label_)
            if label is None:
                continue
            head, last = first + ent.start, first + ent.end - 1
            if label == "PER":
                head = skip_titles(article.tokens, head, last)
                last = drop_trailing_non_words(article.tokens, head, last)
            start, end = article.tokens[head].start, article.tokens[last].end
            mentions.append(Mention(start, end, article.text[start:end], label, source="model"))
    return mentions


@functools.cache
def title_endings() -> tuple[str, ...]:
    """Lower-case endings of titles and roles (`chronik/data/ner/titles.txt`)."""
    path = Path(__file__).resolve().parents[1] / "data" / "ner" / "titles.txt"
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def drop_trailing_non_words(tokens: Sequence[Token], head: int, last: int) -> int:
    """Last token of a PER span without trailing brackets, numbers or marks ("Anna Roth (68)" → "Roth")."""
    while last > head and not tokens[last].text[:1].isalpha():
        last -= 1
    return last


def skip_titles(tokens: Sequence[Token], head: int, last: int) -> int:
    """First token of a PER span after leading titles ("Bundeskanzler Friedrich Merz" → "Friedrich")."""
    endings = title_endings()
    while head < last and tokens[head].text.lower().endswith(endings) and tokens[head + 1].text[:1].isupper():
        head += 1
    return head


def _sentence_doc(vocab: Any, tokens: Sequence[Token], doc_class: Any) -> Any:
    words = [token.text for token in tokens]
    spaces = [token.space_after for token in tokens]
    return doc_class(vocab, words=words, spaces=spaces)


def gazetteer_mentions(article: Article, gazetteer: Any) -> list[Mention]:
    """Gazetteer names in the text that start and end on token boundaries."""
    starts = {token.start for token in article.tokens}
    ends = {token.end for token in article.tokens}
    mentions = []
    for start, end, entry in gazetteer.find_all(article.text):
        if start in starts and end in ends and entry.label in {"PER", "ORG", "LOC", "MISC"}:
            mentions.append(
                Mention(start, end, article.text[start:end], entry.label, source="gazetteer", kind=entry.kind)
            )
    return mentions


def _overlaps(first: Mention, second: Mention) -> bool:
    return first.start < second.end and second.start < first.end


def merge_mentions(
    model: Sequence[Mention], gazetteer: Sequence[Mention], *, policy: MergePolicy = "model-first"
) -> list[Mention]:
    """Merge model and gazetteer mentions by a named policy (see the module docstring)."""
    if policy not in MERGE_POLICIES:
        raise PipelineError("E061", "ner", f"unknown merge policy {policy!r}; known: {', '.join(MERGE_POLICIES)}")
    by_span = {(m.start, m.end, m.label): m for m in gazetteer}
    for mention in model:
        known = by_span.get((mention.start, mention.end, mention.label))
        if known is not None and mention.kind is None:
            mention.kind = known.kind
    if policy == "model-only":
        merged = list(model)
    elif policy == "model-first":
        merged = [*model, *(g for g in gazetteer if not any(_overlaps(g, m) for m in model))]
    else:
        merged = [*gazetteer, *(m for m in model if not any(_overlaps(m, g) for g in gazetteer))]
    return sorted(merged, key=lambda m: (m.start, m.end))


def fill_kinds(mentions: Iterable[Mention], gazetteer: Any) -> None:
    """Give model mentions the kind of a gazetteer entry with the same label ("Kiews" → city)."""
    for mention in mentions:
        if mention.kind is not None or mention.label not in {"ORG", "LOC"}:
            continue
        for entry in gazetteer.lookup(mention.text):
            if entry.label == mention.label:
                mention.kind = entry.kind
                break


@functools.lru_cache(maxsize=4)
def _load_gazetteer(extra_files: tuple[str, ...]) -> Any:
    from chronik.gazetteer import load_gazetteer

    return load_gazetteer([Path(p) for p in extra_files])


@dataclass(frozen=True)
class NerStage:
    """Adds `article.mentions` (replacing earlier ones) from the model and the gazetteer."""

    model: str = str(MODEL_DIR)
    use_gazetteer: bool = True
    gazetteer_files: tuple[str, ...] = ()
    merge: MergePolicy = "model-first"
    batch_size: int = 256
    name: str = "ner"
    requires: tuple[str, ...] = ("tokens", "sentences")
    provides: tuple[str, ...] = field(default=("mentions",))

    def __call__(self, article: Article) -> Article:
        mentions = model_mentions(article, load_spacy_pipeline(self.model), batch_size=self.batch_size)
        if self.use_gazetteer:
            gazetteer = _load_gazetteer(self.gazetteer_files)
            mentions = merge_mentions(mentions, gazetteer_mentions(article, gazetteer), policy=self.merge)
            fill_kinds(mentions, gazetteer)
        article.mentions = mentions
        return article


def create_stage(
    *,
    backend: Backend = "bundled",
    model: str | None = None,
    gazetteer: bool = True,
    gazetteer_files: Sequence[str] = (),
    merge: MergePolicy = "model-first",
    batch_size: int = 256,
) -> NerStage:
    """Build the NER stage: the bundled model (default) or a user's spaCy pipeline (`backend="spacy"`)."""
    if backend not in ("bundled", "spacy"):
        raise PipelineError("E061", "ner", f"unknown backend {backend!r}; known: bundled, spacy")
    if merge not in MERGE_POLICIES:
        raise PipelineError("E061", "ner", f"unknown merge policy {merge!r}; known: {', '.join(MERGE_POLICIES)}")
    if backend == "spacy" and not model:
        raise PipelineError("E061", "ner", "backend 'spacy' needs model= (a package name or a path)")
    path = str(model) if backend == "spacy" and model else str(MODEL_DIR)
    load_spacy_pipeline(path)  # fail at build time, not on the first article
    files = tuple(str(p) for p in gazetteer_files)
    if gazetteer:
        _load_gazetteer(files)
    return NerStage(
        model=path,
        use_gazetteer=gazetteer,
        gazetteer_files=files,
        merge=merge,
        batch_size=batch_size,
    )
