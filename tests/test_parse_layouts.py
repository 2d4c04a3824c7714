"""Layouts beyond one drafting style (issue 9): numbered paragraphs, unnumbered
titles, 天干 chapters, glued headings, repeated blocks, markup headings, and
the inferred scheme; on real text (fixtures) and generated text."""

from __future__ import annotations

import attrs
from conftest import FIXTURES, check_lossless, fixture_report
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff._load import load_text
from reportdiff._parse import parse
from reportdiff._parse.layout import drop_repeats, paragraph_schemes
from reportdiff._parse.schemes import chinese_ordinal, scheme_named
from reportdiff.model import MarkupHeading, Report, SectionKind, Span

HKPA = FIXTURES / "hk-policy-address"
HKBS = FIXTURES / "hk-budget-speech"


def _parse(text: str, path: str = "2020.txt") -> Report:
    return parse(load_text(text, path=path))


def _headings(r: Report, level: int) -> list[str]:
    return [s.heading.strip() for s in r.sections() if s.level == level and s.kind is not SectionKind.BLOCK]


# ---------------------------------------------------------------- real text


def test_policy_address_chapters_are_tiangan_and_paragraph_numbers_are_body() -> None:
    r = fixture_report(HKPA / "2000.txt")
    assert ["甲、\t引言", "乙、\t鞏固成果 落實改革", "丙、\t把握機遇 發揮優勢", "丁、\t以民為本 均衡發展"] == _headings(r, 1)[:4]
    assert not any(s.scheme == "arabic-dot" for s in r.sections())
    assert r.text == r.root.text()
    check_lossless(r.root, r.text)


def test_policy_address_unnumbered_titles_nest_under_the_numbered_sub_chapter() -> None:
    r = fixture_report(HKPA / "2000.txt")
    sub = r.root.find("乙/一")
    assert sub is not None
    assert ["知識經濟", "可持續發展"] == [c.title for c in sub.children]
    assert all(3 == c.level and "cn-title" == c.scheme for c in sub.children)


def test_a_heading_glued_to_the_next_paragraph_number_is_cut_there() -> None:
    r = fixture_report(HKPA / "2000.txt")
    last = r.root.children[-1]
    assert "己、\t結語" == last.heading
    assert last.body.startswith("124.")


def test_repeated_heading_block_is_kept_once() -> None:
    r = fixture_report(HKPA / "1998.txt")
    chapters = [s.heading for s in r.sections() if s.scheme == "tiangan"]
    assert ["甲 引言", "乙 經濟", "丙 其他政策與工作計劃", "丁 結語"] == chapters
    assert any("repeat an earlier block" in w for w in r.root.warnings)


def test_first_chapter_glued_after_the_salutation_is_recovered() -> None:
    r = fixture_report(HKPA / "2003.txt")
    first = next(s for s in r.sections() if s.scheme == "tiangan")
    assert ("甲、引言", 1, 1) == (first.heading, first.ordinal, first.level)


def test_budget_speech_titles_with_wide_gaps_are_headings_not_table_rows() -> None:
    r = fixture_report(HKBS / "2005.txt")
    titles = [s.title for s in r.sections()]
    assert "Economic Performance in 2004" in titles
    assert "Improving our Business Environment" in titles
    assert not any(s.number for s in r.sections())


def test_inferred_scheme_is_reported_on_the_root() -> None:
    r = fixture_report(HKPA / "2000.txt")
    assert r.root.warnings[0].startswith("inferred heading scheme: L1 tiangan")
    assert any(w.startswith("arabic-dot taken as body") for w in r.root.warnings)


# ---------------------------------------------------------------- generated text

_word = st.text(alphabet="改革发展经济民生政府建设推进加强", min_size=2, max_size=8)
_sentence = st.text(alphabet="改革发展经济民生政府建设推进加强，", min_size=40, max_size=90).map(lambda s: "我们" + s + "。")


@st.composite
def _numbered_paragraph_docs(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    """甲、乙… chapters, titles inside, every paragraph numbered across chapters."""
    stems = "甲乙丙丁戊"
    lines = ["主席女士："]
    chapters: list[str] = []
    titles: list[str] = []
    n = 0
    for c in range(draw(st.integers(2, 4))):
        h = f"{stems[c]}、{draw(_word)}"
        chapters.append(h)
        lines.append(h)
        for _ in range(draw(st.integers(2, 3))):
            if draw(st.booleans()):
                t = draw(_word) + str(len(titles))
                t = "".join(ch for ch in t if not ch.isdigit()) or "标题"
                if t not in titles:
                    titles.append(t)
                    lines.append(t)
            for _ in range(draw(st.integers(1, 3))):
                n += 1
                lines.append(f"{n}.\t{draw(_sentence)}{draw(_sentence)}")
    sep = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n\n\n"]))
    return sep.join(lines) + "\n", chapters, titles


@settings(max_examples=40, deadline=None)
@given(_numbered_paragraph_docs())
def test_generated_numbered_paragraphs_are_body_and_titles_are_sections(doc: tuple[str, list[str], list[str]]) -> None:
    text, chapters, titles = doc
    r = _parse(text, "2001.txt")
    assert r.text == r.root.text()
    check_lossless(r.root, r.text)
    assert chapters == [s.heading for s in r.sections() if s.scheme == "tiangan"]
    numbered_paras = [s for s in r.sections() if s.scheme == "arabic-dot"]
    assert [] == numbered_paras
    found = [s.title for s in r.sections() if s.scheme == "cn-title"]
    assert titles == found
    raw = r.document.raw_text
    for s in r.sections():
        assert s.heading.strip() in raw[s.raw_span.start : s.raw_span.end]


@st.composite
def _markup_docs(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, int]]]:
    parts: list[str] = ["报告"]
    marks: list[tuple[int, int, int]] = []
    pos = len(parts[0]) + 2
    for _ in range(draw(st.integers(2, 6))):
        level = draw(st.integers(1, 3))
        h = draw(_word)
        marks.append((pos, pos + len(h), level))
        body = draw(_sentence)
        parts += [h, body]
        pos += len(h) + 2 + len(body) + 2
    return "\n\n".join(parts) + "\n", marks


