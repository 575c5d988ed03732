from __future__ import annotations

from chronik.model import Article
from chronik.nlp import org_patterns
from chronik.nlp.cued_names import Found
from chronik.nlp.tokenizer import create_stage as create_tokenizer

TOKENIZE = create_tokenizer()


def _spans(text: str, rule: str) -> set[tuple[str, str]]:
    article = TOKENIZE(Article(id="t", text=text))
    tokens = article.tokens
    found: list[Found] = getattr(org_patterns, rule)(tokens)
    return {(article.text[tokens[f.first].start : tokens[f.last].end], f.label) for f in found}


def test_legal_form_stops_at_function_words_and_cuts_leading_nouns() -> None:
    spans = _spans("Die Firma Brunnhuber Kältetechnik GmbH und die Lindwurm AG bauen.", "legal_form_mentions")
    assert spans == {("Brunnhuber Kältetechnik GmbH", "ORG"), ("Lindwurm AG", "ORG")}


def test_legal_form_does_not_reach_into_the_previous_sentence() -> None:
    article = TOKENIZE(Article(id="t", text="Das kostet zwei Karat.\nLindwurm Diamanten Limited verkauft."))
    starts = frozenset(s.token_start for s in article.sentences)
    found = org_patterns.legal_form_mentions(article.tokens, sentence_starts=starts)
    tokens = article.tokens
    assert [article.text[tokens[f.first].start : tokens[f.last].end] for f in found] == ["Lindwurm Diamanten Limited"]


def test_club_needs_a_place_after_the_prefix() -> None:
    assert _spans("Der VfB Kleinhausen 09 spielt, der FC spielt nicht.", "club_mentions") == {
        ("VfB Kleinhausen 09", "ORG")
    }


def test_institution_chain_ends_before_verbs_and_pronouns() -> None:
    spans = _spans("Der Verband der Lindwurmzüchter einen Prozess an.", "institution_mentions")
    assert spans == {("Verband der Lindwurmzüchter", "ORG")}


def test_war_needs_a_capitalised_adjective_or_an_ordinal() -> None:
    spans = _spans("Nach dem Siebenjährigen Krieg und dem 1. Weltkrieg kam der Krieg erneut.", "war_mentions")
    assert spans == {("Siebenjährigen Krieg", "MISC"), ("1. Weltkrieg", "MISC")}


def test_web_names_are_domains_and_mail_addresses_only() -> None:
    spans = _spans("Auf lindwurm.de, bei info@lindwurm.at, u.a. am 3.5.2020 und bei Sat.1 .", "web_name_mentions")
    assert spans == {("lindwurm.de", "MISC"), ("info@lindwurm.at", "MISC")}


def test_noun_like_knows_compounds_but_not_names() -> None:
    assert org_patterns.noun_like("Graphitwerke")
    assert org_patterns.noun_like("Bürgermeister")
    assert not org_patterns.noun_like("Lindwurm")
