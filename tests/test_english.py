"""English heading detection (reportdiff._parse.english) and the English line
joining it relies on (reportdiff._load._join_en_lines)."""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest

from reportdiff._load import load, load_text
from reportdiff._parse import parse
from reportdiff._parse.english import english_candidates

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LETTERS = sorted((FIXTURES / "berkshire-letters").glob("*.txt"))
GOLD = FIXTURES / "gold" / "sections" / "berkshire-letters"

BODY = "          " + "This is the body of a paragraph that runs on for a while. " * 2


def titles(text: str) -> list[str]:
    """The titles of the heading candidates of ``text``."""
    return [c.title for c in english_candidates(text)]


def levels(text: str) -> list[tuple[int, str]]:
    """(level, heading) of every headed section of ``text`` parsed as a 2020 report."""
    report = parse(load_text(text, path="2020.txt"))
    return [(s.level, s.heading) for s in report.sections() if s.heading]


def norm(s: str) -> str:
    """NFKC with all whitespace removed: how headings are compared with the gold."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


# -- Markdown -------------------------------------------------------------


def test_markdown_headings_take_their_level_from_the_hash_count() -> None:
    """The ``#`` markers give the level; they are not a numbering token (``number`` stays empty)."""
    text = "# Review\n\nIntro.\n\n## Results\n\nText.\n\n### Detail\n\nMore.\n\n# Plans ##\n\n## Outlook\n\nEnd.\n"
    assert [
        ("", 1, "Review"),
        ("", 2, "Results"),
        ("", 3, "Detail"),
        ("", 1, "Plans"),
        ("", 2, "Outlook"),
    ] == [(c.number, c.rank, c.title) for c in english_candidates(text)]
    assert [
        (1, "# Review"),
        (2, "## Results"),
        (3, "### Detail"),
        (1, "# Plans ##"),
        (2, "## Outlook"),
    ] == levels(text)


def test_a_first_heading_alone_above_all_others_is_the_title_not_a_part() -> None:
    text = "# Annual Report\n\nIntro.\n\n## Results\n\nText.\n\n### Detail\n\nMore.\n\n## Outlook ##\n\nEnd.\n"
    assert [(1, "## Results"), (2, "### Detail"), (1, "## Outlook ##")] == levels(text)
    report = parse(load_text(text, path="2020.txt"))
    assert report.root.text() == text and "# Annual Report" in report.root.children[0].text()


def test_markdown_document_ignores_code_fences_numbered_lists_and_bare_title_lines() -> None:
    text = "# Title\n\n```\n# not a heading\n```\n\n1. First item\n\n2. Second item\n\nInsurance\n\n## Real\n\nText.\n"
    assert ["Real"] == titles(text)  # "# Title", alone above "## Real", is the title


# -- numbered headings ----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "number", "scheme", "ordinal", "title"),
    [
        ("1. Overview of Results", "1.", "arabic-dot", 1, "Overview of Results"),
        ("2.3 Revenue by Segment", "2.3", "decimal", 3, "Revenue by Segment"),
        ("2.3.1 Retail Revenue", "2.3.1", "decimal-3", 1, "Retail Revenue"),
        ("IV. Outlook", "IV.", "roman", 4, "Outlook"),
        ("B. Liquidity", "B.", "letter", 2, "Liquidity"),
        ("(b) Energy Prices", "(b)", "letter-paren", 2, "Energy Prices"),
        ("(3) Capital Works", "(3)", "arabic-paren", 3, "Capital Works"),
        ("Item 1A. Risk Factors", "Item 1A.", "item", None, "Risk Factors"),
        ("Item 7. Management’s Discussion", "Item 7.", "item", 7, "Management’s Discussion"),
        ("PART II", "PART II", "part", 2, ""),
    ],
)
def test_numbered_heading_on_its_own_line(
    line: str, number: str, scheme: str, ordinal: int | None, title: str
) -> None:
    [c] = english_candidates(f"{line}\n\n{BODY}\n")
    assert (number, scheme, ordinal, title) == (c.number, c.scheme, c.ordinal, c.title)


