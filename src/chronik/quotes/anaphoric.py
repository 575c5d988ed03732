"""Anaphoric cues: "Das sagte X." reports the sentences before it in its paragraph."""

from __future__ import annotations

from chronik.quotes.draft import Cue, Draft, SentenceAnalysis
from chronik.quotes.view import ArticleView


def anaphoric_message(view: ArticleView, analysis: SentenceAnalysis, cue: Cue) -> list[tuple[int, int]]:
    """ "Das sagte X": the message is the clause before the cue or up to three earlier sentences of the paragraph."""
    number = analysis.segment_of(cue.words[0])
    if number > 0:
        return [analysis.char_span(analysis.segments[0][0], analysis.segments[number - 1][1])]
    paragraph = view.sentences[analysis.index].paragraph
    earlier = [s for s in view.sentences[max(0, analysis.index - 3) : analysis.index] if s.paragraph == paragraph]
    if not earlier:
        return []
    return [(earlier[0].start, earlier[-1].end)]


def after_quoted_sentences(
    view: ArticleView, analysis: SentenceAnalysis, message: list[tuple[int, int]], taken: list[Draft]
) -> list[tuple[int, int]]:
    """ "Das berichten X" points back to the sentences after the last one that has a quotation of its own:
    "Laut Y ist A geschehen. B soll C sein. Das berichten X." → only "B soll C sein."."""
    if len(message) != 1:
        return message
    start, end = message[0]
    for sentence in reversed(view.sentences[max(0, analysis.index - 3) : analysis.index]):
        if sentence.end <= start:
            break
        if any(sentence.index in draft.sentences for draft in taken):
            following = view.sentences[sentence.index + 1]
            return [(following.start, end)] if following.index < analysis.index else []
    return message
