"""Text diffs: exact, readable in Chinese and English, and fast.

This is the one adapter over the diff engines: rapidfuzz's bit-parallel LCS
(``Indel.opcodes``) finds the edits, diff-match-patch cleans them up for
reading (``diff_cleanupSemantic``).  Their tuples never leave this module; the
result is a :class:`~reportdiff.model.TextDiff` of
:class:`~reportdiff.model.Edit` records.

How a diff is made:

1. Both texts are cut into tokens of the chosen :class:`Granularity` (a number
   with its unit, ``100件``, ``74.4万亿元``, ``6.5%``, ``$1.2 billion``, is one
   token in every granularity).  The tokens partition the text exactly.
2. Each distinct token becomes one character (diff-match-patch's
   lines-to-chars encoding), so the LCS and the cleanup run over tokens.
3. When the two token strings are small enough (``CELL_BUDGET``), one exact LCS
   runs over them.  Larger inputs are first aligned sentence by sentence and
   the LCS runs in each gap between unchanged sentences; a gap still too large
   goes to diff-match-patch's linear-memory bisection, under the time limit.
4. Semantic cleanup, then moved sentences, then statistics.

Nothing here depends on the clock unless a ``timeout`` is given; without one
the diff always finishes and ``approximate`` is False.
"""

from __future__ import annotations

import bisect
import collections
import functools
import importlib
import logging
import re
import time
from collections.abc import Callable, Sequence

import attrs
import diff_match_patch as _dmp
from rapidfuzz import process
from rapidfuzz.distance import Indel, Levenshtein

from reportdiff.errors import ParseError
from reportdiff.model import (
    DiffSide,
    DiffStats,
    Edit,
    Granularity,
    Move,
    NumberChange,
    Op,
    Report,
    SectionMove,
    SectionsDiff,
    Span,
    TextDiff,
)

__all__ = [
    "CELL_BUDGET",
    "MOVE_THRESHOLD",
    "NUMBER_PATTERN",
    "Segmenter",
    "diff_reports",
    "diff_sections",
    "diff_texts",
    "edit_distance",
    "lcs_length",
    "numbers",
    "sentences",
    "tokenize",
]

Segmenter = Callable[[str], Sequence[str]]
"""Cuts Chinese text into words.  It is called once per text with the runs of
Chinese characters joined by newlines; its words must join back to its input,
each newline a word of its own."""

CELL_BUDGET = 400_000_000
"""Largest ``len(a) * len(b)`` (in tokens) given to one LCS call: its bit matrix
takes ``CELL_BUDGET / 8`` bytes (50 MB)."""

MOVE_THRESHOLD = 0.85
"""Least character similarity of a deleted and an inserted sentence for a move."""

MOVE_MIN_TOKENS = 6
"""Least number of words (Chinese: characters) in a sentence that can move."""

# --------------------------------------------------------------------------
# tokens
# --------------------------------------------------------------------------

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# Units that follow a number in Chinese (one string: the list reads better as a table).
_CN_UNITS = tuple(
    re.split(
        r"\s+",
        "个百分点 百分点 平方公里 平方千米 平方米 立方米 公里 千米 厘米 毫米 公顷 "
        "千瓦时 千瓦 兆瓦 吨标准煤 标准箱 吨 公斤 千克 克 斤 亩 元 美元 欧元 日元 "
        "港元 人次 人 户 家 项 所 座 台 辆 次 岁 倍 条 名 套 册 部 篇 本 场 "
        "批 期 届 例 起 宗 份 间 张 只 头 株 棵 年 月 日 天 小时 分钟 秒 周 "
        "度 米 个 件 处 块 艘 架 列 支 对 位 层 栋 道 门 片 枚 盏 眼 口",
    )
)
_EN_UNITS = (
    "percentage points",
    "percentage point",
    "basis points",
    "per cent",
    "percent",
    "trillion",
    "billion",
    "million",
    "thousand",
    "bn",
    "mn",
)
NUMBER_PATTERN = (
    r"(?:[$¥￥€£][ ]?)?\d+(?:,\d{3}(?!\d))*(?:\.\d+)?"
    r"(?:[ \u00a0]?(?:" + "|".join(u.replace(" ", "[ ]") for u in _EN_UNITS) + r")\b"
    r"|[%％‰]"
    r"|[多余]?(?:万亿|亿|万|千|百)?[多余]?(?:"
    + "|".join(sorted(set(_CN_UNITS), key=lambda u: (-len(u), u)))
    + r")?)"
)
"""A number with its unit: ``100件``, ``74.4万亿元``, ``6.5%``, ``$1.2 billion``."""