def test_an_outline_nests_by_the_depth_of_its_numbers() -> None:
    text = "".join(f"{h}\n\n{BODY}\n\n" for h in (
        "1. Overview", "1.1 Economy", "1.2 Society", "2. Priorities", "2.1 Industry",
        "2.1.1 Manufacturing", "2.1.2 Services", "2.2 Housing", "3. Outlook"))
    assert [(1, "1. Overview"), (2, "1.1 Economy"), (2, "1.2 Society"), (1, "2. Priorities"),
            (2, "2.1 Industry"), (3, "2.1.1 Manufacturing"), (3, "2.1.2 Services"), (2, "2.2 Housing"),
            (1, "3. Outlook")] == levels(text)


def test_an_outline_with_bare_top_numbers_nests_by_depth() -> None:
    text = "".join(f"{h}\n\n{BODY}\n\n" for h in (
        "1 Overview", "1.1 Economy", "2 Priorities", "2.1 Industry", "2.1.1 Manufacturing", "3 Outlook"))
    # 3 Outlook has no 3.1 after it, but it is the outline's next top number
    assert [(1, "1 Overview"), (2, "1.1 Economy"), (1, "2 Priorities"), (2, "2.1 Industry"),
            (3, "2.1.1 Manufacturing"), (1, "3 Outlook")] == levels(text)


def test_parenthesised_items_nest_under_their_heading_and_list_items_are_body() -> None:
    text = "".join(f"{h}\n\n{BODY}\n\n" for h in (
        "I. THE ECONOMY", "A. Growth", "B. Prices", "(a) Food", "(b) Energy", "C. Jobs",
        "(1) describe the system and the policies that caused the loss"))
    assert [(1, "I. THE ECONOMY"), (2, "A. Growth"), (2, "B. Prices"), (3, "(a) Food"), (3, "(b) Energy"),
            (2, "C. Jobs")] == levels(text)


def test_numbered_line_ending_like_a_sentence_is_not_a_heading() -> None:
    assert [] == titles(f"1. We bought more shares this year.\n\n{BODY}\n")


def test_form_10k_items_nest_under_parts_and_title_lines_under_items() -> None:
    text = (
        f"PART I\n\nItem 1. Business\n\nGeneral\n\n{BODY}\n\nItem 1A. Risk Factors\n\n{BODY}\n\n"
        f"PART II\n\nItem 5. Market for Common Equity\n\n{BODY}\n"
    )
    assert [
        (1, "PART I"),
        (2, "Item 1. Business"),
        (3, "General"),
        (2, "Item 1A. Risk Factors"),
        (1, "PART II"),
        (2, "Item 5. Market for Common Equity"),
    ] == levels(text)


def test_an_introduction_and_a_conclusion_stand_beside_the_chapters_they_frame() -> None:
    """A title line before a numbered series that runs once through the document, and one after its
    last item, are the chapters' siblings, not their parent and child."""
    text = (f"The 2031 Plan\n\nOpening Remarks\n\n{BODY}\n\n1. Farming\n\n{BODY}\n\n"
            f"2. Schools\n\n{BODY}\n\nLooking Ahead\n\n{BODY}\n")
    assert [(1, "Opening Remarks"), (1, "1. Farming"), (1, "2. Schools"), (1, "Looking Ahead")] == levels(text)


def test_a_roman_series_after_a_subtitle_is_the_top_level() -> None:
    text = (f"ANNUAL REPORT 2031\n\nNote to Members\n\n{BODY}\n\nI. THE YEAR\n\n{BODY}\n\n"
            f"A. Ferries\n\n{BODY}\n\nB. Buses\n\n{BODY}\n\nII. NEXT YEAR\n\n{BODY}\n")
    assert [(1, "Note to Members"), (1, "I. THE YEAR"), (2, "A. Ferries"), (2, "B. Buses"),
            (1, "II. NEXT YEAR")] == levels(text)


