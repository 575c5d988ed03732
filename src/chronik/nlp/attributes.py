"""Facts about a person read from the words around a name: age, roles, affiliation.

Patterns (all over `article.tokens`, so offsets stay exact):

- age: "Steve Witkoff (68)"; "der 68-Jährige" (resolved by `chronik.nlp.people`);
- pre-nominal role: "[den] [russischen] US-Sondergesandten Steve Witkoff",
  "Kiews Chefunterhändler Rustem Umjerow";
- apposition: "Rustem Umjerow (43), Sekretär des Nationalen Sicherheitsrats, …";
- affiliation: a demonym adjective ("russische"), a compound prefix ("US-"), a genitive
  place ("Kiews"), a place inside the apposition ("… der Ukraine"), or an organisation
  prefix ("Siemens-Chef" → Siemens).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from chronik.model import Token
from chronik.nlp.roles import RoleLexicon, RoleMatch

_AGE_IN_PARENS_MAX = 120
_AGE_NOUN = re.compile(r"^(\d{1,3})-[Jj]ährige[nrm]?$")
_DETERMINERS = frozenset(
    {
        *("der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"),
        *("sein", "seine", "seiner", "seines", "seinem", "seinen", "ihr", "ihre", "ihrer", "ihres", "ihrem", "ihren"),
        *("dessen", "deren"),
    }
)
_FEMININE_DETERMINERS = frozenset({"die", "eine"})
_APPOSITION_ENDS = frozenset({",", ".", ";", ":", ")", "(", "–", "—", "«", "»", "„", "“", '"', "!", "?"})
_MAX_APPOSITION = 8
_MAX_PRENOMINAL = 5
_PLACE_KINDS = frozenset({"country", "city", "region"})


class Gazetteer(Protocol):
    """What the people stage needs from `chronik.gazetteer.Gazetteer`."""

    def lookup(self, surface: str) -> list[Any]: ...

    def demonym(self, word: str) -> str | None: ...


@dataclass
class PersonFacts:
    """What the context of one name mention says about the person."""

    age: int | None = None
    roles: list[RoleMatch] = field(default_factory=list)
    role_texts: list[str] = field(default_factory=list)
    affiliation: str | None = None


def age_after(tokens: Sequence[Token], last: int) -> int | None:
    """Age in "Name (68)": the tokens right after the name's last token."""
    window = [t.text for t in tokens[last + 1 : last + 4]]
    if len(window) == 3 and window[0] == "(" and window[2] == ")" and window[1].isdigit():
        age = int(window[1])
        if 0 < age <= _AGE_IN_PARENS_MAX:
            return age
    return None


def age_noun(token: Token) -> int | None:
    """The age a "68-Jährige(n/r)" token names."""
    match = _AGE_NOUN.match(token.text)
    return int(match.group(1)) if match else None


def affiliation_of_word(word: str, gazetteer: Gazetteer) -> str | None:
    """ISO3 code or organisation name a word points to: "russische", "US-", "Kiews", "Siemens"."""
    code = gazetteer.demonym(word)
    if code:
        return code
    if not word[:1].isupper():
        return None
    for entry in gazetteer.lookup(word):
        if entry.kind in _PLACE_KINDS and entry.country:
            return str(entry.country)
        if entry.label == "ORG":
            return str(entry.name)
    return None


def _role_affiliation(match: RoleMatch, gazetteer: Gazetteer) -> str | None:
    modifier = match.modifier.rstrip("-")
    if not modifier:
        return None
    first = modifier.split("-", 1)[0]
    return affiliation_of_word(first, gazetteer) or affiliation_of_word(modifier, gazetteer)


def _is_feminine(tokens: Sequence[Token], position: int) -> bool:
    """Is the role word at `position` led by "die"/"eine" (over up to two adjectives)?"""
    for index in range(position - 1, max(-1, position - 4), -1):
        text = tokens[index].text.lower()
        if text in _FEMININE_DETERMINERS:
            return True
        if not (text.isalpha() and tokens[index].text[:1].islower()):
            return False
    return False


def prenominal_facts(
    tokens: Sequence[Token], first: int, *, roles: RoleLexicon, gazetteer: Gazetteer, facts: PersonFacts
) -> None:
    """Role and affiliation from the words before a name ("Kiews Chefunterhändler X")."""
    position = first - 1
    if position < 0:
        return
    match = roles.match(tokens[position].text, feminine=_is_feminine(tokens, position))
    if match is None:
        return
    facts.roles.append(match)
    facts.role_texts.append(match.role)
    facts.affiliation = facts.affiliation or _role_affiliation(match, gazetteer)
    for token in reversed(tokens[max(0, position - _MAX_PRENOMINAL) : position]):
        if token.text.lower() in _DETERMINERS or token.text in _APPOSITION_ENDS:
            break
        facts.affiliation = facts.affiliation or affiliation_of_word(token.text, gazetteer)


def apposition_facts(
    tokens: Sequence[Token], last: int, *, roles: RoleLexicon, gazetteer: Gazetteer, facts: PersonFacts
) -> int:
    """Role from ", Sekretär des Nationalen Sicherheitsrats," after a name; returns the end token."""
    position = last + 1
    if age_after(tokens, last) is not None:
        position += 3
    if position >= len(tokens) or tokens[position].text != ",":
        return last + 1
    start = position + 1
    while start < len(tokens) and tokens[start].text.lower() in _DETERMINERS | {"neue", "frühere", "ehemalige"}:
        start += 1
    adjectives_start = start
    while start < len(tokens) and tokens[start].text[:1].islower() and tokens[start].text not in _APPOSITION_ENDS:
        start += 1
    if start >= len(tokens) or start - adjectives_start > 2:
        return last + 1
    match = roles.match(tokens[start].text, feminine=_is_feminine(tokens, start))
    if match is None:
        return last + 1
    end = start + 1
    while end < len(tokens) and end - start < _MAX_APPOSITION and tokens[end].text not in _APPOSITION_ENDS:
        end += 1
    closed = end < len(tokens) and tokens[end].text in _APPOSITION_ENDS
    phrase = tokens[start:end] if closed else tokens[start : start + 1]
    facts.roles.append(match)
    facts.role_texts.append(_phrase_text(phrase, match))
    facts.affiliation = facts.affiliation or _role_affiliation(match, gazetteer)
    for token in [*tokens[adjectives_start:start], *phrase[1:]]:
        facts.affiliation = facts.affiliation or affiliation_of_word(token.text, gazetteer)
    return end


def _phrase_text(phrase: Sequence[Token], match: RoleMatch) -> str:
    parts = [match.role]
    for previous, token in itertools.pairwise(phrase):
        parts.append((" " if previous.space_after else "") + token.text)
    return "".join(parts)
