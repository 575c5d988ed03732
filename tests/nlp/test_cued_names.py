from __future__ import annotations

from chronik.gazetteer import Gazetteer, GazetteerEntry
from chronik.model import Article, Mention
from chronik.nlp import cued_names

from .conftest import small_gazetteer, tokenized


def _gazetteer() -> Gazetteer:
    entries = [GazetteerEntry(name="Hamburg", label="LOC", kind="city", country="DEU")]
    return small_gazetteer(entries)


def _spans(article: Article, found: list[cued_names.Found]) -> set[tuple[str, str]]:
    tokens = article.tokens
    return {(article.text[tokens[f.first].start : tokens[f.last].end], f.label) for f in found}


def test_cue_label_reads_whole_words_and_compound_heads() -> None:
    assert cued_names.cue_label("Chemiekonzern") == "ORG"
    assert cued_names.cue_label("Pop-Band") == "ORG"
    assert cued_names.cue_label("Debütalbum") == "MISC"
    assert cued_names.cue_label("Orkan") == "MISC"
    assert cued_names.cue_label("Bürgermeister") is None
    assert cued_names.cue_label("album") is None


def test_quoted_title_after_work_noun_is_misc_and_after_press_noun_org() -> None:
    article = tokenized("Der Song „Regen über Lindau“ lief im Magazin „Neue Wege“ oft.")
    assert _spans(article, cued_names.quoted_title_mentions(article.tokens)) == {
        ("Regen über Lindau", "MISC"),
        ("Neue Wege", "ORG"),
    }


def test_english_title_in_quotes_needs_no_cue() -> None:
    article = tokenized('Sie sang "Walk On The Water" und rief "Schön hier".')
    assert _spans(article, cued_names.quoted_title_mentions(article.tokens)) == {("Walk On The Water", "MISC")}


def test_quoted_speech_is_no_title() -> None:
    article = tokenized("Im Film „Wir bleiben hier“ und im Titel „Das ist genug .“ sagte er nichts.")
    assert cued_names.quoted_title_mentions(article.tokens) == []


def test_cue_noun_relabels_model_span_after_it() -> None:
    article = tokenized("Die Rockband Kalte Kiesel spielte, das Bankhaus Credo Ligure zahlte.")
    start = article.text.index("Kalte Kiesel")
    other = article.text.index("Credo Ligure")
    mentions = [
        Mention(start, start + 12, "Kalte Kiesel", "PER", source="model"),
        Mention(other, other + 12, "Credo Ligure", "LOC", source="model"),
    ]
    found = cued_names.apply_cue_nouns(article, mentions, _gazetteer())
    assert {(m.text, m.label) for m in found} == {("Kalte Kiesel", "ORG"), ("Credo Ligure", "ORG")}


def test_cue_noun_inside_model_span_is_cut_off() -> None:
    article = tokenized("Als Orkan Xaver kam, blieb alles zu.")
    start = article.text.index("Orkan")
    mentions = [Mention(start, start + 11, "Orkan Xaver", "PER", source="model")]
    found = cued_names.apply_cue_nouns(article, mentions, _gazetteer())
    assert [(m.text, m.label) for m in found] == [("Xaver", "MISC")]


def test_cue_noun_adds_capitalised_non_nouns_but_no_nouns_or_places() -> None:
    article = tokenized("Die Firma Grauwerk Lüdtke baut. Die Firma Hamburg wächst. Der Konzern Ende Mai.")
    found = cued_names.apply_cue_nouns(article, [], _gazetteer())
    assert [(m.text, m.label) for m in found] == [("Grauwerk Lüdtke", "ORG")]


def test_gazetteer_mentions_after_cues_keep_their_label() -> None:
    article = tokenized("Die Firma Hamburg wächst.")
    start = article.text.index("Hamburg")
    mentions = [Mention(start, start + 7, "Hamburg", "LOC", source="gazetteer")]
    assert cued_names.apply_cue_nouns(article, mentions, _gazetteer()) == mentions


def test_products_need_maker_and_model_or_type_code() -> None:
    article = tokenized("Er fuhr einen Opel Astra OPC , flog im Airbus A380 und kaufte bei Opel 2009 nichts.")
    found = cued_names.product_mentions(article.tokens)
    assert _spans(article, found) == {("Opel Astra OPC", "MISC"), ("Airbus A380", "MISC")}


def test_cue_noun_that_is_a_first_name_cues_nothing() -> None:
    article = tokenized("Dazu sagte Roman Stiftner nichts, die Gruppe Erste Hilfe auch nicht.")
    assert cued_names.apply_cue_nouns(article, [], _gazetteer()) == []


def test_cue_noun_compounds_of_whole_word_cues_cue_nothing() -> None:
    article = tokenized("Der Landesverband Lindwurm tagte, die Zielgruppe Kunden auch.")
    assert cued_names.apply_cue_nouns(article, [], _gazetteer()) == []


def test_title_shaped_quotes_without_cue_are_misc() -> None:
    article = tokenized("Neu im Kino : „Das blaue Zimmer“ , „Reise nach Ulm“ und mehr.")
    assert _spans(article, cued_names.title_shaped_quotes(article.tokens)) == {
        ("Das blaue Zimmer", "MISC"),
        ("Reise nach Ulm", "MISC"),
    }


def test_quotes_after_a_lower_case_word_or_with_verbs_are_no_titles() -> None:
    text = (
        "Das war der „Goldene Schuh“ . „Inzwischen leben hier Tausende“ , sagt sie. „Wir Kinder“ , „Verein für Uhren“ ."
    )
    article = tokenized(text)
    assert cued_names.title_shaped_quotes(article.tokens) == []


def test_reference_title_follows_a_person_and_a_colon_and_ends_with_a_full_stop() -> None:
    article = tokenized("* Karl Brenner : Kleine Geschichte der alten und neuen Uhrmacherei . Maier : Ein Abend .")
    person_ends = frozenset({article.text.index(" :"), article.text.index(" : Ein")})
    assert _spans(article, cued_names.reference_titles(article.tokens, person_ends)) == {
        ("Kleine Geschichte der alten und neuen Uhrmacherei", "MISC")
    }
    assert cued_names.reference_titles(article.tokens, frozenset()) == []


def test_english_work_title_needs_a_function_word_and_no_organisation_word() -> None:
    assert cued_names.english_work_title(["Piece", "of", "Me"])
    assert cued_names.english_work_title(["Turn", "The", "Tide"])
    assert not cued_names.english_work_title(["Bank", "of", "America"])
    assert not cued_names.english_work_title(["The", "Dave", "Matthews", "Band"])
    assert not cued_names.english_work_title(["Three", "Lions"])


def test_empty_and_unclosed_quotes_give_no_titles() -> None:
    article = tokenized("Er sagte „“ und „ “ , dann „Das blaue")
    assert cued_names.title_shaped_quotes(article.tokens) == []
    assert cued_names.quoted_title_mentions(article.tokens) == []
