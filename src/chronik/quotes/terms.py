"""Quoted passages that are names, titles or terms rather than quotations.

"die Mondlandefähre «Eagle»", "der «Blick»", the book "«Der Process»", "stets «der Dicke» genannt",
"stellte die neue CD vor: «Blaue Tage»" are left alone; a word a speaker applied ("nannte den Plan
«Unsinn»", "bezeichnete ihn als «Schatten-CIA»") stays a quote.
"""

from __future__ import annotations

from chronik.quotes.draft import SentenceAnalysis
from chronik.quotes.grammar import CLAUSE_REACH, DETERMINERS, is_finite
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
        "thema",
        "vortrag",
    ]
)
_NAME_NOUNS = frozenset({"name", "namen", "titel", "cd", "dvd", "single"})
_NAMING_AFTER = frozenset({"genannt", "getauft", "betitelt"})
_NAMING_FINITE_VERBS = frozenset({"nennt", "nennen", "nannte", "nannten", "tauften", "taufte"})
_NAMING_REACH = 8  # words of a naming wie-clause: "wie er in der Stadt bis heute genannt wird"
# Legal forms that end an organisation's name (not "kg", which also ends "«… wog 80 kg»").
_LEGAL_FORMS = frozenset({"gmbh", "ag", "se", "ltd", "inc", "corp", "ggmbh", "ohg", "s.a", "plc", "llc"})
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# Finite verbs that give a name or title after the quoted passage: "«…», so lautet der Titel".
_NAMING_FINITES = frozenset({"lautet", "lautete", "lauten", "lauteten", "heisst", "heißt", "hiess", "hieß"})
_SLOGAN_NOUNS = frozenset({"motto", "slogan"})  # a slogan after a colon is quoted speech of its bearers
_NAMING_WORDS = frozenset({"namens", "genannt", "genannte", "genannten", "titel", "motto", "codename", "codenamen"})
_SO_CALLED = frozenset({"sogenannte", "sogenannten", "sogenannter", "sogenanntes", "so", "genannte", "genannten"})
# Speech verbs that apply a word to something, with the word that precedes it ("" for none).
_NAMING_VERBS = {"nennen": "", "bezeichnen": "als", "werten": "als", "sprechen": "von"}
_NAME_PREPOSITIONS = frozenset({"im", "am", "vom", "zum", "beim", "gegenüber", "laut", "von", "mit"})
_SENTENCE_END_CHARS = ".!?…"
# Nouns for words written on something; the quoted words after them are quoted, not a name.
INSCRIPTION_NOUNS = frozenset({"aufschrift", "inschrift", "parole", "parolen", "losung", "losungen"})
# Nouns for what someone said; a clause in quotation marks after them is that utterance.
UTTERANCE_NOUNS = frozenset(
    {
        "antwort",
        "feststellung",
        "aussage",
        "bemerkung",
        "behauptung",
        "warnung",
        "botschaft",
        "satz",
        "worte",
        "meinung",
        "fazit",
    }
)
_JUDGED_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "ein", "eine", "einen", "einem", "einer"})
# Words before a quoted gloss of a word's meaning: "bedeutet etwa «Menschlichkeit»".
_MEANING_WORDS = frozenset({"bedeutet", "bedeuten", "bedeutete", "übersetzt"})


def quoted_head_noun(view: ArticleView, span: QuotedSpan, word: Word) -> bool:
    """A single capitalised word in quotation marks right after its article, possessive or adjective:
    "die «Energiefreiheit»", "ihre «Mitverschwörer»" (not "im «Kerninteresse» der USA")."""
    if not word.capitalized:
        return False
    before = view.words_between(max(0, span.start - 40), span.start)
    if not len(before):
        return False
    previous = view.words[before[-1]]
    return previous.pos in ("ART", "PPOSAT", "ADJA") if previous.pos else previous.key in DETERMINERS


def named_by_speaker(view: ArticleView, span: QuotedSpan, opening: SentenceAnalysis) -> bool:
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


def _previous_word(view: ArticleView, span: QuotedSpan) -> str:
    before = view.words_between(max(0, span.start - 40), span.start)
    return view.words[before[-1]].key if len(before) else ""


