from __future__ import annotations

from chronik.gazetteer import Gazetteer, GazetteerEntry
from chronik.model import Mention, Paragraph
from chronik.nlp import span_fixes

from .conftest import model_mention, small_gazetteer, tokenized


def _gazetteer() -> Gazetteer:
    entries = [
        GazetteerEntry(name="Rotterdam", label="LOC", kind="city", country="NLD"),
        GazetteerEntry(name="Niederlande", label="LOC", kind="country", country="NLD"),
        GazetteerEntry(name="Bayern", label="LOC", kind="region", country="DEU"),
        GazetteerEntry(name="Tirol", label="LOC", kind="region", country="AUT"),
        GazetteerEntry(name="Chile", label="LOC", kind="country", country="CHL"),
        GazetteerEntry(name="USA", label="LOC", kind="country", country="USA"),
    ]
    return small_gazetteer(entries)


def _fixed(text: str, *spans: tuple[str, str]) -> list[tuple[str, str]]:
    article = tokenized(text)
    mentions = [model_mention(article, span, label) for span, label in spans]
    return [(m.text, m.label) for m in span_fixes.fix_model_spans(article, mentions, _gazetteer())]


def test_common_nouns_compass_words_roles_and_adjectives_alone_are_dropped() -> None:
    text = "Bei Kaffee und Hammer fuhr er nach Südosten, sagte die Rechtsexpertin der deutschen Partei."
    spans = [("Kaffee", "LOC"), ("Hammer", "PER"), ("Südosten", "LOC"), ("Rechtsexpertin", "PER")]
    assert _fixed(text, *spans, ("deutschen", "LOC")) == []


def test_adjectives_of_known_places_are_no_places() -> None:
    text = "Die Tiroler Bauern und Rotterdamer Hafenarbeiter trafen sich in Tirol."
    assert _fixed(text, ("Tiroler", "LOC"), ("Rotterdamer", "LOC"), ("Tirol", "LOC")) == [("Tirol", "LOC")]


def test_hyphenated_noun_heads_are_dropped_but_place_heads_stay() -> None:
    text = "Geld kam auf das Diakonie-Spendenkonto, das Spiel fand in der Osnatel-Arena statt."
    assert _fixed(text, ("Diakonie-Spendenkonto", "LOC"), ("Osnatel-Arena", "LOC")) == [("Osnatel-Arena", "LOC")]


def test_names_and_places_are_kept_even_when_they_are_nouns() -> None:
    text = "Gestern sprach Claire in Bayern über das Wetter."
    assert _fixed(text, ("Claire", "PER"), ("Bayern", "LOC")) == [("Claire", "PER"), ("Bayern", "LOC")]


def test_a_span_is_cut_before_a_capitalised_function_word() -> None:
    text = "Sie fuhren nach Lido di Spina Die Straße ist heute touristisch."
    assert _fixed(text, ("Lido di Spina Die Straße", "LOC")) == [("Lido di Spina", "LOC")]


def test_places_lose_trailing_years_and_brackets_become_two_places() -> None:
    text = "Er lebte in Frankfurt am Main 2003 und zog nach Rotterdam ( Niederlande ) sowie Pfaffenhofen ( PK ) um."
    spans = [("Frankfurt am Main 2003", "LOC"), ("Rotterdam ( Niederlande )", "LOC"), ("Pfaffenhofen ( PK )", "LOC")]
    assert _fixed(text, *spans) == [
        ("Frankfurt am Main", "LOC"),
        ("Rotterdam", "LOC"),
        ("Niederlande", "LOC"),
        ("Pfaffenhofen", "LOC"),
    ]


def test_a_known_place_acronym_in_brackets_stays_a_place() -> None:
    text = "Der Sieger kam aus Boston ( USA ) ins Ziel."
    assert _fixed(text, ("Boston ( USA )", "LOC")) == [("Boston", "LOC"), ("USA", "LOC")]


def test_common_nouns_after_a_genitive_are_cut() -> None:
    text = "Nach Heidi Klums Modelsuche lobte Wetzlars Coach die Stadt."
    spans = [("Heidi Klums Modelsuche", "PER"), ("Wetzlars Coach", "LOC")]
    assert _fixed(text, *spans) == [("Heidi Klums", "PER"), ("Wetzlars", "LOC")]


def test_english_name_words_do_not_count_as_nouns_after_a_genitive() -> None:
    text = "Das Team spielt in der Champions League."
    assert _fixed(text, ("Champions League", "LOC")) == [("Champions League", "LOC")]


def test_leading_roles_are_cut_from_person_spans() -> None:
    text = "Der Entwickler Garry Newman und Chefinspektor Hadden Dolores trafen Miss Parker."
    spans = [("Entwickler Garry Newman", "PER"), ("Chefinspektor Hadden Dolores", "PER"), ("Miss Parker", "PER")]
    assert _fixed(text, *spans) == [("Garry Newman", "PER"), ("Hadden Dolores", "PER"), ("Parker", "PER")]


