"""Layouts common in reports the corpus does not hold: outline numbers (1.1) and a
marked document title above the parts."""

from __future__ import annotations

import pytest

from reportdiff._load import load_text
from reportdiff._parse import parse
from reportdiff.model import SectionKind

ZH = "正文内容足够长，用于测试解析器在不同版式下的表现。" * 4
EN = "Body text long enough to count as a paragraph of this report. " * 4


def _tree(text: str, path: str = "2020.txt") -> list[tuple[int, str]]:
    r = parse(load_text(text, path=path))
    assert r.root.text() == r.text
    return [(s.level, s.heading.strip()) for s in r.sections() if s.kind is not SectionKind.BLOCK]


@pytest.mark.parametrize("top", ["1. 总体要求", "一、总体要求"])
def test_outline_numbers_nest_under_the_numbered_parts(top: str) -> None:
    second = "2. 重点任务" if top.startswith("1") else "二、重点任务"
    text = f"标题\n\n{top}\n\n{ZH}\n\n1.1 指导思想\n\n{ZH}\n\n1.2　基本原则\n\n{ZH}\n\n{second}\n\n{ZH}\n\n2.1 深化改革\n\n{ZH}\n"
    assert [(1, top), (2, "1.1 指导思想"), (2, "1.2　基本原则"), (1, second), (2, "2.1 深化改革")] == _tree(text)


def test_a_decimal_quantity_opening_a_line_is_no_heading() -> None:
    text = f"标题\n\n一、总体要求\n\n{ZH}\n\n3.2万亿元投资全部完成。{ZH}\n\n二、重点任务\n\n{ZH}\n"
    assert [(1, "一、总体要求"), (1, "二、重点任务")] == _tree(text)


def test_an_html_title_above_numbered_parts_is_not_a_part() -> None:
    p = f"<p>{ZH}</p>"
    html = (f"<html><body><h1>2020年政府工作报告</h1>{p}<h2>一、工作回顾</h2>{p}<h3>（一）经济</h3>{p}"
            f"<h2>二、任务</h2>{p}</body></html>")
    r = parse(load_text(html, path="2020.html"))
    assert [(1, "一、工作回顾"), (2, "（一）经济"), (1, "二、任务")] == [
        (s.level, s.heading.strip()) for s in r.sections() if s.kind is not SectionKind.BLOCK]
    assert any("is the title" in w for w in r.root.warnings)


def test_two_top_headings_are_parts_not_a_title() -> None:
    text = f"# Review\n\n{EN}\n\n## Results\n\n{EN}\n\n# Plans\n\n{EN}\n"
    assert [(1, "# Review"), (2, "## Results"), (1, "# Plans")] == _tree(text, "2020.md")


def test_numbered_headings_set_in_markdown_bold_are_headings() -> None:
    text = (f"标题\n\n**一、总体要求**\n\n{ZH}\n\n**（一）坚持稳中求进。**{ZH}\n\n"
            f"**重要提示**\n\n{ZH}\n\n**二、重点任务**\n\n{ZH}\n")
    r = parse(load_text(text, path="2020.md"))
    assert r.root.text() == r.text
    assert [(1, "总体要求"), (2, "坚持稳中求进"), (1, "重点任务")] == [
        (s.level, s.title) for s in r.sections() if s.kind is not SectionKind.BLOCK]


def test_numbered_paragraphs_too_long_for_headings_still_show_the_numbering_runs_on() -> None:
    # found by the generated-layout test: 1. and 2. could be headings, 3. and 4. are too
    # long to be; the numbering runs on across 乙, so all four are numbered paragraphs
    short = "我们" + "加" * 40 + "。"
    long = "我们" + "加" * 90 + "。"
    text = (f"主席女士：\n\n甲、加加\n\n1.\t{short}{short}\n\n2.\t{short}{short}\n\n"
            f"乙、加加\n\n3.\t{long}{long}\n\n4.\t{long}{long}\n")
    r = parse(load_text(text, path="2001.txt"))
    assert [("tiangan", "甲、加加"), ("tiangan", "乙、加加")] == [
        (s.scheme, s.heading) for s in r.sections() if s.kind is not SectionKind.BLOCK]


def test_english_headings_set_in_markdown_bold_are_headings() -> None:
    text = (f"To our shareholders:\n\n**Insurance**\n\n{EN}\n\n**Utilities and Energy**\n\n{EN}\n\n"
            f"**This is a bold sentence in the letter, not a heading at all.**\n\n{EN}\n")
    r = parse(load_text(text, path="2020.md"))
    assert r.root.text() == r.text
    assert [(1, "Insurance"), (1, "Utilities and Energy")] == [
        (s.level, s.title) for s in r.sections() if s.kind is not SectionKind.BLOCK]


def test_lettered_parts_are_the_outermost_division() -> None:
    text = (f"PART A: ECONOMIC OUTLOOK\n\n1. {EN}\n\nGrowth in 2020\n\n2. {EN}\n\n"
            f"PART B: TAX MEASURES\n\n3. {EN}\n\nPersonal Income Tax\n\n4. {EN}\n")
    r = parse(load_text(text, path="2020.txt"))
    assert [(1, "part", 1), (2, "en-title", None), (1, "part", 2), (2, "en-title", None)] == [
        (s.level, s.scheme, s.ordinal) for s in r.sections() if s.kind is not SectionKind.BLOCK]


@pytest.mark.parametrize(("first", "title"), [("The 2020 Budget", "The 2020 Budget"),
                                              ("Budget Speech 2020-21", "Budget Speech 2020-21"),
                                              ("2019 was a hard year for us.", "")])
def test_a_dated_first_line_is_the_title_not_a_section(first: str, title: str) -> None:
    text = f"{first}\n\nIntroduction\n\n{EN}\n\nEconomic Outlook\n\n{EN}\n"
    d = load_text(text, path="2020.txt")
    assert title == d.title
    headings = [s.heading for s in parse(d).sections() if s.kind is not SectionKind.BLOCK]
    assert ["Introduction", "Economic Outlook"] == headings  # a title or a sentence, never a section
