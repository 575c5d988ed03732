"""Reported speech: a speech act mentioned with its topic but without its content.

"Witkoff äusserte sich zum Treffen", "Die Polizei sprach von 4000 Teilnehmern", "Die Opposition
forderte den Rücktritt". One per sentence, never in a sentence with a direct quote, and only in a
clause that no other quotation of the sentence covers (`indirect.build_indirect` decides that). The
message is the speech act's own clause, not a subordinate clause before it or a main clause of its own
before or after it ("Laut X kamen 7000, die Polizei sprach von 4000." → from "die Polizei").
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.correlates import needs_correlate
from chronik.quotes.direct import apply_cue
from chronik.quotes.draft import Cue, Draft, SentenceAnalysis
from chronik.quotes.grammar import CLAUSE_REACH, COORDINATORS, SUBORDINATORS, is_finite, konjunktiv
from chronik.quotes.lexicon import QuoteLexicon
from chronik.quotes.view import Word

# Verbs that too often describe something other than a speech act to stand alone as one.
_REPORTED_LEMMAS_EXCLUDED = frozenset(
    [
        "nennen",
        "heissen",
        "lauten",
        "rechnen",
        "entscheiden",
        "fragen",
        "informieren",
        "zeigen",
        "feststellen",
        "bemerken",
        "beschliessen",
        "annehmen",
        "ausgehen",
        "hervorgehen",
        "bekanntwerden",
        "zitieren",
        "verweisen",
        "erinnern",
        "sprechen",
        "ausschliessen",
        "schildern",
        "beschreiben",
        "schreiben",
        "melden",
        "berichten",
        "bestätigen",
        "zustimmen",
        "ablehnen",
        "ergeben",
        "vertreten",
        "sehen",
        "notieren",
        "bezeichnen",  # only with "als" (see below): "Der Name bezeichnet eine Philosophie" names nothing said
        "enthüllen",  # "enthüllte ein Denkmal für die Opfer" unveils, it says nothing
        "überlegen",  # "überlegte lange" or the adjective "klar überlegen": only with its zu-infinitive
        "ausrechnen",
    ]
)


# A reported speech act needs its content: a topic after one of these words, or a verb whose object is
# the content itself ("forderte den Rücktritt", "kritisierte den Entscheid").
_TOPIC_WORDS = frozenset({"als", "von", "vom", "über", "auf", "mit", "für", "vor", "gegen", "zu", "zum", "zur"})
# Determiners of a dative after "auf": a place or an event, not a topic ("auf einer Pressekonferenz").
_DATIVES = frozenset({"einem", "einer", "dem", "der", "seinem", "seiner", "ihrem", "ihrer", "diesem", "dieser"})
_CONTENT_OBJECT_VERBS = frozenset(
    {"fordern", "verlangen", "warnen", "bemängeln", "beklagen", "monieren", "anmahnen", "beanstanden", "anprangern"}
    | {"vorwerfen"}  # "warf der Regierung Versagen vor": the reproach is the content
)
# Verbs of an attitude towards a thing: their object is its target, not what was said ("kritisierte den
# Vertrag", "begrüsste die Gäste", "bekräftigte das Engagement"); they report only with the judgement
# after "als" ("verurteilte den Anschlag als feige").
_ATTITUDE_VERBS = frozenset(
    {"kritisieren", "verurteilen", "begrüssen", "loben", "würdigen", "bekräftigen", "rügen", "tadeln"}
    | {"attackieren", "feiern", "preisen", "brandmarken"}
)
# Negations of a speech act that did not take place ("äusserte sich bisher nicht", "bekannte sich nie");
# "nicht nur …, sondern" and "nicht mehr als" negate no act.
_NEGATIONS = frozenset({"nicht", "nie", "niemals"})
_NEGATED_SPEAKERS = frozenset({"kein", "keine", "keiner", "keinem", "keinen", "niemand"})
_NOT_NEGATING_AFTER = frozenset({"nur", "zuletzt", "mehr", "weniger", "allein", "bloss", "erst"})
# Verbs that report a speech act only with the preposition they govern (not "sprach am Abend").
_REPORTING_WITH_PREPOSITION: dict[str, frozenset[str]] = {
    "sprechen": frozenset({"von"}),
    "berichten": frozenset({"von", "über"}),
    "ausgehen": frozenset({"von"}),
    "verweisen": frozenset({"auf"}),
    "hinweisen": frozenset({"auf"}),
    "rechnen": frozenset({"mit"}),
    "sehen": frozenset({"in", "im", "darin"}),  # "sieht in dem Gesetz eine Gefahr"
    "aussprechen": frozenset({"für", "gegen"}),
    "fürhalten": frozenset({"für"}),  # "hält das Verfahren für verfassungswidrig"
    "bezeichnen": frozenset({"als"}),  # "bezeichnete den Plan als Fehler"
}


# Verbs of naming: with the impersonal "man" as subject they state a term's meaning, not a speech act.
_NAMING = frozenset({"bezeichnen", "nennen"})
# Speech verbs build their perfect with "haben"; "sind für Montag angekündigt" states a result, nobody speaks.
_TENSE_AUXILIARIES = frozenset({"hat", "haben", "hatte", "hatten", "habe", "wird", "werden", "wurde", "wurden"})
_INDEFINITE_PREDICATES = frozenset({"einen", "eine", "ein"})
_INDEFINITES = frozenset({"ein", "eine", "einen", "einer", "kein", "keine", "keinen", "keiner"})


def reported_speech(analysis: SentenceAnalysis, lexicon: QuoteLexicon) -> Draft | None:
    quoting = bool(analysis.masked) and any(word.index in analysis.masked for word in analysis.words)
    for cue in analysis.cues:
        governed = _governs_its_preposition(analysis, cue) or _names_a_judgement(analysis, cue)
        excluded = cue.lemma in _REPORTED_LEMMAS_EXCLUDED or needs_correlate(cue.lemma)
        if (
            cue.kind != "verb"
            or not (cue.finite or perfect_or_passive(analysis.words, cue))
            or (excluded and not governed)
        ):
            continue
        if cue.medium == "thought" and not quoting and not governed:
            continue  # a thought verb counts only when it carries a quoted phrase: "wünsche «…»"
        if cue.words[0] in analysis.used_cues or cue.speaker is None or cue.guessed_speaker:
            continue
        if cue.lemma in _ATTITUDE_VERBS and not _states_a_judgement(analysis, cue):
            continue  # "Greenpeace kritisierte den Entscheid": the target of an attitude, no content
        if not governed and cue.lemma not in _CONTENT_OBJECT_VERBS and not _states_a_topic(analysis, cue):
            continue  # "Der Minister kündigte eine Lösung an": an act, no reported content
        if _negated(analysis, cue):
            continue  # "Die Firma äusserte sich bisher nicht zu den Vorwürfen": nothing was said
        if cue.lemma in _NAMING and _impersonal_speaker(analysis, cue):
            continue  # "Als Lichtjahr bezeichnet man die Strecke …" defines a term, nobody speaks
        if cue.subordinate or konjunktiv(analysis.words, cue.words[0], lexicon) == "I":
            continue  # "Das Land gehe von Mehrkosten aus" is someone's reported speech, free indirect
        draft = Draft("Reported", [analysis.char_span(*_clause_extent(analysis, cue))], [analysis.index])
        apply_cue(draft, cue, analysis)
        return draft
    return None


def perfect_or_passive(words: Sequence[Word], cue: Cue) -> bool:
    """A participle cue with a finite auxiliary before it in its clause: "hat den Plan als mutig bezeichnet",
    "Von der Opposition wurde der Besuch als unangemessen kritisiert" (the passive needs its agent)."""
    position = cue.words[0]
    if words[position].pos != "VVPP" or (cue.passive and cue.speaker is None):
        return False
    return any(is_finite(word) and word.key in _TENSE_AUXILIARIES for word in words[cue.segment[0] : position])


def _impersonal_speaker(analysis: SentenceAnalysis, cue: Cue) -> bool:
    return cue.speaker is not None and [w.key for w in analysis.words[slice(*cue.speaker)]] == ["man"]


def _states_a_topic(analysis: SentenceAnalysis, cue: Cue) -> bool:
    """The speech act names what it is about: "äusserte sich zum Treffen", "warnte vor …",
    "bezeichnete den Plan als …", "sprach von …"; "auf" with a dative names a place, no topic
    ("erklärte auf einer Pressekonferenz", not "drängte auf eine Lösung")."""
    start, end = _cue_window(analysis, cue)
    words = analysis.words
    return any(
        word.key in _TOPIC_WORDS and not (word.key == "auf" and at + 1 < end and words[at + 1].key in _DATIVES)
        for at, word in enumerate(words[start:end], start)
    )


def _cue_window(analysis: SentenceAnalysis, cue: Cue) -> tuple[int, int]:
    position = cue.words[0]
    return max(cue.segment[0], position - CLAUSE_REACH), min(cue.segment[1], position + CLAUSE_REACH)


def _states_a_judgement(analysis: SentenceAnalysis, cue: Cue) -> bool:
    """ "verurteilte den Anschlag als feige": the judgement after "als" is what was said; before a
    participle at the clause end ("hat den Anschlag als feige verurteilt")."""
    start, end = _cue_window(analysis, cue)
    first = start if not cue.finite else cue.words[0] + 2  # not "lobte als Erster …", "feierte als Kind …"
    return any(word.key == "als" for word in analysis.words[first:end])


def _negated(analysis: SentenceAnalysis, cue: Cue) -> bool:
    """ "nicht", "nie" or "niemals" in the clause of the cue, not before "nur" or "mehr" and not before an
    attributive adjective ("warnte vor nicht genehmigten Demonstrationen")."""
    start, end = _cue_window(analysis, cue)
    words = analysis.words
    if cue.speaker is not None and words[cue.speaker[0]].key in _NEGATED_SPEAKERS:
        return True  # "dazu wird von keiner Seite etwas gesagt": nobody spoke
    return any(
        word.key in _NEGATIONS
        and (at + 1 >= end or (words[at + 1].key not in _NOT_NEGATING_AFTER and words[at + 1].pos != "ADJA"))
        for at, word in enumerate(words[start:end], start)
    )


def _governs_its_preposition(analysis: SentenceAnalysis, cue: Cue) -> bool:
    """ "sprach von 50.000 Teilnehmern", "geht von Brandstiftung aus": a verb that reports only together
    with the preposition it governs."""
    prepositions = _REPORTING_WITH_PREPOSITION.get(cue.lemma)
    if not prepositions:
        return False
    start, end = _cue_window(analysis, cue)
    window = analysis.words[start:end]
    speaker = cue.speaker or (0, 0)
    objects = [word for at, word in enumerate(window, start) if not speaker[0] <= at < speaker[1]]
    if cue.lemma == "sehen" and not any(word.key in _INDEFINITES for word in objects):
        return False  # "sieht in dem Gesetz eine Gefahr", not "sahen das Spiel im Stadion" ("Ein Zeuge hat …")
    particles = [analysis.words[at] for at in cue.words[1:] if at >= 0]  # "hält X, das …, für falsch"
    return any(word.key in prepositions for word in window + particles)


def _names_a_judgement(analysis: SentenceAnalysis, cue: Cue) -> bool:
    """ "nannte den Beschluss einen fairen Kompromiss": "nennen" with an object and an indefinite
    predicate after it judges (not "nannte einen Grund", "nannte seinen Sohn Peter")."""
    if cue.lemma != "nennen" or not cue.finite:
        return False
    words = analysis.words
    end = _cue_window(analysis, cue)[1]
    seen_object = False
    for position in range(cue.words[0] + 1, end):
        word = words[position]
        if word.is_punct or word.key in SUBORDINATORS or word.key in COORDINATORS:
            return False
        if word.key in _INDEFINITE_PREDICATES and seen_object and words[position - 1].pos not in ("APPR", "APPRART"):
            return True
        seen_object = seen_object or word.pos in ("NN", "NE", "PPER")
    return False


def _clause_extent(analysis: SentenceAnalysis, cue: Cue) -> tuple[int, int]:
    """The words of the speech act's own clause: the sentence without a subordinate clause that opens
    it before the cue ("Da die Zahl steigt, rechnet X mit …") and without a main clause of its own that
    follows ("Die Behörden gehen von Brandstiftung aus, ein Verfahren wurde eingeleitet.")."""
    words, segments = analysis.words, analysis.segments
    number = analysis.segment_of(cue.words[0])
    if number < 0:
        return 0, len(words)
    start = 0
    if number > 0 and _subordinate(words[segments[0][0]]) and is_finite(words[segments[number][0]]):
        start = segments[number][0]  # "Da …, rechnet Dr. X mit …": the verb opens the main clause
    elif number > 0 and _opens_with_its_speaker(cue, segments[number]) and _new_main_clause(words, *segments[number]):
        start = segments[number][0]  # "Laut X kamen 7000, die Polizei sprach von 4000": its own clause
    elif _coordinated_main_clause(words, cue, segments[number][0]):
        start = cue.speaker[0] - 1 if cue.speaker else start  # "…, X sei Y und die Fraktion forderte …"
    end = len(words)
    for first, last in segments[number + 1 :]:
        if _new_main_clause(words, first, last):
            end = first - 1  # before the comma
            break
    return start, max(end, cue.words[0] + 1)


def _coordinated_main_clause(words: list[Word], cue: Cue, first: int) -> bool:
    """The cue's subject opens a main clause after "und" inside its segment, after a finite verb of another
    clause: "Sie kritisierte, die Kommission habe versagt, und die Fraktion forderte einen Stopp"."""
    if cue.speaker is None or not first < cue.speaker[0] - 1 < cue.speaker[0] < cue.words[0]:
        return False
    coordinator = cue.speaker[0] - 1
    return words[coordinator].key in COORDINATORS and any(is_finite(word) for word in words[first:coordinator])


def _subordinate(word: Word) -> bool:
    return word.pos == "KOUS" or (not word.pos and word.key in SUBORDINATORS)


def _opens_with_its_speaker(cue: Cue, segment: tuple[int, int]) -> bool:
    return cue.speaker is not None and cue.speaker[0] == segment[0] < cue.words[0]


def _new_main_clause(words: list[Word], first: int, last: int) -> bool:
    """A stretch with a subject and finite verb of its own: not a relative or subordinate clause, not a
    verb phrase that shares the subject ("…, nimmt die Abgeordneten in Schutz")."""
    opener = words[first]
    if opener.pos.startswith("PREL") or _subordinate(opener) or opener.key in SUBORDINATORS:
        return False
    if opener.pos == "APPR" and first + 1 < last and words[first + 1].pos.startswith("PREL"):
        return False  # a relative clause after a preposition: "…, in denen von X die Rede ist"
    position = first + 1 if opener.key in COORDINATORS else first
    if position < last and is_finite(words[position]):
        return False
    return any(is_finite(word) for word in words[position:last])
