"""Zu-infinitive messages: "kündigte an, den Vertrag zu kündigen", "hat angekündigt ihr Amt niederzulegen".

A zu-infinitive is recognised by its tag (VVIZU, "zu" + infinitive) or by the infix of a separable
verb ("einzubringen"), whatever the tagger made of it. Positions index the sentence's word list.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.draft import Cue
from chronik.quotes.grammar import is_finite, trim_punct
from chronik.quotes.view import Word

_SEPARABLE_PARTICLES = ("ab", "an", "auf", "aus", "bei", "ein", "fest", "frei", "her", "hin", "mit", "nach", "vor",
                        "weg", "zurück", "zusammen", "dar", "fort", "los", "um", "durch", "heraus", "herbei", "hervor",
                        "voran", "vorbei", "weiter", "wieder", "zu", "statt", "teil", "hinzu", "entgegen", "bereit",
                        "stand", "wahr")  # fmt: skip


_GERUNDIVE = ("nde", "nden", "ndes", "nder", "ndem")
_PURPOSE_OPENERS = frozenset({"um", "ohne", "statt", "anstatt"})


def ends_in_zu_infinitive(words: Sequence[Word], segment: tuple[int, int]) -> bool:
    """The segment's last word (before punctuation) is a zu-infinitive: "…, den Plan zu prüfen"; not a
    purpose or manner clause, which is never the content of a speech act ("…, um Hilfe zu bringen")."""
    if words[segment[0]].key in _PURPOSE_OPENERS:
        return False
    end = trim_punct(words, segment[1], segment[0] + 1)
    last = words[end - 1]
    return last.pos == "VVIZU" or (end - segment[0] > 1 and words[end - 2].key == "zu") or _zu_infix(last)


def _zu_infix(word: Word) -> bool:
    """A separable verb's zu-infinitive in one word ("einzubringen", "abzuschliessen"), tagged as a verb or,
    lower-case, as an adjective ("zurückzustellen"; not the gerundive "die abzuschliessenden Verträge")."""
    adjective = word.pos in ("ADJA", "ADJD") and word.text[:1].islower() and not word.key.endswith(_GERUNDIVE)
    if word.pos and not word.pos.startswith("V") and not adjective:
        return False
    return any(
        word.key.startswith(particle + "zu") and word.key.endswith("n") and len(word.key) > len(particle) + 5
        for particle in _SEPARABLE_PARTICLES
    )


def inline_zu_infinitive(words: Sequence[Word], cue: Cue) -> tuple[int, int] | None:
    """A zu-infinitive right after a participle cue, the comma left out: "hat angekündigt ihr Mandat
    niederzulegen" (not after a finite cue, whose object may stand there: "versprach den Kindern …")."""
    last = max(cue.words)
    end = trim_punct(words, cue.segment[1], last + 1)
    rest = words[last + 1 : end]
    participle = words[cue.words[0]].pos in ("VVPP", "ADJD")
    auxiliary = any(is_finite(w) for w in words[cue.segment[0] : cue.words[0]])  # "hat … angekündigt"
    if cue.kind != "verb" or not participle or not auxiliary or len(rest) < 3 or any(is_finite(w) for w in rest):
        return None
    if rest[0].key in ("zu", "und", "oder") or any(w.key == "um" for w in words[cue.segment[0] : cue.words[0]]):
        return None  # "um bestätigt zu werden", "um zu ermitteln und …": the cue is in an infinitive itself
    return (last + 1, end) if ends_in_zu_infinitive(words, (last + 1, end)) else None
