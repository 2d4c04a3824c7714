"""Short summaries of records for ``repr`` and notebooks: a line of text or a small HTML table."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

__all__ = ["html_table", "shorten", "year_range"]


def shorten(text: str, width: int = 40) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis.

    >>> shorten("一、2018年\\n工作回顾", 8)
    '一、2018年 …'
    """
    one = " ".join(text.split())
    return one if len(one) <= width else one[: width - 1].rstrip() + " …"


def year_range(years: Sequence[int]) -> str:
    """``2010–2019`` for several years, ``2019`` for one, ``no years`` for none.

    >>> year_range([2010, 2011, 2019]), year_range([2019]), year_range([])
    ('2010–2019', '2019', 'no years')
    """
    if not years:
        return "no years"
    lo, hi = min(years), max(years)
    return str(lo) if lo == hi else f"{lo}–{hi}"


def html_table(caption: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A small escaped HTML table for a notebook's ``_repr_html_``.

    >>> html_table("<x>", ["a"], [["<b>"]])
    '<table><caption>&lt;x&gt;</caption><tr><th>a</th></tr><tr><td>&lt;b&gt;</td></tr></table>'
    """
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><caption>{html.escape(caption)}</caption><tr>{head}</tr>{body}</table>"
