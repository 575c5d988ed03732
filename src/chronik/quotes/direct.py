"""Direct speech: quoted passages, the cue next to them, split quotes, and what is no quote.

A quoted passage is direct speech when it reads as an utterance (a sentence of its own, after
a colon, or next to a cue such as ", sagte X"). Short passages inside a sentence are partial
quotes when the sentence reports speech; otherwise they are names, titles or scare quotes and
are left alone (`die Mondlandefähre «Eagle»`, `der «Blick»`, the book `«Der Process»`).
"""

from __future__ import annotations

from dataclasses import dataclass

from chronik.quotes.draft import Cue, Draft, SentenceAnalysis
from chronik.quotes.grammar import DETERMINERS, subject_of
from chronik.quotes.lexicon import key
from chronik.quotes.marks import QuotedSpan
from chronik.quotes.view import ArticleView, Word

_TITLE_NOUNS = frozenset(
    [
        "buch",
        "roman",
        "film",
        "titel",
        "sendung",
        "zeitung",
        "zeitschrift",
        "magazin",
        "album",
        "song",
        "lied",
        "stück",
        "oper",
        "serie",
        "programm",
        "operation",
        "projekt",
        "kampagne",
        "initiative",
        "motto",
        "slogan",
        "schlagzeile",
        "überschrift",
        "kolumne",
        "blatt",
        "tageszeitung",
        "wochenzeitung",
        "sonntagszeitung",
        "show",
        "talkshow",
        "kinofilm",
        "werk",
        "gedicht",
        "bestseller",
        "theaterstück",
        "musical",
        "ausstellung",
        "festival",
        "preis",
        "hashtag",
        "app",
        "plattform",
        "portal",
        "website",
        "webseite",
        "partei",
        "bewegung",
        "verein",
        "schiff",
        "boulevardblatt",
        "nachrichtenmagazin",
        "radiosender",
        "sender",
        "fernsehsender",
    ]
)
_NAMING_WORDS = frozenset({"namens", "genannt", "genannte", "genannten", "titel", "motto", "codename", "codenamen"})
_SO_CALLED = frozenset({"sogenannte", "sogenannten", "sogenannter", "sogenanntes", "so", "genannte", "genannten"})
# Speech verbs that apply a word to something, with the word that precedes it ("" for none).
_NAMING_VERBS = {"nennen": "", "bezeichnen": "als", "werten": "als", "sprechen": "von"}
_POSSESSIVES = ("sein", "ihr", "dessen", "deren")
_SENTENCE_END_CHARS = ".!?…"
_NAME_PREPOSITIONS = frozenset({"im", "am", "vom", "zum", "beim", "gegenüber", "laut", "von", "mit"})


@dataclass(slots=True)
class DirectCandidate:
    span: QuotedSpan
    open_sentence: int
    close_sentence: int
    words: int  # words inside the marks
    full: bool
    name_like: bool = False  # a short capitalised passage after a determiner: "der «Blick»"


def classify(view: ArticleView, spans: list[QuotedSpan], analyses: list[SentenceAnalysis]) -> list[DirectCandidate]:
    """Each quoted passage as a full or embedded candidate; names and titles are dropped."""
    candidates: list[DirectCandidate] = []
    for span in spans:
        open_sentence = view.sentence_at(span.start)
        close_sentence = view.sentence_at(span.end - 1)
        if open_sentence is None or close_sentence is None:
            continue
        inner = [view.words[i] for i in view.words_between(span.start + 1, span.end - 1)]
        count = sum(1 for word in inner if not word.is_punct)
        if count == 0:
            continue
        full = _reads_as_utterance(view, span, analyses[open_sentence], analyses[close_sentence], count)
        if _is_title(view, span):
            continue
        content_words = [word for word in inner if not word.is_punct]
        named = not full and _named_by_speaker(view, span, analyses[open_sentence])
        named = named and not _tagged_as_name(view, span, content_words)
        if not full and not named and count <= 6 and _is_name(view, span):
            continue
        if not full and not named and count == 1 and _quoted_head_noun(view, span, content_words[0]):
            continue  # a term or name ("die «Energiefreiheit»"), unless a speaker applied it ("nannte es «Unsinn»")
        name_like = not full and not named and _is_name_like(view, span, count)
        candidates.append(DirectCandidate(span, open_sentence, close_sentence, count, full, name_like))
    return candidates


def _quoted_head_noun(view: ArticleView, span: QuotedSpan, word: Word) -> bool:
    """A single capitalised word in quotation marks right after its article, possessive or adjective:
    "die «Energiefreiheit»", "ihre «Mitverschwörer»" (not "im «Kerninteresse» der USA")."""
    if not word.capitalized:
        return False
    before = view.words_between(max(0, span.start - 40), span.start)
    if not len(before):
        return False
    previous = view.words[before[-1]]
    return previous.pos in ("ART", "PPOSAT", "ADJA") if previous.pos else previous.key in DETERMINERS


