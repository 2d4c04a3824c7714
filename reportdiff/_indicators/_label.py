"""Labels, directions and comparison bases of number hits.

A Chinese label is the phrase the number measures: the words before it in its clause, less
fillers (其中, 全年…) and verbs (达到, 控制在…), plus the noun after a counter
(``27件政策性文件``).  A bare verb (增长) takes the subject of the clause or sentence
before it; items of a list (``A和B分别增长X和Y``) take their own subjects.  English hits are
labelled by :mod:`reportdiff._indicators._label_en`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from reportdiff._indicators._kind import continues_plan, kind_of
from reportdiff._indicators._qualify import Hit, is_counter, is_time
from reportdiff._indicators._view import CLAUSE_DELIMS, LIST_NUMBER_RE, STOP_DELIMS, Marks, is_wide
from reportdiff._numerals import NUMERAL_CHARS, PRINTED_YEAR
from reportdiff._text import nfkc
from reportdiff._vocab import CN_TARGET_NOUNS, DOWN_WORDS, UP_WORDS, family_of
from reportdiff.model import Direction, Kind

BASE_RE = re.compile(r"(同比|环比|按[年月](?![度份初底末])|比(?:上年|去年|前年|上月|上季度|年初)(?:同期|预算|末)?|较(?:上年|去年)(?:同期)?|与上年相比"
                     rf"|[比较]{PRINTED_YEAR}年(?:同期)?)")
"""Comparison bases printed before a change (比上年, 同比, 按年…)."""
_FROM_RE = re.compile(r"(?:从|由)(?:\d{4}年|去年|上年|上一年)?的?$")
CHANGE_TO_RE = re.compile(r"[^，。；;,\n]{0,4}?(?:增加|增长|提高|上升|扩大|下降|降低|减少|缩小|增|升|降|减)(?:到|至)")
"""Right after a number, a change to another (提高到, 降至): the number is where the change starts."""
_DATE_PREFIX_RE = re.compile(rf"^在?{PRINTED_YEAR}(?:至{PRINTED_YEAR})?年(?:度)?(?:的)?|^\d{{1,2}}月(?:份)?")
_DATE_SUFFIX_RE = re.compile(rf"{PRINTED_YEAR}年(?:度)?$")
_DATE_INSIDE_RE = re.compile(rf"在{PRINTED_YEAR}(?:至{PRINTED_YEAR})?年(?:度)?的")
"""A date phrase inside a label (``以色列在一九九七年的高科技产品出口总值``): when, not what."""

_CUE_BEFORE_CHANGE_RE = re.compile("预计(?=" + "|".join(w for w in UP_WORDS + DOWN_WORDS if len(w) >= 2) + ")")
"""预计 before a change word (``地区生产总值预计增长``): it makes the number a target (``_kind``), it names nothing."""
_LEADING_FILLERS = (
    "其中", "今年以来", "一年来", "全年", "今年", "去年", "当年", "年内", "同时", "此外", "另外", "继续",
    "全区", "全市", "全省", "全国共", "共计", "累计", "合计", "共", "并", "还", "已", "都", "均", "也",
    "持续", "实现了", "实现", "完成了", "分别", "依次", "预计", "将", "但", "而",
)
_TRAILING_VERBS = (
    *(w + to for w in ("回升", "回落", "下跌", "下滑") for to in "到至"),
    "控制在", "稳定在", "保持在", "维持在", "下降到", "下降至", "提高到", "提高至", "增加到", "增加至",
    "增长到", "降低到", "降低至", "上升到", "上升至", "降到", "降至", "升至", "增至", "减至", "跌至", "达到了", "达到", "分别为", "分别是",
    "均为", "依次为", "依次是", "依次", "预计完成", "预计实现", "预计", "达", "为", "是", "有", "在", "至", "到", "拟按", "按", "由", "从", "共", "了", "的", "约",
    "分别", "累计", "合计", "总计", "共计", "共有", "全年", "保持", "从去年", "从上年", "由上年",
    "去年", "上年", "便", "就", "也", "已经", "已", "都", "只", "仅",
)
_OBJECT_VERBS = ("安排", "投入", "下达", "拨付", "筹集", "发行", "发放", "新建", "改造", "实施", "补助", "减免",
                 "设立", "支出", "提供", "带动", "吸引", "引进", "培训", "救助", "资助")
"""Verbs whose amount is followed by what it buys or makes (``安排1000亿元专项奖补资金``): that noun joins the label."""
_FUNDING_VERBS = ("拨出", "拨款", "动用", "斥资", "注资", "投资", "预留", "耗资")
"""Verbs that put money into something named after the amount (``拨出25亿元设立信贷计划``)."""
_PURPOSE_RE = re.compile(r"(?:在[^，,；;。：:\n的]{1,6}?)?(?:予|给|设立|成立|兴建|建设|进行|推行|开展|建立|设置|资助|发展)")
"""What follows a funded amount: to whom (予, 给) or what it sets up or does (设立, 兴建, 在大埔兴建…)."""


def strip_fillers(text: str) -> str:
    """``text`` without list bullets, leading fillers (其中, 全年…), dates and trailing verbs (达到, 为…)."""
    text = text.lstrip("—•·●○■◆-* ")
    if m := LIST_NUMBER_RE.match(text):
        text = text[m.end():]  # 52. 我们会…, （三）: the paragraph's number is no part of the label
    changed = True
    while changed and text:
        changed = False
        m = _DATE_PREFIX_RE.match(text)
        if m:
            text, changed = text[m.end():], True
            continue
        if not text.startswith(_LEADING_FILLERS):  # the common case, in C: no filler to look for
            break
        for f in _LEADING_FILLERS:
            if text.startswith(f) and len(text) > len(f):
                text, changed = text[len(f):], True
                break
    changed = True
    while changed and text:
        changed = False
        m = _DATE_SUFFIX_RE.search(text)
        if m:
            text, changed = text[: m.start()], True
            continue
        if not text.endswith(_TRAILING_VERBS):
            break
        for v in _TRAILING_VERBS:
            if text.endswith(v):
                text, changed = text[: -len(v)], True
                break
    text = _DATE_INSIDE_RE.sub("", text)
    text = _CUE_BEFORE_CHANGE_RE.sub("", text)
    return text.strip(" “”\"'")


_CAUSATIVE_RE = re.compile(r"(?:会令|令|使得|使)(?![用命馆节者人])")
"""令 / 使 (make): ``这些计划会令50万名学生受惠`` — what is measured comes after the causer."""


_DEMONSTRATIVES = ("这些", "这个", "这项", "这", "该", "此", "上述", "有关")


def _after_causative(pre: str) -> str:
    """The part of a label after its last causative verb, when the causer is not what is measured:
    the words after the verb name a measure themselves (``整项计划会令政府的每年开支增加``), or the
    causer only points back (``这些计划会令``).  ``农村饮水安全工程使农民受益`` keeps its causer."""
    last = None
    for m in _CAUSATIVE_RE.finditer(pre):
        if m.start() == 0 or pre[m.start() - 1] not in "命法指条口禁":
            last = m
    if last is None:
        return pre
    rest = pre[last.end():]
    return rest if len(rest) >= 6 or pre.startswith(_DEMONSTRATIVES) else pre


def _core(label: str) -> str:
    """A label without base and direction words: what it is about."""
    core = BASE_RE.sub("", label)
    for w in ("实际", "名义", "年均", "平均"):
        core = core.replace(w, "")
    changed = True
    while changed and core:
        changed = False
        for d in UP_WORDS + DOWN_WORDS:
            if core.endswith(d):
                core, changed = core[: -len(d)], True
                break
    return core


def _direction(text: str) -> Direction:
    """The direction word closest to the number at the end of ``text``."""
    best, where, size = Direction.NONE, -1, 0
    for words, d in ((UP_WORDS, Direction.UP), (DOWN_WORDS, Direction.DOWN)):
        for w in words:
            if len(w) == 1 and not text.endswith((w, w + "到", w + "至")):
                continue  # 增, 降 alone only right before the number (增至, 降到 too)
            i = text.rfind(w)
            while i >= 0 and text.startswith("增加值", i):
                i = text.rfind(w, 0, i)  # 增加值 (value added) is a noun, not a change
            # the word ending nearest the number; of two ending there the longer (负增长, not 增长)
            if i >= 0 and (i + len(w), len(w)) > (where, size):
                best, where, size = d, i + len(w), len(w)
    if where >= 0 and len(text) - where > 6:
        return Direction.NONE
    return best


@functools.lru_cache(maxsize=65536)
def normalise_label(label: str) -> str:
    """A label reduced for linking: numbers masked, brackets, bases and fillers removed.

    Args:
        label: a label as extracted.

    Returns:
        The reduced label.

    >>> normalise_label("国内生产总值比上年增长")
    '国内生产总值增长'
    >>> normalise_label("2022年度重大行政决策项目")
    '重大行政决策项目'
    """
    text = nfkc(label)
    text = re.sub(r"[（(][^）)]*[）)]", "", text)
    text = BASE_RE.sub("", text)
    text = re.sub(r"\d+(?:\.\d+)?年(?:度)?", "", text)
    text = re.sub(r"\d+(?:\.\d+)?", "#", text)
    text = re.sub(r"[“”\"'《》\s]", "", text)
    return strip_fillers(text) or text


@attrs.frozen
class Labelled:
    """A hit with what labelling found: label, subject, quote extent, direction, base, kind."""

    hit: Hit
    label: str
    subject: str
    pre: str
    quote_start: int
    quote_end: int
    direction: Direction
    base: str
    kind: Kind
    start_value: bool = False
    listed: bool = False  # joined to the quantity before it by 和, 、 … with no words of its own
    sentence_start: int = 0


def label_hits(marks: Marks, hits: Sequence[Hit]) -> list[Labelled]:
    """Label each Chinese hit (in text order) and decide its direction, base and kind."""
    view = marks.text
    out: list[Labelled] = []
    prev: Labelled | None = None
    head = head_unit = ""
    for hit in hits:
        qs = hit.qual_start if hit.qual_start >= 0 else hit.start
        # clause start: the last delimiter, or the end of the previous quantity
        cs = qs
        while cs > 0 and view[cs - 1] not in CLAUSE_DELIMS and (cs > qs - 60):
            cs -= 1
        sentence_start = marks.start_of(STOP_DELIMS, qs)
        same_sentence = prev is not None and sentence_start < prev.quote_end <= qs
        if not same_sentence:
            head = ""
        after_prev = False
        if prev is not None and same_sentence and prev.quote_end > cs:
            cs = prev.quote_end
            after_prev = True
        raw_pre = view[cs:qs]
        listed = False
        if after_prev:
            k = max(raw_pre.rfind("、"), raw_pre.rfind("或"))
            if k >= 0:
                raw_pre = raw_pre[k + 1:]
            stripped = raw_pre.lstrip("、和及与或“”\"")
            listed = stripped != raw_pre or not stripped
            raw_pre = stripped
        post, post_end = "", hit.end
        base_m = None
        for bm in BASE_RE.finditer(raw_pre):
            base_m = bm
        base = base_m.group() if base_m else ""
        pre = strip_fillers(_after_causative(raw_pre))
        if pre.endswith(("等", "等等")):
            pre = ""  # A、B等N项X: 等 closes a list of examples, the count is of X (the noun after)
        direction = _direction(raw_pre)
        after = hit.tail if hit.tail >= 0 else hit.end
        funded = _funded(view, after, pre)
        if funded is not None:
            pre, post_end = funded  # 拨出25亿元设立特别信贷计划 → 特别信贷计划拨出
        elif family_of(hit.base_unit) == "rate" and view.startswith("的", after) and (not pre or (
                len(pre) == 2 and pre.startswith("全"))):
            post, post_end = _post_noun(view, after + 1)  # 全国80%的生产力增长: the share of what
        elif is_counter(hit.base_unit) or is_time(hit.base_unit) or not hit.base_unit or len(_core(pre)) < 2 \
                or pre.endswith(_OBJECT_VERBS):
            post, post_end = _post_noun(view, after)
        label = pre + post
        core = _core(label)
        if prev is not None and same_sentence and listed and not pre:
            label = prev.pre + post if post else prev.label
            subject = prev.subject
        elif prev is not None and same_sentence and len(core) <= 2 and (head or prev.subject):
            # a bare verb (增长, 审结): the topic comes from before, the
            # previous quantity's when it is a topic itself, else the head
            topic = prev.subject if len(prev.subject) >= 5 or not head or _same_measure(prev, hit, head_unit) else head
            if after_prev and raw_pre == view[cs:qs] and not listed:
                topic = prev.subject  # a second number in the clause of the first: X增加到Y, X增长Y
            label = topic + label
            subject = topic
        else:
            subject = core or label
        if not head and len(_core(label)) > 2:
            head, head_unit = subject, hit.base_unit
        start_value = bool(label) and bool(_FROM_RE.search(raw_pre)) \
            and bool(CHANGE_TO_RE.match(view, hit.end))
        if start_value:
            base = "去年" if "去年" in raw_pre else "上年" if "上年" in raw_pre or "上一年" in raw_pre else base
        kind = kind_of(marks, hit, raw_pre, False)
        if kind == Kind.ACTUAL and continues_plan(
                marks, prev.hit if prev else None, prev.kind if prev else None, hit, sentence_start, raw_pre):
            kind = Kind.TARGET  # a plan paragraph goes on: 今年拟安排财政赤字…。但赤字率稳定在2.1%
        quote_end = post_end
        if not label:
            quote_end = _extend(view, hit.end, 4)
        item = Labelled(hit, label, subject, pre, cs, quote_end, direction, base, kind, start_value,
                        listed and not pre and same_sentence, sentence_start)
        out.append(item)
        prev = item
    return _distribute(view, out)


def _same_measure(prev: Labelled, hit: Hit, head_unit: str) -> bool:
    """The bare change measures what the quantity just before it does, not what the
    sentence's head does (``赤字率3%，赤字规模4.06万亿元，比上年增加1.6万亿元``: the
    increase is of the amount)."""
    return family_of(hit.base_unit) == family_of(prev.hit.base_unit) != family_of(head_unit)


_ENUM_RE = re.compile("[和、及与]")


def _distribute(view: str, items: list[Labelled]) -> list[Labelled]:
    """Distributive lists: ``A和B（分别）增长X和Y`` labels X with A and Y with B.

    A group is a quantity followed by listed ones (``X和Y``, ``X、Y``).  When its
    clause names as many subjects joined by 和/、/及/与 as the group has numbers,
    each number takes its own; when the clause has no subject of its own (a bare
    verb, or 分别 / 依次 pointing back: ``A17175元，B5153元，实际增长9.8%和8.5%``), the
    same number of quantities just before it in the sentence give theirs.
    A short subject borrows the shared noun of a long one (``城镇和农村居民收入``).
    """
    out = list(items)
    i = 0
    while i < len(out):
        j = i + 1
        while j < len(out) and out[j].listed:
            j += 1
        n = j - i
        if n >= 2:
            first = out[i]
            raw = view[first.quote_start:first.hit.qual_start if first.hit.qual_start >= 0 else first.hit.start]
            head, sep, tail = raw.partition("依次" if "依次" in raw and "分别" not in raw else "分别")
            if not sep:
                head, tail = _split_verb(raw)
            parts = [p for p in (strip_fillers(x) for x in _ENUM_RE.split(head)) if p]
            verb = strip_fillers(tail) if sep else tail
            if len(parts) == n and all(len(p) >= 2 for p in parts):
                parts = _share_nouns(parts) if n == 2 else parts
                for k in range(n):
                    out[i + k] = attrs.evolve(out[i + k], label=parts[k] + verb, subject=parts[k])
            elif not parts and i >= n:
                earlier = out[i - n:i]
                if all(e.sentence_start == first.sentence_start and e.subject for e in earlier):
                    for k in range(n):
                        out[i + k] = attrs.evolve(out[i + k], label=earlier[k].subject + verb,
                                                  subject=earlier[k].subject)
        i = j
    return out


def _split_verb(raw: str) -> tuple[str, str]:
    """Split a clause before its final direction verb: ``A和B实际增长`` → (``A和B``, ``实际增长``)."""
    best = -1
    for w in UP_WORDS + DOWN_WORDS:
        if len(w) >= 2:
            k = raw.rfind(w)
            if k > best and len(raw) - (k + len(w)) <= 1:
                best = k
    if best < 0:
        return raw, ""
    k = best
    for mod in ("实际", "名义", "年均", "平均", "同比", "比上年"):
        if raw.endswith(mod, 0, k):
            k -= len(mod)
    return raw[:k], raw[k:]


def _share_nouns(parts: list[str]) -> list[str]:
    """``城镇`` + ``农村居民收入`` → ``城镇居民收入``; ``一般公共预算收入`` + ``支出`` → ``一般公共预算支出``."""
    longest = max(parts, key=len)
    out = []
    for p in parts:
        if len(p) <= 2 < len(longest) - 1 and p != longest:
            if longest is parts[-1]:
                p = p + longest[len(p):]
            else:
                p = longest[: len(longest) - len(p)] + p
        out.append(p)
    return out


def _extend(view: str, pos: int, n: int, *, enumeration: bool = False) -> int:
    """The end of the stretch of Chinese text from ``pos`` (at most ``n`` characters, up to a clause
    delimiter); with ``enumeration``, a 、 between two words does not end it (``中、小学学生``)."""
    e = pos
    while e < len(view) and e - pos < n and view[e] not in CLAUSE_DELIMS and is_wide(view[e]):
        if view[e] in "、。" and not (enumeration and view[e] == "、" and e > pos and _plain_item(view, e + 1)):
            break
        e += 1
    return e


def _plain_item(view: str, pos: int) -> bool:
    """Whether the list item starting at ``pos`` is words only, up to the next delimiter: it goes on
    a noun phrase (``中、小学学生``); an item with its own number starts another quantity."""
    e = pos
    while e < len(view) and view[e] not in CLAUSE_DELIMS and view[e] not in "、。":
        if not is_wide(view[e]) or view[e] in NUMERAL_CHARS:
            return False
        e += 1
    return e > pos


def _post_noun(view: str, pos: int) -> tuple[str, int]:
    """The noun phrase right after a counter (``27件政策性文件`` → 政策性文件) and its end."""
    e = _extend(view, pos, 16, enumeration=True)
    text = view[pos:e]
    if not text or text[0] in "的之和及与或、" or text.startswith(_NOT_NOUNS):
        return "", pos  # 由1万人增加到10万人, 1000亿元用于…: a verb follows, not what is counted
    cut = min((k for k in (text.find(w) for w in _NOT_NOUNS) if k >= 2), default=-1)
    de = text.find("的")
    relative = text.startswith("有") and de + 2 < len(text) and not text.startswith(_NOT_NOUNS, de + 1) \
        and text[de + 1] not in _NOT_HEADS
    goal = min((k + len(g) for g in CN_TARGET_NOUNS if (k := text.find(g, de + 1)) > de), default=-1) if de >= 2 else -1
    if goal > 0 and (cut < 0 or goal <= cut):
        cut = goal  # 8万个单位的长远建屋目标: a goal noun heads the phrase
    elif de >= 2 and not relative:
        cut = de if cut < 0 else min(cut, de)  # 27件文件的出台 ends at 的; 1万名有需要的人士 goes on
    if cut >= 2:
        text, e = text[:cut], pos + cut
    return text.strip("“”"), e


def _funded(view: str, pos: int, pre: str) -> tuple[str, int] | None:
    """``拨出25亿元设立特别信贷计划``: the label names what the money goes to, then the funding verb
    (``特别信贷计划拨出``), and the quote runs to its end; None when no funding verb ends ``pre`` or
    no purpose follows the amount."""
    verb = next((v for v in _FUNDING_VERBS if pre.endswith(v)), "")
    m = _PURPOSE_RE.match(view, pos) if verb else None
    if m is None:
        return None
    e = _extend(view, m.end(), 16, enumeration=True)
    obj = view[m.end():e]
    cut = min((k for k in (obj.find(w) for w in ("的", *_NOT_NOUNS)) if k >= 2), default=-1)
    if cut >= 2:
        obj, e = obj[:cut], m.end() + cut
    obj = obj.strip("“”")
    return (obj + verb, e) if len(obj) >= 2 else None


_NOT_HEADS = "一二三四五六七八九十几多"
"""What, after 的, starts no head noun of the amount's phrase (``X的一半``, ``X的几倍``)."""
_NOT_NOUNS = tuple(sorted({w + to for w in UP_WORDS + DOWN_WORDS if len(w) >= 2 or w in "增升涨降减跌" for to in "到至"} | {
    "用于", "予以", "达到", "分别", "同比"}, key=lambda w: (-len(w), w)))
"""What changes or spends the amount itself (增加到, 增至, 用于…): the noun phrase after an amount stops there."""
