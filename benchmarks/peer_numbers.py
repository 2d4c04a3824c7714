"""Run the indicator extractor over Microsoft Recognizers-Text specs and count per category.

Usage (from the project root)::

    python3 benchmarks/peer_numbers.py [SPEC_DIR]

SPEC_DIR defaults to ``../shared/peer/recognizers-text`` and falls back to
``fixtures/peer/recognizers-text`` (the copy the tests use).  Printed per category:
expected results, found (a quantity overlaps the expected text), value right, wrong
value (found with another value: worse than a miss), unit right (currency and
dimension), crash (an exception).

How each model is probed:

* ``Number_Chinese_NumberModel``: each expected numeral alone in the neutral frame
  ``金额为<numeral>元。`` (a bare number in running text is rightly no indicator);
  value compared as printed × magnitude word (万, 亿).  Its negative cases (no
  expected result: 四川, 陆地) are run as written and any quantity found counts as spurious.
* ``Number_Chinese_PercentModel``, ``NumberWithUnit_*``: the sentence as written;
  English inputs, tokenised by the spec (``$ 75``), are joined back (``$75``).
* Results without a value (a currency name alone: ``人民币``) are not quantities
  for a report reader and are left out of the counts (listed as "no value").

Where the spec's convention differs on purpose we keep ours: 个百分点 is percentage
points (its value still compares), a number with no unit in running text is no indicator.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff._indicators import extract  # noqa: E402
from reportdiff._numerals import fold_numerals  # noqa: E402
from reportdiff._vocab import MAGNITUDES  # noqa: E402
from reportdiff.model import Quantity  # noqa: E402

FRAME = ("金额为", "元。")

#: Spec unit names → the printed base units (or currency signs) we accept for them.
UNITS: dict[str, set[str]] = {
    "Chinese yuan": {"元", "人民币", "元人民币", "块", "¥", "yuan", "rmb", "renminbi", "cny", "kuai"},
    "Euro": {"欧元", "€", "euro", "euros", "eur"},
    "United States dollar": {"美元", "美圆", "$", "US$", "USD$", "dollar", "dollars", "usd"},
    "Mexican peso": {"MXN$", "MEX$"},
    "New Zealand dollar": {"NZD$", "NZ$"},
    "Sen": {"SEN"},
    "Costa Rican colón": {"₡"},
    "Georgian lari": {"₾"},
    "Lao kip": {"₭"},
    "Satoshi": {"satoshis"},
    "Dollar": {"$", "美元", "dollar", "dollars"},
    "Swiss franc": {"瑞士法郎", "francs", "franc"},
    "Hong Kong dollar": {"港元", "HK$"},
    "New Taiwan dollar": {"台币", "新台币"},
    "Japanese yen": {"日元", "yen", "¥", "jpy"},
    "Chinese yuan ": {"kuai"},
    "Nigerian naira": {"奈拉"},
    "Bitcoin": {"比特币", "bitcoins", "btc", "₿"},
    "Canadian dollar": {"C$", "CAD$", "加元"},
    "Pound": {"£", "pounds", "pound", "英镑"},
    "British pound": {"£", "pounds", "gbp"},
    "Pence": {"pence"},
    "Penny": {"penny"},
    "Cent": {"cents", "cent"},
    "Franc": {"francs", "franc"},
    "Finnish markka": {"markka"},
    "Peseta": {"pesetas"},
    "Australian dollar": {"dollars", "A$", "AUD$"},
    "Netherlands guilder": {"guilders"},
    "Rupee": {"rupees"},
    "Turkish lira": {"lira"},
    "Mu": {"亩"},
    "Kilogram": {"斤", "千克", "公斤"},
    "Centimeter": {"公分", "厘米", "cm"},
    "Megabyte": {"兆字节"},
    "Kilobyte": {"字节", "千字节"},
    "Kilobit": {"比特"},
    "Megahertz": {"兆赫兹"},
    "Hertz": {"赫兹"},
    "Ton": {"吨"},
    "Meter": {"米", "m"},
    "Jin": {"斤"},
    "Liang": {"两"},
    "Kilometer": {"米", "千米"},
    "Gram": {"克"},
    "Microgram": {"微克"},
    "Kilowatt": {"千瓦"},
    "Kilocalorie": {"千卡"},
}


@dataclass
class Counts:
    """What one category scored."""

    expected: int = 0
    found: int = 0
    value_right: int = 0
    wrong_value: int = 0
    unit_right: int = 0
    crash: int = 0
    no_value: int = 0
    negatives: int = 0
    spurious: int = 0
    wrong: list[str] = field(default_factory=list)

    def line(self, name: str, units: bool) -> str:
        """One printed row."""
        n = self.expected or 1
        u = f"  value+unit right {self.unit_right:4d} ({self.unit_right / n:.3f})" if units else ""
        neg = f"  negatives {self.negatives} spurious {self.spurious}" if self.negatives else ""
        return (f"{name:<44} expected {self.expected:4d}  found {self.found:4d} ({self.found / n:.3f})  "
                f"value right {self.value_right:4d} ({self.value_right / n:.3f})  "
                f"wrong value {self.wrong_value:3d} ({self.wrong_value / n:.3f}){u}  crash {self.crash}"
                f"{neg}  no value {self.no_value}")


def printed_value(q: Quantity) -> float:
    """The value as printed times its magnitude word (``36.57亿`` → 3.657e9), unit scale left out."""
    return float(q.value) * MAGNITUDES.get(fold_numerals(q.magnitude), 1)


def untokenise(text: str) -> str:
    """Join what the English specs split: ``$ 75`` → ``$75``, ``c $ 16`` → ``c$16``."""
    text = re.sub(r"\b(us|hk|c|nz|u\.s)\s\$", lambda m: m.group(1).replace(".", "").upper() + "$", text,
                  flags=re.IGNORECASE)
    return re.sub(r"([$£€¥])\s(?=\d)", r"\1", text)


def _equivalent(q: Quantity, want: float, unit: str, *, percent: bool) -> bool:
    """The same amount, allowing for the spec's unit conventions.

    ``三千比特`` is 3000 比特 for us and 3 Kilobit for the spec; a fraction (no unit) of a
    spec percentage (``千分之二`` = 0.2%) is compared ×100.
    """
    v = printed_value(q)
    if _same(v, want):
        return True
    to_percent = {"%": 1.0, "‰": 0.1, "‱": 0.01}
    if percent and q.base_unit in to_percent and _same(q.base_value * to_percent[q.base_unit], want):
        return True  # 三成 = 30 %, 千分之2.4 = 0.24 %
    if unit.startswith("Kilo") and "千" not in q.unit and _same(v, want * 1000):
        return True
    return percent and not q.unit and _same(v * 100, want)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b)) or abs(a - b) <= 1e-6


def score(cases: Iterable[dict[str, object]], *, probe: Callable[[str, dict[str, object]], tuple[str, int]],
          language: str | None, units: bool, negatives: bool = False) -> Counts:
    """Count one spec file; ``probe(input, result)`` gives the text to extract from and the result's offset in it."""
    c = Counts()
    for case in cases:
        text_in = str(case["Input"])
        results = case.get("Results") or []
        assert isinstance(results, list)
        if not results and negatives:
            c.negatives += 1
            try:
                c.spurious += bool(extract(text_in, language=language))
            except Exception:
                c.crash += 1
            continue
        for r in results:
            res = r.get("Resolution") or {}
            value = res.get("value")
            if value is None:
                c.no_value += 1
                continue
            c.expected += 1
            text, offset = probe(text_in, r)
            length = len(str(r["Text"]))
            try:
                qs = extract(text, language=language)
            except Exception:
                c.crash += 1
                continue
            near = [q for q in qs if q.span.start < offset + length and offset < q.span.end]
            if not near:
                continue
            c.found += 1
            want = float(str(value).rstrip("%"))
            unit = str(res.get("unit", ""))
            right = [q for q in near if _equivalent(q, want, unit, percent=str(value).endswith("%"))]
            if right:
                c.value_right += 1
                accepted = {a.lower() for a in UNITS.get(unit, set())}
                if any(q.base_unit.lower() in accepted or q.unit.split()[-1].lower() in accepted
                       or q.unit.lower() in accepted for q in right if q.unit):
                    c.unit_right += 1
            else:
                c.wrong_value += 1
                c.wrong.append(f"{text!r}: expected {value}, got {[q.display for q in near]}")
    return c


