"""Parsing: section trees for Chinese and English reports, lossless, with warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    BERKSHIRE,
    GOV,
    GOV_YEARS,
    XISHAN,
    check_lossless,
    fixture_report,
    gold_gov_sections,
    norm_heading,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff._load import load, load_text
from reportdiff._parse import chinese_ordinal, parse
from reportdiff.model import Report, SectionKind

ALL_FIXTURES = [*sorted(GOV.glob("*.txt")), XISHAN, *sorted(BERKSHIRE.glob("*.txt"))]


def _parse(text: str, path: str = "2020.txt") -> Report:
    return parse(load_text(text, path=path))


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_tree_reproduces_the_cleaned_text_on_every_fixture(path: Path) -> None:
    r = fixture_report(path)
    assert r.text == r.root.text()
    assert (0, len(r.text)) == (r.root.span.start, r.root.span.end)
    check_lossless(r.root, r.text)


@pytest.mark.parametrize("year", GOV_YEARS)
def test_gov_report_headings_match_the_gold_exactly(year: int) -> None:
    gold = gold_gov_sections()[year]
    r = fixture_report(GOV / f"{year}.txt")
    found = {norm_heading(s.heading): s.level for s in r.sections() if s.kind is SectionKind.NUMBERED and s.level <= 2}
    assert gold == found


def test_gov_report_2010_task_headings_without_full_stop_are_whole_lines() -> None:
    r = fixture_report(GOV / "2010.txt")
    s = r.root.find("二/（一）")
    assert s is not None
    assert "（一）提高宏观调控水平，保持经济平稳较快发展" == s.heading
    assert s.body.lstrip().startswith("要继续实施积极的财政政策")


def test_inline_heading_ends_at_the_first_full_stop() -> None:
    r = fixture_report(XISHAN)
    s = r.root.find("一/(一)")
    assert s is not None
    assert "(一)深入学习宣传贯彻习近平法治思想。" == s.heading
    assert "深入学习宣传贯彻习近平法治思想" == s.title
    assert s.body.startswith("贯彻全面依法治区工作会议精神")
    assert ("cn-paren", 1, 2) == (s.scheme, s.ordinal, s.level)


def test_district_report_structure() -> None:
    r = fixture_report(XISHAN)
    top = r.root.children
    kinds = [s.kind for s in top]
    numbered = [s for s in top if s.kind is SectionKind.NUMBERED]
    assert ["一", "二", "三", "四", "五", "六"] == [s.path for s in numbered]
    assert [4, 3, 4, 3, 3, 3] == [len(s.children) for s in numbered]
    # preamble, six parts, the problems paragraph, the 2023 plan section
    assert [SectionKind.BLOCK] + [SectionKind.NUMBERED] * 6 + [SectionKind.BLOCK] * 2 == kinds
    problems, plan = top[-2], top[-1]
    assert "差距和短板" in problems.text() and not problems.children
    assert plan.body.startswith("2023年,我区将")
    assert 5 == len(plan.children)
    assert all(2 == c.level for c in plan.children)
    assert "(五)营造浓厚法治社会氛围。" == plan.children[-1].heading
    assert any("restarts the numbering" in w for w in plan.warnings)


def test_a_numbering_restart_without_text_between_is_flagged_not_hidden() -> None:
    r = _parse("2020年报告\n\n一、甲\n\n（一）子一。文。\n\n（二）子二。文。\n\n（一）又一。文。\n")
    third = r.root.children[0].children[2]
    assert "（一）又一。" == third.heading
    assert any("restarts" in w for w in third.warnings)


def test_numbering_gap_warns() -> None:
    r = _parse("2020年报告\n\n一、甲\n\n正文。\n\n三、丙\n\n正文。\n")
    assert any("gap" in w for w in r.root.children[1].warnings)


def test_titles_after_an_item_before_a_numbering_gap_nest_under_that_item() -> None:
    # 一. holds its own titles; 三. follows.  Nothing in the layout says which title (if any) is the
    # missing 二., so every one of them is a title of 一., and 三. stays 一.'s sibling.
    para = "1. 这是一个足够长的正文段落，用来说明这里的内容，它比标题长得多。\n\n"
    text = ("2020年报告\n\n一. 经济\n\n" + para + "营商环境\n\n" + para.replace("1.", "2.")
            + "资讯科技\n\n" + para.replace("1.", "3.") + "三. 住房\n\n" + para.replace("1.", "4."))
    r = _parse(text)
    first, third = (s for s in r.root.children if s.heading)
    assert ["营商环境", "资讯科技"] == [c.heading for c in first.children]
    assert "三. 住房" == third.heading and first.level == third.level
    assert any("gap" in w for w in third.warnings)


def test_an_outline_nests_by_the_depth_of_its_numbers() -> None:
    para = "这是一个足够长的正文段落，用来说明这里的内容，它比标题长得多。\n\n"
    heads = ["一、总体情况", "1.1 经济发展", "1.2 社会事业", "二、主要任务", "2.1 产业升级",
             "2.1.1 制造业", "2.1.2 服务业", "2.2 城市建设"]
    r = _parse("2020年报告\n\n" + "".join(f"{h}\n\n{para}" for h in heads))
    got = [(s.level, s.heading) for s in r.sections() if s.heading]
    assert [(1, heads[0]), (2, heads[1]), (2, heads[2]), (1, heads[3]), (2, heads[4]), (3, heads[5]),
            (3, heads[6]), (2, heads[7])] == got


def test_a_bare_number_line_opens_an_outline_only_when_its_second_level_follows() -> None:
    para = "这是一个足够长的正文段落，用来说明这里的内容，它比标题长得多。\n\n"
    heads = ["1 总体情况", "1.1 经济发展", "2 主要任务", "2.1 产业升级", "2.2 城市建设"]
    r = _parse("2020年报告\n\n" + "".join(f"{h}\n\n{para}" for h in heads))
    assert [(1, heads[0]), (2, heads[1]), (1, heads[2]), (2, heads[3]), (2, heads[4])] == [
        (s.level, s.heading) for s in r.sections() if s.heading]
    # the same lines with no N.1 after them (a list, a table's rows) are body text
    plain = _parse("2020年报告\n\n一、情况\n\n" + para + "1 北京市\n\n" + para + "2 上海市\n\n" + para)
    assert ["一、情况"] == [s.heading for s in plain.sections() if s.heading]


def test_nesting_follows_schemes_not_fixed_levels() -> None:
    text = "2020年报告\n\n第一章 总则\n\n第一节 目的\n\n一、范围\n\n（一）甲。文。\n\n1.细则。文。\n\n（1）条目。文。\n\n①要点。文。\n\n第二章 分则\n\n正文。\n"
    r = _parse(text)
    got = [(s.level, s.scheme) for s in r.sections()]
    assert [(1, "chapter"), (2, "section"), (3, "cn-dun"), (4, "cn-paren"), (5, "arabic-dot"),
            (6, "arabic-paren"), (7, "circled"), (1, "chapter")] == got


def test_parenthesised_numbers_in_half_and_full_width_are_the_same_scheme() -> None:
    r = _parse("2020年报告\n\n一、甲\n\n（一）全角。文。\n\n(二)半角。文。\n")
    kids = r.root.children[0].children
    assert [1, 2] == [k.ordinal for k in kids]
    assert all(2 == k.level for k in kids)


def test_ordinal_words_in_running_text_stay_body() -> None:
    text = "2020年报告\n\n一、总体要求\n\n第一，向深化改革要动力。改革是最大的红利，必须紧紧依靠人民群众。\n\n一是稳增长，二是调结构。\n\n——经济平稳运行。\n"
    r = _parse(text)
    assert 1 == len(list(r.sections()))
    assert "第一，向深化改革要动力" in r.root.children[0].body


def test_ordinal_word_standing_alone_on_its_line_is_a_heading() -> None:
    r = _parse("2020年报告\n\n第一，稳增长\n\n正文。\n\n第二，调结构\n\n正文。\n")
    assert ["第一，稳增长", "第二，调结构"] == [s.heading for s in r.sections()]


def test_a_document_without_headings_is_a_root_with_paragraphs() -> None:
    r = _parse("同志们：\n\n今天我们开会。\n\n散会。\n")
    assert () == r.root.children
    assert r.text == r.root.body


def test_full_width_digits_in_numbering() -> None:
    r = _parse("2020年报告\n\n一、甲\n\n１．细则一。文。\n\n２．细则二。文。\n")
    assert [1, 2] == [s.ordinal for s in r.root.children[0].children]


def test_heading_like_line_left_in_body_is_warned() -> None:
    long_item = "1." + "很长的列表项内容，" * 30 + "。后文。"
    r = _parse(f"2020年报告\n\n一、甲\n\n{long_item}\n")
    assert any("heading-like" in w for w in r.root.children[0].warnings)


def test_markdown_headings_nest_by_hash_count() -> None:
    r = _parse("# Annual Letter 2020\n\nIntro text here.\n\n## Insurance\n\nFloat grew.\n\n### GEICO\n\nMore.\n\n## Investments\n\nStocks.\n", path="2020.md")
    # the first heading, alone above all others, is the letter's title: its parts are level 1
    assert [(1, "Insurance"), (2, "GEICO"), (1, "Investments")] == [
        (s.level, s.title) for s in r.sections() if s.kind is not SectionKind.BLOCK
    ]


def test_section_raw_spans_point_into_the_raw_file() -> None:
    doc = load(GOV / "2017.txt")
    r = parse(doc)
    s = r.root.find("三/（一）")
    assert s is not None
    assert doc.raw_text[s.raw_span.start :].startswith("（一）用改革的办法")


def test_section_paths_are_unique() -> None:
    for path in ALL_FIXTURES:
        paths = [s.path for s in fixture_report(path).sections()]
        assert len(paths) == len(set(paths)), path


@pytest.mark.parametrize(("s", "n"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零五", 105)])
def test_chinese_ordinal_reads_heading_numerals(s: str, n: int) -> None:
    assert n == chinese_ordinal(s)


_CN = "一二三四五六七八九十"
_words = st.text(alphabet="改革发展经济民生政府建设推进加强，、“”", min_size=1, max_size=30)


@st.composite
def _documents(draw: st.DrawFn) -> tuple[str, list[str]]:
    parts = [draw(st.sampled_from(["2020年报告", "2020年报告\n\n各位代表：\n\n" + draw(_words) + "。"]))]
    headings = []
    for i in range(draw(st.integers(0, 4))):
        h = f"{_CN[i]}、{draw(_words)}"
        headings.append(h)
        parts.append(h)
        for j in range(draw(st.integers(0, 3))):
            sub = f"（{_CN[j]}）{draw(_words)}。"
            headings.append(sub)
            parts.append(sub + draw(_words) + "。")
            for _ in range(draw(st.integers(0, 2))):
                parts.append(draw(_words) + "。")
    sep = draw(st.sampled_from(["\n\n", "\n\n\n", "\r\n\r\n", "\n\u3000\u3000\n"]))
    return sep.join(parts) + "\n", headings


@settings(max_examples=60, deadline=None)
@given(_documents())
def test_generated_documents_parse_losslessly_and_find_every_heading(doc: tuple[str, list[str]]) -> None:
    text, headings = doc
    r = _parse(text)
    assert r.text == r.root.text()
    check_lossless(r.root, r.text)
    found = [s.heading for s in r.sections() if s.kind is SectionKind.NUMBERED]
    assert headings == found


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_random_unicode_parses_losslessly_or_fails_cleanly(text: str) -> None:
    from reportdiff.errors import ReportDiffError

    try:
        r = _parse(text)
    except ReportDiffError:
        return
    assert r.text == r.root.text()
