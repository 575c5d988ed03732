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

With `rules` (default) cheap rules then clean the merged list (`refine_mentions`): nothing
is taken from byline paragraphs (the authors are in `article.authors`); a single capital
letter ("X") is kept only as a platform after "auf"; a place name followed by common nouns
("Kiews Chefunterhändlern", "Ukraine Frieden") is cut to the place, as LOC; spans lose
trailing function words ("Hulk Der") and LOC spans leading common nouns ("Hauptstadt
Mannheim"); a single-token model mention that the gazetteer does not know and that looks
like a common noun ("Region", "Stand"; `chronik/data/ner/common_nouns.txt`, words and
endings) is dropped. Then currencies, wars and stock indices (`misc_names.tsv`) are added
as MISC and bracketed acronyms ("(IKB)") as ORG where nothing else was found.

Person rules (`add_person_names`; first names from `chronik/data/ner/first_names.txt`,
outside bylines): a known first name followed by surname tokens ("Henning Voscherau", "Ole
von Beust"; no common noun, title, facility word or frequent HanTa noun) becomes PER and
replaces the mentions it overlaps unless they run on past it ("Konrad Adenauer Stiftung")
or start with a facility ("Flughafen Franz Josef Strauß"), so a leading role noun is cut
("Biobauer Renzo Blumenthal" LOC → "Renzo Blumenthal" PER); surname tokens after a role
word ("Bäderleiter Schmid") become PER the same way; a single-token model LOC/ORG that is a
first name or a listed family name and no gazetteer name ("Claire", "Bhuttos") becomes PER;
a lone first name inside a sentence ("Nur Justin, Alex und Max") is added as PER, and so is
a listed family name (`surnames.txt`: "verfolgte Hitler", "Merkels"). Named streets
("Schwanitzstraße") are added as LOC. Finally a surname seen in a full PER name ("Steve
Witkoff") makes its bare mentions PER.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from chronik.errors import PipelineError
from chronik.model import Article, Mention, Token
from chronik.nlp.tokenizer import MAX_VOCABULARY

__all__ = [
    "MERGE_POLICIES",
    "MODEL_DIR",
    "NerStage",
    "add_person_names",
    "create_stage",
    "first_names",
    "is_first_name",
    "load_spacy_pipeline",
    "merge_mentions",
    "refine_mentions",
]

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
    found = [
        (ent.label_, first + ent.start, first + ent.end - 1)
        for (first, _), doc in zip(ranges, nlp.pipe(docs, batch_size=batch_size), strict=True)
        for ent in doc.ents
    ]
    if len(nlp.vocab.strings) > MAX_VOCABULARY:
        # spaCy's vocabulary keeps every word it ever saw (a `memory_zone` per article would
        # rebuild the lexemes of each article, 5 % of the pipeline): a fresh model next time.
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


_PLATFORM_CUES = frozenset({"auf"})
_NOUN_DROP_LABELS = frozenset({"LOC", "ORG", "PER"})
_LEAD_TRIM_LABELS = frozenset({"LOC"})
# Words a name never ends with; the model sometimes runs a span into the next sentence.
_FUNCTION_WORDS = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "von", "vom", "am", "im", "in", "und", "zu", "zum"}
)
_NUMBER_WORDS = frozenset({"millionen", "milliarden", "mio", "mio.", "mrd", "mrd.", "tausend", "hundert", "billionen"})


@functools.cache
def common_nouns() -> tuple[frozenset[str], tuple[str, ...]]:
    """Lower-case common nouns and noun endings ("-ung") from `chronik/data/ner/common_nouns.txt`."""
    path = Path(__file__).resolve().parents[1] / "data" / "ner" / "common_nouns.txt"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    entries = [line for line in lines if line and not line.startswith("#")]
    endings = tuple(line[1:] for line in entries if line.startswith("-"))
    return frozenset(line for line in entries if not line.startswith("-")), endings


def looks_like_common_noun(word: str) -> bool:
    """A capitalised word in the stop list or with a common-noun ending ("Region", "Verhandlungen")."""
    lowered = word.lower()
    words, endings = common_nouns()
    return lowered in words or (len(lowered) > 5 and lowered.endswith(endings))


def _token_range(starts: Sequence[int], mention: Mention) -> tuple[int, int]:
    """Indexes of the first and last token of a mention (it lies on token boundaries).

    `starts` are the start offsets of the article's tokens.
    """
    first = bisect.bisect_left(starts, mention.start)
    last = bisect.bisect_right(starts, mention.end - 1) - 1
    return first, max(first, last)


def _is_place(word: str, gazetteer: Any) -> Any:
    """The gazetteer's LOC entry for a word (genitive tolerant: "Kiews"), else None."""
    return next((entry for entry in gazetteer.lookup(word) if entry.label == "LOC"), None)


def _place_head(article: Article, starts: Sequence[int], mention: Mention, gazetteer: Any) -> Mention | None:
    """ "Kiews Chefunterhändlern" → "Kiews" (LOC): a known place followed only by common nouns."""
    first, last = _token_range(starts, mention)
    if last == first or mention.source != "model" or gazetteer.lookup(mention.text):
        return None
    place = _is_place(article.tokens[first].text, gazetteer)
    rest = article.tokens[first + 1 : last + 1]
    if place is None or not all(looks_like_common_noun(token.text) for token in rest):
        return None
    head = article.tokens[first]
    return Mention(head.start, head.end, head.text, "LOC", source="model", kind=place.kind)


def _keep(
    article: Article, starts: Sequence[int], mention: Mention, gazetteer: Any, bylines: Sequence[tuple[int, int]]
) -> bool:
    if any(start <= mention.start < end for start, end in bylines):
        return False
    if len(mention.text) == 1:
        first, _ = _token_range(starts, mention)
        return first > 0 and article.tokens[first - 1].text.lower() in _PLATFORM_CUES
    if mention.label in _NOUN_DROP_LABELS and mention.source == "model" and " " not in mention.text:
        head = mention.text.rsplit("-", 1)[-1]
        noun = looks_like_common_noun(head) or ("-" in mention.text and head.lower().endswith(title_endings()))
        return not (noun and not gazetteer.lookup(mention.text))
    return True


def _trim_function_words(article: Article, starts: Sequence[int], mention: Mention) -> Mention:
    """ "Hulk Der" → "Hulk": drop trailing articles and prepositions from a model span."""
    first, last = _token_range(starts, mention)
    end = last
    while end > first and article.tokens[end].text.lower() in _FUNCTION_WORDS:
        end -= 1
    if end == last:
        return mention
    stop = article.tokens[end].end
    text = article.text[mention.start : stop]
    return Mention(mention.start, stop, text, mention.label, source=mention.source, kind=mention.kind)


def _trim_leading_nouns(article: Article, starts: Sequence[int], mention: Mention, gazetteer: Any) -> Mention:
    """ "Residenzstadt Mannheim" → "Mannheim": drop leading common nouns from a model span."""
    if mention.label not in _LEAD_TRIM_LABELS or mention.source != "model" or gazetteer.lookup(mention.text):
        return mention
    first, last = _token_range(starts, mention)
    head = first
    while (
        head < last
        and looks_like_common_noun(article.tokens[head].text)
        and article.tokens[head + 1].text[:1].isupper()
    ):
        head += 1
    if head == first:
        return mention
    start = article.tokens[head].start
    text = article.text[start : mention.end]
    return Mention(start, mention.end, text, mention.label, source=mention.source, kind=mention.kind)


def refine_mentions(article: Article, mentions: Sequence[Mention], gazetteer: Any) -> list[Mention]:
    """Apply the cleaning rules of the module docstring to merged mentions."""
    bylines = [(p.start, p.end) for p in article.paragraphs if p.kind == "byline"]
    starts = [token.start for token in article.tokens]
    refined = []
    for mention in mentions:
        mention = _place_head(article, starts, mention, gazetteer) or _trim_function_words(article, starts, mention)
        mention = _trim_leading_nouns(article, starts, mention, gazetteer)
        if _keep(article, starts, mention, gazetteer, bylines):
            refined.append(mention)
    return refined


@functools.cache
def misc_names() -> dict[str, tuple[tuple[tuple[str, ...], bool], ...]]:
    """MISC names by first token: (tokens, only after a number), longest first (`misc_names.tsv`)."""
    path = Path(__file__).resolve().parents[1] / "data" / "ner" / "misc_names.tsv"
    names: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, condition = line.partition("\t")
        words = tuple(name.split())
        names.setdefault(words[0], []).append((words, condition.strip() == "after-number"))
    return {first: tuple(sorted(found, key=lambda f: -len(f[0]))) for first, found in names.items()}


def _after_number(tokens: Sequence[Token], index: int) -> bool:
    previous = tokens[index - 1].text if index > 0 else ""
    return any(char.isdigit() for char in previous) or previous.lower() in _NUMBER_WORDS


def misc_mentions(article: Article) -> list[Mention]:
    """Currencies, wars and stock indices from `misc_names.tsv` ("30 Millionen Euro")."""
    tokens, names, found = article.tokens, misc_names(), []
    index = 0
    while index < len(tokens):
        width = 1
        for words, needs_number in names.get(tokens[index].text, ()):
            window = tuple(token.text for token in tokens[index : index + len(words)])
            if window == words and (not needs_number or _after_number(tokens, index)):
                start, end = tokens[index].start, tokens[index + len(words) - 1].end
                found.append(Mention(start, end, article.text[start:end], "MISC", source="rule"))
                width = len(words)
                break
        index += width
    return found


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def acronym_mentions(article: Article) -> list[Mention]:
    """An acronym defined in brackets ("Industriekreditbank ( IKB )") and its other uses, as ORG."""
    tokens = article.tokens
    defined = {
        tokens[i].text
        for i in range(1, len(tokens) - 1)
        if tokens[i - 1].text == "(" and tokens[i + 1].text == ")" and _is_acronym(tokens[i].text)
    }
    return [Mention(t.start, t.end, t.text, "ORG", source="rule") for t in tokens if t.text in defined]


def add_missing(mentions: Sequence[Mention], extra: Iterable[Mention]) -> list[Mention]:
    """Mentions plus those of `extra` that overlap none of them, in text order."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    starts = [m.start for m in ordered]
    reach = list(itertools.accumulate((m.end for m in ordered), max))  # furthest end so far
    free = []
    for mention in extra:
        before = bisect.bisect_left(starts, mention.end)  # those starting before it ends
        if before == 0 or reach[before - 1] <= mention.start:
            free.append(mention)
    return sorted([*ordered, *free], key=lambda m: (m.start, m.end))


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


@functools.cache
def first_names() -> tuple[frozenset[str], frozenset[str]]:
    """First names (`chronik/data/ner/first_names.txt`): all, and those that may stand alone.

    A name marked "*" there is also a word, place or brand ("Mark", "Paris"): it counts only
    at the start of a full name.
    """
    path = Path(__file__).resolve().parents[1] / "data" / "ner" / "first_names.txt"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    entries = [line for line in lines if line and not line.startswith("#")]
    names = frozenset(line.rstrip("*") for line in entries)
    return names, frozenset(line for line in entries if not line.endswith("*"))


def is_first_name(word: str, *, alone: bool = False) -> bool:
    """A listed first name, or hyphenated listed ones ("Hans-Peter"); `alone`: also without a surname."""
    names = first_names()[1 if alone else 0]
    return all(part in names for part in word.split("-"))


# Lower-case particles inside full names ("Ole von Beust", "Ludovica des Bordes", "Osama bin Laden").
_NAME_PARTICLES = frozenset(
    {"von", "van", "de", "des", "di", "da", "del", "della", "dos", "du", "le", "la", "ter", "ten", "bin", "ibn"}
    | {"al", "el", "af", "av"}
)
# Capitalised words that never continue a name ("Angela Merkels Wir schaffen das", "Tommy von The").
_NAME_STOPS = frozenset(
    {"wir", "ich", "er", "sie", "es", "ihr", "man", "auf", "mit", "für", "bei", "nach", "aus", "als", "wie"}
    | {"aber", "oder", "doch", "dass", "so", "nun", "auch", "noch", "nur", "schon", "hier", "dort", "heute"}
    | {"the", "of", "and", "for", "a", "an", "to", "in", "on", "at", "by", "with"}
)
# Particles that only follow another one ("van der Bellen", "von und zu Guttenberg").
_SECOND_PARTICLES = frozenset({"der", "den", "und", "zu", "la", "le"})
# Heads of facilities and institutions named after people ("Flughafen Franz Josef Strauß",
# "Max Planck Institut"): a full name next to one is part of a larger name, not a person.
_FACILITY_ENDINGS = (
    "flughafen", "stadion", "straße", "strasse", "platz", "allee", "weg", "brücke", "schule", "gymnasium",
    "universität", "institut", "stiftung", "preis", "kirche", "haus", "halle", "arena", "museum", "theater",
    "zentrum", "klinik", "klinikum", "bahnhof", "park", "hotel", "gesellschaft", "verlag", "werke", "gmbh",
    "ag", "kaserne", "bibliothek", "akademie", "saal", "turm", "ring", "damm", "airport", "theatre", "hall",
    "center", "centre", "college", "school", "university", "church", "street", "square", "stadium", "band",
    "orchestra", "foundation", "institute", "group", "partners", "brothers", "records", "pictures", "studios",
    "company",
)  # fmt: skip
# Words before a first name that make it a place ("St. Moritz", "San Lucia").
_PLACE_PREFIXES = frozenset({"st.", "st", "sankt", "san", "santa", "saint", "são", "santo", "bad", "sainte"})


def _after_place_prefix(tokens: Sequence[Token], index: int) -> bool:
    """Whether the token at `index` follows "St." (also split: "St ." ) or "San"."""
    previous = tokens[index - 1].text.lower() if index > 0 else ""
    if previous == "." and index > 1:
        previous = tokens[index - 2].text.lower()
    return previous in _PLACE_PREFIXES


@functools.cache
def frequent_nouns() -> frozenset[str]:
    """Lower-case words whose likeliest tag in HanTa's shipped word list is NN ("grund", "band")."""
    from HanTa import HanoverTagger

    tagger: Any = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    noun = tagger.tag2int["NN"]
    return frozenset(
        word for word, tags in tagger.cache.items() if tags and max(tags, key=lambda tag: tag[1])[0] == noun
    )


def _is_compound_noun(word: str) -> bool:
    """A long word or hyphenated word ending in a frequent noun ("Ansteckabzeichen", "Valve-Gründer")."""
    lowered, nouns = word.lower(), frequent_nouns()
    head = lowered.rsplit("-", 1)[-1]
    if head != lowered and head in nouns:
        return True
    return len(lowered) >= 9 and any(lowered[cut:] in nouns for cut in range(3, len(lowered) - 4))


def _surname_like(token: Token, gazetteer: Any, *, position: int, strict: bool) -> bool:
    """A capitalised token that can continue a full name (not a common noun, title or facility).

    `position` counts the name tokens after the first name. The first of them may be a word
    that also is a noun ("Peter Bauer") or place ("Uta Hagen") unless `strict` (the first
    name itself is ambiguous: "Mark Brandenburg"); later ones may not ("Dave Matthews Band").
    """
    word = token.text
    head = word.rsplit("-", 1)[-1].lower()
    if not (word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha() and len(word) > 1):
        return False
    if word.isupper() or word.lower() in _FUNCTION_WORDS or word.lower() in _NAME_STOPS:
        return False  # acronyms ("FRS"), capitalised function words
    if looks_like_common_noun(word) or head.endswith(_FACILITY_ENDINGS) or head.endswith(title_endings()):
        return False
    if position == 1 and not strict:
        return True
    known = any(entry.label in {"LOC", "ORG"} for entry in gazetteer.lookup(word))
    return not known and word.lower() not in frequent_nouns() and not _is_compound_noun(word)


def _is_particle(tokens: Sequence[Token], index: int, first: int) -> bool:
    """A name particle ("von", "De", "van der") followed by more of the name, not by a first name.

    "Roman von Markus Werner" is a novel by someone: a particle before a first name ends the name.
    """
    word = tokens[index].text.lower()
    previous = tokens[index - 1].text.lower()
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    second = index > first + 1 and previous in _NAME_PARTICLES and word in _SECOND_PARTICLES
    if not (word in _NAME_PARTICLES or second) or not following[:1].isalpha() or is_first_name(following):
        return False
    return tokens[index].text.islower() or following[:1].isupper() or following in _SECOND_PARTICLES


def _full_name_end(tokens: Sequence[Token], first: int, stop: int, gazetteer: Any) -> int:
    """Index after the last surname token of a full name starting at `first`; `first` if there is none.

    More first names ("Mary Ella Simmons") keep the next token lenient (position 1 of
    `_surname_like`). After an ambiguous first name ("Roman", "Mark") the surname must
    follow at once.
    """
    index, end, position = first + 1, first, 1
    strict = not is_first_name(tokens[first].text, alone=True)
    while index < stop and index - first <= 6:
        if (index > first + 1 or not strict) and _is_particle(tokens, index, first):
            index += 1
            continue
        if not _surname_like(tokens[index], gazetteer, position=position, strict=strict):
            break
        if not is_first_name(tokens[index].text):
            position += 1
        index += 1
        end = index
    return end


def _starts_full_name(tokens: Sequence[Token], index: int, gazetteer: Any) -> bool:
    """A first name that is not a known place ("Paris") nor after "St." ("St. Moritz")."""
    word = tokens[index].text
    if not is_first_name(word) or _after_place_prefix(tokens, index):
        return False
    return not any(entry.label in {"LOC", "ORG"} for entry in gazetteer.lookup(word))


def full_name_mentions(article: Article, gazetteer: Any) -> list[Mention]:
    """ "Henning Voscherau", "Ole von Beust": a known first name and surname tokens, as PER."""
    tokens, found = article.tokens, []
    for sentence_start, sentence_end in _sentence_ranges(article):
        index = sentence_start
        while index < sentence_end:
            end = index
            if _starts_full_name(tokens, index, gazetteer):
                end = _full_name_end(tokens, index, sentence_end, gazetteer)
            if end == index:
                index += 1
                continue
            start, stop = tokens[index].start, tokens[end - 1].end
            if all(entry.label == "PER" for entry in gazetteer.lookup(article.text[start:stop])):
                found.append(Mention(start, stop, article.text[start:stop], "PER", source="rule"))
            index = end
    return found


def role_name_mentions(article: Article, gazetteer: Any) -> list[Mention]:
    """ "Bäderleiter Schmid", "Schulrat Castens": surname tokens after a title or role word, as PER.

    Titles and roles are the endings of `chronik/data/ner/titles.txt`; the name tokens must
    be no common noun, no frequent noun and no known place ("Präsident Frankreichs").
    A first name after the role is left to `full_name_mentions`.
    """
    tokens, endings, found = article.tokens, title_endings(), []
    for sentence_start, sentence_end in _sentence_ranges(article):
        for index in range(sentence_start, sentence_end - 1):
            role, name = tokens[index].text, tokens[index + 1]
            if not (role[:1].isupper() and role.lower().endswith(endings)) or is_first_name(name.text):
                continue
            end = index + 1
            while end < min(sentence_end, index + 3) and _surname_like(tokens[end], gazetteer, position=2, strict=True):
                end += 1
            if end > index + 1:
                start, stop = name.start, tokens[end - 1].end
                found.append(Mention(start, stop, article.text[start:stop], "PER", source="rule"))
    return found


def _overlapping(mentions: Sequence[Mention], ends: Sequence[int], span: Mention) -> list[Mention]:
    """The mentions (sorted, not overlapping each other; `ends` their end offsets) that overlap `span`."""
    found, index = [], bisect.bisect_right(ends, span.start)
    while index < len(mentions) and mentions[index].start < span.end:
        found.append(mentions[index])
        index += 1
    return found


def _yields_to(name: Mention, other: Mention, text: str) -> bool:
    """Whether `other` may be replaced by the full name `name` it overlaps.

    Not when it runs on past the name ("Konrad Adenauer Stiftung"), is a gazetteer name of
    another label, or starts with a facility ("Flughafen Franz Josef Strauß"); a leading
    role noun is cut ("Biobauer Renzo Blumenthal" LOC → "Renzo Blumenthal" PER).
    """
    if other.end > name.end or (other.source == "gazetteer" and other.label != "PER"):
        return False
    prefix = text[other.start : name.start].split()
    return not any(word.lower().rsplit("-", 1)[-1].endswith(_FACILITY_ENDINGS) for word in prefix)


def add_full_names(article: Article, mentions: Sequence[Mention], names: Iterable[Mention]) -> list[Mention]:
    """Full names replace the mentions they overlap where those yield (`_yields_to`)."""
    kept = sorted(mentions, key=lambda m: (m.start, m.end))
    ends = [m.end for m in kept]
    dropped: set[int] = set()
    added = []
    for name in names:
        overlapping = _overlapping(kept, ends, name)
        if all(_yields_to(name, other, article.text) for other in overlapping):
            dropped.update(id(other) for other in overlapping)
            same = [o for o in overlapping if (o.start, o.end, o.label) == (name.start, name.end, "PER")]
            added.append(same[0] if same else name)
    merged = [m for m in kept if id(m) not in dropped] + added
    return sorted(merged, key=lambda m: (m.start, m.end))


def _is_listed_surname(word: str) -> bool:
    names = surnames()
    return word in names or (word.endswith("s") and word[:-1] in names)


def relabel_first_names(article: Article, mentions: Sequence[Mention], gazetteer: Any) -> list[Mention]:
    """ "Claire", "Bhuttos" LOC → PER: a single-token model mention that is a first name or a
    listed family name (genitive too) and no known place."""
    starts = [token.start for token in article.tokens]
    relabelled = []
    for mention in mentions:
        first, last = _token_range(starts, mention)
        if (
            mention.label in {"LOC", "ORG"}
            and mention.source == "model"
            and first == last
            and (is_first_name(mention.text, alone=True) or _is_listed_surname(mention.text))
            and not _after_place_prefix(article.tokens, first)
            and not gazetteer.lookup(mention.text)
        ):
            mention = Mention(mention.start, mention.end, mention.text, "PER", source="rule")
        relabelled.append(mention)
    return relabelled


def lone_first_names(article: Article, gazetteer: Any) -> list[Mention]:
    """ "Nur Justin, Alex und Max": a first name alone inside a sentence, as PER (with `add_missing`)."""
    tokens, found = article.tokens, []
    for sentence_start, sentence_end in _sentence_ranges(article):
        for index in range(sentence_start + 1, sentence_end):
            token = tokens[index]
            if (
                is_first_name(token.text, alone=True)
                and not _after_place_prefix(tokens, index)
                and not gazetteer.lookup(token.text)
            ):
                found.append(Mention(token.start, token.end, token.text, "PER", source="rule"))
    return found


@functools.cache
def surnames() -> frozenset[str]:
    """Family names (`chronik/data/ner/surnames.txt`) that are no frequent or listed common noun."""
    path = Path(__file__).resolve().parents[1] / "data" / "ner" / "surnames.txt"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    nouns = frequent_nouns()
    return frozenset(
        line
        for line in lines
        if line and not line.startswith("#") and line.lower() not in nouns and not looks_like_common_noun(line)
    )


def lone_surnames(article: Article, gazetteer: Any) -> list[Mention]:
    """ "verfolgte Hitler die Nahziele": a listed family name inside a sentence (or its genitive), as PER."""
    tokens, names, found = article.tokens, surnames(), []
    for sentence_start, sentence_end in _sentence_ranges(article):
        for index in range(sentence_start + 1, sentence_end):
            word = tokens[index].text
            if (word in names or (word.endswith("s") and word[:-1] in names)) and not gazetteer.lookup(word):
                found.append(Mention(tokens[index].start, tokens[index].end, word, "PER", source="rule"))
    return found


_STREET_ENDINGS = ("straße", "strasse", "gasse", "allee", "chaussee")
# First parts of street words that are common nouns ("Landstraße", "Einbahnstraße").
_GENERIC_STREETS = frozenset(
    {"land", "haupt", "neben", "seiten", "einbahn", "parallel", "gemeinde", "wasser", "freiland", "bundes"}
    | {"landes", "kreis", "dorf", "stadt", "wohn", "quer", "ring", "milch", "schnell", "privat", "zubringer"}
    | {"auto", "ausfall", "sack", "hinter", "innen", "außen", "durchgang", "verbindung", "geschäft", "zufahrt"}
)


def street_mentions(article: Article) -> list[Mention]:
    """ "Schwanitzstraße", "Friedrich-Ebert-Straße": a named street, as LOC (with `add_missing`).

    A capitalised word ending in -straße, -gasse, -allee … that is no frequent noun and
    does not start with a generic part ("Hauptstraße", "Einbahnstraße", "Einkaufsstraße"
    stay words).
    """
    nouns, found = frequent_nouns(), []
    for token in article.tokens:
        word = token.text
        lowered = word.lower()
        ending = next((e for e in _STREET_ENDINGS if lowered.endswith(e)), None)
        if ending is None or not word[:1].isupper() or len(word) < len(ending) + 3:
            continue
        first = lowered[: -len(ending)].rstrip("-")
        if lowered in nouns or not first or ("-" not in first and first.rstrip("s") in _GENERIC_STREETS):
            continue
        if "-" not in first and first.endswith("s") and first[:-1] in nouns:
            continue  # "Einkaufsstraße", "Zufahrtsstraße": a noun with a linking s
        found.append(Mention(token.start, token.end, word, "LOC", source="rule"))
    return found


def _outside_bylines(article: Article, mentions: Iterable[Mention]) -> list[Mention]:
    bylines = [(p.start, p.end) for p in article.paragraphs if p.kind == "byline"]
    return [m for m in mentions if not any(start <= m.start < end for start, end in bylines)]


def add_person_names(article: Article, mentions: Sequence[Mention], gazetteer: Any) -> list[Mention]:
    """The person rules, in order: full names, names after roles, lone first names (not in bylines)."""
    mentions = add_full_names(article, mentions, _outside_bylines(article, full_name_mentions(article, gazetteer)))
    mentions = add_full_names(article, mentions, _outside_bylines(article, role_name_mentions(article, gazetteer)))
    mentions = relabel_first_names(article, mentions, gazetteer)
    mentions = add_missing(mentions, _outside_bylines(article, lone_first_names(article, gazetteer)))
    return add_missing(mentions, _outside_bylines(article, lone_surnames(article, gazetteer)))


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
            mentions = refine_mentions(article, mentions, gazetteer)
            mentions = add_missing(add_missing(mentions, misc_mentions(article)), acronym_mentions(article))
            mentions = add_person_names(article, mentions, gazetteer)
            mentions = add_missing(mentions, _outside_bylines(article, street_mentions(article)))
            mentions = propagate_surnames(article, mentions)
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
    return NerStage(
        model=path,
        use_gazetteer=gazetteer,
        gazetteer_files=files,
        merge=merge,
        batch_size=batch_size,
        rules=rules,
    )
