from __future__ import annotations

import itertools
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronik.errors import ERROR_CODES, PipelineError
from chronik.gazetteer import Gazetteer, GazetteerEntry
from chronik.gazetteer_data import EntryRecord
from chronik.model import Article, Mention, Paragraph, Token
from chronik.nlp import names as name_rules
from chronik.nlp import ner, spacy_vocab

from .conftest import model_mention, small_gazetteer, tokenized

needs_model = pytest.mark.skipif(not ner.MODEL_DIR.exists(), reason="bundled NER model not built")


def _mention(start: int, end: int, label: str, source: str = "model", kind: str | None = None) -> Mention:
    return Mention(start, end, "x" * (end - start), label, source=source, kind=kind)


def _gazetteer() -> Gazetteer:
    entries = [
        GazetteerEntry(name="Bern", label="LOC", kind="city", country="CHE"),
        GazetteerEntry(name="Schweiz", label="LOC", kind="country", country="CHE"),
        GazetteerEntry(name="Bundesrat", label="ORG", kind="government", country="CHE"),
        GazetteerEntry(name="Nationaler Sicherheitsrat", label="ORG", kind="institution", country="UKR"),
    ]
    return small_gazetteer(entries)


@pytest.fixture(scope="module")
def stage() -> ner.NerStage:
    if not ner.MODEL_DIR.exists():
        pytest.skip("bundled NER model not built")
    return ner.create_stage(gazetteer=False)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Bundeskanzler Friedrich Merz reiste am Montag nach Paris.", "Friedrich Merz", "PER"),
        ("Die Verhandlungen fanden in Genf statt, sagte Sprecherin Anna Keller.", "Genf", "LOC"),
        ("Der Bundesrat hat die Vorlage der Europäischen Union abgelehnt.", "Europäischen Union", "ORG"),
    ],
)
def test_bundled_model_finds_clear_names(stage: ner.NerStage, text: str, name: str, label: str) -> None:
    article = stage(tokenized(text))
    assert (name, label) in {(m.text, m.label) for m in article.mentions}


def test_bundled_model_leaves_plain_sentence_empty(stage: ner.NerStage) -> None:
    article = stage(tokenized("Es regnete den ganzen Tag, und niemand ging nach draußen."))
    assert article.mentions == []


def test_stage_offsets_point_into_article_text(stage: ner.NerStage) -> None:
    text = "Titel ohne Punkt\n\nIn Wien traf Außenministerin Beate Meinl-Reisinger den Kollegen aus Kiew."
    article = stage(tokenized(text))
    assert article.mentions
    for mention in article.mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.source in {"model", "rule"}  # rules: "Beate Meinl-Reisinger" via the name list
        assert mention.label in {"PER", "ORG", "LOC", "MISC"}


def test_stage_without_tokens_gives_no_mentions(stage: ner.NerStage) -> None:
    assert stage(Article(id="empty", text="")).mentions == []


def test_stage_is_picklable_and_declares_layers(stage: ner.NerStage) -> None:
    copy = pickle.loads(pickle.dumps(stage))
    assert copy == stage
    assert stage.requires == ("tokens", "sentences")
    assert stage.provides == ("mentions",)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["Anna", "Roth", "sagte", "in", "Zürich", "»", ",", ".", "die", "UNO", "\n\n"])))
