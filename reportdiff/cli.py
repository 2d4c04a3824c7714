"""The ``reportdiff`` command: a thin shell over the library.

Each subcommand lives in :mod:`reportdiff._cli`.  Errors the library raises on
purpose (:class:`~reportdiff.errors.ReportDiffError`) become one line on
standard error and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reportdiff._version import __version__
from reportdiff.errors import ReportDiffError

#: Subcommand modules under ``reportdiff._cli``, in the order ``--help`` lists them.
COMMAND_MODULES = ("sections", "align", "diff", "indicators", "report")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="reportdiff",
        description="Compare the same report across years: sections, alignment, text diffs, indicators.",
    )
    parser.add_argument("--version", action="version", version=f"reportdiff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"reportdiff._cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code: int = args.func(args)
    except ReportDiffError as e:
        print(f"reportdiff: error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