def _named_by_speaker(view: ArticleView, span: QuotedSpan, opening: SentenceAnalysis) -> bool:
    """A word the speaker applied, not a name: "nannte den Bericht eine «Zeitungsente»",
    "bezeichnete ihn als «Schatten-CIA»", "sprach von einem «Skandal»"."""
    words = opening.words
    verbs = {cue.words[0]: cue for cue in opening.cues if cue.kind == "verb" and cue.lemma in _NAMING_VERBS}
    if not verbs:
        return False
    first = view.word_at(span.start)
    if first is None or not words:
        return False
    end = first - words[0].index  # the first word of the quote in the sentence's list
    between: list[str] = []
    for position in range(end - 1, max(-1, end - 10), -1):
        cue = verbs.get(position)
        if cue is not None:
            marker = _NAMING_VERBS[cue.lemma]
            return not marker or marker in between
        if words[position].text == ",":
            return False
        between.append(words[position].key)
    return False


def _reads_as_utterance(
    view: ArticleView, span: QuotedSpan, opening: SentenceAnalysis, closing: SentenceAnalysis, count: int
) -> bool:
    before = view.text[view.sentences[opening.index].start : span.start].strip()
    after = view.text[span.end : view.sentences[closing.index].end].strip()
    content = view.text[span.start + 1 : span.end - 1].rstrip()
    if len(span.segments) > 1 or opening.index != closing.index:
        return True
    if before.endswith(":") or (not before and (not after or after[:1] in ",.!?")):
        return count >= 2
    if before and not before.endswith(":") and content.lstrip("„“«»‹›\"'")[:1].islower():
        return False  # a fragment inside the sentence: "Die Lage sei «ernst und kaum zu ändern», so X"
    if _cue_after(span, closing) is not None and count >= 3:
        return True
    return count >= 4 and content[-1:] in _SENTENCE_END_CHARS


def _previous_word(view: ArticleView, span: QuotedSpan) -> str:
    before = view.words_between(max(0, span.start - 40), span.start)
    return view.words[before[-1]].key if len(before) else ""


def _is_title(view: ArticleView, span: QuotedSpan) -> bool:
    """A title, an outlet or a so-called term: "der Roman «…»", "die sogenannte «…»"."""
    previous = _previous_word(view, span)
    return previous in _SO_CALLED or previous in _TITLE_NOUNS or _is_title_compound(previous)


def _is_name(view: ArticleView, span: QuotedSpan) -> bool:
    """A proper name in quotation marks: an apposition ("die Fähre «Eagle»"), a title that opens with
    an article ("«Der Spiegel»"), digits or inner capitals ("«Falcon 1»", "«GlobalFlyer»"), a
    foreign word or a named entity the NER found."""
    inner = [view.words[i] for i in view.words_between(span.start + 1, span.end - 1)]
    words = [word for word in inner if not word.is_punct]
    if not words:
        return True
    if not words[0].capitalized:
        return False  # names start with a capital: «präventiven» is a quoted word, not a name
    before = view.words_between(max(0, span.start - 40), span.start)
    previous = view.words[before[-1]] if len(before) else None
    if previous is not None and previous.sentence == words[0].sentence and _is_common_noun(view, previous):
        return True
    if previous is not None and previous.key in _NAMING_WORDS:
        return True
    if words[0].key in ("der", "die", "das") and words[0].capitalized:
        return True
    foreign = any(word.pos in ("NE", "FM") for word in words) and len(words) >= 2
    if (foreign or any(_odd_word(word.text) for word in words)) and len(words) <= 4:
        return True
    return _tagged_as_name(view, span, words)


def _tagged_as_name(view: ArticleView, span: QuotedSpan, words: list[Word]) -> bool:
    """The NER found a name over most of the passage (a single word only as person, place or organisation)."""
    content = sum(word.end - word.start for word in words)
    named = sum(
        max(0, min(end, span.end) - max(start, span.start))
        for start, end, label in view.mentions
        if len(words) > 1 or label != "MISC"
    )
    return named >= 0.6 * content


def _is_common_noun(view: ArticleView, word: Word) -> bool:
    """A capitalised word inside its sentence (not the first word), i.e. a noun the quote is in apposition to."""
    sentence = view.sentences[word.sentence]
    if word.index == sentence.first or not word.capitalized or word.key in DETERMINERS:
        return False
    return word.pos in ("NN", "NE") if word.pos else True


def _odd_word(text: str) -> bool:
    letters = text.replace("-", "")
    return (
        any(ch.isdigit() for ch in text)
        or (len(letters) > 1 and letters.isupper())
        or any(ch.isupper() for ch in letters[1:] if not letters.isupper())
    )


