"""Pieces shared by the subcommands: file arguments, output formats, writing."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportdiff._formats import Table
    from reportdiff.model import Report


def add_files(parser: argparse.ArgumentParser, *, nargs: str = "+") -> None:
    """The report files and the options that say how to read them."""
    parser.add_argument("files", nargs=nargs, metavar="FILE", help="report files (text, HTML, Markdown)")
    add_year(parser)


def add_year(parser: argparse.ArgumentParser) -> None:
    """``--year [FILE=]YEAR``, read by :func:`parse_year_options`."""
    parser.add_argument(
        "--year",
        action="append",
        default=None,
        metavar="[FILE=]YEAR",
        help="the year of a report whose file name and title do not tell it "
        "(repeat per file: --year a.txt=2019 --year b.txt=2020; a bare YEAR applies to a single file)",
    )


def add_format(parser: argparse.ArgumentParser, choices: Sequence[str], default: str) -> None:
    """``--format`` with the given choices, ``-o/--output`` and (with CSV) ``--csv-raw``."""
    parser.add_argument("--format", choices=list(choices), default=default, help=f"output format (default: {default})")
    parser.add_argument("-o", "--output", metavar="FILE", default=None, help="write to FILE instead of standard output")
    if "csv" in choices:
        parser.add_argument("--csv-raw", action="store_true",
                            help="write CSV cells as they are (by default a cell a spreadsheet would run as a "
                            "formula, starting with = + - @, gets a leading ')")


def emit(args: argparse.Namespace, table: Table, *, text: Callable[[], str] | None = None,
         json_value: Callable[[], object] | None = None) -> None:
    """Render ``table`` in ``args.format`` through the format table and write it.

    Args:
        args: the parsed arguments (``format``, ``output``, ``csv_raw``).
        table: the computed rows.
        text: a readable layout for ``--format text`` (default: the aligned table);
            control characters in it are escaped either way.
        json_value: the value ``--format json`` writes (default: the rows as records).
    """
    from reportdiff._formats import Format, render, terminal_safe  # not needed by `diff`

    fmt = Format(args.format)
    if fmt is Format.TEXT:
        out = terminal_safe(text()) if text is not None else render(table, fmt)
    elif fmt is Format.JSON and json_value is not None:
        out = json.dumps(json_value(), ensure_ascii=False, indent=2) + "\n"
    else:
        out = render(table, fmt, csv_guard=not getattr(args, "csv_raw", False))
    write_output(out, args.output)


def load_reports(args: argparse.Namespace) -> list[Report]:
    """The reports named on the command line, sorted by year."""
    years = parse_year_options(args.files, args.year or [])
    from reportdiff._compare import read_reports

    return read_reports(args.files, years=years)


def _same_file(a: str, b: str) -> bool:
    """True when two command-line paths name the same file (``./a/2019.txt`` and ``a/2019.txt``)."""
    import os

    if a == b:
        return True
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return False


def parse_year_options(files: Sequence[str], options: Sequence[str]) -> dict[str, int]:
    """``--year`` options as a mapping from each file, as given, to its year.

    A ``FILE=YEAR`` option matches the file that names the same path once
    resolved (``./a/2019.txt`` matches ``a/2019.txt``); a bare ``YEAR`` applies to
    a single file.

    Raises:
        ParseError: the year is not a number, names no file given, or a file gets two years.

    >>> parse_year_options(["a/x.txt"], ["./a/x.txt=2019"])
    {'a/x.txt': 2019}
    """
    from reportdiff.errors import ParseError

    out: dict[str, int] = {}
    for opt in options:
        name, sep, value = opt.rpartition("=")
        value = value.strip()
        if not (value.isdecimal() and len(value) <= 6):
            raise ParseError(f"--year {opt}: the year must be a number such as 2019")
        year = int(value)
        if not sep:
            if len(files) != 1:
                raise ParseError(f"--year {opt}: with several files, name the file: --year FILE={opt}")
            targets = [files[0]]
        else:
            targets = [f for f in files if _same_file(f, name)]
            if not targets:
                raise ParseError(
                    f"--year {opt}: {name} is not one of the files given; name one of them, e.g. --year {files[0]}={value}"
                )
        for f in targets:
            if f in out and out[f] != year:
                raise ParseError(f"--year {opt}: {f} already has the year {out[f]}; give one year per file")
            out[f] = year
    return out


def write_output(text: str, output: str | None) -> None:
    """Print ``text``, or write it to ``output``."""
    if output is None or output == "-":
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    import os

    from reportdiff.errors import InputError

    try:
        folder = os.path.dirname(output)
        if folder:
            os.makedirs(folder, exist_ok=True)
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    except OSError as e:
        raise InputError(f"{output}: cannot write ({e.strerror}); check the folder exists and is writable") from e
