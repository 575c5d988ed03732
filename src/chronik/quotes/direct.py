"""Direct speech: quoted passages, the cue next to them, split quotes, and what is no quote.

A quoted passage is direct speech when it reads as an utterance (a sentence of its own, after
a colon, or next to a cue such as ", sagte X"). Short passages inside a sentence are partial
quotes when the sentence reports speech; otherwise they are names, titles or scare quotes and
are left alone (`die Mondlandefähre «Eagle»`, `der «Blick»`, the book `«Der Process»`).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from chronik.quotes.colon_speakers import speak_without_cue
from chronik.quotes.draft import Cue, Draft, SentenceAnalysis
from chronik.quotes.frames import noun_phrase_ending_at
from chronik.quotes.grammar import CLAUSE_REACH, is_finite
from chronik.quotes.lexicon import QuoteLexicon, key, load_lexicon
from chronik.quotes.marks import QuotedSpan
from chronik.quotes.neighbours import inscription_bearer, subject_after_quote
from chronik.quotes.terms import (
    after_inscription_noun,
    after_utterance_noun,
    attributive_scare_quote,
    has_legal_form,
    is_gloss,
    is_name,
    is_name_like,
    is_title,
    judged_as,
    named_after,
    named_by_speaker,
    named_in_wie_clause,
    quoted_head_noun,
    tagged_as_name,
    title_after_colon,
    titled_after,
)
from chronik.quotes.view import ArticleView

_SENTENCE_END_CHARS = ".!?…"
_UTTERANCE_WORDS = 3  # "die Antwort «Nein»" may be a name; "die Antwort, «Tut mir leid»" is speech
_VERBAL_WORDS = 3  # "«aufmerksam zu machen»" ends with a verb; "«geöffnet»" may be a scare quote
_LIST_GAP = 30  # ", oder beispielsweise " between listed titles
_LIST_JOINERS = frozenset({",", "und", "oder", "sowie", "beispielsweise", "etwa", "auch"})
_BRACKET_AUXILIARIES = frozenset({"wird", "wurde", "werden", "wurden", "hat", "hatte", "haben", "hatten"})


@dataclass(slots=True)
class DirectCandidate:
    span: QuotedSpan
    open_sentence: int
    close_sentence: int
    words: int  # words inside the marks
    full: bool
    name_like: bool = False  # a short capitalised passage after a determiner: "der «Blick»"
    inscription: bool = False  # words written on something: "mit der Aufschrift «…»"
    uttered: bool = False  # words after a noun for an utterance: "veröffentlichte die Antwort, «…»"
    verbal: bool = False  # someone's wording, 3+ words ending with a verb or judging after "als": "wollte «… vorlegen»"


def classify(view: ArticleView, spans: list[QuotedSpan], analyses: list[SentenceAnalysis]) -> list[DirectCandidate]:
    """Each quoted passage as a full or embedded candidate; names and titles are dropped."""
    candidates: list[DirectCandidate] = []
    titles: list[QuotedSpan] = []
    for span in spans:
        open_sentence = view.sentence_at(span.start)
        close_sentence = view.sentence_at(span.end - 1)
        if open_sentence is None or close_sentence is None:
            continue
        inner = [view.words[i] for i in view.words_between(span.start + 1, span.end - 1)]
        count = sum(1 for word in inner if not word.is_punct)
        if count == 0:
            continue
        inscription = count >= 2 and after_inscription_noun(view, span)
        uttered = count >= _UTTERANCE_WORDS and after_utterance_noun(view, span)
        full = inscription or uttered
        full = full or _reads_as_utterance(view, span, analyses[open_sentence], analyses[close_sentence], count)
        if not inscription and (is_title(view, span) or title_after_colon(view, span, analyses[open_sentence], count)):
            titles.append(span)
            continue
        if titles and _listed_after(view, titles[-1], span):
            titles.append(span)
            continue  # "Vorträge wie «…», «…» oder «…»": the titles listed after a title
        if named_in_wie_clause(view, span) or has_legal_form(view, span):
            continue  # "«Uncle Ted», wie er genannt wurde", "des «Vereins für Heimatkunde e.V.»"
        if is_gloss(view, span):
            continue  # "«Iron Fist» («Eisenfaust»)", "bedeutet etwa «Menschlichkeit»"
        if titled_after(view, span):
            continue  # "«Wasser für alle», so lautet der Titel der Studie"
        if not full and named_after(view, span):
            continue  # "stets «der Dicke» genannt", "die sich selbst «Rat für Reform» nennt"
        content_words = [word for word in inner if not word.is_punct]
        named = not full and named_by_speaker(view, span, analyses[open_sentence])
        named = named and not tagged_as_name(view, span, content_words)
        if not full and not named and count <= 6 and is_name(view, span):
            continue
        if not full and not named and count == 1 and quoted_head_noun(view, span, content_words[0]):
            continue  # a term or name ("die «Energiefreiheit»"), unless a speaker applied it ("nannte es «Unsinn»")
        if not full and not named and attributive_scare_quote(view, span, content_words):
            continue  # "sich mit «fremden» Männern treffen"
        name_like = not full and not named and is_name_like(view, span, count)
        verbal = count >= _VERBAL_WORDS and (content_words[-1].pos.startswith("V") or judged_as(view, span))
        candidates.append(
            DirectCandidate(span, open_sentence, close_sentence, count, full, name_like, inscription, uttered, verbal)
        )
    return candidates


def _listed_after(view: ArticleView, title: QuotedSpan, span: QuotedSpan) -> bool:
    """Whether only commas and conjunctions stand between a title and the next quoted passage:
    "Vorträge wie «…», «…» oder beispielsweise «…»"."""
    if span.start - title.end > _LIST_GAP:
        return False
    between = [view.words[index].key for index in view.words_between(title.end, span.start)]
    return len(between) <= 3 and all(word in _LIST_JOINERS for word in between)


def _reads_as_utterance(
    view: ArticleView, span: QuotedSpan, opening: SentenceAnalysis, closing: SentenceAnalysis, count: int
) -> bool:
    before = view.text[view.sentences[opening.index].start : span.start].strip()
    after = view.text[span.end : view.sentences[closing.index].end].strip()
    content = view.text[span.start + 1 : span.end - 1].rstrip()
    if len(span.segments) > 1 or (opening.index != closing.index and _breaks_sentence(content)):
        return True
    if before.endswith(":") or (not before and (not after or after[:1] in ",.!?")):
        return count >= 2 or content[-1:] in _SENTENCE_END_CHARS  # "Seine Antwort: «Nein.»"
    if before and not before.endswith(":") and content.lstrip("„“«»‹›\"'")[:1].islower():
        return False  # a fragment inside the sentence: "Die Lage sei «ernst und kaum zu ändern», so X"
    if _cue_after(span, closing) is not None and count >= 3:
        return True
    return count >= 4 and content[-1:] in _SENTENCE_END_CHARS


def _breaks_sentence(content: str) -> bool:
    """Whether quoted text holds a sentence end followed by a space or line break: "«Wir kommen. Bald.»",
    not the full stop inside a name ("«Linkspartei.PDS»") that a sentence splitter may cut at."""
    return "\n" in content or any(
        char in _SENTENCE_END_CHARS and (following.isspace() or following in "«»„“”\"'")
        for char, following in pairwise(content)
    )


def _cue_after(span: QuotedSpan, closing: SentenceAnalysis) -> Cue | None:
    """A cue in the stretch right after the closing mark: «…», sagte sie / «…», so der Minister / «…», wie
    der Minister mitteilte."""
    for cue in closing.cues:
        segment_start = max(cue.segment[0], closing.segments[closing.segment_of(cue.words[0])][0])
        while segment_start < cue.words[0] and closing.words[segment_start].index in closing.masked:
            segment_start += 1  # «…» erklärte sie. (no comma after the quote)
        first = closing.words[segment_start]
        between = [w for w in closing.words if span.end <= w.start < first.start]
        adjacent = first.start >= span.end and all(w.text in (",", "–", "—", "-") for w in between)
        as_clause = cue.subordinate and first.key == "wie"  # «…», wie der Minister mitteilte
        if adjacent and len(between) <= 2 and (cue.verb_initial or cue.kind == "frame" or as_clause):
            return cue
        if cue.kind == "verb" and not cue.finite and _closes_bracket_after(span, closing, cue):
            return cue
    return None


def _closes_bracket_after(span: QuotedSpan, closing: SentenceAnalysis, cue: Cue) -> bool:
    """ "«…», wird X, Sprecher von Y, zitiert": a participle cue closing the verb bracket that an
    auxiliary opens right after the quote (only commas between the quote and the auxiliary)."""
    words = closing.words
    first = closing.position_at(span.end)
    while first < len(words) and words[first].text in (",", "–", "—"):
        first += 1
    if first >= len(words) or not is_finite(words[first]) or words[first].key not in _BRACKET_AUXILIARIES:
        return False
    inside = words[first + 1 : cue.words[0]]
    return len(inside) <= CLAUSE_REACH and not any(is_finite(word) for word in inside)


def _cue_before(span: QuotedSpan, opening: SentenceAnalysis) -> Cue | None:
    """A cue in the clause that introduces the quote: X sagte: «…» / X sagte, «…»."""
    chosen: Cue | None = None
    for cue in opening.cues:
        last_word = opening.words[max(cue.words)]
        if last_word.end > span.start:
            break
        segment_end = opening.segments[opening.segment_of(cue.words[0])][1]
        gap = [w for w in opening.words[segment_end:] if w.end <= span.start]
        if len(gap) <= 1 and all(w.text in (":", ",", "–") for w in gap):
            chosen = cue
    return chosen


def build_direct(
    view: ArticleView,
    candidates: list[DirectCandidate],
    analyses: list[SentenceAnalysis],
    *,
    lexicon: QuoteLexicon | None = None,
) -> tuple[list[Draft], list[DirectCandidate]]:
    """Drafts for full quotes (split quotes merged) and the embedded candidates left over."""
    lexicon = lexicon or load_lexicon()
    drafts: list[Draft] = []
    embedded: list[DirectCandidate] = []
    merged: set[int] = set()
    for number, candidate in enumerate(candidates):
        if number in merged:
            continue
        if not candidate.full:
            embedded.append(candidate)
            continue
        draft = _draft_for(view, candidate, analyses, lexicon)
        follower = _split_follower(view, candidates, number, draft)
        if follower is not None:
            draft.message.extend(candidates[follower].span.segments)
            draft.sentences.append(candidates[follower].close_sentence)
            merged.add(follower)
        drafts.append(draft)
    return drafts, embedded


def _draft_for(
    view: ArticleView, candidate: DirectCandidate, analyses: list[SentenceAnalysis], lexicon: QuoteLexicon
) -> Draft:
    span = candidate.span
    sentences = sorted({candidate.open_sentence, candidate.close_sentence})
    draft = Draft("Direct", list(span.segments), sentences)
    closing = analyses[candidate.close_sentence]
    opening = analyses[candidate.open_sentence]
    named = _name_before_bracket(span, opening, closing)
    if named is not None:
        draft.speaker = named  # "…, der Leiter der Behörde, Anna Keller («…»), und …"
        return draft
    cue, analysis = _cue_after(span, closing), closing
    if cue is None:
        cue, analysis = _cue_before(span, opening), opening
    earlier = None if cue is not None else _cue_earlier_in_sentence(span, opening)
    if earlier is not None:
        apply_cue(draft, earlier, opening)
        opening.used_cues.discard(earlier.words[0])  # its own clause may still carry indirect speech
        return draft
    if cue is None and _speaker_after(draft, span, closing):
        return draft
    if cue is None:
        speak_without_cue(
            view, draft, span, opening, inscription=candidate.inscription, uttered=candidate.uttered, lexicon=lexicon
        )
        return draft
    apply_cue(draft, cue, analysis)
    if draft.speaker is None and analysis is opening:
        _bearer_before_colon(draft, span, opening)
    if cue.kind == "frame" and analysis is opening and cue.words[0] > 0 and opening.words[cue.words[0] - 1].text == ",":
        opening.used_cues.discard(cue.words[0])  # "Die Lage sei ernst, so X weiter: «…»": the clause before too
    return draft


def _bearer_before_colon(draft: Draft, span: QuotedSpan, opening: SentenceAnalysis) -> None:
    """A cue with no speaker in a relative clause of place before the colon: "ein Zettel, auf dem
    geschrieben stand: «…»" → the words are written on "ein Zettel"."""
    colon = opening.position_at(span.start) - 1
    if colon < 1 or opening.words[colon].text != ":":
        return
    bearer = inscription_bearer(opening.words, colon)
    if bearer is not None:
        draft.speaker = opening.char_span(*bearer)
        draft.medium = "writing"