def _framed(text: str, r: dict[str, object]) -> tuple[str, int]:
    return FRAME[0] + str(r["Text"]) + FRAME[1], len(FRAME[0])


def _as_written(text: str, r: dict[str, object]) -> tuple[str, int]:
    return text, int(str(r["Start"]))


def _english(text: str, r: dict[str, object]) -> tuple[str, int]:
    joined = untokenise(text)
    want = untokenise(str(r["Text"]))
    k = joined.lower().find(want.lower())
    return joined, k if k >= 0 else int(str(r["Start"]))


#: (file, probe, language, compare units, count negatives)
CATEGORIES: tuple[tuple[str, Callable[[str, dict[str, object]], tuple[str, int]], str | None, bool, bool], ...] = (
    ("Number_Chinese_NumberModel.json", _framed, "zh", False, True),
    ("Number_Chinese_PercentModel.json", _as_written, "zh", False, False),
    ("NumberWithUnit_Chinese_CurrencyModel.json", _as_written, "zh", True, False),
    ("NumberWithUnit_Chinese_DimensionModel.json", _as_written, "zh", True, False),
    ("Number_English_PercentModel.json", _english, "en", False, False),
    ("NumberWithUnit_English_CurrencyModel.json", _english, "en", True, False),
)


def main(argv: list[str]) -> int:
    """Print the counts of every category; ``-v`` also lists the wrong values."""
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    spec = Path(args[0]) if args else ROOT.parent / "shared" / "peer" / "recognizers-text"
    if not spec.is_dir():
        spec = ROOT / "fixtures" / "peer" / "recognizers-text"
    for name, probe, lang, units, negatives in CATEGORIES:
        path = spec / name
        if not path.is_file():
            print(f"{name}: not found in {spec}")
            continue
        cases = json.loads(path.read_text(encoding="utf-8"))
        c = score(cases, probe=probe, language=lang, units=units, negatives=negatives)
        print(c.line(name.removesuffix(".json"), units))
        if verbose:
            for w in c.wrong:
                print("   wrong:", w)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
