"""Shared helpers for the NLP benchmarks: locate ../shared and read UD CoNLL-U files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UD_FILES = ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu")


def shared_dir() -> Path:
    """The shared data folder: $CHRONIK_SHARED or ../shared next to the repository."""
    return Path(os.environ.get("CHRONIK_SHARED", REPO / ".." / "shared")).resolve()


@dataclass
class UdWord:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: dict[str, str]


@dataclass
class UdSentence:
    """One sentence: surface tokens (multiword tokens kept whole) and syntactic words."""

    surface: list[tuple[str, bool]] = field(default_factory=list)  # (form, space_after)
    words: list[UdWord] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(form + (" " if space else "") for form, space in self.surface).rstrip()


def _feats(column: str) -> dict[str, str]:
    if column == "_":
        return {}
    return dict(item.split("=", 1) for item in column.split("|"))


def read_conllu(path: Path) -> Iterator[UdSentence]:
    """Sentences of a CoNLL-U file; text is rebuilt from FORM + SpaceAfter."""
    sentence = UdSentence()
    multiword_end = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence.words:
                yield sentence
            sentence, multiword_end = UdSentence(), 0
            continue
        if line.startswith("#"):
            continue
        columns = line.split("\t")
        space = "SpaceAfter=No" not in columns[9]
        if "-" in columns[0]:
            multiword_end = int(columns[0].split("-")[1])
            sentence.surface.append((columns[1], space))
            continue
        if "." in columns[0]:
            continue
        word = UdWord(columns[1], columns[2], columns[3], columns[4], _feats(columns[5]))
        sentence.words.append(word)
        if int(columns[0]) > multiword_end:
            sentence.surface.append((columns[1], space))
    if sentence.words:
        yield sentence


def ud_paths() -> list[Path]:
    """The UD German GSD dev and test files, or [] when the shared data is absent."""
    folder = shared_dir() / "data" / "ud-german-gsd"
    return [folder / name for name in UD_FILES if (folder / name).is_file()]
