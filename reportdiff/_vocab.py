"""The words of quantities, in one place: units and their families, qualifiers and
what they mean as bounds, direction words, comparison bases and target cues.

Every stage that reads a number (the diff's number tokens, the indicator
extractor, series linking, target-vs-outcome checks) takes its vocabulary from
here, so they cannot disagree on what ``3个月`` or ``不到3%`` means.
Nothing in this module imports from the rest of reportdiff.
"""

from __future__ import annotations

import enum
import re

import attrs

__all__ = [
    "CN_FUTURE_MODAL",
    "CN_MODAL_NOT_AFTER",
    "CN_MODAL_NOT_BEFORE",
    "CN_MONEY_PARTS",
    "CN_POST_QUALIFIERS",
    "CN_PRE_QUALIFIERS",
    "CN_QUALIFIER_GAPS",
    "CN_TARGET_NOUNS",
    "CN_UNITS",
    "CURRENCY_SIGNS",
    "DOWN_WORDS",
    "EN_CURRENCY_WORDS",
    "EN_FRAMING_WORDS",
    "EN_MAGNITUDE_ABBREVIATIONS",
    "EN_POST_QUALIFIERS",
    "EN_PRE_QUALIFIERS",
    "EN_RANGE_WORDS",
    "EN_UNITS",
    "MAGNITUDES",
    "MASS_KG",
    "NEGATIVE_SIGNS",
    "NOT_AMOUNTS",
    "RANGE_SEPARATORS",
    "TARGET_CUES",
    "UP_WORDS",
    "Meaning",
    "Unit",
    "UnitFamily",
    "convert",
    "family_of",
    "is_approximate",
    "meaning_of",
    "unit_of",
    "unit_pattern",
]


class UnitFamily(enum.StrEnum):
    """What a unit measures; two quantities compare only within one family."""

    RATE = "rate"
    """A share or growth rate: ``%``, ``‰``."""
    POINTS = "points"
    """A change of a rate: ``个百分点``, ``percentage points``."""
    CURRENCY = "currency"
    COUNT = "count"
    """Things counted: 人, 个, 项, 家…"""
    TIME = "time"
    LENGTH = "length"
    AREA = "area"
    VOLUME = "volume"
    MASS = "mass"
    ENERGY = "energy"
    POWER = "power"
    MULTIPLE = "multiple"
    """倍, 番: a ratio."""
    AGE = "age"
    DATA = "data"
    """比特, 字节: amounts of information."""
    FREQUENCY = "frequency"


@attrs.frozen
class Unit:
    """A unit as printed after a number.

    ``base`` and ``scale`` give the unit quantities of this unit convert to for
    comparison (``千米`` → 1000 ``米``); ``not_before`` lists what, directly after
    the unit, shows the characters start another word (``人口``, ``项目``).
    """

    text: str
    family: UnitFamily
    base: str = ""
    scale: int = 1
    not_before: str = ""

    @property
    def base_unit(self) -> str:
        """The unit comparisons are made in (itself unless ``base`` is set)."""
        return self.base or self.text


def _u(family: UnitFamily, words: str, not_before: dict[str, str] | None = None) -> list[Unit]:
    nb = not_before or {}
    return [Unit(w, family, not_before=nb.get(w, "")) for w in words.split()]


