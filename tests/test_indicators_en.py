"""English quantities: ranges, changes, kinds, quotes, labels and framing periods.

Each test pins one behaviour on generated sentences (no report's text): the rules are about
English, not about any document.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff import extract
from reportdiff._vocab import Meaning, meaning_of
from reportdiff.model import Bound, Kind, Quantity


def en(text: str) -> tuple[Quantity, ...]:
    return extract(text, language="en")


def rows(text: str) -> list[tuple[str, str, str]]:
    """(value, unit, bound) of every quantity."""
    return [(q.value, q.unit, q.bound.value) for q in en(text)]


# --------------------------------------------------------------------------
# ranges: two rows, low and high, one label and one quote
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("GDP growth of 4 to 5 per cent.", "4", "5", "per cent"),
    ("GDP growth of four to five per cent.", "4", "5", "per cent"),
    ("GDP growth of between 2 and 3 per cent.", "2", "3", "per cent"),
    ("GDP growth of between two and three per cent.", "2", "3", "per cent"),
    ("We expect a 3-4% rise in exports.", "3", "4", "%"),
    ("We expect a 3%-4% rise in exports.", "3", "4", "%"),
    ("We expect a 3–4% rise in exports.", "3", "4", "%"),
    ("Spending of $2 billion to $3 billion a year.", "2", "3", "$ billion"),
    ("Revenue of 1.5 to 2 billion dollars.", "1.5", "2", "billion dollars"),
])
def test_a_printed_range_is_two_bounds_with_one_label_and_quote(text: str, low: str, high: str, unit: str) -> None:
    qs = en(text)
    assert [(low, unit, "low"), (high, unit, "high")] == rows(text)
    assert qs[0].label == qs[1].label and qs[0].quote == qs[1].quote
    assert qs[0].label not in ("", unit) and low in qs[0].quote.replace("four", "4").replace("two", "2")
    assert ["区间下限", "区间上限"] == [q.range_label for q in qs]


def test_number_words_joined_by_and_are_two_numbers_unless_a_hundred_comes_first() -> None:
    assert ["2", "3"] == [q.value for q in en("between two and three per cent")]
    assert ["105"] == [q.value for q in en("one hundred and five dollars")]


def test_and_joins_a_range_only_after_between() -> None:
    assert [("3", "per cent", "")] == rows("Exports and imports rose by 2 and 3 per cent respectively.")


def test_a_low_end_above_the_high_end_is_no_range() -> None:
    assert [("20", "per cent", "")] == rows("The rate was cut in 2005 to 20 per cent.")


# --------------------------------------------------------------------------
# changes: from X to Y gives a start value and an end with the same label
# --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The duty rate will be increased from 2.5% to 3%.",
    "The duty rate will be increased from 2.5 per cent to 3 per cent.",
    "The duty rate will be increased from 2.5 to 3 per cent.",
])
def test_from_x_to_y_is_a_start_value_and_an_end_not_a_range(text: str) -> None:
    qs = en(text)
    assert [("2.5", True), ("3", False)] == [(q.value, q.start_value) for q in qs]
    assert [Bound.NONE, Bound.NONE] == [q.bound for q in qs]
    assert qs[0].unit == qs[1].unit and qs[0].label == qs[1].label and "duty rate" in qs[0].label
    assert qs[0].unit in qs[0].quote  # a start printed without a unit quotes the unit it takes


def test_the_end_of_a_change_keeps_the_subject_of_its_start() -> None:
    qs = en("The unemployment rate fell from 8.6 per cent in mid-2003 to a four-year low of 5.2 per cent.")
    assert [True, False] == [q.start_value for q in qs]
    assert qs[1].label.startswith("unemployment rate")


def test_a_start_value_inside_a_plan_is_a_result() -> None:
    qs = en("Operating expenditure for next year will be $194.7 billion, down from $196.9 billion this year.")
    assert [("Operating expenditure", Kind.TARGET, False), ("Operating expenditure", Kind.ACTUAL, True)] == [
        (q.label, q.kind, q.start_value) for q in qs]


# --------------------------------------------------------------------------
# kinds: forecasts, estimates, projections and budgets are targets
# --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "I forecast GDP growth of four to five per cent.",
    "GDP is expected to rise by 2.3 per cent.",
    "I estimate that a surplus of $4.1 billion will be achieved.",
    "Public expenditure is projected at 18 per cent of GDP.",
    "Spending is budgeted at $56.5 billion.",
    "I propose to reduce the levy by 20 per cent.",
    "Earnings should top $10 billion.",
])
def test_prospective_cues_make_a_target(text: str) -> None:
    assert {Kind.TARGET} == {q.kind for q in en(text)}


def test_a_cue_of_another_sentence_does_not_make_a_target() -> None:
    text = "Exports grew 5 per cent.Imports will grow 3 per cent."
    assert [Kind.ACTUAL, Kind.TARGET] == [q.kind for q in en(text)]


# --------------------------------------------------------------------------
# quotes: whole words, number, unit and qualifier
# --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Despite the financial tsunami, the global economy still grew by 2.6 per cent in the year.",
    "In 2012, Berkshire achieved a total gain for its shareholders of $24.1 billion.",
    "The share of public expenditure in GDP will be kept at 20 per cent or below.",
])
def test_a_quote_starts_at_a_word(text: str) -> None:
    for q in en(text):
        start = q.quote_span.start
        assert start == 0 or not text[start - 1].isalnum()
        assert q.quote == text[start:q.quote_span.end]
        assert q.value.split(".")[0] in q.quote.replace(",", "")
        assert q.qualifier in q.quote


_WORDS = st.sampled_from(["the", "economy", "grew", "by", "about", "revenue", "of", "fell", "from", "to",
                          "between", "and", "in", "2010", "will", "be", "total", "a", "per", "cent",
                          "percent", "million", "$3", "4.5", "12", "five", "%", "years", ",", ".", "-"])


@settings(deadline=None)
@given(st.lists(_WORDS, max_size=30))
def test_quotes_of_generated_sentences_start_at_words_and_index_the_text(words: list[str]) -> None:
    text = " ".join(words)
    for q in en(text):
        assert 0 <= q.quote_span.start <= q.span.start <= q.span.end <= q.quote_span.end <= len(text)
        assert q.quote_span.start == 0 or not text[q.quote_span.start - 1].isalnum()
        assert q.quote == q.quote_span.of(text).strip()


# --------------------------------------------------------------------------
# labels: inside the sentence, from the words the text gives
# --------------------------------------------------------------------------


def test_a_label_never_crosses_a_sentence_end() -> None:
    text = ("The flats measure 40 square metres. This is lower than the average of 53 per cent. "
            "Prices rose rapidly.Following an increase of 8.6 percent, output grew.")
    labels = [q.label for q in en(text)]
    assert not any("metres" in lab for lab in labels) and not any("rapidly" in lab for lab in labels)


@pytest.mark.parametrize(("text", "expected"), [
    ("We own 13.0% of American Express, 8.8% of Coca-Cola and 7.6% of Wells Fargo.",
     ["own American Express", "Coca-Cola", "Wells Fargo"]),
    ("About 95% of these outlays were made at home.", ["outlays"]),
])
def test_a_share_with_few_words_before_it_takes_the_of_phrase(text: str, expected: list[str]) -> None:
    assert expected == [q.label for q in en(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("I forecast a 4 per cent trend GDP growth rate in real terms.", "trend GDP growth rate"),
    ("This $5.5 billion project will give the park a new face.", "project"),
    ("We will set up a $300 million Green Transport Fund.", "Green Transport Fund"),
])
def test_an_adjectival_amount_is_labelled_by_the_noun_after_it(text: str, expected: str) -> None:
    q = en(text)[0]
    assert expected == q.label and expected in q.quote


def test_a_bare_verb_after_a_quantity_takes_the_topic_before_it() -> None:
    qs = en("In contrast, the number of people earning less than $9,000 a month fell from 1.12 million.")
    assert ["number people earning", "number people earning fell"] == [q.label for q in qs]
    assert "a month" in qs[0].quote and "less than" == qs[0].qualifier


def test_a_relative_clause_starts_the_label() -> None:
    assert ["pre-tax earnings"] == [q.label for q in en("MidAmerican, whose pre-tax earnings were $393 million.")]


# --------------------------------------------------------------------------
# framing periods and points in time are not quantities
# --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Over the last 48 years, book value grew.",
    "Supply was low in the past two years.",
    "We will build flats in the coming three to four years.",
    "Over the same nine years our float grew.",
    "Contrast that to seven years ago.",
])
def test_a_framing_period_is_not_a_quantity(text: str) -> None:
    assert [] == rows(text)


@pytest.mark.parametrize(("text", "value"), [
    ("We have had nine consecutive years of underwriting profits.", "9"),
    ("The deduction is extended to a total of ten years.", "10"),
])
def test_a_duration_that_is_the_fact_itself_is_kept(text: str, value: str) -> None:
    assert [(value, "years", "")] == rows(text)


# --------------------------------------------------------------------------
# numbers and qualifiers
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("The sector employed about 380 000 people.", [("380000", "people", "")]),
    ("It employed 1\u00a0250 000 people.", [("1250000", "people", "")]),
    ("In 2010 100 people left.", [("100", "people", "")]),
    ("Assets of $1,382.2 billion.", [("1382.2", "$ billion", "")]),
])
def test_thousands_separated_by_spaces_are_one_number(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert expected == rows(text)


@pytest.mark.parametrize(("text", "qualifier", "meaning"), [
    ("public expenditure at 20 per cent or below", "or below", Meaning.AT_MOST),
    ("a workforce of 60 per cent or more", "or more", Meaning.AT_LEAST),
    ("indices comprising no more than 40 per cent", "no more than", Meaning.AT_MOST),
    ("indices comprising not less than 40 per cent", "not less than", Meaning.AT_LEAST),
    ("a rate close to 4 per cent", "close to", Meaning.ABOUT),
    ("employees earning below 6 per cent", "below", Meaning.AT_MOST),
])
def test_qualifiers_before_and_after_the_number(text: str, qualifier: str, meaning: Meaning) -> None:
    q = en(text)[0]
    assert (qualifier, meaning) == (q.qualifier, meaning_of(q.qualifier))
    assert re.search(re.escape(qualifier), q.quote, re.IGNORECASE)


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("The share rose to nearly one third of the total.", "0.333333", "nearly"),
    ("It cuts tax for three quarters of taxpayers.", "0.75", ""),
    ("Two-thirds of the members agreed.", "0.666667", ""),
])
def test_a_fraction_in_words_is_a_quantity_without_unit(text: str, value: str, qualifier: str) -> None:
    assert [(value, "", qualifier)] == [(q.value, q.unit, q.qualifier) for q in en(text)]


def test_an_ordinal_quarter_is_no_fraction() -> None:
    assert [] == rows("Growth resumed in the first quarter of 2010 and the second quarter of the year.")


def test_a_hyphenated_magnitude_is_the_amount_of_the_noun_after_it() -> None:
    q = en("The committee approved an $18-billion Research Endowment Fund.")[0]
    assert ("18", "$ billion", 18e9, "Research Endowment Fund") == (q.value, q.unit, q.base_value, q.label)


def test_a_long_noun_phrase_after_the_number_never_pushes_the_qualifier_out_of_the_quote() -> None:
    q = en("Buildings account for some 90 per cent of our total electricity consumption.")[0]
    assert "some" == q.qualifier and q.quote.startswith("some 90 per cent")


def test_a_decimal_point_does_not_end_the_sentence_of_a_cue() -> None:
    qs = en("It is expected that spending would increase from the present $13.1 billion to $31.8 billion.")
    assert [(True, Kind.ACTUAL), (False, Kind.TARGET)] == [(q.start_value, q.kind) for q in qs]


@pytest.mark.parametrize("glue", ["\u2022 ", "* ", "\u201c", "("])
def test_a_point_glued_to_a_mark_ends_the_sentence_of_a_cue(glue: str) -> None:
    qs = en(f"Next year the company will expand.{glue}Profits were $5 billion last year.")
    assert [Kind.ACTUAL] == [q.kind for q in qs]


@pytest.mark.parametrize("opener", ["representing", "equivalent to", "accounting for", "amounting to"])
def test_a_clause_qualifying_the_amount_before_it_names_that_amounts_subject(opener: str) -> None:
    """``X will be $300 billion, representing 22 per cent of GDP``: the share is X's, not the verb's."""
    first, second = extract(f"Total public expenditure will be $300 billion, {opener} 22 per cent of our GDP.")
    assert ("Total public expenditure", "22") == (first.label, second.value)
    assert second.label.startswith("Total public expenditure ") and second.label.endswith("GDP")


def test_a_label_never_reaches_back_over_a_blank_line_into_a_heading_or_the_title() -> None:
    text = "The 2031 Harbour Plan\n\nFerry Services\n\nThe fleet grew 12 per cent.\n\nand\n\nan extra $4 million for piers.\n"
    got = {(q.label, q.quote) for q in extract(text, language="en")}
    assert {("fleet grew", "The fleet grew 12 per cent"), ("extra", "an extra $4 million")} == got
    assert all("\n" not in quote and "Ferry" not in label and "Plan" not in label for label, quote in got)


@pytest.mark.parametrize("frame", ["the lowest in ten years", "for the first time in 12 years", "within three years",
                                   "over two years"])
def test_a_number_of_years_that_frames_a_figure_is_no_quantity(frame: str) -> None:
    got = [(str(q.value), q.unit) for q in extract(f"Ferry fares fell 4 per cent, {frame}.", language="en")]
    assert [("4", "per cent")] == got


def test_a_figure_compared_with_the_one_before_takes_its_indicator_as_a_start_value() -> None:
    text = "Ferry income was $2.4 billion, compared with $1.9 billion in 2030."
    now, before = extract(text, language="en")
    assert ("Ferry income", "Ferry income") == (now.label, before.label)
    assert "compared with $1.9 billion" == before.quote
    assert before.start_value and not now.start_value


def test_an_amount_per_share_is_another_indicator_than_the_total() -> None:
    total, per = extract("Net income was $2.4 billion, or $3.10 per share.", language="en")
    assert ("Net income", "Net income per share") == (total.label, per.label)
    (rate,) = extract("Fares will cost $450 million a year.", language="en")
    assert "a year" not in rate.label  # a rate in time is how a budget states its totals
    (then,) = extract("Float was $138 billion a year ago.", language="en")
    assert "$138 billion" == then.quote.split("was ")[-1]  # a year ago says when, not per what


def test_a_line_break_never_glues_a_number_to_a_word() -> None:
    """A title ending in a year over a paragraph, a number wrapped before its magnitude word."""
    got = [(q.label, str(q.value), q.unit) for q in extract(
        "Harbour Letter 2031\n\nRevenues rose 6% to $4.2\nbillion.", language="en")]
    assert [("Revenues rose", "6", "%"), ("Revenues", "4.2", "$ billion")] == got


def test_labels_keep_words_with_letters_of_any_latin_script() -> None:
    (q,) = extract("Café sales in Zürich rose 5 per cent.", language="en")
    assert "Café sales Zürich rose" == q.label


def test_a_figure_set_by_a_year_after_the_reports_is_a_target() -> None:
    (ahead,) = extract("By 2035, ferries carry 40 per cent of commuters.", year=2031, language="en")
    (past,) = extract("In 2029, ferries carried 30 per cent of commuters.", year=2031, language="en")
    assert (Kind.TARGET, Kind.ACTUAL) == (ahead.kind, past.kind)


@pytest.mark.parametrize("period", ["2029-30", "FY2030", "the financial year 2030/31", "2030\ufffd1"])
def test_an_estimate_for_a_period_begun_before_the_report_is_an_outcome(period: str) -> None:
    """A revised estimate of the year under way reports an outcome; the coming year's forecast is a goal."""
    text = (f"The ferry deficit for {period} is estimated at $3.1 billion. "
            "For 2031-32, we forecast a deficit of $2.0 billion.")
    past, ahead = extract(text, year=2031, language="en")
    assert (Kind.ACTUAL, Kind.TARGET) == (past.kind, ahead.kind)


