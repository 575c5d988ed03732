"""Near-duplicate articles (agency copies, updated versions) with MinHash and banded LSH.

Each article gets a MinHash signature (datasketch) over word shingles. The signature is
cut into `BANDS` bands of `ROWS` values; each band is hashed to one signed 64-bit
integer. The store keeps these band hashes in an indexed table, so candidates of a new
article are one indexed SQL lookup and dedup works across ingest runs without keeping
an LSH index in memory. Candidates are confirmed by their estimated Jaccard similarity.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash

from chronik.store.fulltext import fold

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS  # 4 rows per band: candidates from Jaccard ~0.4 up
SHINGLE = 3
SEED = 1
THRESHOLD = 0.8  # estimated Jaccard at or above which two articles are near-duplicates
MIN_WORDS = 8  # texts shorter than this are not fingerprinted (too little evidence)

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(slots=True, frozen=True)
class Fingerprint:
    """MinHash signature of one article and its LSH band hashes."""

    signature: bytes
    bands: tuple[int, ...]

    def similarity(self, other_signature: bytes) -> float:
        """Estimated Jaccard similarity with another stored signature (0.0 when incompatible)."""
        mine = np.frombuffer(self.signature, dtype=np.uint64)
        theirs = np.frombuffer(other_signature, dtype=np.uint64)
        if mine.shape != theirs.shape:
            return 0.0
        return float(np.count_nonzero(mine == theirs)) / float(len(mine))


def shingles(text: str, *, size: int = SHINGLE) -> set[bytes]:
    """Overlapping word n-grams of the folded text (case, umlauts and punctuation ignored)."""
    words = _WORD.findall(fold(text))
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    if size == SHINGLE:  # the common case without slicing: same shingles, faster
        return {f"{a} {b} {c}".encode() for a, b, c in zip(words, words[1:], words[2:], strict=False)}
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def _band_hash(band: int, values: bytes) -> int:
    digest = hashlib.blake2b(band.to_bytes(2, "big") + values, digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@lru_cache(maxsize=1)
def _template() -> tuple[Any, Any]:
    """Scheme and permutation parameters for (NUM_PERM, SEED), drawn once instead of per article."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    return minhash.scheme, minhash.permutations


def fingerprint(text: str) -> Fingerprint | None:
    """The fingerprint of an article text, or None when the text is too short to judge."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    scheme, permutations = _template()
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=permutations, scheme=scheme)
    minhash.update_batch(list(shingles(text)))  # the minimum does not depend on the order
    signature = np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()
    width = ROWS * 8  # bytes of one band's uint64 values
    bands = tuple(_band_hash(band, signature[band * width : (band + 1) * width]) for band in range(BANDS))
    return Fingerprint(signature, bands)


def best_match(
    fp: Fingerprint, candidates: dict[str, bytes], *, threshold: float = THRESHOLD
) -> tuple[str, float] | None:
    """The most similar candidate (article id -> signature) at or above `threshold`."""
    scored = sorted(((fp.similarity(sig), article_id) for article_id, sig in candidates.items()), reverse=True)
    if scored and scored[0][0] >= threshold:
        return scored[0][1], scored[0][0]
    return None