_NUMBER_RE = re.compile(NUMBER_PATTERN)
_CHAR_RE = re.compile(rf"(?P<num>{NUMBER_PATTERN})|(?P<other>.)", re.S)
_WORD_RE = re.compile(
    rf"(?P<num>{NUMBER_PATTERN})|(?P<cjk>[{_CJK}]+)"
    rf"|(?P<word>[^\W\d_{_CJK}]+(?:['’][^\W\d_{_CJK}]+)*)|(?P<space>\s+)|(?P<other>.)",
    re.S,
)
_ENDS = "。！？；!?"
_CLOSERS = '”’"』」）)》】'
_SENTENCE_RE = re.compile(
    rf"\s+|[^\n]+?(?:[{_ENDS}]+[{_CLOSERS}]*|\.+[{_CLOSERS}]*(?=\s+(?![a-z0-9])|\s*$)|(?=\n)|$)"
)


def _char_segmenter(run: str) -> list[str]:
    return list(run)


@functools.cache
def _jieba_segmenter() -> Segmenter:
    """jieba's dictionary segmenter, loaded on first use, quietly.

    A private ``jieba.Tokenizer`` (so words others add to jieba's global
    dictionary do not change our diffs), without the HMM guesser (so unknown
    words fall apart into characters, the same way every time).
    """
    try:
        jieba = importlib.import_module("jieba")  # untyped; imported by name to stay so
    except ImportError:  # pragma: no cover - jieba is optional
        return _char_segmenter
    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        tk = jieba.Tokenizer()
        tk.initialize()
    finally:
        logger.setLevel(level)

    def cut(run: str) -> list[str]:
        words: list[str] = tk.lcut(run, HMM=False)
        return words

    return cut


def tokenize(
    text: str,
    granularity: Granularity | str = Granularity.WORD,
    *,
    segmenter: Segmenter | None = None,
) -> list[str]:
    """Cut ``text`` into the tokens a diff compares; they join back to ``text``.

    Args:
        text: any text.
        granularity: ``char`` (characters), ``word`` (Chinese words, English
            words, spaces and punctuation) or ``sentence`` (sentences ending in
            。！？；.!? or at a line end, and the whitespace between them).  A number
            with its unit is one token in every granularity.
        segmenter: cuts runs of Chinese characters into words in ``word``
            granularity; default jieba's dictionary (one character per word
            when jieba is not installed).

    Returns:
        The tokens, in order.

    >>> tokenize("增长6.5%，达到100件。", "char")
    ['增', '长', '6.5%', '，', '达', '到', '100件', '。']
    >>> tokenize("Sales rose $1.2 billion.", "word")
    ['Sales', ' ', 'rose', ' ', '$1.2 billion', '.']
    """
    g = Granularity(granularity)
    if g is Granularity.CHAR:
        return [m.group() for m in _CHAR_RE.finditer(text)]
    if g is Granularity.SENTENCE:
        return [m.group() for m in _SENTENCE_RE.finditer(text)]
    matches = list(_WORD_RE.finditer(text))
    runs = [m.group() for m in matches if m.lastgroup == "cjk"]
    words = _segment_cached(runs) if segmenter is None else _segment(runs, segmenter)
    out: list[str] = []
    k = 0
    for m in matches:
        if m.lastgroup == "cjk":
            out.extend(words[k])
            k += 1
        else:
            out.append(m.group())
    return out


_RUN_CACHE: dict[str, list[str]] = {}
_RUN_CACHE_SIZE = 200_000


def _segment_cached(runs: Sequence[str]) -> list[list[str]]:
    """:func:`_segment` with the default segmenter, remembering each run's words.

    Reports of consecutive years (and a section and its parent) share most of
    their runs, so diffing a series segments each run once.
    """
    cache = _RUN_CACHE
    missing = list(dict.fromkeys(r for r in runs if r not in cache))
    if missing:
        if len(cache) + len(missing) > _RUN_CACHE_SIZE:
            cache.clear()
        cache.update(zip(missing, _segment(missing, _jieba_segmenter()), strict=True))
    return [cache[r] for r in runs]


def _segment(runs: Sequence[str], cut: Segmenter) -> list[list[str]]:
    """Each run of Chinese characters cut into words, with one call of ``cut``.

    A run whose words do not join back to it falls back to characters.
    """
    if not runs:
        return []
    out: list[list[str]] = [[]]
    for w in cut("\n".join(runs)):
        if w == "\n":
            out.append([])
        elif w:
            out[-1].append(w)
    if len(out) != len(runs):
        return [list(r) for r in runs]
    return [ws if "".join(ws) == r else list(r) for ws, r in zip(out, runs, strict=True)]


