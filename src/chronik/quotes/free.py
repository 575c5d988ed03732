"""Free indirect speech: Konjunktiv sentences outside any other quotation, continuing a speaker.

"Es habe sich um das sechste Treffen gehandelt." Konjunktiv I anywhere; reportative "soll … haben"
and Konjunktiv II only right after another quotation or a speech act told without its content
("Die Polizei erklärte die Hintergründe."). Runs of such sentences within a paragraph are one quotation.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.content_clause import content_clause
from chronik.quotes.correlates import needs_correlate
from chronik.quotes.direct import apply_cue
from chronik.quotes.draft import Coverage, Cue, Draft, SentenceAnalysis
from chronik.quotes.grammar import (
    FOCUS_PARTICLES,
    SUBORDINATORS,
    adverbial_clause,
    is_finite,
    is_temporal,
    konjunktiv,
    subject_of,
)
from chronik.quotes.lexicon import QuoteLexicon
from chronik.quotes.reported import perfect_or_passive
from chronik.quotes.view import ArticleView, Word

# Conjunctions after which "sei es" still opens a concessive clause: "sei es A oder sei es B".
_COORDINATORS = frozenset({"oder", "und", "ob", "entweder"})
# Modal verbs whose indicative reports what others say: "Er soll geflohen sein."
_REPORTATIVE = frozenset({"soll", "sollen"})
_CONDITIONAL_OPENERS = frozenset({"falls", "sofern", "wenn"})
# Konjunktiv II forms that stand in for Konjunktiv I in reported speech (modals are too often hypothetical).
_REPORTING_KONJUNKTIV_TWO = frozenset(
    {"würde", "würden", "wäre", "wären", "hätte", "hätten", "könnten", "müssten", "dürften", "gäbe", "kämen"}
)


def build_free_indirect(
    view: ArticleView, analyses: list[SentenceAnalysis], lexicon: QuoteLexicon, taken: list[Draft]
) -> list[Draft]:
    """Konjunktiv I sentences outside any quotation, runs within a paragraph merged into one."""
    drafts: list[Draft] = []
    clauses: list[Draft] = []
    whole = [draft for draft in taken if not draft.partial]
    coverage = Coverage([span for draft in whole for span in draft.message])
    taken_sentences = frozenset(index for draft in whole for index in draft.sentences)
    quoted = set(taken_sentences)  # grows with the drafts found here
    by_index = {analysis.index: analysis for analysis in analyses}
    for analysis in analyses:
        sentence = view.sentences[analysis.index]
        if analysis.paragraph in view.title_paragraphs or _covered(sentence.start, sentence.end, coverage):
            continue
        if analysis.index in taken_sentences:
            continue  # the Konjunktiv belongs to the quotation already found in this sentence
        speech_act = _speech_act_before(analysis, by_index)
        continues = (
            _continues(view, analysis, quoted)
            or speech_act is not None
            or _opens_a_run(view, analysis, by_index, lexicon)
        )
        if not _konjunktiv_one(analysis, lexicon, continues=continues):
            continue
        previous = drafts[-1] if drafts else None
        if (
            previous is not None
            and previous.sentences[-1] == analysis.index - 1
            and _same_paragraph(view, previous, analysis)
        ):
            previous.message[-1] = (previous.message[-1][0], sentence.end)
            previous.sentences.append(analysis.index)
            quoted.add(analysis.index)
            continue
        clause = content_clause(analysis, lexicon)
        if clause is not None:
            clauses.append(clause)  # kept apart: a following Konjunktiv sentence opens its own run
            quoted.add(analysis.index)
            continue
        draft = Draft("FreeIndirect", [(sentence.start, sentence.end)], [analysis.index], inherits_speaker=True)
        if not _previous_quote_in_paragraph(view, analysis, quoted):
            _own_speech_verb(view, draft, analysis)
            if draft.speaker is None and speech_act is not None:
                draft.speaker = speech_act  # "Die Polizei erklärte die Hintergründe. … Das Motiv soll …"
        if draft.speaker is None and _konjunktiv_only_subordinate(analysis, lexicon):
            draft.speaker = _named_subject(view, analysis)
        drafts.append(draft)
        quoted.add(analysis.index)
    return sorted(drafts + clauses, key=lambda draft: draft.start)


def _previous_quote_in_paragraph(view: ArticleView, analysis: SentenceAnalysis, quoted: set[int]) -> bool:
    sentences = view.sentences
    index = analysis.index - 1
    while index >= 0 and sentences[index].paragraph == analysis.paragraph:
        if index in quoted:
            return True
        index -= 1
    return False


def _own_speech_verb(view: ArticleView, draft: Draft, analysis: SentenceAnalysis) -> None:
    """A Konjunktiv sentence whose paragraph holds no quotation before it and whose speech verb has a
    named subject speaks for that subject: "Wie Kiew wünsche auch Washington das «Ende des Krieges»."."""
    for cue in analysis.cues:
        if cue.kind != "verb" or cue.speaker is None or cue.guessed_speaker or cue.subordinate:
            continue
        start, end = analysis.char_span(*cue.speaker)
        if any(s < end and start < e for s, e, _ in view.mentions):
            apply_cue(draft, cue, analysis)
            return


def _konjunktiv_only_subordinate(analysis: SentenceAnalysis, lexicon: QuoteLexicon) -> bool:
    """Every Konjunktiv I of the sentence stands in a clause opened by a subordinator, none in the
    main clause: "X will prüfen, ob ein Verbot angestrebt werden solle."."""
    words = analysis.words
    found = False
    for start, end in analysis.segments:
        moods = [
            konjunktiv(words, i, lexicon) == "I" for i in range(start, end) if words[i].index not in analysis.masked
        ]
        if not any(moods):
            continue
        if start == 0 or not (words[start].key in SUBORDINATORS or words[start].pos in ("KOUS", "PWAV")):
            return False
        found = True
    return found


def _named_subject(view: ArticleView, analysis: SentenceAnalysis) -> tuple[int, int] | None:
    """The subject of the sentence's first clause when it names someone: "Auch CDU und FDP wandten ein, …"."""
    words = analysis.words
    end = analysis.segments[0][1] if analysis.segments else len(words)
    start = 0
    while start + 1 < end and words[start].key in FOCUS_PARTICLES:
        start += 1
    subject = subject_of(words, start, end)
    if subject is None or is_temporal(words, subject):
        return None
    span = analysis.char_span(*subject)
    named = any(s < span[1] and span[0] < e for s, e, _ in view.mentions)
    return span if named or not view.mentions else None


