"""Stage "quotes": direct, indirect, free indirect and reported speech with cue and speaker.

Finding candidates is kept apart from writing annotations: the rule modules (`direct`,
`indirect`) produce drafts in character offsets, `speakers` inherits and resolves their
speakers, and this module turns them into `Quote` records in text order (ids Q1, Q2, …).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chronik.model import Article, Quote, Span
from chronik.quotes.citing import with_citing_sources
from chronik.quotes.clause_parts import split_unmarked_wie_clause
from chronik.quotes.cues import find_cues
from chronik.quotes.direct import DirectCandidate, build_direct, classify
from chronik.quotes.draft import Draft, SentenceAnalysis
from chronik.quotes.free import build_free_indirect
from chronik.quotes.grammar import FOCUS_PARTICLES, is_temporal, konjunktiv, noun_phrase_right, segments, subject_of
from chronik.quotes.indirect import build_indirect
from chronik.quotes.lexicon import QuoteLexicon, load_lexicon
from chronik.quotes.marks import QuotedSpan, find_quoted_spans
from chronik.quotes.neighbours import speakers_from_next_sentence
from chronik.quotes.speakers import SpeakerResolver, hosts_partials, inherit_speakers
from chronik.quotes.structural_speakers import clause_subject, document_place
from chronik.quotes.view import ArticleView

_SOURCE_ADVERBS = frozenset({"demnach", "danach"})
_SOURCE_BEFORE = frozenset({"dem", "gegenüber", "laut", "gemäss", "gemäß"})

__all__ = ["QuoteStage", "create_stage", "find_quotes"]


def analyse_sentences(view: ArticleView, spans: list[QuotedSpan], lexicon: QuoteLexicon) -> list[SentenceAnalysis]:
    """Words inside quotation marks, clause segments and cues of every sentence."""
    masked: set[int] = set()
    for span in spans:
        for start, end in span.segments:
            masked.update(view.words_between(start, end))
    analyses: list[SentenceAnalysis] = []
    for sentence in view.sentences:
        words = view.sentence_words(sentence)
        sentence_segments = split_unmarked_wie_clause(words, segments(words, masked))
        cues = find_cues(words, sentence_segments, masked, lexicon)
        analyses.append(SentenceAnalysis(sentence.index, sentence.paragraph, words, masked, sentence_segments, cues))
    return analyses


def find_drafts(view: ArticleView, lexicon: QuoteLexicon) -> list[Draft]:
    """All quotation drafts of an article, speakers inherited, in text order."""
    spans = find_quoted_spans(view.text, view.paragraphs)
    analyses = analyse_sentences(view, spans, lexicon)
    candidates = classify(view, spans, analyses)
    drafts, embedded = build_direct(view, candidates, analyses, lexicon=lexicon)
    for analysis in analyses:
        drafts.extend(build_indirect(view, analysis, lexicon, drafts))
    drafts.extend(build_free_indirect(view, analyses, lexicon, drafts))
    drafts.extend(_partials(view, embedded, drafts, analyses, lexicon))
    drafts.sort(key=lambda draft: (draft.start, draft.partial))
    drafts = speakers_from_next_sentence(drafts, analyses)
    _speakers_from_previous_subject(view, drafts, analyses, lexicon)
    _adverb_antecedents(view, drafts, analyses)
    inherit_speakers(drafts)
    if _speakers_from_earlier_sentences(view, drafts, analyses, lexicon):
        inherit_speakers(drafts)  # their partial quotes and followers
    return with_citing_sources(_without_reported_beside_partials(drafts))


def _without_reported_beside_partials(drafts: list[Draft]) -> list[Draft]:
    """A speech act whose sentence quotes a phrase is that quote, not a second, reported quotation:
    "Sie bezeichnete den Plan als «gefährlichen Unsinn»." is one partial direct quote."""
    quoting = {index for draft in drafts if draft.partial for index in draft.sentences}
    return [draft for draft in drafts if draft.type != "Reported" or not quoting & set(draft.sentences)]


def _adverb_antecedents(view: ArticleView, drafts: list[Draft], analyses: list[SentenceAnalysis]) -> None:
    """ "Demnach …" keeps the adverb as its speaker span but stands for the source of the sentence
    before: a cue's speaker there, else its subject ("Die Studie nennt Zahlen. Demnach …")."""
    for draft in drafts:
        first = draft.sentences[0]
        if draft.cue_lemma not in _SOURCE_ADVERBS or first == 0:
            continue
        previous = analyses[first - 1]
        if previous.paragraph != analyses[first].paragraph:
            continue
        draft.antecedent = _source_of(view, previous, named_only=False)


