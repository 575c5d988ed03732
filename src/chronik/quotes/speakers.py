"""Speakers: inherit them along the text, then resolve each to an entity, a state or a document.

- A quote without a cue (free indirect speech, a bare direct quote) continues the last speaker, not
  the source of a claim cited with "wonach" ("Er dementierte Berichte, wonach …").
- A partial quote takes the speaker of the quotation it sits in.
- Pronouns resolve to the last person mentioned ("er"), to all persons of a coordination
  ("Sie bekräftigten" after "A und B führten die Gespräche"), or to the last document ("es", "darin").
- Capitals stand for their state ("Washington" → USA); nouns such as "Erklärung",
  "Grundsatzpapier" or "US-Sicherheitsstrategie" make the speaker a document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chronik.model import Article, Mention, SpeakerKind
from chronik.quotes.draft import Draft
from chronik.quotes.grammar import AUXILIARIES, DETERMINERS, NON_NP_OPENERS
from chronik.quotes.lexicon import QuoteLexicon, key
from chronik.quotes.view import ArticleView

_SINGULAR_PERSON = frozenset({"er", "sie", "ihr", "ich", "dieser", "letzterer"})  # "Dieser sagte": the last named
_DOCUMENT_PRONOUNS = frozenset({"es", "darin", "dort", "hierin", "daraus", "dieses", "dies"})
# A claim cited inside a noun phrase ("Berichte, wonach …") is no voice that later sentences continue.
_CITED_CLAIMS = frozenset({"wonach"})
_STATE_KINDS = frozenset({"country", "government", "state"})
_ORG_KINDS = frozenset({"party", "company", "media", "institution", "igo", "organisation", "organization"})


@dataclass(slots=True)
class Resolution:
    kind: SpeakerKind = "unknown"
    entity: str | None = None
    name: str | None = None
    entities: list[str] = field(default_factory=list)


def inherit_speakers(drafts: list[Draft]) -> None:
    """Give quotes without a cue the speaker of their host quote or of the last quote before them."""
    last: Draft | None = None
    for draft in sorted(drafts, key=lambda d: (d.start, not d.partial)):
        if draft.partial:
            host = _host(draft, drafts)
            if host is not None and host.speaker is not None:
                _copy_speaker(draft, host)
            elif host is None and draft.speaker is not None:
                last = draft  # a quoted phrase with its own cue: "X berichtete von «…». Es sei …"
            elif host is None and last is not None:
                _copy_speaker(draft, last)  # "Ziel sei es gewesen, «…»": no cue, no subject, the last speaker
            continue
        if draft.speaker is None and draft.inherits_speaker and last is not None:
            _copy_speaker(draft, last)
        if draft.speaker is not None and draft.cue_lemma not in _CITED_CLAIMS:
            last = draft


def hosts_partials(draft: Draft) -> bool:
    """Whether a quoted phrase inside this draft's message belongs to it: a reported speech act does not
    carry content, so "X nannte es «überzogen», Y bezeichnete …" gives the phrase its own nearest cue."""
    return not draft.partial and draft.type != "Reported"


def _host(partial: Draft, drafts: list[Draft]) -> Draft | None:
    for draft in drafts:
        if draft is not partial and hosts_partials(draft) and draft.covers(partial.start, partial.end):
            return draft
    return None


def _copy_speaker(draft: Draft, source: Draft) -> None:
    draft.speaker = source.antecedent or source.speaker
    draft.plural_speaker = source.plural_speaker
    draft.document_reference = source.document_reference
    if draft.medium == "unknown":
        draft.medium = source.medium


class SpeakerResolver:
    """Maps speaker spans to entities using the article's mentions, documents and capitals."""

    def __init__(self, article: Article, view: ArticleView, lexicon: QuoteLexicon) -> None:
        self.article = article
        self.view = view
        self.lexicon = lexicon
        self.mentions = sorted((m for m in article.mentions), key=lambda m: m.start)
        self.documents = _document_phrases(view, lexicon)

    def resolve(self, draft: Draft) -> Resolution:
        if draft.speaker is None:
            return Resolution()
        start, end = draft.antecedent or draft.speaker
        text = self.article.text[start:end]
        words = text.split()
        head = key(words[0]) if len(words) == 1 else ""
        if head in _DOCUMENT_PRONOUNS or draft.document_reference:
            return self._document_before(start)
        if head in _SINGULAR_PERSON or head == "sie":
            return self._pronoun(start, plural=draft.plural_speaker and head == "sie")
        return self._phrase(start, end, text)

    def _phrase(self, start: int, end: int, text: str) -> Resolution:
        document = self._document_in(start, end)
        if document is not None:
            return Resolution("document", None, document)
        capital = self.lexicon.capitals.get(key(text.strip()))
        if capital is not None:
            return Resolution("state", self._entity_named(capital), capital[1])
        mention = self._best_mention(start, end)
        if mention is not None:
            return Resolution(_kind_of(mention, self.lexicon), mention.entity_id, self._name(mention))
        return Resolution("unknown", None, _strip_determiner(text))

    def _best_mention(self, start: int, end: int) -> Mention | None:
        inside = [m for m in self.mentions if m.start < end and start < m.end]
        if not inside:
            return None
        return max(inside, key=lambda m: (m.label == "PER", m.end - m.start))

    def _name(self, mention: Mention) -> str:
        for entity in self.article.entities:
            if entity.id == mention.entity_id:
                return entity.name
        return mention.text

    def _entity_named(self, capital: tuple[str, str]) -> str | None:
        code, name = capital
        wanted = {key(code), key(name)}
        states = [entity for entity in self.article.entities if entity.label != "PER"]
        for entity in states:
            aliases = entity.attributes.get("aliases", [])
            names = {key(entity.name)} | {key(str(alias)) for alias in aliases if isinstance(alias, str)}
            if names & wanted:
                return entity.id
        for entity in states:
            if entity.attributes.get("kind") == "country" and entity.attributes.get("affiliation") == code:
                return entity.id
        return None

    def _pronoun(self, position: int, *, plural: bool) -> Resolution:
        persons = [m for m in self.mentions if m.end <= position and m.label == "PER"]
        if not persons:
            return Resolution("group" if plural else "person")
        if plural:
            # an organisation of unknown kind next to a person is often a person the NER mislabelled
            unsure = [m for m in self.mentions if m.end <= position and m.label == "ORG" and not m.kind]
            group = _coordinated(persons, self.view, unsure)
            ids = list(dict.fromkeys(m.entity_id for m in group if m.entity_id))
            return Resolution("group", ids[0] if ids else None, " und ".join(self._name(m) for m in group), ids)
        last = persons[-1]
        ids = [last.entity_id] if last.entity_id else []
        return Resolution("person", last.entity_id, self._name(last), ids)

    def _document_before(self, position: int) -> Resolution:
        earlier = [phrase for phrase in self.documents if phrase[0] < position]
        if not earlier:
            return Resolution("document")
        start, end = earlier[-1]
        return Resolution("document", None, _strip_determiner(self.article.text[start:end]))

    def _document_in(self, start: int, end: int) -> str | None:
        inside = [phrase for phrase in self.documents if start <= phrase[0] < end]
        if not inside:
            return None
        return _strip_determiner(self.article.text[inside[-1][0] : inside[-1][1]])