def sentences(text: str) -> list[Span]:
    """The spans of ``text``'s sentences, whitespace around them excluded.

    >>> t = "一是稳增长。二是调结构！\\nThe end. Really?"
    >>> [s.of(t) for s in sentences(t)]
    ['一是稳增长。', '二是调结构！', 'The end.', 'Really?']
    """
    return [
        Span(m.start(), m.end()) for m in _SENTENCE_RE.finditer(text) if not m.group().isspace()
    ]


def numbers(text: str) -> list[Span]:
    """The spans of the numbers (with their units) in ``text``.

    >>> t = "粮食产量1.2万亿斤，增长6.5%"
    >>> [s.of(t) for s in numbers(t)]
    ['1.2万亿斤', '6.5%']
    """
    return [Span(m.start(), m.end()) for m in _NUMBER_RE.finditer(text)]


# --------------------------------------------------------------------------
# the engine: tokens as characters, LCS, cleanup
# --------------------------------------------------------------------------


class _Vocab:
    """Maps each distinct token to one character (skipping the surrogates)."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.tokens: list[str] = []

    def encode(self, tokens: Sequence[str]) -> str:
        codes = self.codes
        out = []
        for t in tokens:
            c = codes.get(t)
            if c is None:
                k = len(self.tokens)
                k += 0x800 if k >= 0xD800 else 0
                if k > 0x10FFFF:
                    raise ParseError(
                        "the texts have more than a million distinct tokens; "
                        "diff them in sections or at a coarser granularity"
                    )
                c = codes[t] = chr(k)
                self.tokens.append(t)
            out.append(c)
        return "".join(out)

    def decode(self, code: str) -> str:
        toks = self.tokens
        return "".join(toks[o - 0x800 if o >= 0xD800 else o] for o in map(ord, code))

    def token(self, c: str) -> str:
        o = ord(c)
        return self.tokens[o - 0x800 if o >= 0xD800 else o]


_EQ, _DEL, _INS = 0, -1, 1
_Diffs = list[tuple[int, str]]


class _TokenDMP(_dmp.diff_match_patch):  # type: ignore[misc]
    """diff-match-patch over token characters, its boundary scores read from the tokens."""

    def __init__(self, vocab: _Vocab) -> None:
        super().__init__()
        self.Diff_Timeout = 0.0  # set explicitly; the deadline is passed per call
        self.vocab = vocab
        self._weights: dict[str, int] = {}
        self._kept: dict[str, bool] = {}

    def _score(self, one: str, two: str) -> int:
        # After diff_cleanupSemanticScore in diff-match-patch, plus Chinese sentence ends.
        if not one or not two:
            return 6
        left = self.vocab.token(one[-1])
        right = self.vocab.token(two[0])
        c1, c2 = left[-1:], right[:1]
        nonalnum1, nonalnum2 = not c1.isalnum(), not c2.isalnum()
        ws1 = nonalnum1 and c1.isspace()
        ws2 = nonalnum2 and c2.isspace()
        if left.endswith("\n\n") or right.startswith("\n\n"):
            return 5
        if "\n" in left[-1:] or "\n" in right[:1]:
            return 4
        if c1 in _ENDS or (nonalnum1 and not ws1 and ws2):
            return 3
        if ws1 or ws2:
            return 2
        if nonalnum1 or nonalnum2:
            return 1
        return 0

    def _weight(self, code: str) -> int:
        w = self._weights.get(code)
        if w is None:
            w = self._weights[code] = len(self.vocab.decode(code))
        return w

    def _keeps(self, code: str) -> bool:
        """Whether an equality holds a sentence end or line break (never eliminated)."""
        keep = self._kept.get(code)
        if keep is None:
            text = self.vocab.decode(code)
            keep = self._kept[code] = (
                "\n" in text or any(c in text for c in _ENDS) or ". " in text or text.endswith(".")
            )
        return keep

    def diff_cleanupSemantic(self, diffs: _Diffs) -> None:
        """diff-match-patch's semantic cleanup, weighing runs by characters, not tokens.

        An equality no longer than the edits on both sides of it is merged into
        them, as in diff-match-patch, unless it holds a sentence end or a line
        break: a reader keeps the sentence structure of a rewritten passage.
        """
        changes = False
        equalities: list[int] = []
        last: str | None = None
        pointer = 0
        ins1 = del1 = ins2 = del2 = 0
        while pointer < len(diffs):
            op, code = diffs[pointer]
            if op == _EQ:
                equalities.append(pointer)
                ins1, ins2, del1, del2 = ins2, 0, del2, 0
                last = code
            else:
                if op == _INS:
                    ins2 += self._weight(code)
                else:
                    del2 += self._weight(code)
                if (
                    last
                    and self._weight(last) <= max(ins1, del1)
                    and self._weight(last) <= max(ins2, del2)
                    and not self._keeps(last)
                ):
                    diffs.insert(equalities[-1], (_DEL, last))
                    diffs[equalities[-1] + 1] = (_INS, diffs[equalities[-1] + 1][1])
                    equalities.pop()
                    if equalities:
                        equalities.pop()
                    pointer = equalities[-1] if equalities else -1
                    ins1 = del1 = ins2 = del2 = 0
                    last = None
                    changes = True
            pointer += 1
        if changes:
            self.diff_cleanupMerge(diffs)
        self.diff_cleanupSemanticLossless(diffs)
        # Overlaps between a deletion and the insertion after it, as in diff-match-patch.
        pointer = 1
        while pointer < len(diffs):
            if diffs[pointer - 1][0] == _DEL and diffs[pointer][0] == _INS:
                deletion, insertion = diffs[pointer - 1][1], diffs[pointer][1]
                o1 = self.diff_commonOverlap(deletion, insertion)
                o2 = self.diff_commonOverlap(insertion, deletion)
                if o1 >= o2 and (o1 >= len(deletion) / 2 or o1 >= len(insertion) / 2):
                    diffs.insert(pointer, (_EQ, insertion[:o1]))
                    diffs[pointer - 1] = (_DEL, deletion[: len(deletion) - o1])
                    diffs[pointer + 1] = (_INS, insertion[o1:])
                    pointer += 1
                elif o2 > o1 and (o2 >= len(deletion) / 2 or o2 >= len(insertion) / 2):
                    diffs.insert(pointer, (_EQ, deletion[:o2]))
                    diffs[pointer - 1] = (_INS, insertion[: len(insertion) - o2])
                    diffs[pointer + 1] = (_DEL, deletion[o2:])
                    pointer += 1
                pointer += 1
            pointer += 1

    def diff_cleanupSemanticLossless(self, diffs: _Diffs) -> None:
        """Slide single edits between equalities to the best token boundary."""
        pointer = 1
        while pointer < len(diffs) - 1:
            if diffs[pointer - 1][0] == _EQ and diffs[pointer + 1][0] == _EQ:
                eq1, edit, eq2 = diffs[pointer - 1][1], diffs[pointer][1], diffs[pointer + 1][1]
                common = self.diff_commonSuffix(eq1, edit)
                if common:
                    tail = edit[-common:]
                    eq1, edit, eq2 = eq1[:-common], tail + edit[:-common], tail + eq2
                best = (eq1, edit, eq2)
                best_score = self._score(eq1, edit) + self._score(edit, eq2)
                while edit and eq2 and edit[0] == eq2[0]:
                    eq1, edit, eq2 = eq1 + edit[0], edit[1:] + eq2[0], eq2[1:]
                    score = self._score(eq1, edit) + self._score(edit, eq2)
                    if score >= best_score:
                        best_score, best = score, (eq1, edit, eq2)
                if diffs[pointer - 1][1] != best[0]:
                    if best[0]:
                        diffs[pointer - 1] = (_EQ, best[0])
                    else:
                        del diffs[pointer - 1]
                        pointer -= 1
                    diffs[pointer] = (diffs[pointer][0], best[1])
                    if best[2]:
                        diffs[pointer + 1] = (_EQ, best[2])
                    else:
                        del diffs[pointer + 1]
                        pointer -= 1
            pointer += 1


class _Clock:
    """The time limit of one diff, if any."""

    def __init__(self, timeout: float | None) -> None:
        self.deadline = None if timeout is None else time.monotonic() + max(timeout, 0.0)
        self.cut = False

    def expired(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    def wall_deadline(self) -> float | None:
        if self.deadline is None:
            return None
        return time.time() + max(self.deadline - time.monotonic(), 0.0)


def _indel(ea: str, eb: str) -> _Diffs:
    """rapidfuzz's exact LCS opcodes as diff-match-patch tuples."""
    out: _Diffs = []
    for op in Indel.opcodes(ea, eb):
        if op.tag == "equal":
            out.append((_EQ, ea[op.src_start : op.src_end]))
        else:
            if op.src_end > op.src_start:
                out.append((_DEL, ea[op.src_start : op.src_end]))
            if op.dest_end > op.dest_start:
                out.append((_INS, eb[op.dest_start : op.dest_end]))
    return out


