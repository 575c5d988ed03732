"""One spaCy German vocabulary per process, shared by the tokenizer and the bundled NER model.

spaCy builds a lexeme (shape, prefix, suffix, norm, flags: ~50–75 µs in Python) the first
time a vocabulary sees a word. With a vocabulary each, the tokenizer and the NER model
built every new word twice; sharing one halves that (about 10 % of a cold process's time
on news text). Both use `spacy.blank("de")`'s attribute functions, so every lexeme comes
out the same either way and the model's output does not change.

A vocabulary keeps every string it has seen. Past `MAX_STRINGS` it is replaced by a fresh
one, and every cache built on the old one (the tokenizer, the loaded model) is cleared
through the callbacks given to `on_renew`, so memory stays bounded in long runs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

__all__ = ["MAX_STRINGS", "on_renew", "renew_when_full", "shared_vocab"]

# Strings the shared vocabulary may collect (~4 per new word: text, prefix, suffix, shape)
# before it is replaced; renewing reloads the NER model (~1 s), so it should be rare.
MAX_STRINGS = 250_000

_renewers: list[Callable[[], None]] = []


@functools.cache
def shared_vocab() -> Any:
    """The process's German vocabulary (a `spacy.vocab.Vocab`), built on first use."""
    import spacy

    return spacy.blank("de").vocab


def on_renew(callback: Callable[[], None]) -> None:
    """Call `callback` (e.g. a loader's `cache_clear`) whenever the shared vocabulary is replaced."""
    if callback not in _renewers:
        _renewers.append(callback)


def renew_when_full(vocab: Any) -> bool:
    """Replace the shared vocabulary when `vocab` is it and holds over `MAX_STRINGS` strings."""
    if shared_vocab.cache_info().currsize == 0 or vocab is not shared_vocab():
        return False
    if len(vocab.strings) <= MAX_STRINGS:
        return False
    shared_vocab.cache_clear()
    for callback in _renewers:
        callback()
    return True
