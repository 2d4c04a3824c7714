"""The exact LCS engine: tokens as characters, rapidfuzz's LCS, diff-match-patch's cleanup.

This is the one adapter over the diff engines.  Each distinct token becomes one
character (diff-match-patch's lines-to-chars encoding, :class:`Codebook`);
rapidfuzz's bit-parallel ``Indel.opcodes`` finds an exact LCS over the token
strings; diff-match-patch's semantic cleanup makes the result readable.  Their
``(op, text)`` tuples never leave the private functions here and
:mod:`reportdiff._diff`, which turns them into :class:`~reportdiff.model.Edit` records.

Time limits are kept on one clock, :func:`time.monotonic`: diff-match-patch is
never given a wall-clock deadline (its own ``time.time()`` checks are off), and
every place that cuts a diff short marks it approximate (:attr:`Clock.cut`).
"""

from __future__ import annotations

import bisect
import collections
import re
import sys
import time
from collections.abc import Sequence
from typing import cast

import diff_match_patch as _dmp
from rapidfuzz.distance import Indel, Levenshtein

from reportdiff._tokens import ENDS
from reportdiff.errors import ParseError

__all__ = [
    "CELL_BUDGET",
    "Clock",
    "Codebook",
    "Diffs",
    "TokenDMP",
    "anchored_distances",
    "chunked_distances",
    "edit_distance",
    "encode_by_frequency",
    "lcs_length",
    "token_diffs",
]

CELL_BUDGET = 400_000_000
"""Default largest ``len(a) * len(b)`` (in tokens) given to one exact LCS call:
its bit matrix takes ``CELL_BUDGET / 8`` bytes (50 MB)."""

EQ, DEL, INS = 0, -1, 1
Diffs = list[tuple[int, str]]
"""diff-match-patch's ``(op, text)`` tuples over token characters."""


class Codebook:
    """Maps each distinct token to one character (skipping the surrogates).

    >>> c = Codebook()
    >>> code = c.encode(["改革", "开放", "改革"])
    >>> len(code), c.decode(code)
    (3, '改革开放改革')
    """

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.tokens: list[str] = []
        self._of_code: dict[str, str] = {}  # the inverse of ``codes``: decoding maps in C
        self._width: dict[str, int] = {}  # each code's token length

    def encode(self, tokens: Sequence[str]) -> str:
        """One character per token; new tokens get the next free character.

        Raises:
            ParseError: past a million distinct tokens (the characters run out).
        """
        codes = self.codes
        for t in dict.fromkeys(tokens):  # the new ones in order of first use, then one map in C
            if t not in codes:
                k = len(self.tokens)
                k += 0x800 if k >= 0xD800 else 0
                if k > 0x10FFFF:
                    raise ParseError(
                        "the texts have more than a million distinct tokens; "
                        "diff them in sections or at a coarser granularity"
                    )
                c = codes[t] = chr(k)
                self.tokens.append(t)
                self._of_code[c] = t
                self._width[c] = len(t)
        return "".join(map(codes.__getitem__, tokens))

    def decode(self, code: str) -> str:
        """The text of a token string."""
        return "".join(map(self._of_code.__getitem__, code))

    def width(self, code: str) -> int:
        """The length of the text of a token string, ``len(decode(code))``."""
        return sum(map(self._width.__getitem__, code))

    def token(self, c: str) -> str:
        """The token of one character."""
        return self._of_code[c]


class Clock:
    """The time limit of one diff on the monotonic clock, and whether it cut the diff short.

    >>> Clock(None).expired(), Clock(0.0).expired()
    (False, True)
    """

    def __init__(self, timeout: float | None) -> None:
        self.deadline = None if timeout is None else time.monotonic() + max(timeout, 0.0)
        self.cut = False

    def expired(self) -> bool:
        """Whether the limit has passed (never, without one)."""
        return self.deadline is not None and time.monotonic() >= self.deadline


_NUMBER_RUN = re.compile(r"[0-9０-９][0-9０-９.,，．]*")
"""Digits and the separators inside a figure: what differs between two printings of one quantity."""


