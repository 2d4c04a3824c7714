"""Pieces shared by the subcommands: file arguments, output formats, writing."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Iterable, Sequence
from typing import Any

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
    """``--format`` with the given choices and ``-o/--output``."""
    parser.add_argument("--format", choices=list(choices), default=default, help=f"output format (default: {default})")
    parser.add_argument("-o", "--output", metavar="FILE", default=None, help="write to FILE instead of standard output")


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


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Rows as CSV text (minimal quoting, ``\\n`` line ends)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


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
