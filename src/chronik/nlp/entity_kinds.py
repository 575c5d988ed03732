"""A kind for organisations and places the gazetteer does not know, from the name's ending.

"Finanzministerium" → government, "Deutsche Bank AG" → company, "Tages-Anzeiger" stays
unknown. The endings live in `chronik/data/nlp/kinds.tsv` (ending <TAB> label <TAB> kind).
"""

from __future__ import annotations

from functools import cache

from chronik.nlp import lexicon


@cache
def _endings() -> tuple[tuple[str, str, str], ...]:
    rows = lexicon.read_table("kinds.tsv", columns=3)
    ordered = sorted(rows, key=lambda row: -len(row[0]))
    return tuple((lexicon.normalise_swiss(ending.lower()), label, kind) for ending, label, kind in ordered)


def guess_kind(name: str, label: str) -> str | None:
    """The kind one of a name's words suggests for an entity with `label`, if any."""
    words = [lexicon.normalise_swiss(word.lower()) for word in name.split()]
    for ending, row_label, kind in _endings():
        if row_label != label:
            continue
        whole_word = ending.startswith(" ")
        if any(word == ending.strip() if whole_word else word.endswith(ending) for word in words):
            return kind
    return None