def is_title(view: ArticleView, span: QuotedSpan) -> bool:
    """A title, an outlet or a so-called term: "der Roman «…»", "die sogenannte «…»", "des
    Wochenmagazins «…»", "Vorträge zu Themen wie «…»"."""
    before = view.words_between(max(0, span.start - 60), span.start)
    keys = [view.words[index].key for index in before[-2:]]
    if not keys:
        return False
    if keys[-1] in _SO_CALLED or _title_word(keys[-1]):
        return True
    return len(keys) == 2 and keys[-1] == "wie" and _title_word(keys[0])


def _title_word(word: str) -> bool:
    """A title noun, also inflected ("Magazins", "Zeitungen", "Themen") or as the last part of a compound."""
    stems = {word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("n"), word.removesuffix("en")}
    stems.add(word.removesuffix("e"))  # "Filme", "Romane"
    return any(stem in _TITLE_NOUNS or _is_title_compound(stem) for stem in stems) or word == "themen"


def titled_after(view: ArticleView, span: QuotedSpan) -> bool:
    """A title that a clause after it names as one: "«Wasser für alle», so lautet der Titel der Studie",
    "«…» heisst das neue Album" (not "«…», so lautete die Botschaft des Ministers")."""
    after = [view.words[index] for index in view.words_between(span.end, span.end + 60)]
    keys = [word.key for word in after if word.key not in (",", "so")][:4]
    if not keys or keys[0] not in _NAMING_FINITES:
        return False
    return any(is_title_noun(key) for key in keys[1:])


def is_title_noun(key: str) -> bool:
    """A noun for a title or name ("Titel", "Name", "Album", "Buchtitel"); not "Motto" or "Slogan",
    whose words are someone's."""
    titles = (key in _TITLE_NOUNS and key not in _SLOGAN_NOUNS) or key in _NAME_NOUNS
    return titles or key.endswith(("titel", "name", "namen"))  # "Buchtitel", "Arbeitsname" (not "Aussendung")


def named_after(view: ArticleView, span: QuotedSpan) -> bool:
    """A name given by the participle after it ("«der Dicke» genannt") or by reflexive "nennen"
    ("die sich selbst «…» nennt"); "«Unsinn» nannte er den Plan" stays a quote."""
    after = view.words_between(span.end, span.end + 40)
    if not len(after):
        return False
    following = view.words[after[0]].key
    if following in _NAMING_AFTER:
        return True
    if named_in_wie_clause(view, span):
        return True
    before = view.words_between(max(0, span.start - 30), span.start)
    reflexive = any(view.words[index].key == "sich" for index in before[-3:])
    return reflexive and following in ("nennt", "nennen", "nannte", "nannten")


def named_in_wie_clause(view: ArticleView, span: QuotedSpan) -> bool:
    """A name that a `wie`-clause after it gives: "«Uncle Ted», wie der Senator genannt wurde", "«Trap», wie
    ihn die Fans nennen"."""
    after = [view.words[index].key for index in view.words_between(span.end, span.end + 80)]
    if after[:2] != [",", "wie"]:
        return False
    clause = after[2 : 2 + _NAMING_REACH]
    clause = clause[: clause.index(",")] if "," in clause else clause
    return any(word in _NAMING_AFTER or word in _NAMING_FINITE_VERBS for word in clause)


def has_legal_form(view: ArticleView, span: QuotedSpan) -> bool:
    """An organisation's name ends with its legal form: "«Verein für Heimatkunde e.V.»", "«Muster AG»"."""
    content = view.text[span.start + 1 : span.end - 1].rstrip(" ,.").lower()
    return content.split(" ")[-1] in _LEGAL_FORMS or content.replace(" ", "").endswith("e.v")


def attributive_scare_quote(view: ArticleView, span: QuotedSpan, words: list[Word]) -> bool:
    """A single quoted adjective before its noun is a scare quote, not someone's words: "mit «fremden»
    Männern", "der «drastischen» Erhöhung"."""
    if len(words) != 1 or words[0].capitalized or not words[0].key.endswith(_ADJECTIVE_ENDINGS):
        return False
    after = view.words_between(span.end, span.end + 40)
    if not len(after):
        return False
    noun = view.words[after[0]]
    return noun.sentence == words[0].sentence and noun.capitalized and noun.pos in ("NN", "")


