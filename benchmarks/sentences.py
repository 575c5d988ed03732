"""Sentence-boundary P/R/F1 of chronik's splitter on UD German GSD dev + test.

Each file's sentences (text rebuilt from FORM + SpaceAfter) are joined with single spaces
into one paragraph; a boundary is the character offset where a sentence ends. The end of
the text is not counted. Run: `python benchmarks/sentences.py`.
"""

from __future__ import annotations

import sys
import time

from chronik.model import Article
from chronik.nlp.tokenizer import tokenize_article
from ud import read_conllu, ud_paths


def gold_text_and_boundaries(sentences: list[str]) -> tuple[str, set[int]]:
    boundaries: set[int] = set()
    position = 0
    for sentence in sentences:
        position += len(sentence)
        boundaries.add(position)
        position += 1
    text = " ".join(sentences)
    boundaries.discard(len(text))
    return text, boundaries


def predicted_boundaries(text: str) -> set[int]:
    _, sentences = tokenize_article(Article(id="ud", text=text))
    return {sentence.end for sentence in sentences} - {len(text)}


def main() -> int:
    paths = ud_paths()
    if not paths:
        print("skipped: ../shared/data/ud-german-gsd not found")
        return 0
    true_positive = predicted_total = gold_total = words = 0
    started = time.perf_counter()
    for path in paths:
        sentences = [s.text for s in read_conllu(path)]
        text, gold = gold_text_and_boundaries(sentences)
        predicted = predicted_boundaries(text)
        print(f"{path.name}: {len(sentences)} sentences, {len(predicted & gold)}/{len(predicted)} predicted correct")
        true_positive += len(predicted & gold)
        predicted_total += len(predicted)
        gold_total += len(gold)
        words += len(text.split())
        if "-v" in sys.argv:
            for offset in sorted(gold ^ predicted)[:60]:
                kind = "missed" if offset in gold else "extra "
                print(f"  {kind} …{text[max(0, offset - 40) : offset]}|{text[offset : offset + 30]}…")
    elapsed = time.perf_counter() - started
    precision = true_positive / predicted_total if predicted_total else 0.0
    recall = true_positive / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"boundaries: gold {gold_total}, predicted {predicted_total}, correct {true_positive}")
    print(f"precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}  ({words / elapsed:,.0f} words/s incl. load)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
