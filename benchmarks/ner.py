"""NER P/R/F1 of chronik's tokenizer + ner stages on the GermEval 2014 test split.

Each gold sentence is rebuilt as text (tokens joined by single spaces) and fed through our
own tokenizer and NER stage; 50 sentences make one article, one paragraph each. Scoring is
strict span match (same characters, same label) on the outer level; OTH counts as MISC;
gold `-deriv`/`-part` spans are dropped, and a prediction exactly on such a span is
ignored rather than counted as a false positive. Speed is words per second of the ner
stage alone and of tokenizer + ner, on one process (wall clock, and ner per CPU second,
which is what one free core would give on a shared machine).

Run: `python benchmarks/ner.py [--merge model-first|gazetteer-first|model-only] [--no-gazetteer]
[--no-rules] [--model PATH] [--limit N] [--heldout] [--europarl]`; `--heldout` scores the GermEval dev
fifth that training holds out (for choosing options without touching the test split); `--europarl` scores the
Europarl NER dev split (`europarl-ner-de/dev.tsv`, IOB1, not used in training; its MISC also
covers nationalities, so compare MISC only between runs). The data is located via
CHRONIK_SHARED or ../shared.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from chronik.model import Article
from chronik.nlp import ner, tokenizer

LABELS = ("PER", "ORG", "LOC", "MISC")
Span = tuple[int, int, str]
SENTENCES_PER_ARTICLE = 50


def shared_data() -> Path:
    return Path(os.environ.get("CHRONIK_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared")) / "data"


def germeval_path(split: str) -> Path:
    return shared_data() / "germeval2014" / f"NER-de-{split}.tsv"


def _blocks(path: Path) -> Iterator[list[list[str]]]:
    """The tab-separated cells of each blank-line-separated block of a CoNLL-style file ("#" lines skipped)."""
    block: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if block:
                yield block
            block = []
            continue
        block.append(line.split("\t"))


def read_europarl(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Europarl NER sentences as (word, IOB2 tag) rows; the file is IOB1 (`I-` may open a span)."""
    for block in _blocks(path):
        rows: list[tuple[str, str]] = []
        for cells in block:
            tag, previous = cells[-1], rows[-1][1] if rows else "O"
            if tag.startswith("I-") and previous[2:] != tag[2:]:
                tag = "B-" + tag[2:]
            rows.append((cells[0], tag))
        yield rows


def read_sentences(path: Path) -> Iterator[list[tuple[str, str]]]:
    """GermEval sentences as (word, outer tag) rows."""
    for block in _blocks(path):
        yield [(cells[1], cells[2]) for cells in block]


def gold_spans(rows: list[tuple[str, str]], offset: int) -> tuple[str, set[Span], set[tuple[int, int]]]:
    """Sentence text plus scored gold spans and ignored (-deriv/-part) spans, in article offsets."""
    starts, position = [], offset
    for word, _ in rows:
        starts.append(position)
        position += len(word) + 1
    spans: set[Span] = set()
    ignored: set[tuple[int, int]] = set()
    current: list[int | str] | None = None  # [start, end, raw label]
    for (word, tag), start in zip([*rows, ("", "O")], [*starts, position], strict=True):
        if current is not None and not tag.startswith("I-"):
            _close(current, spans, ignored)
            current = None
        if tag.startswith("B-"):
            current = [start, start + len(word), tag[2:]]
        elif tag.startswith("I-") and current is not None:
            current[1] = start + len(word)
    return " ".join(word for word, _ in rows), spans, ignored


def _close(current: list[int | str], spans: set[Span], ignored: set[tuple[int, int]]) -> None:
    start, end, raw = int(current[0]), int(current[1]), str(current[2])
    if raw.endswith(("deriv", "part")):
        ignored.add((start, end))
    else:
        spans.add((start, end, "MISC" if raw == "OTH" else raw))


