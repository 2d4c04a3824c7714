"""Parts read from the layout of unnumbered English headings (issue 10, parse side): a
heading-only heading directly followed by a different heading opens a part; copies of a
heading (a source printing each heading twice) and flat documents keep every heading at level 1."""

from __future__ import annotations

from conftest import FIXTURES, check_lossless, fixture_report
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff._load import load_text
from reportdiff._parse import PartExtent, parse
from reportdiff._parse.candidate import Candidate
from reportdiff._parse.parts import MIN_PARTS, group_parts
from reportdiff.model import Report, SectionKind

_WORDS = ("Growth", "Trade", "Housing", "Finance", "Transport", "Health", "Schools", "Energy",
          "Water", "Tourism", "Labour", "Revenue", "Harbour", "Science", "Culture", "Safety")
_PARAGRAPH = ("We will continue to support the sector this year, and the Government will invest "
              "further in new facilities so that the community benefits from them.")


def _parse(text: str, extent: PartExtent = PartExtent.OWN_RUN) -> Report:
    return parse(load_text(text, path="2020.txt"), part_extent=extent)


def _levels(r: Report) -> list[tuple[int, str]]:
    return [(s.level, " ".join(s.heading.split())) for s in r.sections() if s.kind is not SectionKind.BLOCK]


def _noted(r: Report) -> bool:
    return any(w.startswith("parts from layout") for w in r.root.warnings)


_title = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3, unique=True).map(" ".join)


@st.composite
def _grouped_docs(draw: st.DrawFn) -> tuple[list[str], list[tuple[int, int, str]]]:
    """Introduction, parts whose heading is followed directly by their first sub-heading,
    then more sub-headings over paragraphs, and a closing section.

    Returns the blocks of the text and, per heading, (level with OWN_RUN, level with
    NEXT_PART, heading)."""
    seen: set[str] = set()

    def fresh() -> str:
        t = draw(_title.filter(lambda t: t not in seen))
        seen.add(t)
        return t

    blocks = ["Opening", _PARAGRAPH]
    want = [(1, 1, "Opening")]
    for _ in range(draw(st.integers(MIN_PARTS, 4))):
        part, first = fresh(), fresh()
        blocks += [part, first, _PARAGRAPH]
        want += [(1, 1, part), (2, 2, first)]
        for _ in range(draw(st.integers(0, 3))):
            sub = fresh()
            blocks += [sub] + [_PARAGRAPH] * draw(st.integers(1, 2))
            want.append((1, 2, sub))
    blocks += ["Closing Remarks", _PARAGRAPH]
    want.append((1, 1, "Closing Remarks"))
    return blocks, want


@settings(max_examples=40, deadline=None)
@given(_grouped_docs(), st.sampled_from(["\n\n", "\r\n\r\n", "\n\n\n"]))
def test_a_heading_only_heading_directly_followed_by_another_opens_a_part(
    doc: tuple[list[str], list[tuple[int, int, str]]], sep: str
) -> None:
    blocks, want = doc
    text = sep.join(blocks) + "\n"
    for extent, col in ((PartExtent.OWN_RUN, 0), (PartExtent.NEXT_PART, 1)):
        r = _parse(text, extent)
        assert r.text == r.root.text()
        check_lossless(r.root, r.text)
        assert [(w[col], w[2]) for w in want] == _levels(r)
        assert _noted(r)


def test_next_part_nests_every_heading_up_to_the_next_part_under_it() -> None:
    blocks = ["Opening", _PARAGRAPH, "Trade", "Harbour", _PARAGRAPH, "Tourism", _PARAGRAPH,
              "Health", "Schools", _PARAGRAPH, "Water", _PARAGRAPH, "Closing Remarks", _PARAGRAPH]
    r = _parse("\n\n".join(blocks) + "\n", PartExtent.NEXT_PART)
    assert ["Opening", "Trade", "Health", "Closing Remarks"] == [s.heading for s in r.root.children]
    trade = r.root.children[1]
    assert ["Harbour", "Tourism"] == [c.heading for c in trade.children]
    assert trade.body.strip() == ""


def _printed_twice(titles: list[str], gap: bool) -> list[str]:
    """Each heading as a title line and again as a copy; with ``gap`` the copy and the
    paragraphs hold wide runs of spaces (extraction noise, as in the Budget Speech)."""
    para = _PARAGRAPH.replace(" ", " " * 30, 1) if gap else _PARAGRAPH
    blocks = []
    for t in titles:
        copy = t.replace(" ", " " * 30, 1) if gap else t
        blocks += [t, copy, para]
    return blocks