_F = UnitFamily
CN_UNITS: tuple[Unit, ...] = (
    *_u(_F.POINTS, "个百分点 百分点"),
    *_u(_F.RATE, "% ‰ ‱ ％"),
    Unit("成", _F.RATE, base="%", scale=10, not_before="不为了功果本员立交就绩长熟型效都绩色分套批"),
    *_u(_F.CURRENCY, "美元 美圆 欧元 港元 日元 英镑 元人民币 元 人民币 瑞士法郎 法郎 台币 新台币 卢布 韩元 "
        "澳元 加元 奈拉 比特币", {"元": "旦素首宵"}),
    *_u(
        _F.COUNT,
        "人次 户次 件次 架次 车次 场次 批次 班次 台次 航次 艘次 人 名 户 家 个 项 件 起 条 份 场 期 次 批 所 座 台 辆 艘 架 套 部 篇 册 "
        "处 宗 例 位 支 只 头 株 棵 种 类 轮 张 床 地 本 届 间 块 列 对 层 栋 道 门 片 枚 盏 眼 口 标准箱 "
        "连增 连涨 连降 连冠 连胜 個",
        {
            "人": "口民类才员均大工力心文事格权体生们", "名": "单称义录牌片", "户": "籍口型",
            "家": "庭园乡属电具", "个": "人体性别税案", "项": "目", "起": "步点来到草诉始源",
            "条": "例件款", "份": "额", "场": "所景地馆次", "期": "间限末初内货",
            "次": "数要序日年级", "批": "准发复示次", "所": "有属在以得谓需", "台": "阶湾账风",
            "部": "门署分长委位", "处": "理置罚于分长", "位": "置于列", "支": "持付出",
            "种": "植子类", "类": "似型别",
            "地": "区方域市级块产铁震下上面图位址处理质",
            "本": "地级市届", "间": "接", "道": "路德理", "门": "户槛类", "口": "岸径号",
            "对": "于外象", "层": "次面级", "片": "区面", "块": "钱", "列": "入",
        },
    ),
    *_u(
        _F.TIME,
        "个工作日 个月 小时 分钟 秒 天 星期 周 年 月 日",
        {"天": "津然下空气", "周": "边年期围转", "日": "常益前后"},
    ),
    *_u(_F.AGE, "周岁 岁"),
    *_u(_F.AREA, "平方公里 平方千米 平方米 公顷 亩"),
    *_u(_F.VOLUME, "立方米"),
    *_u(_F.LENGTH, "公里 厘米 毫米 公分 米"),
    *_u(_F.LENGTH, "km cm mm m KM CM MM", dict.fromkeys(("km", "cm", "mm", "m", "KM", "CM", "MM"), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz²³")),
    *_u(_F.MASS, "kg", {"kg": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}),
    *_u(_F.DATA, "兆字节 千字节 字节 比特"),
    *_u(_F.FREQUENCY, "兆赫兹 千赫兹 赫兹"),
    Unit("千米", _F.LENGTH, base="米", scale=1000),
    *_u(_F.MASS, "吨标准煤 公吨 吨 斤 毫克 微克 克 两"),
    Unit("公斤", _F.MASS, base="斤", scale=2),
    Unit("千克", _F.MASS, base="斤", scale=2),
    *_u(_F.ENERGY, "千瓦时 度 千卡 卡路里"),
    *_u(_F.POWER, "千瓦 兆瓦"),
    *_u(_F.MULTIPLE, "倍 番"),
)
"""Chinese units after a number (magnitude words such as 万, 亿 are not units)."""

EN_UNITS: tuple[Unit, ...] = (
    *_u(_F.POINTS, "percentage-points percentage-point basis-points basis-point"),
    *_u(_F.RATE, "per-cent percent %"),
    *_u(_F.COUNT, "shares employees people"),
    *_u(_F.MASS, "tons tonnes"),
    *_u(_F.AREA, "square-kilometres square-kilometers square-metres square-meters square-feet hectares acres"),
    *_u(_F.LENGTH, "kilometres kilometers metres meters miles"),
    *_u(_F.VOLUME, "barrels"),
    *_u(_F.TIME, "years"),
    *_u(_F.MULTIPLE, "times"),
)
"""English unit words after a number (hyphens stand for a space)."""

MAGNITUDES: dict[str, int] = {
    "万亿": 10**12, "亿": 10**8, "万": 10**4,
    "trillion": 10**12, "billion": 10**9, "million": 10**6, "thousand": 10**3,
    "bn": 10**9, "mn": 10**6, "lakh": 10**5, "crore": 10**7,
}
"""Magnitude words: they scale the number, they are not its unit."""

NOT_AMOUNTS: frozenset[str] = frozenset(("月", "日", "号", "届"))
"""Units after which a bare number names a date or an ordinal (3月, 8日, 十三届), not an amount.

They stay in :data:`CN_UNITS` for the diff's number tokens; the indicator extractor skips them."""

CN_MONEY_PARTS: dict[str, dict[str, str]] = {
    "元": {"角": "0.1", "毛": "0.1", "分": "0.01"}, "块": {"毛": "0.1", "分": "0.01"},
    "美元": {"美分": "0.01"}, "日元": {"日本銭": "0.01", "銭": "0.01"}, "欧元": {"欧分": "0.01"},
}
"""Chinese currency units and their sub-units with their worth (``50元6角三分`` = 50.63元, ``两美元又三美分``)."""

CURRENCY_SIGNS: dict[str, str] = {
    "US$": "US$", "HK$": "HK$", "C$": "C$", "A$": "A$", "S$": "S$", "NZ$": "NZ$", "RMB": "RMB",
    "USD$": "USD$", "AUD$": "AUD$", "CAD$": "CAD$", "NZD$": "NZD$", "MXN$": "MXN$", "MEX$": "MEX$",
    "$": "$", "€": "€", "£": "£", "¥": "¥", "￥": "¥", "₹": "₹", "₩": "₩",
}
"""Currency signs and codes printed before a number, longest first when matched; value: the unit recorded."""

EN_CURRENCY_WORDS: tuple[str, ...] = (
    "dollars", "dollar", "cents", "cent", "pence", "penny", "pounds", "pound", "euros", "euro", "yen",
    "yuan", "renminbi", "rmb", "francs", "franc", "marks", "mark", "rupees", "rupee", "pesetas",
    "guilders", "lira", "liras", "pesos", "peso", "won", "markka", "kuai", "bitcoins", "btc", "satoshis",
    "usd", "eur", "gbp", "jpy", "cny", "hkd",
)
"""Currency names printed after an English number (``420 million finnish markka`` keeps the last word)."""

EN_MAGNITUDE_ABBREVIATIONS: dict[str, int] = {
    "k": 10**3, "m": 10**6, "mn": 10**6, "mm": 10**6, "b": 10**9, "bn": 10**9, "t": 10**12, "tn": 10**12,
}
"""Magnitude letters glued to a number after a currency sign (``€10M``, ``$2.174T``)."""

RANGE_SEPARATORS = "-－—–~～〜至到"
"""Characters that join the two ends of a printed range (``6.5%－7%``, ``6至7%``, ``两到三万元``)."""

NEGATIVE_SIGNS = "负負-−－"
"""Signs printed before a negative number (``负3.9%``, ``-2.8%``)."""

_BY_TEXT: dict[str, Unit] = {u.text.replace("-", " "): u for u in (*CN_UNITS, *EN_UNITS)}


def unit_of(text: str) -> Unit | None:
    """The :class:`Unit` printed as ``text``, or None.

    >>> unit_of("个月").family, unit_of("千米").base_unit
    (<UnitFamily.TIME: 'time'>, '米')
    """
    return _BY_TEXT.get(text)


#: Kilograms per base unit of mass: a series may switch between them (亿吨 one year, 万亿斤 the next).
MASS_KG: dict[str, float] = {"千克": 1.0, "公斤": 1.0, "kg": 1.0, "克": 0.001, "g": 0.001, "斤": 0.5, "市斤": 0.5,
                             "吨": 1000.0, "公吨": 1000.0, "t": 1000.0, "tonnes": 1000.0, "tons": 1000.0}


def convert(value: float, unit: str, to: str) -> float | None:
    """``value`` in base unit ``unit`` expressed in base unit ``to``: the same unit, or
    two units of mass; None when the two cannot be converted.

    >>> convert(1.14e12, "斤", "吨"), convert(5.0, "%", "%"), convert(1.0, "吨", "元")
    (570000000.0, 5.0, None)
    """
    if unit == to:
        return value
    if unit in MASS_KG and to in MASS_KG:
        return value * MASS_KG[unit] / MASS_KG[to]
    return None


def family_of(unit: str) -> str:
    """The family name of a printed unit; a unit not in the vocabulary is its own family.

    >>> family_of("%"), family_of("个百分点"), family_of("万元"), family_of("widgets")
    ('rate', 'points', 'currency', 'widgets')
    """
    u = unit.strip()
    for mag in ("万亿", "亿", "万", "千", "百"):
        if u.startswith(mag) and u[len(mag):] in _BY_TEXT:
            u = u[len(mag):]
            break
    hit = _BY_TEXT.get(u)
    return str(hit.family) if hit else u


def unit_pattern(units: tuple[Unit, ...] = CN_UNITS, *, guarded: bool = True) -> str:
    """A regex alternation of ``units``, longest first, each with its ``not_before`` guard.

    >>> re.match(unit_pattern(), "个月以来").group()
    '个月'
    >>> re.match(unit_pattern(), "人口") is None
    True
    """
    parts = []
    for u in sorted(units, key=lambda u: (-len(u.text), u.text)):
        body = re.escape(u.text).replace("\\-", "[ ]").replace("-", "[ ]")
        if guarded and u.not_before:
            body += f"(?![{re.escape(u.not_before)}])"
        parts.append(body)
    return "|".join(parts)


class Meaning(enum.Enum):
    """What a qualifier printed with a number says about the true value."""

    EXACT = "exact"
    """No qualifier: the value as printed (a bare target reads as a floor)."""
    AT_LEAST = "at_least"
    """以上, 超过, 不低于, more than, at least."""
    AT_MOST = "at_most"
    """以内, 以下, 不到, 不超过, less than, up to."""
    ABOUT = "about"
    """左右, 约, 接近, about, nearly: within a tolerance either way."""


_MEANINGS: dict[str, Meaning] = {
    **dict.fromkeys(("以上", "超过", "超", "不低于", "不少于", "多", "余", "逾", "突破", "高于", "几", "数", "至少", "最少",
                     "超過", "more than",
                     "over", "at least", "in excess of", "above", "not less than", "just over", "well over",
                     "or above", "or more", "and above", "or over"), Meaning.AT_LEAST),
    **dict.fromkeys(("以内", "以下", "内", "之内", "低于", "不超过", "不到", "不足", "最多", "至多", "less than",
                     "under", "up to", "below", "no more than", "at most", "not more than", "just under",
                     "or below", "or less", "and below", "or under"), Meaning.AT_MOST),
    **dict.fromkeys(("左右", "约", "大约", "上下", "近", "将近", "接近", "差不多", "about", "around",
                     "approximately", "nearly", "almost", "roughly", "some", "close to"), Meaning.ABOUT),
}

CN_PRE_QUALIFIERS: tuple[str, ...] = tuple(sorted(
    ("不低于", "不超过", "不少于", "超过", "超過", "突破", "将近", "接近", "差不多", "低于", "高于", "大约", "约", "近",
     "逾", "超", "不到", "不足", "至少", "最少", "最多", "至多"), key=lambda q: (-len(q), q)))
"""Qualifiers printed before a Chinese number, longest first."""
CN_QUALIFIER_GAPS: tuple[str, ...] = ("人民币", "港币", "美元", "有", "占", "达", "为")
"""What may stand between a qualifier and its number: a verb of having, being or amounting to (``约有8万人``,
``约占三成``, ``约达``, ``约为150万人``) or a currency named before the amount (``接近港币700亿元``)."""
CN_POST_QUALIFIERS: tuple[str, ...] = ("左右", "以上", "以下", "以内", "之内", "上下")
"""Qualifiers printed after a Chinese number and its unit."""
EN_PRE_QUALIFIERS: tuple[str, ...] = tuple(sorted((
    "more than", "less than", "at least", "up to", "approximately", "about", "around", "nearly",
    "almost", "over", "under", "roughly", "in excess of", "no more than", "at most", "not more than",
    "not less than", "close to", "just over", "well over", "just under", "below", "above", "some",
), key=lambda q: (-len(q), q)))
"""Qualifiers printed before an English number, longest first (``no more than`` before ``more than``)."""
EN_POST_QUALIFIERS: tuple[str, ...] = ("or above", "or more", "and above", "or over", "or below", "or less",
                                       "and below", "or under")
"""Qualifiers printed after an English number and its unit (``20 per cent or below``)."""
EN_RANGE_WORDS: tuple[str, ...] = ("to", "and")
"""Words joining the two ends of an English range (``4 to 5 per cent``; ``and`` only after ``between``)."""
EN_FRAMING_WORDS: tuple[str, ...] = ("past", "last", "next", "coming", "same", "previous", "following",
                                     "recent", "ensuing", "preceding")
"""Words before a number of years that make it the period a review or plan covers (``over the past
five years``, ``in the coming two years``), not a quantity of its own."""


def meaning_of(qualifier: str) -> Meaning:
    """What ``qualifier`` says of the value: the one reading shared by extraction and ``met``.

    >>> meaning_of("不到"), meaning_of("接近"), meaning_of("以上"), meaning_of("")
    (<Meaning.AT_MOST: 'at_most'>, <Meaning.ABOUT: 'about'>, <Meaning.AT_LEAST: 'at_least'>, <Meaning.EXACT: 'exact'>)
    """
    return _MEANINGS.get(qualifier.strip().lower(), Meaning.EXACT)


def is_approximate(qualifier: str) -> bool:
    """Whether ``qualifier`` makes the printed value a bound or an estimate rather than exact.

    >>> is_approximate("几"), is_approximate("左右"), is_approximate("")
    (True, True, False)
    """
    return meaning_of(qualifier) is not Meaning.EXACT


UP_WORDS: tuple[str, ...] = ("增长", "增加", "提高", "上升", "上涨", "扩大", "回升", "增", "多", "高", "涨", "升")
"""Chinese words that give a change a positive sign."""
DOWN_WORDS: tuple[str, ...] = ("负增长", "下降", "减少", "降低", "回落", "下调", "缩小", "压减", "下跌", "下滑", "降", "减",
                                "低", "少", "跌")
"""Chinese words that give a change a negative sign (负增长: growth below zero, a fall however it is printed)."""
EN_UP_WORDS: tuple[str, ...] = ("rose", "increased", "grew", "gained", "up", "rise", "increase", "growth",
                                "expanded", "climbed", "jumped", "surged")
EN_DOWN_WORDS: tuple[str, ...] = ("fell", "decreased", "declined", "dropped", "down", "fall", "decrease", "decline",
                                  "shrank", "contraction", "narrowed")
"""English words that give a change its sign (a contraction of 6.1 per cent is a fall; not "contracted",
which also means signing a contract: "we contracted for 31 purchases")."""

TARGET_CUES: tuple[str, ...] = ("预期目标", "主要目标", "目标是", "目标为", "拟", "力争", "争取", "预计", "安排",
                                "我们将", "将要", "确保", "预测", "可望", "将可", "打算", "承诺", "我们计划",
                                # a time to come before the modal: 将 / 要 are then the future, not
                                # the object marker or 主要 / 需要
                                "今年将", "明年将", "年内将", "今年要", "明年要", "年内要", "下一步")
"""Chinese words that mark a number as a goal rather than a result."""
CN_TARGET_NOUNS: tuple[str, ...] = ("目标",)
"""Nouns that make the amount they follow a goal (``8万个单位的建屋目标``)."""
CN_FUTURE_MODAL = "会"
"""The modal verb of the future (经济会缩减4%, 我们会拨款): a target cue, except inside the nouns
it also spells (社会, 会议…), told by the characters around it (:data:`CN_MODAL_NOT_AFTER`,
:data:`CN_MODAL_NOT_BEFORE`)."""
CN_MODAL_NOT_AFTER = "社机员委大协学工都商年峰议全体领误融宴开晚酒聚览动易理事乡省部知约庙赛茶舞例盛集附照唱讨金总分女谊教国际"
"""Characters before 会 that make it a noun (社会, 机会, 委员会, 常委会, 大会, 协会, 博览会, 运动会…)."""
CN_MODAL_NOT_BEFORE = "议员计展谈见所场期同商考审长址徽费务馆堂晤合面友话师签诊刊报章后前中标"
"""Characters after 会 that make it a noun or another verb (会议, 会员, 会计, 会谈, 会见, 会后…; not 上:
会上升 is far more often the modal than 会上 the meeting)."""
PLAN_HEADING_WORDS: tuple[str, ...] = ("目标", "任务", "重点工作", "打算")
"""Chinese words that make a section heading a plan's (主要目标, 2021年重点工作, 主要任务): the figures
under it are goals unless their own sentence reports the past or the present.  Not 计划 / 安排 /
展望: a policy address's 工作计划 and a budget's prospects also report where things stand."""
EN_PLAN_HEADING_WORDS: tuple[str, ...] = ("targets", "target", "priorities", "plans", "ahead", "next year",
                                          "coming year")
"""English words that make a section heading a plan's (Priorities for 2021, The Year Ahead); not
"prospects", "outlook" or "estimates": such sections also report the year's results."""
EN_TARGET_CUES: tuple[str, ...] = ("will", "shall", "should", "target", "targets", "goal", "aim", "plan",
                                   "plans", "planned", "expect", "expects", "expected", "budget", "budgeted",
                                   "forecast", "forecasts", "forecasting", "forecasted", "estimate",
                                   "estimates", "estimated", "projected", "projection", "propose",
                                   "proposes", "proposed", "intend", "intends", "earmark", "earmarked",
                                   "coming year", "next year")
"""English words that mark a number as a goal, a plan or a forecast rather than a result."""