class TokenDMP(_dmp.diff_match_patch):  # type: ignore[misc]
    """diff-match-patch over token characters, its boundary scores read from the tokens."""

    def __init__(self, codebook: Codebook, clock: Clock | None = None) -> None:
        super().__init__()
        self.Diff_Timeout = 0.0  # its wall-clock deadline is never used: see diff_bisect
        self.codebook = codebook
        self.clock = clock or Clock(None)
        self._weights: dict[str, int] = {}
        self._kept: dict[str, bool] = {}

    def diff_bisect(self, text1: str, text2: str, deadline: float) -> Diffs:
        """diff-match-patch's bisection, its time limit read from :attr:`clock`.

        The limit is checked before each bisection step; a step cut short keeps
        its texts as one deletion and one insertion and marks the clock.
        """
        if self.clock.expired():
            self.clock.cut = True
            return [(DEL, text1), (INS, text2)]
        diffs: Diffs = super().diff_bisect(text1, text2, sys.maxsize)
        return diffs

    def _score(self, one: str, two: str) -> int:
        # After diff_cleanupSemanticScore in diff-match-patch, plus Chinese sentence ends.
        if not one or not two:
            return 6
        left = self.codebook.token(one[-1])
        right = self.codebook.token(two[0])
        c1, c2 = left[-1:], right[:1]
        nonalnum1, nonalnum2 = not c1.isalnum(), not c2.isalnum()
        ws1 = nonalnum1 and c1.isspace()
        ws2 = nonalnum2 and c2.isspace()
        if left.endswith("\n\n") or right.startswith("\n\n"):
            return 5
        if "\n" in left[-1:] or "\n" in right[:1]:
            return 4
        if c1 in ENDS or (nonalnum1 and not ws1 and ws2):
            return 3
        if ws1 or ws2:
            return 2
        if nonalnum1 or nonalnum2:
            return 1
        return 0

    def _weight(self, code: str) -> int:
        w = self._weights.get(code)
        if w is None:
            w = self._weights[code] = self.codebook.width(code)
        return w

    def _keeps(self, code: str) -> bool:
        """Whether an equality holds a sentence end or line break (never eliminated)."""
        keep = self._kept.get(code)
        if keep is None:
            text = self.codebook.decode(code)
            keep = self._kept[code] = (
                "\n" in text or any(c in text for c in ENDS) or ". " in text or text.endswith(".")
            )
        return keep

    def _beside_numbers(self, diffs: Diffs) -> list[bool]:
        """For each equality of ``diffs``, whether it is words beside a run of edits that puts a number
        in place of a number: such an equality is never merged, so each changed figure stays a change
        of its own (``a record [-330,745-]{+340,499+}, up [-42,283-]{+9,754+}``, ``[-$12,300 million-]{+$12,900
        million+} on schools{+ and hospitals+}``).
        Spaces and brackets between the cells of a table row are no such words: the row reads best
        replaced whole."""
        runs: list[Diffs] = [[]]
        equalities: list[str] = []
        for op, code in diffs:
            if op == EQ:
                equalities.append(code)
                runs.append([])
            else:
                runs[-1].append((op, code))
        numeric = [self._changes_a_number(r) for r in runs]
        return [(numeric[k] or numeric[k + 1]) and any(ch.isalpha() for ch in self.codebook.decode(eq))
                for k, eq in enumerate(equalities)]

    def _changes_a_number(self, group: Diffs) -> bool:
        """Whether a run of edits only puts one figure in place of another: both sides hold a digit
        and are the same once digits and their separators are set aside (``$1.2 million`` /
        ``$1.1 million``, ``6.5%`` / ``2.3%``; not ``增产100万吨`` / ``造林3000万亩``)."""
        old = "".join(self.codebook.decode(code) for op, code in group if op != INS)
        new = "".join(self.codebook.decode(code) for op, code in group if op == INS)
        if not (any(ch.isdigit() for ch in old) and any(ch.isdigit() for ch in new)):
            return False
        return _NUMBER_RUN.sub("", old) == _NUMBER_RUN.sub("", new)

    def diff_cleanupMerge(self, diffs: Diffs) -> None:
        """diff-match-patch's ``diff_cleanupMerge``, its first pass in linear time.

        The same result as diff-match-patch's: edits between two equalities
        merged (deletion first) with their common prefix and suffix moved into
        the equalities, adjacent equalities merged, then single edits shifted
        over an equality they repeat.  diff-match-patch splices the list in
        place at each run of edits (a copy of the list's tail each time); here
        the first pass builds a new list.
        """
        out: Diffs = []
        run: Diffs = []
        text_delete = text_insert = ""
        n_delete = n_insert = 0
        for op, text in [*diffs, (EQ, "")]:  # a dummy equality ends the last run
            if op == INS:
                run.append((op, text))
                n_insert += 1
                text_insert += text
                continue
            if op == DEL:
                run.append((op, text))
                n_delete += 1
                text_delete += text
                continue
            if n_delete + n_insert > 1:
                if n_delete and n_insert:
                    common = self.diff_commonPrefix(text_insert, text_delete)
                    if common:
                        if out:  # the element before a run of edits is an equality
                            out[-1] = (EQ, out[-1][1] + text_insert[:common])
                        else:
                            out.append((EQ, text_insert[:common]))
                        text_insert, text_delete = text_insert[common:], text_delete[common:]
                    common = self.diff_commonSuffix(text_insert, text_delete)
                    if common:
                        text = text_insert[-common:] + text
                        text_insert, text_delete = text_insert[:-common], text_delete[:-common]
                if text_delete:
                    out.append((DEL, text_delete))
                if text_insert:
                    out.append((INS, text_insert))
                out.append((EQ, text))
            elif not run and out and out[-1][0] == EQ:
                out[-1] = (EQ, out[-1][1] + text)
            else:
                out += run
                out.append((EQ, text))
            run = []
            text_delete = text_insert = ""
            n_delete = n_insert = 0
        if out[-1][1] == "":
            out.pop()  # the dummy, unless something was merged into it
        diffs[:] = out
        if self._shift_single_edits(diffs):
            self.diff_cleanupMerge(diffs)

    def _shift_single_edits(self, diffs: Diffs) -> bool:
        """The second pass of diff-match-patch's ``diff_cleanupMerge``, as it is there:
        ``A<ins>BA</ins>C`` becomes ``<ins>AB</ins>AC``.  Whether anything moved."""
        changes = False
        pointer = 1
        while pointer < len(diffs) - 1:
            if diffs[pointer - 1][0] == EQ and diffs[pointer + 1][0] == EQ:
                before, edit, after = diffs[pointer - 1][1], diffs[pointer][1], diffs[pointer + 1][1]
                if edit.endswith(before):  # shift the edit over the previous equality
                    if before != "":
                        diffs[pointer] = (diffs[pointer][0], before + edit[: -len(before)])
                        diffs[pointer + 1] = (EQ, before + after)
                    del diffs[pointer - 1]
                    changes = True
                elif edit.startswith(after):  # shift the edit over the next equality
                    diffs[pointer - 1] = (EQ, before + after)
                    diffs[pointer] = (diffs[pointer][0], edit[len(after) :] + after)
                    del diffs[pointer + 1]
                    changes = True
            pointer += 1
        return changes

    def diff_cleanupSemantic(self, diffs: Diffs) -> None:
        """diff-match-patch's semantic cleanup in one pass, weighing runs by characters.

        An equality no longer than the edits on both sides of it is merged into
        them, as in diff-match-patch, unless it holds a sentence end or a line
        break (a reader keeps the sentence structure of a rewritten passage) or
        it is words beside an edit that puts a number in place of a number
        (each changed figure stays a change of its own: see
        :meth:`_beside_numbers`).
        diff-match-patch rescans from the previous equality after each merge;
        here the runs sit on a stack and a merge only re-checks the equality
        before it, which gives the same result in linear time.
        """
        # stack: groups of edits, alternating with equalities: g0, e1, g1, e2, g2...
        groups: list[Diffs] = [[]]
        weights: list[list[int]] = [[0, 0]]  # [inserted, deleted] characters per group
        equalities: list[str] = []
        changes = False
        known, weight = self._weights, self._weight  # the memo read inline: ~100K look-ups a report
        kept, keeps = self._kept, self._keeps
        guarded = iter(self._beside_numbers(diffs))
        guards: list[bool] = []  # beside each equality of the stack, an edit of a number for a number
        for op, code in diffs:
            if op == EQ:
                equalities.append(code)
                guards.append(next(guarded))
                groups.append([])
                weights.append([0, 0])
                continue
            groups[-1].append((op, code))
            w = known.get(code)
            weights[-1][0 if op == INS else 1] += weight(code) if w is None else w
            while equalities:
                last = equalities[-1]
                w = known.get(last)
                if w is None:
                    w = weight(last)
                before, after = weights[-2], weights[-1]
                # merged when no longer than the edits on both sides (max of two, written out)
                if not (last and (w <= before[0] or w <= before[1]) and (w <= after[0] or w <= after[1])):
                    break
                keep = kept.get(last)
                if keep is None:
                    keep = keeps(last)
                if keep or guards[-1]:
                    break
                equalities.pop()
                guards.pop()
                tail, tail_w = groups.pop(), weights.pop()
                groups[-1] += [(DEL, last), (INS, last), *tail]
                weights[-1] = [before[0] + tail_w[0] + w, before[1] + tail_w[1] + w]
                changes = True
        out: Diffs = list(groups[0])
        for eq, group in zip(equalities, groups[1:], strict=True):
            out.append((EQ, eq))
            out += group
        diffs[:] = out
        if changes:
            self.diff_cleanupMerge(diffs)
        self.diff_cleanupSemanticLossless(diffs)
        self._split_overlaps(diffs)

    def _split_overlaps(self, diffs: Diffs) -> None:
        """Overlaps between a deletion and the insertion after it, as in diff-match-patch."""
        out: Diffs = []
        k = 0
        while k < len(diffs):
            if k + 1 < len(diffs) and diffs[k][0] == DEL and diffs[k + 1][0] == INS:
                deletion, insertion = diffs[k][1], diffs[k + 1][1]
                o1 = self.diff_commonOverlap(deletion, insertion)
                o2 = self.diff_commonOverlap(insertion, deletion)
                if o1 >= o2 and (o1 >= len(deletion) / 2 or o1 >= len(insertion) / 2):
                    out += [(DEL, deletion[: len(deletion) - o1]), (EQ, insertion[:o1]),
                            (INS, insertion[o1:])]
                elif o2 > o1 and (o2 >= len(deletion) / 2 or o2 >= len(insertion) / 2):
                    out += [(INS, insertion[: len(insertion) - o2]), (EQ, deletion[:o2]),
                            (DEL, deletion[o2:])]
                else:
                    out += diffs[k : k + 2]
                k += 2
                continue
            out.append(diffs[k])
            k += 1
        diffs[:] = out

    def diff_cleanupSemanticLossless(self, diffs: Diffs) -> None:
        """Slide single edits between equalities to the best token boundary."""
        pointer = 1
        while pointer < len(diffs) - 1:
            if diffs[pointer - 1][0] == EQ and diffs[pointer + 1][0] == EQ:
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
                        diffs[pointer - 1] = (EQ, best[0])
                    else:
                        del diffs[pointer - 1]
                        pointer -= 1
                    diffs[pointer] = (diffs[pointer][0], best[1])
                    if best[2]:
                        diffs[pointer + 1] = (EQ, best[2])
                    else:
                        del diffs[pointer + 1]
                        pointer -= 1
            pointer += 1


