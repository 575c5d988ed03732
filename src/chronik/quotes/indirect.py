"""Indirect speech from cues and frames (a sentence without a content clause may be reported speech).

- Indirect: a speech verb or frame with a content clause — "dass/ob/wie …", a clause in
  Konjunktiv I (or II), a colon, a zu-infinitive, or a fronted clause ("…, sagte er").
- Reported (see `reported`): a speech act without content ("Witkoff äusserte sich zum Treffen").
- FreeIndirect lives in `free`.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.anaphoric import after_quoted_sentences, anaphoric_message
from chronik.quotes.coordination import cut_at_next_cue, nearer_cue
from chronik.quotes.correlates import correlate_ends_clause, needs_correlate
from chronik.quotes.direct import apply_cue
from chronik.quotes.draft import Cue, Draft, SentenceAnalysis
from chronik.quotes.extents import (
    RELATIVE_PRONOUNS,
    around,
    frame_clause_start,
    has_finite,
    in_brackets,
    to_end,
    to_main_clause,
)
from chronik.quotes.grammar import (
    CLAUSE_REACH,
    COORDINATORS,
    SUBORDINATORS,
    is_finite,
    konjunktiv,
    trim_punct,
)
from chronik.quotes.infinitives import ends_in_zu_infinitive, inline_zu_infinitive
from chronik.quotes.lexicon import QuoteLexicon
from chronik.quotes.reported import reported_speech
from chronik.quotes.terms import is_title_noun
from chronik.quotes.view import ArticleView

# Openers of fronted adverbial clauses and phrases, which are no message: "Nachdem …, sagte er".
_ADVERBIAL_OPENERS = frozenset(
    {"nachdem", "als", "weil", "obwohl", "obgleich", "während", "wenn", "falls", "sobald", "bevor", "ehe", "da"}
    | {"damit", "seit", "seitdem", "bis", "indem", "in", "im", "am", "an", "auf", "bei", "beim", "nach", "vor", "mit"}
    | {"für", "gegen", "über", "unter", "zum", "zur", "vom", "von", "aus", "wegen", "trotz"}
)
# Words that open a second main clause after a comma: "…, jedoch ist laut X fraglich".
# Conjunctions among the openers above: their clause is never the message of a following cue.
_CONJUNCTION_OPENERS = frozenset(
    {"nachdem", "als", "weil", "obwohl", "obgleich", "während", "wenn", "falls", "sobald", "bevor", "ehe", "da"}
    | {"damit", "seit", "seitdem", "bis", "indem"}
)
# How many of a sentence's own earlier drafts a new one is compared with (a sentence holds a few; this
# bounds the work on text without sentence ends).
_RECENT = 16
# Verbs whose subject may be a title rather than a speaker: "…, so lautet der Titel".
_NAMING_LEMMAS = frozenset({"lauten", "heissen"})
_W_WORDS = frozenset({"was", "wie", "wer", "warum", "weshalb", "wo", "wann", "wieso"})
# Verbs that report only with a dass/ob clause: "Die Studie zeigt, dass …" (not "zeigte sich entschlossen, …").
_CONTENT_CLAUSE_ONLY = frozenset({"zeigen", "ausrechnen"})
# Verbs that report only as a speech act without content clause: "sieht in X eine Gefahr" (not "sieht, dass").
_NO_CONTENT_CLAUSE = frozenset({"sehen"})
# Verbs of naming take no zu-infinitive: in "bezeichnete den Schritt als Versuch, die Presse zu behindern"
# the infinitive belongs to the noun; the naming is reported speech of its own.
_NO_INFINITIVE = frozenset({"bezeichnen", "werten"})


def build_indirect(
    view: ArticleView, analysis: SentenceAnalysis, lexicon: QuoteLexicon, taken: list[Draft]
) -> list[Draft]:
    """Indirect (or reported) quotations of one sentence, from the cues no direct quote used."""
    drafts: list[Draft] = []
    reach_start = view.sentences[max(0, analysis.index - 3)].start  # "Dies erklärte X" points back
    reach_end = view.sentences[min(len(view.sentences) - 1, analysis.index + 1)].end
    nearby = [draft for draft in taken if draft.start < reach_end and reach_start < draft.end]
    cue_starts = [cue.words[0] for cue in analysis.cues]
    for cue in analysis.cues:
        if (
            cue.words[0] in analysis.used_cues
            or _inside(cue, analysis, drafts[-_RECENT:])
            or _names_title(analysis, cue)
            or _reported_cue(analysis, cue, lexicon)
        ):
            continue
        message = _message(view, analysis, cue, lexicon)
        if cue.kind == "anaphoric":
            message = after_quoted_sentences(view, analysis, message, nearby)
        message = cut_at_next_cue(
            analysis,
            cue,
            message,
            cue_starts,
            lambda other: bool(_message(view, analysis, other, lexicon)),
        )
        if message and nearer_cue(analysis, cue, message, cue_starts):
            continue  # "Er lobte die Arbeit und sagte, sie sei gut": the clause belongs to "sagte"
        if message and not _mostly_taken(message, [*nearby, *drafts[-_RECENT:]]):
            draft = Draft("Indirect", message, [analysis.index])
            apply_cue(draft, cue, analysis)
            draft.inherits_speaker = _sourceless_impersonal(cue)
            drafts.append(draft)
    if not _has_direct(analysis, taken) and analysis.paragraph not in view.title_paragraphs:
        reported = reported_speech(analysis, lexicon)
        if reported is not None and not any(draft.overlaps(*span) for draft in drafts for span in reported.message):
            drafts.append(reported)  # its own clause: "Laut X kamen 7000, die Polizei spricht von 4000."
    return drafts


def _sourceless_impersonal(cue: Cue) -> bool:
    """ "So hiess es, …", "Als Begründung heisst es, …": an impersonal cue before its message, without a
    source of its own, continues the speaker before it ("Der Schaden sei hoch, hiess es." stays open)."""
    after_message = cue.verb_initial and cue.segment[0] > 0
    return cue.kind == "impersonal" and cue.speaker is None and not after_message


def _reported_cue(analysis: SentenceAnalysis, cue: Cue, lexicon: QuoteLexicon) -> bool:
    """ "Außerdem habe die Prüfung ergeben, dass …": a cue whose own clause is in Konjunktiv I is part of
    someone else's report, so the sentence is free indirect speech, not a quotation of its own."""
    if cue.kind != "verb" or cue.subordinate or cue.verb_initial:
        return False
    words = analysis.words
    position = cue.words[0]
    finite = next((p for p in range(position, cue.segment[0] - 1, -1) if is_finite(words[p])), None)
    return finite is not None and konjunktiv(words, finite, lexicon) == "I"  # the cue or its auxiliary


