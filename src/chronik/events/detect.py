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
LOCATIVE = frozenset({"in", "im", "bei", "beim", "vor", "nahe"})
AGENT_PREPOSITIONS = frozenset({"von", "vom", "durch", "seitens"})
TARGET_PREPOSITIONS = frozenset({"mit", "gegen", "an", "zu", "zur", "zum", "für", "über", "gegenüber", "nach", "um"})
_COORDINATION = frozenset({"und", "sowie", ",", "&"})
PASSIVE_AUXILIARIES = frozenset({"wurde", "wurden", "worden", "wird", "werden"})
_DEFINITE = frozenset({"der", "die", "das", "den", "dem", "des"})
_ANY_PREPOSITION = frozenset(
    {
        "nach",
        "vor",
        "bei",
        "beim",
        "in",
        "im",
        "an",
        "am",
        "auf",
        "aus",
        "mit",
        "von",
        "vom",
        "zu",
        "zur",
        "zum",
        "über",
        "unter",
        "gegen",
        "für",
        "um",
        "seit",
        "während",
        "wegen",
        "trotz",
        "ohne",
        "durch",
        "zwischen",
    }
)
_OBJECT_PREPOSITIONS = frozenset({"gegen", "über", "zu", "zur", "zum", "für", "um", "auf", "von"})


@dataclass(slots=True)
class TriggerHit:
    index: int  # token index in the sentence
    trigger: Trigger
    object_type: str | None = None  # type of an event word this trigger governs ("verurteilte den Angriff")


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
    """Trigger words of a sentence, at most one event per type (the first trigger).

    A noun trigger after another trigger in the same clause is that event's object, not an
    event of its own: "forderte neue Sanktionen", "verurteilte die Luftangriffe".
    """
    hits: list[TriggerHit] = []
    seen: set[str] = set()
    for index, word in enumerate(view.folded):
        if not word[:1].isalpha():
            continue
        for trigger in lexicon.candidate_triggers(word):
            if trigger.type in seen or not _conditions_hold(trigger, view, index):
                continue
            heads = [h for h in hits if is_noun(view, index) and _governs(view, h.index, index)]
            if heads:
                heads[-1].object_type = heads[-1].object_type or trigger.type
                break
            hits.append(TriggerHit(index, trigger))
            seen.add(trigger.type)
            break
    kept = []
    for hit in hits:
        verb = _later_verb_taking(view, hit, hits)
        if verb is None:
            kept.append(hit)
        elif verb.trigger.type != hit.trigger.type:
            verb.object_type = verb.object_type or hit.trigger.type
    return kept


def _later_verb_taking(view: SentenceView, hit: TriggerHit, hits: list[TriggerHit]) -> TriggerHit | None:
    """The later verb trigger whose object or means the noun trigger is.

    "mit weiteren Sanktionen gedroht" (means), "hat die Zusammenarbeit ausgesetzt" (object, no
    preposition before the noun); "nach der Gesprächsrunde … veröffentlicht" stays two events.
    """
    if not is_noun(view, hit.index):
        return None
    before = view.folded[max(0, hit.index - 3) : hit.index]
    means = "mit" in before
    bare_object = not any(w in _ANY_PREPOSITION for w in before)
    if not (means or bare_object):
        return None
    for other in hits:
        same_clause = view.clauses[other.index] == view.clauses[hit.index]
        if other.index > hit.index and same_clause and not is_noun(view, other.index):
            return other
    return None


def _governs(view: SentenceView, head: int, index: int) -> bool:
    """Whether the earlier trigger at `head` takes the noun at `index` as its object or complement."""
    if view.clauses[head] != view.clauses[index]:
        return False
    if not is_noun(view, head):
        return True  # "forderte neue Sanktionen"
    return any(w in _OBJECT_PREPOSITIONS for w in view.folded[head + 1 : index])  # "Veto gegen Finanzhilfen"


def is_noun(view: SentenceView, index: int) -> bool:
    """A capitalised word that does not start the sentence (German nouns are capitalised)."""
    return index > 0 and view.words[index][2][:1].isupper()


def after_definite_article(view: SentenceView, index: int) -> bool:
    """A noun trigger after a definite article refers back to a known event: "Die (grösste) Kundgebung"."""
    for position in range(index - 1, max(-1, index - 4), -1):
        if view.folded[position] in _DEFINITE:
            return True
        if not view.words[position][2][:1].islower():
            return False
    return False


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
    # "Witkoff (68) und Kushner", "der USA und der Ukraine"
    links = [w for w in between if w not in ("(", ")") and not w.isdigit() and fold_word(w) not in _DEFINITE]
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
    passive = any(w in PASSIVE_AUXILIARIES for w in view.folded)
    if between:
        roles.actors = _with_coordinated(view, between[0], people)
    elif agents and (passive or not subjects):
        roles.actors = _with_coordinated(view, agents[0], people)
    elif subjects:
        # German puts the subject first or right after the finite verb: take the first bare noun phrase.
        roles.actors = _with_coordinated(view, subjects[0], people)
    actor_codes = {c.code for c in roles.actors}
    for candidate in people:
        if candidate in roles.actors or candidate.code in actor_codes:
            continue
        if candidate.preposition in TARGET_PREPOSITIONS or candidate.preposition in (None, "genitive"):
            roles.targets = _with_coordinated(view, candidate, people)
            break
    return roles