def _continues(view: ArticleView, analysis: SentenceAnalysis, quoted: set[int]) -> bool:
    """A quotation ends in the previous sentence, or two sentences back within the same paragraph;
    `quoted` holds the sentences of all whole (not partial) quotations so far."""
    recent = {analysis.index - 1}
    if analysis.index >= 2 and view.sentences[analysis.index - 2].paragraph == analysis.paragraph:
        recent.add(analysis.index - 2)
    return bool(recent & quoted)


def _speech_act_before(analysis: SentenceAnalysis, by_index: dict[int, SentenceAnalysis]) -> tuple[int, int] | None:
    """The speaker (character span) of a speech act told without its content in one of the two sentences
    before, in the same paragraph: "Die Polizei erklärte am Montag die Hintergründe. Das Motiv soll
    Eifersucht gewesen sein." (Reportative "soll" and Konjunktiv II continue it like a quotation.)"""
    for back in (1, 2):
        previous = by_index.get(analysis.index - back)
        if previous is None or previous.paragraph != analysis.paragraph:
            return None
        for cue in previous.cues:
            if _speech_act(cue, previous.words) and cue.speaker is not None:
                return previous.char_span(*cue.speaker)
    return None


def _speech_act(cue: Cue, words: Sequence[Word]) -> bool:
    """A speech act with its own named speaker, finite or in the perfect ("hat X … vorgeworfen")."""
    return (
        cue.kind == "verb"
        and cue.speaker is not None
        and not cue.guessed_speaker
        and not cue.subordinate
        and (cue.finite or perfect_or_passive(words, cue))
        and cue.medium in ("speech", "writing")
        and not needs_correlate(cue.lemma)
    )


def _opens_a_run(
    view: ArticleView, analysis: SentenceAnalysis, by_index: dict[int, SentenceAnalysis], lexicon: QuoteLexicon
) -> bool:
    """The next sentence of the paragraph is in Konjunktiv I, so a Konjunktiv II right before it
    reports too: "Techniker hätten den Hebel verstellt. Dadurch sei ein Alarm ausgelöst worden."."""
    following = by_index.get(analysis.index + 1)
    if following is None or view.sentences[following.index].paragraph != analysis.paragraph:
        return False
    return _konjunktiv_one(following, lexicon)


