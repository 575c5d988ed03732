"""Near-duplicate detection on real news: false links among distinct articles, recall on edited copies.

1. The 1,028 articles of 10kGNAD's test split (distinct articles) are ingested text-only
   into a fresh SQLite store: every near-duplicate link among them is a candidate false
   positive (printed for inspection), and the ingest rate is reported.
2. Edited copies of N random articles are ingested on top; each must link to its original:
   agency/dateline tag added, last sentence replaced (update), one sentence dropped,
   lead rewritten, and a 30 %-truncated version (expected *not* to link at the 0.8 threshold).

Skips when ../shared is absent (CC BY-NC-SA data: measured here, never copied).

    nice -n 10 python benchmarks/dedup_gnad.py --copies 200
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from chronik.model import Article
from chronik.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_corpus import gnad_path, read_gnad

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return _SENTENCE.split(text)


def tagged(text: str, rng: random.Random) -> str:
    return f"{rng.choice(['Wien', 'Graz', 'Berlin'])} (APA) – {text}"


def updated(text: str, rng: random.Random) -> str:
    parts = sentences(text)
    return " ".join([*parts[:-1], "Die Verhandlungen sollen am Montag fortgesetzt werden."])


def dropped(text: str, rng: random.Random) -> str:
    parts = sentences(text)
    if len(parts) > 3:
        del parts[rng.randrange(1, len(parts) - 1)]
    return " ".join(parts)


def new_lead(text: str, rng: random.Random) -> str:
    parts = sentences(text)
    return " ".join(["Eine neue Einleitung fasst die Meldung in einem Satz zusammen.", *parts[1:]])


def truncated(text: str, rng: random.Random) -> str:
    return text[: int(len(text) * 0.7)]


EDITS: dict[str, tuple[Callable[[str, random.Random], str], bool]] = {
    "agency tag": (tagged, True),
    "last sentence updated": (updated, True),
    "one sentence dropped": (dropped, True),
    "lead rewritten": (new_lead, True),
    "truncated to 70 %": (truncated, False),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=200, help="originals edited per edit kind")
    options = parser.parse_args()
    if not gnad_path().exists():
        print("../shared not found: skipped")
        return
    originals = read_gnad()
    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "dedup.db")) as store:
        started = time.perf_counter()
        false_links = []
        for article in originals:
            result = store.add_article(article)
            if result.near_duplicate_of:
                false_links.append((article.id, result.near_duplicate_of, result.similarity))
        rate = len(originals) / (time.perf_counter() - started)
        print(f"10kGNAD test: {len(originals)} articles ingested text-only at {rate:.0f} articles/s")
        print(f"near-duplicate links among distinct articles: {len(false_links)}")
        for article_id, original, similarity in false_links:
            print(f"  {article_id} -> {original} ({similarity:.2f})")
        rng = random.Random(13)
        sample = rng.sample([a for a in originals if len(sentences(a.text)) > 4], options.copies)
        print("\n| edit | expected link | linked to original | rate |\n|---|---|---:|---:|")
        for name, (edit, expected) in EDITS.items():
            linked = 0
            for original in sample:
                copy = Article(id=f"{original.id}~{name}", text=edit(original.text, rng))
                result = store.add_article(copy)
                linked += result.near_duplicate_of == original.id
            print(f"| {name} | {'yes' if expected else 'no'} | {linked}/{len(sample)} | {linked / len(sample):.1%} |")


if __name__ == "__main__":
    main()
