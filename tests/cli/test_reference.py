"""docs/cli.md must match the CLI's own help (chronik/cli_reference.py)."""

from __future__ import annotations

from pathlib import Path

from chronik.cli_reference import render_cli_reference

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_cli_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render_cli_reference(), (
        "docs/cli.md is stale: run `python -m chronik.cli_reference > docs/cli.md`"
    )


def test_cli_reference_covers_every_command() -> None:
    reference = render_cli_reference()
    for command in ("analyze", "ingest", "show", "export", "summary"):
        assert f"## `chronik {command}`" in reference
    assert "`--db <str>`" in reference and "`--stages <str>`" in reference
