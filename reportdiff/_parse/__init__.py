"""Parsing: cleaned text → a lossless section tree.

Headings are found line by line.  Numbering schemes are data (the
:data:`SCHEMES` registry); levels come from how schemes nest in the document
(a scheme seen inside another is one level deeper), not from a fixed list.
Unnumbered blocks (a preamble, a closing passage, a plan section that restarts
a numbered series) become sections of their own.

English headings (Markdown ``#``, numbered, standalone title lines) are found
by :mod:`reportdiff._parse.english`.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

import attrs

from reportdiff._parse.candidate import Candidate
from reportdiff._parse.english import english_candidates
from reportdiff._text import iter_lines as _lines
from reportdiff.model import Document, Report, Section, SectionKind, Span

__all__ = ["SCHEMES", "Candidate", "Scheme", "cn_ordinal", "find_candidates", "parse"]

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "[一二三四五六七八九十百零〇两]+"


def cn_ordinal(s: str) -> int | None:
    """The value of a Chinese numeral up to 999 (``十二`` → 12), or None.

    >>> cn_ordinal("二十三"), cn_ordinal("十"), cn_ordinal("一百零五")
    (23, 10, 105)
    """
    total, cur = 0, 0
    if not s:
        return None
    for ch in s:
        if ch in _CN_DIGITS:
            cur = _CN_DIGITS[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


def _digits(s: str) -> int | None:
    d = re.sub(r"\D", "", s.translate(_FULLWIDTH_DIGITS))
    return int(d) if d else None


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _cn(s: str) -> int | None:
    m = re.search(_CN_NUM, s)
    return cn_ordinal(m.group()) if m else None


def _circled(s: str) -> int | None:
    return ord(s[0]) - ord("①") + 1


@dataclass(frozen=True)
class Scheme:
    """A numbering scheme: a name, the token's pattern at a line start, and how
    to read the token's value."""

    name: str
    pattern: re.Pattern[str]
    value: Callable[[str], int | None]
    standalone_only: bool = False
    """Only a heading when the line holds nothing but the heading (``第一，``)."""


_D = "[0-9０-９]"
#: The registry of Chinese numbering schemes, tried in order.
SCHEMES: tuple[Scheme, ...] = (
    Scheme("chapter", re.compile(rf"第{_CN_NUM}章|第{_D}{{1,3}}章"), lambda s: _cn(s) or _digits(s)),
    Scheme("part", re.compile(rf"第{_CN_NUM}(?:部分|编|篇)"), _cn),
    Scheme("section", re.compile(rf"第{_CN_NUM}节|第{_D}{{1,3}}节"), lambda s: _cn(s) or _digits(s)),
    Scheme("article", re.compile(rf"第{_CN_NUM}条|第{_D}{{1,3}}条"), lambda s: _cn(s) or _digits(s)),
    Scheme("cn-ordinal", re.compile(rf"第{_CN_NUM}[，,、：:]"), _cn, standalone_only=True),
    Scheme("cn-dun", re.compile(rf"{_CN_NUM}(?:、|[．.](?![0-9０-９]))"), _cn),
    Scheme("cn-paren", re.compile(rf"[（(]{_CN_NUM}[）)]"), _cn),
    Scheme("arabic-dot", re.compile(rf"{_D}{{1,2}}(?:、|[．.](?![0-9０-９.．]))"), _digits),
    Scheme("arabic-paren", re.compile(rf"[（(]{_D}{{1,2}}[）)]"), _digits),
    Scheme("circled", re.compile("[①-⑳]"), _circled),
)

_SENTENCE_END = re.compile(r"[。！？!?]")
_INDENT = re.compile(r"[ \t\u3000\u00a0]*")
#: A heading's first sentence longer than this is doubtful.
MAX_INLINE_HEADING = 80
#: A line with no sentence end longer than this is a paragraph, not a heading.
MAX_LINE_HEADING = 60


def _strip_title(heading: str, number: str) -> str:
    t = heading[len(number) :].strip()
    return re.sub(r"[。．.！!？?；;：:，,、\s]+$", "", t)