def test_a_year_after_another_figure_is_that_figures_period() -> None:
    (average, projection) = extract("Outlays compare to our average of 18% in 2026-2030 and to the "
                                    "projection for the near future of 16%.", year=2031, language="en")
    assert (Kind.ACTUAL, Kind.TARGET) == (average.kind, projection.kind)
    (start, end) = extract("The share will rise from 12 per cent in 2029 to 27 per cent.", year=2031, language="en")
    assert (Kind.ACTUAL, Kind.TARGET) == (start.kind, end.kind)  # the start of a change is a result


def test_letters_glued_to_a_figure_are_no_label_word() -> None:
    (q,) = extract("The deficit for FY2030 was $3 billion.", year=2031, language="en")
    assert "deficit" == q.label


def test_a_share_restating_the_figure_before_and_a_bare_count_take_what_they_measure() -> None:
    deficit, share = extract("We forecast a deficit of $3.4 billion, or 1.2 per cent of GDP.", language="en")
    assert f"{deficit.label} of GDP" == share.label
    (count,) = extract("Around 1.9 million taxpayers will benefit.", language="en")
    assert ("taxpayers", "Around 1.9 million taxpayers") == (count.label, count.quote)


def test_a_year_on_year_after_the_number_is_its_base() -> None:
    (q,) = extract("Ferry fares rose 3.2% year-on-year.", language="en")
    assert "year-over-year" == q.base
    (q,) = extract("Ferry fares rose 3.2%. Year-on-year figures follow.", language="en")
    assert "" == q.base  # the next sentence's words are not this number's