def test_a_subtitle_above_a_lettered_series_is_not_a_part_holding_the_whole_document() -> None:
    """The body's first line, heading-only above the first chapter, and the only line of its kind so
    placed: a subtitle of the title block; the title lines inside chapters are their sub-sections."""
    text = (f"Budget Statement 2031\n\nGrowing Together\n\nA. Introduction\n\n{BODY}\n\n"
            f"B. Supporting Workers\n\nWage Support\n\n{BODY}\n\nSkills Grants\n\n{BODY}\n\n"
            f"C. Fiscal Position\n\n{BODY}\n")
    assert [(1, "A. Introduction"), (1, "B. Supporting Workers"), (2, "Wage Support"), (2, "Skills Grants"),
            (1, "C. Fiscal Position")] == levels(text)


def test_the_signer_after_a_letters_closing_is_no_heading() -> None:
    text = f"To our owners:\n\n{BODY}\n\nOUR CULTURE\n\n{BODY}\n\nSincerely,\n\nJeff\n"
    assert [(1, "OUR CULTURE")] == levels(text)
    salutation = f"Madam President,\n\nIntroduction\n\n{BODY}\n\nOutlook\n\n{BODY}\n"
    assert [(1, "Introduction"), (1, "Outlook")] == levels(salutation)  # a salutation: the heading stays


def test_title_lines_each_above_a_series_group_it() -> None:
    """Two heading-only title lines, each directly above a numbered heading, are parts, not a subtitle."""
    text = (f"Review\n\nA. Farming\n\n{BODY}\n\nB. Schools\n\n{BODY}\n\n"
            f"Plans\n\nC. Ferries\n\n{BODY}\n")
    assert [(1, "Review"), (2, "A. Farming"), (2, "B. Schools"), (1, "Plans"), (2, "C. Ferries")] == levels(text)


def test_numbering_that_restarts_under_each_title_line_nests_under_them() -> None:
    text = (f"Ferries\n\n{BODY}\n\n1. Harbour Routes\n\n{BODY}\n\n2. Island Routes\n\n{BODY}\n\n"
            f"Buses\n\n{BODY}\n\n1. Urban Routes\n\n{BODY}\n\n2. Rural Routes\n\n{BODY}\n")
    assert [(1, "Ferries"), (2, "1. Harbour Routes"), (2, "2. Island Routes"),
            (1, "Buses"), (2, "1. Urban Routes"), (2, "2. Rural Routes")] == levels(text)


def test_a_title_line_after_the_last_chapter_stays_inside_it_when_chapters_hold_title_lines() -> None:
    text = (f"Opening Remarks\n\n{BODY}\n\n1. Farming\n\n{BODY}\n\nCrop Prices\n\n{BODY}\n\n"
            f"2. Schools\n\n{BODY}\n\nTeacher Pay\n\n{BODY}\n")
    assert [(1, "Opening Remarks"), (1, "1. Farming"), (2, "Crop Prices"), (1, "2. Schools"),
            (2, "Teacher Pay")] == levels(text)


# -- standalone title lines -------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "Insurance",
        "The Annual Meeting",
        "Regulated, Capital-Intensive Businesses",
        "Intrinsic Value – Today and Tomorrow",
        "We Buy Some Newspapers . . . Newspapers?",
        "GEICO",
        "OUR BUSINESSES",
        # 19 words, 124 characters: every content word capitalised, so still a title
        "Supporting Trade between the Port and the Inland Provinces, "
        "Strengthening Our Role as a Regional Centre for Shipping Finance",
    ],
)
def test_short_standalone_title_case_or_all_caps_line_is_a_heading(heading: str) -> None:
    text = f"{BODY}\n\n{heading}\n\n{BODY}\n"
    assert [heading] == titles(text)


def test_heading_between_hard_wrapped_paragraphs_without_blank_lines() -> None:
    """A flush-left title line after a line that ends a sentence and before an
    indented paragraph is a heading even with no blank line around it."""
    raw = (
        "          Berkshire had a good year, and the businesses we bought long ago did their\n"
        "part to help. My task is clear, and I am on the prowl for more of them.\n"
        "Share Repurchases\n"
        "           Last September, we announced that Berkshire would repurchase its shares at\n"
        "a price of up to 110% of book value. We were in the market for only a few days.\n"
    )
    assert [(1, "Share Repurchases")] == levels(raw)