def _name_before_bracket(
    span: QuotedSpan, opening: SentenceAnalysis, closing: SentenceAnalysis
) -> tuple[int, int] | None:
    """A quote in brackets right after a name is that person's words: "Anna Keller («…»)"."""
    words = opening.words
    bracket = opening.position_at(span.start) - 1
    after = closing.position_at(span.end)
    if bracket < 1 or words[bracket].text != "(" or after >= len(closing.words) or closing.words[after].text != ")":
        return None
    phrase = noun_phrase_ending_at(words, 0, bracket)
    if phrase is None or words[bracket - 1].pos != "NE":
        return None
    return opening.char_span(*phrase)


def _speaker_after(draft: Draft, span: QuotedSpan, closing: SentenceAnalysis) -> bool:
    """ "«…», freut sich X": the verb after the quote is the cue, its subject the speaker."""
    found = subject_after_quote(span, closing)
    if found is None:
        return False
    verb, subject = found
    word = closing.words[verb]
    draft.cue, draft.cue_lemma = (word.start, word.end), key(word.lemma or word.text)
    draft.speaker = closing.char_span(*subject)
    return True


def _cue_earlier_in_sentence(span: QuotedSpan, opening: SentenceAnalysis) -> Cue | None:
    """A speech verb with its own speaker earlier in the sentence that opens the quote, though not
    right before it: "Solana äusserte sich zuversichtlich über die Gespräche: «…»"."""
    chosen: Cue | None = None
    for cue in opening.cues:
        if opening.words[max(cue.words)].end > span.start:
            break
        usable = cue.kind == "verb" and cue.speaker is not None and not cue.guessed_speaker
        if usable and not cue.subordinate and cue.words[0] not in opening.used_cues:
            chosen = cue
    return chosen


