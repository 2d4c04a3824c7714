"""The extractor against cases others wrote: Microsoft Recognizers-Text specs (fixtures/peer, MIT).

Each expected numeral of the Chinese NumberModel is probed in the neutral frame
``金额为<numeral>元。`` (as benchmarks/peer_numbers.py does); the unit models are run on
their sentences as written (English tokenised money such as ``$ 75`` joined to ``$75``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reportdiff._indicators import extract
from reportdiff._numerals import fold_numerals
from reportdiff._vocab import MAGNITUDES
from reportdiff.model import Quantity

PEER = Path(__file__).resolve().parent.parent / "fixtures" / "peer" / "recognizers-text"


def cases(name: str) -> list[dict[str, object]]:
    data = json.loads((PEER / name).read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def printed(q: Quantity) -> float:
    return float(q.value) * MAGNITUDES.get(fold_numerals(q.magnitude), 1)


def framed(numeral: str) -> list[float]:
    """Values (printed × magnitude word) found on the numeral in 金额为<numeral>元。"""
    text = f"金额为{numeral}元。"
    return [printed(q) for q in extract(text) if q.span.start < 3 + len(numeral) and 3 < q.span.end]


def test_no_number_model_case_crashes() -> None:
    """Every expected numeral of the Chinese NumberModel, and every input as written, runs without error."""
    for case in cases("Number_Chinese_NumberModel.json"):
        extract(str(case["Input"]))
        for r in case.get("Results") or []:  # type: ignore[union-attr]
            framed(str(r["Text"]))


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一万三", 13000), ("二百五", 250), ("九十二万四", 924000), ("两千四百五", 2450), ("百三", 130),
        ("一千零五", 1005), ("一百零十万", 1100000), ("四万万", 400000000), ("10万万", 1000000000),
        ("五兆六十二亿四万五千二", 5006200045200), ("四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二",
                                                  4569831148725382),
        ("肆佰陸拾", 460), ("壹萬貳佰伍拾", 10250), ("兩千兩百貳拾二", 2222), ("拾億零六萬零五百零六", 1000060506),
        ("负三十二", -32), ("負四十五億零四百零四萬", -4504040000), ("负10000", -10000),
        ("十 余 万", 100000), ("五百 余萬", 5000000), ("二十几万", 200000), ("一百零几万", 1000000),
        ("7 万5 千4 百", 75400), ("5亿1万4千6百", 500014600), ("2千零30万", 20300000),
        ("两千万点五五四四", 20000000.5544), ("两千三点一", 2300.1), ("四百亿点零五零", 40000000000.05),
        ("１１.92亿", 1192000000), ("1,100.9亿", 110090000000), ("４，５６５", 4565),
        ("二十一万亿", 21000000000000), ("三百五十万亿", 350000000000000),
        ("五分之一", 0.2), ("一百分之二", 0.02), ("３分之一百五十七", 52.333333), ("负３分之负一百五十七", 52.333333),
        ("三百五十又3分之1", 350.333333),
    ],
)
def test_number_model_values(numeral: str, value: float) -> None:
    assert [pytest.approx(value)] == framed(numeral)


@pytest.mark.parametrize("numeral", ["2^5", "2e5", "1.1^+23", "-12e-1", "半百", "一打"])
def test_unsupported_forms_give_no_wrong_value(numeral: str) -> None:
    """Exponents and idioms are not read; they must not yield the exponent or a part as the value."""
    assert [] == framed(numeral)


@pytest.mark.parametrize(
    "text", ["陆地上有许多动物", "这个岛屿远离大陆", "小明每天收拾房间", "我準備要退伍了", "这个人很肆意妄为", "《朝花夕拾》是鲁迅的作品"])
def test_financial_numerals_alone_are_words(text: str) -> None:
    assert () == extract(text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("本期开奖结束后，奖池金额攀升至36.57亿元。", 3.657e9, "元"),
        ("东芝重组另需1万亿日元 已向交易银行申请贷款", 1e12, "日元"),
        ("这台电脑两美元又三美分", 2.03, "美元"),
        ("50元6角三分", 50.63, "元"),
        ("4人民币5美元", 4, "人民币"),
        ("包括在金融市场中管理的基金管理业务在内的FILP总额也减少了二％，为四十九兆九千五百九十二億元，是有史以来最大的。",
         49959200000000, "元"),
        ("去年，潜江虾稻产业综合产值突破180亿元，带动就业超10万人，龙虾养殖户户平增收16000元，带动全省养殖小龙虾387万亩。",
         3870000, "亩"),
        ("一吨半", 1.5, "吨"),
        ("十五斤半", 15.5, "斤"),
        ("负13.5千米", -13.5, "米"),
        ("五十兆字节", 50, "兆字节"),
        ("如今身高168cm", 168, "cm"),
    ],
)
def test_chinese_currency_and_dimension_value_and_unit(text: str, value: float, unit: str) -> None:
    found = [(printed(q), q.base_unit) for q in extract(text, language="zh")]
    assert (pytest.approx(value), unit) in found


def untokenise(text: str) -> str:
    text = re.sub(r"\b(us|hk|c|nz|u\.s)\s\$", lambda m: m.group(1).replace(".", "").upper() + "$", text,
                  flags=re.IGNORECASE)
    return re.sub(r"([$£€¥])\s(?=\d)", r"\1", text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("montgomery county , md . - - $ 75 million of general obligation", 75e6, "$"),
        ("the price of the second simulator ranges between c $ 16.4 million", 16.4e6, "C$"),
        ("russia has accepted a us $ 150 million world bank loan", 150e6, "US$"),
        ("coyle ' s net worth was estimated at £ 8.10 million in october 2014 .", 8.1e6, "£"),
        ("the december contract rose 1.20 cents", 1.2, "cents"),
        ("its quarterly operating profit improved to 361 million pounds", 361e6, "pounds"),
        ("on friday the chief cabinet secretary said they had received five million yen", 5e6, "yen"),
        ("it only cost 3 dollars 50 cents.", 3.5, "dollars"),
        ("it only cost thirteen dollars and forty-five cents", 13.45, "dollars"),
        ("Banknotes: 5 €, 10 €, 20 €.", 10, "€"),
        ("I would like to buy this item for USD 200.", 200, "USD"),
        ("Am I eligible for a lone of 35 lakh rupees", 3.5e6, "rupees"),
        ("The first price of the lottory is u.s $ 100,000,000, do you want it?", 1e8, "US$"),
    ],
)
def test_english_currency_value_and_unit(text: str, value: float, unit: str) -> None:
    found = [(printed(q), q.base_unit) for q in extract(untokenise(text), language="en")]
    assert (pytest.approx(value), unit) in found


@pytest.mark.parametrize(
    "text", ["It costs half million usd.", "Am I eligible for a lone of 12,34,567.89 rupees", "All 70 of us."])
def test_english_forms_not_read_give_no_wrong_value(text: str) -> None:
    assert () == extract(text, language="en")


def test_the_copied_spec_files_are_the_peer_suite() -> None:
    """fixtures/peer keeps its licence and the files it copies, unchanged in shape."""
    assert "MIT License" in (PEER / "LICENSE").read_text(encoding="utf-8")
    assert 365 == len(cases("Number_Chinese_NumberModel.json"))