@settings(max_examples=40, deadline=None)
@given(_markup_docs())
def test_generated_markup_headings_are_the_structure(doc: tuple[str, list[tuple[int, int, int]]]) -> None:
    text, marks = doc
    d = load_text(text, path="2020.txt")
    assert text == d.text
    d = attrs.evolve(d, markup_headings=tuple(MarkupHeading(Span(s, e), lv) for s, e, lv in marks))
    r = parse(d)
    assert r.text == r.root.text()
    check_lossless(r.root, r.text)
    # a first heading alone at its level above all others is the title, not a section
    kept = marks[1:] if len(marks) > 1 and marks[0][2] < min(lv for *_, lv in marks[1:]) else marks
    if len({lv for *_, lv in kept}) > 1:
        assert [text[s:e] for s, e, _ in kept] == [s.heading for s in r.sections() if s.kind is not SectionKind.BLOCK]


def test_markup_levels_are_made_dense_and_flat_markup_falls_back_to_text() -> None:
    text = "报告\n\n一、总体\n\n正文。\n\n（一）目标\n\n正文。\n"
    d = load_text(text, path="2020.txt")
    a, b = text.index("一、总体"), text.index("（一）目标")
    marked = attrs.evolve(d, markup_headings=(MarkupHeading(Span(a, a + 4), 2), MarkupHeading(Span(b, b + 5), 4)))
    assert [(1, "一、总体"), (2, "（一）目标")] == [(s.level, s.heading) for s in parse(marked).sections()]
    flat = attrs.evolve(d, markup_headings=(MarkupHeading(Span(a, a + 4), 2),))
    r = parse(flat)
    assert [(1, "一、总体"), (2, "（一）目标")] == [(s.level, s.heading) for s in r.sections()]
    assert any("one level only" in w for w in r.root.warnings)


def test_markdown_chinese_headings_give_sections() -> None:
    r = _parse("# 2020年报告\n\n## 一、总体要求\n\n正文。\n\n### （一）目标\n\n正文。\n\n## 二、任务\n\n正文。\n", "2020.md")
    got = [(s.number, s.title) for s in r.sections() if s.kind is not SectionKind.BLOCK]
    assert ("一、", "总体要求") in got and ("二、", "任务") in got


def test_crlf_and_tab_after_the_marker() -> None:
    r = _parse("标题\r\n\r\n甲、\t引言\r\n\r\n正文。\r\n\r\n乙、\t经济\r\n\r\n正文。\r\n")
    assert [("甲、\t引言", 1), ("乙、\t经济", 2)] == [(s.heading, s.ordinal) for s in r.sections() if s.kind is not SectionKind.BLOCK]


def test_paren_numbers_are_chapters_when_no_outer_level_exists() -> None:
    r = _parse("标题\n\n（一）总体\n\n正文。\n\n（二）任务\n\n正文。\n")
    assert [(1, 1), (1, 2)] == [(s.level, s.ordinal) for s in r.sections() if s.kind is not SectionKind.BLOCK]


def test_weak_evidence_is_said_not_guessed() -> None:
    r = _parse("同志们：\n\n今天我们开会。\n\n散会。\n")
    assert any(w.startswith("weak evidence") for w in r.root.warnings)


def test_traditional_and_chapter_schemes_read_their_ordinals() -> None:
    assert (12, 3, 2) == (chinese_ordinal("第十二章"), scheme_named("tiangan").value("丙、"), chinese_ordinal("兩"))
    r = _parse("標題\n\n第一章 總則\n\n正文。\n\n第二章 分則\n\n正文。\n")
    assert ["chapter", "chapter"] == [s.scheme for s in r.sections() if s.kind is not SectionKind.BLOCK]


def test_paragraph_numbering_needs_both_schemes_to_run_on() -> None:
    r = _parse("标题\n\n一、甲\n\n1.细则。文。\n\n2.细则。文。\n\n二、乙\n\n1.细则。文。\n")
    assert ["一", "一/1", "一/2", "二", "二/1"] == [s.path for s in r.sections() if s.kind is not SectionKind.BLOCK]
    assert {} == paragraph_schemes([])
    assert ([], []) == drop_repeats([])