def _coordinated(persons: list[Mention], view: ArticleView, unsure: list[Mention]) -> list[Mention]:
    """The persons of the latest sentence that names two or more, else the last person."""
    last_sentence = view.sentence_at(persons[-1].start)
    for sentence in range(last_sentence if last_sentence is not None else 0, -1, -1):
        group = [m for m in persons if view.sentence_at(m.start) == sentence]
        if group:
            group = sorted(group + [m for m in unsure if view.sentence_at(m.start) == sentence], key=lambda m: m.start)
        if len(group) >= 2:
            return _distinct(group)
        if last_sentence is not None and sentence < last_sentence - 1:
            break
    return [persons[-1]]


def _distinct(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    result: list[Mention] = []
    for mention in mentions:
        identity = mention.entity_id or mention.text
        if identity not in seen:
            seen.add(identity)
            result.append(mention)
    return result


def _kind_of(mention: Mention, lexicon: QuoteLexicon) -> SpeakerKind:
    if mention.label == "PER":
        return "person"
    if mention.kind == "document":
        return "document"
    if mention.kind in _STATE_KINDS or (mention.label == "LOC" and key(mention.text) in lexicon.capitals):
        return "state"
    if mention.label == "LOC":
        return "state" if mention.kind in (None, "country") else "organisation"
    return "organisation"


_RELATIVE_PRONOUNS = frozenset({"der", "die", "das", "welcher", "welche", "welches"})


def _strip_determiner(text: str) -> str:
    """The name of a phrase: no leading article, no trailing relative pronoun ("Der Verband, der" → "Verband")."""
    words = text.split()
    while len(words) > 1 and key(words[0]) in DETERMINERS:
        words = words[1:]
    if len(words) > 1 and words[-2].endswith(",") and key(words[-1]) in _RELATIVE_PRONOUNS:
        words = [*words[:-2], words[-2][:-1]]
    return " ".join(words)


def _document_phrases(view: ArticleView, lexicon: QuoteLexicon) -> list[tuple[int, int]]:
    """Character spans of noun phrases headed by a document noun, in text order."""
    phrases: list[tuple[int, int]] = []
    for word in view.words:
        if not word.capitalized or (word.pos and word.pos != "NN") or not lexicon.is_document(word.text):
            continue
        first = word.index
        while first > 0 and _modifier(view, first - 1) and not _determiner(view, first):
            first -= 1
        phrases.append((view.words[first].start, word.end))
    return phrases


def _determiner(view: ArticleView, index: int) -> bool:
    word = view.words[index]
    return word.pos in ("ART", "PPOSAT", "PDAT") if word.pos else word.key in DETERMINERS


def _modifier(view: ArticleView, index: int) -> bool:
    word = view.words[index]
    if word.sentence != view.words[index + 1].sentence:
        return False
    if word.pos:
        return word.pos in ("ADJA", "ART", "PPOSAT", "PDAT")
    if word.key in DETERMINERS:
        return True
    adjective_like = word.key.endswith(("e", "en", "er", "es", "em")) and word.key not in NON_NP_OPENERS
    return not word.capitalized and adjective_like and word.key not in AUXILIARIES
