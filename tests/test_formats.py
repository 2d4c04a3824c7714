"""Output formats: one renderer per format, each safe for hostile report text."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from reportdiff._formats import RENDERERS, Format, Table, csv_cell, render, terminal_safe


def test_every_format_has_a_renderer() -> None:
    assert set(Format) == set(RENDERERS)


def test_csv_guards_formula_cells_but_keeps_numbers() -> None:
    table = Table(("label", "value"), (("=1+1", -2.8), ("+cmd|' /C calc'!A0", "-3"), ("@SUM(A1)", "ok")))
    rows = list(csv.reader(io.StringIO(render(table, Format.CSV))))
    assert [["label", "value"], ["'=1+1", "-2.8"], ["'+cmd|' /C calc'!A0", "-3"], ["'@SUM(A1)", "ok"]] == rows
    raw = list(csv.reader(io.StringIO(render(table, "csv", csv_guard=False))))
    assert "=1+1" == raw[1][0]


@given(st.text())
def test_csv_guard_only_ever_prepends_a_quote(text: str) -> None:
    cell = csv_cell(text)
    assert text == (cell[1:] if cell != text else cell)
    assert not cell.startswith(("=", "+", "@")) or cell == text


def test_markdown_cells_cannot_become_markup() -> None:
    table = Table(("label",), (("<svg onload=alert(1)>",), ("a|b",), ("[x](javascript:1)",)))
    md = render(table, Format.MD)
    assert "<svg" not in md
    assert "&lt;svg onload=alert(1)&gt;" in md
    assert "a\\|b" in md
    assert "\\[x\\](javascript:1)" in md
    assert 5 == len(md.strip().split("\n"))


def test_html_cells_are_escaped() -> None:
    out = render(Table(("h",), (('"><img src=x onerror=alert(1)>',),), title="<b>"), Format.HTML)
    assert "<img" not in out
    assert "<b>" not in out


def test_text_replaces_control_characters_and_aligns_wide_characters() -> None:
    out = render(Table(("标题", "n"), (("一、\x1b[2J工作", 1), ("ab", 22))), Format.TEXT)
    assert "\x1b" not in out
    assert "\\x1b[2J" in out
    lines = out.splitlines()
    def column(line: str) -> int:  # display column where the last field starts (CJK counts double)
        prefix = line[: line.rstrip().rindex(" ") + 1]
        return sum(2 if ord(ch) > 0x2E7F else 1 for ch in prefix)

    assert column(lines[1]) == column(lines[2])
    assert "a\tb\nc" == terminal_safe("a\tb\nc")
    assert "\\u202e" == terminal_safe("\u202e")


def test_json_is_a_list_of_records() -> None:
    out = render(Table(("a", "b"), ((1, None), ("中", True))), Format.JSON)
    assert [{"a": 1, "b": None}, {"a": "中", "b": True}] == json.loads(out)