def _lcs(ea: str, eb: str, dmp: _TokenDMP, clock: _Clock) -> _Diffs:
    """An exact LCS of two token strings, or diff-match-patch's when too large."""
    if not ea or not eb:
        return [(op, s) for op, s in ((_DEL, ea), (_INS, eb)) if s]
    if len(ea) * len(eb) <= CELL_BUDGET:
        return _indel(ea, eb)
    if clock.expired():
        clock.cut = True
        return [(_DEL, ea), (_INS, eb)]
    deadline = clock.wall_deadline()
    diffs: _Diffs = dmp.diff_main(ea, eb, False, deadline if deadline is not None else None)
    if clock.deadline is not None and clock.expired():
        clock.cut = True
    return diffs


def _chunks(tokens: Sequence[str]) -> list[int]:
    """Token indices where a sentence-like chunk ends (exclusive), the last one included."""
    ends: list[int] = []
    prev = ""
    for i, t in enumerate(tokens):
        if ("\n" in t and t.isspace()) or t[-1] in _ENDS or (t.isspace() and prev.endswith(".")):
            ends.append(i + 1)
        prev = t
    if not ends or ends[-1] != len(tokens):
        ends.append(len(tokens))
    return ends


def _anchored(
    ta: Sequence[str], tb: Sequence[str], ea: str, eb: str, dmp: _TokenDMP, clock: _Clock
) -> _Diffs:
    """Align sentence chunks first, then diff each gap between unchanged ones."""
    ends_a, ends_b = _chunks(ta), _chunks(tb)
    chunk_vocab = _Vocab()
    ca = chunk_vocab.encode([ea[s:e] for s, e in zip([0, *ends_a], ends_a, strict=False)])
    cb = chunk_vocab.encode([eb[s:e] for s, e in zip([0, *ends_b], ends_b, strict=False)])
    starts_a, starts_b = [0, *ends_a], [0, *ends_b]
    out: _Diffs = []
    gap_a = gap_b = None  # chunk ranges of the pending gap
    ia = ib = 0

    def flush(a_to: int, b_to: int) -> None:
        nonlocal gap_a, gap_b
        if gap_a is None or gap_b is None:
            return
        sa, sb = starts_a[gap_a], starts_b[gap_b]
        out.extend(_lcs(ea[sa : starts_a[a_to]], eb[sb : starts_b[b_to]], dmp, clock))
        gap_a = gap_b = None

    for op, piece in _lcs(ca, cb, dmp, clock):
        n = len(piece)
        if op == _EQ:
            flush(ia, ib)
            out.append((_EQ, ea[starts_a[ia] : starts_a[ia + n]]))
            ia += n
            ib += n
            continue
        if gap_a is None:
            gap_a, gap_b = ia, ib
        if op == _DEL:
            ia += n
        else:
            ib += n
    flush(ia, ib)
    return out


