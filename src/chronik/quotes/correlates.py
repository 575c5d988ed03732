"""Verbs that report only through a correlate before their content clause.

"Die Parteien einigten sich darauf, dass …", "Die Gewerkschaft drohte damit, den Vertrag zu kündigen":
`einigen` or `drohen` alone report nothing ("Dem Verein droht der Abstieg", "Man einigte sich
schnell"), so they are cues only where the correlate ends their clause and a dass/ob clause or a
zu-infinitive follows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.grammar import trim_punct
from chronik.quotes.view import Word

# Lemma (as in speech_verbs.tsv) → the correlates that must end its clause.
CORRELATE_VERBS: dict[str, frozenset[str]] = {
    "drohen": frozenset({"damit"}),
    "einigen": frozenset({"darauf"}),
    "verständigen": frozenset({"darauf"}),
    "beharren": frozenset({"darauf"}),
    "pochen": frozenset({"darauf"}),
    "bestehen": frozenset({"darauf"}),
    "nachdenken": frozenset({"darüber"}),
}


def needs_correlate(lemma: str) -> bool:
    return lemma in CORRELATE_VERBS


def correlate_ends_clause(words: Sequence[Word], lemma: str, segment: tuple[int, int]) -> bool:
    """The cue's clause ends in its correlate right before the comma, or in its correlate and the verb
    bracket: "… einigten sich darauf, dass", "konnten sich darauf einigen, …", "denken darüber nach, …"."""
    end = trim_punct(words, segment[1], segment[0])
    while end > segment[0] + 1 and words[end - 1].pos.startswith(("VV", "VA", "VM", "PTKVZ")):
        end -= 1
    return end > segment[0] and words[end - 1].key in CORRELATE_VERBS.get(lemma, frozenset())
