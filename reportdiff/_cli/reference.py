"""The CLI reference (docs/cli.md), generated from the command line's own help.

Regenerate with ``python3 -m reportdiff._cli.reference > docs/cli.md``; a test
fails when the file and the help disagree, so the reference cannot drift.
"""

from __future__ import annotations

import argparse
import os

from reportdiff.cli import build_parser


def _help(parser: argparse.ArgumentParser) -> str:
    os.environ["COLUMNS"] = "100"  # the same wrapping on every terminal
    text = parser.format_help()
    return text.replace("usage: python3 -m reportdiff", "usage: reportdiff")


def reference() -> str:
    """The Markdown reference of every subcommand, in ``--help`` order."""
    parser = build_parser()
    out = [
        "# Command-line reference",
        "",
        "Generated from `reportdiff --help` by `python3 -m reportdiff._cli.reference > docs/cli.md`;",
        "a test checks it matches the help, so edit the help text, not this file.",
        "",
        "```text",
        _help(parser).rstrip(),
        "```",
    ]
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, p in sub.choices.items():
        out += ["", f"## `reportdiff {name}`", "", "```text", _help(p).rstrip(), "```"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(reference(), end="")
