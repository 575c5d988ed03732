"""The bundled NER model through spaCy against chronik's numpy path: same entities, CPU time.

Runs the model over the sentences of the first N 10kGNAD test articles (one Doc per
sentence, as `chronik.nlp.ner` does), once through spaCy (`nlp.pipe`: thinc's tok2vec
layers, spaCy's compiled greedy parser) and once through `chronik.nlp.ner_decoder`
(the encoder of `chronik.nlp.tok2vec_numpy` and the numpy decoder), both on numpy's BLAS
capped at one thread, alternating per article so the machine's drift hits both alike.
Prints the CPU seconds of each, tokens/s, and how many articles' entities differ
(expected: 0). Also times the encoder alone against spaCy's tok2vec and checks its vectors
are the same numbers.

Run: `python benchmarks/ner_decoder.py [--limit 1028]`.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from chronik.nlp import ner
from chronik.nlp.blas import limited_blas_threads
from chronik.nlp.ner_decoder import NumpyNer
from chronik.nlp.tok2vec_numpy import NumpyTok2Vec
from chronik.pipeline import build_pipeline
from scale_corpus import gnad_path, read_gnad


def _sentence_docs(limit: int, nlp: Any) -> list[list[Any]]:
    from spacy.tokens import Doc

    tokenize = build_pipeline(["tokenizer"])
    batches = []
    for article in read_gnad(limit=limit):
        article = tokenize(article)
        batches.append(
            [
                Doc(
                    nlp.vocab,
                    words=[t.text for t in article.tokens[a:b]],
                    spaces=[t.space_after for t in article.tokens[a:b]],
                )
                for a, b in ner.sentence_ranges(article)
            ]
        )
    return batches


def main() -> int:
    import numpy

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=300, help="only the first N articles")
    options = parser.parse_args()
    if not gnad_path().is_file():
        print(f"skipped: {gnad_path()} not found")
        return 0
    nlp = ner.load_spacy_pipeline(str(ner.MODEL_DIR))
    decoder = NumpyNer.of(nlp)
    encoder = NumpyTok2Vec.of(nlp.get_pipe("tok2vec"))
    if decoder is None or encoder is None:
        print("the bundled model does not have the shape the numpy path handles", file=sys.stderr)
        return 1
    batches = _sentence_docs(options.limit, nlp)
    tokens = sum(len(doc) for docs in batches for doc in docs)
    seconds = {"spacy": 0.0, "numpy": 0.0, "spacy tok2vec": 0.0, "numpy encoder": 0.0}
    differing = vector_mismatches = entities = 0
    with limited_blas_threads():
        for docs in batches:
            started = time.process_time()
            expected = [[(e.label_, e.start, e.end) for e in doc.ents] for doc in nlp.pipe(docs)]
            seconds["spacy"] += time.process_time() - started
            started = time.process_time()
            found = decoder.entities(docs)
            seconds["numpy"] += time.process_time() - started
            entities += sum(map(len, expected))
            differing += found != expected
            started = time.process_time()
            reference = nlp.get_pipe("tok2vec").predict(docs)
            seconds["spacy tok2vec"] += time.process_time() - started
            started = time.process_time()
            vectors = encoder(docs)
            seconds["numpy encoder"] += time.process_time() - started
            vector_mismatches += not all(numpy.array_equal(a, b) for a, b in zip(vectors, reference, strict=True))
    print(f"{len(batches)} articles, {tokens:,} tokens, {entities:,} entities (spaCy)")
    for name, value in seconds.items():
        print(f"  {name:14s} {value:7.2f} s CPU  {tokens / value:10,.0f} tokens/s")
    print(f"NER model: numpy / spaCy CPU time {seconds['numpy'] / seconds['spacy']:.3f}")
    print(f"articles whose entities differ: {differing}; whose token vectors differ: {vector_mismatches}")
    return 0 if differing == 0 and vector_mismatches == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