def _names_title(analysis: SentenceAnalysis, cue: Cue) -> bool:
    """ "…, so lautet der Titel der Studie": the clause gives a title, nobody speaks."""
    if cue.lemma not in _NAMING_LEMMAS or cue.speaker is None:
        return False
    return any(is_title_noun(word.key) for word in analysis.words[slice(*cue.speaker)])


def _inside(cue: Cue, analysis: SentenceAnalysis, drafts: list[Draft]) -> bool:
    word = analysis.words[cue.words[0]]
    return any(draft.covers(word.start, word.end) for draft in drafts)


def _mostly_taken(message: list[tuple[int, int]], taken: list[Draft]) -> bool:
    size = sum(end - start for start, end in message)
    covered = 0
    for draft in taken:
        for start, end in message:
            for s, e in draft.message:
                covered += max(0, min(end, e) - max(start, s))
    return covered > 0.5 * size


def _has_direct(analysis: SentenceAnalysis, taken: list[Draft]) -> bool:
    return any(analysis.index in draft.sentences and draft.type == "Direct" for draft in taken)


def _message(view: ArticleView, analysis: SentenceAnalysis, cue: Cue, lexicon: QuoteLexicon) -> list[tuple[int, int]]:
    """The message of a cue as character spans, or [] when the cue has no content clause."""
    if cue.lemma in _NO_CONTENT_CLAUSE:
        return []
    if needs_correlate(cue.lemma) and not _correlate_content(analysis, cue):
        return []  # "Dem Verein droht der Abstieg", not "Er drohte damit, … zu …"
    if cue.kind == "frame" and cue.lemma == "wonach":  # up to the main clause: "Die Sicht, wonach …, teilt er nicht"
        return [to_main_clause(analysis, cue.words[0] + 1, lexicon)]
    if cue.kind == "frame":
        frame = cue.frame or (cue.words[0], cue.words[-1] + 1)
        bracketed = in_brackets(analysis, frame, lexicon)
        if bracketed is not None:
            return bracketed
        return around(analysis, frame, first=frame_clause_start(analysis, frame, lexicon), lexicon=lexicon)
    if cue.kind == "anaphoric":
        return anaphoric_message(view, analysis, cue)
    if cue.subordinate and analysis.words[cue.segment[0]].key == "wie":
        naming = cue.lemma in _NO_INFINITIVE or cue.lemma == "nennen"  # "wie er genannt wird" names, it reports nothing
        return [] if naming else around(analysis, cue.segment)
    segments = analysis.segments
    number = analysis.segment_of(cue.words[0])
    words = analysis.words
    following = segments[number + 1] if number + 1 < len(segments) else None
    fronted_subject = cue.verb_initial and _subject_with_relative_clause(analysis, number, lexicon)
    if cue.verb_initial and number > 0 and not _opens_content_clause(analysis, following) and not fronted_subject:
        fronted = _fronted(analysis, cue, number, lexicon)
        if fronted or following is None or not ends_in_zu_infinitive(words, following):
            return fronted  # else "Während X …, räumte Y ein, … zu haben": the infinitive after the cue
    if cue.lemma in _CONTENT_CLAUSE_ONLY:
        following = following if following is not None and words[following[0]].key in ("dass", "daß", "ob") else None
    if cue.kind == "noun" and following is not None and ends_in_zu_infinitive(words, following):
        end = trim_punct(words, following[1], following[0] + 1)
        return [analysis.char_span(following[0], end)]  # "die Aufforderung, die Angriffe einzustellen"
    if following is not None and cue.lemma in _NO_INFINITIVE and ends_in_zu_infinitive(words, following):
        following = None
    if following is not None and words[following[0]].key == "wonach" and cue.kind != "frame":
        return []  # "X wies Berichte zurück, wonach …": the reports are the source of their own clause
    if following is not None and _introduces(analysis, number, following, lexicon):
        first = _after_apposition(analysis, number, lexicon)
        return [_zu_infinitive_clause(analysis, number) or to_main_clause(analysis, first, lexicon)]
    later = _later_dass(analysis, number, lexicon)
    if later is not None:
        return [to_main_clause(analysis, later, lexicon)]
    if following is None and _dass_inside(words, cue, segments[number]):
        return [to_end(analysis, _dass_inside(words, cue, segments[number]))]
    inline = inline_zu_infinitive(words, cue)
    return [analysis.char_span(*inline)] if inline is not None else []


