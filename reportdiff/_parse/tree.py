"""Tree building: heading candidates + paragraphs → a lossless section tree.

Levels come from how schemes nest in the document (a scheme seen inside
another is one level deeper), not from a fixed list; candidates that carry a
``rank`` (Markdown ``#``, markup headings, centred English parts) take it as
their level.  Unnumbered blocks (a preamble, a closing passage, a plan
section that restarts a numbered series) become sections of their own.

Unnumbered Chinese title lines (scheme :data:`TITLE`) nest under the
innermost numbered heading, with one exception read from the numbering
itself: a title after the last item of a series, that item holding no titles
of its own, closes the series (it is the items' sibling).  A title where the
series skips a number (``一.`` title ``三.``) is not taken for the missing
item: nothing in the layout tells it from the item's own titles.  A numbered
heading never nests under a title that itself sits in a numbered section.

Unnumbered English title lines nest by scheme.  One exception for both
languages, read from the numbering: the document's first title line, with
text of its own, before a numbered series that runs once through the document
(``Introduction`` / ``1.`` / ``2.``, ``前言`` / ``一、``) is the series'
sibling, and so is a title line of its scheme after the series' last item,
unless the items hold title lines of their own.

Every step is linear in the number of lines and headings.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

import attrs

from reportdiff._parse.candidate import Candidate
from reportdiff._parse.chinese import line_start
from reportdiff._text import iter_lines
from reportdiff.model import Document, Section, SectionKind, Span

__all__ = ["TITLE", "build", "finish"]

#: The scheme name of unnumbered Chinese title lines.
TITLE = "cn-title"


@dataclass(eq=False)
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
    last_of: dict[str, _Node] = field(default_factory=dict)  # last child per scheme
    count_of: dict[str, int] = field(default_factory=dict)  # children per scheme
    bare_of: dict[str, bool] = field(default_factory=dict)  # earlier children per scheme all bare

    @property
    def scheme(self) -> str:
        return self.cand.scheme if self.cand is not None else ""

    @property
    def is_title(self) -> bool:
        return self.scheme == TITLE

    @property
    def bare(self) -> bool:
        return not self.paragraphs and not self.children

    def add(self, child: _Node) -> None:
        s = child.scheme
        if s:
            prev = self.last_of.get(s)
            self.bare_of[s] = self.bare_of.get(s, True) and (prev is None or prev.bare)
            self.last_of[s] = child
            self.count_of[s] = self.count_of.get(s, 0) + 1
        self.children.append(child)


def _paragraph_starts(text: str, start: int, cands: list[Candidate]) -> list[int]:
    """Start offsets (first non-space character) of unnumbered paragraphs."""
    heading_lines = {c.start for c in cands}
    joined = {ls for c in cands for ls in _inner_lines(text, c)}
    out = []
    for ls, le in iter_lines(text, start):
        s = line_start(text, ls)
        if s < le and s not in heading_lines and ls not in joined:
            out.append(s)
    return out


def _inner_lines(text: str, c: Candidate) -> list[int]:
    """Starts of the lines a heading spans after its first (a joined heading)."""
    out = []
    k = text.find("\n", c.start, c.end)
    while k >= 0:
        out.append(k + 1)
        k = text.find("\n", k + 1, c.end)
    return out


def _restarts(cands: list[Candidate]) -> set[int]:
    """Indexes of candidates that restart their scheme's numbering at 1
    without a heading of an outer scheme in between."""
    rank: dict[str, int] = {}
    for c in cands:
        rank.setdefault(c.scheme, len(rank))
    by_rank = sorted(rank, key=rank.__getitem__)
    last: dict[str, int] = {}
    out = set()
    for i, c in enumerate(cands):
        r = rank[c.scheme]
        prev = last.get(c.scheme)
        if prev is not None and c.ordinal is not None and c.ordinal <= prev and c.ordinal == 1:
            out.add(i)
        if c.ordinal is not None:
            last[c.scheme] = c.ordinal
        for s in by_rank[r + 1 :]:
            last.pop(s, None)
    return out


def _next_numbered(cands: list[Candidate]) -> list[int]:
    """For each candidate, the index of the next numbered candidate after it (len when none)."""
    out = [len(cands)] * len(cands)
    nxt = len(cands)
    for i in range(len(cands) - 1, -1, -1):
        out[i] = nxt
        if cands[i].number:
            nxt = i
    return out


def build(text: str, body_start: int, cands: list[Candidate]) -> _Node:
    """The node tree of ``text`` with headings ``cands`` (in text order)."""
    root = _Node(SectionKind.ROOT, 0, 0)
    if not cands:
        return root
    paras = _paragraph_starts(text, body_start, cands)
    restart_at = _restarts(cands)
    next_num = _next_numbered(cands)
    # The item stream: ("h", index) for headings, ("p", offset) for paragraphs.
    items: list[tuple[int, str, int]] = [(c.start, "h", i) for i, c in enumerate(cands)]
    items += [(p, "p", p) for p in paras]
    items.sort()
    next_heading = [len(items)] * len(items)
    nh = len(items)
    for k in range(len(items) - 1, -1, -1):
        next_heading[k] = nh
        if items[k][1] == "h":
            nh = k
    # A paragraph directly before a restarting heading heads a block of its own.
    block_heads: dict[int, int] = {}
    for k in range(1, len(items)):
        pos, typ, i = items[k]
        if typ == "h" and i in restart_at and items[k - 1][1] == "p":
            block_heads[items[k - 1][0]] = i

    single_series = _single_series(cands)
    last_index = {c.scheme: i for i, c in enumerate(cands)}
    beside: dict[str, str] = {}  # a title scheme -> the numbered scheme its lines stand beside
    titled: set[str] = set()  # numbered schemes whose sections hold title lines of their own
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
        stack[-1].add(node)
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
                nk = next_heading[k]
                nxt = cands[items[nk][2]] if nk < len(items) else None
                continues = (
                    nxt is not None
                    and nxt.scheme == top.cand.scheme
                    and top.cand.ordinal is not None
                    and nxt.ordinal == top.cand.ordinal + 1
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
        if c.scheme == TITLE and c.rank is None and _closes_series(stack, c, i, beside, last_index, titled):
            del stack[1:]
            level = 1
        elif c.scheme == TITLE and c.rank is None:
            level = _place_title(stack, cands, i, next_num[i])
        elif c.rank is not None:
            level = c.rank
            close_to(level)
        else:
            if c.number:
                # A numbered heading does not nest under a title inside a numbered section.
                while len(stack) > 2 and stack[-1].is_title and stack[-2].kind is not SectionKind.ROOT:
                    stack.pop()
            found = None
            for depth in range(len(stack) - 1, 0, -1):
                node = stack[depth]
                if node.scheme == c.scheme:
                    found = node.level
                    del stack[depth:]
                    break
            if found is None and _beside_series(stack, c, single_series):
                # A top-level title line before a numbered series that runs once through the
                # document (an introduction before chapters 1..n) is the series' sibling.
                beside[stack[1].scheme] = c.scheme
                del stack[1:]
                found = 1
            elif found is None and _closes_series(stack, c, i, beside, last_index, titled):
                del stack[1:]
                found = 1
            level = found if found is not None else stack[-1].level + 1
        if _free_title(c) and stack[-1].cand is not None and stack[-1].cand.number:
            titled.add(stack[-1].scheme)
        node = _Node(SectionKind.NUMBERED if c.number else SectionKind.HEADED, c.start, level, cand=c)
        node.warnings.extend(c.warnings)
        prev_node = stack[-1].last_of.get(c.scheme)
        if prev_node is not None and c.ordinal is not None:
            prev = prev_node.cand
            if prev is not None and prev.ordinal is not None:
                if c.ordinal <= prev.ordinal:
                    node.warnings.append(f"numbering restarts: {c.number} after {prev.number}")
                elif c.ordinal > prev.ordinal + 1:
                    node.warnings.append(f"numbering gap: {c.number} after {prev.number}")
        elif prev_node is None and c.ordinal is not None and c.ordinal > 1 and c.number:
            node.warnings.append(f"the series starts at {c.number}, not at 1")
        stack[-1].add(node)
        stack.append(node)
        last_level[c.scheme] = level
    return root


def _single_series(cands: list[Candidate]) -> set[str]:
    """Numbered schemes that run as one series through the document: at least two items, starting
    at 1, each numbered above the one before (a series that restarts belongs to the headings above)."""
    last: dict[str, int | None] = {}
    broken: set[str] = set()
    count: dict[str, int] = {}
    for c in cands:
        if not c.number:
            continue
        prev = last.get(c.scheme, 0)
        if c.ordinal is None or prev is None or c.ordinal <= prev or (prev == 0 and c.ordinal != 1):
            broken.add(c.scheme)
        last[c.scheme] = c.ordinal
        count[c.scheme] = count.get(c.scheme, 0) + 1
    return {s for s, n in count.items() if n >= 2 and s not in broken}


def _free_title(c: Candidate | None) -> bool:
    """An unnumbered heading line that carries no rank of its own."""
    return c is not None and not c.number and c.rank is None


def _beside_series(stack: list[_Node], c: Candidate, single_series: set[str]) -> bool:
    """``c`` opens a single numbered series while the only title line open is the document's first
    of its scheme at the top, with text of its own.  (A title line with no text before the series is
    its grouping heading; so is the last of several top-level title lines: the titles are then the
    document's parts, and the series lives in one of them.)"""
    if not (c.number and c.scheme in single_series and len(stack) == 2):
        return False
    top = stack[1]
    return (top.level == 1 and _free_title(top.cand) and top.paragraphs > 0
            and stack[0].count_of.get(top.scheme, 0) == 1)


def _closes_series(stack: list[_Node], c: Candidate, i: int, beside: dict[str, str],
                   last_index: dict[str, int], titled: set[str]) -> bool:
    """Title line ``c`` (of a scheme that stood beside a numbered series) comes after the series'
    last item, whose sections hold no title lines of their own: it is the items' sibling
    (a closing part after chapters 1..n)."""
    series = beside.get(c.scheme)
    return (series is not None and _free_title(c) and len(stack) >= 2
            and stack[1].scheme == series and i > last_index[series] and series not in titled)


def _innermost_numbered(stack: list[_Node]) -> int:
    """Depth of the innermost numbered node in ``stack``; 0 for the root."""
    for depth in range(len(stack) - 1, 0, -1):
        n = stack[depth]
        if n.kind is SectionKind.NUMBERED:
            return depth
    return 0


def _place_title(stack: list[_Node], cands: list[Candidate], i: int, nxt: int) -> int:
    """Close the stack to where title ``cands[i]`` goes (``nxt``: the next
    numbered candidate); return its level."""
    depth = _innermost_numbered(stack)
    x = stack[depth]
    if depth and x.kind is SectionKind.NUMBERED and x.cand is not None:
        parent = stack[depth - 1]
        nn = cands[nxt] if nxt < len(cands) else None
        # The series ends here: the next numbered heading is of an outer scheme, or there is none.
        series_ends = nn is None or any(s.scheme == nn.scheme for s in stack[1:depth])
        last_title = nxt == i + 1
        closes = (series_ends and last_title and parent.kind is not SectionKind.ROOT
                  and (x.paragraphs > 0 or bool(x.children)) and parent.count_of.get(x.scheme, 0) >= 2)
        if closes and parent.is_title:
            # The series lived inside a title part: leaving it returns to that part's level.
            del stack[depth - 1 :]
            return parent.level
        if closes:
            del stack[depth:]
            return x.level
    del stack[depth + 1 :]
    return x.level + 1


def _single_paragraph_series(top: _Node, stack: list[_Node]) -> bool:
    """True when ``top`` and its earlier siblings of the same scheme each hold
    only their own inline-heading paragraph (at least two of them)."""
    if not top.bare or top.cand is None or not top.cand.number or top.cand.end >= top.cand.line_end:
        return False
    parent = stack[-2]
    s = top.cand.scheme
    return parent.count_of.get(s, 0) >= 2 and parent.bare_of.get(s, True)


def _title_of_block(text: str, start: int, end: int) -> str:
    s = text[start : min(end, start + 400)].strip()
    m = re.search(r"[。！？!?.:：\n]", s)
    first = s[: m.end()] if m else s
    first = first.strip()
    return first if len(first) <= 24 else first[:24] + "…"


def finish(text: str, doc: Document, root: _Node) -> Section:
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
            warnings=tuple(node.warnings),
        )

    return _flag_long(freeze(root, "", 0))


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
