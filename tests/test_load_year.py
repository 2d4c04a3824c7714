"""The year (reportdiff._load.title): only from the year given, the file name or the
title, within the plausible years; ``--year`` options parsed and matched by resolved path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportdiff._cli.common import parse_year_options
from reportdiff._load import PLAUSIBLE_YEARS, detect_year, load, load_text
from reportdiff.cli import main
from reportdiff.errors import ParseError, YearError


def test_a_year_in_a_body_heading_is_not_the_report_year() -> None:
    with pytest.raises(YearError, match=r"x\.txt: cannot tell the report's year"):
        load_text("政府工作报告\n\n一、2018年工作回顾\n\n正文。\n", path="x.txt")


def test_a_year_in_the_first_lines_of_the_body_is_not_the_report_year() -> None:
    with pytest.raises(YearError):
        load_text("各位代表：\n\n2018年是全面贯彻党的十九大精神的开局之年。\n", path="notes.txt")


@pytest.mark.parametrize("year", [1066, 2999, 1899, 2101])
def test_an_implausible_year_in_the_title_is_refused_naming_it_and_the_range(year: int) -> None:
    with pytest.raises(YearError) as e:
        load_text(f"{year}年政府工作报告\n\n一、回顾\n\n正文。\n", path="x.txt")
    msg = str(e.value)
    assert f"{year}" in msg and "1900–2100" in msg and "x.txt" in msg and "--year" in msg and "\n" not in msg


def test_the_plausible_range_is_a_keyword_default() -> None:
    assert range(1900, 2101) == PLAUSIBLE_YEARS
    doc = load_text("1066年编年史报告\n\n一、回顾\n\n正文。\n", path="x.txt", years=range(1000, 2101))
    assert 1066 == doc.year


@pytest.mark.parametrize("year", [0, 1066, 99999])
def test_an_implausible_explicit_year_is_refused(year: int) -> None:
    with pytest.raises(YearError, match=f"the year given is {year}, outside the plausible years"):
        load_text("报告\n\n正文。\n", path="x.txt", year=year)


@pytest.mark.parametrize(
    ("path", "title", "year"),
    [
        ("2019.txt", "", 2019),
        ("reports/report_2019.html", "", 2019),
        ("report_0042_2019.txt", "", 2019),  # a serial number is not a year
        ("a.txt", "2022年法治政府建设工作报告", 2022),
        ("a.txt", "２０２２年工作报告", 2022),  # full-width digits
        ("a.txt", "2012 Annual Letter to Shareholders", 2012),
        ("a.txt", "Annual Report 2012", 2012),
        ("a.txt", "2021年—2025年发展规划纲要", None),  # a span tells no single year
        ("a.txt", "Annual Report 1,234", None),
        ("2019-2020.txt", "2020年工作报告", 2020),  # an ambiguous name defers to the title
    ],
)
def test_year_comes_from_the_file_name_then_the_title(path: str, title: str, year: int | None) -> None:
    assert year == detect_year(path, title)


def test_file_name_year_wins_over_the_title() -> None:
    assert 2019 == load_text("2018年工作报告\n\n正文。\n", path="2019.txt").year


@pytest.mark.parametrize(
    ("files", "options", "expected"),
    [
        (["a/2019.txt"], ["./a/2019.txt=2020"], {"a/2019.txt": 2020}),
        (["a/2019.txt"], ["2020"], {"a/2019.txt": 2020}),
        (["a/x.txt", "b/y.txt"], ["b/../a/x.txt=2019", "b/y.txt=2020"], {"a/x.txt": 2019, "b/y.txt": 2020}),
        (["a=b.txt"], ["a=b.txt=2019"], {"a=b.txt": 2019}),
        (["a.txt"], ["a.txt=２０１９"], {"a.txt": 2019}),
    ],
)
def test_year_options_match_files_by_their_resolved_path(files: list[str], options: list[str], expected: dict[str, int]) -> None:
    assert expected == parse_year_options(files, options)


def test_year_option_by_absolute_path_matches_a_relative_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert {"x.txt": 2019} == parse_year_options(["x.txt"], [f"{os.path.join(tmp_path, 'x.txt')}=2019"])


@pytest.mark.parametrize(
    ("files", "option", "match"),
    [
        (["a.txt"], "²", "the year must be a number"),
        (["a.txt"], "a.txt=2019x", "the year must be a number"),
        (["a.txt"], "a.txt=", "the year must be a number"),
        (["a.txt", "b.txt"], "2019", "with several files, name the file"),
        (["a.txt"], "c.txt=2019", "c.txt is not one of the files given"),
    ],
)
def test_bad_year_options_are_one_line_errors(files: list[str], option: str, match: str) -> None:
    with pytest.raises(ParseError, match=match) as e:
        parse_year_options(files, [option])
    assert "\n" not in str(e.value)


def test_two_years_for_one_file_are_an_error() -> None:
    with pytest.raises(ParseError, match="already has the year 2019"):
        parse_year_options(["a/x.txt"], ["a/x.txt=2019", "./a/x.txt=2020"])


def _report(folder: Path) -> Path:
    (folder / "a").mkdir()
    f = folder / "a" / "2019.txt"
    f.write_text("报告\n\n一、回顾\n\n正文。\n", encoding="utf-8")
    return f


def test_cli_year_given_by_another_spelling_of_the_path_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _report(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert 0 == main(["sections", "a/2019.txt", "--year", "./a/2019.txt=2020"])
    assert capsys.readouterr().out.startswith("2020  a/2019.txt")


@pytest.mark.parametrize("option", ["²", "b.txt=2020", "1066"])
def test_cli_bad_year_is_exit_2_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    _report(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert 2 == main(["sections", "a/2019.txt", "--year", option])
    err = capsys.readouterr().err
    assert 1 == len(err.strip().splitlines())
    assert "--year" in err


def test_load_checks_the_explicit_year_too(tmp_path: Path) -> None:
    f = _report(tmp_path)
    assert 2020 == load(f, year=2020).year
    with pytest.raises(YearError):
        load(f, year=3000)