def test_one_word_after_a_plain_noun_keeps_the_person_span() -> None:
    text = "Wir testeten Auto Backup und trafen Lady Gaga."
    spans = [("Auto Backup", "PER"), ("Lady Gaga", "PER")]
    assert _fixed(text, *spans) == [("Auto Backup", "PER"), ("Lady Gaga", "PER")]


def test_leading_common_nouns_are_cut_from_places_but_not_venue_words() -> None:
    text = "Er zog in die Kreisstadt Torgau, ins Königreich Bayern und spielte in der Arena Wien."
    spans = [("Kreisstadt Torgau", "LOC"), ("Königreich Bayern", "LOC"), ("Arena Wien", "LOC")]
    assert _fixed(text, *spans) == [("Torgau", "LOC"), ("Bayern", "LOC"), ("Arena Wien", "LOC")]


def test_a_place_span_that_starts_with_a_role_becomes_a_person() -> None:
    text = "Der Ball ging an Löwen-Keeper Hofmann vorbei, Gastgeber Chile gewann."
    spans = [("Löwen-Keeper Hofmann", "LOC"), ("Gastgeber Chile", "PER")]
    assert _fixed(text, *spans) == [("Hofmann", "PER"), ("Gastgeber Chile", "PER")]


def test_unknown_genitives_before_nouns_and_family_name_endings_are_people() -> None:
    text = "Nach Buurmanns Rücktritt traf Djurdjic zweimal, dann sprach man über Tirols Berge."
    spans = [("Buurmanns", "LOC"), ("Djurdjic", "LOC"), ("Tirols", "PER")]
    assert _fixed(text, *spans) == [("Buurmanns", "PER"), ("Djurdjic", "PER"), ("Tirols", "LOC")]


def test_rule_and_gazetteer_mentions_are_left_alone() -> None:
    article = tokenized("Der Hammer fiel in Kaffee.")
    start = article.text.index("Hammer")
    rule = Mention(start, start + 6, "Hammer", "PER", source="rule")
    fixed = span_fixes.fix_model_spans(article, [rule], _gazetteer())
    assert fixed == [rule]


def test_bare_unknown_words_next_to_speech_verbs_become_people() -> None:
    article = tokenized(
        "„Das reicht nicht“, sagte Riederer der Zeitung. Ramelow erklärte, er sei zufrieden. "
        "Diesbezüglich spricht er offen. Das Spiel sei gut, schreibt Eurogamer. Das sagte Polizei heute."
    )
    found = span_fixes.speaker_names(article, [], _gazetteer())
    assert [(m.text, m.label, m.source) for m in found] == [("Riederer", "PER", "rule"), ("Ramelow", "PER", "rule")]


def test_speaker_names_leave_covered_words_and_known_places_alone() -> None:
    article = tokenized("Er sprach lange, sagte Chile. Riederer erklärte es.")
    start = article.text.index("Riederer")
    covered = [Mention(start, start + 8, "Riederer", "ORG", source="model")]
    assert span_fixes.speaker_names(article, covered, _gazetteer()) == covered


def test_compound_nouns_tagged_as_people_are_dropped_but_family_names_stay() -> None:
    text = "Sie sprachen über Hautfarbe und Magnetfelder mit Zimmermann."
    spans = [("Hautfarbe", "PER"), ("Magnetfelder", "PER"), ("Zimmermann", "PER")]
    assert _fixed(text, *spans) == [("Zimmermann", "PER")]


def test_speaker_names_skip_bylines() -> None:
    article = tokenized("Kestenholz sagte Riederer.\n\nDas Spiel sei gut, sagte Riederer.")
    end = article.text.index("\n")
    article.paragraphs = [Paragraph(0, end, article.text[:end], "byline")]
    found = span_fixes.speaker_names(article, [], _gazetteer())
    assert [(m.start, m.text) for m in found] == [(article.text.rindex("Riederer"), "Riederer")]


def test_numbered_common_nouns_and_adjectives_are_no_places() -> None:
    text = "In der Saison 1953/54 wie im 1. Satz war Großes los, die A4 war frei, 3. Tirol."
    spans = [("Saison 1953/54", "LOC"), ("1. Satz", "LOC"), ("Großes", "LOC"), ("A4", "LOC"), ("3. Tirol", "LOC")]
    assert _fixed(text, *spans) == [("A4", "LOC"), ("3. Tirol", "LOC")]


def test_a_noun_before_a_known_place_is_cut_but_place_openers_stay() -> None:
    text = "Nach dem Anschluss Bayerns blieb Bad Tirol ruhig."
    gazetteer = _gazetteer()
    article = tokenized(text)
    spans = [model_mention(article, "Anschluss Bayerns", "LOC"), model_mention(article, "Bad Tirol", "LOC")]
    found = span_fixes.fix_model_spans(article, spans, gazetteer)
    assert [(m.text, m.label) for m in found] == [("Bayerns", "LOC"), ("Bad Tirol", "LOC")]