def _speakers_from_previous_subject(
    view: ArticleView, drafts: list[Draft], analyses: list[SentenceAnalysis], lexicon: QuoteLexicon
) -> None:
    """A quote without a cue after a sentence that holds no quotation: that sentence's subject speaks
    ("Das Institut sieht keine Gefahr. Nur wenige Personen seien gefährdet.")."""
    quoted = {index for draft in drafts if not draft.partial for index in draft.sentences}
    for draft in drafts:
        first = draft.sentences[0]
        if not draft.inherits_speaker or draft.speaker is not None or first == 0 or first - 1 in quoted:
            continue
        previous = analyses[first - 1]
        if previous.paragraph != analyses[first].paragraph:
            continue
        draft.speaker = document_place(previous, lexicon) or _source_of(view, previous)


def _speakers_from_earlier_sentences(
    view: ArticleView, drafts: list[Draft], analyses: list[SentenceAnalysis], lexicon: QuoteLexicon
) -> bool:
    """A quote that found no speaker to continue: the source of one of the three sentences before it
    ("Die Behörden warnen vor Sturm. Die Lage ist ernst. Es könne Orkanböen geben."), else a document
    named there ("Aus der Mitteilung wird deutlich, dass … . Weitere Gründe seien …"); whether any was found."""
    found = False
    for draft in drafts:
        if not draft.inherits_speaker or draft.speaker is not None or draft.partial:
            continue
        first = draft.sentences[0]
        earlier = [a for a in reversed(analyses[max(0, first - 3) : first]) if a.paragraph not in view.title_paragraphs]
        for previous in earlier:
            draft.speaker = _source_of(view, previous)
            if draft.speaker is not None:
                break
        if draft.speaker is None and earlier and earlier[0].paragraph == analyses[first].paragraph:
            draft.speaker = _document_named(earlier[0], lexicon)
        found = found or draft.speaker is not None
    return found


def _document_named(analysis: SentenceAnalysis, lexicon: QuoteLexicon) -> tuple[int, int] | None:
    """The first phrase headed by a document noun in a sentence: "der Pressemitteilung der NASA"."""
    words = analysis.words
    for position, word in enumerate(words):
        if word.capitalized and word.pos in ("NN", "") and position > 0 and lexicon.is_document(word.text):
            start = position
            while start > 0 and words[start - 1].pos in ("ART", "ADJA", "PPOSAT", "APPRART"):
                start -= 1
            start += words[start].pos == "APPRART"
            phrase = noun_phrase_right(words, start, limit=len(words))
            return analysis.char_span(*(phrase or (start, position + 1)))
    return None


def _source_of(view: ArticleView, analysis: SentenceAnalysis, *, named_only: bool = True) -> tuple[int, int] | None:
    """The speaker of a sentence's speech verb, else its subject (with `named_only`, when it names someone)."""
    cue = next((c for c in analysis.cues if c.speaker is not None and not c.guessed_speaker), None)
    if cue is not None and cue.speaker is not None:
        return analysis.char_span(*cue.speaker)  # "Auch auf X verweisen Analysten. Es sei …"
    end = analysis.segments[0][1] if analysis.segments else len(analysis.words)
    start = 0
    while start + 1 < end and analysis.words[start].key in FOCUS_PARTICLES:
        start += 1  # "Auch der Sprecher will …"
    subject = subject_of(analysis.words, start, end)
    if subject is None or is_temporal(analysis.words, subject):
        return None
    span = analysis.char_span(*subject)
    named = any(start < span[1] and span[0] < end for start, end, _ in view.mentions)
    usable = named or not view.mentions or not named_only
    return span if usable and analysis.words[subject[0]].key not in ("es", "man", "das", "dies") else None


def _partials(
    view: ArticleView,
    embedded: list[DirectCandidate],
    drafts: Sequence[Draft],
    analyses: list[SentenceAnalysis],
    lexicon: QuoteLexicon,
) -> list[Draft]:
    """Embedded quoted passages inside reported speech become partial direct quotes."""
    partials: list[Draft] = []
    for candidate in embedded:
        span = candidate.span
        host = next((d for d in drafts if not d.partial and d.overlaps(span.start, span.end)), None)
        if host is None and not candidate.verbal and not _reports_speech(analyses[candidate.open_sentence], lexicon):
            continue
        if candidate.name_like and (host is None or _names_source(candidate, analyses[candidate.open_sentence])):
            continue
        partial = Draft("Direct", list(span.segments), [candidate.open_sentence], partial=True, inherits_speaker=True)
        if host is None or not hosts_partials(host):
            _borrow_cue(partial, analyses[candidate.open_sentence])
        if host is None and partial.speaker is None:
            opening = analyses[candidate.open_sentence]
            partial.speaker = clause_subject(opening, span.start) or _source_of(view, opening)  # "Dabei sieht X …"
        partials.append(partial)
    return partials