def test_stage_mentions_are_sorted_disjoint_spans(stage: ner.NerStage, words: list[str]) -> None:
    text = " ".join(words)
    mentions = stage(tokenized(text)).mentions
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text and mention.text.strip() == mention.text
    for first, second in itertools.pairwise(mentions):
        assert first.end <= second.start


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Bundeskanzler", "Friedrich", "Merz"], "Friedrich"),
        (["US-Sondergesandter", "Steve", "Witkoff"], "Steve"),
        (["Außenministerin", "Dr.", "Anna", "Roth"], "Anna"),
        (["Präsident"], "Präsident"),
        (["Kanzler", "und"], "Kanzler"),
        (["Anna", "Roth"], "Anna"),
    ],
)
def test_skip_titles_moves_start_past_leading_titles(words: list[str], expected: str) -> None:
    tokens = [Token(0, len(word), word) for word in words]
    assert tokens[ner.skip_titles(tokens, 0, len(tokens) - 1)].text == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Andrij", "Hnatow", "(", "45", ")"], "Hnatow"),
        (["Heinrich", "II."], "II."),
        (["(", "45"], "("),
    ],
)
def test_drop_trailing_non_words_ends_span_at_a_word(words: list[str], expected: str) -> None:
    tokens = [Token(0, len(word), word) for word in words]
    assert tokens[ner.drop_trailing_non_words(tokens, 0, len(tokens) - 1)].text == expected


def test_merge_model_first_keeps_model_and_adds_free_gazetteer_matches() -> None:
    model = [_mention(0, 10, "PER"), _mention(20, 24, "ORG")]
    gazetteer = [
        _mention(5, 12, "LOC", "gazetteer", "city"),
        _mention(20, 24, "ORG", "gazetteer", "party"),
        _mention(30, 35, "LOC", "gazetteer", "country"),
    ]
    merged = ner.merge_mentions(model, gazetteer, policy="model-first")
    assert [(m.start, m.end, m.label, m.source, m.kind) for m in merged] == [
        (0, 10, "PER", "model", None),
        (20, 24, "ORG", "model", "party"),
        (30, 35, "LOC", "gazetteer", "country"),
    ]


def test_merge_gazetteer_first_replaces_overlapping_model_mentions() -> None:
    model = [_mention(0, 10, "ORG"), _mention(40, 44, "PER")]
    gazetteer = [_mention(0, 4, "LOC", "gazetteer", "city")]
    merged = ner.merge_mentions(model, gazetteer, policy="gazetteer-first")
    assert [(m.start, m.label, m.source) for m in merged] == [(0, "LOC", "gazetteer"), (40, "PER", "model")]


def test_merge_model_only_adds_nothing() -> None:
    merged = ner.merge_mentions([_mention(0, 4, "PER")], [_mention(10, 14, "LOC", "gazetteer")], policy="model-only")
    assert [(m.start, m.source) for m in merged] == [(0, "model")]


def test_merge_unknown_policy_is_a_coded_error() -> None:
    with pytest.raises(PipelineError) as error:
        ner.merge_mentions([], [], policy="both")  # type: ignore[arg-type]
    assert error.value.code == "E061"


def test_gazetteer_mentions_only_on_token_boundaries() -> None:
    article = tokenized("In Bern tagte der Bundesrat, nicht in Berner Stuben.")
    found = [(m.text, m.label, m.kind, m.source) for m in ner.gazetteer_mentions(article, _gazetteer())]
    assert found == [("Bern", "LOC", "city", "gazetteer"), ("Bundesrat", "ORG", "government", "gazetteer")]


def test_fill_kinds_uses_gazetteer_entry_with_same_label() -> None:
    mentions = [
        Mention(0, 7, "Schweiz", "LOC"),
        Mention(8, 12, "Bern", "ORG"),
        Mention(13, 26, "Schweiz", "MISC"),
    ]
    ner.fill_kinds(mentions, _gazetteer())
    assert [m.kind for m in mentions] == ["country", None, None]


@needs_model
def test_stage_with_gazetteer_adds_kinds_and_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_load_gazetteer", lambda files: _gazetteer())
    text = "Rustem Umjerow, Sekretär des Nationalen Sicherheitsrats, war in Bern."
    article = ner.NerStage(use_gazetteer=True)(tokenized(text))
    by_text = {m.text: m for m in article.mentions}
    assert by_text["Bern"].label == "LOC" and by_text["Bern"].kind == "city"
    assert by_text["Nationalen Sicherheitsrats"].label == "ORG"


