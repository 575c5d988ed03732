"""Corpora and machine facts for the scale benchmarks (throughput, memory, scaling).

The real articles are the 1,028 of 10kGNAD's test split (`../shared/data/10kgnad/test.csv`,
CC BY-NC-SA: measured here, never copied into the repository). Bigger corpora repeat them
with variations (a dateline and an agency tag) so that no two texts are equal and
ingestion cannot take its duplicate fast path.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chronik.model import Article
from chronik.readers import ReaderOptions, read_path

_CITIES = ("Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Berlin", "München", "Hamburg", "Zürich", "Bern")
_AGENCIES = ("APA", "dpa", "Reuters", "AFP", "SDA", "red")


def shared_dir() -> Path:
    """`$CHRONIK_SHARED`, else `shared/` next to the repository."""
    configured = os.environ.get("CHRONIK_SHARED")
    return Path(configured) if configured else Path(__file__).resolve().parents[1] / ".." / "shared"


def gnad_path() -> Path:
    return shared_dir() / "data" / "10kgnad" / "test.csv"


def read_gnad(*, limit: int | None = None) -> list[Article]:
    """The real articles, read by chronik's own CSV reader."""
    articles = [result for result in read_path(gnad_path(), options=ReaderOptions()) if isinstance(result, Article)]
    return articles[:limit] if limit is not None else articles


def variant_texts(texts: list[str], count: int) -> Iterator[str]:
    """`count` texts: the originals first, then copies with a dateline and an agency tag."""
    for number in range(count):
        text = texts[number % len(texts)]
        copy = number // len(texts)
        if copy == 0:
            yield text
            continue
        city = _CITIES[copy % len(_CITIES)]
        agency = _AGENCIES[(copy // len(_CITIES)) % len(_AGENCIES)]
        yield f"{city} – {text} ({agency}, Meldung {copy})"


def write_jsonl(texts: list[str], count: int, path: Path) -> Path:
    """A JSON Lines corpus of `count` variant articles (streamed to disk)."""
    with path.open("w", encoding="utf-8") as out:
        for number, text in enumerate(variant_texts(texts, count)):
            out.write(json.dumps({"id": f"gnad-{number}", "text": text}, ensure_ascii=False) + "\n")
    return path


def peak_rss_mb(*, children: bool = False) -> float:
    """Peak resident memory of this process (or the largest child) in MiB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def current_rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process now (this one by default), in MiB; 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def child_pids() -> list[int]:
    """Pids of this process's children (worker processes), from /proc."""
    pids: list[int] = []
    for children in Path("/proc/self/task").glob("*/children"):
        try:
            pids += [int(pid) for pid in children.read_text(encoding="ascii").split()]
        except OSError:
            continue
    return pids


def total_rss_mb() -> float:
    """Resident memory of this process plus all its children now, in MiB."""
    return current_rss_mb() + sum(current_rss_mb(pid) for pid in child_pids())


def machine_load() -> str:
    """`uptime`'s load averages: the machine is shared, so every number comes with this."""
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine() -> dict[str, Any]:
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "load": machine_load()}


def words(text: str) -> int:
    return len(text.split())
