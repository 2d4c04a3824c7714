"""The redline of a merged or split pair shows each piece against its own part."""

from __future__ import annotations

from test_align import TOPICS, body, report

from reportdiff._compare import compare
from reportdiff.model import Relation


def test_each_section_merged_into_one_sees_only_the_part_that_continues_it() -> None:
    a = report(2019, [("农业", body("农业")), ("环境", body("环境")), ("教育", body("教育"))])
    b = report(2020, [("农业和环境", body("农业", "环境")), ("教育", body("教育"))])
    c = compare([a, b])
    merged = {p.a.heading: d for p, d in c.own if p.relation is Relation.MERGED and p.a}
    assert {"（一）农业", "（二）环境"} == set(merged)
    farm, air = merged["（一）农业"], merged["（二）环境"]
    whole = b.root.find("二/（一）")
    assert whole is not None
    # the two parts hold every line of the merged section once, and each only its topic
    assert sorted((whole.heading + whole.body).splitlines()) == sorted(
        (farm.new.text + air.new.text).splitlines())
    assert TOPICS["环境"] not in farm.new.text and TOPICS["农业"] not in air.new.text
    assert TOPICS["农业"] in farm.new.text and TOPICS["环境"] in air.new.text
    # each side of year A is its whole own text
    sa = a.root.find("二/（一）")
    assert sa is not None and sa.heading + sa.body == farm.old.text
    # the whole-text view of the parent still rebuilds both parents exactly
    for p, d in c.sections:
        if p.a and p.b and p.a.path == "二" and p.b.path == "二":
            pa, pb = a.root.find("二"), b.root.find("二")
            assert pa is not None and pb is not None
            assert (pa.text(), pb.text()) == (d.old.text, d.new.text)
            break
    else:
        raise AssertionError("the two task parts are not paired")


def test_a_split_section_shows_each_new_section_its_own_part() -> None:
    a = report(2019, [("农业和环境", body("农业", "环境")), ("教育", body("教育"))])
    b = report(2020, [("农业", body("农业")), ("环境", body("环境")), ("教育", body("教育"))])
    split = {p.b.heading: d for p, d in compare([a, b]).own if p.relation is Relation.SPLIT and p.b}
    assert {"（一）农业", "（二）环境"} == set(split)
    assert TOPICS["环境"] not in split["（一）农业"].old.text
    assert TOPICS["农业"] not in split["（二）环境"].old.text
