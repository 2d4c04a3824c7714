"""Quantities out of report text: numbers, units, qualifiers, labels, kinds.

:func:`extract` finds every number that carries a unit, a measure word or a
percent sign in a cleaned text (Chinese or English) and returns
:class:`~reportdiff.model.Quantity` records; :func:`extract_report` does the
same for a parsed :class:`~reportdiff.model.Report` and fills in the section
path and the offsets into the raw file.

The rules are linguistic and general: lists of units, magnitude words,
qualifiers, direction words, comparison bases and target markers.  Nothing
here knows any particular report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from reportdiff._numerals import format_decimal, parse_mixed, split_magnitude
from reportdiff.model import Bound, Direction, Kind, Quantity, Report, Span

__all__ = ["extract", "extract_report", "normalise_label"]

# --------------------------------------------------------------------------
# a normalised view of the text with a map back to it
# --------------------------------------------------------------------------

_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_KEEP_WIDE = frozenset("，")  # a full-width comma is punctuation, never a thousands separator


def _is_wide(ch: str) -> bool:
    return ord(ch) > 0x2E7F


@attrs.frozen
class _View:
    """The text with zero-width characters dropped, full-width forms folded,
    and whitespace inside Chinese text removed; ``index[i]`` is the offset in
    the original text of view character ``i``."""

    text: str
    index: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> _View:
        out: list[str] = []
        idx: list[int] = []
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if ch in _ZERO_WIDTH:
                i += 1
                continue
            if ch.isspace():
                j = i
                newline = False
                while j < n and (text[j].isspace() or text[j] in _ZERO_WIDTH):
                    newline = newline or text[j] in "\n\r\u2028\u2029"
                    j += 1
                prev = out[-1] if out else ""
                nxt = text[j] if j < n else ""
                joins_number = prev.isdigit() or prev in ".%" or nxt.isdigit() or (
                    prev.isascii() and prev.isalpha() and newline
                )
                if not prev or not nxt:
                    pass
                elif newline and not joins_number:
                    out.append("\n")
                    idx.append(i)
                elif not (_is_wide(prev) or _is_wide(nxt)) and not (newline and joins_number):
                    out.append(" ")
                    idx.append(i)
                i = j
                continue
            if ch not in _KEEP_WIDE and 0xFF01 <= ord(ch) <= 0xFF5E:
                ch = unicodedata.normalize("NFKC", ch)
            out.append(ch)
            idx.append(i)
            i += 1
        return cls("".join(out), tuple(idx))

    def span(self, start: int, end: int) -> Span:
        """The original span of view characters ``[start, end)``."""
        if end <= start:
            k = self.index[start] if start < len(self.index) else (self.index[-1] + 1 if self.index else 0)
            return Span(k, k)
        return Span(self.index[start], self.index[end - 1] + 1)


# --------------------------------------------------------------------------
# vocabularies
# --------------------------------------------------------------------------

_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
_NUMERAL_RE = re.compile(
    rf"(?P<pct>百分之)?(?P<num>(?:{_ARABIC}|[{_CN_CHARS}])+(?:点[零〇一二两三四五六七八九]+)?)"
    r"(?P<q1>[多余])?(?P<mag>(?<![万亿])(?:万亿|亿|万))?"
)
_FRACTION_RE = re.compile(r"(?<![\d./-])(\d+)/(\d+)(?![\d./])|([一二两三四五六七八九十百]+)分之([一二两三四五六七八九十]+)")

#: Units after a number, longest first.  A unit that also starts common
#: words carries a negative lookahead for them.
_UNITS: tuple[str, ...] = (
    r"个百分点", r"百分点", r"%", r"‰",
    r"万亿美元", r"亿美元", r"万美元", r"美元", r"欧元", r"港元", r"日元", r"英镑",
    r"元人民币", r"元(?![旦素首宵])",
    r"人次", r"户次", r"件次", r"架次", r"车次", r"人(?![口民类才员均大工力心文事格权体生们])",
    r"名(?![单称义录牌片])", r"户(?![籍口型])", r"家(?![庭园乡属电具])",
    r"个月", r"个工作日", r"个(?![人体性别税案])", r"项(?!目)", r"件", r"起(?![步点来到草诉始源])",
    r"条(?![例件款])", r"份(?!额)", r"场(?![所景地馆次])", r"期(?![间限末初内货])",
    r"次(?![数要序日年级])", r"批(?![准发复示次])", r"所(?![有属在以得谓需])", r"座",
    r"台(?![阶湾账风])", r"辆", r"艘", r"架", r"套", r"部(?![门署分长委位])", r"篇", r"册",
    r"处(?![理置罚于分长])", r"宗", r"例", r"位(?![置于列])", r"支(?![持付出])", r"只", r"头",
    r"株", r"棵", r"种(?![植子类])", r"类(?![似型别])", r"轮", r"张", r"床",
    r"平方公里", r"平方米", r"立方米", r"公顷", r"亩", r"公里", r"千米", r"米", r"吨标准煤",
    r"吨", r"公斤", r"千克", r"斤", r"千瓦时", r"千瓦", r"标准箱",
    r"小时", r"分钟", r"天(?![津然下空气])", r"周(?![边年期围转])", r"年", r"岁", r"倍", r"番",
    r"地(?![区方域市级块产铁震下上面图位址处理质])", r"连[增涨降冠胜]",
)
_UNIT_RE = re.compile("|".join(_UNITS))
#: Units that count things: a noun after them names what is counted.
_COUNTERS = frozenset(
    "人次 户次 件次 人 名 户 家 个 项 件 起 条 份 场 期 次 批 所 座 台 辆 艘 架 套 部 篇 册 处 宗 例 位 支 只 头 株 棵 种 类 轮 张 床 地".split()
)
_MAGNITUDE = {"万": Decimal(10**4), "亿": Decimal(10**8), "万亿": Decimal(10**12)}
_UNIT_SCALE = {"千米": ("米", 1000), "公斤": ("斤", 2), "千克": ("斤", 2)}

_PRE_QUALIFIERS = ("不低于", "不超过", "不少于", "超过", "突破", "将近", "接近", "低于", "高于", "大约", "约", "近", "逾", "不到")
_POST_QUALIFIERS = ("左右", "以上", "以下", "以内", "之内", "上下")
_TIME_UNITS = frozenset(("小时", "分钟", "天", "周", "个月", "个工作日", "年"))

_DIRECTION_UP = ("增长", "增加", "提高", "上升", "上涨", "扩大", "增", "多", "高", "涨", "升")
_DIRECTION_DOWN = ("下降", "减少", "降低", "回落", "下调", "缩小", "压减", "降", "减", "低", "少")
_BASE_RE = re.compile(r"(同比|环比|比(?:上年|去年|前年|上月|上季度|年初)(?:同期|预算|末)?|较(?:上年|去年)(?:同期)?|与上年相比)")

_TARGET_RE = re.compile(r"预期目标|主要目标|目标是|目标为|拟|力争|争取|预计|安排|我们将|将要|确保")
_BACKREF_RE = re.compile(r"(?:从|由)(?:去年|上年|上一年)(?:的)?[^比]*$|(?<!比)(?:去年|上年)的$")
_DISCOURSE_RE = re.compile(r"^(?:指标|目标)")
# 从X增加到Y / 由X下降到Y: X is the start value of a change
# 全面实现年初确定的主要目标，…: a target reported as reached, not a new one
_REACHED_RE = re.compile(r"(?:实现|完成|达到|超过|超额完成)[^，。；;,：:\n]{0,12}目标")
# words that place a sentence in the past: it does not continue a plan
_PAST_RE = re.compile(r"去年|上年|过去|以来|已|了|实现|完成|累计|超过|达到")
_PLAN_RE = re.compile(r"预期目标|主要目标|目标是|目标为|拟|力争|争取|今年|我们将|将要")
_FROM_RE = re.compile(r"(?:从|由)(?:\d{4}年|去年|上年|上一年)?的?$")
_TO_RE = re.compile(r"[^，。；;,\n]{0,4}?(?:增加|增长|提高|上升|扩大|下降|降低|减少|缩小|增|升|降|减)(?:到|至)")

_CLAUSE_DELIMS = frozenset("，,；;。：:！!？?\n")
_SENTENCE_DELIMS = frozenset("。！!？?\n")
_LIST_DELIMS = frozenset("、和及与")

_LEADING_FILLERS = (
    "其中", "今年以来", "一年来", "全年", "今年", "去年", "当年", "年内", "同时", "此外", "另外", "继续",
    "全区", "全市", "全省", "全国共", "共计", "累计", "合计", "共", "并", "还", "已", "都", "均", "也",
    "持续", "实现了", "实现", "完成了", "分别",
)
_TRAILING_VERBS = (
    "控制在", "稳定在", "保持在", "维持在", "下降到", "下降至", "提高到", "提高至", "增加到", "增加至",
    "增长到", "降低到", "降低至", "降到", "降至", "升至", "增至", "达到了", "达到", "分别为", "分别是",
    "均为", "达", "为", "是", "有", "在", "至", "到", "拟按", "按", "由", "从", "共", "了", "的", "约",
    "分别", "累计", "合计", "总计", "共计", "共有", "全年", "保持", "从去年", "从上年", "由上年",
    "去年", "上年",
)
_DATE_PREFIX_RE = re.compile(r"^\d{4}年(?:度)?|^\d{1,2}月(?:份)?")
_NAME_SUFFIXES = ("圈", "工程", "行动", "计划", "战略", "机制", "模式", "体系", "平台", "制度", "融合",
                  "使命", "方针", "原则", "政策", "条", "号")

_EN_NUMBER_RE = re.compile(
    r"(?P<cur>US\$|\$|€|£|¥)?(?P<num>\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<mag>thousand|million|billion|trillion|bn|m)\b)?"
    r"(?:\s?(?P<unit>%|percent\b|per cent\b|percentage points?\b|basis points?\b|shares\b|employees\b|"
    r"people\b|tons\b|tonnes\b|barrels\b|years\b|times\b))?"
)
_EN_MAG = {"thousand": Decimal(10**3), "million": Decimal(10**6), "m": Decimal(10**6),
           "billion": Decimal(10**9), "bn": Decimal(10**9), "trillion": Decimal(10**12)}
_EN_PRE_QUAL = ("more than", "less than", "at least", "up to", "approximately", "about", "around",
                "nearly", "almost", "over", "under", "roughly")
_EN_UP = ("rose", "increased", "grew", "gained", "up", "rise", "increase", "growth")
_EN_DOWN = ("fell", "decreased", "declined", "dropped", "down", "fall", "decrease", "decline")
_EN_TARGET_RE = re.compile(r"\b(will|target|targets|goal|aim|plan|plans|expect|expects|budget)\b", re.I)


# --------------------------------------------------------------------------
# raw matches
# --------------------------------------------------------------------------


@attrs.frozen
class _Hit:
    """A number with its unit, in view coordinates, before labelling."""

    start: int  # first character of the number (or of 百分之 / the currency sign)
    end: int  # one past the unit and any qualifier after it
    value: Decimal
    unit: str  # as printed
    magnitude: Decimal
    base_unit: str
    qualifier: str = ""
    bound: Bound = Bound.NONE
    qual_start: int = -1  # where a qualifier before the number starts


def _inside_brackets(view: str, pos: int, open_: str, close: str) -> int:
    """Start of the innermost ``open_ … close`` pair around ``pos`` within a line, or -1."""
    line_start = view.rfind("\n", 0, pos) + 1
    o = view.rfind(open_, line_start, pos)
    if o < 0:
        return -1
    c = view.find(close, o + 1)
    return o if c < 0 or c >= pos else -1


def _in_name(view: str, start: int, end: int, chinese: bool) -> bool:
    """A number inside a title (《…》) or a quoted name (“苏政40条”, “十四五”)."""
    if _inside_brackets(view, start, "《", "》") >= 0:
        return True
    o = _inside_brackets(view, start, "“", "”")
    if o < 0:
        o = _inside_brackets(view, start, "\"", "\"")
    if o < 0:
        return False
    c = view.find("”", end)
    c = view.find("\"", end) if c < 0 else c
    inner_after = view[end:c] if c >= 0 else ""
    if start > o + 1:
        return True  # text before the number inside the quotes: a name
    if chinese:
        return True
    return len(inner_after) > 2 or inner_after.endswith(_NAME_SUFFIXES)


def _scan_chinese(view: str) -> list[_Hit]:
    hits: list[_Hit] = []
    pos = 0
    while True:
        m = _NUMERAL_RE.search(view, pos)
        if m is None:
            break
        pos = m.end()
        hit = _chinese_hit(view, m)
        if hit is None:
            # retry after the first character (a run such as 第二十 may hide 20)
            pos = m.start() + 1
            continue
        rng = _range_after(view, hit)
        if rng is not None:
            hits.extend(rng)
            pos = rng[1].end
        else:
            hits.append(hit)
            pos = hit.end
    hits.extend(_scan_fractions(view))
    return hits


def _chinese_hit(view: str, m: re.Match[str]) -> _Hit | None:
    num = m.group("num")
    start, nend = m.start("num"), m.end("num")
    prev = view[start - 1] if start else ""
    is_cn = not any(c.isdigit() for c in num)
    if prev.isdigit() or prev == "." or (prev.isascii() and prev.isalpha()):
        return None  # PM2.5, M2, codes
    if prev and (prev == "第" or (is_cn and prev in "第首初")):
        return None  # ordinals
    if prev and prev in "-/－" and start >= 2 and view[start - 2].isdigit():
        return None  # dates and codes: 2023-02-08
    q1 = m.group("q1") or ""
    mag_extra = m.group("mag") or ""
    if not mag_extra and q1:
        # 多/余 directly after the numeral, magnitude inside the numeral (13亿多)
        pass
    if mag_extra and not q1:
        num, mag_extra = num + mag_extra, ""
    end = m.end()
    if not q1 and not mag_extra:
        end = nend
    elif q1 and not mag_extra:
        end = m.end("q1")
    full = num + mag_extra
    value = parse_mixed(full.replace("点", ".") if not is_cn else full)
    if value is None:
        value = _arabic_prefix(num)
        if value is None:
            return None
        # keep only the Arabic part and what follows it
        digits = re.match(rf"{_ARABIC}(?:万亿|亿|万)?", num)
        assert digits is not None
        full = digits.group()
        value = parse_mixed(full)
        if value is None:
            return None
        end = start + len(full)
        q1 = ""
    if is_cn and value == 1 and full in ("一",):
        return None  # 一批, 一件事, 一体化: an article, not a count
    if is_cn and full.strip(_CN_CHARS[:12] + "十") == "" and len(full) > 1 and full[0] in "百千万亿":
        return None
    pct = bool(m.group("pct"))
    _head, mag = split_magnitude(full)
    mag_value = _MAGNITUDE.get(mag, Decimal(1))
    printed = value / mag_value
    if pct:
        unit_text, base_unit, uend = "百分之", "%", end
        if mag:
            return None
        start = m.start("pct")
    else:
        um = _UNIT_RE.match(view, end)
        if um is None:
            if not mag:
                return None
            unit_text, base_unit, uend = "", "", end
        else:
            unit_text, base_unit, uend = um.group(), um.group(), um.end()
        if not unit_text and view[uend:uend + 1] in "多余" and not q1:
            q1 = view[uend]
            uend += 1
            um2 = _UNIT_RE.match(view, uend)
            if um2 is not None:
                unit_text, base_unit, uend = um2.group(), um2.group(), um2.end()
        unit_text = mag + unit_text
    if not _unit_allowed(view, start, printed, base_unit, is_cn, uend):
        return None
    scale = Decimal(1)
    if base_unit in _UNIT_SCALE:
        base_unit, k = _UNIT_SCALE[base_unit]
        scale = Decimal(k)
    qual_pre, qstart = _pre_qualifier(view, start)
    qual_post, qend = _post_qualifier(view, uend, base_unit)
    qualifier = q1 or qual_pre or qual_post
    if q1 and (qual_pre or qual_post):
        qualifier = q1
    elif qual_pre and qual_post:
        qualifier = qual_post
    consecutive = is_cn and base_unit.startswith("连") and _inside_brackets(view, start, "“", "”") == start - 1
    if _in_name(view, start, qend, is_cn) and not consecutive:
        return None  # names; “九连增” (N consecutive rises) is a count
    return _Hit(
        start=start, end=qend, value=printed, unit=unit_text, magnitude=mag_value * scale,
        base_unit=base_unit if base_unit != "百分之" else "%", qualifier=qualifier, qual_start=qstart,
    )


def _arabic_prefix(num: str) -> Decimal | None:
    m = re.match(_ARABIC, num)
    return parse_mixed(m.group()) if m else None


def _unit_allowed(view: str, start: int, value: Decimal, unit: str, is_cn: bool, uend: int) -> bool:
    """Dates, periods and years are not quantities."""
    if unit == "年":
        if is_cn:
            return view[max(0, start - 2):start] == "连续"
        if value >= 200 or value != value.to_integral_value():
            return False
        before = view[max(0, start - 2):start]
        if before.endswith(("近", "这", "前", "后")) or before in ("过去", "未来", "今后"):
            return False
        return not view.startswith(("来", "以来", "间", "内", "前", "后", "规划", "计划", "时间", "度"), uend)
    if unit in ("天", "个月", "周") and is_cn and view.startswith(("来", "以来"), uend):
        return False
    # four-digit integers directly before date words are years
    return not (
        not is_cn and value == value.to_integral_value() and 1000 <= value <= 2999
        and view.startswith(("年", "年度", "-", "—", "/", "."), start + len(str(int(value))))
    )


def _pre_qualifier(view: str, start: int) -> tuple[str, int]:
    for q in _PRE_QUALIFIERS:
        if view.startswith(q, start - len(q)):
            if q == "近" and view[start - 2:start] in ("最近", "附近"):
                continue
            return q, start - len(q)
    return "", start


def _post_qualifier(view: str, pos: int, unit: str) -> tuple[str, int]:
    for q in _POST_QUALIFIERS:
        if view.startswith(q, pos):
            return q, pos + len(q)
    if view.startswith("内", pos) and unit in _TIME_UNITS:
        return "内", pos + 1
    return "", pos


def _range_after(view: str, low: _Hit) -> list[_Hit] | None:
    """``6.5%－7%`` or ``6－7%``: the hit and the upper bound after a dash."""
    m = re.match(r"[-－—–~～至到]", view[low.end:low.end + 1])
    if m is None or low.qualifier:
        return None
    nm = _NUMERAL_RE.match(view, low.end + 1)
    if nm is None:
        return None
    high = _chinese_hit(view, nm)
    if high is None or high.base_unit != low.base_unit or high.magnitude != low.magnitude:
        return None
    return [
        attrs.evolve(low, qualifier="区间下限", bound=Bound.LOW),
        attrs.evolve(high, start=low.start, qualifier="区间上限", bound=Bound.HIGH, qual_start=low.qual_start),
    ]


def _scan_fractions(view: str) -> list[_Hit]:
    out = []
    for m in _FRACTION_RE.finditer(view):
        if m.group(1):
            a, b = Decimal(m.group(1)), Decimal(m.group(2))
            if b == 0 or a >= b or not _is_wide(view[m.end():m.end() + 1] or "a"):
                continue
        else:
            den, numr = parse_mixed(m.group(3)), parse_mixed(m.group(4))
            if den is None or numr is None or den == 0:
                continue
            a, b = numr, den
        if _in_name(view, m.start(), m.end(), False):
            continue
        value = (a / b).quantize(Decimal("0.000001"))
        qual, qend = _post_qualifier(view, m.end(), "")
        pre, qstart = _pre_qualifier(view, m.start())
        out.append(_Hit(m.start(), qend, value, "", Decimal(1), "", qual or pre, qual_start=qstart))
    return out


def _scan_english(view: str) -> list[_Hit]:
    hits = []
    for m in _EN_NUMBER_RE.finditer(view):
        if not (m.group("cur") or m.group("mag") or m.group("unit")):
            continue
        s = m.start()
        prev = view[s - 1] if s else ""
        if prev.isalnum() or prev in "./-":
            continue
        value = Decimal(m.group("num").replace(",", ""))
        if not m.group("cur") and not m.group("mag") and m.group("unit") == "years" and value >= 1000:
            continue
        mag_word = m.group("mag") or ""
        unit_word = m.group("unit") or ""
        cur = m.group("cur") or ""
        unit = " ".join(x for x in (mag_word, unit_word) if x)
        base = cur or unit_word
        if unit_word in ("percent", "per cent"):
            base = "%"
        elif unit_word.startswith("percentage point"):
            base = "percentage points"
        qual, qstart = "", s
        low = view[max(0, s - 20):s].lower()
        for q in _EN_PRE_QUAL:
            if low.endswith(q + " "):
                qual, qstart = q, s - len(q) - 1
                break
        printed_unit = (cur + " " + unit).strip() if cur else unit
        hits.append(_Hit(s, m.end(), value, printed_unit, _EN_MAG.get(mag_word, Decimal(1)), base,
                         qual, qual_start=qstart))
    return hits


# --------------------------------------------------------------------------
# labels, directions, bases, kinds
# --------------------------------------------------------------------------


def _strip_fillers(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        m = _DATE_PREFIX_RE.match(text)
        if m:
            text, changed = text[m.end():], True
            continue
        for f in _LEADING_FILLERS:
            if text.startswith(f) and len(text) > len(f):
                text, changed = text[len(f):], True
                break
    changed = True
    while changed and text:
        changed = False
        m = re.search(r"\d{4}年(?:度)?$", text)
        if m:
            text, changed = text[: m.start()], True
            continue
        for v in _TRAILING_VERBS:
            if text.endswith(v):
                text, changed = text[: -len(v)], True
                break
    return text.strip(" “”\"'")


def _core(label: str) -> str:
    """A label without base and direction words: what it is about."""
    core = _BASE_RE.sub("", label)
    for w in ("实际", "名义", "年均", "平均"):
        core = core.replace(w, "")
    changed = True
    while changed and core:
        changed = False
        for d in _DIRECTION_UP + _DIRECTION_DOWN:
            if core.endswith(d):
                core, changed = core[: -len(d)], True
                break
    return core


def _direction(text: str) -> Direction:
    """The direction word closest to the number at the end of ``text``."""
    best, where = Direction.NONE, -1
    for words, d in ((_DIRECTION_UP, Direction.UP), (_DIRECTION_DOWN, Direction.DOWN)):
        for w in words:
            if len(w) == 1 and not text.endswith(w):
                continue
            i = text.rfind(w)
            if i >= 0 and i + len(w) > where:
                best, where = d, i + len(w)
    if where >= 0 and len(text) - where > 6:
        return Direction.NONE
    return best


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
    text = unicodedata.normalize("NFKC", label)
    text = re.sub(r"[（(][^）)]*[）)]", "", text)
    text = _BASE_RE.sub("", text)
    text = re.sub(r"\d+(?:\.\d+)?年(?:度)?", "", text)
    text = re.sub(r"\d+(?:\.\d+)?", "#", text)
    text = re.sub(r"[“”\"'《》\s]", "", text)
    return _strip_fillers(text) or text


_STRONG_TARGET_RE = re.compile(r"预期目标是|目标是|目标为|预期目标：|预期目标:")


def _paragraph_context(view: str, pos: int) -> str:
    """The text that decides whether the number at ``pos`` is a target.

    The sentence up to the number; a sentence opening with 其中 (a breakdown)
    also gets the sentence before; a paragraph whose first sentence announces
    targets (预期目标是…) gives its whole start; a paragraph after a lead-in
    line ending in a colon also gets that line.
    """
    s = pos
    while s > 0 and view[s - 1] not in _SENTENCE_DELIMS:
        s -= 1
    ctx = view[s:pos]
    if ctx.startswith("其中") and s > 0 and view[s - 1] != "\n":
        ps = s - 1
        while ps > 0 and view[ps - 1] not in _SENTENCE_DELIMS:
            ps -= 1
        ctx = view[ps:pos]
    para = view.rfind("\n", 0, pos) + 1
    first_end = para
    while first_end < len(view) and view[first_end] not in _SENTENCE_DELIMS:
        first_end += 1
    if _STRONG_TARGET_RE.search(view[para:first_end]):
        ctx = view[para:pos]
    if para > 0:
        k = para - 1
        while k > 0 and view[k - 1] == "\n":
            k -= 1
        if k > 0 and view[k - 1] in "：:":
            ls = view.rfind("\n", 0, k - 1) + 1
            ctx = view[ls:k] + ctx
    return ctx


@attrs.frozen
class _Labelled:
    hit: _Hit
    label: str
    subject: str
    pre: str
    quote_start: int
    quote_end: int
    direction: Direction
    base: str
    kind: Kind


def _label_hits(view: str, hits: Sequence[_Hit], english: bool) -> list[_Labelled]:
    out: list[_Labelled] = []
    prev: _Labelled | None = None
    head = ""
    for hit in hits:
        qs = hit.qual_start if hit.qual_start >= 0 else hit.start
        # clause start: the last delimiter, or the end of the previous quantity
        cs = qs
        while cs > 0 and view[cs - 1] not in _CLAUSE_DELIMS and (cs > qs - 60):
            cs -= 1
        sentence_start = qs
        while sentence_start > 0 and view[sentence_start - 1] not in "。！!？?\n；;":
            sentence_start -= 1
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
        if english:
            label, direction, base = _english_label(view, cs, qs, hit)
            subject, pre = label, label
        else:
            base_m = None
            for bm in _BASE_RE.finditer(raw_pre):
                base_m = bm
            base = base_m.group() if base_m else ""
            pre = _strip_fillers(raw_pre)
            if pre.endswith("等"):
                pre = ""  # 明确了“…”等15项具体工作: the examples are not the label
            direction = _direction(raw_pre)
            if hit.base_unit in _COUNTERS or hit.base_unit in _TIME_UNITS or not hit.base_unit or len(_core(pre)) < 2:
                post, post_end = _post_noun(view, hit.end)
            label = pre + post
            core = _core(label)
            if prev is not None and same_sentence and listed and not pre:
                label = prev.pre + post if post else prev.label
                subject = prev.subject
            elif prev is not None and same_sentence and len(core) <= 2 and (head or prev.subject):
                # a bare verb (增长, 审结): the topic comes from before, the
                # previous quantity's when it is a topic itself, else the head
                topic = prev.subject if len(prev.subject) >= 5 or not head else head
                if after_prev and raw_pre == view[cs:qs] and not listed:
                    topic = prev.subject  # 从3.16万亿元增加到8.31万亿元
                label = topic + label
                subject = topic
            else:
                subject = core or label
            if not head and len(_core(label)) > 2:
                head = subject
        if not english and label and not label.endswith("）") and _FROM_RE.search(raw_pre) \
                and _TO_RE.match(view, hit.end):
            when = "去年" if "去年" in raw_pre else "上年" if "上年" in raw_pre or "上一年" in raw_pre else "期初"
            label += f"（{when}）"
        kind = _kind(view, hit, raw_pre, english)
        if kind == Kind.ACTUAL and not english and _continues_plan(view, prev, hit, sentence_start, raw_pre):
            kind = Kind.TARGET  # a plan paragraph goes on: 今年拟安排财政赤字…。但赤字率稳定在2.1%
        quote_end = post_end
        if not label:
            quote_end = _extend(view, hit.end, 4)
        item = _Labelled(hit, label, subject, pre, cs, quote_end, direction, base, kind)
        out.append(item)
        prev = item
    return out


def _continues_plan(view: str, prev: _Labelled | None, hit: _Hit, sentence_start: int, pre: str) -> bool:
    """Whether a quantity without plan words goes on with the plan just stated.

    True when the quantity before it, in the same paragraph, is a target whose
    sentence plainly states a plan (拟, 目标是, 今年, 力争…: not 安排 alone, which
    reviews use too), and the quantity's own sentence is neither a
    back-reference nor in the past (去年, 已, 了, 实现, 完成…) nor a discourse
    count (两个指标).
    """
    if prev is None or prev.kind != Kind.TARGET or "\n" in view[prev.hit.end:hit.start]:
        return False
    if _BACKREF_RE.search(pre) or _PAST_RE.search(view[sentence_start:hit.end]):
        return False
    if hit.base_unit == "个" and _DISCOURSE_RE.match(view[hit.end:hit.end + 2]):
        return False
    ps = prev.hit.start
    while ps > 0 and view[ps - 1] not in "。！!？?\n；;":
        ps -= 1
    return bool(_PLAN_RE.search(view[ps:prev.hit.start]))


def _extend(view: str, pos: int, n: int) -> int:
    e = pos
    while e < len(view) and e - pos < n and view[e] not in _CLAUSE_DELIMS and view[e] not in "、。" and _is_wide(view[e]):
        e += 1
    return e


def _post_noun(view: str, pos: int) -> tuple[str, int]:
    """The noun phrase right after a counter (``27件政策性文件`` → 政策性文件) and its end."""
    e = _extend(view, pos, 16)
    text = view[pos:e]
    if not text or text[0] in "的之和及与或":
        return "", pos
    cut = text.find("的")
    if cut >= 2:
        text, e = text[:cut], pos + cut
    return text.strip("“”"), e


def _english_label(view: str, cs: int, qs: int, hit: _Hit) -> tuple[str, Direction, str]:
    s = view[cs:qs].strip()
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", s)
    direction = Direction.NONE
    for w in reversed(words[-4:]):
        lw = w.lower()
        if lw in _EN_UP:
            direction = Direction.UP
            break
        if lw in _EN_DOWN:
            direction = Direction.DOWN
            break
    stop = {"the", "a", "an", "of", "to", "by", "was", "were", "is", "are", "at", "in", "and", "for", "with",
            "from", "be", "will", "about", "over", "than", "more", "nearly", "approximately", "our", "we"}
    kept = [w for w in words[-8:] if w.lower() not in stop]
    base = "year-over-year" if re.search(r"year[- ]over[- ]year|from (a year earlier|last year)", s, re.I) else ""
    return " ".join(kept[-5:]), direction, base


def _kind(view: str, hit: _Hit, pre: str, english: bool) -> Kind:
    ctx = _paragraph_context(view, hit.start)
    if english:
        return Kind.TARGET if _EN_TARGET_RE.search(ctx) else Kind.ACTUAL
    if hit.base_unit == "个" and _DISCOURSE_RE.match(view[hit.end:hit.end + 2]):
        return Kind.ACTUAL  # 两个指标: the text counting its own items
    if _BACKREF_RE.search(pre):
        return Kind.ACTUAL  # 从去年的2.1%: a back-reference inside a plan
    return Kind.TARGET if _TARGET_RE.search(_REACHED_RE.sub("", ctx)) else Kind.ACTUAL


# --------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------


def _language(text: str) -> str:
    wide = sum(1 for c in text[:5000] if "\u4e00" <= c <= "\u9fff")
    return "zh" if wide * 5 >= min(len(text), 5000) * 0.2 or wide > 200 else "en"


def extract(text: str, *, year: int = 0, section: str = "", language: str | None = None) -> tuple[Quantity, ...]:
    """Every quantity in a cleaned text, in text order.

    Args:
        text: cleaned report text (Chinese or English).
        year: the report's year, copied into each quantity.
        section: a section path, copied into each quantity.
        language: ``zh`` or ``en``; guessed from the text when None.

    Returns:
        The quantities; spans index ``text`` (``raw_span`` equals ``span``).

    >>> [(q.label, q.value, q.unit) for q in extract("城镇新增就业1244万人。")]
    [('城镇新增就业', '1244', '万人')]
    >>> q = extract("国内生产总值增长6.5%－7%。")
    >>> [(q[0].value, q[0].qualifier), (q[1].value, q[1].qualifier)]
    [('6.5', '区间下限'), ('7', '区间上限')]
    """
    lang = language or _language(text)
    view = _View.of(text)
    english = lang == "en"
    hits = _scan_english(view.text) if english else _scan_chinese(view.text)
    hits.sort(key=lambda h: (h.start, h.bound != Bound.LOW, h.end))
    out = []
    for item in _label_hits(view.text, hits, english):
        h = item.hit
        base_value = float(h.value * h.magnitude)
        span = view.span(h.start if h.bound != Bound.HIGH else _high_start(view.text, h), h.end)
        quote_start = item.quote_start
        if h.end - quote_start > 40:
            quote_start = h.end - 40
        if item.quote_end - quote_start > 50:
            quote_start = min(h.start, item.quote_end - 50)
        qspan = view.span(quote_start, max(h.end, item.quote_end))
        out.append(
            Quantity(
                label=item.label or h.unit,
                value=format_decimal(h.value),
                unit=h.unit,
                base_value=base_value,
                base_unit=h.base_unit,
                qualifier=h.qualifier,
                bound=h.bound,
                direction=item.direction,
                base=item.base,
                kind=item.kind,
                year=year,
                section=section,
                quote=qspan.of(text).strip(),
                span=span,
                quote_span=qspan,
                raw_span=span,
            )
        )
    # the two ends of a range share one label and one quote
    for i in range(1, len(out)):
        if out[i].bound == Bound.HIGH and out[i - 1].bound == Bound.LOW:
            low = out[i - 1]
            out[i] = attrs.evolve(out[i], label=low.label, quote=low.quote, quote_span=low.quote_span,
                                  direction=low.direction, base=low.base, kind=low.kind)
    return tuple(out)


def _high_start(view: str, h: _Hit) -> int:
    k = h.start
    while k < h.end and view[k] not in "-－—–~～至到":
        k += 1
    return k + 1 if k < h.end else h.start


def extract_report(report: Report) -> tuple[Quantity, ...]:
    """Every quantity in a parsed report, with section paths and raw offsets.

    Args:
        report: a parsed report.

    Returns:
        The quantities in text order; ``span`` indexes ``report.text`` and
        ``raw_span`` indexes ``report.document.raw_text``.

    >>> from reportdiff.model import Document, OffsetMap, Section, SectionKind
    >>> t = "城镇新增就业1322万人。"
    >>> root = Section("", "", "", "", None, 0, "", t, (), Span(0, len(t)), Span(0, 0),
    ...                Span(0, len(t)), Span(0, len(t)), SectionKind.ROOT)
    >>> doc = Document("", 2015, "", "utf-8", "text", "zh", t, t, OffsetMap.identity(len(t)))
    >>> [(q.year, q.value, q.unit) for q in extract_report(Report(doc, root))]
    [(2015, '1322', '万人')]
    """
    doc = report.document
    found = extract(doc.text, year=report.year, language=doc.language or None)
    sections = sorted(
        ((s.span.start, -s.span.end, s.level, s.path) for s in report.root.walk() if s.level > 0),
    )
    out = []
    for q in found:
        path = ""
        for start, neg_end, _level, p in sections:
            if start > q.span.start:
                break
            if -neg_end >= q.span.end:
                path = p  # later (deeper) sections win
        out.append(attrs.evolve(q, section=path, raw_span=doc.offsets.span_to_raw(q.span)))
    return tuple(out)


def iter_quantities(reports: Iterable[Report]) -> Iterable[Quantity]:
    """The quantities of several reports, report by report.

    Args:
        reports: parsed reports.

    Returns:
        An iterator over their quantities.

    >>> list(iter_quantities([]))
    []
    """
    for r in reports:
        yield from extract_report(r)