def _cn_candidate(text: str, ls: int, le: int) -> Candidate | None:
    m = _INDENT.match(text, ls)
    s = m.end() if m else ls
    line = text[s:le]
    if not line:
        return None
    for sch in SCHEMES:
        tm = sch.pattern.match(line)
        if not tm:
            continue
        token = tm.group()
        rest = line[len(token) :]
        if not rest.strip():
            return None  # a bare number is not a heading
        warnings: list[str] = []
        sm = _SENTENCE_END.search(rest)
        if sch.standalone_only and (len(line) > MAX_LINE_HEADING or (sm and sm.end() < len(rest.rstrip()))):
            return None
        if sm and sm.end() < len(rest.rstrip()):
            # Inline heading: the first sentence, body text follows.
            if sm.end() > MAX_INLINE_HEADING:
                if len(line) > 2 * MAX_INLINE_HEADING and sch.name in ("arabic-dot", "arabic-paren", "circled"):
                    return None  # a numbered list item in running text
                warnings.append(f"the heading's first sentence is {sm.end()} characters long")
            end = s + len(token) + sm.end()
        else:
            if len(line.rstrip()) > MAX_LINE_HEADING and not sm:
                warnings.append(f"a {len(line)}-character line with no sentence end taken as a heading")
            end = s + len(line.rstrip())
        heading = text[s:end]
        return Candidate(
            start=s,
            end=end,
            line_end=le,
            number=token,
            scheme=sch.name,
            ordinal=sch.value(token),
            title=_strip_title(heading, token),
            warnings=tuple(warnings),
        )
    return None


def find_candidates(text: str, *, language: str = "zh", start: int = 0) -> list[Candidate]:
    """Every line of ``text`` from ``start`` that opens with a heading."""
    if language != "zh":
        return english_candidates(text, start=start)
    out = []
    for ls, le in _lines(text, start):
        c = _cn_candidate(text, ls, le)
        if c is not None:
            out.append(c)
    return out


# --------------------------------------------------------------------------
# tree building
# --------------------------------------------------------------------------


@dataclass
class _Node:
    kind: SectionKind
    start: int
    level: int
    cand: Candidate | None = None
    children: list[_Node] = field(default_factory=list)
    paragraphs: int = 0  # paragraphs after the heading's own line
    accepts_headings: bool = True  # False for preamble and closing blocks
    warnings: list[str] = field(default_factory=list)
    end: int = 0


def _paragraph_starts(text: str, start: int, cands: list[Candidate]) -> list[int]:
    """Start offsets (first non-space character) of unnumbered paragraphs."""
    heading_lines = {c.start for c in cands}
    out = []
    for ls, le in _lines(text, start):
        m = _INDENT.match(text, ls)
        s = m.end() if m else ls
        if s < le and s not in heading_lines:
            out.append(s)
    return out


def _restarts(cands: list[Candidate]) -> set[int]:
    """Indexes of candidates that restart their scheme's numbering without a
    heading of an outer scheme in between."""
    rank: dict[str, int] = {}
    for c in cands:
        rank.setdefault(c.scheme, len(rank))
    last: dict[str, int] = {}
    out = set()
    for i, c in enumerate(cands):
        r = rank[c.scheme]
        prev = last.get(c.scheme)
        if prev is not None and c.ordinal is not None and c.ordinal <= prev and c.ordinal == 1:
            out.add(i)
        if c.ordinal is not None:
            last[c.scheme] = c.ordinal
        for s, rs in rank.items():
            if rs > r:
                last.pop(s, None)
    return out


