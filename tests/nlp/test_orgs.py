from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronik.gazetteer import Gazetteer, GazetteerEntry
from chronik.model import Article, Mention, Paragraph
from chronik.nlp import orgs

from .conftest import model_mention, small_gazetteer, tokenized


def _gazetteer() -> Gazetteer:
    entries = [
        GazetteerEntry(name="Mainz", label="LOC", kind="city", country="DEU"),
        GazetteerEntry(name="Hamburg", label="LOC", kind="city", country="DEU"),
    ]
    return small_gazetteer(entries)


def _labels(article: Article, mentions: list[Mention] | None = None) -> set[tuple[str, str]]:
    found = orgs.add_org_misc_names(article, mentions or [], _gazetteer())
    return {(m.text, m.label) for m in found}


def test_organisations_list_has_kinds_and_word_names_only_confirm_the_model() -> None:
    names = orgs.organisations().names
    assert names["BorussiaDortmund"].kind == "club"
    assert names["dpa"].kind == "media"
    assert names["Bahn"].model_only
    assert not names["SPD"].model_only
    assert "Borussia" in orgs.organisations().prefixes


def test_listed_names_are_added_with_genitive_and_spaced_punctuation() -> None:
    article = tokenized("Laut Handelsblatts Bericht verlor Borussia Dortmund , meldete Yahoo ! am Abend.")
    assert {("Handelsblatts", "ORG"), ("Borussia Dortmund", "ORG"), ("Yahoo !", "ORG")} <= _labels(article)


def test_word_names_are_only_relabelled_when_the_model_found_them() -> None:
    article = tokenized("Die Bahn fährt pünktlich. Dann teilte die Bahn mit, dass es regnet.")
    assert not any(label == "ORG" for _, label in _labels(article))
    second = article.text.rindex("Bahn")
    model = [Mention(second, second + 4, "Bahn", "LOC", source="model")]
    found = orgs.add_org_misc_names(article, model, _gazetteer())
    assert [(m.start, m.label, m.kind) for m in found] == [(second, "ORG", "company")]


def test_listed_name_replaces_mentions_inside_it_and_cuts_leading_nouns() -> None:
    article = tokenized("Der Softwareriese Microsoft spielte gegen Mainz 05 .")
    mentions = [model_mention(article, "Softwareriese Microsoft", "PER"), model_mention(article, "Mainz", "LOC")]
    labels = _labels(article, mentions)
    assert {("Microsoft", "ORG"), ("Mainz 05", "ORG")} <= labels
    assert ("Mainz", "LOC") not in labels


def test_legal_forms_take_the_capitalised_words_before_them() -> None:
    article = tokenized("Die Firma Brunnhuber Kältetechnik GmbH und die Lindwurm AG bauen.")
    labels = _labels(article)
    assert {("Brunnhuber Kältetechnik GmbH", "ORG"), ("Lindwurm AG", "ORG")} <= labels


def test_clubs_take_prefix_places_and_numbers() -> None:
    article = tokenized("Der TSV 1860 München schlug den SV Darmstadt 98 und den 1. FC Kleinhausen .")
    labels = _labels(article)
    assert {("TSV 1860 München", "ORG"), ("SV Darmstadt 98", "ORG"), ("1. FC Kleinhausen", "ORG")} <= labels


def test_institutions_take_fuer_and_name_chain_with_adjective() -> None:
    text = "Das Bayerische Landesamt für Umwelt und Verbraucherschutz lobt die Universität des Saarlandes."
    article = tokenized(text)
    labels = _labels(article)
    assert ("Bayerische Landesamt für Umwelt und Verbraucherschutz", "ORG") in labels
    assert ("Universität des Saarlandes", "ORG") in labels


def test_institution_heads_need_a_linking_word() -> None:
    article = tokenized("Das Bundesamt teilte mit, die Stiftung habe gezahlt.")
    assert _labels(article) == set()


