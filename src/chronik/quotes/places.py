"""A document named as the place of a passive sentence is that sentence's source.

"In einer Analyse der Zeitung wird der Streit als Machtkampf gesehen. So habe die Ministerin …":
no one is the subject of the first sentence; the analysis speaks, and the free indirect speech
after it continues that source ("Im Bericht werden zahlreiche Fälle aufgeführt. Oft habe …").
"""

from __future__ import annotations

from chronik.quotes.draft import SentenceAnalysis
from chronik.quotes.grammar import is_finite, noun_phrase_right
from chronik.quotes.lexicon import QuoteLexicon

_PLACE_OPENERS = frozenset({"in", "im"})
_PASSIVE_AUXILIARIES = frozenset({"wird", "werden", "wurde", "wurden"})


def document_place(analysis: SentenceAnalysis, lexicon: QuoteLexicon) -> tuple[int, int] | None:
    """The document phrase, preposition included, that opens a passive main clause ("In einer Analyse der
    BBC wird …", "Im Bericht werden …"), in characters."""
    words = analysis.words
    if len(words) < 4 or words[0].key not in _PLACE_OPENERS:
        return None
    phrase = noun_phrase_right(words, 1, limit=len(words))
    if phrase is None or phrase[1] >= len(words):
        return None
    heads = [word for word in words[phrase[0] : phrase[1]] if word.pos == "NN" or (not word.pos and word.capitalized)]
    if not heads or not lexicon.is_document(heads[0].text):
        return None
    verb = words[phrase[1]]
    if not is_finite(verb) or verb.key not in _PASSIVE_AUXILIARIES:
        return None
    return analysis.char_span(0, phrase[1])