def _build(text: str, body_start: int, cands: list[Candidate]) -> _Node:
    root = _Node(SectionKind.ROOT, 0, 0)
    if not cands:
        return root
    paras = _paragraph_starts(text, body_start, cands)
    restart_at = _restarts(cands)
    # The item stream: ("h", index) for headings, ("p", offset) for paragraphs.
    items: list[tuple[int, str, int]] = [(c.start, "h", i) for i, c in enumerate(cands)]
    items += [(p, "p", p) for p in paras]
    items.sort()
    # A paragraph directly before a restarting heading heads a block of its own.
    block_heads: dict[int, int] = {}
    for k in range(1, len(items)):
        pos, typ, i = items[k]
        if typ == "h" and i in restart_at and items[k - 1][1] == "p":
            block_heads[items[k - 1][0]] = i

    stack: list[_Node] = [root]  # open sections, root first
    last_level: dict[str, int] = {}
    first_heading_seen = False

    def close_to(level: int) -> None:
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()

    def open_block(pos: int, level: int, why: str, accepts_headings: bool = False) -> None:
        close_to(level)
        node = _Node(SectionKind.BLOCK, pos, level, accepts_headings=accepts_headings)
        if why:
            node.warnings.append(why)
        stack[-1].children.append(node)
        stack.append(node)

    for k, (pos, typ, i) in enumerate(items):
        if typ == "p":
            top = stack[-1]
            if not first_heading_seen:
                if top is root:
                    open_block(pos, 1, "text before the first heading, kept as a preamble block")
                continue
            if pos in block_heads:
                sch = cands[block_heads[pos]].scheme
                lvl = max(1, last_level.get(sch, 2) - 1)
                open_block(pos, lvl, "starts a new series that restarts the numbering without a numbered parent", True)
                continue
            if top.kind is not SectionKind.BLOCK and top.cand is not None and _single_paragraph_series(top, stack):
                nxt = next((it for it in items[k + 1 :] if it[1] == "h"), None)
                continues = (
                    nxt is not None
                    and cands[nxt[2]].scheme == top.cand.scheme
                    and top.cand.ordinal is not None
                    and cands[nxt[2]].ordinal == top.cand.ordinal + 1
                )
                if not continues:
                    parent = stack[-2]
                    lvl = parent.level if parent is not root else top.level
                    open_block(pos, lvl, "unnumbered text after a series of one-paragraph sections")
                    continue
            top.paragraphs += 1
            continue
        c = cands[i]
        first_heading_seen = True
        # Where does this heading go?  Not under a preamble or closing block.
        while len(stack) > 1 and not stack[-1].accepts_headings:
            stack.pop()
        level = None
        if c.rank is not None:
            level = c.rank
            close_to(level)
        else:
            for depth in range(len(stack) - 1, 0, -1):
                node = stack[depth]
                if node.cand is not None and node.cand.scheme == c.scheme:
                    level = node.level
                    del stack[depth:]
                    break
            if level is None:
                level = stack[-1].level + 1
        node = _Node(SectionKind.NUMBERED if c.number else SectionKind.HEADED, c.start, level, cand=c)
        node.warnings.extend(c.warnings)
        siblings = [s for s in stack[-1].children if s.cand is not None and s.cand.scheme == c.scheme]
        if siblings and c.ordinal is not None:
            prev = siblings[-1].cand
            if prev is not None and prev.ordinal is not None:
                if c.ordinal <= prev.ordinal:
                    node.warnings.append(f"numbering restarts: {c.number} after {prev.number}")
                elif c.ordinal > prev.ordinal + 1:
                    node.warnings.append(f"numbering gap: {c.number} after {prev.number}")
        elif c.ordinal is not None and c.ordinal > 1 and c.number:
            node.warnings.append(f"the series starts at {c.number}, not at 1")
        stack[-1].children.append(node)
        stack.append(node)
        last_level[c.scheme] = level
    return root


def _single_paragraph_series(top: _Node, stack: list[_Node]) -> bool:
    """True when ``top`` and its earlier siblings of the same scheme each hold
    only their own inline-heading paragraph (at least two of them)."""
    if top.paragraphs or top.children or top.cand is None or top.cand.end >= top.cand.line_end:
        return False
    parent = stack[-2]
    sibs = [s for s in parent.children if s.cand is not None and s.cand.scheme == top.cand.scheme]
    return len(sibs) >= 2 and all(not s.paragraphs and not s.children for s in sibs)


def _title_of_block(text: str, start: int, end: int) -> str:
    s = text[start:end].strip()
    m = re.search(r"[。！？!?.:：\n]", s)
    first = s[: m.end()] if m else s
    first = first.strip()
    return first if len(first) <= 24 else first[:24] + "…"


