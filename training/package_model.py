"""Copy a trained spaCy NER pipeline into the package (src/chronik/models/ner-de), slimmed.

The hash-embedding model needs no string table at run time, so `vocab/strings.json` is
cut down to the labels (about 4 MB saved); the meta records the training data and scores.

    python training/package_model.py training/output/<run>/model-best
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "src" / "chronik" / "models" / "ner-de"
DATA_USED = (
    "WikiANN-de (train+dev+test, silver), Europarl NER (train+test; dev held out), "
    "DFKI SmartData v1 train+test and v3 dev+test (person/organization*/location* mapped), "
    "GermEval 2014 dev (4/5; 1/5 held out), HIPE-2022 newseye + sonar (CC BY parts only). "
    "Never the GermEval 2014 test split, never NonCommercial data."
)


def package(source: Path, target: Path) -> None:
    """Write the slimmed pipeline next to `target`, check it loads, then swap it in."""
    nlp = spacy.load(source)
    nlp.meta.update(
        {
            "name": "chronik_ner_de",
            "version": "0.2.0",
            "description": "chronik German NER (PER, ORG, LOC, MISC): spaCy CNN trained from scratch "
            "(one bounded run, then continued from its best checkpoint).",
            "license": "CC BY 4.0 / CC BY-SA data, see docs/ner.md",
            "sources": [{"name": DATA_USED}],
        }
    )
    staging = target.with_name(f".{target.name}.new")
    retired = target.with_name(f".{target.name}.old")
    for path in (staging, retired):
        if path.exists():
            shutil.rmtree(path)
    staging.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(staging)
    labels = sorted(nlp.get_pipe("ner").labels)
    (staging / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")
    check = spacy.load(staging)
    assert sorted(check.get_pipe("ner").labels) == labels
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"packaged {source} -> {target} ({size / 1e6:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--target", type=Path, default=TARGET)
    args = parser.parse_args()
    package(args.source, args.target)


if __name__ == "__main__":
    main()