def test_create_stage_spacy_backend_needs_model() -> None:
    with pytest.raises(PipelineError) as error:
        ner.create_stage(backend="spacy", gazetteer=False)
    assert error.value.code == "E061"


def test_create_stage_unknown_backend_is_coded() -> None:
    with pytest.raises(PipelineError) as error:
        ner.create_stage(backend="flair", gazetteer=False)  # type: ignore[arg-type]
    assert error.value.code == "E061" and "E061" in ERROR_CODES


@needs_model
def test_create_stage_missing_spacy_model_is_coded() -> None:
    with pytest.raises(PipelineError) as error:
        ner.create_stage(backend="spacy", model="de_core_news_nonexistent", gazetteer=False)
    assert error.value.code == "E060" and "E060" in ERROR_CODES


@needs_model
def test_spacy_backend_loads_user_pipeline_by_path(tmp_path: Path) -> None:
    import spacy

    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "PERSON", "pattern": [{"TEXT": "Lea"}, {"TEXT": "Frei"}]},
            {"label": "GPE", "pattern": "Luzern"},
            {"label": "DATE", "pattern": "Montag"},
        ]
    )
    nlp.to_disk(tmp_path / "tiny")
    stage = ner.create_stage(backend="spacy", model=str(tmp_path / "tiny"), gazetteer=False)
    article = stage(tokenized("Am Montag sprach Lea Frei in Luzern."))
    assert [(m.text, m.label) for m in article.mentions] == [("Lea Frei", "PER"), ("Luzern", "LOC")]


@needs_model
def test_spacy_backend_without_ner_component_is_coded(tmp_path: Path) -> None:
    import spacy

    spacy.blank("de").to_disk(tmp_path / "blank")
    with pytest.raises(PipelineError) as error:
        ner.create_stage(backend="spacy", model=str(tmp_path / "blank"), gazetteer=False)
    assert error.value.code == "E060"


def test_propagate_surnames_relabels_and_adds_bare_surnames() -> None:
    article = tokenized("Steve Witkoff landete. Witkoff sagte, Witkoffs Plan bleibe.")
    full = model_mention(article, "Steve Witkoff", "PER")
    second = article.text.index("Witkoff", full.end)
    wrong = Mention(second, second + 7, "Witkoff", "LOC", source="model")
    found = [(m.start, m.label) for m in ner.propagate_surnames(article, [full, wrong])]
    assert found == [(0, "PER"), (second, "PER"), (article.text.index("Witkoffs"), "PER")]


def test_looks_like_common_noun_uses_list_and_endings() -> None:
    assert ner.looks_like_common_noun("Region") and ner.looks_like_common_noun("Sicherheitsvereinbarungen")
    assert not ner.looks_like_common_noun("Tacoma") and not ner.looks_like_common_noun("Jung")


def test_stage_rules_option_switches_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "In der Region kostete es 30 Millionen Euro."
    region = Mention(7, 13, "Region", "LOC", source="model")
    monkeypatch.setattr(ner, "load_spacy_pipeline", lambda model: None)
    monkeypatch.setattr(ner, "model_mentions", lambda article, nlp, batch_size: [region])
    with_rules = ner.NerStage(use_gazetteer=False)(tokenized(text)).mentions
    without = ner.NerStage(use_gazetteer=False, rules=False)(tokenized(text)).mentions
    assert [(m.text, m.label, m.source) for m in with_rules] == [("Euro", "MISC", "rule")]
    assert [(m.text, m.label) for m in without] == [("Region", "LOC")]


