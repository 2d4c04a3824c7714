"""The title block at the top of a report, and the report's year.

The year comes from what names the report, never from its body: an explicit
year, the file name, or the title.  A year outside the plausible range
(:data:`PLAUSIBLE_YEARS`, a keyword default) is refused with a message, since
``1066年`` or ``2999年`` in a title is a typo or not a report year.
"""

from __future__ import annotations

import functools
import re
from pathlib import PurePath

from reportdiff._load.clean import CN_LINE_END, NUMBERED_START
from reportdiff._text import CJK, SETEXT_UNDERLINE, halfwidth_digits
from reportdiff.errors import YearError

__all__ = ["PLAUSIBLE_YEARS", "check_year", "detect_year", "title_block"]

#: The years a report may belong to.
PLAUSIBLE_YEARS = range(1900, 2101)

_TITLE_WORDS = re.compile(r"报告|報告|年报|年報|公报|公報|纲要|綱要|致股东|致股東|Report|Letter|Annual|Shareholders", re.IGNORECASE)
_ANY_YEAR_IN_TITLE = re.compile(r"(?<!\d)(\d{4})\s*年")
_NAME_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_FOUR_DIGITS = re.compile(r"(?<![\d.,])(\d{4})(?![\d.,]\d|\d)")
_CN_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MARKDOWN_TITLE = re.compile(r"#{1,6}\s+(.+?)\s*#*$")


@functools.cache
def _speaker() -> re.Pattern[str]:
    """A speaker's line under the title (``某市市长　张三``), compiled on first use: its two ideograph
    classes make it the dearest pattern of the loader to compile, and it is tried only on a line after
    the title that is no date (a diff of two reports never needs it)."""
    return re.compile(rf"[{CJK}]{{2,12}}[ \u3000]+[{CJK}·]{{2,6}}")


def title_block(text: str) -> tuple[str, dict[str, str], int]:
    """The title, metadata, and the offset where the body starts.

    The title block is a run of short lines at the very top whose first line
    looks like a title (it names a report or letter, or carries a year),
    followed only by a date/occasion line (``——2017年3月5日在……会议上``) and a
    speaker line (``国务院总理　李克强``).  A Markdown ``#`` title gives the
    title but stays in the body as a heading.

    >>> title_block("2019年政府工作报告\\n\\n各位代表：")
    ('2019年政府工作报告', {}, 13)
    """
    meta: dict[str, str] = {}
    title = ""
    end = 0
    for m in re.finditer(r"[^\n]*\n?", text[:3000]):
        line = m.group().strip()
        if not line:
            if title:
                end = m.end()
            continue
        if not title:
            md = _MARKDOWN_TITLE.match(line)
            if md:
                return md.group(1), {}, 0
            if len(line) > 60 or CN_LINE_END.search(line) or NUMBERED_START.match(line):
                break
            if not (_TITLE_WORDS.search(line) or _ANY_YEAR_IN_TITLE.search(halfwidth_digits(line))
                    or _dated_title(line)):
                break
            title = line
            end = m.end()
            continue
        if end == m.start() and SETEXT_UNDERLINE.fullmatch(line):
            end = m.end()  # the title's own underline (``Title`` / ``=====``)
            continue
        dm = _CN_DATE.search(halfwidth_digits(line))
        if dm and "date" not in meta and len(line) <= 60:
            meta["date"] = f"{int(dm.group(1)):04d}-{int(dm.group(2)):02d}-{int(dm.group(3)):02d}"
            meta["occasion"] = re.sub(r"^[—\-\s]+", "", line)
        elif "speaker" not in meta and not NUMBERED_START.match(line) and _speaker().fullmatch(line):
            meta["speaker"] = re.sub(r"[ \u3000]+", " ", line)
        else:
            break
        end = m.end()
    if not title:
        return "", {}, 0
    return title, meta, end


def _dated_title(line: str) -> bool:
    """A short line naming a year and ending as no sentence does: ``The 2020 Budget``,
    ``Budget Speech 2021-22`` (not ``2003 was a hard year.``)."""
    if line[-1] in ".;:,!?。；：，！？":
        return False
    return any(int(y) in PLAUSIBLE_YEARS for y in _FOUR_DIGITS.findall(halfwidth_digits(line)))


def _out_of_range(name: str, year: int, where: str, years: range) -> YearError:
    return YearError(
        f"{name}: {where} {year}, outside the plausible years {years.start}–{years.stop - 1}; "
        f"pass the right year (--year {name}=YEAR, or year=YEAR)"
    )


def check_year(year: int, name: str, *, where: str = "the year given is", years: range = PLAUSIBLE_YEARS) -> int:
    """``year`` when it is plausible.

    Raises:
        YearError: ``year`` is outside ``years``.

    >>> check_year(2019, "a.txt")
    2019
    """
    if year not in years:
        raise _out_of_range(name, year, where, years)
    return year


def detect_year(path: str, title: str, *, name: str = "", years: range = PLAUSIBLE_YEARS) -> int | None:
    """The report's year from its file name, else from its title; None when neither tells.

    A file name tells a year when it holds exactly one four-digit number in
    ``years`` (other numbers in names are serials).  A title tells one when it
    holds exactly one ``NNNN年``, or else exactly one four-digit number in
    ``years``.

    Raises:
        YearError: the title says ``NNNN年`` with a year outside ``years``.

    >>> detect_year("reports/report_2019.html", "")
    2019
    >>> detect_year("a.txt", "2022年法治政府建设工作报告")
    2022
    """
    stem = PurePath(path).stem if path else ""
    found = sorted(y for y in {int(y) for y in _NAME_YEAR.findall(halfwidth_digits(stem))} if y in years)
    if len(found) == 1:
        return found[0]
    t = halfwidth_digits(title)
    cn = sorted({int(y) for y in _ANY_YEAR_IN_TITLE.findall(t)})
    for y in cn:
        check_year(y, name or path or "<text>", where=f"the title {title!r} says", years=years)
    if len(cn) == 1:
        return cn[0]
    if cn:
        return None  # a span of years (2021年—2025年): the title does not tell one
    bare = sorted(y for y in {int(y) for y in _FOUR_DIGITS.findall(t)} if y in years)
    return bare[0] if len(bare) == 1 else None