def _finish(text: str, doc: Document, root: _Node) -> Section:
    """Turn the node tree into frozen :class:`Section` records with spans."""

    def set_ends(node: _Node, end: int) -> None:
        node.end = end
        for j, ch in enumerate(node.children):
            nxt = node.children[j + 1].start if j + 1 < len(node.children) else end
            set_ends(ch, nxt)

    set_ends(root, len(text))
    root.start = 0

    def freeze(node: _Node, parent_path: str, index: int) -> Section:
        c = node.cand
        if c is not None:
            heading_span = Span(c.start, c.end)
            token = c.number.rstrip("、.．,，:：") if c.number else f"#{index}"
            title = c.title
        else:
            heading_span = Span(node.start, node.start)
            token = f"#{index}" if node.kind is not SectionKind.ROOT else ""
            title = ""
        path = f"{parent_path}/{token}" if parent_path else token
        body_end = node.children[0].start if node.children else node.end
        body_span = Span(heading_span.end, body_end)
        if node.kind is SectionKind.BLOCK:
            title = _title_of_block(text, node.start, node.end)
        seen: dict[str, int] = {}
        kids = []
        for j, ch in enumerate(node.children, start=1):
            s = freeze(ch, path, j)
            n = seen.get(s.path, 0)
            seen[s.path] = n + 1
            if n:
                s = _repath(s, s.path, f"{s.path}~{n + 1}")
            kids.append(s)
        span = Span(node.start, node.end)
        warnings = list(node.warnings)
        return Section(
            heading=heading_span.of(text),
            title=title if node.kind is not SectionKind.ROOT else doc.title,
            number=c.number if c is not None else "",
            scheme=c.scheme if c is not None else "",
            ordinal=c.ordinal if c is not None else None,
            level=node.level,
            path=path,
            body=body_span.of(text),
            children=tuple(kids),
            span=span,
            heading_span=heading_span,
            body_span=body_span,
            raw_span=doc.offsets.span_to_raw(span),
            kind=node.kind,
            warnings=tuple(warnings),
        )

    sec = freeze(root, "", 0)
    return _flag_long(sec)


def _repath(s: Section, old: str, new: str) -> Section:
    return attrs.evolve(
        s,
        path=new + s.path[len(old) :],
        children=tuple(_repath(c, old, new) for c in s.children),
    )


def _flag_long(sec: Section) -> Section:
    """Warn on sections far longer than their siblings (a missed heading?)."""
    kids = list(sec.children)
    if len(kids) >= 3:
        med = statistics.median(len(k.span) for k in kids)
        for j, k in enumerate(kids):
            if len(k.span) > 4 * med and len(k.span) > 3000:
                kids[j] = attrs.evolve(
                    k,
                    warnings=(*k.warnings, f"{len(k.span) / med:.0f} times longer than its siblings' median; a heading may be missing"),
                )
    kids = [_flag_long(k) for k in kids]
    return attrs.evolve(sec, children=tuple(kids))


def _heading_like_in_body(text: str, sec: Section) -> Section:
    """Warn when a body holds a line that opens like a numbered heading."""
    found = []
    for ls, le in _lines(sec.body):
        m = _INDENT.match(sec.body, ls)
        s = m.end() if m else ls
        line = sec.body[s:le]
        for sch in SCHEMES:
            tm = sch.pattern.match(line)
            if tm and line[len(tm.group()) :].strip():
                found.append(line[: len(tm.group()) + 8])
                break
    kids = tuple(_heading_like_in_body(text, k) for k in sec.children)
    if found:
        w = f"{len(found)} heading-like line(s) kept as body text, first: {found[0]!r}"
        return attrs.evolve(sec, children=kids, warnings=(*sec.warnings, w))
    return attrs.evolve(sec, children=kids)


def parse(doc: Document) -> Report:
    """Parse a loaded document into a :class:`Report` with its section tree.

    The tree is lossless: ``report.root.text() == doc.text``.

    >>> from reportdiff._load import load_text
    >>> r = parse(load_text("2020年报告\\n\\n一、回顾\\n\\n（一）稳增长。正文。\\n", path="x.txt"))
    >>> [(s.level, s.path, s.heading) for s in r.sections()]
    [(1, '一', '一、回顾'), (2, '一/（一）', '（一）稳增长。')]
    """
    text = doc.text
    start = int(doc.meta.get("body_start", "0"))
    cands = find_candidates(text, language=doc.language, start=start)
    root = _build(text, start, cands)
    sec = _finish(text, doc, root)
    if doc.language == "zh":
        sec = _heading_like_in_body(text, sec)
    return Report(document=doc, root=sec)