@needs_model
def test_model_mentions_keep_spacy_vocabulary_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    model = str(ner.MODEL_DIR)
    ner.model_mentions(tokenized("Anna Roth sprach in Bern."), ner.load_spacy_pipeline(model))
    limit = len(ner.load_spacy_pipeline(model).vocab.strings) + 40
    monkeypatch.setattr(spacy_vocab, "MAX_STRINGS", limit)
    for number in range(60):
        article = tokenized(f"Die Zauberin{number} Anna Roth reiste nach Quarkstadt{number} in Bern.")
        found = ner.model_mentions(article, ner.load_spacy_pipeline(model))
        assert all(article.text[m.start : m.end] == m.text for m in found)
        assert len(ner.load_spacy_pipeline(model).vocab.strings) <= limit + 20


def _names_gazetteer() -> Gazetteer:
    """The test gazetteer plus places that look like first names or sit in full names."""
    entries = [
        GazetteerEntry(name="Hagen", label="LOC", kind="city", country="DEU"),
        GazetteerEntry(name="Marion", label="LOC", kind="city", country="USA"),
        GazetteerEntry(name="Neuseeland", label="LOC", kind="country", country="NZL"),
    ]
    records = [EntryRecord(entry=entry) for entry in entries]
    gazetteer = _gazetteer()
    for record in records:
        gazetteer.add(record)
    return gazetteer


def _texts(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in mentions]


def test_is_first_name_knows_names_hyphenated_names_and_ambiguous_ones() -> None:
    assert all(name_rules.is_first_name(name) for name in ("Henning", "Wolodymyr", "Hans-Peter"))
    assert name_rules.is_first_name("Mark") and not name_rules.is_first_name("Mark", alone=True)
    assert name_rules.is_first_name("Claire", alone=True)
    assert not name_rules.is_first_name("Frieden") and not name_rules.is_first_name("Hagen")
    assert not name_rules.is_first_name("Max-Planck-Institut")


def test_first_names_list_is_large_and_has_no_common_nouns() -> None:
    names, alone = name_rules.first_names()
    assert len(names) >= 1500 and alone < names
    assert not {"Frieden", "Halle", "Park", "Region"} & names


def test_full_name_mentions_finds_first_name_and_surname() -> None:
    text = "Am Montag lehnte Henning Voscherau ab, Ole von Beust auch, und von Uta Hagen kam nichts."
    found = _texts(name_rules.full_name_mentions(tokenized(text), _names_gazetteer()))
    assert found == [("Henning Voscherau", "PER"), ("Ole von Beust", "PER"), ("Uta Hagen", "PER")]


def test_full_name_mentions_stops_at_nouns_places_and_function_words() -> None:
    text = (
        "Foto: Miguel Riopa Grund genug. Jean-Marie de Surville Neuseeland sah er. "
        "Der Frieden kam, Max kam, Anna Der Trainer ging."
    )
    found = _texts(name_rules.full_name_mentions(tokenized(text), _names_gazetteer()))
    assert found == [("Miguel Riopa", "PER"), ("Jean-Marie de Surville", "PER")]


def test_full_name_mentions_ignores_places_and_saints() -> None:
    text = "Sie wohnt in St. Moritz Dorf, das Max-Planck-Institut liegt in Marion Ohio."
    assert name_rules.full_name_mentions(tokenized(text), _names_gazetteer()) == []


def test_full_name_mentions_needs_a_surname_after_an_ambiguous_first_name() -> None:
    text = "Die Mark Brandenburg zahlte, Mark Rutte kam."
    gazetteer = _names_gazetteer()
    gazetteer.add(EntryRecord(entry=GazetteerEntry(name="Brandenburg", label="LOC", kind="region", country="DEU")))
    assert _texts(name_rules.full_name_mentions(tokenized(text), gazetteer)) == [("Mark Rutte", "PER")]


def test_add_full_names_cuts_role_nouns_and_replaces_other_labels() -> None:
    article = tokenized("Der Hostess Silvia Sommerlath gefiel es, sagte Biobauer Renzo Blumenthal.")
    mentions = [
        model_mention(article, "Hostess Silvia Sommerlath", "ORG"),
        model_mention(article, "Biobauer Renzo Blumenthal", "LOC"),
    ]
    names = name_rules.full_name_mentions(article, _names_gazetteer())
    found = _texts(name_rules.add_full_names(article, mentions, names))
    assert found == [("Silvia Sommerlath", "PER"), ("Renzo Blumenthal", "PER")]