def _indel(ea: str, eb: str) -> Diffs:
    """rapidfuzz's exact LCS opcodes as diff-match-patch tuples."""
    out: Diffs = []
    ops = cast(list[tuple[str, int, int, int, int]], Indel.opcodes(ea, eb).as_list())
    for tag, i1, i2, j1, j2 in ops:  # plain tuples: no Opcode objects made
        if tag == "equal":
            out.append((EQ, ea[i1:i2]))
        else:
            if i2 > i1:
                out.append((DEL, ea[i1:i2]))
            if j2 > j1:
                out.append((INS, eb[j1:j2]))
    return out


def _lcs(ea: str, eb: str, dmp: TokenDMP, cell_budget: int) -> Diffs:
    """An exact LCS of two token strings, or diff-match-patch's when too large."""
    if not ea or not eb:
        return [(op, s) for op, s in ((DEL, ea), (INS, eb)) if s]
    if len(ea) * len(eb) <= cell_budget:
        return _indel(ea, eb)
    diffs: Diffs = dmp.diff_main(ea, eb, False)  # its own deadline is off; diff_bisect checks ours
    return diffs


def _chunk_ends(tokens: Sequence[str]) -> list[int]:
    """Token indices where a sentence-like chunk ends (exclusive), the last one included."""
    ends: list[int] = []
    prev = ""
    for i, t in enumerate(tokens):
        if ("\n" in t and t.isspace()) or t[-1] in ENDS or (t.isspace() and prev.endswith(".")):
            ends.append(i + 1)
        prev = t
    if not ends or ends[-1] != len(tokens):
        ends.append(len(tokens))
    return ends


