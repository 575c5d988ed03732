"""Finding events in sentences: triggers, then actors/targets, place, time and modality.

`match_triggers` finds candidate events (a trigger word, its type and mode);
`assign_roles` picks actors and targets among the sentence's participant candidates by
their position and preposition ("mit X" is a partner, "gegen X" a target, "in X" a place,
"von X" the agent of a passive); `EventFinder.find` ties them together for an article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from chronik.events.lexicon import EventLexicon, Trigger, fold_word
from chronik.events.participants import WORD, Candidate
from chronik.model import Article

CLAUSE_BREAKS = frozenset(
    {",", ";", ":", "–", "—", "«", "»", "„", "“", "”", '"', "doch", "aber", "sondern", "während", "dass"}
)
LOCATIVE = frozenset({"in", "im", "bei", "auf", "vor", "nahe", "aus"})
AGENT_PREPOSITIONS = frozenset({"von", "vom", "durch", "seitens"})
TARGET_PREPOSITIONS = frozenset({"mit", "gegen", "an", "zu", "zur", "zum", "für", "über", "gegenüber", "nach", "um"})
_COORDINATION = frozenset({"und", "sowie", ",", "&"})


@dataclass(slots=True)
class TriggerHit:
    index: int  # token index in the sentence
    trigger: Trigger


@dataclass(slots=True)
class SentenceView:
    """One sentence as words with offsets, folded words and clause numbers."""

    start: int
    end: int
    words: list[tuple[int, int, str]]
    folded: list[str]
    clauses: list[int]
    lowered: str

    @classmethod
    def build(cls, article: Article, start: int, end: int) -> SentenceView:
        text = article.text[start:end]
        words = [(m.start() + start, m.end() + start, m.group()) for m in WORD.finditer(text)]
        folded = [fold_word(w[2]) for w in words]
        clauses, clause = [], 0
        for word in folded:
            if word in CLAUSE_BREAKS:
                clause += 1
            clauses.append(clause)
        return cls(start, end, words, folded, clauses, fold_word(text))

    def clause_bounds(self, index: int) -> tuple[int, int]:
        """Character range of the clause that holds word `index`."""
        members = [i for i, c in enumerate(self.clauses) if c == self.clauses[index]]
        return self.words[members[0]][0], self.words[members[-1]][1]


def match_triggers(view: SentenceView, lexicon: EventLexicon) -> list[TriggerHit]:
    """Trigger words of a sentence, at most one event per type (the first trigger)."""
    hits: list[TriggerHit] = []
    seen: set[str] = set()
    for index, word in enumerate(view.folded):
        if not word[:1].isalpha():
            continue
        for trigger in lexicon.candidate_triggers(word):
            if trigger.type in seen or not _conditions_hold(trigger, view, index):
                continue
            hits.append(TriggerHit(index, trigger))
            seen.add(trigger.type)
            break
    return hits


def _conditions_hold(trigger: Trigger, view: SentenceView, index: int) -> bool:
    if trigger.requires and not trigger.requires.search(view.lowered):
        return False
    if trigger.excludes and trigger.excludes.search(view.lowered):
        return False
    if trigger.particle:
        clause = view.clauses[index]
        return any(w == trigger.particle and view.clauses[i] == clause for i, w in enumerate(view.folded) if i > index)
    return True


@dataclass(slots=True)
class Roles:
    actors: list[Candidate] = field(default_factory=list)
    targets: list[Candidate] = field(default_factory=list)
    place: Candidate | None = None


def _coordinated(view: SentenceView, first: Candidate, second: Candidate) -> bool:
    between = [w for s, e, w in view.words if first.end <= s and e <= second.start]
    links = [w for w in between if w not in ("(", ")") and not w.isdigit()]  # "Witkoff (68) und Kushner"
    return bool(links) and all(fold_word(w) in _COORDINATION for w in links)


def _with_coordinated(view: SentenceView, chosen: Candidate, people: list[Candidate]) -> list[Candidate]:
    group = [chosen]
    for candidate in people:
        same_role = candidate.preposition in (None, chosen.preposition)
        if candidate.start > group[-1].end and same_role and _coordinated(view, group[-1], candidate):
            group.append(candidate)
    return group


def assign_roles(view: SentenceView, trigger_start: int, candidates: Sequence[Candidate]) -> Roles:
    """Actors, targets and place among the candidates, by position and preposition."""
    roles = Roles()
    people: list[Candidate] = []
    for candidate in candidates:
        if candidate.is_place and candidate.code is None and candidate.preposition not in LOCATIVE:
            continue  # "ein Bild von Europa": a place named, but not where the event happens
        if candidate.is_place and candidate.preposition in LOCATIVE:
            if roles.place is None or abs(candidate.start - trigger_start) < abs(roles.place.start - trigger_start):
                roles.place = candidate
            continue
        if candidate.code is not None:
            people.append(candidate)
    between = [c for c in people if c.preposition == "zwischen"]
    agents = [c for c in people if c.preposition in AGENT_PREPOSITIONS]
    subjects = [c for c in people if c.preposition is None]
    if between:
        roles.actors = _with_coordinated(view, between[0], people)
    elif agents:
        roles.actors = _with_coordinated(view, agents[0], people)
    elif subjects:
        before = [c for c in subjects if c.end <= trigger_start]
        chosen = before[-1] if before else subjects[0]
        while before and chosen is before[-1] and len(before) > 1 and _coordinated(view, before[-2], chosen):
            chosen = before[-2]
            before = before[:-1]
        roles.actors = _with_coordinated(view, chosen, people)
    actor_codes = {c.code for c in roles.actors}
    for candidate in people:
        if candidate in roles.actors or candidate.code in actor_codes:
            continue
        if candidate.preposition in TARGET_PREPOSITIONS or candidate.preposition is None:
            roles.targets = _with_coordinated(view, candidate, people)
            break
    return roles