def test_add_full_names_keeps_longer_spans_and_facilities() -> None:
    article = tokenized("Die Konrad Adenauer Stiftung lud zum Flughafen Franz Josef Strauß ein.")
    mentions = [
        model_mention(article, "Konrad Adenauer Stiftung", "ORG"),
        model_mention(article, "Flughafen Franz Josef Strauß", "LOC"),
    ]
    names = name_rules.full_name_mentions(article, _names_gazetteer())
    assert [m.text for m in names] == ["Konrad Adenauer", "Franz Josef Strauß"]
    assert _texts(name_rules.add_full_names(article, mentions, names)) == _texts(mentions)


def test_add_full_names_keeps_same_model_person_span() -> None:
    article = tokenized("Gestern sprach Anna Keller.")
    model = model_mention(article, "Anna Keller", "PER")
    merged = name_rules.add_full_names(article, [model], name_rules.full_name_mentions(article, _names_gazetteer()))
    assert merged == [model] and merged[0].source == "model"


def test_relabel_first_names_makes_lone_first_names_persons() -> None:
    text = "Claire kam später als Max, in Marion und in Hagen war sie mit Mark in St. Moritz."
    article = tokenized(text)
    spans = [("Claire", "LOC"), ("Max", "LOC"), ("Marion", "LOC"), ("Hagen", "LOC"), ("Mark", "ORG"), ("Moritz", "LOC")]
    mentions = [model_mention(article, name, label) for name, label in spans]
    found = _texts(name_rules.relabel_first_names(article, mentions, _names_gazetteer()))
    assert found == [
        ("Claire", "PER"),
        ("Max", "PER"),
        ("Marion", "LOC"),
        ("Hagen", "LOC"),
        ("Mark", "ORG"),
        ("Moritz", "LOC"),
    ]


def test_lone_first_names_skips_sentence_starts_words_and_places() -> None:
    text = "Nur Justin, Alex und Max erinnern sich. Max schwieg. Der Frieden hielt in Marion und Paris."
    found = _texts(name_rules.lone_first_names(tokenized(text), _names_gazetteer()))
    assert found == [("Justin", "PER"), ("Alex", "PER"), ("Max", "PER")]


def test_role_name_mentions_finds_surnames_after_roles() -> None:
    text = "Bäderleiter Schmid und Psychologe Baldwin widersprachen, der Trainer Grund nicht, Präsident Schweiz nicht."
    found = _texts(name_rules.role_name_mentions(tokenized(text), _names_gazetteer()))
    assert found == [("Schmid", "PER"), ("Baldwin", "PER")]


def test_add_person_names_skips_bylines() -> None:
    text = "Anna Keller Redaktorin\n\nDie Ärztin Eva Roth kam."
    article = tokenized(text)
    article.paragraphs = [Paragraph(0, 22, text[:22], kind="byline"), Paragraph(24, len(text), text[24:])]
    found = _texts(name_rules.add_person_names(article, [], _names_gazetteer()))
    assert found == [("Eva Roth", "PER")]


def test_add_missing_adds_only_extras_that_overlap_nothing() -> None:
    mentions = [_mention(0, 5, "PER"), _mention(10, 20, "ORG")]
    extra = [_mention(3, 7, "LOC"), _mention(6, 9, "LOC"), _mention(19, 22, "LOC"), _mention(22, 25, "MISC")]
    found = [(m.start, m.end) for m in ner.add_missing(mentions, extra)]
    assert found == [(0, 5), (6, 9), (10, 20), (22, 25)]