def _token_diffs(
    ta: Sequence[str],
    tb: Sequence[str],
    vocab: _Vocab,
    clock: _Clock,
    cleanup: bool,
    semantic: bool,
) -> _Diffs:
    ea, eb = vocab.encode(ta), vocab.encode(tb)
    dmp = _TokenDMP(vocab)
    if len(ea) * len(eb) <= CELL_BUDGET:
        diffs = _lcs(ea, eb, dmp, clock)
    else:
        diffs = _anchored(ta, tb, ea, eb, dmp, clock)
    diffs = [d for d in diffs if d[1]]
    dmp.diff_cleanupMerge(diffs)  # deletions before insertions, runs merged
    if cleanup and semantic:
        dmp.diff_cleanupSemantic(diffs)
    return [d for d in diffs if d[1]]


def _edits(diffs: _Diffs, vocab: _Vocab, a0: int = 0, b0: int = 0) -> tuple[list[Edit], list[int]]:
    """Edits with absolute spans (offset by ``a0``/``b0``), and each edit's token count."""
    edits: list[Edit] = []
    counts: list[int] = []
    a, b = a0, b0
    for op, code in diffs:
        text = vocab.decode(code)
        n = len(text)
        if op == _EQ:
            edits.append(Edit(Op.EQUAL, text, Span(a, a + n), Span(b, b + n)))
            a, b = a + n, b + n
        elif op == _DEL:
            edits.append(Edit(Op.DELETE, text, Span(a, a + n), Span(b, b)))
            a += n
        else:
            edits.append(Edit(Op.INSERT, text, Span(a, a), Span(b, b + n)))
            b += n
        counts.append(len(code))
    return edits, counts


# --------------------------------------------------------------------------
# moves
# --------------------------------------------------------------------------


@attrs.frozen
class _Candidate:
    span: Span
    text: str
    hunk: int
    """Which run of changes (between two equalities) the sentence is in."""
    rank: int
    """Its place among the candidates of its run."""
    pair: int = 0


_CONTENT_RE = re.compile(rf"{NUMBER_PATTERN}|[{_CJK}]|[^\W\d_{_CJK}]+")


_EDGE_PUNCT = _ENDS + _CLOSERS + '.,;:，、：“‘"(（《【 '


