"""Near-duplicate detection: shingles, MinHash fingerprints, LSH band hashes."""

from __future__ import annotations

import pytest

from chronik.dedup import BANDS, THRESHOLD, best_match, fingerprint, shingles

BASE = (
    "Die Regierung in Wien hat am Dienstag ein neues Klimagesetz vorgelegt. Umweltministerin "
    "Leonore Gewessler sprach von einem wichtigen Schritt, die Opposition kritisierte die Kosten. "
    "Das Gesetz soll im Frühjahr im Nationalrat beschlossen werden und 2026 in Kraft treten."
)
UPDATED = BASE.replace("am Dienstag", "am Dienstagabend")
OTHER = (
    "In Zürich ist der Bahnhof wegen einer Stellwerkstörung stundenlang gesperrt gewesen. "
    "Tausende Pendler mussten auf Busse ausweichen, die SBB entschuldigte sich für die Ausfälle."
)


def test_shingles_ignore_case_umlauts_and_punctuation() -> None:
    assert shingles("Die GRÜNEN, sagen: Ja!") == shingles("die grunen sagen ja")


def test_fingerprint_none_for_short_text() -> None:
    assert fingerprint("Kurze Meldung aus Bern.") is None


def test_fingerprint_is_deterministic() -> None:
    first, second = fingerprint(BASE), fingerprint(BASE)
    assert first is not None and second is not None
    assert first == second and len(first.bands) == BANDS


def test_fingerprint_similar_texts_share_bands_and_pass_threshold() -> None:
    base, updated = fingerprint(BASE), fingerprint(UPDATED)
    assert base is not None and updated is not None
    assert set(base.bands) & set(updated.bands)
    assert base.similarity(updated.signature) >= THRESHOLD


def test_fingerprint_different_texts_do_not_match() -> None:
    base, other = fingerprint(BASE), fingerprint(OTHER)
    assert base is not None and other is not None
    assert not set(base.bands) & set(other.bands)
    assert base.similarity(other.signature) < 0.2


def test_best_match_picks_most_similar_above_threshold() -> None:
    base = fingerprint(BASE)
    updated, other = fingerprint(UPDATED), fingerprint(OTHER)
    assert base is not None and updated is not None and other is not None
    match = best_match(base, {"update": updated.signature, "other": other.signature})
    assert match is not None and match[0] == "update"
    assert best_match(base, {"other": other.signature}) is None


@pytest.mark.parametrize("signature", [b"", b"\x00" * 8])
def test_similarity_with_incompatible_signature_is_zero(signature: bytes) -> None:
    base = fingerprint(BASE)
    assert base is not None and base.similarity(signature) == 0.0


def test_fingerprint_equals_a_fresh_datasketch_minhash() -> None:
    import numpy as np
    from datasketch import MinHash

    from chronik.dedup import NUM_PERM, SEED

    reference = MinHash(num_perm=NUM_PERM, seed=SEED)
    reference.update_batch(sorted(shingles(BASE)))
    found = fingerprint(BASE)
    assert found is not None
    assert found.signature == np.asarray(reference.hashvalues, dtype=np.uint64).tobytes()


def test_shingles_of_three_words_equal_joined_windows() -> None:
    words = ["eins", "zwei", "drei", "vier", "funf"]  # folded: ü -> u
    expected = {" ".join(words[i : i + 3]).encode() for i in range(3)}
    assert shingles("Eins, zwei; drei vier fünf.") == expected
