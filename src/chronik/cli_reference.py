"""Render the CLI reference (docs/cli.md) from the commands' own help texts.

Run `python -m chronik.cli_reference > docs/cli.md` after changing the CLI; a test
checks that the file is current.
"""

from __future__ import annotations

from typing import Any

import typer
import typer.main

from chronik.cli import app

HEADER = """# CLI reference

Generated from `chronik --help` by `python -m chronik.cli_reference > docs/cli.md`; do not edit by hand.
"""


def render_cli_reference() -> str:
    """Markdown with one section per command: usage, description, arguments and options."""
    group: Any = typer.main.get_command(app)
    context = typer.Context(group, info_name="chronik")
    parts = [HEADER, _section("chronik", group, context)]
    for name in group.list_commands(context):
        command = group.commands[name]
        parts.append(_section(f"chronik {name}", command, typer.Context(command, info_name=name, parent=context)))
    return "\n".join(parts)


def _section(title: str, command: Any, context: typer.Context) -> str:
    usage = " ".join(command.collect_usage_pieces(context))
    lines = [f"## `{title}`", "", "```", f"{context.command_path} {usage}".rstrip(), "```", ""]
    if command.help:
        lines += [_plain(command.help), ""]
    rows = [row for param in command.get_params(context) if (row := _param_row(param, context)) is not None]
    if rows:
        lines += ["| Argument / option | Description |", "|---|---|", *rows, ""]
    return "\n".join(lines)


def _param_row(param: Any, context: typer.Context) -> str | None:
    """The row `--help` shows for a parameter: its names and metavar, then its help."""
    record = param.get_help_record(context)
    if record is None:
        return None
    names, help_text = record
    return f"| `{_plain(names)}` | {_plain(help_text)} |"


def _plain(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


if __name__ == "__main__":
    print(render_cli_reference(), end="")