def _core(span: Span, text: str) -> Span:
    """A sentence's span without the punctuation at its ends."""
    piece = span.of(text)
    lead = len(piece) - len(piece.lstrip(_EDGE_PUNCT))
    core = piece.strip(_EDGE_PUNCT)
    return Span(span.start + lead, span.start + lead + len(core))


def _candidates(
    edits: Sequence[Edit], op: Op, text: str, spans: Sequence[Span], pair: int = 0
) -> list[_Candidate]:
    """Whole sentences lying inside the ``op`` edits, long enough to move."""
    starts = [s.start for s in spans]
    out: list[_Candidate] = []
    hunk = rank = 0
    for e in edits:
        if e.op is Op.EQUAL:
            hunk += 1
            rank = 0
            continue
        if e.op is not op:
            continue
        where = e.a if op is Op.DELETE else e.b
        k = max(bisect.bisect_right(starts, where.start) - 1, 0)
        while k < len(spans) and spans[k].start < where.end:
            s = _core(spans[k], text)
            if where.start <= s.start and s.end <= where.end:
                t = s.of(text)
                if len(_CONTENT_RE.findall(t)) >= MOVE_MIN_TOKENS:
                    out.append(_Candidate(s, t, hunk, rank, pair))
                    rank += 1
            k += 1
    return out


def _match_moves(
    dels: Sequence[_Candidate], ins: Sequence[_Candidate], *, same_pair: bool
) -> list[tuple[_Candidate, _Candidate, float]]:
    """Pairs of near-identical deleted and inserted sentences, each used once, best first."""
    t = MOVE_THRESHOLD
    by_len = sorted(ins, key=lambda c: (len(c.text), c.span.start, c.pair))
    lens = [len(c.text) for c in by_len]
    scored: list[tuple[float, int, int, int, int, _Candidate, _Candidate]] = []
    texts = [c.text for c in by_len]
    for d in dels:
        n = len(d.text)
        lo = bisect.bisect_left(lens, n * t / (2 - t))
        hi = bisect.bisect_right(lens, n * (2 - t) / t)
        if lo >= hi:
            continue
        hits = process.extract(
            d.text, texts[lo:hi], scorer=Indel.normalized_similarity, score_cutoff=t, limit=None
        )
        for _, sim, k in hits:
            i = by_len[lo + k]
            if same_pair and (i.hunk, i.rank) == (d.hunk, d.rank):
                continue  # replaced in place: an edit, not a move
            if not same_pair and i.pair == d.pair:
                continue
            scored.append((-sim, d.pair, d.span.start, i.pair, i.span.start, d, i))
    scored.sort(key=lambda x: x[:5])
    used_a: set[tuple[int, int]] = set()
    used_b: set[tuple[int, int]] = set()
    out = []
    for neg, _, _, _, _, d, i in scored:
        ka, kb = (d.pair, d.span.start), (i.pair, i.span.start)
        if ka in used_a or kb in used_b:
            continue
        used_a.add(ka)
        used_b.add(kb)
        out.append((d, i, -neg))
    return out


def _move(d: _Candidate, i: _Candidate, sim: float, segmenter: Segmenter | None) -> Move:
    vocab = _Vocab()
    ta = tokenize(d.text, Granularity.WORD, segmenter=segmenter)
    tb = tokenize(i.text, Granularity.WORD, segmenter=segmenter)
    diffs = _token_diffs(ta, tb, vocab, _Clock(None), cleanup=True, semantic=True)
    inner, _ = _edits(diffs, vocab, d.span.start, i.span.start)
    return Move(d.span, i.span, round(sim, 4), tuple(inner))


# --------------------------------------------------------------------------
# statistics
# --------------------------------------------------------------------------


def _changed_numbers(edits: Sequence[Edit]) -> tuple[NumberChange, ...]:
    """Numbers replaced, removed or added in each run of changes, paired in order."""
    out: list[NumberChange] = []
    k = 0
    while k < len(edits):
        if edits[k].op is Op.EQUAL:
            k += 1
            continue
        old_nums: list[tuple[str, Span]] = []
        new_nums: list[tuple[str, Span]] = []
        j = k
        while j < len(edits) and edits[j].op is not Op.EQUAL:
            e = edits[j]
            base, nums = (e.a.start, old_nums) if e.op is Op.DELETE else (e.b.start, new_nums)
            nums.extend(
                (m.group(), Span(base + m.start(), base + m.end()))
                for m in _NUMBER_RE.finditer(e.text)
            )
            j += 1
        k = j
        if not old_nums and not new_nums:
            continue
        a_end, b_end = edits[j - 1].a.end, edits[j - 1].b.end
        ea, eb = _encode_pair([n for n, _ in old_nums], [n for n, _ in new_nums])
        dels: list[tuple[str, Span]] = []
        adds: list[tuple[str, Span]] = []
        for op in [*Indel.opcodes(ea, eb), None]:
            if op is not None and op.tag != "equal":
                dels += old_nums[op.src_start : op.src_end]
                adds += new_nums[op.dest_start : op.dest_end]
                continue
            for (o, sa), (n, sb) in zip(dels, adds, strict=False):
                out.append(NumberChange(o, n, sa, sb))
            out.extend(NumberChange(o, "", sa, Span(b_end, b_end)) for o, sa in dels[len(adds) :])
            out.extend(NumberChange("", n, Span(a_end, a_end), sb) for n, sb in adds[len(dels) :])
            dels, adds = [], []
    return tuple(out)