def test_model_span_with_bracketed_acronym_is_split() -> None:
    article = tokenized("Das Amt für Wasserbau ( AWB ) warnt.")
    labels = _labels(article, [model_mention(article, "Amt für Wasserbau ( AWB )", "ORG")])
    assert labels == {("Amt für Wasserbau", "ORG"), ("AWB", "ORG")}


def test_trailing_year_is_cut_from_org_but_not_from_misc() -> None:
    article = tokenized("Bei den Spielen Kleinstadt 2004 und dem Programm Zoll 2000 half er.")
    mentions = [model_mention(article, "Spielen Kleinstadt 2004", "ORG"), model_mention(article, "Zoll 2000", "MISC")]
    assert _labels(article, mentions) == {("Spielen Kleinstadt", "ORG"), ("Zoll 2000", "MISC")}


def test_wars_languages_and_listed_misc_names() -> None:
    article = tokenized("Im Dreißigjährigen Krieg und im 2. Weltkrieg sprach man auf Russisch über Hartz IV .")
    labels = _labels(article)
    assert {("Dreißigjährigen Krieg", "MISC"), ("2. Weltkrieg", "MISC"), ("Russisch", "MISC")} <= labels
    assert ("Hartz IV", "MISC") in labels


def test_language_needs_a_preposition_before_it() -> None:
    article = tokenized("Russisch ist schwer.")
    assert _labels(article) == set()


def test_byline_paragraphs_get_no_rule_names() -> None:
    article = tokenized("Anna Roth, dpa\n\nDie SPD tagt.")
    body = article.text[16:]
    article.paragraphs = [Paragraph(0, 14, "Anna Roth, dpa", "byline"), Paragraph(16, len(article.text), body)]
    assert _labels(article) == {("SPD", "ORG")}


def test_one_word_model_org_with_noun_head_is_dropped() -> None:
    article = tokenized("Er kaufte das Debüt-Album und las das DS-Magazin .")
    mentions = [model_mention(article, "Debüt-Album", "ORG"), model_mention(article, "DS-Magazin", "ORG")]
    assert _labels(article, mentions) == {("DS-Magazin", "ORG")}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(["FC", "Bayern", "München", "GmbH", "Lindwurm", "Bundesamt", "für", "Umwelt", "„", "“"])
        | st.sampled_from(["Song", "Take", "On", "Me", "Krieg", "Dreißigjährigen", "der", "und", "SPD", "("])
        | st.sampled_from([")", "AWB", "Opel", "Astra", "2004", "auf", "Russisch", "Firma", ".", "Rockband"])
        | st.sampled_from(["„", "“", ":", "Das", "rote", "Haus", "of", "Paul", "Meier", "Wall", "Street"]),
        min_size=1,
        max_size=25,
    )
)
def test_rule_mentions_are_sorted_disjoint_token_spans(words: list[str]) -> None:
    article = tokenized(" ".join(words))
    found = orgs.add_org_misc_names(article, [], _gazetteer())
    starts = {t.start for t in article.tokens}
    ends = {t.end for t in article.tokens}
    for mention in found:
        assert mention.start in starts and mention.end in ends
        assert article.text[mention.start : mention.end] == mention.text
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start


@pytest.mark.parametrize("name", ["Borussia Dortmund", "Europäischen Zentralbank", "Süddeutschen Zeitung", "ZDF"])
def test_listed_names_match_as_whole_tokens(name: str) -> None:
    article = tokenized(f"Gestern äußerte sich {name} dazu.")
    assert (name, "ORG") in _labels(article)
    glued = tokenized(f"Gestern äußerte sich {name}x dazu.")
    assert (name, "ORG") not in _labels(glued)


def test_listed_names_also_match_inflected_adjectives() -> None:
    assert orgs._inflected("Deutsche Bank") == ["Deutschen Bank"]
    assert orgs._inflected("Bayerischer Rundfunk") == ["Bayerischen Rundfunk"]
    assert orgs._inflected("Frankfurter Rundschau") == []
    article = tokenized("Ein Sprecher der Deutschen Bank sagte dem Bayerischen Rundfunk nichts.")
    assert {("Deutschen Bank", "ORG"), ("Bayerischen Rundfunk", "ORG")} <= _labels(article)