def test_sentence_case_and_lowercase_lines_are_not_headings() -> None:
    text = f"{BODY}\n\nA power lunch, Berkshire-style\n\nour results improved\n\n{BODY}\n"
    assert [] == titles(text)


def test_last_line_of_a_wrapped_paragraph_is_not_a_heading() -> None:
    raw = (
        "          Charlie and I like to own businesses that have durable advantages over\n"
        "Competitors Like These\n\n"
        f"{BODY}\n"
    )
    assert [] == titles(raw)


# -- what is not a heading --------------------------------------------------


@pytest.mark.parametrize("line", ["12", "- 7 -", "Page 3", "iv"])
def test_page_number_is_not_a_heading(line: str) -> None:
    assert [] == titles(f"{BODY}\n\n{' ' * 40}{line}\n\n{BODY}\n")


def test_table_rows_and_table_caption_are_not_headings() -> None:
    text = (
        "Berkshire’s Corporate Performance vs. the S&P 500\n\n"
        "Year        Book Value       S&P 500\n"
        "1965 . . . . . . . .  23.8      10.0\n"
        "                       Owned\n"
        "1966           20.3          (11.7)\n\n"
        f"{BODY}\n"
    )
    assert [] == titles(text)


def test_signature_block_is_not_a_heading() -> None:
    text = (
        f"{BODY}\n\n"
        "February 27, 2015\n"
        "                                                  Warren E. Buffett\n"
        "                                                  Chairman of the Board\n\n"
        "March 1, 2013                                 Warren E. Buffett\n"
        "                                              Chairman of the Board\n\n"
        "                                                   Charles T. Munger\n\n"
        "Sincerely\n\n"
        "From: Warren E. Buffett\n\n"
        f"{BODY}\n"
    )
    assert [] == titles(text)


@pytest.mark.parametrize(
    "line",
    [
        "To the Shareholders of Berkshire Hathaway Inc.:",
        "Dear Fellow Shareholders",
        "BERKSHIRE HATHAWAY INC.",
    ],
)
def test_salutation_and_letterhead_are_not_headings(line: str) -> None:
    assert [] == titles(f"{line}\n\n{BODY}\n")


def test_all_caps_line_under_a_letterhead_is_not_a_heading() -> None:
    text = f"{BODY}\n\n     BERKSHIRE HATHAWAY INC.\n     ACQUISITION CRITERIA\n\n{BODY}\n"
    assert [] == titles(text)


# -- levels from layout -------------------------------------------------------


def test_centred_part_heading_holds_the_flush_left_headings_after_it() -> None:
    centred = " " * 38
    text = (
        f"Insurance\n\n{BODY}\n\nInvestments\n\n{BODY}\n\n"
        f"{centred}Past, Present and Future\n\nIn the Beginning\n\n{BODY}\n\nBerkshire Today\n\n{BODY}\n\n"
        f"{centred}Vice Chairman’s Thoughts\n\n{BODY}\n"
    )
    assert [
        (1, "Insurance"),
        (1, "Investments"),
        (1, "Past, Present and Future"),
        (2, "In the Beginning"),
        (2, "Berkshire Today"),
        (1, "Vice Chairman’s Thoughts"),
    ] == levels(text)


def test_acronym_heading_among_title_case_headings_keeps_their_level() -> None:
    text = f"{BODY}\n\nPerformance\n\n{BODY}\n\nGEICO\n\n{BODY}\n\nInsurance\n\n{BODY}\n"
    assert [(1, "Performance"), (1, "GEICO"), (1, "Insurance")] == levels(text)


def test_text_with_no_headings_gives_no_candidates() -> None:
    assert [] == english_candidates("")
    assert [] == titles(f"{BODY}\n\n{BODY}\n")


def test_candidates_from_start_offset_only() -> None:
    text = f"Insurance\n\n{BODY}\n\nInvestments\n\n{BODY}\n"
    assert ["Investments"] == [
        c.title for c in english_candidates(text, start=text.index("Investments"))
    ]


