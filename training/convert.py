"""Convert the openly licensed NER corpora in shared/data into spaCy DocBin files.

Output (git-ignored): training/corpus/train.spacy and training/corpus/dev.spacy.
Labels are mapped to PER / ORG / LOC / MISC. Corpora without a MISC type (WikiANN,
SmartData, HIPE sonar) can mark capitalised non-initial "O" tokens as *missing* instead of
"O" (`--misc-unknown`), so that they do not teach the model that every unannotated
product or event name is not an entity.

Never reads the GermEval 2014 test split (the benchmark) nor NonCommercial corpora.

    python training/convert.py [--shared PATH] [--out training/corpus] [--misc-unknown]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

Sentence = tuple[list[str], list[bool], list[str | None]]  # words, spaces, IOB2 tags (None = missing)

REPO = Path(__file__).resolve().parents[1]
LABELS = {"PER", "ORG", "LOC", "MISC"}


def shared_root(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("CHRONIK_SHARED", REPO / ".." / "shared"))


def iob2(tags: list[str]) -> list[str]:
    """Turn IOB1 or partly broken IOB2 tags into clean IOB2 (an I- after O/other type starts a span)."""
    fixed: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and (previous == "O" or previous[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def map_label(tag: str, mapping: dict[str, str]) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, label = tag.partition("-")
    target = mapping.get(label)
    return f"{prefix}-{target}" if target else "O"


def mark_misc_unknown(words: list[str], tags: list[str]) -> list[str | None]:
    """Capitalised non-initial O tokens become missing: they may be unannotated MISC names."""
    marked: list[str | None] = []
    for index, (word, tag) in enumerate(zip(words, tags, strict=True)):
        unknown = tag == "O" and index > 0 and word[:1].isupper() and not word.isupper()
        marked.append(None if unknown else tag)
    return marked


def read_columns(path: Path, *, word_col: int, tag_col: int, strip: str = "") -> Iterator[list[tuple[str, str]]]:
    rows: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                yield rows
            rows = []
            continue
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        word = cells[word_col].removeprefix(strip) if strip else cells[word_col]
        rows.append((word, cells[tag_col]))
    if rows:
        yield rows


def germeval(path: Path) -> Iterator[Sentence]:
    mapping = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}  # -deriv / -part become O
    for rows in read_columns(path, word_col=1, tag_col=2):
        words = [w for w, _ in rows]
        tags = iob2([map_label(t, mapping) for _, t in rows])
        yield words, [True] * len(words), list(tags)


def europarl(path: Path) -> Iterator[Sentence]:
    mapping = {label: label for label in LABELS}
    for rows in read_columns(path, word_col=0, tag_col=4):
        words = [w for w, _ in rows]
        tags = iob2([map_label(t, mapping) for _, t in rows])
        yield words, [True] * len(words), list(tags)


def wikiann(path: Path, *, misc_unknown: bool) -> Iterator[Sentence]:
    mapping = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
    for rows in read_columns(path, word_col=0, tag_col=1, strip="de:"):
        words = [w for w, _ in rows]
        tags = iob2([map_label(t, mapping) for _, t in rows])
        yield words, [True] * len(words), mark_misc_unknown(words, tags) if misc_unknown else list(tags)


HIPE_MAP = {"PER": "PER", "pers": "PER", "LOC": "LOC", "loc": "LOC", "ORG": "ORG", "org": "ORG"}
HIPE_MAP |= {"HumanProd": "MISC", "prod": "MISC"}


def hipe(path: Path, *, misc_unknown: bool) -> Iterator[Sentence]:
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    has_misc = "newseye" in path.name
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("TOKEN\t"):
            continue
        cells = line.split("\t")
        words.append(cells[0].replace("ſ", "s").replace("¬", "") or "-")
        spaces.append("NoSpaceAfter" not in cells[-1])
        tags.append(map_label(cells[1], HIPE_MAP))
        if "EndOfSentence" in cells[-1] or len(words) >= 120:
            fixed = iob2(tags)
            yield words, spaces, mark_misc_unknown(words, fixed) if misc_unknown and not has_misc else list(fixed)
            words, spaces, tags = [], [], []
    if words:
        yield words, spaces, list(iob2(tags))


SMARTDATA_MAP = {"person": "PER", "organization": "ORG", "organization-company": "ORG", "org": "ORG"}
SMARTDATA_MAP |= {"location": "LOC", "location-city": "LOC", "location-street": "LOC", "location-stop": "LOC"}
SMARTDATA_MAP |= {"location-route": "LOC"}


def smartdata_label(kind: str) -> str | None:
    return SMARTDATA_MAP.get(kind.lower().replace("_", "-"))


def json_stream(path: Path) -> Iterator[dict[str, object]]:
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    decoder = json.JSONDecoder()
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return
        document, position = decoder.raw_decode(text, position)
        yield document


def unwrap(value: object) -> object:
    if isinstance(value, dict) and len(value) == 1:
        key = next(iter(value))
        if key in {"string", "array", "map", "int", "long"}:
            return value[key]
    return value


def smartdata_v1(path: Path, *, skip_ids: set[str], misc_unknown: bool) -> Iterator[Sentence]:
    """v1 documents carry text and character-offset concept mentions; we tokenise with spaCy."""
    nlp = spacy.blank("de")
    for document in json_stream(path):
        if document["id"] in skip_ids:
            continue
        text = str(unwrap(document["text"]))
        spans = []
        for mention in unwrap(document.get("conceptMentions")) or []:  # type: ignore[union-attr]
            label = smartdata_label(str(unwrap(mention["type"])))
            if label:
                spans.append((int(mention["span"]["start"]), int(mention["span"]["end"]), label))
        yield from _split_paragraphs(nlp, text, spans, misc_unknown=misc_unknown)


def _split_paragraphs(
    nlp: spacy.language.Language, text: str, spans: list[tuple[int, int, str]], *, misc_unknown: bool
) -> Iterator[Sentence]:
    offset = 0
    for paragraph in text.split("\n"):
        start, end = offset, offset + len(paragraph)
        offset = end + 1
        if not paragraph.strip():
            continue
        doc = nlp.make_doc(paragraph)
        tags = ["O"] * len(doc)
        for s, e, label in spans:
            if s >= start and e <= end:
                span = doc.char_span(s - start, e - start, alignment_mode="expand")
                if span is None or any(t != "O" for t in tags[span.start : span.end]):
                    continue
                tags[span.start] = "B-" + label
                for i in range(span.start + 1, span.end):
                    tags[i] = "I-" + label
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        keep = [i for i, w in enumerate(words) if w.strip()]
        words, spaces, tags = [words[i] for i in keep], [spaces[i] for i in keep], [tags[i] for i in keep]
        if words:
            yield words, spaces, mark_misc_unknown(words, tags) if misc_unknown else list(tags)


def smartdata_v3(path: Path, *, misc_unknown: bool) -> Iterator[Sentence]:
    nlp = spacy.blank("de")
    for document in json_stream(path):
        text = str(unwrap(document["text"]))
        spans = []
        for mention in unwrap(document.get("conceptMentions")) or []:  # type: ignore[union-attr]
            label = smartdata_label(str(unwrap(mention["type"])))
            if label:
                spans.append((int(mention["span"]["start"]), int(mention["span"]["end"]), label))
        yield from _split_paragraphs(nlp, text, spans, misc_unknown=misc_unknown)


def valid_tags(tags: list[str | None]) -> list[str | None]:
    """An I- tag that does not continue a span of its type (after O, missing or another type) starts one."""
    fixed: list[str | None] = []
    previous: str | None = "O"
    for tag in tags:
        if tag is not None and tag.startswith("I-") and (previous is None or previous[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def to_doc(vocab: spacy.vocab.Vocab, sentence: Sentence) -> Doc:
    words, spaces, tags = sentence
    doc = Doc(vocab, words=words, spaces=spaces, ents=valid_tags(tags))
    _ = doc.ents  # raises on an invalid IOB sequence, here rather than mid-training
    return doc


def smartdata_all(data: Path, *, misc_unknown: bool) -> list[Sentence]:
    """SmartData v3 dev/test (corrected) plus the v1 documents that v3 does not cover."""
    v3_paths = [data / "dfki-smartdata/v3_20200302" / f"{part}.json.gz" for part in ("dev", "test")]
    v3_ids = {str(document["id"]) for path in v3_paths for document in json_stream(path)}
    sentences: list[Sentence] = []
    for part in ("train", "test"):
        path = data / "dfki-smartdata/v1_20180119" / f"{part}.json.gz"
        sentences.extend(smartdata_v1(path, skip_ids=v3_ids, misc_unknown=misc_unknown))
    for path in v3_paths:
        sentences.extend(smartdata_v3(path, misc_unknown=misc_unknown))
    return sentences


def hipe_all(data: Path, *, misc_unknown: bool) -> list[Sentence]:
    """The CC BY parts of HIPE-2022 German (newseye, sonar); the NC hipe2020 part is skipped."""
    paths = sorted((data / "hipe2022-de").glob("HIPE-2022-v2.1-*-de.tsv"))
    return [s for path in paths if "hipe2020" not in path.name for s in hipe(path, misc_unknown=misc_unknown)]


def collect(shared: Path, *, misc_unknown: bool) -> dict[str, list[Sentence]]:
    """All training corpora by name; names ending in "heldout" are for model selection only."""
    data = shared / "data"
    germeval_dev = list(germeval(data / "germeval2014" / "NER-de-dev.tsv"))
    wikiann_paths = [data / "wikiann-de" / f"{part}.txt" for part in ("train", "dev", "test")]
    return {
        "germeval_dev_train": [s for i, s in enumerate(germeval_dev) if i % 5 != 0],
        "germeval_dev_heldout": [s for i, s in enumerate(germeval_dev) if i % 5 == 0],
        "europarl_train": [*europarl(data / "europarl-ner-de/train.tsv"), *europarl(data / "europarl-ner-de/test.tsv")],
        "europarl_heldout": list(europarl(data / "europarl-ner-de/dev.tsv")),
        "wikiann": [s for path in wikiann_paths for s in wikiann(path, misc_unknown=misc_unknown)],
        "smartdata": smartdata_all(data, misc_unknown=misc_unknown),
        "hipe_ccby": hipe_all(data, misc_unknown=misc_unknown),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=None)
    parser.add_argument("--out", default=str(REPO / "training" / "corpus"))
    parser.add_argument("--misc-unknown", action="store_true")
    parser.add_argument("--germeval-weight", type=int, default=2, help="repeat the in-domain GermEval dev part")
    args = parser.parse_args()
    corpora = collect(shared_root(args.shared), misc_unknown=args.misc_unknown)
    vocab = spacy.blank("de").vocab
    train, dev = DocBin(), DocBin()
    train_sentences: list[Sentence] = []
    for name, sentences in corpora.items():
        words = sum(len(s[0]) for s in sentences)
        print(f"{name:22} {len(sentences):6} sentences {words:8} words")
        if name.endswith("heldout"):
            for sentence in sentences:
                dev.add(to_doc(vocab, sentence))
        else:
            repeat = args.germeval_weight if name.startswith("germeval") else 1
            train_sentences.extend(sentences * repeat)
    random.Random(13).shuffle(train_sentences)
    for sentence in train_sentences:
        train.add(to_doc(vocab, sentence))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    train.to_disk(out / "train.spacy")
    dev.to_disk(out / "dev.spacy")
    print(f"train: {len(train)} docs, dev: {len(dev)} docs -> {out}")


if __name__ == "__main__":
    main()
