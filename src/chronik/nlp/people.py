"""Stage "entities": group mentions into entities with age, roles, affiliation and kind.

Within one article:

- a full name ("Steve Witkoff") starts a person; a surname ("Witkoff", "Witkoffs") or a
  first name joins the nearest person it completes;
- a title alone ("der Sondergesandte", "der US-Präsident") joins the one person who holds
  that role in the article, and "der 68-Jährige" the person of that age (or the person
  named last): both are added as mentions with `source="coref"`;
- organisations and places are grouped by their gazetteer name (or their text) and get
  its kind and country.

Person facts come from `chronik.nlp.attributes`; sentence frames such as "Für die
Ukraine führten X und Y die Gespräche" give everyone named in them that country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from chronik.model import Article, Entity, Mention, Span
from chronik.nlp import lexicon
from chronik.nlp.attributes import (
    Gazetteer,
    PersonFacts,
    age_after,
    age_noun,
    apposition_facts,
    prenominal_facts,
)
from chronik.nlp.entity_kinds import guess_kind
from chronik.nlp.roles import RoleEntry, RoleLexicon, load_roles
from chronik.nlp.titles import title_mentions
from chronik.spans import TokenIndex

_GENITIVE_ENDINGS = ("s", "'", "’", "'s", "’s")


@dataclass
class Cluster:
    """One entity being built."""

    label: str
    key: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    age: int | None = None
    roles: list[str] = field(default_factory=list)
    role_entries: list[RoleEntry] = field(default_factory=list)
    affiliation: str | None = None
    kind: str | None = None
    canonical: str | None = None

    def add_facts(self, facts: PersonFacts) -> None:
        self.age = self.age if self.age is not None else facts.age
        for text, match in zip(facts.role_texts, facts.roles, strict=True):
            if text not in self.roles:
                self.roles.append(text)
            if match.entry not in self.role_entries:
                self.role_entries.append(match.entry)
        self.affiliation = self.affiliation or facts.affiliation


def name_words(
    text: str, *, roles: RoleLexicon | None = None, common_nouns: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """The words of a person's name without courtesy titles or leading roles.

    "Dr. Anna Roth" → (Anna, Roth); with `roles`, "Generalstabschef Andrij Hnatow" →
    (Andrij, Hnatow) for a mention that took the title in, but "Redaktor Nachtdienst"
    stays whole when the tagger called "Nachtdienst" a common noun.
    """
    honorifics = lexicon.bundled_set("honorifics.txt")
    words = [w for w in text.split() if w not in honorifics] or text.split()
    while roles is not None and len(words) > 1 and words[1] not in common_nouns and roles.match(words[0]) is not None:
        words = words[1:]
    return tuple(words)


def strip_genitive(word: str, known: set[str]) -> str:
    """ "Witkoffs" → "Witkoff" when "Witkoff" is a known name part."""
    if word in known:
        return word
    for ending in _GENITIVE_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in known:
            return word[: -len(ending)]
    return word


def group_people(
    mentions: Sequence[Mention], *, roles: RoleLexicon | None = None, common_nouns: frozenset[str] = frozenset()
) -> list[Cluster]:
    """Full names first, then single words joined to the nearest person they complete."""
    clusters: dict[tuple[str, ...], Cluster] = {}
    for mention in mentions:
        words = name_words(mention.text, roles=roles, common_nouns=common_nouns)
        if len(words) > 1:
            clusters.setdefault(words, Cluster("PER", words)).mentions.append(mention)
    full = list(clusters.values())
    name_parts = {word for cluster in full for word in (cluster.key[0], cluster.key[-1])}
    for mention in mentions:
        words = name_words(mention.text, roles=roles, common_nouns=common_nouns)
        if len(words) > 1:
            continue
        word = strip_genitive(words[0], name_parts)
        target = _nearest_holder(full, word, mention.start)
        if target is None:
            target = clusters.setdefault((word,), Cluster("PER", (word,)))
        target.mentions.append(mention)
    return list(clusters.values())


def _nearest_holder(clusters: Sequence[Cluster], word: str, position: int) -> Cluster | None:
    """The person whose surname (else first name) is `word`, named closest before `position`."""
    for part in (-1, 0):
        holders = [c for c in clusters if c.key[part] == word]
        if holders:
            return min(holders, key=lambda c: _distance(c, position))
    return None


def _distance(cluster: Cluster, position: int) -> tuple[int, int]:
    before = [position - m.start for m in cluster.mentions if m.start <= position]
    if before:
        return (0, min(before))
    return (1, min(m.start - position for m in cluster.mentions))


def group_others(mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Cluster]:
    """Organisations, places and other names, grouped by gazetteer name or text."""
    clusters: dict[tuple[str, ...], Cluster] = {}
    texts = {m.text for m in mentions}
    for mention in mentions:
        entry = _entry_for(mention, gazetteer)
        name = entry.name if entry is not None else strip_genitive(mention.text, texts - {mention.text})
        cluster = clusters.setdefault((mention.label, name), Cluster(mention.label, (mention.label, name)))
        cluster.mentions.append(mention)
        cluster.canonical = name
        if entry is not None:
            cluster.kind = cluster.kind or entry.kind
            cluster.affiliation = cluster.affiliation or entry.country
        cluster.kind = cluster.kind or mention.kind or guess_kind(name, mention.label)
        mention.kind = mention.kind or cluster.kind
    return list(clusters.values())


def _entry_for(mention: Mention, gazetteer: Gazetteer) -> Any:
    for entry in gazetteer.lookup(mention.text):
        if entry.label == mention.label:
            return entry
    return None


def collect_person_facts(
    article: Article, people: Sequence[Cluster], *, roles: RoleLexicon, gazetteer: Gazetteer
) -> None:
    """Age, roles and affiliation of each person from the context of its mentions."""
    index = TokenIndex(article)
    tokens = article.tokens
    for cluster in people:
        for mention in cluster.mentions:
            span = index.token_range(mention.start, mention.end)
            if not span:
                continue
            facts = PersonFacts()
            facts.age = age_after(tokens, span[-1])
            first = span[0]
            while first < span[-1] and tokens[first + 1].pos != "NN" and roles.match(tokens[first].text) is not None:
                first += 1  # the mention took in a title: "Generalstabschef Andrij Hnatow"
            prenominal_facts(tokens, first, roles=roles, gazetteer=gazetteer, facts=facts)
            apposition_facts(tokens, span[-1], roles=roles, gazetteer=gazetteer, facts=facts)
            cluster.add_facts(facts)


def _known_person_country(cluster: Cluster, gazetteer: Gazetteer) -> str | None:
    for entry in gazetteer.lookup(" ".join(cluster.key)):
        if entry.label == "PER" and entry.country:
            return str(entry.country)
    return None


def apply_sentence_frames(article: Article, people: Sequence[Cluster], gazetteer: Gazetteer) -> None:
    """ "Für die Ukraine führten X und Y …": the country goes to persons named in the sentence.

    Runs after the facts read around each name, so a stated affiliation wins.
    """
    for sentence in article.sentences:
        words = [t.text for t in article.tokens[sentence.token_start : sentence.token_end]]
        country = _frame_country(words, gazetteer)
        if country is None:
            continue
        for cluster in people:
            named_here = any(sentence.start <= m.start < sentence.end for m in cluster.mentions)
            if named_here and cluster.affiliation is None:
                cluster.affiliation = country


def _frame_country(words: Sequence[str], gazetteer: Gazetteer) -> str | None:
    """Country of a sentence opening "Für (die) Ukraine", "Seitens Russlands", "Auf ukrainischer Seite"."""
    if len(words) < 3:
        return None
    if words[0].lower() == "auf" and words[2].lower() == "seite":
        return gazetteer.demonym(words[1])
    if words[0].lower() not in {"für", "seitens"}:
        return None
    candidate = words[2] if words[1].lower() in {"die", "das", "den", "der"} else words[1]
    for entry in gazetteer.lookup(candidate):
        if entry.kind == "country" and entry.country:
            return str(entry.country)
    return None


def link_age_nouns(article: Article, people: Sequence[Cluster]) -> list[tuple[Mention, Cluster]]:
    """ "der 68-Jährige" → the person aged 68, else the person named last before it."""
    links: list[tuple[Mention, Cluster]] = []
    for position, token in enumerate(article.tokens):
        age = age_noun(token)
        if age is None:
            continue
        same_age = [c for c in people if c.age == age]
        before = [c for c in people if c.age is None and any(m.end <= token.start for m in c.mentions)]
        target = same_age[0] if len(same_age) == 1 else None
        if target is None and not same_age and before:
            target = max(before, key=lambda c: max(m.end for m in c.mentions if m.end <= token.start))
            target.age = age
        if target is not None:
            start = _with_article(article, position)
            mention = Mention(start, token.end, article.text[start : token.end], "PER", source="coref")
            links.append((mention, target))
    return links


def _with_article(article: Article, position: int) -> int:
    if position > 0 and article.tokens[position - 1].text.lower() in {"der", "die", "den", "dem", "des"}:
        return article.tokens[position - 1].start
    return article.tokens[position].start


def build_entities(article: Article, *, roles: RoleLexicon, gazetteer: Gazetteer) -> list[Entity]:
    """Entities of the article; sets `entity_id` on mentions and adds coref mentions."""
    named = sorted((m for m in article.mentions if m.source != "coref"), key=lambda m: (m.start, m.end))
    common_nouns = frozenset(token.text for token in article.tokens if token.pos == "NN")
    people = group_people([m for m in named if m.label == "PER"], roles=roles, common_nouns=common_nouns)
    others = group_others([m for m in named if m.label != "PER"], gazetteer)
    collect_person_facts(article, people, roles=roles, gazetteer=gazetteer)
    apply_sentence_frames(article, people, gazetteer)
    for cluster in people:
        cluster.affiliation = cluster.affiliation or _known_person_country(cluster, gazetteer)
    links = link_age_nouns(article, people)
    links.extend(title_mentions(article, people, roles=roles, gazetteer=gazetteer, taken=named))
    for mention, cluster in links:
        cluster.mentions.append(mention)
    clusters = sorted(people + others, key=lambda c: min(m.start for m in c.mentions))
    entities = [_to_entity(f"E{number}", cluster) for number, cluster in enumerate(clusters, start=1)]
    article.mentions = sorted(named + [m for m, _ in links], key=lambda m: (m.start, m.end))
    return entities


def _person_name(cluster: Cluster) -> str:
    return " ".join(cluster.key)


def _to_entity(entity_id: str, cluster: Cluster) -> Entity:
    cluster.mentions.sort(key=lambda m: (m.start, m.end))
    for mention in cluster.mentions:
        mention.entity_id = entity_id
    name = _person_name(cluster) if cluster.label == "PER" else cluster.canonical or cluster.mentions[0].text
    attributes: dict[str, Any] = {}
    if cluster.age is not None:
        attributes["age"] = cluster.age
    if cluster.roles:
        attributes["roles"] = list(cluster.roles)
    if cluster.affiliation:
        attributes["affiliation"] = cluster.affiliation
    if cluster.kind:
        attributes["kind"] = cluster.kind
    aliases = sorted({m.text for m in cluster.mentions if m.source != "coref"} - {name})
    if aliases:
        attributes["aliases"] = aliases
    spans = [Span(m.start, m.end, m.text) for m in cluster.mentions]
    return Entity(entity_id, cluster.label, name, spans, attributes)


@cache
def _default_gazetteer(files: tuple[str, ...]) -> Gazetteer:
    from chronik.gazetteer import load_gazetteer

    return load_gazetteer([Path(p) for p in files])


@dataclass(frozen=True)
class EntitiesStage:
    """Adds `article.entities` from `article.mentions` (and coref mentions)."""

    roles_files: tuple[str, ...] = ()
    gazetteer_files: tuple[str, ...] = ()
    name: str = "entities"
    requires: tuple[str, ...] = ("tokens", "sentences", "mentions")
    provides: tuple[str, ...] = ("entities",)

    def __call__(self, article: Article) -> Article:
        article.entities = build_entities(
            article, roles=load_roles(self.roles_files), gazetteer=_default_gazetteer(self.gazetteer_files)
        )
        return article


def create_stage(*, roles: Sequence[str] = (), gazetteer: Sequence[str] = ()) -> EntitiesStage:
    """Build the entities stage; `roles` and `gazetteer` name extra user lexicon files."""
    return EntitiesStage(roles_files=tuple(map(str, roles)), gazetteer_files=tuple(map(str, gazetteer)))
