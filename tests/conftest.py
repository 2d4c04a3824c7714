"""Shared fixtures and helpers: paths to the bundled real reports and their gold annotations, the
section-tree check, and costly values made once per test run."""

from __future__ import annotations

import csv
import fcntl
import functools
import os
import pickle
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest

if TYPE_CHECKING:
    from reportdiff.model import Report, Section


def pytest_configure(config: pytest.Config) -> None:
    """Hypothesis's profiles, in every process that runs tests.

    Generated tests draw the same examples on every run, so CI is the same on the same code, and as
    many as the profile says (Hypothesis's 100) unless a test's examples are costly and it asks for
    fewer; HYPOTHESIS_PROFILE=explore draws ten times as many new ones (run it when changing a
    parser, the numerals or the aligner).  pytest-xdist's controller (``-n N``) runs no test: it
    skips this and never imports Hypothesis (a third of a second before it starts the workers).
    """
    if getattr(config, "workerinput", None) is None and config.getoption("numprocesses", None):
        return
    from hypothesis import settings

    settings.register_profile("reportdiff", derandomize=True)
    settings.register_profile("explore", max_examples=1000)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "reportdiff"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
GOV = FIXTURES / "gov-work-report"
XISHAN = FIXTURES / "xishan-rule-of-law" / "2022.txt"
BERKSHIRE = FIXTURES / "berkshire-letters"
GOLD = FIXTURES / "gold"
GOV_YEARS = list(range(2010, 2020))
T = TypeVar("T")


def norm_heading(h: str) -> str:
    """A heading compared the way the scorer does: NFKC, no whitespace or zero-width characters."""
    s = unicodedata.normalize("NFKC", h)
    return "".join(ch for ch in s if not ch.isspace() and ch not in "\u200b\u200c\u200d\ufeff")


def check_lossless(sec: Section, text: str) -> None:
    """The section tree reproduces ``text``: each span holds its section's text, heading and body,
    and the children tile the rest of their parent one after another."""
    assert sec.span.of(text) == sec.text()
    assert sec.heading_span.of(text) == sec.heading
    assert sec.body_span.of(text) == sec.body
    pos = sec.body_span.end
    for c in sec.children:
        assert pos == c.span.start
        check_lossless(c, text)
        pos = c.span.end
    assert pos == sec.span.end


@functools.cache
def fixture_report(path: Path) -> Report:
    """``read_report(path)`` of a bundled fixture file, read once per process and shared by the tests
    that read it (a Report is frozen; tests read it and never change it).  The parsing tests read the
    same sixteen fixture files in several tests each."""
    from reportdiff._compare import read_report

    return read_report(path)


def write_years(folder: Path, texts: Mapping[int, str]) -> list[Path]:
    """Write each year's text to ``folder/YEAR.txt`` (UTF-8), in year order; return the paths."""
    paths = []
    for year, text in sorted(texts.items()):
        path = folder / f"{year}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


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




def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[], T]) -> T:
    """``make()`` once per test run, also when pytest-xdist runs the tests in several processes.

    Alone, this is just ``make()``.  Under xdist the first worker to ask computes the value and pickles
    it into the run's shared temporary folder (named by the run's id, so never a stale one); the
    others wait on the lock and load it.  For costly, frozen values only.
    """
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if run is None:
        return make()
    shared = tmp_path_factory.getbasetemp().parent / f"{name}-{run}.pickle"
    with open(shared.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if shared.exists():
            value: T = pickle.loads(shared.read_bytes())
            return value
        value = make()
        part = shared.with_suffix(".part")
        part.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        part.replace(shared)
        return value


@pytest.fixture(scope="session")
def gov_reports(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The ten government work reports (2010–2019), read once per run (frozen values)."""
    from reportdiff._compare import read_reports

    return made_once(tmp_path_factory, "gov-reports", lambda: read_reports([GOV / f"{y}.txt" for y in GOV_YEARS]))


@pytest.fixture(scope="session")
def gov_comparison(gov_reports, tmp_path_factory):  # type: ignore[no-untyped-def]
    """``compare`` of the last three government work reports (2017–2019), made once per run.

    A Comparison is frozen; tests read it and never change it (its ``sections`` are made on first use).
    """
    from reportdiff._compare import compare

    return made_once(tmp_path_factory, "gov-comparison", lambda: compare(gov_reports[-3:]))