def _same_paragraph(view: ArticleView, draft: Draft, analysis: SentenceAnalysis) -> bool:
    return view.sentences[draft.sentences[-1]].paragraph == analysis.paragraph


def _covered(start: int, end: int, coverage: Coverage) -> bool:
    return coverage.covered(start, end) > 0.3 * max(1, end - start)


def _konjunktiv_one(analysis: SentenceAnalysis, lexicon: QuoteLexicon, *, continues: bool = False) -> bool:
    """Konjunktiv I outside quotes; reportative "soll" and Konjunktiv II only right after a quotation."""
    words = analysis.words
    conditional = _conditional(words)
    for position, word in enumerate(words):
        if word.index in analysis.masked:
            continue
        mood = konjunktiv(words, position, lexicon)
        if mood == "I" and not _fixed_phrase(words, position):
            return True
        if continues and word.key in _REPORTATIVE and _reportative(words, position):
            return True
        if (
            mood == "II"
            and continues
            and not conditional
            and (word.key in _REPORTING_KONJUNKTIV_TWO or _umlaut_form(word))
        ):
            return True
    return False


def _conditional(words: Sequence[Word]) -> bool:
    """A condition before the main clause makes Konjunktiv II hypothetical, not reported: "Falls X eintritt,
    wäre es …", "Hätte er nur Bier getrunken, so müsste er …" (a clause that opens with its finite verb
    and ends in a comma); a condition after it may be part of the report ("…, würden sie streiken, wenn …")."""
    if words and words[0].key in _CONDITIONAL_OPENERS:
        return True
    comma = next((position for position, word in enumerate(words) if word.text == ","), None)
    return bool(words) and is_finite(words[0]) and comma is not None and comma > 2


def _umlaut_form(word: Word) -> bool:
    """A Konjunktiv II of a full verb that no past form shares: "befänden", "lägen", "stünde" (modal
    verbs are too often hypothetical: "könnte", "dürfte", "möchte")."""
    return word.pos == "VVFIN" and any(vowel in word.key for vowel in "äöü")


def _reportative(words: Sequence[Word], position: int) -> bool:
    """ "soll … gewesen sein", "sollen … entdeckt worden sein": sollen with a perfect infinitive."""
    rest = [word.key for word in words[position + 1 :]]
    return "sein" in rest[-3:] or "haben" in rest[-3:]


def _fixed_phrase(words: Sequence[Word], position: int) -> bool:
    """ "es sei denn", "sei es … oder", "wie dem auch sei": Konjunktiv I that reports nothing.

    Concessive "sei es" opens its clause ("…, sei es aus Angst oder aus Scham"); after a first
    constituent it is a verb in second place and reports: "Danach sei es zu Protesten gekommen"."""
    current = words[position].key
    after = words[position + 1].key if position + 1 < len(words) else ""
    before = words[position - 1].key if position > 0 else ""
    concessive = after == "es" and _opens_clause(words, position)
    return (current == "sei" and (after in ("denn", "dank") or concessive or before == "auch")) or (
        current == "gebe" and before == "gott"
    )


def _opens_clause(words: Sequence[Word], position: int) -> bool:
    """The word starts the sentence or follows punctuation or a coordinating conjunction, but not the
    comma after a fronted adverbial clause: "Da das Werk stillstand, sei es zu Problemen gekommen"."""
    if position == 0:
        return True
    previous = words[position - 1]
    text = previous.text
    if text == "," and _after_fronted_clause(words, position - 1) and not _oder_follows(words, position):
        return False
    punctuation = bool(text) and not any(char.isalnum() for char in text)
    return punctuation or previous.key in _COORDINATORS


def _oder_follows(words: Sequence[Word], position: int) -> bool:
    """ "sei es A oder B": the concessive pair within the next few words."""
    return any(word.key == "oder" for word in words[position + 2 : position + 12])


def _after_fronted_clause(words: Sequence[Word], comma: int) -> bool:
    """The comma closes an adverbial clause that opens the sentence ("Als …, ", "Da …, ")."""
    if not adverbial_clause(words[0], words[comma - 1]):
        return False
    return not any(word.text in (",", ";", ":") for word in words[1:comma])