def _anchored(
    ta: Sequence[str], tb: Sequence[str], ea: str, eb: str, dmp: TokenDMP, cell_budget: int
) -> Diffs:
    """Align sentence chunks first, then diff each gap between unchanged ones."""
    ends_a, ends_b = _chunk_ends(ta), _chunk_ends(tb)
    chunks = Codebook()
    ca = chunks.encode([ea[s:e] for s, e in zip([0, *ends_a], ends_a, strict=False)])
    cb = chunks.encode([eb[s:e] for s, e in zip([0, *ends_b], ends_b, strict=False)])
    starts_a, starts_b = [0, *ends_a], [0, *ends_b]
    out: Diffs = []
    gap_a = gap_b = None  # chunk ranges of the pending gap
    ia = ib = 0

    def flush(a_to: int, b_to: int) -> None:
        nonlocal gap_a, gap_b
        if gap_a is None or gap_b is None:
            return
        sa, sb = starts_a[gap_a], starts_b[gap_b]
        out.extend(_lcs(ea[sa : starts_a[a_to]], eb[sb : starts_b[b_to]], dmp, cell_budget))
        gap_a = gap_b = None

    for op, piece in _lcs(ca, cb, dmp, cell_budget):
        n = len(piece)
        if op == EQ:
            flush(ia, ib)
            out.append((EQ, ea[starts_a[ia] : starts_a[ia + n]]))
            ia += n
            ib += n
            continue
        if gap_a is None:
            gap_a, gap_b = ia, ib
        if op == DEL:
            ia += n
        else:
            ib += n
    flush(ia, ib)
    return out


