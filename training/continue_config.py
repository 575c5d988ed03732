"""Write a training config that continues from a trained pipeline (components sourced from it).

Used when a bounded training run was still improving when its time ran out:

    python training/continue_config.py training/output/<run>/model-best training/output/continue.cfg
    python -m spacy train training/output/continue.cfg --output training/output/<run>-2 ...
"""

from __future__ import annotations

import argparse
from pathlib import Path

from spacy.util import load_config

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--learn-rate", type=float, default=0.0005)
    parser.add_argument("--max-steps", type=int, default=0, help="0 keeps ner.cfg's value")
    parser.add_argument("--eval-frequency", type=int, default=0, help="0 keeps ner.cfg's value")
    parser.add_argument("--warmup-steps", type=int, default=0, help=">0: linear warm-up, then linear decay to 0")
    args = parser.parse_args()
    config = load_config(REPO / "training" / "ner.cfg")
    for name in ("tok2vec", "ner"):
        config["components"][name] = {"source": str(args.source.resolve())}
    training = config["training"]
    if args.max_steps:
        training["max_steps"] = args.max_steps
    if args.eval_frequency:
        training["eval_frequency"] = args.eval_frequency
    if args.warmup_steps:
        training["optimizer"]["learn_rate"] = {
            "@schedules": "warmup_linear.v1",
            "warmup_steps": args.warmup_steps,
            "total_steps": training["max_steps"],
            "initial_rate": args.learn_rate,
        }
    else:
        training["optimizer"]["learn_rate"] = args.learn_rate
    training["batcher"]["size"]["start"] = 1000  # the model is past the small-batch warm-up
    args.target.parent.mkdir(parents=True, exist_ok=True)
    config.to_disk(args.target)
    print(f"wrote {args.target}")


if __name__ == "__main__":
    main()