def test_domains_and_mail_addresses_are_misc() -> None:
    article = tokenized("Wie lindwurm-online.de und post@lindwurm.ch melden, z.B. am Montag.")
    assert _labels(article) == {("lindwurm-online.de", "MISC"), ("post@lindwurm.ch", "MISC")}


def test_bracketed_acronym_after_common_noun_is_dropped() -> None:
    article = tokenized("Die Kältemittel ( KMT ) und die Industriekreditbank ( IKB ) .")
    mentions = []
    for acronym in ("KMT", "IKB"):
        start = article.text.index(acronym)
        mentions.append(Mention(start, start + 3, acronym, "ORG", source="rule"))
    assert _labels(article, mentions) == {("IKB", "ORG")}


def test_schools_take_their_place_but_courts_do_not() -> None:
    article = tokenized("Er lehrte an der Universität Gießen und klagte vor dem Amtsgericht Kleinstadt.")
    assert _labels(article) == {("Universität Gießen", "ORG")}


def test_person_span_is_not_relabelled_by_a_firm_that_is_also_a_name() -> None:
    article = tokenized("Der Modeschöpfer Hugo Boss starb 1948.")
    found = orgs.add_org_misc_names(article, [model_mention(article, "Hugo Boss", "PER")], _gazetteer())
    assert [(m.text, m.label) for m in found] == [("Hugo Boss", "PER")]


def test_lower_case_adjective_from_the_model_is_no_misc_name() -> None:
    article = tokenized("Die europäischen Staaten und die Firma dpa .")
    mentions = [model_mention(article, "europäischen", "MISC"), model_mention(article, "dpa", "ORG")]
    assert _labels(article, mentions) == {("dpa", "ORG")}


def test_model_org_that_is_an_english_work_title_becomes_misc() -> None:
    article = tokenized("Mit Dance of Hope erreichte sie Platz eins , bei Bank of America nicht.")
    mentions = [model_mention(article, "Dance of Hope", "ORG"), model_mention(article, "Bank of America", "ORG")]
    assert _labels(article, mentions) == {("Dance of Hope", "MISC"), ("Bank of America", "ORG")}


def test_title_shaped_quote_is_added_only_where_nothing_overlaps() -> None:
    text = "„ Hamburger Frauenrunde “ lud ein. „ Lange Nacht der Uhren “ lief. Paul Meier : „ Neue Wege gehen “"
    article = tokenized(text)
    mentions = [model_mention(article, "Hamburger Frauenrunde", "ORG"), model_mention(article, "Paul Meier", "PER")]
    labels = _labels(article, mentions)
    assert labels == {("Hamburger Frauenrunde", "ORG"), ("Lange Nacht der Uhren", "MISC"), ("Paul Meier", "PER")}


def test_book_title_after_author_and_colon_is_misc() -> None:
    article = tokenized("* Karl Brenner : Kleine Geschichte der Uhrmacherei .")
    author = model_mention(article, "Karl Brenner", "PER")
    assert ("Kleine Geschichte der Uhrmacherei", "MISC") in _labels(article, [author])


def test_leagues_exchanges_and_games_are_listed_organisations() -> None:
    article = tokenized("Nach dem Finale der Champions League stieg der Kurs an der Wall Street und bei Xetra .")
    assert {("Champions League", "ORG"), ("Wall Street", "ORG"), ("Xetra", "ORG")} <= _labels(article)


def test_treaties_and_events_are_listed_misc_names() -> None:
    article = tokenized("Seit dem Prager Frühling und dem Maastrichter Vertrag ist viel geschehen.")
    assert {("Prager Frühling", "MISC"), ("Maastrichter Vertrag", "MISC")} <= _labels(article)
