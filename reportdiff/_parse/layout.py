"""Document-level decisions: which line patterns are this document's headings.

Line rules (:mod:`reportdiff._parse.chinese`, :mod:`reportdiff._parse.english`)
propose candidates; this module decides per document, from how the
candidates behave in it:

* **Numbered paragraphs are not sections** (:func:`paragraph_schemes`).  A
  scheme numbers paragraphs when its numbering runs on past the headings of
  another scheme that itself runs on past it (neither restarts the other, so
  neither is nested in the other) and it is the more frequent of the two.
  (Long multi-sentence blocks alone are no evidence in Chinese: inline
  headings ``（一）稳增长。……`` look the same.)
* **Unnumbered title lines** (:func:`title_candidates`): short lines with no
  sentence punctuation, each followed by a body paragraph, in a document
  whose body paragraphs are much longer than such lines.  The length limit
  comes from the document's own line-length distribution.
* **A heading block repeated by the source** (:func:`drop_repeats`): a run of
  headings that repeats an earlier run, heading for heading, is kept as body
  text.
* **The inferred scheme** (:func:`describe`): the schemes by level, reported
  as a root warning so that ``reportdiff sections --warnings`` shows it;
  weak evidence is said so.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from reportdiff._parse.candidate import Candidate
from reportdiff._parse.chinese import SENTENCE_END, line_start, strip_title, unclosed
from reportdiff._parse.schemes import Scheme, outline_scheme
from reportdiff._parse.tree import TITLE
from reportdiff._text import is_cjk, iter_lines, match_key
from reportdiff.model import Document, Section, SectionKind

__all__ = [
    "MIN_REPEAT",
    "PARAGRAPH_RATIO",
    "describe",
    "drop_repeats",
    "outline_tops",
    "paragraph_schemes",
    "title_candidates",
]

#: A repeated run of at least this many headings is a block the source printed twice.
MIN_REPEAT = 3
#: Body paragraphs must be at least this many times longer than a title line.
PARAGRAPH_RATIO = 4
#: The longest unnumbered title line, in characters.
MAX_TITLE = 30
_TITLE_PUNCT = re.compile(r"[。，,；;：:！？!?．]|\.\s|[.]$")
_OPENERS = "「『《“‘（(【"
_GLUE = re.compile(r"[：:∶，,。；;]")


def _runs_on(cands: list[Candidate], inner: str, outer: str) -> tuple[int, int]:
    """How often ``inner``'s numbering goes on (rises) and restarts (does not
    rise) across a heading of ``outer`` between two of its candidates.  Rising
    by more than one counts as going on: a long numbered paragraph may not be
    a candidate at all."""
    cont = restart = 0
    last: int | None = None
    broken = False
    for c in cands:
        if c.scheme == outer:
            broken = True
        elif c.scheme == inner:
            if broken and last is not None and c.ordinal is not None:
                if c.ordinal > last:
                    cont += 1
                else:
                    restart += 1
            broken = False
            last = c.ordinal
    return cont, restart


def paragraph_schemes(cands: list[Candidate]) -> dict[str, str]:
    """Schemes of ``cands`` that number paragraphs, each with the reason.

    >>> def c(i, s, n): return Candidate(i, i + 1, i + 1, str(n), s, n, "t")
    >>> cs = [c(0, "tiangan", 1), c(1, "arabic-dot", 1), c(2, "arabic-dot", 2),
    ...       c(3, "tiangan", 2), c(4, "arabic-dot", 3), c(5, "tiangan", 3), c(6, "arabic-dot", 4)]
    >>> sorted(paragraph_schemes(cs))
    ['arabic-dot']
    """
    count = Counter(c.scheme for c in cands if c.number)
    out: dict[str, str] = {}
    for s in sorted(count):
        for t in sorted(count):
            if t == s or count[s] <= count[t]:
                continue
            cont, restart = _runs_on(cands, s, t)
            back, back_restart = _runs_on(cands, t, s)
            if cont >= 1 and restart * 4 <= cont and back >= 1 and back_restart * 4 <= back:
                first, last = (c.number for c in (next(x for x in cands if x.scheme == s),
                                                  next(x for x in reversed(cands) if x.scheme == s)))
                out[s] = f"numbered paragraphs ({first}…{last}, {count[s]}) run on past {t} headings"
                break
    return out


def recover_first(text: str, start: int, cands: list[Candidate], schemes: Sequence[Scheme]) -> list[Candidate]:
    """First items glued to the end of an earlier line (``主席女士∶甲、引言``):
    when a series starts at 2, its item 1 is looked for right after a
    punctuation mark in the lines before item 2.

    Returns:
        The recovered candidates (at most one per scheme), in text order.
    """
    first: dict[str, Candidate] = {}
    for c in cands:
        first.setdefault(c.scheme, c)
    out = []
    for sch in schemes:
        c2 = first.get(sch.name)
        if c2 is None or c2.ordinal != 2:
            continue
        for m in _GLUE.finditer(text, start, c2.start):
            tm = sch.pattern.match(text, m.end(), c2.start)
            if tm is None or sch.value(tm.group().rstrip()) != 1:
                continue
            le = text.find("\n", tm.end())
            le = c2.start if le < 0 or le > c2.start else le
            rest = text[tm.end() : le].strip()
            if rest and not SENTENCE_END.search(rest):
                e = tm.end() + len(text[tm.end() : le].rstrip())
                tok = tm.group().rstrip()
                out.append(Candidate(m.end(), e, le, tok, sch.name, 1, rest,
                                     warnings=("the heading is glued to the end of the line before it",)))
                break
    return sorted(out, key=lambda c: c.start)


def split_joined(doc: Document, cands: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """Headings that cleaning joined with the next line, split again.

    Cleaning joins a line that does not end a sentence with the next one (a
    wrapped paragraph).  When a whole-line heading was so joined (its raw text
    holds a line break), the heading is complete before the break (no bracket
    left open), and the part after it is a title line, the heading ends at
    the break and the part after it is a title of its own.

    Returns:
        The headings (some shortened) and the titles split off.
    """
    out, titles = [], []
    text, raw = doc.text, doc.raw_text
    for c in cands:
        if c.end != c.start + len(text[c.start : c.line_end].rstrip()):
            out.append(c)
            continue
        rs, re_ = doc.offsets.to_raw(c.start), doc.offsets.to_raw(c.end)
        seg = raw[rs:re_]
        k = seg.find("\n")
        head = seg[:k].rstrip("\r") if k >= 0 else ""
        tail = seg[k + 1 :].strip() if k >= 0 else ""
        cut = c.start + len(head)
        if (not head or not tail or text[c.start : cut] != head or unclosed(head)
                or not _is_title_line(tail) or len(tail) > MAX_TITLE or text[cut:c.end].strip() != tail):
            out.append(c)
            continue
        ts = cut + (len(text[cut:c.end]) - len(text[cut:c.end].lstrip()))
        out.append(attrs.evolve(c, end=cut, title=strip_title(head, c.number),
                                warnings=(*c.warnings, "split from the next line, which cleaning had joined to it")))
        titles.append(Candidate(ts, c.end, c.line_end, "", TITLE, None, tail))
    return out, titles


def split_glued(cands: list[Candidate], paragraphs: list[Candidate], text: str) -> list[Candidate]:
    """Headings whose line runs on into the next numbered paragraph
    (``庚、結語170.\t各位……``: the source lost the line break) end where
    that paragraph's number starts.

    Args:
        cands: the headings kept, in text order.
        paragraphs: the numbered paragraphs, in text order.
        text: the cleaned text.

    Returns:
        ``cands`` with such headings cut before the paragraph number.
    """
    out = []
    for c in cands:
        m = glued_number(text, c.start + len(c.number), c.end, paragraphs)
        if m is not None and m > c.start + len(c.number):
            title = re.sub(r"[\s。．.，,、：:]+$", "", text[c.start + len(c.number) : m].strip())
            c = attrs.evolve(c, end=m, title=title,
                             warnings=(*c.warnings, "the heading runs on into a numbered paragraph"))
        out.append(c)
    return out


_PARA_NUMBER = re.compile(r"(?<![0-9０-９])([0-9]{1,4})[.．、]")


def glued_number(text: str, start: int, end: int, paragraphs: list[Candidate]) -> int | None:
    """Offset of a paragraph number inside ``text[start:end]`` that fits the
    document's paragraph numbering there (between the numbers of the
    paragraphs before and after), or None."""
    if not paragraphs:
        return None
    starts = [p.start for p in paragraphs]
    k = bisect.bisect_left(starts, start)
    lo = (paragraphs[k - 1].ordinal or 0) + 1 if k else 1
    hi = (paragraphs[k].ordinal or lo) - 1 if k < len(paragraphs) else lo + 3
    for m in _PARA_NUMBER.finditer(text, start, end):
        if lo <= int(m.group(1)) <= max(lo, hi):
            return m.start()
    return None


_OUTLINE_TOP = re.compile(r"(\d{1,2})[ \t\u3000]+(\S.{0,58})")
_OUTLINE_SECOND = re.compile(r"(\d{1,2})[．.]\d{1,2}(?![．.]?\d)")


def outline_tops(text: str, start: int, cands: list[Candidate], scheme: str = "decimal") -> list[Candidate]:
    """Lines ``N Title`` (a bare number, a space, a short title) that open an outline: the next
    numbered heading after the line is ``N.1``-style, of the same ``N`` (``1 总体情况`` then ``1.1
    经济发展``), or the number right after such a line's (``3 Outlook`` after ``2 Plans``, with no
    ``3.1``).  A bare number before a title is otherwise too weak a cue (a table row, a list);
    the outline's own second level is what makes it a heading (scheme ``decimal-1``).

    >>> text = "1 Overview\\n\\n1.1 Economy\\n\\n2 Plans\\n\\n2.1 Industry\\n\\n3 apples and pears\\n\\n5 Other\\n"
    >>> cs = [Candidate(text.index(t), text.index(t) + len(t), text.index(t) + len(t), t[:3], "decimal", 1, t[4:])
    ...       for t in ("1.1 Economy", "2.1 Industry")]
    >>> [(c.number, c.scheme, c.title) for c in outline_tops(text, 0, cs)]
    [('1', 'decimal-1', 'Overview'), ('2', 'decimal-1', 'Plans'), ('3', 'decimal-1', 'apples and pears')]
    """
    numbered = sorted((c for c in cands if c.number), key=lambda c: c.start)
    starts = [c.start for c in numbered]
    out: list[Candidate] = []
    for ls, le in iter_lines(text, start):
        s = line_start(text, ls)
        line = text[s:le].rstrip()
        m = _OUTLINE_TOP.fullmatch(line)
        if not m or SENTENCE_END.search(m.group(2)) or line[-1] in ".,;:；：，、":
            continue
        n = int(m.group(1))
        k = bisect.bisect_right(starts, s)
        nxt = _OUTLINE_SECOND.match(numbered[k].number) if k < len(numbered) else None
        opens = nxt is not None and int(nxt.group(1)) == n and numbered[k].scheme == scheme
        # the outline's next top number, with no second level of its own (a closing ``5 Outlook``)
        follows = bool(out) and out[-1].ordinal is not None and n == out[-1].ordinal + 1
        if not (opens or follows):
            continue
        out.append(Candidate(s, s + len(line), le, m.group(1), outline_scheme(scheme, m.group(1)), n,
                             m.group(2).strip()))
    return out


def drop_repeats(cands: list[Candidate]) -> tuple[list[Candidate], list[str]]:
    """``cands`` without runs of at least :data:`MIN_REPEAT` headings that
    repeat an earlier run heading for heading; and a warning for each run.

    >>> def c(i, t): return Candidate(i, i + 1, i + 1, "", "x", None, t)
    >>> kept, why = drop_repeats([c(0, "A"), c(1, "B"), c(2, "C"), c(3, "A"), c(4, "B"), c(5, "C")])
    >>> [k.title for k in kept], len(why)
    (['A', 'B', 'C'], 1)
    """
    keys = [match_key(c.title) + "\x00" + c.number for c in cands]
    first: dict[str, int] = {}
    out: list[Candidate] = []
    warnings: list[str] = []
    i = 0
    while i < len(cands):
        j = first.get(keys[i])
        run = 0
        if j is not None:
            while i + run < len(cands) and j + run < i and keys[j + run] == keys[i + run]:
                run += 1
        if run >= MIN_REPEAT:
            warnings.append(
                f"{run} headings from {cands[i].number or cands[i].title!r} on repeat an earlier block; kept as body text"
            )
            i += run
            continue
        first.setdefault(keys[i], i)
        out.append(cands[i])
        i += 1
    return out, warnings


def _is_title_line(s: str) -> bool:
    return (
        bool(s)
        and (is_cjk(s[0]) or s[0] in _OPENERS)
        and not _TITLE_PUNCT.search(s)
        and not SENTENCE_END.search(s)
        and any(is_cjk(ch) for ch in s)
    )


def title_candidates(
    text: str,
    start: int,
    cands: list[Candidate],
    *,
    paragraphs: Sequence[Candidate] = (),
    max_title: int = MAX_TITLE,
) -> list[Candidate]:
    """Unnumbered Chinese title lines of ``text`` (scheme :data:`TITLE`).

    A line is a title when it is short (at most ``max_title`` characters and
    at most 1/:data:`PARAGRAPH_RATIO` of the median body line), holds no
    sentence punctuation, opens with an ideograph or an opening quote, and
    the next non-blank line is a body paragraph (longer than the limit) or a
    heading.  Titles are only taken from a document that numbers its
    paragraphs or shows at least two such lines followed by paragraphs.

    Args:
        text: the cleaned text.
        start: offset where the body starts.
        cands: the numbered candidates kept as headings.
        paragraphs: the numbered paragraphs, when the document numbers them
            (strong evidence; a title glued to the next paragraph's number,
            ``有力的承擔107.\t……``, is then split off).
        max_title: the longest title line, in characters.

    Returns:
        The title candidates, in text order.
    """
    heading_at = {c.start for c in cands}
    lines: list[tuple[int, int]] = []
    for ls, le in iter_lines(text, start):
        s = line_start(text, ls)
        e = le
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            lines.append((s, e))
    if not lines:
        return []
    body = [e - s for s, e in lines if s not in heading_at]
    median = statistics.median(body) if body else 0
    limit = min(max_title, median / PARAGRAPH_RATIO)
    out = []
    paras = list(paragraphs)
    for k, (s, e) in enumerate(lines[:-1]):
        if s in heading_at:
            continue
        g = glued_number(text, s, min(e, s + int(limit) + 2), paras) if paras else None
        if g is not None and g > s and _is_title_line(text[s:g].strip()):
            ge = g
            while ge > s and text[ge - 1].isspace():
                ge -= 1
            out.append(Candidate(s, ge, e, "", TITLE, None, text[s:ge].strip(),
                                 warnings=("the title runs on into a numbered paragraph",)))
            continue
        if e - s > limit or not _is_title_line(text[s:e]):
            continue
        ns, ne = lines[k + 1]
        if ns in heading_at or ne - ns > limit:
            out.append(Candidate(s, e, e, "", TITLE, None, text[s:e].strip()))
    if not paragraphs and len(out) < 2:
        return []
    return out


def _levels(secs: Iterable[Section]) -> dict[int, Counter[str]]:
    out: dict[int, Counter[str]] = {}
    for s in secs:
        if s.kind in (SectionKind.NUMBERED, SectionKind.HEADED):
            out.setdefault(s.level, Counter())[s.scheme or "unnumbered"] += 1
    return out


def describe(root: Section, paragraphs: dict[str, str], notes: list[str]) -> list[str]:
    """Root warnings: the inferred heading scheme by level, and doubts.

    Args:
        root: the finished tree.
        paragraphs: the schemes taken as paragraph numbering, with reasons.
        notes: other document-level notes (repeated blocks, markup fallback).

    Returns:
        One sentence each; the first names the scheme.
    """
    levels = _levels(root.walk())
    parts = []
    for lvl in sorted(levels):
        names = ", ".join(f"{n} ×{k}" for n, k in sorted(levels[lvl].items(), key=lambda x: (-x[1], x[0])))
        parts.append(f"L{lvl} {names}")
    out = ["inferred heading scheme: " + ("; ".join(parts) if parts else "no headings")]
    out += [f"{s} taken as body: {why}" for s, why in sorted(paragraphs.items())]
    out += notes
    total = sum(sum(c.values()) for c in levels.values())
    if total == 0:
        out.append("weak evidence: no heading found; the whole text is one section")
    elif total < 2:
        out.append("weak evidence: a single heading found; the tree may be wrong")
    for lvl, c in sorted(levels.items()):
        seen_at = [lv for lv, cc in levels.items() for n in cc if n in c and lv != lvl]
        if seen_at and lvl == min(levels):
            out.append(f"weak evidence: schemes of level {lvl} also appear at level(s) {sorted(set(seen_at))}")
            break
    return out