# -- the real letters ---------------------------------------------------------


def gold_headings(year: str) -> list[tuple[int, str]]:
    with (GOLD / f"{year}.csv").open(encoding="utf-8") as f:
        return [(int(r["level"]), norm(r["heading"])) for r in csv.DictReader(f)]


@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_berkshire_letter_headings_match_the_gold(path: Path) -> None:
    """Every gold heading is found at its level (recall ≥ 0.95), and at least
    90% of the level-1/2 headings found are gold headings (precision)."""
    report = parse(load(path))
    found = [
        (s.level, norm(s.heading)) for s in report.sections() if s.heading and s.level in (1, 2)
    ]
    gold = gold_headings(path.stem)
    recall = sum(1 for g in gold if g in found) / len(gold)
    precision = sum(1 for f in found if f in gold) / len(found)
    missing = [g for g in gold if g not in found]
    invented = [f for f in found if f not in gold]
    assert recall >= 0.95, f"missing: {missing}"
    assert precision >= 0.90, f"invented: {invented}"


def test_berkshire_letters_all_headings_exactly() -> None:
    """Across the five letters every gold heading is found and none invented."""
    found, gold = set(), set()
    for path in LETTERS:
        report = parse(load(path))
        found |= {
            (path.stem, lv, h)
            for lv, h in ((s.level, norm(s.heading)) for s in report.sections())
            if h
        }
        gold |= {(path.stem, lv, h) for lv, h in gold_headings(path.stem)}
    assert gold == found


# -- layouts of issue 9 ------------------------------------------------------


def test_title_lines_opening_with_a_quote_or_holding_function_words_are_headings() -> None:
    text = f"Letter\n\n{BODY}\n\n\u201cGreen\u201d Tax\n\n{BODY}\n\nWhat Is That Worth\n\n{BODY}\n\nFloat (what it costs us)\n\n{BODY}\n"
    assert ["Letter", "\u201cGreen\u201d Tax", "What Is That Worth", "Float (what it costs us)"] == titles(text)


def test_a_sentence_in_lower_case_is_not_a_title() -> None:
    assert [] == titles(f"\n\nWe bought the company that is here\n\n{BODY}\n")


def test_a_centred_caption_over_a_units_line_is_not_a_part_and_does_not_relevel() -> None:
    table = "Assets          $ 12      $ 13\nLiabilities     $ 4       $ 5\n"
    text = (f"Insurance\n\n{BODY}\n\n                         Balance Sheet 12/31/20\n\n(in millions)\n\n{table}\n"
            f"Investments\n\n{BODY}\n")
    assert [(1, "Insurance"), (1, "Investments")] == levels(text)


def test_wide_gaps_inside_prose_are_noise_and_do_not_make_table_rows() -> None:
    gap = " " * 30
    para = f"2. The economy grew{gap}strongly this year, and we expect{gap}growth to continue next year as well."
    text = "\n\n".join(["Economic Outlook", para, f"Public{gap}Finances", para.replace("2.", "3."), para.replace("2.", "4.")]) + "\n"
    assert ["Economic Outlook", "Public Finances"] == titles(text)


def test_chart_labels_and_brand_words() -> None:
    text = f"Chart 5\n\n{BODY}\n\niBond\n\n{BODY}\n"
    assert ["iBond"] == titles(text)


def test_short_numbered_lines_of_a_paragraph_numbered_speech_are_paragraphs() -> None:
    long = "We will keep public spending in line with the growth of the economy over the years ahead, as in the past."
    paras = [f"{k}. The Spirit of Hong Kong" if k == 6 else f"{k}. {long}" for k in range(1, 13)]
    text = "Introduction\n\n" + "\n\n".join(paras) + "\n"
    got = [c for c in english_candidates(text) if c.number]
    assert [] == got


def test_a_gap_inside_a_long_paragraph_does_not_make_it_a_table_row() -> None:
    para = "We expect growth. " * 8 + "It was    2 per cent." + " More text follows here." * 4
    assert ["Current Position and Estimates for 2010-11"] == titles(f"Current Position and Estimates for 2010-11\n\n{para}\n")