@given(
    st.lists(
        st.sampled_from(["Anna", "Mark", "Keller", "von", "der", "Beust", "Hagen", "Frieden", "Grund", "St.", ",", "."])
    )
)
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_full_name_mentions_are_disjoint_person_spans_on_token_boundaries(words: list[str]) -> None:
    article = tokenized(" ".join(words))
    mentions = name_rules.full_name_mentions(article, _names_gazetteer())
    starts, ends = {t.start for t in article.tokens}, {t.end for t in article.tokens}
    for mention in mentions:
        assert mention.start in starts and mention.end in ends and mention.label == "PER"
        assert article.text[mention.start : mention.end] == mention.text and " " in mention.text
        assert mention.text.split()[-1] not in {"von", "der", "Frieden"}  # Frieden: listed common noun
        assert not {"St.", ",", "."} & set(mention.text.split())
    for first, second in itertools.pairwise(mentions):
        assert first.end <= second.start


def test_stage_person_rules_end_to_end(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Die Hostess Silvia Sommerlath traf Claire in Hagen, später kam Henning Voscherau."
    article = tokenized(text)
    spans = [("Hostess Silvia Sommerlath", "ORG"), ("Claire", "LOC"), ("Hagen", "LOC")]
    model = [model_mention(article, name, label) for name, label in spans]
    monkeypatch.setattr(ner, "load_spacy_pipeline", lambda model: None)
    monkeypatch.setattr(ner, "model_mentions", lambda article, nlp, batch_size: [*model])
    monkeypatch.setattr(ner, "_load_gazetteer", lambda files: _names_gazetteer())
    found = _texts(ner.NerStage()(article).mentions)
    assert found == [("Silvia Sommerlath", "PER"), ("Claire", "PER"), ("Hagen", "LOC"), ("Henning Voscherau", "PER")]


def test_surnames_drop_listed_words_that_are_frequent_nouns() -> None:
    names = name_rules.surnames()
    assert {"Hitler", "Merkel", "Schulz"} <= names
    assert not {"Zweig", "Rausch"} & names  # listed, but HanTa knows them as common nouns


def test_lone_surnames_finds_listed_names_and_genitives_inside_sentences() -> None:
    text = "Merkel kam. Danach sprach Merkel mit Hitlers Biografen, ein Zweig brach, in Washington nicht."
    found = _texts(name_rules.lone_surnames(tokenized(text), _names_gazetteer()))
    assert found == [("Merkel", "PER"), ("Hitlers", "PER")]


def test_street_mentions_finds_named_streets_not_generic_ones() -> None:
    text = "Die Schwanitzstraße und die Friedrich-Ebert-Straße, nicht die Einbahnstraße, Landstraße, Einkaufsstraße."
    found = _texts(name_rules.street_mentions(tokenized(text)))
    assert found == [("Schwanitzstraße", "LOC"), ("Friedrich-Ebert-Straße", "LOC")]


def test_relabel_first_names_also_relabels_listed_family_names() -> None:
    article = tokenized("Danach kam Merkels Zusage aus Hagen.")
    mentions = [model_mention(article, "Merkels", "LOC"), model_mention(article, "Hagen", "LOC")]
    found = _texts(name_rules.relabel_first_names(article, mentions, _names_gazetteer()))
    assert found == [("Merkels", "PER"), ("Hagen", "LOC")]


def test_full_name_known_to_gazetteer_as_person_still_replaces_model_span() -> None:
    article = tokenized("Gestern traf Secretary of State Marco Rubio den Kollegen.")
    gazetteer = _names_gazetteer()
    gazetteer.add(EntryRecord(entry=GazetteerEntry(name="Marco Rubio", label="PER", kind=None, country="USA")))
    model = [model_mention(article, "Secretary of State Marco Rubio", "ORG")]
    merged = name_rules.add_full_names(article, model, name_rules.full_name_mentions(article, gazetteer))
    assert _texts(merged) == [("Marco Rubio", "PER")]
