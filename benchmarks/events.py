"""Score the events and times stages on our hand-written gold articles (tests/gold/events/).

    python benchmarks/events.py [--split dev|heldout|all] [--stages a,b,c] [--files GLOB] [--errors] [--speed]

Gold format (one YAML file per article; see docs/events.md): `id`, `style`, `date`, `text`,
`events` (type, trigger word, actors/targets as actor-code prefixes, modality, place, date),
`not_events` (type + trigger that must not be found) and `times` (text + ISO value).

Matching: a predicted event matches a gold event when the types are equal and the predicted
event's sentence contains the gold trigger (first occurrence of the word, or `occurrence: n`).
- type P/R/F1 over all predicted events / all gold events;
- type+actor: a matched pair counts when one predicted actor code starts with one gold actor
  code segment by segment ("USA/GOV/DIP" satisfies "USA" and "USA/GOV"); gold events without
  actors need a match only;
- modality, place, date: over matched pairs; precision = right / pairs where the prediction
  has the attribute, recall = right / pairs where the gold has it;
- target: over matched pairs whose gold lists targets (targets are annotated only where the
  text clearly names one); precision = right / those pairs with a predicted target;
- times: of the gold time expressions, the share found with the right ISO value;
- forbidden: predicted events that hit a `not_events` entry.
The "dev" split was used to tune rules; "heldout" was not.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from chronik.model import Article, Event, Paragraph
from chronik.pipeline import Pipeline, create_stage

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "gold" / "events"
DEFAULT_STAGES = ("tokenizer", "tagger", "ner", "entities", "quotes", "times", "places", "events")


@dataclass
class Tally:
    """Counts behind one precision/recall/F1 row."""

    right_p: int = 0
    predicted: int = 0
    right_r: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.right_p += other.right_p
        self.predicted += other.predicted
        self.right_r += other.right_r
        self.gold += other.gold

    def scores(self) -> tuple[float, float, float]:
        precision = self.right_p / self.predicted if self.predicted else 0.0
        recall = self.right_r / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass
class Report:
    rows: dict[str, Tally] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def row(self, name: str) -> Tally:
        return self.rows.setdefault(name, Tally())


def gold_files(split: str, pattern: str = "*.yaml") -> Iterator[Path]:
    splits = ("dev", "heldout") if split == "all" else (split,)
    for name in splits:
        yield from sorted((GOLD_DIR / name).glob(pattern))


def load_gold(path: Path) -> dict[str, Any]:
    gold: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    gold["text"] = gold["text"].rstrip("\n") + "\n"
    gold["date"] = str(gold["date"])
    return gold


def trigger_offset(text: str, word: str, occurrence: int = 1) -> int:
    """Character offset of the n-th whole-word occurrence of `word` in `text`."""
    matches = list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text))
    if len(matches) < occurrence:
        raise ValueError(f"trigger {word!r} not found {occurrence}× in text")
    return matches[occurrence - 1].start()


def make_article(gold: dict[str, Any]) -> Article:
    text = gold["text"]
    paragraphs = [Paragraph(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    return Article(id=gold["id"], text=text, date=gold["date"], paragraphs=paragraphs)


def build_pipeline(names: tuple[str, ...]) -> tuple[Pipeline, list[str]]:
    """The pipeline from `names`, leaving out stages that cannot be built yet."""
    stages, skipped = [], []
    for name in names:
        try:
            stages.append(create_stage(name))
        except Exception as exc:  # a stage written in parallel may not exist yet
            skipped.append(f"{name} ({type(exc).__name__})")
    return Pipeline(stages), skipped


SECTORS = frozenset({"GOV", "MIL", "DIP", "LEG", "JUD", "PTY", "REB", "BUS", "MED", "CIV", "IGO", "NGO", "COP"})


def code_matches(predicted: str | None, gold: str) -> bool:
    """Segment-wise prefix match; a gold code that starts with a sector ("CIV") ignores the country."""
    if not predicted:
        return False
    got, want = predicted.split("/"), str(gold).split("/")
    if want[0] in SECTORS and got[0] not in SECTORS:
        got = got[1:]
    return got[: len(want)] == want


def any_code(participants: list[Any], wanted: list[str]) -> bool:
    return any(code_matches(p.code, w) for p in participants for w in wanted)


def _attribute_tally(report: Report, name: str, has_pred: bool, has_gold: bool, right: bool) -> None:
    tally = report.row(name)
    tally.predicted += has_pred
    tally.gold += has_gold
    tally.right_p += has_pred and right
    tally.right_r += has_gold and right


def _score_pair(report: Report, gold: dict[str, Any], event: Event, article_id: str) -> None:
    actors = [str(a) for a in gold.get("actors") or []]
    actor_ok = not actors or any_code(event.actors, actors)
    report.row("type+actor").right_p += actor_ok
    report.row("type+actor").right_r += actor_ok
    if not actor_ok:
        got = [p.code for p in event.actors]
        report.errors.append(f"{article_id} {gold['type']} {gold['trigger']!r}: actors {got} ≠ {actors}")
    targets = [str(t) for t in gold.get("targets") or []]
    if targets:  # gold names targets only where the text clearly has one: score those pairs only
        target_ok = any_code(event.targets, targets)
        _attribute_tally(report, "target", bool(event.targets), True, target_ok)
        if not target_ok:
            got = [p.code for p in event.targets]
            report.errors.append(f"{article_id} {gold['type']} {gold['trigger']!r}: targets {got} ≠ {targets}")
    modality_ok = event.modality == gold.get("modality", "asserted")
    _attribute_tally(report, "modality", True, True, modality_ok)
    if not modality_ok:
        report.errors.append(f"{article_id} {gold['type']} {gold['trigger']!r}: {event.modality} ≠ {gold['modality']}")
    place = gold.get("place")
    _attribute_tally(
        report,
        "place",
        event.place is not None,
        place is not None,
        event.place is not None and place is not None and event.place.name == place,
    )
    date = str(gold["date"]) if gold.get("date") else None
    value = event.time.value if event.time else None
    _attribute_tally(report, "date", value is not None, date is not None, value is not None and value == date)


def score_article(report: Report, gold: dict[str, Any], article: Article) -> None:
    text = article.text
    events = list(article.events)
    matched: set[int] = set()
    for item in gold.get("events") or []:
        offset = trigger_offset(text, item["trigger"], item.get("occurrence", 1))
        report.row("type").gold += 1
        report.row("type+actor").gold += 1
        pair = next(
            (
                i
                for i, e in enumerate(events)
                if i not in matched and e.type == item["type"] and e.sentence.start <= offset < e.sentence.end
            ),
            None,
        )
        if pair is None:
            report.errors.append(f"{article.id} missed {item['type']} {item['trigger']!r}")
            continue
        matched.add(pair)
        report.row("type").right_r += 1
        _score_pair(report, item, events[pair], article.id)
    for index, event in enumerate(events):
        report.row("type").predicted += 1
        report.row("type+actor").predicted += 1
        if index in matched:
            report.row("type").right_p += 1
        else:
            report.errors.append(f"{article.id} spurious {event.type} {event.trigger.text!r}")
    for item in gold.get("not_events") or []:
        offset = trigger_offset(text, item["trigger"], item.get("occurrence", 1))
        report.row("forbidden").gold += 1
        hit = any(e.type == item["type"] and e.trigger.start <= offset < e.trigger.end for e in events)
        report.row("forbidden").right_r += hit
    for item in gold.get("times") or []:
        offset = trigger_offset(text, item["text"])
        report.row("times").gold += 1
        found = [t for t in article.times if t.start <= offset < t.end]
        report.row("times").predicted += bool(found)
        right = bool(found) and found[0].value == str(item["value"])
        report.row("times").right_p += right
        report.row("times").right_r += right
        if not right:
            report.errors.append(f"{article.id} time {item['text']!r}: {[t.value for t in found]} ≠ {item['value']}")


def run(split: str, names: tuple[str, ...], pattern: str = "*.yaml") -> tuple[Report, list[str], int, float]:
    pipeline, skipped = build_pipeline(names)
    report = Report()
    count, started = 0, time.perf_counter()
    for path in gold_files(split, pattern):
        gold = load_gold(path)
        article = pipeline(make_article(gold))
        score_article(report, gold, article)
        count += 1
    return report, skipped, count, time.perf_counter() - started


def print_report(split: str, report: Report, skipped: list[str], count: int, seconds: float) -> None:
    print(f"split={split} articles={count} seconds={seconds:.2f}" + (f" skipped={skipped}" if skipped else ""))
    print(f"{'row':<12} {'P':>6} {'R':>6} {'F1':>6}   counts")
    for name in ("type", "type+actor", "target", "modality", "place", "date", "times"):
        tally = report.rows.get(name, Tally())
        precision, recall, f1 = tally.scores()
        counts = f"{tally.right_p}/{tally.predicted} {tally.right_r}/{tally.gold}"
        print(f"{name:<12} {precision:6.3f} {recall:6.3f} {f1:6.3f}   {counts}")
    forbidden = report.rows.get("forbidden", Tally())
    print(f"forbidden events found: {forbidden.right_r}/{forbidden.gold}")


def measure_speed(megabytes: float = 2.0) -> None:
    """Gazetteer `find_all` throughput and the times/places/events stages per article."""
    from chronik.gazetteer import load_gazetteer

    texts = [load_gold(path)["text"] for path in gold_files("all")]
    corpus = "\n".join(texts)
    bulk = corpus * max(1, int(megabytes * 1_000_000 / len(corpus)))
    gazetteer = load_gazetteer()
    started, cpu_started = time.perf_counter(), time.process_time()
    found = gazetteer.find_all(bulk)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    size = len(bulk) / 1e6
    print(
        f"gazetteer.find_all: {size:.2f} MB, wall {seconds:.2f} s = {size / seconds:.2f} MB/s, "
        f"cpu {cpu:.2f} s = {size / cpu:.2f} MB/s ({len(found)} matches)"
    )
    pipeline, _ = build_pipeline(("times", "places", "events"))
    articles = [make_article(load_gold(path)) for path in gold_files("all")] * 5
    started = time.perf_counter()
    for article in articles:
        pipeline(article)
    seconds = time.perf_counter() - started
    print(
        f"times+places+events: {len(articles)} articles in {seconds:.2f} s = {len(articles) / seconds:.0f} articles/s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--stages", default=",".join(DEFAULT_STAGES))
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    parser.add_argument("--speed", action="store_true", help="also measure gazetteer and stage speed")
    parser.add_argument("--files", default="*.yaml", help="glob of gold file names within each split")
    args = parser.parse_args(argv)
    if args.speed:
        measure_speed()
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    for split in splits:
        report, skipped, count, seconds = run(split, tuple(args.stages.split(",")), args.files)
        print_report(split, report, skipped, count, seconds)
        if args.errors:
            print("\n".join(report.errors))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