def title_after_colon(view: ArticleView, span: QuotedSpan, opening: SentenceAnalysis, count: int) -> bool:
    """A short title announced by a colon: "stellte die neue CD vor: «Blaue Tage»", "Den Namen der
    Sendung gab der Sender bekannt: «…»" (no sentence end inside the marks)."""
    content = view.text[span.start + 1 : span.end - 1].rstrip()
    if count > 8 or content[-1:] in _SENTENCE_END_CHARS:
        return False
    end = opening.position_at(span.start)
    if end == 0 or opening.words[end - 1].text != ":":
        return False
    clause = opening.words[max(0, end - CLAUSE_REACH) : end - 1]
    titles = (_TITLE_NOUNS - _SLOGAN_NOUNS) | _NAME_NOUNS
    return any(word.capitalized and word.key in titles for word in clause)


def is_name(view: ArticleView, span: QuotedSpan) -> bool:
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
    if any(is_finite(word) for word in words[1:]):
        return False  # a clause, not a name: "dass «Europa dran ist»"
    foreign = any(word.pos in ("NE", "FM") for word in words) and len(words) >= 2
    if (foreign or any(_odd_word(word.text) for word in words)) and len(words) <= 4:
        return True
    return tagged_as_name(view, span, words)


def tagged_as_name(view: ArticleView, span: QuotedSpan, words: list[Word]) -> bool:
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


def is_name_like(view: ArticleView, span: QuotedSpan, count: int) -> bool:
    inner = [view.words[i] for i in view.words_between(span.start + 1, span.end - 1)]
    previous = _previous_word(view, span)
    capitalized = all(word.capitalized or word.is_punct or word.key in DETERMINERS for word in inner)
    return count <= 3 and capitalized and (previous in DETERMINERS or previous in _NAME_PREPOSITIONS)


def _is_title_compound(word: str) -> bool:
    return any(
        word.endswith(noun) for noun in ("buch", "film", "roman", "titel", "zeitung", "magazin", "album", "sendung")
    )


def after_inscription_noun(view: ArticleView, span: QuotedSpan) -> bool:
    """Words written on something or chanted: "Stoffbänder mit der Aufschrift «Kritik ist kein Verbrechen»",
    "skandierte Parolen wie «Regierung raus!»"."""
    before = view.words_between(max(0, span.start - 60), span.start)
    keys = [view.words[index].key for index in before[-2:]]
    if keys[-1:] == ["wie"]:
        keys = keys[:-1]
    return bool(keys) and keys[-1] in INSCRIPTION_NOUNS


def after_utterance_noun(view: ArticleView, span: QuotedSpan) -> bool:
    """Words given as what someone said, right after the noun for them: "veröffentlichte die Antwort,
    «Tut mir leid, …»", "fand sich die Feststellung «…»"."""
    before = view.words_between(max(0, span.start - 40), span.start)
    keys = [view.words[index].key for index in before[-2:]]
    if keys[-1:] == [","]:
        keys = keys[:-1]
    return bool(keys) and keys[-1] in UTTERANCE_NOUNS


def judged_as(view: ArticleView, span: QuotedSpan) -> bool:
    """A judgement in someone's words after "als": "attackierte den Iran als den «führenden Förderer von
    Terrorismus»", "feierte die Absage als «grossen Erfolg»"; not a self-presentation, whose quoted
    words are a title ("präsentiert sich als «Schule ohne Rassismus»")."""
    before = view.words_between(max(0, span.start - 120), span.start)
    words = [view.words[index] for index in before if view.words[index].sentence == view.sentence_at(span.start)]
    if words and words[-1].key in _JUDGED_ARTICLES:
        words = words[:-1]
    if not words or words[-1].key != "als":
        return False
    return not any(word.key == "sich" for word in words[-8:])


def is_gloss(view: ArticleView, span: QuotedSpan) -> bool:
    """A translation or meaning, not a quote: "die Operation «Eisenfaust» («Iron Fist»)", "der Name
    bedeutet etwa «Menschlichkeit»"."""
    before = view.words_between(max(0, span.start - 60), span.start)
    keys = [view.words[index].key for index in before[-5:]]
    if keys[-1:] == ["("] and len(keys) >= 2 and keys[-2] in ("«", "»", "„", "“", '"'):
        return True  # a gloss of the quoted name before the bracket
    for word in reversed(keys[-4:]):  # "bedeutet auf Zulu etwa «…»"
        if word in _MEANING_WORDS:
            return True
        if not word.isalpha():
            break
    return False
