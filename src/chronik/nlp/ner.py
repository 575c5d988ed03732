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

With `rules` (default) cheap rules then clean the merged list and add currencies, wars, stock
indices and bracketed acronyms (`chronik.nlp.mention_refine`).

Person and street rules live in `chronik.nlp.names` (`add_person_names`). Finally a
surname seen in a full PER name ("Steve Witkoff") makes its bare mentions PER.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from chronik.errors import PipelineError
from chronik.model import Article, Mention, Token
from chronik.nlp.blas import limited_blas_threads, use_numpy_blas
from chronik.nlp.mention_refine import acronym_mentions, misc_mentions, refine_mentions
from chronik.nlp.names import (
    add_missing,
    add_person_names,
    add_streets,
    common_nouns,
    first_names,
    frequent_nouns,
    is_first_name,
    looks_like_common_noun,
    sentence_ranges,
    surnames,
    title_endings,
)
from chronik.nlp.ner_decoder import numpy_decoder
from chronik.nlp.orgs import add_org_misc_names, misc_terms, organisations
from chronik.nlp.places_rule import add_places, places
from chronik.nlp.spacy_vocab import on_renew, renew_when_full, shared_vocab
from chronik.nlp.span_fixes import fix_model_spans, speaker_names

__all__ = [
    "MERGE_POLICIES",
    "MODEL_DIR",
    "NerStage",
    "add_missing",
    "add_person_names",
    "common_nouns",
    "create_stage",
    "first_names",
    "is_first_name",
    "load_spacy_pipeline",
    "looks_like_common_noun",
    "merge_mentions",
    "refine_mentions",
    "title_endings",
]

# Strings a user's spaCy model's vocabulary may collect before it is loaded afresh (~4 per new
# word: text, prefix, suffix, shape). The bundled model shares the tokenizer's vocabulary,
# which is renewed past `chronik.nlp.spacy_vocab.MAX_STRINGS`.
MAX_MODEL_STRINGS = 250_000
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
    # The bundled model and the tokenizer share one vocabulary: each new word's lexeme is built once.
    vocab = shared_vocab() if model == str(MODEL_DIR) else True
    try:
        nlp = spacy.load(model, exclude=sorted(_NOT_NEEDED), vocab=vocab)
    except (OSError, ValueError) as exc:  # spaCy reports broken or incompatible models this way
        raise PipelineError("E060", source, f"cannot load spaCy model {model!r}: {exc}") from exc
    if "ner" not in nlp.pipe_names:
        raise PipelineError("E060", source, f"spaCy model {model!r} has no 'ner' component")
    use_numpy_blas(nlp)  # same output, ~1.5× faster on CPU (chronik.nlp.blas)
    return nlp


on_renew(load_spacy_pipeline.cache_clear)


def model_mentions(article: Article, nlp: Any, *, batch_size: int = 256) -> list[Mention]:
    """Run the spaCy NER over the article's own tokens, sentence by sentence."""
    from spacy.tokens import Doc

    ranges = sentence_ranges(article)
    mentions: list[Mention] = []
    decoder = numpy_decoder(nlp)
    with limited_blas_threads():  # one thread: chronik scales by processes
        # the numpy path: the same entities as spaCy's loop, one Doc for the whole article
        spans = decoder.entities_in(_tokens_doc(nlp.vocab, article.tokens, Doc), ranges) if decoder else None
        if spans is None:  # a Doc per sentence: for spaCy's own encoder, or all of spaCy
            docs = [_tokens_doc(nlp.vocab, article.tokens[first:last], Doc) for first, last in ranges]
            spans = decoder.entities(docs) if decoder else _spacy_entities(nlp, docs, batch_size)
    found = [
        (label, first + start, first + end - 1)
        for (first, _), in_doc in zip(ranges, spans, strict=True)
        for label, start, end in in_doc
    ]
    # spaCy's vocabulary keeps every word it ever saw (a `memory_zone` per article would
    # rebuild the lexemes of each article, 5 % of the pipeline): past a cap, a fresh one.
    if nlp.vocab is shared_vocab():
        renew_when_full(nlp.vocab)
    elif len(nlp.vocab.strings) > MAX_MODEL_STRINGS:
        load_spacy_pipeline.cache_clear()
    for name, head, last in found:
        label = _LABEL_MAP.get(name)
        if label is None:
            continue
        if label == "PER":
            head = skip_titles(article.tokens, head, last)
            last = drop_trailing_non_words(article.tokens, head, last)
        start, end = article.tokens[head].start, article.tokens[last].end
        mentions.append(Mention(start, end, article.text[start:end], label, source="model"))
    return mentions


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


