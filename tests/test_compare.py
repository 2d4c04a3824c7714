"""compare(): each piece of text diffed once, parents composed from their children."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_years
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff._compare import compare, read_reports
from reportdiff._diff import compose, diff_texts
from reportdiff.errors import ParseError
from reportdiff.model import DiffSide, Op

PIECE = st.text(alphabet="甲乙丙丁。，abc 1", max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(PIECE, PIECE), min_size=1, max_size=5))
def test_composed_diff_rebuilds_both_texts(pieces: list[tuple[str, str]]) -> None:
    parts = [diff_texts(a, b) for a, b in pieces]
    old, new = "".join(a for a, _ in pieces), "".join(b for _, b in pieces)
    d = compose(DiffSide(old), DiffSide(new), parts)
    assert old == "".join(e.text for e in d.edits if e.op is not Op.INSERT)
    assert new == "".join(e.text for e in d.edits if e.op is not Op.DELETE)
    for e in d.edits:
        if e.op is not Op.INSERT:
            assert e.text == e.a.of(old)
        if e.op is not Op.DELETE:
            assert e.text == e.b.of(new)
    assert all(x.op is not y.op for x, y in zip(d.edits, d.edits[1:], strict=False))
    assert diff_texts(old, new).stats.similarity == d.stats.similarity
    assert sum(p.stats.tokens_deleted for p in parts) == d.stats.tokens_deleted


def test_compose_finds_a_sentence_moved_between_pieces() -> None:
    moved = "国内生产总值增长百分之六以上。"
    parts = [diff_texts("一、回顾。" + moved, "一、回顾。"), diff_texts("二、任务。", "二、任务。" + moved)]
    d = compose(DiffSide("一、回顾。" + moved + "二、任务。"), DiffSide("一、回顾。二、任务。" + moved), parts)
    assert [1.0] == [m.similarity for m in d.moves]


def test_compose_refuses_parts_that_do_not_rebuild_the_texts() -> None:
    with pytest.raises(ParseError, match="concatenate"):
        compose(DiffSide("甲乙"), DiffSide("甲"), [diff_texts("甲", "甲")])


def _series(tmp_path: Path) -> list[Path]:
    return write_years(tmp_path, {
        2020: "2020年工作报告\n\n一、工作回顾\n\n总体平稳。\n\n（一）稳增长。国内生产总值增长6%。城镇新增就业1100万人。\n\n"
              "（二）惠民生。居民收入增长5%。\n\n二、今年任务\n\n（一）扩内需。消费增长8%。\n",
        2021: "2021年工作报告\n\n一、工作回顾\n\n总体向好。\n\n（一）稳增长。国内生产总值增长8%。城镇新增就业1200万人。\n\n"
              "（二）惠民生。居民收入增长7%。\n\n二、今年任务\n\n（一）扩内需。消费增长9%。\n",
    })


def test_parent_diffs_cover_the_whole_text_and_own_diffs_the_own_text(tmp_path: Path) -> None:
    c = compare(read_reports(_series(tmp_path)))
    by_year = {r.year: r for r in c.reports}
    own = dict(c.own)
    assert [p for p, _ in c.sections] == [p for p, _ in c.own]
    parents = 0
    for p, d in c.sections:
        assert p.a is not None and p.b is not None
        sa = by_year[p.a.year].root.find(p.a.path)
        sb = by_year[p.b.year].root.find(p.b.path)
        assert sa is not None and sb is not None
        assert (sa.text(), sb.text()) == (d.old.text, d.new.text)
        assert diff_texts(sa.text(), sb.text()).stats.similarity == d.stats.similarity
        assert (sa.heading + sa.body, sb.heading + sb.body) == (own[p].old.text, own[p].new.text)
        if sa.children:
            parents += 1
        else:
            assert own[p] is d
    assert 2 <= parents
    inserted = {e.text for p, d in c.sections for e in d.edits if e.op is Op.INSERT and p.a and p.a.path == "一"}
    assert {"1200万人", "向好"} <= inserted