@settings(max_examples=30, deadline=None)
@given(st.lists(_title, min_size=2, max_size=8, unique=True), st.booleans())
def test_headings_printed_twice_are_one_section_each_and_open_no_part(titles: list[str], gap: bool) -> None:
    text = "\n\n".join(_printed_twice(titles, gap)) + "\n"
    r = _parse(text, PartExtent.NEXT_PART)
    assert [(1, t) for t in titles] == _levels(r)
    assert not _noted(r)
    check_lossless(r.root, r.text)
    assert any("reprint the headings after them" in w for w in r.root.warnings)


@settings(max_examples=30, deadline=None)
@given(st.lists(_title, min_size=2, max_size=8, unique=True))
def test_a_flat_document_stays_flat(titles: list[str]) -> None:
    blocks = [b for t in titles for b in (t, _PARAGRAPH)]
    r = _parse("\n\n".join(blocks) + "\n", PartExtent.NEXT_PART)
    assert [(1, t) for t in titles] == _levels(r)
    assert not _noted(r)


def test_printed_twice_with_parts_the_copies_take_the_level_of_what_they_copy() -> None:
    # Forms of a source that prints each heading twice: ``Sub / Part / Sub`` (the sub-heading's
    # title line, then the part, then the sub-heading again), ``Part Sub / Part / Sub`` (a line
    # gluing both) and a heading line right above its copy: all reprints, kept as body text of what
    # precedes them, so each heading is one section.
    blocks = ["Opening", "Opening", _PARAGRAPH, "Harbour", "Trade", "Harbour", _PARAGRAPH,
              *_printed_twice(["Tourism"], False),
              "Health Schools", "Health", "Schools", _PARAGRAPH,
              *_printed_twice(["Water", "Closing Remarks"], False)]
    text = "\n\n".join(blocks) + "\n"
    assert [(1, "Opening"), (1, "Trade"), (2, "Harbour"), (2, "Tourism"), (1, "Health"),
            (2, "Schools"), (2, "Water"), (1, "Closing Remarks")] == _levels(_parse(text, PartExtent.NEXT_PART))
    own = _parse(text)
    assert (1, "Tourism") in _levels(own) and (2, "Schools") in _levels(own)
    trade = next(s for s in own.root.children if s.heading == "Trade")
    assert ["Harbour"] == [c.heading for c in trade.children]
    check_lossless(own.root, own.text)
    assert 1 == sum(s.heading == "Opening" for s in own.sections())  # the first line, a reprint, opens the text


def test_a_list_of_contents_and_a_single_grouping_open_no_part() -> None:
    # The contents run (three different headings before the first body) is no cue, so the
    # one real grouping (Health / Harbour) stays below MIN_PARTS.
    contents = ["Trade", "Health", "Water", "Opening", _PARAGRAPH, "Trade", _PARAGRAPH, "Health",
                "Harbour", _PARAGRAPH, "Water", _PARAGRAPH]
    single = ["Opening", _PARAGRAPH, "Trade", "Harbour", _PARAGRAPH, "Health", _PARAGRAPH]
    for blocks in (contents, single):
        r = _parse("\n\n".join(blocks) + "\n", PartExtent.NEXT_PART)
        assert {1} == {lv for lv, _ in _levels(r)}
        assert not _noted(r)


def test_numbered_or_ranked_headings_are_left_to_their_own_rules() -> None:
    text = "A\n\nB\n\nText.\n\nC\n\nD\n\nText.\n"

    def c(t: str, number: str = "", rank: int | None = None) -> Candidate:
        s = text.index(t + "\n")
        return Candidate(s, s + 1, s + 1, number, "en-title", None, t, rank=rank)

    plain = [c("A"), c("B"), c("C"), c("D")]
    assert [1, 2, 1, 2] == [x.rank for x in group_parts(text, plain)[0]]
    for cands in ([c("A", "1."), c("B"), c("C"), c("D")], [c("A", rank=1), c("B"), c("C"), c("D")]):
        assert (cands, []) == group_parts(text, cands)


def test_budget_speech_part_directly_followed_by_its_sub_heading() -> None:
    r = fixture_report(FIXTURES / "hk-budget-speech" / "2005.txt")
    part = next(s for s in r.root.children if s.heading == "Public Finances")
    assert 1 == part.level
    assert ["Maintaining Fiscal Discipline"] == [c.heading for c in part.children]
    assert _noted(r)
    assert r.text == r.root.text()
