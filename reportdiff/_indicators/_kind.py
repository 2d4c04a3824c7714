"""Target or actual: whether a number sets a goal or reports a result.

The cues come from :mod:`reportdiff._vocab` (``TARGET_CUES``, ``EN_TARGET_CUES``).  A cue
counts when it sits in the number's sentence, in the first sentence of its paragraph when
that sentence announces targets (预期目标是…), or in a lead-in line ending in a colon.
"""

from __future__ import annotations

import re

from reportdiff._indicators._qualify import Hit
from reportdiff._indicators._view import EN_SENTENCE_END_RE, SENTENCE_DELIMS, STOP_DELIMS, Marks
from reportdiff._vocab import (
    CN_FUTURE_MODAL,
    CN_MODAL_NOT_AFTER,
    CN_MODAL_NOT_BEFORE,
    CN_TARGET_NOUNS,
    EN_PLAN_HEADING_WORDS,
    EN_TARGET_CUES,
    PLAN_HEADING_WORDS,
    TARGET_CUES,
)
from reportdiff.model import Kind

_TARGET_RE = re.compile("|".join(map(re.escape, TARGET_CUES)))
_MODAL_RE = re.compile(
    f"(?<![{re.escape(CN_MODAL_NOT_AFTER)}]){re.escape(CN_FUTURE_MODAL)}(?![{re.escape(CN_MODAL_NOT_BEFORE)}])")
"""The future modal (会) counts in the number's own clause only: it also says what would or can happen
(虽然其他车辆也会造成污染，…约占三成)."""
_TARGET_NOUN_RE = re.compile(r"[^，,；;。：:！!？?\n]{0,12}?(?:" + "|".join(map(re.escape, CN_TARGET_NOUNS)) + ")")
"""A goal noun in the phrase right after the amount (``8万个单位的长远建屋目标``)."""
_EN_TARGET_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, EN_TARGET_CUES)) + r")\b", re.IGNORECASE)
BACKREF_RE = re.compile(r"(?:从|由)(?:去年|上年|上一年)(?:的)?[^比]*$|(?<!比)(?:去年|上年)的$")
"""A back-reference inside a plan (赤字率从去年的2.1%): the number is last year's."""
_DISCOURSE_RE = re.compile(r"^(?:指标|目标|方面)")
# a target reported as reached (全面实现年初确定的主要目标，…) is not a new one
_REACHED_RE = re.compile(r"(?:实现|完成|达到|超过|超额完成)[^，。；;,：:\n]{0,12}目标")
# words that place a sentence in the past: it does not continue a plan
_MET_RE = re.compile(r"实现|完成|达到|超过|达成")
_PAST_RE = re.compile(r"去年|上年|过去|以来|已|了|实现|完成|累计|超过|达到")
_PLAN_RE = re.compile(r"预期目标|主要目标|目标是|目标为|拟|力争|争取|今年|我们将|将要")
_STRONG_TARGET_RE = re.compile(r"预期目标是|目标是|目标为|预期目标：|预期目标:")
CONTEXT_CHARS = 400
"""How far back in its sentence a number's target cue is looked for (keeps a long line linear)."""


def paragraph_context(marks: Marks, pos: int) -> str:
    """The text that decides whether the number at ``pos`` is a target.

    The sentence up to the number; a sentence opening with 其中 (a breakdown)
    also gets the sentence before; a paragraph whose first sentence announces
    targets (预期目标是…) gives its start up to the number (at most the
    stretch from its first sentence on); a paragraph after a lead-in line
    ending in a colon also gets that line.
    """
    view = marks.text
    s = max(marks.start_of(SENTENCE_DELIMS, pos), pos - CONTEXT_CHARS)
    ctx = view[s:pos]
    if ctx.startswith("其中") and s > 0 and view[s - 1] != "\n":
        ps = max(marks.start_of(SENTENCE_DELIMS, s - 1), s - CONTEXT_CHARS)
        ctx = view[ps:pos]
    para = marks.start_of("\n", pos)
    first_end = marks.first_from(SENTENCE_DELIMS, para)
    first_end = len(view) if first_end < 0 else first_end
    if first_end < pos and _STRONG_TARGET_RE.search(view[para:min(first_end, para + CONTEXT_CHARS)]):
        ctx = view[para:min(first_end, para + CONTEXT_CHARS)] + "。" + ctx
    lead = _lead_in(marks, para)
    return view[max(lead[0], lead[1] - CONTEXT_CHARS):lead[1]] + ctx if lead else ctx


_BULLETS = ("——", "—", "•", "·", "●", "○", "■", "◆", "-", "*")
_MAX_ITEMS = 30


def _lead_in(marks: Marks, para: int) -> tuple[int, int] | None:
    """The lead-in line ending in a colon that a paragraph continues, as (start, end), or None.

    The line just before, or, for an item of a bulleted list (——, •, -…), the line before
    the run of items with the same bullet: ``主要预期目标是：\n——…；\n——…`` gives every
    item the lead-in (at most ``_MAX_ITEMS`` items back).
    """
    view = marks.text
    bullet = next((b for b in _BULLETS if view.startswith(b, para)), "")
    start = para
    for _ in range(_MAX_ITEMS if bullet else 1):
        if start <= 0:
            return None
        k = start - 1
        while k > 0 and view[k - 1] == "\n":
            k -= 1
        if k <= 0:
            return None
        ls = marks.start_of("\n", k - 1)
        if view[k - 1] in "：:":
            return ls, k
        if not bullet or not view.startswith(bullet, ls):
            return None
        start = ls
    return None


