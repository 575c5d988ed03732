"""Build `src/chronik/data/nlp/hanta_forms.tsv.gz`: HanTa's analyses of frequent word forms.

HanTa spends most of its time segmenting a word form the first time it sees it (its word
analysis and its lemma per tag). Both are pure functions of the form, so we run them here
once, offline, over the word forms of openly licensed German text and ship the results;
at run time `chronik.nlp.hanta` looks them up and calls HanTa only for other forms. The
table holds exactly what HanTa returns, so tagging results do not change.

Sources (openly licensed only, see ../shared/data/README.md): Europarl NER (all splits,
word column) and WikiANN-de train. Never 10kGNAD, the quotation corpus, redewiedergabe,
hipe2020 or UD GSD (a benchmark).
Also the lemma of every word in HanTa's own word list for each tag it allows.
Run: `python training/build_hanta_table.py [--min-count 1]` (a few minutes).
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chronik.nlp.hanta import FORMS_FILE, LEMMA_IS_WORD, CachedHanta

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared" / "data"
_SENTENCE_LIMIT = 200


def read_sentences() -> Iterator[list[str]]:
    """Token lists from the Europarl NER (all splits) and WikiANN-de train files."""
    sources = [(SHARED / "europarl-ner-de" / f"{split}.tsv", "") for split in ("train", "dev", "test")]
    sources.append((SHARED / "wikiann-de" / "train.txt", "de:"))
    for path, prefix in sources:
        words: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.split("\t", 1)[0].strip().removeprefix(prefix)
            if word:
                words.append(word)
            if (not word or len(words) >= _SENTENCE_LIMIT) and words:
                yield words
                words = []
        if words:
            yield words


def record(hanta: CachedHanta, sentences: list[list[str]]) -> tuple[dict[str, Any], dict[tuple[str, int], str]]:
    """Run the tagger over the sentences, keeping every HanTa word analysis and lemma it asked for."""
    tagger = hanta._tagger
    forward: dict[str, Any] = {}
    lemmas: dict[tuple[str, int], str] = {}
    analyze_forward, analyze = tagger.analyze_forward, tagger._analyze

    def recording_forward(word: str) -> Any:
        forward[word] = result = analyze_forward(word)
        return result

    def recording_analyze(word: str, tag: int, taglevel: int = 1) -> Any:
        result = analyze(word, tag, taglevel)
        if taglevel == 1:
            lemmas[(word.lower(), tag)] = result[0]
        return result

    tagger.analyze_forward, tagger._analyze = recording_forward, recording_analyze
    for words in sentences:
        hanta.tag(words)
    return forward, lemmas


def shipped_word_lemmas(hanta: CachedHanta, *, skip: dict[tuple[str, int], str]) -> dict[tuple[str, int], str]:
    """Lemmas of the words in HanTa's own word list, per tag it allows (HanTa lower-cases words)."""
    tagger = hanta._tagger
    lemmas: dict[tuple[str, int], str] = {}
    for word, scores in tagger.cache.items():
        if not word.isalpha():
            continue
        for tag, _ in scores:
            name = tagger.int2tag[tag]
            if name in LEMMA_IS_WORD or name == "NE":
                continue
            if (word, tag) not in skip:
                lemmas[(word, tag)] = tagger._analyze(word, tag, 1)[0]
    return lemmas


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--min-count", type=int, default=1, help="keep forms seen at least this often")
    options = parser.parse_args()
    counts = Counter(word for sentence in read_sentences() for word in sentence)
    frequent = [[word for word in sentence if counts[word] >= options.min_count] for sentence in read_sentences()]
    hanta = CachedHanta(analogy=False, forms=False)  # full analyses: the table serves both modes
    forward, lemmas = record(hanta, frequent)
    hanta = CachedHanta(analogy=True, forms=False)
    more_forward, more_lemmas = record(hanta, frequent)
    forward.update(more_forward)
    lemmas.update(more_lemmas)
    lemmas.update(shipped_word_lemmas(hanta, skip=lemmas))
    names = hanta._tagger.int2tag
    target = REPO / "src" / "chronik" / "data" / "nlp" / FORMS_FILE
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=9) as out:
        for word, scores in sorted(forward.items()):
            out.write("F\t" + word + "\t" + " ".join(f"{names[tag]}={float(score)!r}" for tag, score in scores) + "\n")
        for (word, tag), lemma in sorted(lemmas.items()):
            out.write(f"L\t{word}\t{names[tag]}\t{lemma}\n")
    print(f"{len(forward):,} word analyses, {len(lemmas):,} lemmas -> {target} ({target.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