def _spacy_entities(nlp: Any, docs: list[Any], batch_size: int) -> list[list[tuple[str, int, int]]]:
    """(label, first token, end token) per doc, through spaCy's own pipeline."""
    return [[(ent.label_, ent.start, ent.end) for ent in doc.ents] for doc in nlp.pipe(docs, batch_size=batch_size)]


def _tokens_doc(vocab: Any, tokens: Sequence[Token], doc_class: Any) -> Any:
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
        return sorted(model, key=lambda m: (m.start, m.end))
    if policy == "model-first":
        return add_missing(model, gazetteer)
    return add_missing(gazetteer, model)


def fill_kinds(mentions: Iterable[Mention], gazetteer: Any) -> None:
    """Give model mentions the kind of a gazetteer entry with the same label ("Kiews" → city)."""
    for mention in mentions:
        if mention.kind is not None or mention.label not in {"ORG", "LOC"}:
            continue
        for entry in gazetteer.lookup(mention.text):
            if entry.label == mention.label:
                mention.kind = entry.kind
                break


def propagate_surnames(article: Article, mentions: Sequence[Mention]) -> list[Mention]:
    """A surname from a full PER name ("Steve Witkoff") makes its bare mentions PER ("Witkoff")."""
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PER" and " " in m.text}
    surnames = {name for name in surnames if len(name) > 2 and name[0].isupper()}
    relabelled = [
        Mention(m.start, m.end, m.text, "PER", source=m.source)
        if m.label != "PER" and m.text in surnames and m.source == "model"
        else m
        for m in mentions
    ]
    bare = (
        Mention(t.start, t.end, t.text, "PER", source="rule")
        for t in article.tokens
        if t.text in surnames or (t.text.endswith("s") and t.text[:-1] in surnames)
    )
    return add_missing(relabelled, bare)


@functools.lru_cache(maxsize=4)
def _load_gazetteer(extra_files: tuple[str, ...] | None) -> Any:
    """The gazetteer with extra files; `None`: an empty one (rules run without names)."""
    from chronik.gazetteer import Gazetteer, load_gazetteer

    if extra_files is None:
        return Gazetteer(entries=[])
    return load_gazetteer([Path(p) for p in extra_files])


@dataclass(frozen=True)
class NerStage:
    """Adds `article.mentions` (replacing earlier ones) from the model and the gazetteer."""

    model: str = str(MODEL_DIR)
    use_gazetteer: bool = True
    gazetteer_files: tuple[str, ...] = ()
    merge: MergePolicy = "model-first"
    batch_size: int = 256
    rules: bool = True
    name: str = "ner"
    requires: tuple[str, ...] = ("tokens", "sentences")
    provides: tuple[str, ...] = field(default=("mentions",))

    def __call__(self, article: Article) -> Article:
        mentions = model_mentions(article, load_spacy_pipeline(self.model), batch_size=self.batch_size)
        gazetteer = _load_gazetteer(self.gazetteer_files if self.use_gazetteer else None)
        if self.use_gazetteer:
            mentions = merge_mentions(mentions, gazetteer_mentions(article, gazetteer), policy=self.merge)
        if self.rules:
            mentions = fix_model_spans(article, refine_mentions(article, mentions, gazetteer), gazetteer)
            mentions = add_missing(add_missing(mentions, misc_mentions(article)), acronym_mentions(article))
            mentions = speaker_names(article, add_person_names(article, mentions, gazetteer), gazetteer)
            mentions = add_streets(article, mentions)
            mentions = propagate_surnames(article, mentions)
            mentions = add_org_misc_names(article, mentions, gazetteer)
            mentions = add_places(article, mentions)
        if self.use_gazetteer:
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
    rules: bool = True,
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
    if rules:  # load the word lists now, not on the first article
        first_names()
        surnames()
        organisations()
        misc_terms()
        places()
        frequent_nouns()  # HanTa's word list, read from the shared tagger model
    return NerStage(
        model=path,
        use_gazetteer=gazetteer,
        gazetteer_files=files,
        merge=merge,
        batch_size=batch_size,
        rules=rules,
    )