def token_diffs(
    ta: Sequence[str],
    tb: Sequence[str],
    codebook: Codebook,
    clock: Clock,
    *,
    cleanup: bool,
    semantic: bool,
    cell_budget: int = CELL_BUDGET,
) -> Diffs:
    """The diff of two token sequences as ``(op, token characters)`` tuples.

    Args:
        ta: the old tokens.
        tb: the new tokens.
        codebook: encodes the tokens (and decodes the result).
        clock: the time limit; marked when it cuts the diff short.
        cleanup: merge runs for reading.
        semantic: with ``cleanup``, also run the semantic cleanup.
        cell_budget: largest ``len(a) * len(b)`` given to one exact LCS; larger
            inputs are anchored on unchanged sentences first.

    Returns:
        Deletions before insertions in each run of changes, no empty pieces.

    >>> c = Codebook()
    >>> [(op, c.decode(s)) for op, s in token_diffs(["a", "b"], ["a", "c"], c, Clock(None), cleanup=True, semantic=True)]
    [(0, 'a'), (-1, 'b'), (1, 'c')]
    """
    ea, eb = codebook.encode(ta), codebook.encode(tb)
    dmp = TokenDMP(codebook, clock)
    if len(ea) * len(eb) <= cell_budget:
        diffs = _lcs(ea, eb, dmp, cell_budget)
    else:
        diffs = _anchored(ta, tb, ea, eb, dmp, cell_budget)
    diffs = [d for d in diffs if d[1]]
    dmp.diff_cleanupMerge(diffs)  # deletions before insertions, runs merged
    if cleanup and semantic:
        dmp.diff_cleanupSemantic(diffs)
    return [d for d in diffs if d[1]]