_PLAN_HEADING_RE = re.compile("|".join(map(re.escape, PLAN_HEADING_WORDS)))
_EN_PLAN_HEADING_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, EN_PLAN_HEADING_WORDS)) + r")\b", re.IGNORECASE)
_WILL_DO_RE = re.compile(r"(?:要|将|力争|确保|争取|努力|全面)(?:完成|实现|达到|超过)")
_NOW_RE = re.compile(r"目前|现在|现有|现行|只有|仍|尚|截至")
"""Words that state where things stand (现行16%的税率, 目前仍有…): a fact, even in a plan."""
_EN_PAST_RE = re.compile(
    r"\b(?:was|were|had|has|have|did|last|ago|previous|past|since|so far|rose|fell|grew|recorded|reached|"
    r"achieved|completed|increased|decreased|declined|dropped)\b", re.IGNORECASE)
"""Words that place an English sentence in the past: inside a plan section, its figure is a result."""


def is_plan_heading(heading: str, english: bool) -> bool:
    """Whether a section heading announces a plan: it holds a plan word (目标, 任务; Priorities,
    Targets).  Naming the report's year is no sign: ``三、2011年的工作`` opens with the review of 2010.

    >>> is_plan_heading("二、2021年主要目标", False), is_plan_heading("一、2020年工作回顾", False)
    (True, False)
    >>> is_plan_heading("2003-04 Outturn", True), is_plan_heading("Priorities for the Year Ahead", True)
    (False, True)
    """
    return bool((_EN_PLAN_HEADING_RE if english else _PLAN_HEADING_RE).search(heading))


def plan_kind(view: str, sentence_start: int, start: int, end: int, pre: str, english: bool) -> Kind:
    """The kind of a figure with no cue of its own under a plan heading: a goal, unless its
    sentence reports the past (去年, 已, 完成…; "was", "last year") or where things stand (目前, 现行)
    or it refers back (从去年的2.1%)."""
    sentence = view[max(sentence_start, start - CONTEXT_CHARS):end]
    if english:
        sentence = EN_SENTENCE_END_RE.split(sentence)[-1]
        return Kind.ACTUAL if _EN_PAST_RE.search(sentence) else Kind.TARGET
    sentence = _WILL_DO_RE.sub("", sentence)  # 要完成, 将实现: a plan's verbs, not the past
    if BACKREF_RE.search(pre) or _PAST_RE.search(sentence) or _NOW_RE.search(sentence) \
            or _DISCOURSE_RE.match(view[end:end + 2]):
        return Kind.ACTUAL
    return Kind.TARGET


def kind_of(marks: Marks, hit: Hit, pre: str, english: bool) -> Kind:
    """Target or actual for one hit; ``pre`` is its clause up to the number."""
    view = marks.text
    ctx = paragraph_context(marks, hit.start)
    if english:
        ctx = EN_SENTENCE_END_RE.split(ctx)[-1]  # an English sentence ends at ". ", not only at a line end
        return Kind.TARGET if _EN_TARGET_RE.search(ctx) else Kind.ACTUAL
    if hit.base_unit == "个" and _DISCOURSE_RE.match(view[hit.end:hit.end + 2]):
        return Kind.ACTUAL  # 两个指标: the text counting its own items
    if BACKREF_RE.search(pre):
        return Kind.ACTUAL  # 从去年的2.1%: a back-reference inside a plan
    if "已" in pre and not _TARGET_RE.search(pre):
        return Kind.ACTUAL  # 失业率已经达到5%: its own clause says it has happened, whatever came before
    if _TARGET_RE.search(_REACHED_RE.sub("", ctx)) or _MODAL_RE.search(pre):
        return Kind.TARGET
    after = _TARGET_NOUN_RE.match(view, hit.end)
    if after is None:
        return Kind.ACTUAL
    # a goal reported as met (实现…的目标, 目标提前两年完成) is no new goal
    end = marks.first_from(STOP_DELIMS, after.end())
    around = view[marks.start_of(STOP_DELIMS, hit.start):end if end >= 0 else len(view)]
    return Kind.ACTUAL if _MET_RE.search(around) else Kind.TARGET


def continues_plan(marks: Marks, prev_hit: Hit | None, prev_kind: Kind | None, hit: Hit,
                   sentence_start: int, pre: str) -> bool:
    """Whether a quantity without plan words goes on with the plan just stated.

    True when the quantity before it, in the same paragraph, is a target whose
    sentence plainly states a plan (拟, 目标是, 今年, 力争…: not 安排 alone, which
    reviews use too), and the quantity's own sentence is neither a
    back-reference nor in the past (去年, 已, 了, 实现, 完成…) nor a discourse
    count (两个指标).
    """
    view = marks.text
    if prev_hit is None or prev_kind != Kind.TARGET or marks.first_from("\n", prev_hit.end) in range(
            prev_hit.end, hit.start):
        return False
    if BACKREF_RE.search(pre) or _PAST_RE.search(view[max(sentence_start, hit.start - CONTEXT_CHARS):hit.end]):
        return False
    if hit.base_unit == "个" and _DISCOURSE_RE.match(view[hit.end:hit.end + 2]):
        return False
    ps = marks.start_of(STOP_DELIMS, prev_hit.start)
    return bool(_PLAN_RE.search(view[max(ps, prev_hit.start - CONTEXT_CHARS):prev_hit.start]))
