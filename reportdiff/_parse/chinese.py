"""Chinese heading rules: which lines open with a numbered heading.

Each line (after its indent) is tried against the scheme registry
(:data:`reportdiff._parse.schemes.SCHEMES`).  A match is a heading when the
token is followed by text, and

* the heading is the whole line (a title line), or
* the heading is the line's first sentence and body text follows on the line
  (an inline heading, ``（一）稳增长。今年……``).

Which of these candidates are really headings (numbered paragraphs are not)
is decided for the whole document by :mod:`reportdiff._parse.layout`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from reportdiff._parse.candidate import Candidate
from reportdiff._parse.schemes import SCHEMES, Scheme
from reportdiff._text import iter_lines

__all__ = ["INDENT", "MAX_INLINE_HEADING", "MAX_LINE_HEADING", "SENTENCE_END", "chinese_candidates", "line_start", "numbered_lines", "strip_title", "unclosed"]

SENTENCE_END = re.compile(r"[。！？!?]")
INDENT = re.compile(r"[ \t\u3000\u00a0\u2002\u2003]*")
#: A heading's first sentence longer than this is doubtful.
MAX_INLINE_HEADING = 80
#: A line with no sentence end longer than this is a paragraph, not a heading.
MAX_LINE_HEADING = 60
_CLAUSE = re.compile(r"[，,；;。：:]")
_TRAILING = re.compile(r"[。．.！!？?；;：:，,、\s]+$")


def line_start(text: str, ls: int) -> int:
    """Offset of the first character after the indent of the line at ``ls``."""
    m = INDENT.match(text, ls)
    return m.end() if m else ls


def strip_title(heading: str, number: str) -> str:
    """The heading without its numbering token and final punctuation."""
    return _TRAILING.sub("", heading[len(number) :].strip())


_PAIRS = {"《": "》", "（": "）", "(": ")", "【": "】", "「": "」", "“": "”", "〈": "〉"}


def unclosed(s: str) -> str:
    """The closing bracket ``s`` still owes (``一、关于《决定`` → ``》``), or empty."""
    owed: list[str] = []
    for ch in s:
        if ch in _PAIRS:
            owed.append(_PAIRS[ch])
        elif owed and ch == owed[-1]:
            owed.pop()
    return owed[-1] if owed else ""


def _join_broken(text: str, c: Candidate) -> Candidate:
    """A whole-line heading with an unclosed ``《`` or bracket, closed on the
    next line, is joined with that line (the source broke it)."""
    if c.end != c.start + len(text[c.start : c.line_end].rstrip()):
        return c
    owed = unclosed(text[c.start : c.end])
    if not owed or c.line_end >= len(text):
        return c
    ns = line_start(text, c.line_end + 1)
    ne = text.find("\n", ns)
    ne = len(text) if ne < 0 else ne
    nxt = text[ns:ne].rstrip()
    k = nxt.find(owed)
    if not nxt or k < 0 or len(nxt) > MAX_LINE_HEADING or SENTENCE_END.search(nxt[:k]):
        return c
    end = ns + len(nxt)
    title = re.sub(r"\s+", "", strip_title(text[c.start : end], c.number))
    return attrs.evolve(c, end=end, line_end=ne, title=title,
                        warnings=(*c.warnings, "a heading broken across two lines, joined"))


#: Markdown strong emphasis opening a line: ``**一、总体要求**`` (a bold paragraph used as a heading).
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def _strong(text: str, s: int, le: int, line: str, schemes: Sequence[Scheme]) -> Candidate | None:
    """A numbered heading set in bold at the start of a line (the bold run is the heading)."""
    m = _STRONG.match(line)
    if not m or len(m.group(2)) > MAX_INLINE_HEADING:
        return None
    inner = m.group(2)
    for sch in schemes:
        tm = sch.pattern.match(inner)
        if tm and inner[len(tm.group()) :].strip():
            token = tm.group().rstrip()
            return Candidate(start=s, end=s + m.end(), line_end=le, number=token, scheme=sch.scheme_of(token),
                             ordinal=sch.value(token), title=strip_title(inner, token))
    return None


def _candidate(text: str, ls: int, le: int, schemes: Sequence[Scheme]) -> Candidate | None:
    s = line_start(text, ls)
    line = text[s:le].rstrip()
    if not line:
        return None
    if line[0] in "*_":
        return _strong(text, s, le, line, schemes)
    for sch in schemes:
        tm = sch.pattern.match(line)
        if not tm:
            continue
        token = tm.group()
        rest = line[len(token) :]
        if not rest.strip():
            return None  # a bare number is not a heading
        sm = SENTENCE_END.search(rest)
        inline = sm is not None and sm.end() < len(rest)
        standalone = sch.standalone_only or not token.strip() or token[-1].isspace()
        if standalone and (len(line) > MAX_LINE_HEADING or inline):
            return None
        if sch.standalone_only and _CLAUSE.search(rest):
            return None  # ``第一，制定政策，协助……；``: an item of a list in running text
        token = token.rstrip()
        warnings: list[str] = []
        if sm is not None and inline:
            if sm.end() > MAX_INLINE_HEADING:
                if len(line) > 2 * MAX_INLINE_HEADING and sch.paragraph_like:
                    return None  # a numbered list item in running text
                warnings.append(f"the heading's first sentence is {sm.end()} characters long")
            end = s + len(tm.group()) + sm.end()
        else:
            if len(line) > MAX_LINE_HEADING and sm is None:
                warnings.append(f"a {len(line)}-character line with no sentence end taken as a heading")
            end = s + len(line)
        heading = text[s:end]
        return Candidate(
            start=s,
            end=end,
            line_end=le,
            number=token,
            scheme=sch.scheme_of(token),
            ordinal=sch.value(token),
            title=strip_title(heading, token),
            warnings=tuple(warnings),
        )
    return None


def chinese_candidates(text: str, *, start: int = 0, schemes: Sequence[Scheme] = SCHEMES) -> list[Candidate]:
    """Every line of ``text`` from ``start`` that opens with a numbered heading.

    Args:
        text: the cleaned text.
        start: offset where the body starts.
        schemes: the numbering schemes to try, in order.

    Returns:
        The candidates in text order (numbered paragraphs included).

    >>> [(c.number, c.scheme, c.ordinal) for c in chinese_candidates("甲、\\t引言\\n一、回顾\\n")]
    [('甲、', 'tiangan', 1), ('一、', 'cn-dun', 1)]
    """
    out: list[Candidate] = []
    for ls, le in iter_lines(text, start):
        if out and ls < out[-1].line_end:
            continue  # the second line of a joined heading
        c = _candidate(text, ls, le, schemes)
        if c is not None:
            out.append(_join_broken(text, c))
    return out


def numbered_lines(text: str, *, start: int = 0, schemes: Sequence[Scheme] = SCHEMES) -> list[Candidate]:
    """Every line that opens with the number of a scheme that often numbers paragraphs
    (``1.``, ``(1)``), headings or not: a long numbered paragraph is no heading
    candidate, but it is evidence that the scheme numbers paragraphs.

    >>> [(c.number, c.scheme) for c in numbered_lines("1.\\t我们的工作。\\n一、回顾\\n(2) 其次\\n")]
    [('1.', 'arabic-dot'), ('(2)', 'arabic-paren')]
    """
    kinds = [sch for sch in schemes if sch.paragraph_like]
    out: list[Candidate] = []
    for ls, le in iter_lines(text, start):
        s = line_start(text, ls)
        line = text[s:le]
        for sch in kinds:
            tm = sch.pattern.match(line)
            if tm and line[len(tm.group()) :].strip():
                token = tm.group().rstrip()
                out.append(Candidate(start=s, end=le, line_end=le, number=token, scheme=sch.scheme_of(token),
                                     ordinal=sch.value(token), title=""))
                break
    return out
