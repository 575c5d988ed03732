"""Load test: hold the query API at a fixed request rate on loopback and report latencies.

Starts `chronik serve` (uvicorn, one process) over a SQLite store filled with
generated articles, then an asyncio httpx client sends GET requests to the query
endpoints at `--rate` requests per second for `--seconds`, open-loop (a slow answer does
not slow the sender down). Prints the achieved rate, errors and p50/p95/p99 latency.

    python benchmarks/load.py --rate 50 --seconds 60
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.robustness.test_crash_safety import write_articles

from chronik.ingest import ingest
from chronik.pipeline import build_pipeline
from chronik.store import open_store

PATHS = [
    "/api/stats",
    "/api/articles?q=Ministerin&limit=10",
    "/api/articles?q=Bern&limit=20&offset=20",
    "/api/quotes?limit=20",
    "/api/events?type=CONSULT&limit=20",
    "/api/events?place=Bern&from=2025-03&to=2025-03-31",
    "/api/entities?name=Bern",
    "/api/timeline?granularity=week",
    "/api/network?limit=50",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prepare_store(directory: Path, articles: int) -> str:
    source = directory / "articles.jsonl"
    write_articles(source, count=articles)
    db = str(directory / "load.db")
    with open_store(db) as store:
        ingest([source], store, build_pipeline(["times", "places", "events"]))
    return db


def _serve(db: str, port: int) -> subprocess.Popen[bytes]:
    """`chronik serve` in its own process, so the client does not share its interpreter."""
    command = [sys.executable, "-c", "from chronik.cli import main; main()", "serve", "--db", db, "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("chronik serve did not start")


async def _drive(base: str, *, rate: float, seconds: float) -> tuple[list[float], int, int]:
    latencies: list[float] = []
    errors = 0
    sent = 0
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as client:

        async def one(path: str) -> None:
            nonlocal errors
            started = time.perf_counter()
            try:
                response = await client.get(path)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - started)
            errors += 0 if ok else 1

        tasks = []
        start = time.perf_counter()
        while (now := time.perf_counter() - start) < seconds:
            due = int(now * rate) + 1
            while sent < due:
                tasks.append(asyncio.create_task(one(PATHS[sent % len(PATHS)])))
                sent += 1
            await asyncio.sleep(1 / rate / 2)
        await asyncio.gather(*tasks)
    return latencies, errors, sent


def _percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=50.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        db = _prepare_store(Path(directory), args.articles)
        print(f"store ready: {args.articles} articles; driving {args.rate}/s for {args.seconds} s", file=sys.stderr)
        port = _free_port()
        server = _serve(db, port)
        started = time.perf_counter()
        latencies, errors, sent = asyncio.run(_drive(f"http://127.0.0.1:{port}", rate=args.rate, seconds=args.seconds))
        elapsed = time.perf_counter() - started
        server.terminate()
        server.wait()
    result = {
        "target_rate": args.rate,
        "achieved_rate": round(sent / elapsed, 1),
        "requests": sent,
        "errors": errors,
        "seconds": round(elapsed, 1),
        "p50_ms": round(_percentile(latencies, 50) * 1000, 1),
        "p95_ms": round(_percentile(latencies, 95) * 1000, 1),
        "p99_ms": round(_percentile(latencies, 99) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
