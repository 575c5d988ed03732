"""The README stays true: every error code is documented, every linked doc exists."""

from __future__ import annotations

import re
from pathlib import Path

from chronik.errors import ERROR_CODES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _documented_codes() -> set[str]:
    codes: set[str] = set()
    for row in re.findall(r"^\| (E\d{3}[^|]*)\|", README, flags=re.MULTILINE):
        numbers = [int(code[1:]) for code in re.findall(r"E\d{3}", row)]
        if "–" in row and len(numbers) == 2:
            numbers = list(range(numbers[0], numbers[1] + 1))
        codes.update(f"E{number:03d}" for number in numbers)
    return codes


def test_readme_documents_every_error_code() -> None:
    assert set(ERROR_CODES) <= _documented_codes()


def test_readme_links_point_to_existing_files() -> None:
    for target in re.findall(r"\]\(((?:docs|examples)/[^)#]+)\)", README):
        assert (ROOT / target).exists(), target