def _is_name_like(view: ArticleView, span: QuotedSpan, count: int) -> bool:
    inner = [view.words[i] for i in view.words_between(span.start + 1, span.end - 1)]
    previous = _previous_word(view, span)
    capitalized = all(word.capitalized or word.is_punct or word.key in DETERMINERS for word in inner)
    return count <= 3 and capitalized and (previous in DETERMINERS or previous in _NAME_PREPOSITIONS)


def _is_title_compound(word: str) -> bool:
    return any(
        word.endswith(noun) for noun in ("buch", "film", "roman", "titel", "zeitung", "magazin", "album", "sendung")
    )


def _cue_after(span: QuotedSpan, closing: SentenceAnalysis) -> Cue | None:
    """A cue in the stretch right after the closing mark: «…», sagte sie / «…», so der Minister."""
    for cue in closing.cues:
        segment_start = max(cue.segment[0], closing.segments[closing.segment_of(cue.words[0])][0])
        while segment_start < cue.words[0] and closing.words[segment_start].index in closing.masked:
            segment_start += 1  # «…» erklärte sie. (no comma after the quote)
        first = closing.words[segment_start]
        between = [w for w in closing.words if span.end <= w.start < first.start]
        adjacent = first.start >= span.end and all(w.text in (",", "–", "—", "-") for w in between)
        if adjacent and len(between) <= 2 and (cue.verb_initial or cue.kind == "frame"):
            return cue
    return None


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
    view: ArticleView, candidates: list[DirectCandidate], analyses: list[SentenceAnalysis]
) -> tuple[list[Draft], list[DirectCandidate]]:
    """Drafts for full quotes (split quotes merged) and the embedded candidates left over."""
    drafts: list[Draft] = []
    embedded: list[DirectCandidate] = []
    merged: set[int] = set()
    for number, candidate in enumerate(candidates):
        if number in merged:
            continue
        if not candidate.full:
            embedded.append(candidate)
            continue
        draft = _draft_for(view, candidate, analyses)
        follower = _split_follower(view, candidates, number, draft)
        if follower is not None:
            draft.message.extend(candidates[follower].span.segments)
            draft.sentences.append(candidates[follower].close_sentence)
            merged.add(follower)
        drafts.append(draft)
    return drafts, embedded


def _draft_for(view: ArticleView, candidate: DirectCandidate, analyses: list[SentenceAnalysis]) -> Draft:
    span = candidate.span
    sentences = sorted({candidate.open_sentence, candidate.close_sentence})
    draft = Draft("Direct", list(span.segments), sentences)
    closing = analyses[candidate.close_sentence]
    opening = analyses[candidate.open_sentence]
    cue, analysis = _cue_after(span, closing), closing
    if cue is None:
        cue, analysis = _cue_before(span, opening), opening
    earlier = None if cue is not None else _cue_earlier_in_sentence(span, opening)
    if earlier is not None:
        apply_cue(draft, earlier, opening)
        opening.used_cues.discard(earlier.words[0])  # its own clause may still carry indirect speech
        return draft
    if cue is None:
        draft.speaker = _colon_subject(span, opening)
        if draft.speaker is not None and not _names_entity(view, draft.speaker):
            draft.speaker = _person_before(view, opening, span.start) or _unless_possessive(view, draft.speaker)
        draft.inherits_speaker = draft.speaker is None
        return draft
    apply_cue(draft, cue, analysis)
    return draft


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


def _unless_possessive(view: ArticleView, subject: tuple[int, int]) -> tuple[int, int] | None:
    """ "Seine Zuversicht ist gross: «…»": a subject owned by someone named before is not the speaker;
    the quote continues that earlier speaker."""
    first = view.text[subject[0] : subject[1]].split(" ", 1)[0]
    return None if key(first).startswith(_POSSESSIVES) else subject


def _names_entity(view: ArticleView, speaker: tuple[int, int]) -> bool:
    return any(start < speaker[1] and speaker[0] < end for start, end, _ in view.mentions)


def _person_before(view: ArticleView, opening: SentenceAnalysis, position: int) -> tuple[int, int] | None:
    """The last person named in the opening sentence before the quote."""
    sentence_start = opening.words[0].start if opening.words else position
    persons = [
        (start, end)
        for start, end, label in view.mentions
        if label == "PER" and sentence_start <= start and end <= position
    ]
    return persons[-1] if persons else None


def _colon_subject(span: QuotedSpan, opening: SentenceAnalysis) -> tuple[int, int] | None:
    """ "Brauns hat weniger Hemmungen: «…»": the subject of the clause before the colon."""
    before = [position for position, word in enumerate(opening.words) if word.end <= span.start]
    if not before or opening.words[before[-1]].text != ":":
        return None
    clause_start = 0
    for position in before[:-1]:
        if opening.words[position].text in (":", ";") or opening.words[position].index in opening.masked:
            clause_start = position + 1
    subject = subject_of(opening.words, clause_start, before[-1])
    return None if subject is None else opening.char_span(*subject)


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
    return number + 1