def apply_cue(draft: Draft, cue: Cue, analysis: SentenceAnalysis) -> None:
    """Copy a cue's lemma, span, medium, speaker and frame onto a draft and mark the cue used."""
    analysis.used_cues.add(cue.words[0])
    words = analysis.words
    draft.cue = (words[min(cue.words)].start, words[max(cue.words)].end)
    if len(cue.words) > 1 and cue.kind != "frame":
        draft.cue = (words[cue.words[0]].start, words[cue.words[0]].end)
    draft.cue_lemma = cue.lemma
    draft.medium = cue.medium
    draft.document_reference = cue.document_reference
    if cue.speaker is not None:
        draft.speaker = analysis.char_span(*cue.speaker)
        draft.plural_speaker = key(words[cue.words[0]].text).endswith("n") and cue.kind == "verb"
    if cue.frame is not None:
        draft.frame = analysis.char_span(*cue.frame)
    if cue.addressee is not None:
        draft.addressee = analysis.char_span(*cue.addressee)
    if cue.citing is not None and cue.speaker is not None:
        draft.citing = analysis.char_span(*cue.citing)


def _split_follower(view: ArticleView, candidates: list[DirectCandidate], number: int, draft: Draft) -> int | None:
    """The second half of a split quote: «…», heisst es, «…»."""
    if draft.cue is None or number + 1 >= len(candidates) or draft.cue[0] < candidates[number].span.end:
        return None
    follower = candidates[number + 1]
    gap = view.text[draft.cue[1] : follower.span.start]
    if len(gap) > 200 or "\n" in gap or not gap.rstrip().endswith((",", ":")):
        return None
    if view.text[candidates[number].span.end : draft.cue[0]].strip(" ,–—") != "":
        return None
    if view.sentence_at(draft.cue[0]) != follower.open_sentence:
        return None  # a new sentence with its own cue: "«…», sagte X. Y widersprach: «…»"
    return number + 1
