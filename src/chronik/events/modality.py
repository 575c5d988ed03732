"""The modality of an event: asserted, negated, planned, hypothetical, desired or reported.

Cues come from `data/events/modality.yaml`; the tagger's mood features are used where present
(Konjunktiv II → hypothetical, Konjunktiv I → reported speech). Precedence when several cues
apply: negated > hypothetical > desired > planned > reported > asserted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chronik.events.dates import PARTICIPLE as _PARTICIPLE
from chronik.events.lexicon import EventLexicon, fold_word
from chronik.model import Modality, Quote, Token

_WERDEN = frozenset({"wird", "werden", "werde"})
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"})
_MODAL_WANTS = frozenset({"will", "wollen", "wolle", "wollten", "möchte", "möchten"})
_DESIRE_NOUNS = frozenset({"kerninteresse", "ziel", "interesse", "wunsch", "forderung"})
_REPORT_FRAMES = ("heisst es", "hiess es", "so der", "so die", "so das")


@dataclass(frozen=True, slots=True)
class ModalityContext:
    """What modality detection looks at around one trigger."""

    words: Sequence[str]  # folded words of the clause
    raw_words: Sequence[str]  # the same words as written
    trigger_index: int  # index of the trigger in `words`
    sentence_words: Sequence[str]  # folded words of the sentence before the trigger
    sentence_text: str
    tokens: Sequence[Token] = ()  # tagger tokens of the sentence, when the tagger ran
    future_time: bool = False  # the event's time lies after the article date
    time_from_today: bool = False  # the event's time is the article date or later
    past_sentence: bool = False
    all_words: Sequence[str] = ()  # folded words of the whole sentence


def _negated(context: ModalityContext, lexicon: EventLexicon) -> bool:
    window = lexicon.negation_window
    first = max(0, context.trigger_index - window)
    for index in range(first, context.trigger_index):
        word = context.words[index]
        if lexicon.has_cue("negated", word) and not _ohne_names_a_party(context, index):
            return True
    after = context.words[context.trigger_index + 1 : context.trigger_index + 3]
    if any(w in ("nicht", "nie") for w in after):
        return True
    return any(lexicon.has_cue("cancelled", w) for w in context.words)  # "wurde vorerst abgesagt"


def _ohne_names_a_party(context: ModalityContext, index: int) -> bool:
    """ "ohne Budapest einen Kredit vergeben": "ohne" excludes a party, it does not negate the event."""
    if context.words[index] != "ohne" or index + 2 >= len(context.words):
        return False
    return context.words[index + 2] in _ARTICLES and context.raw_words[index + 1][:1].isupper()


def _mood(tokens: Sequence[Token], konj: str) -> bool:
    return any(t.morph.get("Mood") == "Sub" and t.morph.get("Konj") == konj for t in tokens)


def _announced(context: ModalityContext, lexicon: EventLexicon) -> bool:
    """ "kündigte eine Gegenoffensive an", "zu Gesprächen eingeladen": an announced or invited noun event."""
    if not context.raw_words[context.trigger_index][:1].isupper():
        return False
    return any(lexicon.has_cue("invited", w) for i, w in enumerate(context.words) if i != context.trigger_index)


def _hypothetical(context: ModalityContext, lexicon: EventLexicon) -> bool:
    if context.tokens and _mood(context.tokens, "II"):
        return True
    return any(lexicon.has_cue("hypothetical", w) for w in context.words)


def _has(kind: str, words: Sequence[str], skip: int, lexicon: EventLexicon) -> bool:
    return any(lexicon.has_cue(kind, w) for i, w in enumerate(words) if i != skip)


def _reported(context: ModalityContext, lexicon: EventLexicon) -> bool:
    """Konjunktiv I in the event's own clause, or a report frame anywhere in the sentence."""
    if context.tokens and _mood(context.tokens, "I"):
        return True
    if any(lexicon.has_cue("konjunktiv_i", w) for w in [*context.words, *context.sentence_words]):
        return True  # Konjunktiv I before the trigger or in its clause; not in a later "dass … sei"
    lowered = fold_word(context.sentence_text)
    if any(frame in lowered for frame in _REPORT_FRAMES):
        return True
    return any(lexicon.has_cue("reported", w) for w in context.all_words or context.sentence_words)


def _planned(context: ModalityContext, lexicon: EventLexicon) -> bool:
    """A planning cue; "wird … vorgeworfen" (present passive) plans nothing unless a time lies ahead."""
    cues = [w for i, w in enumerate(context.words) if i != context.trigger_index and lexicon.has_cue("planned", w)]
    if not cues or context.past_sentence:
        return False
    passive = all(w in _WERDEN for w in cues) and any(_PARTICIPLE.match(w) for w in context.words)
    return not passive or context.time_from_today


def detect_modality(context: ModalityContext, lexicon: EventLexicon) -> Modality:
    """The single modality value of an event, by the precedence above."""
    if _negated(context, lexicon):
        return "negated"
    if _hypothetical(context, lexicon):
        return "hypothetical"
    cues = [w for i, w in enumerate(context.words) if i != context.trigger_index and lexicon.has_cue("desired", w)]
    desired = bool(cues) or any(w in _DESIRE_NOUNS for w in context.sentence_words)
    if desired and not context.past_sentence:
        # "will nächste Woche streiken": a wish with a date is a plan.
        wants_only = bool(cues) and all(w in _MODAL_WANTS for w in cues)
        return "planned" if wants_only and context.future_time else "desired"
    if context.future_time or _announced(context, lexicon):
        return "planned"  # the event's own time lies ahead, or it was announced or someone invited to it
    if _planned(context, lexicon):
        return "planned"
    if _reported(context, lexicon):
        return "reported"
    return "asserted"


def quote_at(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The quotation whose message (or frame) contains the character range, if any."""
    for quote in quotes:
        for span in quote.message:
            if span.start <= start and end <= span.end:
                return quote
    return None