def _borrow_cue(partial: Draft, analysis: SentenceAnalysis) -> None:
    """A partial quote outside any other quotation takes the speaker of its sentence's nearest cue before it
    ("X nannte den Plan «überzogen», Y bezeichnete …" → X), else of the first cue after it."""
    words = analysis.words
    with_speaker = [cue for cue in analysis.cues if cue.speaker is not None]
    before = [cue for cue in with_speaker if words[cue.words[0]].start < partial.start]
    nearest = before[-1] if before else with_speaker[0] if with_speaker else None  # before the quote, else after
    if nearest is not None and nearest.speaker is not None:
        partial.speaker = analysis.char_span(*nearest.speaker)
        partial.cue = (words[nearest.words[0]].start, words[nearest.words[0]].end)
        partial.cue_lemma = nearest.lemma
        partial.medium = nearest.medium


def _names_source(candidate: DirectCandidate, analysis: SentenceAnalysis) -> bool:
    """A name in quotation marks that is the source or addressee: "sagte er dem «Blick»"."""
    start, end = candidate.span.start, candidate.span.end
    before = [word for word in analysis.words if word.end <= start]
    after = [word for word in analysis.words if word.start >= end]
    if (before and before[-1].key in _SOURCE_BEFORE) or (after and after[0].key == "zufolge"):
        return True
    for cue in analysis.cues:
        if cue.speaker is not None:
            speaker = analysis.char_span(*cue.speaker)
            if speaker[0] < end and start < speaker[1]:
                return True
    return False


def _reports_speech(analysis: SentenceAnalysis, lexicon: QuoteLexicon) -> bool:
    words = analysis.words
    return bool(analysis.cues) or any(
        konjunktiv(words, i, lexicon) == "I" for i in range(len(words)) if words[i].index not in analysis.masked
    )


def to_quotes(article: Article, view: ArticleView, drafts: list[Draft], lexicon: QuoteLexicon) -> list[Quote]:
    """`Quote` records (ids in text order) with speakers resolved to entities where possible."""
    resolver = SpeakerResolver(article, view, lexicon)
    persons = {start: end for start, end, label in view.mentions if label == "PER"}
    quotes: list[Quote] = []
    for number, draft in enumerate(drafts, start=1):
        draft.speaker = _with_apposed_name(view.text, draft.speaker, persons)
        resolution = resolver.resolve(draft)
        quotes.append(
            Quote(
                id=f"Q{number}",
                type=draft.type,
                message=[article.span(start, end) for start, end in draft.message],
                cue=_span(article, draft.cue),
                cue_lemma=draft.cue_lemma,
                speaker=_span(article, draft.speaker),
                speaker_entity=resolution.entity,
                speaker_kind=resolution.kind,
                speaker_name=resolution.name,
                addressee=_span(article, draft.addressee),
                medium=draft.medium,
                partial=draft.partial,
                frame=_span(article, draft.frame),
                sentence_ids=sorted(set(draft.sentences)),
                speakers=resolution.entities,
            )
        )
    return quotes


def _with_apposed_name(text: str, speaker: tuple[int, int] | None, persons: dict[int, int]) -> tuple[int, int] | None:
    """A role whose name follows as an apposition takes the name in: "Der Sprecher der Polizei, Hans Weber,",
    "fordert die Vorsitzende, Nina Graf."."""
    if speaker is None or text[speaker[1] : speaker[1] + 2] != ", " or speaker[0] in persons:
        return speaker
    end = persons.get(speaker[1] + 2)
    if end is None or text[end : end + 1] not in (",", ".", ";", ":"):
        return speaker
    return speaker[0], end


def _span(article: Article, offsets: tuple[int, int] | None) -> Span | None:
    return None if offsets is None else article.span(*offsets)


def find_quotes(article: Article, *, lexicon: QuoteLexicon | None = None) -> list[Quote]:
    """The quotations of an article (uses tokens, morphology and entities when present)."""
    lexicon = lexicon or load_lexicon()
    view = ArticleView(article)
    return to_quotes(article, view, find_drafts(view, lexicon), lexicon)


@dataclass(frozen=True, slots=True)
class QuoteStage:
    """Pipeline stage "quotes"."""

    lexicons: tuple[str, ...] = ()
    name: str = "quotes"
    requires: tuple[str, ...] = ("sentences", "morph", "entities")
    provides: tuple[str, ...] = ("quotes",)

    def __call__(self, article: Article) -> Article:
        article.quotes = find_quotes(article, lexicon=load_lexicon(self.lexicons))
        return article


def create_stage(*, lexicons: Sequence[str] = ()) -> QuoteStage:
    """Build the quotation stage; `lexicons` are extra data files named like the bundled ones."""
    load_lexicon(tuple(lexicons))  # fail early on a broken user file
    return QuoteStage(lexicons=tuple(lexicons))