def build_articles(
    path: Path, limit: int | None, *, heldout: bool = False, europarl: bool = False
) -> list[tuple[Article, set[Span], set[tuple[int, int]], int]]:
    sentences = list(read_europarl(path) if europarl else read_sentences(path))
    if heldout:  # the dev sentences training/convert.py keeps out of training (every 5th)
        sentences = sentences[::5]
    sentences = sentences[:limit]
    articles = []
    for first in range(0, len(sentences), SENTENCES_PER_ARTICLE):
        texts, gold, ignored, offset, words = [], set(), set(), 0, 0
        for rows in sentences[first : first + SENTENCES_PER_ARTICLE]:
            text, spans, skip = gold_spans(rows, offset)
            texts.append(text)
            gold |= spans
            ignored |= skip
            offset += len(text) + 2
            words += len(rows)
        articles.append((Article(id=f"germeval-{first}", text="\n\n".join(texts)), gold, ignored, words))
    return articles


def f1_row(name: str, tp: int, predicted: int, gold: int) -> str:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{name:6} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (gold {gold}, predicted {predicted})"


def main() -> int:
    parser = argparse.ArgumentParser(description="GermEval 2014 test NER benchmark")
    parser.add_argument("--merge", default="model-first", choices=ner.MERGE_POLICIES)
    parser.add_argument("--no-gazetteer", action="store_true")
    parser.add_argument("--no-rules", action="store_true", help="without the MISC and surname rules")
    parser.add_argument("--model", default=None, help="a spaCy pipeline path or package instead of the bundled model")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument("--heldout", action="store_true", help="score the held-out fifth of GermEval dev instead")
    parser.add_argument("--europarl", action="store_true", help="score the Europarl NER dev split instead")
    args = parser.parse_args()
    path = germeval_path("dev" if args.heldout else "test")
    if args.europarl:
        path = shared_data() / "europarl-ner-de" / "dev.tsv"
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    backend = "spacy" if args.model else "bundled"
    started = time.perf_counter()
    stage = ner.create_stage(
        backend=backend, model=args.model, gazetteer=not args.no_gazetteer, merge=args.merge, rules=not args.no_rules
    )
    tokenize = tokenizer.create_stage()
    load_seconds = time.perf_counter() - started
    tp, predicted, gold_count = Counter[str](), Counter[str](), Counter[str]()
    tokenize_seconds = ner_seconds = ner_cpu_seconds = 0.0
    words = 0
    for article, gold, ignored, article_words in build_articles(
        path, args.limit, heldout=args.heldout, europarl=args.europarl
    ):
        started = time.perf_counter()
        tokenize(article)
        tokenized, cpu_started = time.perf_counter(), time.process_time()
        stage(article)
        tokenize_seconds += tokenized - started
        ner_seconds += time.perf_counter() - tokenized
        ner_cpu_seconds += time.process_time() - cpu_started
        words += article_words
        found = {(m.start, m.end, m.label) for m in article.mentions if (m.start, m.end) not in ignored}
        for span in found & gold:
            tp[span[2]] += 1
        predicted.update(span[2] for span in found)
        gold_count.update(span[2] for span in gold)
    split = "Europarl dev" if args.europarl else "GermEval 2014 dev held-out" if args.heldout else "GermEval 2014 test"
    print(f"{split}: {words} words; backend {backend}, gazetteer {not args.no_gazetteer}, {args.merge}")
    for label in LABELS:
        print(f1_row(label, tp[label], predicted[label], gold_count[label]))
    print(f1_row("micro", sum(tp.values()), sum(predicted.values()), sum(gold_count.values())))
    both = tokenize_seconds + ner_seconds
    print(f"speed: ner {words / ner_seconds:,.0f} words/s; tokenizer+ner {words / both:,.0f} words/s (wall clock)")
    print(f"speed: ner {words / ner_cpu_seconds:,.0f} words per CPU second (one process)")
    print(f"load: {load_seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