# --------------------------------------------------------------------------
# distances over token strings, linear for long inputs
# --------------------------------------------------------------------------


def encode_by_frequency(
    a: Sequence[str], b: Sequence[str], counts: collections.Counter[str]
) -> tuple[str, str]:
    """Two token sequences as token strings, the most frequent token (in ``counts``,
    which counts both) as the first code.

    Equal tokens get equal codes, as with a :class:`Codebook`, so LCS and edit
    distances are the same; rapidfuzz looks the first 256 codes up in a table
    and the others in a hash map, so frequent tokens first is faster.

    Raises:
        ParseError: past a million distinct tokens (the characters run out).

    >>> import collections
    >>> encode_by_frequency(["a", "b", "b"], ["c", "b"], collections.Counter("abbcb"))
    ('\\x01\\x00\\x00', '\\x02\\x00')
    """
    ranked = sorted(counts, key=counts.__getitem__, reverse=True)
    if len(ranked) > 0x10FFFF - 0x800 + 1:
        raise ParseError(
            "the texts have more than a million distinct tokens; "
            "diff them in sections or at a coarser granularity"
        )
    codes = {t: chr(k + 0x800 if k >= 0xD800 else k) for k, t in enumerate(ranked)}
    get = codes.__getitem__
    return "".join(map(get, a)), "".join(map(get, b))


def _encode_pair(a: Sequence[str], b: Sequence[str]) -> tuple[str, str]:
    c = Codebook()
    return c.encode(a), c.encode(b)


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


def _exact(ea: str, eb: str) -> tuple[int, int]:
    lcs = (len(ea) + len(eb) - int(Indel.distance(ea, eb))) // 2
    return lcs, int(Levenshtein.distance(ea, eb))


def _anchors(ea: str, eb: str, k: int) -> list[tuple[int, int, int]]:
    """Runs ``(i, j, n)`` with ``ea[i:i+n] == eb[j:j+n]``, increasing in both texts.

    Each run grows from a ``k``-gram found exactly once in each text (a rare
    sequence); the runs kept are a longest chain increasing in both texts
    (patience sorting, ``O(n log n)``).
    """
    def unique(s: str) -> dict[str, int]:
        seen: dict[str, int] = {}
        dup: set[str] = set()
        for i in range(len(s) - k + 1):
            g = s[i : i + k]
            if g in seen:
                dup.add(g)
            else:
                seen[g] = i
        for g in dup:
            del seen[g]
        return seen

    ua, ub = unique(ea), unique(eb)
    pairs = sorted((i, ub[g]) for g, i in ua.items() if g in ub)
    # longest chain increasing in j (pairs are sorted by i, i distinct)
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        p = bisect.bisect_left(tails, j)
        if p == len(tails):
            tails.append(j)
            tail_idx.append(n)
        else:
            tails[p] = j
            tail_idx[p] = n
        prev[n] = tail_idx[p - 1] if p else -1
    chain: list[tuple[int, int]] = []
    n = tail_idx[-1] if tail_idx else -1
    while n >= 0:
        chain.append(pairs[n])
        n = prev[n]
    chain.reverse()
    runs: list[tuple[int, int, int]] = []
    end_a = end_b = 0
    for i, j in chain:
        if i < end_a or j < end_b:
            continue  # overlaps the run before it
        n = 0
        while i + n < len(ea) and j + n < len(eb) and ea[i + n] == eb[j + n]:
            n += 1
        runs.append((i, j, n))
        end_a, end_b = i + n, j + n
    return runs


def anchored_distances(ea: str, eb: str, *, cell_budget: int = CELL_BUDGET) -> tuple[int, int]:
    """The LCS length and Levenshtein distance of two token strings.

    Exact when ``len(ea) * len(eb)`` is within ``cell_budget`` (after the
    common prefix and suffix are set aside).  Longer strings are cut at runs
    they share that grow from rare sequences (:func:`_anchors`) and the gaps
    between runs are measured exactly, so the time grows with the text, not
    its square: the LCS is then a lower bound and the distance an upper bound,
    equal to the exact ones when the runs lie on an optimal alignment (as they
    do for revised reports).

    >>> anchored_distances("abcd", "axcd")
    (3, 1)
    """
    lo = 0
    while lo < len(ea) and lo < len(eb) and ea[lo] == eb[lo]:
        lo += 1
    hi = 0
    while hi < len(ea) - lo and hi < len(eb) - lo and ea[-1 - hi] == eb[-1 - hi]:
        hi += 1
    a, b = ea[lo : len(ea) - hi], eb[lo : len(eb) - hi]
    lcs, dist = _split_distances(a, b, cell_budget, 16, top=True)
    return lcs + lo + hi, dist


