"""The modality of an event: asserted, negated, planned, hypothetical, desired or reported.

Cues come from `data/events/modality.yaml`; the tagger's mood features are used where present
(Konjunktiv II → hypothetical, Konjunktiv I → reported speech). Precedence when several cues
apply: negated > hypothetical > desired > planned > reported > asserted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chronik.events.lexicon import EventLexicon, fold_word
from chronik.model import Modality, Quote, Token

_DESIRE_NOUNS = frozenset({"kerninteresse", "ziel", "interesse", "wunsch", "forderung"})
_REPORT_FRAMES = ("heisst es", "hiess es", "so der", "so die", "so das")


@dataclass(frozen=True, slots=True)
class ModalityContext:
    """What modality detection looks at around one trigger."""

    words: Sequence[str]  # folded words of the clause
    trigger_index: int  # index of the trigger in `words`
    sentence_words: Sequence[str]  # folded words of the whole sentence, up to the trigger's clause end
    sentence_text: str
    tokens: Sequence[Token] = ()  # tagger tokens of the sentence, when the tagger ran
    future_time: bool = False  # the event's time lies after the article date
    past_sentence: bool = False


def _negated(context: ModalityContext, lexicon: EventLexicon) -> bool:
    window = lexicon.negation_window
    before = context.words[max(0, context.trigger_index - window) : context.trigger_index]
    after = context.words[context.trigger_index + 1 : context.trigger_index + 3]
    return any(lexicon.has_cue("negated", w) for w in before) or any(w in ("nicht", "nie") for w in after)


def _mood(tokens: Sequence[Token], konj: str) -> bool:
    return any(t.morph.get("Mood") == "Sub" and t.morph.get("Konj") == konj for t in tokens)


def _hypothetical(context: ModalityContext, lexicon: EventLexicon) -> bool:
    if context.tokens and _mood(context.tokens, "II"):
        return True
    return any(lexicon.has_cue("hypothetical", w) for w in context.words)


def _has(kind: str, words: Sequence[str], skip: int, lexicon: EventLexicon) -> bool:
    return any(lexicon.has_cue(kind, w) for i, w in enumerate(words) if i != skip)


def _reported(context: ModalityContext, lexicon: EventLexicon) -> bool:
    if context.tokens and _mood(context.tokens, "I"):
        return True
    lowered = fold_word(context.sentence_text)
    if any(frame in lowered for frame in _REPORT_FRAMES):
        return True
    words = context.sentence_words
    return any(lexicon.has_cue("reported", w) or lexicon.has_cue("konjunktiv_i", w) for w in words)


def detect_modality(context: ModalityContext, lexicon: EventLexicon) -> Modality:
    """The single modality value of an event, by the precedence above."""
    if _negated(context, lexicon):
        return "negated"
    if _hypothetical(context, lexicon):
        return "hypothetical"
    desired = _has("desired", context.words, context.trigger_index, lexicon) or any(
        w in _DESIRE_NOUNS for w in context.sentence_words
    )
    if desired and not context.past_sentence:
        return "desired"
    planned_cue = _has("planned", context.words, context.trigger_index, lexicon)
    if (planned_cue or context.future_time) and not context.past_sentence:
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
