"""Tests of reportdiff.render and the ``reportdiff diff`` command."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff._diff import diff_texts
from reportdiff.cli import main
from reportdiff.model import DiffSide, Op, TextDiff
from reportdiff.render import (
    APPROXIMATE_NOTE,
    pieces,
    to_dict,
    to_html,
    to_json,
    to_markdown,
    to_text,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOV = FIXTURES / "gov-work-report"

HOSTILE_OLD = "报告<script>alert(1)</script>正文。"
HOSTILE_NEW = '报告"><img src=x onerror=alert(1)>正文。'

S1 = "坚持稳中求进工作总基调，保持经济运行在合理区间。"
S2 = "深化供给侧结构性改革，推动高质量发展取得新进展。"
S3 = "加强生态环境保护，打好污染防治攻坚战。"


@pytest.fixture
def hostile() -> TextDiff:
    return diff_texts(
        DiffSide(HOSTILE_OLD, "<old>.txt", 2018), DiffSide(HOSTILE_NEW, "new&.txt", 2019)
    )


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["inline", "side-by-side"])
@pytest.mark.parametrize("page", [True, False])
def test_html_escapes_every_piece_of_report_text(hostile: TextDiff, view: str, page: bool) -> None:
    out = to_html(hostile, view=view, page=page)
    assert "<script>" not in out
    assert "<img" not in out
    assert "&lt;script&gt;" in out
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)" in out
    assert "&lt;old&gt;.txt" in out and "new&amp;.txt" in out


def test_inline_html_marks_deletions_and_insertions() -> None:
    out = to_html(diff_texts("受理案件100件。", "受理案件120件。"), page=False)
    assert '受理案件<del class="rd-del">100件</del><ins class="rd-ins">120件</ins>。' in out
    assert out.startswith("<style>")


def test_html_page_is_self_contained() -> None:
    out = to_html(diff_texts("甲", "乙"))
    assert out.startswith("<!DOCTYPE html>")
    assert "<style>" in out and "<script" not in out and "http" not in out.split("<body>")[0]


def test_side_by_side_puts_old_left_and_new_right_row_by_paragraph() -> None:
    out = to_html(
        diff_texts("第一段。\n第二段旧。\n", "第一段。\n第二段新。\n"), view="side-by-side"
    )
    rows = out.split("<tr")[2:]
    assert 2 == len(rows)
    assert "rd-changed" not in rows[0] and "rd-changed" in rows[1]
    left, right = rows[1].split("</td><td>")
    assert "<del" in left and "<ins" not in left
    assert "<ins" in right and "<del" not in right


def test_moved_sentence_is_marked_in_html_and_text() -> None:
    d = diff_texts(S1 + S2 + S3, S2 + S3 + S1.replace("合理区间", "合理区间内"))
    assert 1 == len(d.moves)
    html_out = to_html(d, page=False)
    assert 'class="rd-del rd-moved"' in html_out and 'class="rd-ins rd-moved"' in html_out
    assert '<ins class="rd-ins rd-inner">内</ins>' in html_out
    assert "[<-" in to_text(d) and "{>+" in to_text(d)


def test_textdiff_displays_itself_as_html_in_jupyter() -> None:
    d = diff_texts("甲<乙", "甲>乙")
    assert to_html(d, page=False) == d._repr_html_()
    assert "&lt;" in d._repr_html_()


@pytest.mark.parametrize(
    "render",
    [
        lambda d: to_html(d),
        lambda d: to_html(d, view="side-by-side"),
        to_markdown,
        to_text,
    ],
)
def test_approximate_diff_says_so_in_every_format(render: object) -> None:
    d = attrs.evolve(diff_texts("甲", "乙"), approximate=True)
    assert "Approximate diff" in render(d)  # type: ignore[operator]
    assert "Approximate diff" not in render(diff_texts("甲", "乙"))  # type: ignore[operator]
    assert to_dict(d)["approximate"] is True
    assert APPROXIMATE_NOTE.startswith("Approximate diff")


# --------------------------------------------------------------------------
# Markdown and text
# --------------------------------------------------------------------------


def test_markdown_escapes_markup_and_marks_changes() -> None:
    out = to_markdown(diff_texts("a*b <script>", "a*c <script>"))
    assert out.rstrip().endswith(r"a\*<del>b</del><ins>c</ins> &lt;script&gt;")
    assert "| characters | 1 deleted | 1 inserted |" in out


def test_markdown_keeps_tags_within_a_line() -> None:
    out = to_markdown(diff_texts("甲。\n", "甲。\n新段落一。\n\n新段落二。\n"))
    assert "<ins>新段落一。</ins>\n\n<ins>新段落二。</ins>\n" in out


def test_text_has_no_colour_unless_asked() -> None:
    d = diff_texts("增长6%。", "增长7%。")
    assert "\x1b[" not in to_text(d)
    assert "增长[-6%-]{+7%+}。" in to_text(d)
    assert "增长\x1b[31;9m6%\x1b[0m\x1b[32;1m7%\x1b[0m。" in to_text(d, color=True)


def test_text_neutralises_terminal_escapes_in_the_report() -> None:
    out = to_text(diff_texts("甲\x1b[2J", "乙\x1b[2J"), color=True)
    assert "\x1b[2J" not in out and "\ufffd[2J" in out


def test_pieces_join_back_to_the_edits() -> None:
    d = diff_texts(S1 + S2, S2 + S1)
    for op in Op:
        assert "".join(e.text for e in d.edits if e.op is op) == "".join(
            p.text for p in pieces(d) if p.op is op
        )


# --------------------------------------------------------------------------
# JSON contract
# --------------------------------------------------------------------------


def test_json_contract_rebuilds_both_texts_from_offsets() -> None:
    d = diff_texts(
        DiffSide("全年受理案件100件。" + S1, "a.txt", 2018),
        DiffSide(S1 + "全年受理案件120件。", "b.txt", 2019),
    )
    obj = json.loads(to_json(d))
    assert [
        "old",
        "new",
        "section",
        "granularity",
        "approximate",
        "stats",
        "edits",
        "moves",
    ] == list(obj)
    assert {"path": "a.txt", "year": 2018, "text": d.old.text} == obj["old"]
    assert {"path": "b.txt", "year": 2019, "text": d.new.text} == obj["new"]
    assert obj["approximate"] is False
    assert d.old.text == "".join(e["text"] for e in obj["edits"] if e["op"] in ("equal", "delete"))
    assert d.new.text == "".join(e["text"] for e in obj["edits"] if e["op"] in ("equal", "insert"))
    for e in obj["edits"]:
        assert {"op", "text", "a", "b"} == set(e)
        if e["op"] != "insert":
            assert e["text"] == obj["old"]["text"][e["a"][0] : e["a"][1]]
        if e["op"] != "delete":
            assert e["text"] == obj["new"]["text"][e["b"][0] : e["b"][1]]
    assert [["100件", ""], ["", "120件"]] == [
        [c["old"], c["new"]] for c in obj["stats"]["changed_numbers"]
    ]
    assert {"cosine", "jaccard", "edit", "simple"} == set(obj["stats"]["similarity"])
    for m in obj["moves"]:
        assert {"a", "b", "similarity", "edits"} == set(m)


# --------------------------------------------------------------------------
# the command
# --------------------------------------------------------------------------


def test_cli_exit_status_is_zero_for_same_texts(capsys: pytest.CaptureFixture[str]) -> None:
    f = str(GOV / "2018.txt")
    assert 0 == main(["diff", f, f])
    assert "\x1b[" not in capsys.readouterr().out


def test_cli_exit_status_is_one_when_texts_differ(capsys: pytest.CaptureFixture[str]) -> None:
    assert 1 == main(["diff", str(GOV / "2018.txt"), str(GOV / "2019.txt"), "--section", "三"])
    out = capsys.readouterr().out
    assert out.startswith(f"--- {GOV / '2018.txt'} (2018) § 三")


def test_cli_exit_status_is_two_on_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == main(["diff", str(GOV / "2018.txt"), str(GOV / "missing.txt")])
    assert "missing.txt" in capsys.readouterr().err
    assert 2 == main(["diff", str(GOV / "2018.txt"), str(GOV / "2019.txt"), "--section", "九十九"])
    assert "no section '九十九'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["diff", str(GOV / "2018.txt"), str(GOV / "2019.txt"), "--granularity", "line"])
    assert 2 == exc.value.code


def test_cli_writes_json_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    code = main(
        [
            "diff",
            str(GOV / "2018.txt"),
            str(GOV / "2019.txt"),
            "--section",
            "三",
            "--granularity",
            "char",
            "--format",
            "json",
            "-o",
            str(out),
        ]
    )
    assert 1 == code
    obj = json.loads(out.read_text(encoding="utf-8"))
    assert (2018, 2019, "char") == (obj["old"]["year"], obj["new"]["year"], obj["granularity"])
    assert obj["old"]["text"] == "".join(e["text"] for e in obj["edits"] if e["op"] != "insert")


@pytest.mark.parametrize(
    ("fmt", "marker"), [("html", "<!DOCTYPE html>"), ("md", "## "), ("text", "--- ")]
)
def test_cli_formats(fmt: str, marker: str, capsys: pytest.CaptureFixture[str]) -> None:
    f = str(FIXTURES / "xishan-rule-of-law/2022.txt")
    assert 0 == main(["diff", f, f, "--format", fmt, "--section", "一"])
    assert capsys.readouterr().out.startswith(marker)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=4),
    max_leaves=20,
)


@settings(deadline=None)
@given(obj=JSON_VALUES, indent=st.integers(0, 3))
def test_indented_json_is_the_json_modules(obj: object, indent: int) -> None:
    from reportdiff.render import _indented_json

    assert json.dumps(obj, ensure_ascii=False, indent=indent) == _indented_json(obj, indent)


def test_json_of_a_report_diff_is_the_json_modules() -> None:
    d = diff_texts((GOV / "2018.txt").read_text(encoding="utf-8"), (GOV / "2019.txt").read_text(encoding="utf-8"))
    assert json.dumps(to_dict(d), ensure_ascii=False, indent=1) + "\n" == to_json(d)
    assert json.dumps(to_dict(d), ensure_ascii=False) + "\n" == to_json(d, indent=None)
