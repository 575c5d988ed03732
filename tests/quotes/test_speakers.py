"""Speaker resolution: groups, capitals for states, documents, and entities from mentions."""

from __future__ import annotations

from chronik.model import Article, Entity, Mention, Paragraph, Span
from chronik.quotes import find_quotes


def article_with(text: str, names: list[tuple[str, str, str]], entities: list[Entity]) -> Article:
    """An article with one paragraph and a mention for each (surface, label, entity id)."""
    mentions = []
    for surface, label, entity_id in names:
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), surface, label, entity_id=entity_id))
    return Article(id="s", text=text, paragraphs=[Paragraph(0, len(text), text)], mentions=mentions, entities=entities)


def test_resolve_a_plural_pronoun_to_every_coordinated_person() -> None:
    text = "Rustem Umjerow und Andrij Hnatow führten die Gespräche. Sie bekräftigten, dass die Ukraine Frieden will."
    entities = [Entity("E1", "PER", "Rustem Umjerow"), Entity("E2", "PER", "Andrij Hnatow")]
    article = article_with(text, [("Rustem Umjerow", "PER", "E1"), ("Andrij Hnatow", "PER", "E2")], entities)
    quote = find_quotes(article)[0]
    assert quote.speaker == Span(text.index("Sie"), text.index("Sie") + 3, "Sie")
    assert (quote.speaker_kind, quote.speaker_entity, quote.speakers) == ("group", "E1", ["E1", "E2"])


def test_resolve_a_singular_pronoun_to_the_last_person() -> None:
    text = "Anna Berger leitet das Amt. Sie sagte, die Zahlen seien gut."
    article = article_with(text, [("Anna Berger", "PER", "E1")], [Entity("E1", "PER", "Anna Berger")])
    quote = find_quotes(article)[0]
    assert (quote.speaker_kind, quote.speaker_entity, quote.speaker_name) == ("person", "E1", "Anna Berger")


def test_resolve_a_capital_to_its_state_entity() -> None:
    text = "Washington erklärte, man wolle verhandeln."
    entities = [Entity("E1", "LOC", "USA", attributes={"aliases": ["Vereinigte Staaten"]})]
    quote = find_quotes(article_with(text, [], entities))[0]
    assert (quote.speaker_kind, quote.speaker_name, quote.speaker_entity) == ("state", "USA", "E1")


def test_resolve_darin_to_the_document_mentioned_before() -> None:
    text = "Die Parteien veröffentlichten eine gemeinsame Erklärung. Eine Einigung, heisst es darin, sei nah."
    quote = find_quotes(article_with(text, [], []))[0]
    assert quote.speaker is not None and quote.speaker.text == "darin"
    assert (quote.speaker_kind, quote.speaker_name) == ("document", "gemeinsame Erklärung")


def test_resolve_a_document_noun_phrase_as_document() -> None:
    text = "Ein Ende des Krieges, so das strategische Grundsatzpapier, würde Europa stabilisieren."
    quote = find_quotes(article_with(text, [], []))[0]
    assert (quote.speaker_kind, quote.speaker_name) == ("document", "strategische Grundsatzpapier")


def test_resolve_an_organisation_mention() -> None:
    text = "Die Bundesbank warnte, die Inflation bleibe hoch."
    article = article_with(text, [("Bundesbank", "ORG", "E1")], [Entity("E1", "ORG", "Deutsche Bundesbank")])
    quote = find_quotes(article)[0]
    assert (quote.speaker_kind, quote.speaker_entity, quote.speaker_name) == (
        "organisation",
        "E1",
        "Deutsche Bundesbank",
    )


def test_resolve_a_group_includes_a_person_the_ner_took_for_an_organisation() -> None:
    text = "Anna Berger und Generalstabschef Ivo Kern leiteten das Treffen. Sie betonten, dass es gut lief."
    names = [("Anna Berger", "PER", "E1"), ("Generalstabschef Ivo", "ORG", "E2")]
    entities = [Entity("E1", "PER", "Anna Berger"), Entity("E2", "ORG", "Generalstabschef Ivo")]
    quote = find_quotes(article_with(text, names, entities))[0]
    assert quote.speakers == ["E1", "E2"]


def test_inherit_speakers_skips_a_claim_cited_with_wonach() -> None:
    from tests.quotes.test_constructions import quotes_of, speaker_of

    text = (
        "Innenminister Jan Roth sprach am Montag. Er sagte, der Koffer sei leer gewesen. Die Sichtweise der "
        "Opposition, wonach der Plan scheitern werde, teilt er nicht. Der Vorgang werde noch untersucht."
    )
    assert [speaker_of(quote) for quote in quotes_of(text, "FreeIndirect")] == ["Er"]