def _after_apposition(analysis: SentenceAnalysis, number: int, lexicon: QuoteLexicon) -> int:
    """Where the message after the cue's segment starts: past a verbless apposition when a complete clause
    in Konjunktiv follows ("erklärte der Direktor, Hans Muster, das Land besitze …"); not past the
    subject of the message itself ("meinte, A, die …, wäre …")."""
    segments, words = analysis.segments, analysis.words
    following = segments[number + 1]
    if number + 2 >= len(segments) or words[following[0] - 1].text != ",":
        return following[0]
    if has_finite(analysis, following, lexicon) or not words[following[0]].pos.startswith(("NE", "NN", "ART")):
        return following[0]
    later = segments[number + 2]
    opener = words[later[0]]
    if opener.key in SUBORDINATORS or opener.key in COORDINATORS or opener.pos.startswith(("PREL", "KOUS")):
        return following[0]
    reach = range(later[0], min(later[1], later[0] + CLAUSE_REACH))
    finite = next((p for p in reach if konjunktiv(words, p, lexicon) is not None), None)
    return later[0] if finite is not None and finite > later[0] else following[0]


def _correlate_content(analysis: SentenceAnalysis, cue: Cue) -> bool:
    """A dass/ob clause or zu-infinitive after the correlate that ends the cue's clause."""
    words = analysis.words
    number = analysis.segment_of(cue.words[0])
    if number < 0 or number + 1 >= len(analysis.segments) or not correlate_ends_clause(words, cue.lemma, cue.segment):
        return False
    following = analysis.segments[number + 1]
    return words[following[0]].key in ("dass", "daß", "ob") or ends_in_zu_infinitive(words, following)


def _zu_infinitive_clause(analysis: SentenceAnalysis, number: int) -> tuple[int, int] | None:
    """A zu-infinitive message ends with its infinitive when a new main clause follows:
    "Er kündigte an, den Plan prüfen zu lassen, stellt sich die Partei dahinter" (not the rest)."""
    segments = analysis.segments
    words = analysis.words
    following = segments[number + 1]
    if words[following[0] - 1].text == ":" or words[following[0]].key in SUBORDINATORS:
        return None
    for later in range(number + 1, min(len(segments) - 1, number + 4)):
        if not ends_in_zu_infinitive(words, segments[later]):
            continue
        after = segments[later + 1]
        closes = is_finite(words[after[0]]) or words[after[0]].pos == "PTKVZ"  # "…, zu prüfen, ab."
        if closes or words[segments[later][1]].text == ";":
            return analysis.char_span(following[0], segments[later][1])
        return None
    return None