def _stats(
    old: str,
    new: str,
    edits: Sequence[Edit],
    counts: Sequence[int],
    sent_a: Sequence[Span],
    sent_b: Sequence[Span],
) -> DiffStats:
    from reportdiff.similarity import similarity  # builds on this module's engine

    chars = collections.Counter[Op]()
    toks = collections.Counter[Op]()
    for e, n in zip(edits, counts, strict=True):
        chars[e.op] += len(e.text)
        toks[e.op] += n
    old_sents = collections.Counter(s.of(old).strip() for s in sent_a)
    new_sents = collections.Counter(s.of(new).strip() for s in sent_b)
    unchanged = sum((old_sents & new_sents).values())
    return DiffStats(
        chars_equal=chars[Op.EQUAL],
        chars_deleted=chars[Op.DELETE],
        chars_inserted=chars[Op.INSERT],
        tokens_equal=toks[Op.EQUAL],
        tokens_deleted=toks[Op.DELETE],
        tokens_inserted=toks[Op.INSERT],
        sentences_old=len(sent_a),
        sentences_new=len(sent_b),
        sentences_unchanged=unchanged,
        unchanged_share=round(unchanged / len(sent_b), 4) if sent_b else 1.0,
        similarity=similarity(old, new),
        changed_numbers=_changed_numbers(edits),
    )


# --------------------------------------------------------------------------
# public entry points
# --------------------------------------------------------------------------


def _side(x: str | DiffSide) -> DiffSide:
    return x if isinstance(x, DiffSide) else DiffSide(x)


def diff_texts(
    old: str | DiffSide,
    new: str | DiffSide,
    *,
    granularity: Granularity | str = Granularity.WORD,
    timeout: float | None = None,
    detect_moves: bool = True,
    cleanup: bool = True,
    segmenter: Segmenter | None = None,
) -> TextDiff:
    """The exact diff of two texts.

    Args:
        old: the earlier text (or a :class:`DiffSide` naming its file and year).
        new: the later text.
        granularity: ``word`` (default), ``char`` or ``sentence``; see :func:`tokenize`.
        timeout: seconds the diff may take; None (default) for no limit.  If the
            limit cuts the diff short, the result is coarser but still exact and
            its ``approximate`` is True.
        detect_moves: report sentences deleted in one place and inserted,
            near-identical, in another as moves.
        cleanup: merge trivial equalities for readability (diff-match-patch's
            semantic cleanup; sentence diffs only merge adjacent runs).
        segmenter: how Chinese runs are cut into words (``word`` granularity).

    Returns:
        A :class:`TextDiff`: edits that rebuild both texts, moves and statistics.

    >>> d = diff_texts("受理案件100件。", "受理案件120件。")
    >>> [(e.op.value, e.text) for e in d.edits]
    [('equal', '受理案件'), ('delete', '100件'), ('insert', '120件'), ('equal', '。')]
    >>> d.stats.changed_numbers[0].new
    '120件'
    """
    a_side, b_side = _side(old), _side(new)
    a, b = a_side.text, b_side.text
    g = Granularity(granularity)
    clock = _Clock(timeout)
    vocab = _Vocab()
    ta = tokenize(a, g, segmenter=segmenter)
    tb = tokenize(b, g, segmenter=segmenter)
    diffs = _token_diffs(ta, tb, vocab, clock, cleanup, semantic=g is not Granularity.SENTENCE)
    edits, counts = _edits(diffs, vocab)
    sent_a, sent_b = sentences(a), sentences(b)
    moves: list[Move] = []
    if detect_moves:
        dels = _candidates(edits, Op.DELETE, a, sent_a)
        ins = _candidates(edits, Op.INSERT, b, sent_b)
        found = _match_moves(dels, ins, same_pair=True)
        moves = sorted((_move(d, i, s, segmenter) for d, i, s in found), key=lambda m: m.a)
    return TextDiff(
        old=a_side,
        new=b_side,
        granularity=g,
        edits=tuple(edits),
        moves=tuple(moves),
        stats=_stats(a, b, edits, counts, sent_a, sent_b),
        approximate=clock.cut,
    )


