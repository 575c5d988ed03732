"""Memory per never-seen word: the open vocabulary of a long news stream, simulated.

`benchmarks/memory.py` repeats 1,028 real articles with variations, so after the first
thousand its vocabulary stops growing and the stages' memo tables stay small. A real
stream keeps bringing new names and compounds. This feeds made-up words (random syllable
compounds, never repeated) through the tokenizer and tagger and prints how RSS grows per
1,000 novel words, before and after the memo tables reach their caps.

    python benchmarks/vocab_memory.py [--words 40000] [--stages tokenizer,tagger,ner]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence

from chronik.model import Article
from chronik.pipeline import build_pipeline
from scale_corpus import current_rss_mb

_SYLLABLES = (
    "ber", "gen", "stadt", "lin", "ka", "mo", "ri", "tel", "haus", "wer",
    "schaf", "ter", "ung", "lich", "ver", "ant", "wort", "see", "burg", "feld",
)  # fmt: skip
_WORDS_PER_ARTICLE = 100


def novel_article(rng: random.Random, number: int) -> Article:
    """25 short sentences, four made-up words each (60 % capitalised, as German nouns)."""

    def word() -> str:
        made = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) + str(number % 7)
        return made.capitalize() if rng.random() < 0.6 else made

    sentences = (f"Der {word()} sagte , die {word()} {word()} habe {word()} ." for _ in range(25))
    return Article(id=f"novel-{number}", text=" ".join(sentences))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=40_000, help="novel words to feed")
    parser.add_argument("--stages", default="tokenizer,tagger", help="comma-separated stages")
    args = parser.parse_args(argv)
    pipeline = build_pipeline(args.stages.split(","))
    rng = random.Random(1)
    pipeline(novel_article(rng, 0))
    base, fed, articles = current_rss_mb(), 0, 0
    print(f"stages {args.stages}; RSS after loading {base:.1f} MiB")
    while fed < args.words:
        for _ in range(50):
            articles += 1
            pipeline(novel_article(rng, articles))
            fed += _WORDS_PER_ARTICLE
        print(f"{fed:>9,} novel words  RSS +{current_rss_mb() - base:7.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
