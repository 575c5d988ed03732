"""Title-only mentions: "der Sondergesandte" or "die US-Präsidentin" without a name.

Such a phrase refers to the one person in the article who holds that role (and, where
the title carries a country prefix, that affiliation). Phrases right before a name
("der Sondergesandte Steve Witkoff") or inside an existing mention are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from chronik.model import Article, Mention
from chronik.nlp.attributes import Gazetteer, affiliation_of_word
from chronik.nlp.roles import RoleEntry, RoleLexicon, RoleMatch


class RoleHolder(Protocol):
    """A person being built, as far as title matching needs it."""

    role_entries: list[RoleEntry]
    affiliation: str | None


Holder = TypeVar("Holder", bound=RoleHolder)

_DEFINITE = frozenset({"der", "die", "den", "dem", "des"})
_MAX_ADJECTIVES = 2


def _article_before(article: Article, position: int) -> int | None:
    """Index of the definite article opening the phrase that ends in token `position`."""
    for back in range(1, _MAX_ADJECTIVES + 2):
        index = position - back
        if index < 0:
            return None
        text = article.tokens[index].text
        if text.lower() in _DEFINITE:
            return index
        if not text[:1].islower() or not text.isalpha():
            return None
    return None


def _holders(people: Sequence[Holder], match: RoleMatch, affiliation: str | None) -> list[Holder]:
    holders = [c for c in people if match.entry in c.role_entries]
    if affiliation is not None:
        holders = [c for c in holders if c.affiliation == affiliation]
    return holders


def title_mentions(
    article: Article,
    people: Sequence[Holder],
    *,
    roles: RoleLexicon,
    gazetteer: Gazetteer,
    taken: Sequence[Mention],
) -> list[tuple[Mention, Holder]]:
    """(coref mention, person) for each title that names exactly one person."""
    starts = {m.start for m in taken if m.label == "PER"}
    covered = [(m.start, m.end) for m in taken]
    links: list[tuple[Mention, Holder]] = []
    tokens = article.tokens
    for position, token in enumerate(tokens):
        if not token.text[:1].isupper():
            continue
        nxt = tokens[position + 1].start if position + 1 < len(tokens) else -1
        if nxt in starts or any(s <= token.start < e for s, e in covered):
            continue
        opener = _article_before(article, position)
        if opener is None:
            continue
        match = roles.match(token.text, feminine=tokens[opener].text.lower() == "die")
        if match is None:
            continue
        prefix = match.modifier.rstrip("-")
        affiliation = affiliation_of_word(prefix, gazetteer) if prefix else None
        holders = _holders(people, match, affiliation)
        if len(holders) == 1:
            start = tokens[opener].start
            mention = Mention(start, token.end, article.text[start : token.end], "PER", source="coref")
            links.append((mention, holders[0]))
    return links
