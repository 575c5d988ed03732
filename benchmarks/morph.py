"""UPOS, lemma and verb-mood accuracy of chronik's tagger on UD German GSD dev + test.

Each UD sentence (text rebuilt from FORM + SpaceAfter) is one paragraph of an article run
through the "tokenizer" and "tagger" stages; our tokens are aligned to UD words by
character offsets (UD multiword tokens such as "zum" are skipped). Mood is scored on
every UD word that has a Mood feature: Ind / Sub / Imp, and Konjunktiv I vs II, where UD
GSD writes Mood=Sub + Tense=Pres for Konjunktiv I and Tense=Past for Konjunktiv II.
Run: `python benchmarks/morph.py [-v] [--analyse]` (`--analyse`: the tagger's exact
`unknown_words="analyse"` mode instead of the default "analogy").
"""

from __future__ import annotations

import sys
import time
from collections import Counter

from chronik.model import Article, Paragraph, Token
from chronik.nlp.morph import create_stage as create_tagger
from chronik.nlp.tokenizer import create_stage as create_tokenizer
from ud import UdSentence, UdWord, read_conllu, ud_paths


def mood_class(features: dict[str, str]) -> str:
    """Ind, KI, KII or Imp (KI/KII for Mood=Sub, told apart by Konj or UD's Tense)."""
    mood = features.get("Mood", "Ind")
    if mood != "Sub":
        return mood
    if "Konj" in features:
        return "K" + features["Konj"]
    return "KI" if features.get("Tense") == "Pres" else "KII"


def aligned_words(sentence: UdSentence) -> tuple[str, dict[tuple[int, int], UdWord]]:
    """Sentence text and the UD words that are whole surface tokens, keyed by char span."""
    text = sentence.text
    spans: dict[tuple[int, int], UdWord] = {}
    position = 0
    words = iter(sentence.words)
    surface_words = {id(w) for w in sentence.words}
    for form, space in sentence.surface:
        start = text.index(form, position)
        word = next(words, None)
        if word is not None and word.form == form and id(word) in surface_words:
            spans[(start, start + len(form))] = word
        else:  # a multiword token: skip its syntactic words
            while word is not None and word.form != form:
                nxt = next(words, None)
                if nxt is None:
                    break
                word = nxt
        position = start + len(form) + (1 if space else 0)
    return text, spans


def main() -> int:
    paths = ud_paths()
    if not paths:
        print("skipped: ../shared/data/ud-german-gsd not found")
        return 0
    mode = "analyse" if "--analyse" in sys.argv else "analogy"
    print(f"tagger unknown_words={mode!r}")
    tokenizer, tagger = create_tokenizer(), create_tagger(unknown_words=mode)
    counts: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    errors: list[str] = []
    tagged_tokens = 0
    started = time.perf_counter()
    for path in paths:
        for sentence in read_conllu(path):
            text, gold = aligned_words(sentence)
            article = Article(id="ud", text=text, paragraphs=[Paragraph(0, len(text), text)])
            article = tagger(tokenizer(article))
            tagged_tokens += len(article.tokens)
            by_span: dict[tuple[int, int], Token] = {(t.start, t.end): t for t in article.tokens}
            for span, word in gold.items():
                score_word(word, by_span.get(span), counts, confusion, errors, text)
    elapsed = time.perf_counter() - started
    report(counts, confusion, tagged_tokens / elapsed)
    if "-v" in sys.argv:
        print("\n".join(errors[:80]))
    return 0


def score_word(
    word: UdWord,
    token: Token | None,
    counts: Counter[str],
    confusion: Counter[tuple[str, str]],
    errors: list[str],
    text: str,
) -> None:
    counts["words"] += 1
    if token is None:
        counts["unaligned"] += 1
        return
    counts["aligned"] += 1
    counts["upos_ok"] += token.upos == word.upos
    counts["xpos_ok"] += token.pos == word.xpos
    counts["lemma_ok"] += token.lemma == word.lemma
    counts["lemma_ci_ok"] += token.lemma.lower() == word.lemma.lower()
    if "Mood" in word.feats:
        gold, predicted = mood_class(word.feats), mood_class(token.morph)
        confusion[(gold, predicted)] += 1
        if gold != predicted:
            errors.append(f"{word.form:>14} gold {gold:<4} got {predicted:<4} {token.pos} {token.lemma}  | {text[:90]}")


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def report(counts: Counter[str], confusion: Counter[tuple[str, str]], tokens_per_second: float) -> None:
    aligned = counts["aligned"]
    print(f"words {counts['words']}, aligned {aligned} ({counts['unaligned']} unaligned by tokenization)")
    print(f"UPOS accuracy  {_ratio(counts['upos_ok'], aligned):.4f}")
    print(f"STTS accuracy  {_ratio(counts['xpos_ok'], aligned):.4f}")
    lemma, lemma_ci = _ratio(counts["lemma_ok"], aligned), _ratio(counts["lemma_ci_ok"], aligned)
    print(f"lemma accuracy {lemma:.4f} (case-insensitive {lemma_ci:.4f})")
    total = sum(confusion.values())
    mood_ok = sum(
        n
        for (g, p), n in confusion.items()
        if (g in {"KI", "KII"}) == (p in {"KI", "KII"}) and (g == "Imp") == (p == "Imp")
    )
    exact = sum(n for (g, p), n in confusion.items() if g == p)
    print(f"verbs with Mood: {total}; mood accuracy (Ind/Sub/Imp) {_ratio(mood_ok, total):.4f}", end="")
    print(f"; with Konj I/II {_ratio(exact, total):.4f}")
    for label in ("KI", "KII", "Imp"):
        true_positive = confusion[(label, label)]
        predicted = sum(n for (_, p), n in confusion.items() if p == label)
        gold = sum(n for (g, _), n in confusion.items() if g == label)
        precision, recall = _ratio(true_positive, predicted), _ratio(true_positive, gold)
        print(f"  {label:<3} gold {gold:>4} predicted {predicted:>4}  P {precision:.3f}  R {recall:.3f}")
    print(f"confusion (gold, predicted): {dict(sorted(confusion.items()))}")
    print(f"speed incl. HanTa warm-up: {tokens_per_second:,.0f} tokens/s")


if __name__ == "__main__":
    raise SystemExit(main())