GAP_CELLS = 4_000_000
"""Inside a text past the budget, gaps between shared runs larger than this
(in cells) are cut at shorter rare sequences before they are measured exactly."""


def _split_distances(a: str, b: str, cell_budget: int, k: int, top: bool = False) -> tuple[int, int]:
    if not a or not b:
        return 0, max(len(a), len(b))
    cells = len(a) * len(b)
    if k < 2 or (cells <= cell_budget and (top or cells <= GAP_CELLS)):
        return _exact(a, b)
    runs = _anchors(a, b, k)
    if not runs:
        return _split_distances(a, b, cell_budget, k // 2)
    lcs = dist = 0
    pa = pb = 0
    for i, j, n in [*runs, (len(a), len(b), 0)]:
        g_lcs, g_dist = _split_distances(a[pa:i], b[pb:j], cell_budget, k)
        lcs += g_lcs + n
        dist += g_dist
        pa, pb = i + n, j + n
    return lcs, min(dist, max(len(a), len(b)))  # never above the trivial bound


def chunked_distances(
    ea: str, eb: str, ends_a: Sequence[int], ends_b: Sequence[int], *, cell_budget: int = CELL_BUDGET
) -> tuple[int, int]:
    """The LCS length and Levenshtein distance of two token strings cut into sentences.

    Exact when ``len(ea) * len(eb)`` is within ``cell_budget``.  Longer
    strings are first aligned sentence by sentence (an exact LCS over one
    character per distinct sentence, which repeats do not confuse), and only
    the gaps between unchanged sentences are measured (:func:`anchored_distances`'s
    way): time linear in the text for revised reports.  The LCS is then a lower
    bound and the distance an upper bound.

    Args:
        ea: the first token string.
        eb: the second.
        ends_a: where each sentence of ``ea`` ends (increasing, the last ``len(ea)``).
        ends_b: the same for ``eb``.
        cell_budget: the largest exact LCS, in cells.

    >>> chunked_distances("abcxy", "abcz", [3, 5], [3, 4], cell_budget=1)
    (3, 2)
    """
    if len(ea) * len(eb) <= cell_budget:
        return _exact(ea, eb)
    chunks = Codebook()
    starts_a, starts_b = [0, *ends_a[:-1]], [0, *ends_b[:-1]]
    ca = chunks.encode([ea[s:e] for s, e in zip(starts_a, ends_a, strict=True)])
    cb = chunks.encode([eb[s:e] for s, e in zip(starts_b, ends_b, strict=True)])
    if len(ca) * len(cb) > cell_budget:
        return anchored_distances(ea, eb, cell_budget=cell_budget)
    bounds_a, bounds_b = [*starts_a, len(ea)], [*starts_b, len(eb)]
    lcs = dist = 0
    gap: tuple[int, int] | None = None  # where the pending run of changed sentences starts
    for op in [*Indel.opcodes(ca, cb), None]:
        if op is not None and op.tag != "equal":
            gap = gap or (bounds_a[op.src_start], bounds_b[op.dest_start])
            continue
        if gap is not None:  # the changed sentences between two unchanged ones, measured together
            a1 = bounds_a[op.src_start] if op else len(ea)
            b1 = bounds_b[op.dest_start] if op else len(eb)
            g_lcs, g_dist = _split_distances(ea[gap[0] : a1], eb[gap[1] : b1], cell_budget, 16)
            lcs += g_lcs
            dist += g_dist
            gap = None
        if op is not None:
            lcs += bounds_a[op.src_end] - bounds_a[op.src_start]
    return lcs, min(dist, max(len(ea), len(eb)))
