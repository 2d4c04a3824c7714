"""Shared fixtures: paths to the bundled real reports and their gold annotations."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
GOV = FIXTURES / "gov-work-report"
XISHAN = FIXTURES / "xishan-rule-of-law" / "2022.txt"
BERKSHIRE = FIXTURES / "berkshire-letters"
GOLD = FIXTURES / "gold"
GOV_YEARS = list(range(2010, 2020))


def norm_heading(h: str) -> str:
    """A heading compared the way the scorer does: NFKC, no whitespace or zero-width characters."""
    s = unicodedata.normalize("NFKC", h)
    return "".join(ch for ch in s if not ch.isspace() and ch not in "\u200b\u200c\u200d\ufeff")


def gold_gov_sections() -> dict[int, dict[str, int]]:
    """{year: {normalised heading: level}} from the gold alignment files."""
    out: dict[int, dict[str, int]] = {}
    for f in sorted((GOLD / "alignment").glob("*.csv")):
        ya, yb = (int(x) for x in f.stem.split("-"))
        with open(f, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for year, h in ((ya, row["heading_a"]), (yb, row["heading_b"])):
                    if h:
                        level = 2 if norm_heading(h).startswith("(") else 1
                        out.setdefault(year, {})[norm_heading(h)] = level
    return out


@pytest.fixture(scope="session")
def gov_reports():  # type: ignore[no-untyped-def]
    from reportdiff._compare import read_reports

    return read_reports([GOV / f"{y}.txt" for y in GOV_YEARS])
