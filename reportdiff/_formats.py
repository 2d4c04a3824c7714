"""Output formats as a table: format → renderer, used by every subcommand.

A subcommand computes a :class:`Table` (columns and rows of computed values)
and hands it to :func:`render`; no subcommand formats text itself.  Every
renderer is safe for report text: CSV cells that a spreadsheet would run as a
formula get a leading ``'``, Markdown and HTML cells are escaped, and terminal
text has its control characters replaced.
"""

from __future__ import annotations

import csv
import enum
import html
import io
import json
import re
from collections.abc import Callable, Sequence

import attrs

__all__ = [
    "RENDERERS",
    "Format",
    "Table",
    "csv_cell",
    "render",
    "terminal_safe",
    "to_csv",
    "to_json",
    "to_markdown",
    "to_text",
]


class Format(enum.StrEnum):
    """An output format of the command line."""

    TEXT = "text"
    CSV = "csv"
    JSON = "json"
    MD = "md"
    HTML = "html"


@attrs.frozen
class Table:
    """Computed values ready to render: named columns and rows of cells.

    A cell is a string, a number, a bool or None (an empty cell).
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    title: str = ""

    def records(self) -> list[dict[str, object]]:
        """The rows as dicts keyed by column."""
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def csv_cell(value: object, *, guard: bool = True) -> str:
    """One CSV cell as text; with ``guard``, a text a spreadsheet would run as a formula gets a ``'``.

    Numbers stay numbers (``-2.8`` is a value, not a formula).

    >>> csv_cell("=HYPERLINK(\\"x\\")"), csv_cell("-2.8"), csv_cell(None), csv_cell("@SUM(A1)", guard=False)
    ('\\'=HYPERLINK("x")', '-2.8', '', '@SUM(A1)')
    """
    if value is None:
        return ""
    text = str(value)
    if guard and text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def terminal_safe(text: str) -> str:
    """``text`` with control characters (escape sequences, bidi overrides) shown as ``\\xNN``.

    Line breaks and tabs are kept.

    >>> terminal_safe("a\\x1b[31mb\\nc")
    'a\\\\x1b[31mb\\nc'
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def to_csv(table: Table, *, guard: bool = True) -> str:
    """The table as CSV (minimal quoting, ``\\n`` line ends), formula cells guarded."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(table.columns)
    for row in table.rows:
        w.writerow([csv_cell(v, guard=guard) for v in row])
    return buf.getvalue()


def to_json(table: Table) -> str:
    """The table as a JSON list of objects, one per row."""
    return json.dumps(table.records(), ensure_ascii=False, indent=2) + "\n"


def _md_cell(value: object) -> str:
    text = "" if value is None else str(value)
    text = html.escape(text, quote=False).replace("\n", " ")
    # characters Markdown would read as markup: emphasis, code, links, images, table pipes
    return re.sub(r"([\\`*_\[\]!#~|])", r"\\\1", text)


def to_markdown(table: Table) -> str:
    """The table as a GitHub Markdown table; every cell escaped so report text cannot become markup.

    >>> print(to_markdown(Table(("label",), (("<svg onload=x>|*",),))), end="")
    | label |
    | --- |
    | &lt;svg onload=x&gt;\\|\\* |
    """
    lines = []
    if table.title:
        lines += [f"## {_md_cell(table.title)}", ""]
    lines.append("| " + " | ".join(_md_cell(c) for c in table.columns) + " |")
    lines.append("| " + " | ".join("---" for _ in table.columns) + " |")
    lines.extend("| " + " | ".join(_md_cell(v) for v in row) + " |" for row in table.rows)
    return "\n".join(lines) + "\n"


def to_html(table: Table) -> str:
    """The table as an escaped HTML ``<table>``."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in table.rows
    )
    caption = f"<caption>{html.escape(table.title)}</caption>" if table.title else ""
    return f"<table>{caption}<tr>{head}</tr>{body}</table>\n"


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def to_text(table: Table) -> str:
    """The table as aligned plain text for a terminal (wide characters count double)."""
    cells = [[terminal_safe("" if v is None else str(v)).replace("\n", " ") for v in row] for row in table.rows]
    widths = [_width(c) for c in table.columns]
    for row in cells:
        widths = [max(w, _width(c)) for w, c in zip(widths, row, strict=True)]
    def line(row: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip()
    out = [terminal_safe(table.title)] if table.title else []
    out.append(line(table.columns))
    out.extend(line(r) for r in cells)
    return "\n".join(out) + "\n"


RENDERERS: dict[Format, Callable[[Table], str]] = {
    Format.TEXT: to_text,
    Format.CSV: to_csv,
    Format.JSON: to_json,
    Format.MD: to_markdown,
    Format.HTML: to_html,
}
"""The renderer of each format."""


def render(table: Table, fmt: Format | str, *, csv_guard: bool = True) -> str:
    """``table`` in format ``fmt`` through :data:`RENDERERS`.

    Args:
        table: computed values.
        fmt: a :class:`Format` or its name.
        csv_guard: guard formula cells in CSV (see :func:`csv_cell`).

    >>> render(Table(("a", "b"), ((1, "=x"),)), "csv")
    "a,b\\n1,'=x\\n"
    """
    f = Format(fmt)
    if f is Format.CSV:
        return to_csv(table, guard=csv_guard)
    return RENDERERS[f](table)
