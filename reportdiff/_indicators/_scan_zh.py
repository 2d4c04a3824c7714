"""Numbers in Chinese text: Arabic and Chinese numerals, magnitudes, units, signs, ranges.

Every list of words comes from :mod:`reportdiff._vocab` and every numeral is read by
:mod:`reportdiff._numerals`; this module decides only where a quantity starts and ends.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

import attrs

from reportdiff._indicators._qualify import Hit, in_name, is_time, post_qualifier, pre_qualifier
from reportdiff._indicators._view import Marks, is_wide
from reportdiff._numerals import (
    FINANCIAL,
    NUMERAL_CHARS,
    fold_numerals,
    parse_mixed,
    split_magnitude,
)
from reportdiff._vocab import (
    CN_MONEY_PARTS,
    CN_UNITS,
    MAGNITUDES,
    NOT_AMOUNTS,
    RANGE_SEPARATORS,
    UnitFamily,
    unit_of,
    unit_pattern,
)
from reportdiff.model import Bound

_ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d{1,3}(?: \d{3})+(?!\d| \d)|\d+)(?:\.\d+)?"
_APPROX = r"[几幾数](?=[十百千万亿萬億])|(?<=[十百千万亿萬億零])[几幾]"
_NUMERAL_RE = re.compile(
    rf"(?P<pct>[百佰千仟万萬]分之)?(?P<num>(?:{_ARABIC}|[{NUMERAL_CHARS}]|{_APPROX})+(?:[点點][零〇○一二两三四五六七八九]+)?)"
    r"(?P<q1>[多余])?(?P<mag>(?<![万亿萬億])(?:万亿|萬億|亿|億|万|萬))?"
)
_ARABIC_LEAD_RE = re.compile(rf"{_ARABIC}(?:万亿|亿|万)?")
_NUMF = rf"(?:{_ARABIC}|[{NUMERAL_CHARS}])+(?:[点點][零〇○一二两三四五六七八九]+)?"
_FRACTION_RE = re.compile(
    r"(?<![\d./-])(\d+)/(\d+)(?![\d./])"
    rf"|(?P<neg>[负負])?(?:(?P<whole>{_NUMF})又)?(?P<den>{_NUMF})分之(?P<nneg>[负負])?(?P<numr>{_NUMF})"
)
_UNIT_RE = re.compile(unit_pattern(tuple(u for u in CN_UNITS if u.text not in NOT_AMOUNTS)))
_DIGIT_STRING = frozenset("零〇○一二两三四五六七八九0123456789")
_CURRENCY_BEFORE = {"￥": "¥", "¥": "¥", "$": "$", "€": "€", "£": "£"}
_PER = {"百": "%", "千": "‰", "万": "‱"}  # 百分之 / 千分之 / 万分之
_HALVES = frozenset((UnitFamily.MASS, UnitFamily.LENGTH, UnitFamily.AREA, UnitFamily.VOLUME, UnitFamily.RATE))


@attrs.frozen
class _Num:
    """A numeral before its unit: where it is, its value as printed and its magnitude word."""

    start: int
    end: int
    value: Decimal  # the value before the magnitude word
    mag: str
    q1: str
    is_cn: bool
    pct: bool


def scan(marks: Marks) -> list[Hit]:
    """Every Chinese-text quantity of a view, ranges as two bounds, in text order.

    >>> from reportdiff._indicators._view import Marks
    >>> [(h.value, h.unit) for h in scan(Marks("城镇新增就业1244万人"))]
    [(Decimal('1244'), '万人')]
    """
    view = marks.text
    hits: list[Hit] = []
    pos = 0
    while True:
        m = _NUMERAL_RE.search(view, pos)
        if m is None:
            break
        low = _hit(marks, m, allow_bare=True)
        if low is None:
            pos = m.end()
            continue
        rng = _range_after(marks, low)
        if rng is not None:
            hits.extend(rng)
            pos = rng[1].end
        elif low.base_unit or low.mag_word:
            hits.append(low)
            pos = low.end
        else:
            pos = m.end()
    fractions = _scan_fractions(marks)
    if fractions:
        starts = [f.start for f in fractions]
        hits = [h for h in hits if not _overlaps(h, fractions, starts)]
    return sorted(hits + fractions, key=lambda h: (h.start, h.bound != Bound.LOW, h.end))


def _overlaps(h: Hit, fractions: list[Hit], starts: list[int]) -> bool:
    """Whether ``h`` lies inside a fraction (``三分之一元``: the 一元 is its numerator)."""
    k = bisect.bisect_right(starts, h.start) - 1
    return k >= 0 and fractions[k].start <= h.start < fractions[k].end


def _numeral(marks: Marks, m: re.Match[str], *, in_range: bool = False) -> _Num | None:
    view = marks.text
    num = m.group("num")
    start, nend = m.start("num"), m.end("num")
    prev = view[start - 1] if start else ""
    is_cn = not any(c.isdigit() for c in num)
    if (prev and (prev.isdigit() or prev in ".%" or (prev.isascii() and prev.isalpha()))) or marks.in_url(start):
        return None  # PM2.5, M2, codes, %-escapes in web addresses
    if prev and (prev == "第" or (is_cn and prev in "第首初")):
        return None  # ordinals
    if not in_range and prev and prev in "-/－" and start >= 2 and view[start - 2].isdigit():
        return None  # dates and codes: 2023-02-08
    if prev and (prev in "^半" or (prev in "+-" and start >= 2 and view[start - 2] in "eE^")):
        return None  # 2^5, 2e-1 (exponents), 半百: forms read elsewhere or not at all
    if re.match(r"\^|[eE][+-]?\d", view[m.end():m.end() + 3]):
        return None  # scientific notation is not a report's way of printing an amount
    if len(num) == 1 and num in FINANCIAL:
        return None  # 陆地, 收拾, 队伍: a financial numeral alone is a word
    if len(num) >= 2 and all(c in _DIGIT_STRING for c in num) and not num.isdigit():
        return None  # 二〇二〇, 二0二0: a digit string (a year), not an amount
    q1 = m.group("q1") or ""
    mag = m.group("mag") or ""
    end = m.end() if (q1 or mag) else nend
    if len(num) >= 2 and not q1 and not mag and num[-1] == "两" and num[-2] in NUMERAL_CHARS + "0123456789" \
            and not _UNIT_RE.match(view, nend):
        num, nend, end = num[:-1], nend - 1, nend - 1  # 三十两, 1234两: 两 after a numeral is the unit (一两个 is not)
    elif not q1 and not mag and num[-1] in "千百兆" and _UNIT_RE.match(view, nend - 1):
        num, nend, end = num[:-1], nend - 1, nend - 1  # 300千瓦, 20千克, 50兆字节: the unit starts there
        if not num:
            return None
    full = num + mag
    clean = re.sub("[几幾数 ]", "", full)
    value = parse_mixed(clean) if clean else None
    if value is None:
        lead = _ARABIC_LEAD_RE.match(num)
        if lead is None or is_cn:
            return None
        full = clean = lead.group()  # keep only the Arabic part and what follows it
        value = parse_mixed(full)
        if value is None:
            return None
        end = start + len(full)
        q1 = ""
    _head, folded_mag = split_magnitude(fold_numerals(clean))
    printed = value / Decimal(MAGNITUDES.get(folded_mag, 1))
    mag_word = clean[len(clean) - len(folded_mag):] if folded_mag else ""  # 萬 stays 萬 for display
    return _Num(start, end, printed, mag_word, q1, is_cn, bool(m.group("pct")))


def _hit(marks: Marks, m: re.Match[str] | None, *, allow_bare: bool, signed: bool = True,
         in_range: bool = False) -> Hit | None:
    """The quantity a numeral match starts, or None; ``allow_bare`` keeps a numeral without unit
    (with an empty unit) as the possible low end of a range."""
    if m is None:
        return None
    num = _numeral(marks, m, in_range=in_range)
    if num is None:
        return None
    view = marks.text
    start, end, q1, mag = num.start, num.end, num.q1, num.mag
    approx = next((c for c in m.group("num") if c in "几幾数"), "").replace("幾", "几")
    if num.pct:
        ps = m.start("pct")
        if mag or (ps and view[ps - 1] in NUMERAL_CHARS) or (view[end:end + 1].isascii() and view[end:end + 1].isalpha()):
            return None  # 一百分之五: a fraction, read by the fraction scanner; 百分之3.2k: not read
        printed_pct = m.group("pct")
        unit_text, base_unit, uend, start = printed_pct, _PER[fold_numerals(printed_pct[0])], end, m.start("pct")
    else:
        um = _UNIT_RE.match(view, end)
        if um is None and end < len(view) and view[end] in "多余" and not q1:
            um2 = _UNIT_RE.match(view, end + 1)
            if um2 is not None or mag:
                q1, end = view[end], end + 1  # 13亿多人口
                um = um2
        if um is None:
            sign = _CURRENCY_BEFORE.get(view[start - 1] if start else "")
            if sign:
                unit_text, base_unit, uend, start = sign, sign, end, start - 1
            elif mag or allow_bare:
                unit_text, base_unit, uend = "", "", end
            else:
                return None
        else:
            unit_text, base_unit, uend = um.group(), um.group(), um.end()
        if num.is_cn and not unit_text and m.group("num")[0] in "千万亿萬億百":
            return None  # 千万 (must), 万一 (in case): no unit, no amount
        unit_text = mag + unit_text
    value = num.value
    u = unit_of(base_unit)
    if num.is_cn and m.group("num") == "一" and (u is None or u.family is UnitFamily.COUNT):
        return None  # 一批, 一件事, 一体化: an article, not a count (一吨, 一倍, 翻一番 are amounts)
    if base_unit and not _unit_allowed(view, start, value, base_unit, num.is_cn, uend):
        return None
    scale = Decimal(1)
    if u is not None and u.base:
        base_unit, scale = u.base, Decimal(u.scale)
    if u is not None and u.family in _HALVES and view.startswith("半", uend) and value == value.to_integral_value():
        value, uend = value + Decimal("0.5"), uend + 1  # 一吨半
    parts = CN_MONEY_PARTS.get(base_unit)
    if parts and not mag:
        value, uend = _money_parts(marks, value, uend, parts)
    sign_start = start
    if signed and start and _negative(view, start):
        value, sign_start = -value, start - 1
    qual_pre, qstart = pre_qualifier(view, sign_start)
    qual_post, qend = post_qualifier(view, uend, base_unit)
    qualifier = q1 or approx or qual_pre or qual_post
    if (q1 or approx) and (qual_pre or qual_post):
        qualifier = q1 or approx
    elif qual_pre and qual_post:
        qualifier = qual_post
    if in_name(marks, sign_start, qend, num.is_cn):
        return None  # names: “苏政40条”, 《…》
    return Hit(
        start=sign_start, end=qend, value=value, unit=unit_text,
        magnitude=Decimal(MAGNITUDES.get(fold_numerals(mag), 1)) * scale,
        base_unit=base_unit, qualifier=qualifier, qual_start=qstart, mag_word=mag,
    )


def _money_parts(marks: Marks, value: Decimal, pos: int, parts: dict[str, str]) -> tuple[Decimal, int]:
    """Sub-units after a currency unit: ``50元6角三分`` = 50.63, ``两美元又三美分`` = 2.03."""
    view = marks.text
    while True:
        k = pos + 1 if view.startswith(("又", "零"), pos) else pos
        m = _NUMERAL_RE.match(view, k)
        if m is None or m.group("pct") or m.group("mag") or m.group("q1"):
            return value, pos
        n = parse_mixed(m.group("num"))
        sub = next((u for u in sorted(parts, key=len, reverse=True) if view.startswith(u, m.end())), "")
        if n is None or not sub or (n >= 10 and parts[sub] == "0.1"):
            return value, pos
        value += n * Decimal(parts[sub])
        pos = m.end() + len(sub)


def _negative(view: str, start: int) -> bool:
    """A minus sign right before the number: 负3.9%, 赤字率-2.8% (a dash after a digit is a range)."""
    sign = view[start - 1]
    if sign in "负負":
        return True
    if sign not in "-−－":
        return False
    before = view[start - 2] if start >= 2 else ""
    return not before or (is_wide(before) and before not in NUMERAL_CHARS) or before in "(（:：=，, "


_PERIOD_BEFORE = ("过去", "未来", "今后", "最近")
_PERIOD_ENDS = ("近", "这", "前", "头", "首")


def _frames_a_period(view: str, start: int) -> bool:
    """A count of months, weeks or days right after 过去 / 未来 / 头 … names a period, not a quantity."""
    before = view[max(0, start - 2):start]
    return before in _PERIOD_BEFORE or before.endswith(_PERIOD_ENDS)


def _unit_allowed(view: str, start: int, value: Decimal, unit: str, is_cn: bool, uend: int) -> bool:
    """Dates, periods and years are not quantities."""
    if unit == "年":
        if is_cn:
            return view[max(0, start - 2):start] == "连续"
        if value >= 200 or value != value.to_integral_value():
            return False
        before = view[max(0, start - 2):start]
        if _frames_a_period(view, start) or before.endswith("后"):
            return False
        return not view.startswith(("来", "以来", "间", "内", "前", "后", "规划", "计划", "时间", "度"), uend)
    if is_time(unit) and unit != "小时" and is_cn and view.startswith(("来", "以来"), uend):
        return False
    if is_time(unit) and unit not in ("年", "小时") and _frames_a_period(view, start):
        return False  # 过去十八个月, 未来十五个月内, 头八个月: the period a figure is about
    # four-digit integers directly before date words are years
    return not (
        not is_cn and value == value.to_integral_value() and 1000 <= value <= 2999
        and view.startswith(("年", "年度", "-", "—", "/", "."), start + len(str(int(value))))
    )


def _range_after(marks: Marks, low: Hit) -> list[Hit] | None:
    """``6.5%－7%``, ``6-7%``, ``两到三万元``, ``1万-5万元``, ``百分之六到七``: two bounds, or None.

    An end printed without unit or magnitude takes the other end's.
    """
    view = marks.text
    sep = view[low.end:low.end + 1]
    if not sep or sep not in RANGE_SEPARATORS or (low.qualifier and low.qualifier not in "几数"):
        return None
    if sep in "至到" and re.search(r"[从由]", view[max(0, low.start - 4):low.start]):
        return None  # 从2%到3%: a change, not a range
    nm = _NUMERAL_RE.match(view, low.end + 1)
    high = _hit(marks, nm, allow_bare=bool(low.base_unit), signed=False, in_range=True)
    if high is None:
        return None
    if not high.base_unit and not high.mag_word:
        high = attrs.evolve(high, unit=low.unit, base_unit=low.base_unit, magnitude=low.magnitude,
                            mag_word=low.mag_word)
    if not low.base_unit:
        if not high.base_unit:
            return None
        mag_unit = high.unit[len(high.mag_word):]
        if low.mag_word:
            low = attrs.evolve(low, unit=low.mag_word + mag_unit, base_unit=high.base_unit,
                               magnitude=low.magnitude * high.magnitude / Decimal(MAGNITUDES.get(fold_numerals(high.mag_word), 1)))
        else:
            low = attrs.evolve(low, unit=high.unit, base_unit=high.base_unit, magnitude=high.magnitude,
                               mag_word=high.mag_word)
    if high.base_unit != low.base_unit or low.value * low.magnitude > high.value * high.magnitude:
        return None
    return [
        attrs.evolve(low, bound=Bound.LOW, tail=high.end),
        attrs.evolve(high, bound=Bound.HIGH, qual_start=low.qual_start if low.qual_start >= 0 else low.start),
    ]


def _fraction_matches(view: str) -> list[re.Match[str]]:
    """``_FRACTION_RE``'s matches in ``view``, read only on the lines that hold a ``/`` or a
    ``分之`` (every match holds one, and none holds a line break, so the others have none)."""
    lines: dict[int, int] = {}
    for mark in ("/", "分之"):
        at = view.find(mark)
        while at >= 0:
            start = view.rfind("\n", 0, at) + 1
            end = view.find("\n", at)
            lines[start] = len(view) if end < 0 else end
            at = view.find(mark, lines[start])
    # endpos ends the line as the line break would (no lookaround of the pattern takes a "\n")
    return [m for start in sorted(lines) for m in _FRACTION_RE.finditer(view, start, lines[start])]


def _scan_fractions(marks: Marks) -> list[Hit]:
    """``1/3``, ``三分之一``, ``一百分之二``, ``三百五十又三分之一``: value = whole + numerator / denominator."""
    view = marks.text
    out = []
    for m in _fraction_matches(view):
        if m.group(1):
            a, b = Decimal(m.group(1)), Decimal(m.group(2))
            if b == 0 or a >= b or not is_wide(view[m.end():m.end() + 1] or "a"):
                continue
            whole = Decimal(0)
        else:
            if fold_numerals(m.group("den")) in ("百", "千") and not m.group("whole"):
                continue  # 百分之六 is a percent, 千分之 a per-mille: not fractions
            den, numr = parse_mixed(m.group("den")), parse_mixed(m.group("numr"))
            w = parse_mixed(m.group("whole")) if m.group("whole") else Decimal(0)
            if den is None or numr is None or w is None or den == 0:
                continue
            a, b, whole = numr, den, w
            if bool(m.group("neg")) != bool(m.group("nneg")):
                a, whole = -a, -whole
        if in_name(marks, m.start(), m.end(), False):
            continue
        value = (whole + a / b).quantize(Decimal("0.000001"))
        qual, qend = post_qualifier(view, m.end(), "")
        pre, qstart = pre_qualifier(view, m.start())
        out.append(Hit(m.start(), qend, value, "", Decimal(1), "", qual or pre, qual_start=qstart))
    return out
