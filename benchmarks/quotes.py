"""Score the quotation stage against the German news quotation attribution corpus (train split).

    python benchmarks/quotes.py [--limit N] [--folds K] [--errors PATH]

Each article's text is its title (from the file name) on the first line, a blank line, then
`originalText`; gold offsets are shifted accordingly. Quotations found in the title are not
scored (the gold covers `originalText` only; `--score-title` counts them). The pipeline is
`tokenizer, tagger, ner, entities, quotes`; stages that cannot be imported yet are skipped
(the quotation stage then works on its own fallbacks) and the run says so.

Scores (see docs/quotes.md for the definitions):
- detection P/R/F1: a prediction matches a gold quotation when their token overlap is at
  least 50 % of the larger of the two (one-to-one, best overlap first; among equal overlaps,
  pairs whose speakers overlap first, which matters for quotations the gold annotates twice
  with different speakers), types compatible;
  gold `IndirectFreeIndirect` is compatible with Indirect and FreeIndirect predictions and
  is counted in the row of the prediction it matched (Indirect when unmatched);
- exact-span F1: the token sets are equal;
- speaker accuracy: of matched pairs whose gold has a speaker, the predicted speaker span
  overlaps the gold speaker span;
- cue F1: over quotations with a cue, a cue is right when its quotation is matched and the
  cue spans overlap.
The corpus is CC BY-NC-SA: it is only measured here, nothing is learned from it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronik.model import Article, Quote, Span
from chronik.pipeline import create_stage
from chronik.readers.article import ArticleFields, make_article

STAGES = ("tokenizer", "tagger", "ner", "entities", "quotes")
TYPES = ("Direct", "Indirect", "FreeIndirect", "Reported")
COMPATIBLE = {"IndirectFreeIndirect": {"Indirect", "FreeIndirect"}}
_FILE_NAME = re.compile(r"^\d+ - (?P<title>.*) \((?P<date>\d{4}-\d{2}-\d{2})\)\.pretty\.json$")


def corpus_path() -> Path:
    shared = os.environ.get("CHRONIK_SHARED")
    root = Path(shared) if shared else Path(__file__).resolve().parents[1] / ".." / "shared"
    return root / "data" / "german-news-quotation-attribution" / "train.jsonl"


@dataclass
class Item:
    """A quotation as token-id sets: message, speaker, cue."""

    type: str
    message: frozenset[int]
    speaker: frozenset[int]
    cue: frozenset[int]
    partial: bool = False


@dataclass
class Tally:
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    matched_predicted: Counter[str] = field(default_factory=Counter)
    matched_gold: Counter[str] = field(default_factory=Counter)
    exact: Counter[str] = field(default_factory=Counter)
    speaker_total: Counter[str] = field(default_factory=Counter)
    speaker_right: Counter[str] = field(default_factory=Counter)
    cue_predicted: int = 0
    cue_gold: int = 0
    cue_right: int = 0


def load_records(path: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)


def article_for(record: dict[str, Any]) -> tuple[Article, int]:
    """The article (title line first) and the offset of `originalText` inside its text."""
    match = _FILE_NAME.match(record["fileName"])
    title = match.group("title") if match else ""
    date = match.group("date") if match else None
    prefix = f"{title}\n\n" if title else ""
    fields = ArticleFields(title=title or None, date=date)
    article = make_article(prefix + record["originalText"], source=record["fileName"], fields=fields)
    return article, len(prefix)


def token_ids(tokens: list[tuple[int, int, int]], spans: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(tid for tid, start, end in tokens for s, e in spans if start < e and s < end)


def gold_items(record: dict[str, Any]) -> list[Item]:
    items = []
    for annotation in record["annotations"]:
        items.append(
            Item(
                annotation["type"],
                frozenset(annotation["quote"]["tokenIds"]),
                frozenset(annotation["speaker"]["tokenIds"]),
                frozenset(annotation["cue"]["tokenIds"]),
            )
        )
    return items


def predicted_items(record: dict[str, Any], quotes: list[Quote], offset: int) -> list[Item]:
    tokens = [(t["id"], t["charBegin"] + offset, t["charEnd"] + offset) for t in record["tokens"]]

    def ids(spans: list[Span | None]) -> frozenset[int]:
        return token_ids(tokens, [(s.start, s.end) for s in spans if s is not None])

    return [
        Item(quote.type, ids(list(quote.message)), ids([quote.speaker]), ids([quote.cue]), quote.partial)
        for quote in quotes
    ]


def overlap(first: frozenset[int], second: frozenset[int]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / max(len(first), len(second))


def compatible(predicted: Item, gold: Item, *, typed: bool) -> bool:
    return not typed or predicted.type == gold.type or predicted.type in COMPATIBLE.get(gold.type, set())


def match(predicted: list[Item], gold: list[Item], *, typed: bool) -> list[tuple[int, int]]:
    pairs = [
        (overlap(p.message, g.message), bool(p.speaker & g.speaker), i, j)
        for i, p in enumerate(predicted)
        for j, g in enumerate(gold)
        if compatible(p, g, typed=typed)
    ]
    used_p: set[int] = set()
    used_g: set[int] = set()
    result = []
    for score, _, i, j in sorted(pairs, reverse=True):  # equal overlaps: speakers that agree first
        if score < 0.5 or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        result.append((i, j))
    return result


def row_of(gold: Item, predicted: Item | None) -> str:
    if gold.type in COMPATIBLE:
        return predicted.type if predicted is not None else "Indirect"
    return gold.type


def score_article(tally: Tally, predicted: list[Item], gold: list[Item], *, typed: bool) -> None:
    pairs = match(predicted, gold, typed=typed)
    matched = {j: i for i, j in pairs}
    for item in predicted:
        tally.predicted[item.type] += 1
    for j, item in enumerate(gold):
        row = row_of(item, predicted[matched[j]] if j in matched else None)
        tally.gold[row] += 1
        tally.gold["IFI" if item.type in COMPATIBLE else "_"] += 0
    for i, j in pairs:
        p, g = predicted[i], gold[j]
        row = row_of(g, p) if typed else g.type
        tally.matched_predicted[p.type] += 1
        tally.matched_gold[row] += 1
        tally.exact[row] += int(p.message == g.message)
        if g.speaker:
            tally.speaker_total[row] += 1
            tally.speaker_right[row] += int(bool(p.speaker & g.speaker))
        if p.cue and g.cue and p.cue & g.cue:
            tally.cue_right += 1
    tally.cue_predicted += sum(1 for p in predicted if p.cue)
    tally.cue_gold += sum(1 for g in gold if g.cue)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def report(tally: Tally, title: str) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    lines = [f"== {title}", f"{'type':14}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}{'exactF1':>9}{'speaker':>9}"]
    for name in (*TYPES, "overall"):
        keys = TYPES if name == "overall" else (name,)
        gold = sum(tally.gold[k] for k in keys)
        pred = sum(tally.predicted[k] for k in keys)
        precision = ratio(sum(tally.matched_predicted[k] for k in keys), pred)
        recall = ratio(sum(tally.matched_gold[k] for k in keys), gold)
        exact = sum(tally.exact[k] for k in keys)
        exact_f1 = f1(ratio(exact, pred), ratio(exact, gold))
        speaker = ratio(sum(tally.speaker_right[k] for k in keys), sum(tally.speaker_total[k] for k in keys))
        rows[name] = {"gold": gold, "pred": pred, "P": precision, "R": recall, "F1": f1(precision, recall),
                      "exact_F1": exact_f1, "speaker": speaker}  # fmt: skip
        lines.append(
            f"{name:14}{gold:6d}{pred:6d}{precision:7.3f}{recall:7.3f}{f1(precision, recall):7.3f}"
            f"{exact_f1:9.3f}{speaker:9.3f}"
        )
    cue_p, cue_r = ratio(tally.cue_right, tally.cue_predicted), ratio(tally.cue_right, tally.cue_gold)
    rows["cue"] = {"P": cue_p, "R": cue_r, "F1": f1(cue_p, cue_r)}
    lines.append(f"cue F1 {f1(cue_p, cue_r):.3f} (P {cue_p:.3f}, R {cue_r:.3f})")
    print("\n".join(lines))
    return rows


def build_runner(names: tuple[str, ...] = STAGES) -> tuple[Callable[[Article], Article], list[str], Counter[str]]:
    """Run the available stages in order (timing each); report the ones that cannot be built yet."""
    timings: Counter[str] = Counter()
    stages = []
    missing = []
    for name in names:
        try:
            stages.append(create_stage(name))
        except Exception as exc:  # a stage another engineer has not finished yet
            missing.append(f"{name} ({type(exc).__name__}: {str(exc)[:80]})")

    def run(article: Article) -> Article:
        for stage in stages:
            started = time.perf_counter()
            article = stage(article)
            timings[stage.name] += time.perf_counter() - started
        return article

    return run, missing, timings


def models_fingerprint(stages: tuple[str, ...]) -> str:
    """A key for cached analyses: the stages run and every file (name, size, mtime) under src/chronik/models/."""
    models = Path(__file__).resolve().parents[1] / "src" / "chronik" / "models"
    digest = hashlib.sha1(",".join(stages).encode())
    for file in sorted(models.rglob("*")) if models.is_dir() else []:
        if file.is_file():
            stat = file.stat()
            digest.update(f"{file.relative_to(models)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cached_runner(
    run: Callable[[Article], Article], quotes: Callable[[Article], Article], folder: Path
) -> Callable[[Article, int], Article]:
    """Run the stages before `quotes` once per article and pickle the result to `folder`; then run `quotes`."""
    folder.mkdir(parents=True, exist_ok=True)

    def cached(article: Article, number: int) -> Article:
        path = folder / f"{number:04d}.pkl"
        if path.is_file():
            analysed: Article = pickle.loads(path.read_bytes())
        else:
            analysed = run(article)
            path.write_bytes(pickle.dumps(analysed))
        return quotes(analysed)

    return cached


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--folds", type=int, default=5, help="report each fold (article number modulo K)")
    parser.add_argument("--stages", default=",".join(STAGES), help="comma-separated stages to run (default: all)")
    parser.add_argument("--only-fold", default=None,
                        help="score only the articles of these folds (comma-separated, e.g. 2,3,4)")  # fmt: skip
    parser.add_argument("--errors", type=Path, default=None, help="write predictions and gold per article (JSONL)")
    parser.add_argument("--json", type=Path, default=None, help="write the scores as JSON")
    parser.add_argument("--score-title", action="store_true",
                        help="also score quotations in the prepended title (gold never annotates it)")  # fmt: skip
    parser.add_argument("--cache", type=Path, default=None,
                        help="pickle articles analysed by the stages before `quotes` here and reuse them "
                             "(keyed by the stage list and the files under src/chronik/models/)")  # fmt: skip
    args = parser.parse_args(argv)
    path = corpus_path()
    if not path.is_file():
        print(f"corpus not found at {path}; skipping")
        return 0
    names = tuple(args.stages.split(","))
    if args.cache and names[-1:] == ("quotes",):
        before, missing_before, _ = build_runner(names[:-1])
        quotes, missing, timings = build_runner(("quotes",))
        missing = missing_before + missing
        runner = cached_runner(before, quotes, args.cache / models_fingerprint(names[:-1]))
    else:
        run, missing, timings = build_runner(names)
        runner = lambda article, number: run(article)  # noqa: E731
    for name in missing:
        print(f"stage not available, skipped: {name}")
    only_folds = {int(fold) for fold in args.only_fold.split(",")} if args.only_fold else None
    typed, untyped = Tally(), Tally()
    folds = [Tally() for _ in range(args.folds)]
    errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    started = time.perf_counter()
    count = 0
    for number, record in enumerate(load_records(path, args.limit)):
        if only_folds is not None and number % args.folds not in only_folds:
            continue
        article, offset = article_for(record)
        article = runner(article, number)
        scored = article.quotes if args.score_title else [q for q in article.quotes if q.message[0].start >= offset]
        predicted = predicted_items(record, scored, offset)
        gold = gold_items(record)
        score_article(typed, predicted, gold, typed=True)
        score_article(untyped, predicted, gold, typed=False)
        score_article(folds[number % args.folds], predicted, gold, typed=True)
        count += 1
        if errors:
            errors.write(json.dumps(_error_record(record, article, offset), ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - started
    print(f"{count} articles in {elapsed:.1f} s ({count / elapsed:.1f} articles/s)")
    print("stage time per article: " + ", ".join(f"{n} {1000 * t / max(count, 1):.1f} ms" for n, t in timings.items()))
    scores = {"typed": report(typed, "typed matching (headline)"), "untyped": report(untyped, "untyped matching")}
    for number, fold in enumerate(folds):
        scores[f"fold{number}"] = report(fold, f"fold {number} (articles with number % {args.folds} == {number})")
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2), encoding="utf-8")
    return 0


def _error_record(record: dict[str, Any], article: Article, offset: int) -> dict[str, Any]:
    text = article.text
    return {
        "file": record["fileName"],
        "predicted": [
            {"type": q.type, "partial": q.partial, "message": " // ".join(s.text for s in q.message),
             "speaker": q.speaker.text if q.speaker else None, "cue": q.cue.text if q.cue else None,
             "start": q.message[0].start}
            for q in article.quotes
        ],
        "gold": [
            {"type": a["type"], "message": a["quote"]["text"], "speaker": a["speaker"]["text"], "cue": a["cue"]["text"],
             "start": a["quote"]["spans"][0]["charBegin"] + offset if a["quote"]["spans"] else None}
            for a in record["annotations"]
        ],
        "text": text,
    }  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
