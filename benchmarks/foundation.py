"""Timings of the foundation: readers, structure detection and ingest (no NLP stages).

    python benchmarks/foundation.py            # synthetic inputs only
    CHRONIK_SHARED=../shared python benchmarks/foundation.py   # also 10kGNAD

Prints one line per measurement; nothing here is a pass/fail test.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from chronik.ingest import ingest
from chronik.pipeline import build_pipeline
from chronik.readers import read_path
from chronik.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _shared() -> Path:
    return Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared"))


def _timed(label: str, work: Callable[[], int], *, size: int | None = None) -> None:
    started = time.perf_counter()
    count = work()
    seconds = time.perf_counter() - started
    rate = f"{count / seconds:,.0f} articles/s" if seconds else "-"
    mb = f", {size / seconds / 1e6:,.1f} MB/s" if size and seconds else ""
    print(f"{label}: {count:,} articles in {seconds:.2f} s ({rate}{mb})")


def _synthetic_jsonl(path: Path, *, copies: int) -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as stream:
        for number in range(copies):
            for text in texts:
                stream.write(json.dumps({"id": f"s-{number}-{len(text)}", "text": f"{text}\n\n({number})"}) + "\n")
    return copies * len(texts)


def _read_all(path: Path) -> int:
    return sum(1 for _ in read_path(path))


def _ingest(path: Path, db: Path) -> int:
    with open_store(str(db)) as store:
        return ingest([path], store, build_pipeline([])).seen


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        jsonl = Path(folder) / "synthetic.jsonl"
        _synthetic_jsonl(jsonl, copies=2500)
        _timed("read jsonl (news-format texts, 10,000 lines)", lambda: _read_all(jsonl), size=jsonl.stat().st_size)
        gnad = _shared() / "data" / "10kgnad" / "test.csv"
        if gnad.exists():
            _timed("read 10kGNAD test.csv", lambda: _read_all(gnad), size=gnad.stat().st_size)
            db = Path(folder) / "bench.db"
            for run in ("first", "second (all duplicates)"):
                _timed(f"ingest 10kGNAD --stages none, {run}", lambda: _ingest(gnad, db))
        else:
            print("10kGNAD not found (set CHRONIK_SHARED); skipped")


if __name__ == "__main__":
    main()