def test_a_bare_number_before_a_plural_noun_counts_it() -> None:
    build, built = extract("We will build 30,000 public rental flats. We built 12,000 flats last year.",
                           language="en")
    assert ("build public rental flats", "30000", "flats", Kind.TARGET) == (
        build.label, str(build.value), build.unit, build.kind)
    assert ("built flats", "12000", "flats", Kind.ACTUAL) == (built.label, str(built.value), built.unit, built.kind)
    assert "30,000 public rental flats" in build.quote


@pytest.mark.parametrize(("text", "noun"), [
    ("In 2020 prices rose.", "prices"),                 # a year
    ("Two of the clinics closed.", "clinics"),          # a function word after the number
    ("for the first two quarters", "quarters"),         # a period
    ("2009-10 estimates were revised.", "estimates"),   # the end of a year range
    ("The two business parks opened.", "business"),     # 'business' is no plural
    ("I also included two tables.", "tables"),          # in words: the text counting its own items
])
def test_what_a_bare_number_does_not_count(text: str, noun: str) -> None:
    assert [] == [q for q in en(text) if noun in q.unit]


def test_area_and_length_words_are_units_not_what_is_counted() -> None:
    (q,) = en("The flats have a saleable area of 45 square metres.")
    assert ("square metres", "45") == (q.unit, str(q.value))
    assert "metres" not in q.label


@pytest.mark.parametrize(("text", "value", "direction"), [
    ("Land sales raised HK$52 billion, down one-fifth from last year.", "0.2", "down"),
    ("Costs fell by a quarter.", "0.25", "down"),
    ("Exports to Brazil have increased by two-thirds.", "0.666667", "up"),
    ("Spending was cut by half.", "0.5", ""),
])
def test_a_fraction_in_words_as_the_size_of_a_change(text: str, value: str, direction: str) -> None:
    q = [q for q in en(text) if not q.unit][-1]
    assert (value, direction) == (q.value, q.direction.value)


def test_the_first_quarter_is_no_fraction() -> None:
    assert [] == [q for q in en("In the first quarter, sales rose.") if q.value == "0.25"]