def _later_dass(analysis: SentenceAnalysis, number: int, lexicon: QuoteLexicon) -> int | None:
    """A dass/ob clause after an apposition: "verkündete der DFB, kurz DFB, dann offiziell, dass …"
    (not after another clause with a verb: "X, der die Bauern vertritt, erklärte, dass …")."""
    following = analysis.segments[number + 1 : number + 2]
    if following and has_finite(analysis, following[0], lexicon):
        return None
    for segment in analysis.segments[number + 2 : number + 4]:
        if analysis.words[segment[0]].key in ("dass", "daß", "ob"):
            return segment[0]
        if has_finite(analysis, segment, lexicon):
            return None
    return None


def _introduces(analysis: SentenceAnalysis, number: int, following: tuple[int, int], lexicon: QuoteLexicon) -> bool:
    words = analysis.words
    separator = words[following[0] - 1].text if following[0] > 0 else ""
    first = words[following[0]]
    if first.pos.startswith("PREL") and first.key.startswith("welch"):
        return False  # "schildert die Fehlerkette, welche zur Tragödie führte": a relative clause
    if separator == ":" or first.key in SUBORDINATORS:
        return True
    opener = words[analysis.segments[number][0]].key
    if opener in _CONJUNCTION_OPENERS and is_finite(first):
        return False  # "Nachdem X bekannt wurde, hat Y angekündigt, …": the main clause follows, also in
        # Konjunktiv ("Nachdem er sie festgehalten hatte, habe er …" is free indirect speech, no message)
    if _has_konjunktiv(analysis, following, lexicon):
        return True
    if ends_in_zu_infinitive(words, following):
        return True
    for later in analysis.segments[number + 2 : number + 5]:
        if words[later[0]].key in ("dass", "daß", "ob"):
            return False  # the dass clause after an apposition carries the message (see _later_dass)
        if words[later[0]].pos.startswith("PREL"):
            continue  # a relative clause inside the subject: "A, die gesungen hatte, wäre …"
        if has_finite(analysis, later, lexicon):
            return _has_konjunktiv(analysis, later, lexicon)  # "meinte, A, die …, und B, die …, wären …"
        if ends_in_zu_infinitive(words, later):
            return True  # "sagte zu, nicht über den «Tower», das grösste Gebäude, bestimmen zu wollen"
    return False


def _has_konjunktiv(analysis: SentenceAnalysis, segment: tuple[int, int], lexicon: QuoteLexicon) -> bool:
    """A Konjunktiv in the stretch; inside quotation marks only when the clause opens before them, so
    the quote is a fragment of it: "…, das Gespräch «sei freundlich verlaufen»"."""
    words = analysis.words
    opens_outside = words[segment[0]].index not in analysis.masked
    return any(
        konjunktiv(words, position, lexicon) is not None
        for position in range(segment[0], segment[1])
        if opens_outside or words[position].index not in analysis.masked
    )


def _fronted(analysis: SentenceAnalysis, cue: Cue, number: int, lexicon: QuoteLexicon) -> list[tuple[int, int]]:
    """ "Die Lage sei ernst, sagte er." and the inserted "A, heisst es darin, B"."""
    segments = analysis.segments
    before = (segments[0][0], segments[number - 1][1])
    opener = analysis.words[before[0]].key
    if opener in SUBORDINATORS - {"dass", "daß", "ob"} or opener in _CONJUNCTION_OPENERS:
        return []
    if opener in _ADVERBIAL_OPENERS and not _verb_second(analysis, before):
        if opener not in _CONJUNCTION_OPENERS and _clause_goes_on(analysis, number, lexicon):
            return [analysis.char_span(*before), to_end(analysis, segments[number + 1][0])]
        return []  # "In seiner Rede, mahnte er" is a phrase; "Vor dem Absturz wurde …, teilte X mit" a clause
    if _reports_itself(analysis, cue, before, lexicon):
        return []  # "Die Polizei beziffert X auf 626, befürchtet aber weitere Tote": a shared subject
    spans = [analysis.char_span(*before)]
    if not has_finite(analysis, before, lexicon):
        if number + 1 >= len(segments):
            return []  # a fronted phrase, not a clause: "In seiner Rede, mahnte er, …"
        spans.append(to_end(analysis, segments[number + 1][0]))
    elif number + 1 < len(segments) and _rest_of_clause(analysis, segments[number + 1], lexicon):
        spans.append(to_end(analysis, segments[number + 1][0]))  # "Das Risiko liegt, sagen Forscher, bei …"
    elif number + 1 < len(segments) and _reported_main_clause(analysis, segments[number + 1], lexicon):
        spans.append(to_main_clause(analysis, segments[number + 1][0], lexicon))  # "A sei X, sagte er, B sei Y"
    return spans


