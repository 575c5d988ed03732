"""Hand-made gold for the quotation fixtures and a small matcher shared by the tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from chronik.model import Article, Quote
from chronik.readers.article import make_article

FIXTURES = Path(__file__).parent / "fixtures"
COMPATIBLE = {"Indirect": {"Indirect", "FreeIndirect"}, "FreeIndirect": {"Indirect", "FreeIndirect"}}


@dataclass
class Fixture:
    name: str
    article: Article
    quotes: list[dict[str, Any]]
    not_quotes: list[str]


def load_fixture(path: Path) -> Fixture:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    article = make_article(record["text"], source=path.name)
    return Fixture(path.stem, article, record.get("quotes", []), record.get("not_quotes", []))


def fixture_paths() -> list[Path]:
    return sorted(FIXTURES.glob("*.yaml"))


def message_parts(expected: dict[str, Any]) -> list[str]:
    message = expected["message"]
    return [message] if isinstance(message, str) else list(message)


def words_of(texts: list[str]) -> set[str]:
    return {word.strip(".,:;«»‹›„“”‚‘'\"") for text in texts for word in text.split()} - {""}


def overlap(expected: dict[str, Any], quote: Quote) -> float:
    gold = words_of(message_parts(expected))
    found = words_of([span.text for span in quote.message])
    return len(gold & found) / max(len(gold), len(found), 1)


def find_match(expected: dict[str, Any], quotes: list[Quote]) -> Quote | None:
    """The predicted quote that best overlaps the expected one (≥ 50 %, compatible type)."""
    allowed = COMPATIBLE.get(expected["type"], {expected["type"]})
    candidates = [q for q in quotes if q.type in allowed and q.partial == bool(expected.get("partial", False))]
    scored = [(overlap(expected, q), q) for q in candidates]
    best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return best[1] if best[0] >= 0.5 else None


def speaker_agrees(expected: dict[str, Any], quote: Quote) -> bool:
    if quote.speaker is None:
        return expected.get("speaker") is None
    wanted = expected.get("speaker") or ""
    return bool(words_of([wanted]) & words_of([quote.speaker.text]))