def diff_reports(
    old: Report,
    new: Report,
    *,
    section: str | None = None,
    **options: object,
) -> TextDiff:
    """The diff of two parsed reports, whole or one section.

    Args:
        old: the earlier report.
        new: the later report.
        section: a section path (``三/（二）``) to compare instead of the whole text.
        **options: passed to :func:`diff_texts` (``granularity``, ``timeout``…).

    Returns:
        A :class:`TextDiff` whose sides carry the reports' paths and years.

    Raises:
        ParseError: when a report has no section at ``section``.

    >>> from reportdiff._compare import read_report
    >>> r = read_report("fixtures/xishan-rule-of-law/2022.txt")
    >>> diff_reports(r, r, section="一").identical
    True
    """
    sides = []
    for r in (old, new):
        text = r.text
        if section:
            s = r.root.find(section)
            if s is None:
                paths = ", ".join(x.path for x in r.sections() if x.level == 1)
                raise ParseError(
                    f"{r.path or 'report'}: no section {section!r}; "
                    f"its top-level sections are: {paths or 'none'} "
                    "(list them all with `reportdiff sections FILE`)"
                )
            text = s.text()
        sides.append(DiffSide(text, r.path, r.year, section or ""))
    return diff_texts(sides[0], sides[1], **options)  # type: ignore[arg-type]


def diff_sections(
    pairs: Sequence[tuple[str | DiffSide, str | DiffSide]],
    *,
    granularity: Granularity | str = Granularity.WORD,
    timeout: float | None = None,
    detect_moves: bool = True,
    segmenter: Segmenter | None = None,
) -> SectionsDiff:
    """Diff aligned section pairs, finding sentences that moved between pairs too.

    Args:
        pairs: ``(old, new)`` texts of aligned sections (use ``""`` for the
            missing side of an added or removed section).
        granularity: as for :func:`diff_texts`.
        timeout: seconds for all pairs together; None for no limit.
        detect_moves: find moves within and between pairs.
        segmenter: as for :func:`diff_texts`.

    Returns:
        A :class:`SectionsDiff`: one diff per pair and the moves between pairs.

    >>> sd = diff_sections([("甲乙丙丁戊己庚辛壬癸。", ""), ("", "甲乙丙丁戊己庚辛壬癸。")])
    >>> [(m.a_pair, m.b_pair, m.move.similarity) for m in sd.moves]
    [(0, 1, 1.0)]
    """
    start = time.monotonic()
    diffs = []
    for old, new in pairs:
        left = None if timeout is None else max(timeout - (time.monotonic() - start), 0.0)
        diffs.append(
            diff_texts(
                old,
                new,
                granularity=granularity,
                timeout=left,
                detect_moves=detect_moves,
                segmenter=segmenter,
            )
        )
    cross: list[SectionMove] = []
    if detect_moves:
        dels: list[_Candidate] = []
        ins: list[_Candidate] = []
        for k, d in enumerate(diffs):
            moved_a = {m.a for m in d.moves}
            moved_b = {m.b for m in d.moves}
            dels += [
                c
                for c in _candidates(d.edits, Op.DELETE, d.old.text, sentences(d.old.text), k)
                if c.span not in moved_a
            ]
            ins += [
                c
                for c in _candidates(d.edits, Op.INSERT, d.new.text, sentences(d.new.text), k)
                if c.span not in moved_b
            ]
        for dc, ic, s in _match_moves(dels, ins, same_pair=False):
            cross.append(SectionMove(dc.pair, ic.pair, _move(dc, ic, s, segmenter)))
        cross.sort(key=lambda m: (m.a_pair, m.move.a, m.b_pair))
    return SectionsDiff(tuple(diffs), tuple(cross))


def _encode_pair(a: Sequence[str], b: Sequence[str]) -> tuple[str, str]:
    v = _Vocab()
    return v.encode(a), v.encode(b)


def edit_distance(a: Sequence[str], b: Sequence[str]) -> int:
    """The Levenshtein distance between two token sequences.

    >>> edit_distance(["a", "b", "c"], ["a", "x", "c", "d"])
    2
    """
    ea, eb = _encode_pair(a, b)
    return int(Levenshtein.distance(ea, eb))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """The length of a longest common subsequence of two token sequences.

    >>> lcs_length(["a", "b", "c"], ["a", "x", "c", "d"])
    2
    """
    ea, eb = _encode_pair(a, b)
    return (len(ea) + len(eb) - int(Indel.distance(ea, eb))) // 2
