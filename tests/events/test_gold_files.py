"""Checks on the hand-written gold articles in tests/gold/events/ (format and consistency)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from chronik.events.lexicon import load_event_lexicon

GOLD = Path(__file__).resolve().parents[1] / "gold" / "events"
FILES = sorted(GOLD.glob("*/*.yaml"))
MODALITIES = {"asserted", "negated", "planned", "hypothetical", "desired", "reported"}


def test_gold_set_is_large_enough_with_a_heldout_split() -> None:
    assert len(FILES) >= 40
    assert len(list((GOLD / "heldout").glob("*.yaml"))) >= 15
    styles = {yaml.safe_load(path.read_text("utf-8"))["style"] for path in FILES}
    assert styles == {"DE", "AT", "CH"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_gold_file_is_consistent(path: Path) -> None:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    types = set(load_event_lexicon().types)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(gold["date"]))
    text = gold["text"]
    for item in [*(gold.get("events") or []), *(gold.get("not_events") or [])]:
        assert item["type"] in types
        assert re.search(rf"(?<!\w){re.escape(item['trigger'])}(?!\w)", text), item
    for item in gold.get("events") or []:
        assert item.get("modality", "asserted") in MODALITIES
        for code in [*(item.get("actors") or []), *(item.get("targets") or [])]:
            assert re.fullmatch(r"[A-Z0-9]{2,5}(?:/[A-Z]{3})*", str(code)), code
    for item in gold.get("times") or []:
        assert item["text"] in text