def test_numbered_heading_broken_at_an_unclosed_bracket_is_joined() -> None:
    r = _parse("标题\n\n一、关于《中华人民共和国\n民法典》的说明\n\n正文。\n\n二、其他\n\n正文。\n")
    first = next(s for s in r.sections() if s.number)
    assert ("一、关于《中华人民共和国\n民法典》的说明", "关于《中华人民共和国民法典》的说明") == (first.heading, first.title)
    assert r.text == r.root.text()


@st.composite
def _titled_docs(draw: st.DrawFn) -> tuple[str, list[tuple[int, str]]]:
    """一、 chapters with unnumbered sub-titles (no paragraph numbering), each over long paragraphs."""
    lines = ["2020年报告"]
    want: list[tuple[int, str]] = []
    seen: set[str] = set()
    for c in range(draw(st.integers(1, 3))):
        h = f"{'一二三'[c]}、{draw(_word)}"
        lines.append(h)
        want.append((1, h))
        lines.append(draw(_sentence))
        for _ in range(draw(st.integers(2, 3))):
            t = draw(_word)
            if t in seen:
                continue
            seen.add(t)
            lines.append(t)
            want.append((2, t))
            lines += [draw(_sentence) for _ in range(draw(st.integers(1, 2)))]
    return "\n\n".join(lines) + "\n", want


@settings(max_examples=40, deadline=None)
@given(_titled_docs())
def test_generated_unnumbered_sub_headings_nest_under_their_chapter(doc: tuple[str, list[tuple[int, str]]]) -> None:
    text, want = doc
    if sum(1 for lv, _ in want if lv == 2) < 2:
        want = [w for w in want if w[0] == 1]  # one title line alone is too weak to take
    r = _parse(text)
    assert r.text == r.root.text()
    check_lossless(r.root, r.text)
    assert want == [(s.level, s.heading) for s in r.sections() if s.kind is not SectionKind.BLOCK]


def test_a_heading_that_cleaning_joined_with_the_next_title_line_is_split() -> None:
    r = fixture_report(HKPA / "2003.txt")
    chapter = next(s for s in r.sections() if s.scheme == "tiangan" and s.ordinal == 2)
    assert "乙、同舟共济  迎接挑战" == chapter.heading
    assert ["正视困难", "剖析原因"] == [c.heading for c in chapter.children][:2]
    assert r.text == r.root.text()


def test_title_parts_with_a_numbered_series_inside_and_a_closing_title() -> None:
    p = "我们推进改革发展，取得了新的成绩，各项工作都有新的进展，人民生活继续改善。"
    text = "\n\n".join(["2020年报告", "引言", p, "工作计划", p, "一、发展经济", p, "产业升级", p, "科技创新", p,
                       "二、改善民生", p, p, "结论", p]) + "\n"
    r = _parse(text)
    got = [(s.level, s.heading) for s in r.sections() if s.kind is not SectionKind.BLOCK]
    assert [(1, "引言"), (1, "工作计划"), (2, "一、发展经济"), (3, "产业升级"), (3, "科技创新"),
            (2, "二、改善民生"), (1, "结论")] == got


def test_ordinal_word_list_items_with_clauses_are_body() -> None:
    r = _parse("标题\n\n一、任务\n\n我们要做三件事：\n\n第一，制定政策，协助建立设施；\n\n第二，鼓励使用。\n\n二、其他\n\n正文。\n")
    assert ["一、任务", "二、其他"] == [s.heading for s in r.sections() if s.kind is not SectionKind.BLOCK]


_PROSE = "我们坚持稳中求进，统筹推进各项工作，各方面成效明显，群众获得感持续增强，基础更加牢固。" * 2


def _levels(text: str) -> list[tuple[int, str]]:
    return [(s.level, s.heading.strip()) for s in _parse(text, "2031.txt").sections() if s.heading]


def test_an_opening_and_a_closing_title_line_stand_beside_the_numbered_parts() -> None:
    """前言 with text of its own before 一、二、, and 结束语 after the last part: all four at level 1."""
    text = f"2031年工作安排\n\n前言\n\n{_PROSE}\n\n一、发展经济\n\n{_PROSE}\n\n二、改善民生\n\n{_PROSE}\n\n结束语\n\n{_PROSE}\n"
    assert [(1, "前言"), (1, "一、发展经济"), (1, "二、改善民生"), (1, "结束语")] == _levels(text)


def test_a_title_line_with_no_text_of_its_own_groups_the_numbered_parts_after_it() -> None:
    text = (f"2031年工作安排\n\n总体要求\n\n{_PROSE}\n\n重点任务\n\n一、发展经济\n\n{_PROSE}\n\n"
            f"二、改善民生\n\n{_PROSE}\n")
    assert [(1, "总体要求"), (1, "重点任务"), (2, "一、发展经济"), (2, "二、改善民生")] == _levels(text)