def _clause_goes_on(analysis: SentenceAnalysis, number: int, lexicon: QuoteLexicon) -> bool:
    """A fronted phrase, the inserted cue, then the clause's finite verb in Konjunktiv: "Für die Firma, so
    schrieb sie, sei das ein Erfolg" (the phrase has no verb of its own)."""
    segments = analysis.segments
    if number + 1 >= len(segments) or has_finite(analysis, (segments[0][0], segments[number - 1][1]), lexicon):
        return False
    first = segments[number + 1][0]
    return konjunktiv(analysis.words, first, lexicon) is not None


def _reports_itself(analysis: SentenceAnalysis, cue: Cue, before: tuple[int, int], lexicon: QuoteLexicon) -> bool:
    """The stretch before the cue is a main clause in the indicative with a speech verb and subject of its
    own: a clause coordinated with the cue's, not its message."""
    if _has_konjunktiv(analysis, before, lexicon):
        return False
    return any(
        other is not cue
        and other.kind == "verb"
        and other.finite
        and not other.subordinate
        and other.speaker
        and before[0] <= other.words[0] < before[1]
        for other in analysis.cues
    )


def _reported_main_clause(analysis: SentenceAnalysis, segment: tuple[int, int], lexicon: QuoteLexicon) -> bool:
    """A main clause in Konjunktiv right after an inserted cue: "Die Ursache werde untersucht, erklärte die
    Polizei, ein Defekt sei aber wahrscheinlich" (not a relative, subordinate or coordinated clause)."""
    first = analysis.words[segment[0]]
    if first.key in SUBORDINATORS or first.key in COORDINATORS or first.pos.startswith(("PREL", "KOUS", "PW")):
        return False
    return _has_konjunktiv(analysis, segment, lexicon)


def _rest_of_clause(analysis: SentenceAnalysis, segment: tuple[int, int], lexicon: QuoteLexicon) -> bool:
    """A verbless stretch after an inserted cue that continues the clause before it: a prepositional or
    adverbial phrase, not an apposition, a subordinate, relative or coordinated clause."""
    first = analysis.words[segment[0]]
    if first.key in SUBORDINATORS or first.pos not in ("APPR", "APPRART", "ADV", "ADJD", "PTKNEG", "PROAV"):
        return False  # not an apposition to the speaker ("sagte X, der Sprecher der Y"), nor a new clause
    if analysis.words[segment[0] - 1].text not in (",", "–", "—"):
        return False
    return not has_finite(analysis, segment, lexicon)


def _subject_with_relative_clause(analysis: SentenceAnalysis, number: int, lexicon: QuoteLexicon) -> bool:
    """The stretch before the cue is a verbless phrase followed by a relative clause, so the subject and
    no message: "Die Organisation, die den Streifen regiert, erklärte, sie werde …"."""
    segments = analysis.segments
    if number < 2 or has_finite(analysis, segments[0], lexicon):
        return False
    opener = analysis.words[segments[1][0]]
    return opener.pos.startswith("PREL") or (not opener.pos and opener.key in RELATIVE_PRONOUNS)


def _opens_content_clause(analysis: SentenceAnalysis, following: tuple[int, int] | None) -> bool:
    """ "X, dessen Behörde …, sagte, dass …": a dass/ob clause or a colon after the cue carries the message."""
    if following is None:
        return False
    first = following[0]
    return analysis.words[first].key in ("dass", "daß", "ob") or analysis.words[first - 1].text == ":"


def _verb_second(analysis: SentenceAnalysis, stretch: tuple[int, int]) -> bool:
    """A finite verb (not at the end) after a fronted phrase: a main clause, not a subordinate one."""
    words = analysis.words
    finite = [p for p in range(stretch[0] + 1, stretch[1]) if is_finite(words[p])]
    last = trim_punct(words, stretch[1], stretch[0] + 1) - 1
    return bool(finite) and finite[0] < last


def _dass_inside(words: Sequence[object], cue: Cue, segment: tuple[int, int]) -> int:
    """A dass/ob clause, or a w-clause right after the cue, whose comma is missing: "kann nicht glauben
    was passiert sei"."""
    after = cue.words[-1] + 1
    last = segment[1] - 1
    while last > after and not str(getattr(words[last], "text", "x")).isalnum():
        last -= 1
    verb_final = str(getattr(words[last], "pos", "")).startswith("V")  # not "…, wie auch die Opposition"
    for position in range(after, segment[1]):
        key = getattr(words[position], "key", "")
        if key in ("dass", "daß", "ob") or (position == after and key in _W_WORDS and verb_final and last > after):
            return position
    return 0
