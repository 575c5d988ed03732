"""Latency of every query endpoint of the REST API (p50/p95/p99), on two stores.

1. **real**: the 1,028 articles of 10kGNAD's test split plus the sample article, ingested
   with the full pipeline (skipped when ../shared is absent).
2. **synthetic**: about 1 M events written through the store's own `add_article`
   (articles of 50 generated events each, with quotations and entities), so every
   aggregate table and index is filled exactly as ingestion fills it.

Both stores are built once and reused (`--workdir`). Requests go through FastAPI's
TestClient (in-process ASGI, no network), sequentially, with varied parameters.
Target: p95 < 100 ms for every endpoint.

    nice -n 10 python benchmarks/api_latency.py --events 1000000 --requests 200
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from chronik.errors import ChronikError
from chronik.model import Article, Entity, Event, Paragraph, Participant, Place, Quote, Span
from chronik.pipeline import BASE_LAYERS, DEFAULT_STAGES, Pipeline, Stage, build_pipeline, create_stage
from chronik.store import Store, open_store
from chronik.web import create_app

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_corpus import gnad_path, shared_dir

EVENTS_PER_ARTICLE = 50
PEOPLE_PER_ARTICLE = 6
FIRST_NAMES = "Anna Ben Clara David Eva Felix Greta Hans Ida Jonas Karin Lukas Mara Nils Olga Paul Rosa Stefan Tina Uwe"
SURNAMES = "Ab Bren Cor Dal Eg Fal Gran Hol Ing Jor Kel Lam Mor Nor Ost Pel Quen Ros Sal Tor Ul Vor Wen Zel"
SURNAME_ENDS = "er mann berg ner ski ow feld stein hof inger"
CITIES = "Wien Bern Berlin Graz Linz Zürich Basel Genf Hamburg München Köln Bonn Dresden Leipzig Kiew Paris Rom"
VERBS = {
    "MEET": "traf",
    "CONSULT": "beriet sich mit",
    "AGREE": "einigte sich mit",
    "REJECT": "wies zurück",
    "DISAPPROVE": "kritisierte",
    "SUPPORT": "unterstützte",
    "ACCUSE": "beschuldigte",
    "DEMAND": "forderte von",
    "AID": "half",
    "THREATEN": "drohte",
}
MODALITIES = ("asserted", "asserted", "asserted", "negated", "planned", "reported")


def person_names(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    firsts, roots, ends = FIRST_NAMES.split(), SURNAMES.split(), SURNAME_ENDS.split()
    names: set[str] = set()
    while len(names) < count:
        names.add(f"{rng.choice(firsts)} {rng.choice(roots)}{rng.choice(ends)}{rng.choice(['', 'a', 'i', 'o'])}")
    return sorted(names)


class SyntheticArticles:
    """Deterministic articles: every sentence an event "A VERB B in CITY.", every fifth one quoted."""

    def __init__(self, *, people: int = 3000, days: int = 1000, seed: int = 11) -> None:
        self.people = person_names(people)
        self.cities = CITIES.split()
        self.days = days
        self.rng = random.Random(seed)

    def article(self, number: int) -> Article:
        day = time.strftime("%Y-%m-%d", time.gmtime(1_600_000_000 + 86_400 * (number % self.days)))
        builder = _ArticleBuilder(f"syn-{number}", day)
        builder.add(f"Bericht Nummer {number} aus {self.rng.choice(self.cities)}", kind="title")
        cast = self.rng.sample(self.people, PEOPLE_PER_ARTICLE)  # an article is about a handful of actors
        for index in range(EVENTS_PER_ARTICLE):
            actor, target = self.rng.sample(cast, 2)
            event_type = self.rng.choice(list(VERBS))
            builder.event(index, actor, VERBS[event_type], target, self.rng.choice(self.cities[:4]), event_type)
            if index % 5 == 0:
                builder.quote(index, actor, f"Das Treffen Nummer {index} war {self.rng.choice(['gut', 'schwierig'])}")
        return builder.build()


class _ArticleBuilder:
    def __init__(self, article_id: str, day: str) -> None:
        self.article_id, self.day = article_id, day
        self.text = ""
        self.paragraphs: list[Paragraph] = []
        self.entities: dict[str, Entity] = {}
        self.events: list[Event] = []
        self.quotes: list[Quote] = []

    def add(self, sentence: str, *, kind: str = "body") -> int:
        start = len(self.text) + (2 if self.text else 0)
        self.text += ("\n\n" if self.text else "") + sentence
        self.paragraphs.append(Paragraph(start, start + len(sentence), sentence, kind))  # type: ignore[arg-type]
        return start

    def span(self, start: int, text: str) -> Span:
        return Span(start, start + len(text), text)

    def mention(self, name: str, label: str, start: int) -> Participant:
        entity = self.entities.setdefault(name, Entity(f"E{len(self.entities) + 1}", label, name))
        entity.mentions.append(self.span(start, name))
        return Participant(start, start + len(name), name, entity.id, name)

    def event(self, index: int, actor: str, verb: str, target: str, city: str, event_type: str) -> None:
        sentence = f"{actor} {verb} {target} in {city}."
        start = self.add(sentence)
        who = self.mention(actor, "PER", start)
        whom = self.mention(target, "PER", start + len(actor) + len(verb) + 2)
        where = self.mention(city, "LOC", start + len(sentence) - len(city) - 1)
        trigger = self.span(start + len(actor) + 1, verb)
        event = Event(f"V{index + 1}", event_type, trigger, self.span(start, sentence), actors=[who], targets=[whom])
        event.modality = MODALITIES[index % len(MODALITIES)]  # type: ignore[assignment]
        event.place = Place(where.start, where.end, city, city, kind="city")
        self.events.append(event)

    def quote(self, index: int, speaker: str, message: str) -> None:
        sentence = f"«{message}», sagte {speaker}."
        start = self.add(sentence)
        cue_start = start + sentence.index("sagte")
        speaker_start = start + sentence.index(speaker, cue_start - start)
        self.mention(speaker, "PER", speaker_start)
        self.quotes.append(
            Quote(
                f"Q{len(self.quotes) + 1}",
                "Direct",
                [self.span(start + 1, message)],
                cue=self.span(cue_start, "sagte"),
                speaker=self.span(speaker_start, speaker),
                speaker_entity=self.entities[speaker].id,
                speaker_kind="person",
            )
        )

    def build(self) -> Article:
        return Article(
            id=self.article_id,
            text=self.text,
            source="synthetic",
            date=self.day,
            title=self.paragraphs[0].text,
            paragraphs=self.paragraphs,
            entities=list(self.entities.values()),
            quotes=self.quotes,
            events=self.events,
        )


def build_synthetic(path: Path, *, events: int, seed_articles: int) -> Store:
    """A store of about `events` events: `seed_articles` written by `add_article`, then copied by SQL."""
    if path.exists():
        return open_store(str(path))
    seed_path = path.with_suffix(".building")
    for leftover in seed_path.parent.glob(seed_path.name + "*"):
        leftover.unlink()
    store = open_store(str(seed_path))
    generator = SyntheticArticles()
    started = time.perf_counter()
    for number in range(seed_articles):
        generator.rng.seed(number)
        store.add_article(generator.article(number))
        if number % 200 == 199:
            rate = (number + 1) / (time.perf_counter() - started)
            print(
                f"  synthetic seed: {number + 1}/{seed_articles} articles ({rate:.1f}/s)", file=sys.stderr, flush=True
            )
    store.close()
    copies = max(1, round(events / (seed_articles * EVENTS_PER_ARTICLE)))
    started = time.perf_counter()
    replicate(seed_path, copies=copies)
    print(f"  synthetic: {copies} copies by SQL in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    seed_path.rename(path)
    return open_store(str(path))


# Copies of the seed rows: (table, key column, {column: SQL expression}); `{k}` is the copy
# number, `{shift}` the days it is moved by, `{A}`/`{Q}`/`{E}` the highest seed row numbers.
_COPIED: tuple[tuple[str, str, dict[str, str]], ...] = (
    (
        "articles",
        "no",
        {
            "no": "no + {k} * {A}",
            "id": "id || '~{k}'",
            "content_hash": "content_hash || '~{k}'",
            "date": "date(date, '+{shift} days')",
        },
    ),
    ("entities", "article_no", {"article_id": "article_id || '~{k}'", "article_no": "article_no + {k} * {A}"}),
    ("entity_facts", "", {"article_id": "article_id || '~{k}'", "date": "date(date, '+{shift} days')"}),
    (
        "quotes",
        "no",
        {"no": "no + {k} * {Q}", "article_id": "article_id || '~{k}'", "date": "date(date, '+{shift} days')"},
    ),
    (
        "events",
        "no",
        {"no": "no + {k} * {E}", "article_id": "article_id || '~{k}'", "date": "date(date, '+{shift} days')"},
    ),
    ("event_participants", "event_no", {"event_no": "event_no + {k} * {E}", "date": "date(date, '+{shift} days')"}),
)
_AGGREGATES = (
    "DELETE FROM timeline_counts",
    "INSERT INTO timeline_counts SELECT '', date, type, COUNT(*) FROM events"
    " WHERE is_duplicate = 0 AND date IS NOT NULL GROUP BY date, type",
    "INSERT INTO timeline_counts SELECT x.entity_id, e.date, e.type, COUNT(*) FROM events e JOIN"
    " (SELECT event_no, entity_id FROM event_participants WHERE entity_id IS NOT NULL"
    "  UNION SELECT no, place_id FROM events WHERE place_id IS NOT NULL) x ON x.event_no = e.no"
    " WHERE e.is_duplicate = 0 AND e.date IS NOT NULL GROUP BY x.entity_id, e.date, e.type",
    "DELETE FROM network_edges",
    "INSERT INTO network_edges SELECT a.entity_id, t.entity_id, e.type, e.date, COUNT(DISTINCT e.no) FROM events e"
    " JOIN event_participants a ON a.event_no = e.no AND a.role = 'actor' AND a.entity_id IS NOT NULL"
    " JOIN event_participants t ON t.event_no = e.no AND t.role = 'target' AND t.entity_id IS NOT NULL"
    " WHERE e.is_duplicate = 0 AND e.date IS NOT NULL AND a.entity_id <> t.entity_id GROUP BY 1, 2, 3, 4",
    "DELETE FROM network_totals",
    "INSERT INTO network_totals SELECT source_id, target_id, type, SUM(n) FROM network_edges GROUP BY 1, 2, 3",
    "WITH x AS (SELECT corpus_id AS id, article_id FROM entities WHERE corpus_id IS NOT NULL"
    "  UNION SELECT place_id, article_id FROM events WHERE place_id IS NOT NULL),"
    " agg AS (SELECT x.id, COUNT(*) AS n, MIN(a.date) AS f, MAX(a.date) AS l FROM x"
    "  JOIN articles a ON a.id = x.article_id GROUP BY x.id)"
    " UPDATE corpus_entities SET n_articles = agg.n, first_date = agg.f, last_date = agg.l"
    " FROM agg WHERE agg.id = corpus_entities.id",
)


def replicate(path: Path, *, copies: int) -> None:
    """Multiply the seed rows `copies` times (dates shifted), then rebuild the aggregate tables.

    Mirrors what `add_article` writes (rows, full-text rows, timeline and network counts,
    entity article counts); only near-duplicate fingerprints are not copied.
    """
    connection = sqlite3.connect(path, isolation_level=None)
    highest = {
        name: connection.execute(f"SELECT MAX(no) FROM {name}").fetchone()[0] or 0
        for name in ("articles", "quotes", "events")
    }
    sizes = {"A": highest["articles"], "Q": highest["quotes"], "E": highest["events"]}
    connection.execute("BEGIN")
    for k in range(1, copies):
        values = {"k": k, "shift": 3 * k, **sizes}
        for table, key, changed in _COPIED:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            select = ", ".join(changed[c].format(**values) if c in changed else c for c in columns)
            limit = {"no": "{A}", "article_no": "{A}", "event_no": "{E}"}.get(key, "")
            bound = {"quotes": "{Q}", "events": "{E}"}.get(table, limit)
            where = f" WHERE {key} <= {bound.format(**values)}" if key else " WHERE article_id NOT LIKE '%~%'"
            connection.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} FROM {table}{where}")
        for table, size in (("article_search", sizes["A"]), ("quote_search", sizes["Q"])):
            connection.execute(
                f"INSERT INTO {table} (rowid, body) SELECT rowid + {k * size}, body FROM {table} WHERE rowid <= {size}"
            )
    for statement in _AGGREGATES:
        connection.execute(statement)
    connection.execute("COMMIT")
    connection.execute("ANALYZE")
    connection.close()


def build_real(path: Path) -> Store | None:
    """The 10kGNAD test split plus the sample article, analysed by the full pipeline."""
    if not gnad_path().exists():
        print("  real: ../shared not found, skipped", file=sys.stderr)
        return None
    store = open_store(str(path))
    if store.counts().get("articles", 0) == 0:
        from chronik.ingest import ingest

        samples = sorted((shared_dir() / "samples").glob("*.txt"))
        pipeline = available_pipeline()
        print(f"  real: stages {pipeline.names}", file=sys.stderr)
        started = time.perf_counter()
        report = ingest([gnad_path(), *samples], store, pipeline)
        print(f"  real: ingested {report.to_dict()} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return store


def available_pipeline() -> Pipeline:
    """The default pipeline, or as much of it as is installed (stages whose inputs exist)."""
    try:
        return build_pipeline()
    except ChronikError:
        stages: list[Stage] = []
        provided = set(BASE_LAYERS)
        for name in DEFAULT_STAGES:
            try:
                stage = create_stage(name)
            except ChronikError:
                continue
            if set(stage.requires) <= provided:
                stages.append(stage)
                provided.update(stage.provides)
        return Pipeline(stages)


def sample_values(store: Store) -> dict[str, list[str]]:
    """Realistic parameter values taken from the store itself."""
    entities = store.find_entities(label="PER", limit=100).items
    places = store.find_entities(label="LOC", limit=30).items
    articles = store.search_articles("", limit=50).items
    events = store.find_events(limit=200).items
    return {
        "entity_ids": [str(e["id"]) for e in entities] or ["none"],
        "names": [str(e["name"]).split()[-1] for e in entities] or ["Müller"],
        "places": [str(p["name"]) for p in places] or ["Wien"],
        "article_ids": [str(a["id"]) for a in articles] or ["none"],
        "types": sorted({str(e["type"]) for e in events}) or ["MEET"],
        "words": ["Regierung", "Wien", "Krieg", "Bericht", "Treffen", "Präsident", "Wirtschaft", "Polizei"],
        "days": sorted({str(e["date"]) for e in events if e.get("date")}) or ["2025-01-01"],
    }


Request = Callable[[random.Random], str]


def endpoint_requests(values: dict[str, list[str]]) -> dict[str, Request]:
    """One URL generator per endpoint; each call draws fresh parameters."""

    def pick(key: str) -> Callable[[random.Random], str]:
        return lambda rng: rng.choice(values[key])

    def month(rng: random.Random) -> str:
        return rng.choice(values["days"])[:7]

    return {
        "GET /api/articles?q=": lambda r: f"/api/articles?q={pick('words')(r)}",
        "GET /api/articles/{id}": lambda r: f"/api/articles/{pick('article_ids')(r)}",
        "GET /api/quotes?speaker=": lambda r: f"/api/quotes?speaker={pick('names')(r)}",
        "GET /api/quotes?q=&from=&to=": lambda r: f"/api/quotes?q={pick('words')(r)}&from={month(r)}&to={month(r)}",
        "GET /api/events?type=&from=": lambda r: f"/api/events?type={pick('types')(r)}&from={month(r)}",
        "GET /api/events?actor=": lambda r: f"/api/events?actor={pick('entity_ids')(r)}",
        "GET /api/events?place=&modality=": lambda r: f"/api/events?place={pick('places')(r)}&modality=asserted",
        "GET /api/entities?name=": lambda r: f"/api/entities?name={pick('names')(r)[:3]}",
        "GET /api/entities/{id}": lambda r: f"/api/entities/{pick('entity_ids')(r)}",
        "GET /api/timeline?granularity=day": lambda r: "/api/timeline?granularity=day",
        "GET /api/timeline?granularity=week&type=": lambda r: f"/api/timeline?granularity=week&type={pick('types')(r)}",
        "GET /api/timeline?entity=": lambda r: f"/api/timeline?entity={pick('entity_ids')(r)}",
        "GET /api/network": lambda r: "/api/network",
        "GET /api/network?type=&from=&to=": lambda r: f"/api/network?type={pick('types')(r)}&from={month(r)}",
        "GET /api/rejections": lambda r: "/api/rejections",
        "GET /articles/{id} (HTML)": lambda r: f"/articles/{pick('article_ids')(r)}",
        "GET /entities/{id} (HTML)": lambda r: f"/entities/{pick('entity_ids')(r)}",
        "GET /timeline (HTML)": lambda r: "/timeline?granularity=week",
    }


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(client: TestClient, requests: dict[str, Request], *, count: int) -> Iterator[dict[str, Any]]:
    rng = random.Random(3)
    for name, make_url in requests.items():
        for _ in range(3):  # warm caches
            client.get(make_url(rng))
        timings, cpu_times, errors = [], [], 0
        for _ in range(count):
            url = make_url(rng)
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.process_time() - cpu_started) * 1000)
            errors += response.status_code >= 400 and response.status_code != 404
        yield {
            "endpoint": name,
            "n": count,
            "errors": errors,
            "p50_ms": round(statistics.median(timings), 2),
            "p95_ms": round(percentile(timings, 0.95), 2),
            "p99_ms": round(percentile(timings, 0.99), 2),
            "max_ms": round(max(timings), 2),
            "cpu_p50_ms": round(statistics.median(cpu_times), 2),
            "cpu_p95_ms": round(percentile(cpu_times, 0.95), 2),
        }


def report(label: str, store: Store, *, count: int) -> list[dict[str, Any]]:
    counts = store.counts()
    print(
        f"\n## {label}: {counts.get('articles', 0):,} articles, {counts.get('events', 0):,} events, "
        f"{counts.get('quotes', 0):,} quotes\n"
    )
    print("| endpoint | p50 ms | p95 ms | p99 ms | max ms | CPU p50 ms | CPU p95 ms | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    with TestClient(create_app(store.url, store=store)) as client:
        for row in measure(client, endpoint_requests(sample_values(store)), count=count):
            flag = "" if row["p95_ms"] < 100 else " ⚠"
            print(
                f"| {row['endpoint']} | {row['p50_ms']} | {row['p95_ms']}{flag} | {row['p99_ms']} | "
                f"{row['max_ms']} | {row['cpu_p50_ms']} | {row['cpu_p95_ms']} | {row['errors']} |",
                flush=True,
            )
            rows.append({"store": label, **row})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/chronik-bench"))
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the synthetic store")
    parser.add_argument("--seed-articles", type=int, default=1000, help="articles written by add_article")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    options = parser.parse_args()
    options.workdir.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    if not options.skip_real and (real := build_real(options.workdir / "api-real.db")) is not None:
        rows += report("real (10kGNAD test + sample)", real, count=options.requests)
    if not options.skip_synthetic:
        synthetic_path = options.workdir / f"api-synthetic-{options.events}.db"
        synthetic = build_synthetic(synthetic_path, events=options.events, seed_articles=options.seed_articles)
        rows += report(f"synthetic ({options.events:,} events)", synthetic, count=options.requests)
    if options.json:
        options.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
