"""Tests for reportdiff._align: relations on small synthetic reports, the
one-to-one invariant, determinism, lineages, the CSV contract, and an F1
floor on the real government work reports against the bundled gold."""

from __future__ import annotations

import csv
import io
import random
import re
import subprocess
import sys
import unicodedata
from contextlib import redirect_stdout

import hypothesis.strategies as st
import pytest
from conftest import GOLD, GOV, ROOT
from hypothesis import given, settings

from reportdiff._align import Thresholds, Weights, align, tokenize
from reportdiff._compare import Comparison
from reportdiff._load import load_text
from reportdiff._parse import parse
from reportdiff.model import Alignment, Relation, Report
from reportdiff.model.alignment import Stage
from reportdiff.tables.alignment import document_similarity, lineage_similarity, pair_similarity

# Paragraphs on distinct topics (each repeated so that a section has a body of
# realistic length): the aligner must find them again under other headings.
TOPICS = {
    "农业": "加强农业基础设施建设，提高粮食产量，增加农民收入，推进农村水利建设，稳定粮食播种面积，完善农产品价格和收储制度。",
    "教育": "促进教育公平，提高义务教育质量，加强教师队伍建设，发展职业教育和高等教育，改善农村学校办学条件和寄宿生活。",
    "环境": "加强生态环境保护，治理大气污染和水污染，推进节能减排，发展清洁能源，严格控制煤炭消费总量和排放标准。",
    "开放": "扩大对外开放，稳定出口贸易，吸引外商投资，推进自由贸易试验区建设，鼓励企业走出去参与国际产能合作。",
    "医疗": "深化医药卫生体制改革，完善医疗保险制度，加强基层医疗卫生服务，推进公立医院综合改革和分级诊疗制度。",
    "金融": "深化金融体制改革，防范化解金融风险，加强金融监管，支持实体经济融资，发展多层次资本市场和普惠金融。",
}

NUMS = "一二三四五六七八九十"


def body(*topics: str) -> str:
    """Two paragraphs per topic."""
    return "\n".join(TOPICS[t] + TOPICS[t] for t in topics for _ in range(2))


def report(year: int, sections: list[tuple[str, str]], *, review: str = "回顾") -> Report:
    """A report whose part 一 reviews the year and part 二 holds ``sections``
    (heading title, body) as （一）（二）…"""
    lines = [f"{year}年工作报告", "", f"一、{year - 1}年工作{review}", "",
             "过去一年经济运行总体平稳，就业形势基本稳定，居民收入持续增长，各项社会事业取得新的进展。" * 3,
             "", f"二、{year}年重点工作", ""]
    for k, (title, text) in enumerate(sections):
        lines += [f"（{NUMS[k]}）{title}", text, ""]
    return parse(load_text("\n".join(lines), path=f"{year}.txt", year=year))


def pairs_of(al: Alignment, relation: Relation | None = None) -> set[tuple[str, str]]:
    """(heading_a, heading_b) of the pairs with both sides, of one relation or all."""
    return {(p.a.heading, p.b.heading) for p in al.pairs
            if p.a and p.b and (relation is None or p.relation is relation)}


def test_same_heading_same_place_is_matched() -> None:
    a = report(2019, [("农业", body("农业")), ("教育", body("教育"))])
    b = report(2020, [("农业", body("农业")), ("教育", body("教育"))])
    assert {("（一）农业", "（一）农业"), ("（二）教育", "（二）教育")} <= pairs_of(align([a, b]), Relation.MATCHED)


def test_new_heading_same_body_is_renamed() -> None:
    a = report(2019, [("大力发展农业生产", body("农业")), ("教育", body("教育"))])
    b = report(2020, [("全面推进乡村振兴", body("农业")), ("教育", body("教育"))])
    assert ("（一）大力发展农业生产", "（一）全面推进乡村振兴") in pairs_of(align([a, b]), Relation.RENAMED)


def test_reordered_section_is_moved() -> None:
    a = report(2019, [("农业", body("农业")), ("教育", body("教育")), ("环境", body("环境"))])
    b = report(2020, [("环境", body("环境")), ("农业", body("农业")), ("教育", body("教育"))])
    moved = pairs_of(align([a, b]), Relation.MOVED)
    assert {("（三）环境", "（一）环境"), ("（一）农业", "（二）农业")} <= moved


def test_one_section_becoming_two_is_split() -> None:
    a = report(2019, [("农业和环境", body("农业", "环境")), ("教育", body("教育"))])
    b = report(2020, [("农业", body("农业")), ("环境", body("环境")), ("教育", body("教育"))])
    split = pairs_of(align([a, b]), Relation.SPLIT)
    assert {("（一）农业和环境", "（一）农业"), ("（一）农业和环境", "（二）环境")} == split


def test_one_paragraph_section_split_in_two_is_split_by_its_carried_sentences() -> None:
    # one paragraph on two topics flows whole to one of the new sections; its sentences are
    # carried into each, which is the share the other side holds
    both = TOPICS["农业"] + TOPICS["环境"] + TOPICS["农业"]
    a = report(2019, [("农业和环境", both), ("教育", body("教育"))])
    b = report(2020, [("农业", TOPICS["农业"] * 2), ("环境", TOPICS["环境"] * 2), ("教育", body("教育"))])
    split = pairs_of(align([a, b]), Relation.SPLIT)
    assert {("（一）农业和环境", "（一）农业"), ("（一）农业和环境", "（二）环境")} == split


def _short_sections_series(seed: int) -> tuple[Report, Report, set[tuple[str, str]]]:
    """Two years of 30 one-paragraph sections on made-up topics (words of made-up syllables), with
    the everyday words all sections share; year two drops four, adds four, rewrites a sentence of each."""
    rng = random.Random(seed)
    syl = "ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko la le li lo ma me mi mo na ne ni no".split()
    common = "the government will continue to support and improve the services for people in the city".split()

    def word() -> str:
        return "".join(rng.choice(syl) for _ in range(3))

    topics = [[word() for _ in range(10)] for _ in range(34)]

    def sentence(t: list[str]) -> str:
        return " ".join(rng.choice(t) if rng.random() < 0.35 else rng.choice(common) for _ in range(18)) + "."

    heads = [" ".join(w.capitalize() for w in rng.sample(t, 2)) for t in topics]
    a = {i: [sentence(topics[i]) for _ in range(3)] for i in range(30)}
    gone = set(rng.sample(range(30), 4))
    b = {i: [*a[i][:2], sentence(topics[i])] for i in range(30) if i not in gone}
    b |= {i: [sentence(topics[i]) for _ in range(3)] for i in range(30, 34)}

    def doc(year: int, secs: dict[int, list[str]]) -> Report:
        text = f"Annual Address {year}\n\n" + "".join(f"{heads[i]}\n\n{' '.join(ss)}\n\n" for i, ss in secs.items())
        return parse(load_text(text, path=f"{year}.txt", year=year))

    return doc(2020, a), doc(2021, b), {(heads[i], heads[i]) for i in range(30) if i not in gone}


# Of seeds 0-19, 12 came out right before one-paragraph flows had to stand out (OUTLIER_Z), 13 after,
# 17 once a pair of parts needed a link (a flow, a carried sentence or a title word); the rest pair one
# dropped section with a new one (docs/alignment.md).  Seeds 19 and 1 are ones these rules fixed.
@pytest.mark.parametrize("seed", [0, 1, 19])
def test_short_new_sections_are_added_not_paired_with_dropped_ones_for_their_common_words(seed: int) -> None:
    a, b, kept = _short_sections_series(seed)
    al = align([a, b])
    assert kept == pairs_of(al)
    assert 4 == sum(p.relation is Relation.ADDED for p in al.pairs) == sum(
        p.relation is Relation.REMOVED for p in al.pairs)


def test_two_sections_becoming_one_is_merged() -> None:
    a = report(2019, [("农业", body("农业")), ("环境", body("环境")), ("教育", body("教育"))])
    b = report(2020, [("农业和环境", body("农业", "环境")), ("教育", body("教育"))])
    merged = pairs_of(align([a, b]), Relation.MERGED)
    assert {("（一）农业", "（一）农业和环境"), ("（二）环境", "（一）农业和环境")} == merged


def test_new_topic_is_added_and_dropped_topic_removed() -> None:
    a = report(2019, [("农业", body("农业")), ("金融", body("金融"))])
    b = report(2020, [("农业", body("农业")), ("医疗", body("医疗"))])
    al = align([a, b])
    added = {p.b.heading for p in al.pairs if p.relation is Relation.ADDED and p.b}
    removed = {p.a.heading for p in al.pairs if p.relation is Relation.REMOVED and p.a}
    assert ({"（二）医疗"}, {"（二）金融"}) == (added, removed)
    for p in al.pairs:
        assert (p.a is None) == (p.relation is Relation.ADDED)
        assert (p.b is None) == (p.relation is Relation.REMOVED)


def test_every_pair_has_a_score_and_evidence_in_unit_range() -> None:
    a = report(2019, [("农业", body("农业")), ("环境", body("环境"))])
    b = report(2020, [("乡村", body("农业")), ("环境", body("环境", "开放"))])
    for p in align([a, b]).pairs:
        for x in (p.score, p.evidence.heading, p.evidence.body, p.evidence.position):
            assert 0.0 <= x <= 1.0


def test_input_order_does_not_matter_and_runs_agree() -> None:
    rs = [report(2018 + k, [(t, body(t)) for t in order])
          for k, order in enumerate([["农业", "教育", "环境"], ["教育", "农业", "环境"], ["环境", "教育"]])]
    first = align(rs)
    assert first == align(list(reversed(rs)))
    assert first == align(rs)
    assert (2018, 2019, 2020) == first.years


@settings(max_examples=25, deadline=None)
@given(st.permutations(list(TOPICS)), st.permutations(list(TOPICS)),
       st.integers(2, 6), st.integers(2, 6), st.booleans(),
       st.sets(st.integers(0, 6), max_size=2), st.sets(st.integers(0, 6), max_size=2))
def test_one_to_one_relations_never_use_a_section_twice(
    order_a: list[str], order_b: list[str], n_a: int, n_b: int, merge: bool, empty_a: set[int], empty_b: set[int]
) -> None:
    """Property: in matched/renamed/moved pairs, no section of either year occurs twice,
    also when some sections are headings without text."""
    secs_a = [(t, body(t)) for t in order_a[:n_a]]
    if merge:
        secs_a[0] = (order_a[0] + order_a[-1], body(order_a[0], order_a[-1]))
    secs_b = [(t, body(t)) for t in order_b[:n_b]]
    for k in sorted(empty_a, reverse=True):
        secs_a.insert(min(k, len(secs_a)), (f"其他事项{k}", ""))
    for k in sorted(empty_b, reverse=True):
        secs_b.insert(min(k, len(secs_b)), (f"其他工作{k}", ""))
    reports = [report(2019, secs_a), report(2020, secs_b)]
    al = align(reports)
    one = [p for p in al.pairs if p.relation in (Relation.MATCHED, Relation.RENAMED, Relation.MOVED)]
    a_side = [p.a for p in one]
    b_side = [p.b for p in one]
    assert len(a_side) == len(set(a_side))
    assert len(b_side) == len(set(b_side))
    # and every level-1/level-2 section shows up in some row
    for r, side in ((al.years[0], "a"), (al.years[1], "b")):
        seen = {getattr(p, side).path for p in al.pairs if getattr(p, side) is not None}
        rep = next(x for x in reports if x.year == r)
        assert {s.path for s in rep.sections() if s.level in (1, 2) and s.heading} <= seen


def test_lineage_chains_a_renamed_topic_across_three_years() -> None:
    rs = [report(2018, [("农业", body("农业")), ("教育", body("教育"))]),
          report(2019, [("教育", body("教育")), ("三农", body("农业"))]),
          report(2020, [("乡村振兴", body("农业")), ("教育", body("教育"))])]
    al = align(rs)
    lineage = next(lin for lin in al.lineages if lin.members[0].heading == "（一）农业")
    assert "2018:二/（一）" == lineage.id
    assert ["（一）农业", "（二）三农", "（一）乡村振兴"] == [m.heading for m in lineage.members]
    members = [m for lin in al.lineages for m in lin.members]
    assert len(members) == len(set(members)), "a section belongs to one lineage"


def test_tokenize_uses_character_bigrams_for_chinese_and_words_for_english() -> None:
    assert ["改革", "革开", "开放"] == tokenize("改革开放", "zh")
    assert ["reform", "and", "opening"] == tokenize("Reform and opening, 2019.", "en")


def test_align_csv_keeps_the_scorer_contract() -> None:
    from reportdiff.cli import main

    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["align", str(GOV / "2010.txt"), str(GOV / "2011.txt"), "--format", "csv"])
    assert 0 == code
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert ["year_a", "heading_a", "level_a", "year_b", "heading_b", "level_b", "status", "score"] == rows[0][:8]
    statuses = {r[6] for r in rows[1:]}
    assert statuses <= {"matched", "renamed", "moved", "split", "merged", "added", "removed"}
    for r in rows[1:]:
        assert "2010" == r[0] and "2011" == r[3]
        assert (r[6] == "added") == (r[1] == "")
        assert (r[6] == "removed") == (r[4] == "")


def test_lineage_command_prints_each_lineage() -> None:
    from reportdiff.cli import main

    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["lineage", *(str(GOV / f"{y}.txt") for y in (2017, 2018, 2019))])
    assert 0 == code
    assert "2017:一  (2017–2019, 3 years)" in buf.getvalue()


# --------------------------------------------------------------------------
# real reports against the bundled gold
# --------------------------------------------------------------------------


def _key(heading: str) -> str:
    """A heading as the gold is compared: NFKC, no spaces, no numbering, no final punctuation."""
    s = "".join(unicodedata.normalize("NFKC", heading).split()).replace("\u200b", "")
    s = re.sub(r"^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.])", "", s)
    return s.rstrip("。.，,；;：:")


def _gold_same_level() -> dict[tuple[int, int], set[tuple[str, str]]]:
    out: dict[tuple[int, int], set[tuple[str, str]]] = {}
    for f in sorted((GOLD / "alignment").glob("*.csv")):
        ya, yb = (int(x) for x in f.stem.split("-"))
        with open(f, encoding="utf-8", newline="") as fh:
            out[(ya, yb)] = {(_key(r["heading_a"]), _key(r["heading_b"])) for r in csv.DictReader(fh)
                             if r["relation"] == "same" and not r["note"].startswith("cross-level")}
    return out


def test_gov_work_reports_same_level_f1_floor(gov_reports: list[Report]) -> None:
    """Same-level pairs against fixtures/gold/alignment: F1 stays at or above 0.88
    (measured 0.91; the target is 0.90 with the project's scorer)."""
    al = align(gov_reports)
    gold = _gold_same_level()
    pred: dict[tuple[int, int], set[tuple[str, str]]] = {k: set() for k in gold}
    for p in al.pairs:
        if p.a and p.b and p.a.level == p.b.level:
            pred[(p.a.year, p.b.year)].add((_key(p.a.heading), _key(p.b.heading)))
    tp = sum(len(pred[k] & gold[k]) for k in gold)
    fp = sum(len(pred[k] - gold[k]) for k in gold)
    fn = sum(len(gold[k] - pred[k]) for k in gold)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.88, f"same-level F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"


def test_lazy_prices_tables(gov_reports: list[Report], gov_comparison: Comparison) -> None:
    rs = gov_reports[-3:]
    al = gov_comparison.alignment  # align(rs), made once per session
    pairs = pair_similarity(al, rs)
    assert ["cosine", "jaccard", "edit", "simple"] == list(pairs.columns[-4:])
    assert len(pairs) == sum(1 for p in al.pairs if p.a and p.b)
    assert ((pairs[["cosine", "jaccard", "edit", "simple"]] >= 0) & (pairs[["cosine", "jaccard", "edit", "simple"]] <= 1)).all().all()
    wide = lineage_similarity(al, rs, measure="jaccard")
    assert [2018, 2019] == list(wide.columns)
    assert [lin.id for lin in al.lineages if len(lin.members) > 1] == list(wide.index)
    docs = document_similarity(rs)
    assert [(2017, 2018), (2018, 2019)] == list(zip(docs.year_a, docs.year_b, strict=True))
    with pytest.raises(ValueError, match="expected one of"):
        lineage_similarity(al, rs, measure="euclid")


def test_the_assignment_solver_is_scipys_and_aligning_does_not_import_scipy_optimize() -> None:
    """The solver loaded from its compiled module gives scipy.optimize's assignments (ties
    included), and a whole alignment runs without importing the scipy.optimize package."""
    code = (
        "import sys, random, numpy as np\n"
        "from reportdiff._align import assign\n"
        "from reportdiff._compare import read_reports, compare\n"
        "solve = assign._solver()\n"
        "compare(read_reports(['fixtures/gov-work-report/2018.txt', 'fixtures/gov-work-report/2019.txt']))\n"
        "print('scipy.optimize' in sys.modules)\n"
        "from scipy.optimize import linear_sum_assignment\n"
        "rng = random.Random(7)\n"
        "for n, m in [(1, 1), (3, 5), (6, 4), (9, 9)] * 5:\n"
        "    x = np.array([[rng.choice([0.0, 0.25, 0.5, 1.0, rng.random()]) for _ in range(m)] for _ in range(n)])\n"
        "    for mx in (True, False):\n"
        "        a, b = solve(x, maximize=mx), linear_sum_assignment(x, maximize=mx)\n"
        "        assert a[0].tolist() == b[0].tolist() and a[1].tolist() == b[1].tolist(), (x, a, b)\n"
        "print(solve is linear_sum_assignment)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert ["False", "True"] == out.stdout.split()


def test_importing_the_aligner_does_not_import_pandas() -> None:
    code = "import sys, reportdiff._align, reportdiff._cli.align; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "False" == out.stdout.strip()


# --------------------------------------------------------------------------
# calibration, stages, knobs
# --------------------------------------------------------------------------


def test_calibration_is_reported_for_each_pair_of_years_and_level() -> None:
    rs = [report(2018 + k, [(t, body(t)) for t in ("农业", "教育", "环境")]) for k in range(3)]
    al = align(rs)
    assert [(2018, 2019, 1), (2018, 2019, 2), (2019, 2020, 1), (2019, 2020, 2)] == [
        (c.year_a, c.year_b, c.level) for c in al.calibration]
    for p in al.pairs:
        if p.a and p.b:
            assert p.score > p.evidence.chance, "a pair is only made above chance"
            assert Stage.NONE is not p.evidence.stage


def test_nothing_pairs_when_the_threshold_floor_is_out_of_reach() -> None:
    a = report(2019, [("农业", body("农业")), ("教育", body("教育"))])
    b = report(2020, [("农业", body("农业")), ("教育", body("教育"))])
    al = align([a, b], thresholds=Thresholds(floor=1.0))
    assert {Relation.ADDED, Relation.REMOVED} == {p.relation for p in al.pairs}


def test_a_scorer_callable_gives_the_same_pairs_as_the_vectorised_weights() -> None:
    a = report(2019, [("农业和环境", body("农业", "环境")), ("教育", body("教育")), ("金融", body("金融"))])
    b = report(2020, [("农业", body("农业")), ("环境", body("环境")), ("医疗", body("医疗"))])
    w = Weights(heading=0.3)
    fast = align([a, b], scorer=w)
    slow = align([a, b], scorer=lambda ev: w(ev))
    assert pairs_of(fast) == pairs_of(slow)
    assert {p.relation for p in fast.pairs} == {p.relation for p in slow.pairs}


def test_role_evidence_tells_a_review_from_a_plan_of_the_same_topic() -> None:
    """Role cues: a plan continued as a plan agrees more than a plan continued as a review."""
    review = "过去一年，农业生产已经取得了好成绩，粮食产量实现了增长，完成了农村水利建设任务，农民收入增加了。"
    plan = "今年要加强农业基础设施建设，将提高粮食产量，拟增加农民收入，要推进农村水利建设，力争稳定播种面积。"
    a = report(2019, [("农业", plan * 4), ("教育", body("教育"))])
    b = report(2020, [("农业生产", plan * 4), ("教育", body("教育"))])
    b_review = report(2020, [("农业生产", review * 4), ("教育", body("教育"))])
    assert ("（一）农业", "（一）农业生产") in pairs_of(align([a, b]))
    ev_plan = next(p.evidence for p in align([a, b]).pairs if p.a and p.b and p.a.heading == "（一）农业")
    ev_review = [p.evidence for p in align([a, b_review]).pairs if p.a and p.b and p.a.heading == "（一）农业"]
    assert ev_review and all(e.role < ev_plan.role for e in ev_review)


def test_alignment_repr_is_one_short_line() -> None:
    a = report(2019, [("农业", body("农业"))])
    b = report(2020, [("农业", body("农业"))])
    text = repr(align([a, b]))
    assert text.startswith("Alignment(2019–2020, ") and "\n" not in text and len(text) < 200


def test_english_sections_with_no_counterpart_are_added_and_removed() -> None:
    topics = {
        "Insurance": "Our insurance float grew as underwriting stayed profitable and claims were paid promptly. ",
        "Railroad": "The railroad moved more carloads, invested in track and locomotives, and improved safety. ",
        "Utilities": "The utility business built wind and solar capacity and earned regulated returns on equity. ",
        "Acquisitions": "We bought a chemicals company and a pipe maker, paying cash from our large reserves. ",
        "Derivatives": "Our derivative contracts were marked to market and their losses fell with equity prices. ",
    }

    def letter(year: int, heads: list[str]) -> Report:
        lines = [f"Letter {year}", ""]
        for h in heads:
            lines += [h, "", topics[h] * 6, "", topics[h] * 6, ""]
        return parse(load_text("\n".join(lines), path=f"{year}.txt", year=year))

    al = align([letter(2010, ["Insurance", "Railroad", "Derivatives"]),
                letter(2011, ["Insurance", "Railroad", "Acquisitions", "Utilities"])])
    added = {p.b.heading for p in al.pairs if p.relation is Relation.ADDED and p.b}
    removed = {p.a.heading for p in al.pairs if p.relation is Relation.REMOVED and p.a}
    assert ({"Acquisitions", "Utilities"}, {"Derivatives"}) == (added, removed)


def test_a_grouping_heading_without_text_takes_the_pairs_of_the_item_after_it() -> None:
    a = report(2019, [("其他事项", ""), ("农业", body("农业")), ("金融", body("金融"))])
    b = report(2020, [("农业", body("农业")), ("金融", body("金融"))])
    al = align([a, b])
    farm = {(pa, pb) for pa, pb in pairs_of(al, Relation.MERGED) if pb == "（一）农业"}
    assert {("（一）其他事项", "（一）农业"), ("（二）农业", "（一）农业")} == farm
    assert [] == [p for p in al.pairs if p.relation in (Relation.ADDED, Relation.REMOVED)]


def test_a_grouping_heading_over_a_dropped_item_is_removed_with_it() -> None:
    a = report(2019, [("农业", body("农业")), ("其他事项", ""), ("金融", body("金融"))])
    b = report(2020, [("农业", body("农业")), ("医疗", body("医疗"))])
    removed = {p.a.heading for p in align([a, b]).pairs if p.relation is Relation.REMOVED and p.a}
    assert {"（二）其他事项", "（三）金融"} == removed


def test_a_heading_line_printed_twice_is_one_section_matched_with_its_partner() -> None:
    texts = {
        "Insurance": "Our insurance float grew as underwriting stayed profitable and claims were paid promptly. ",
        "Railroad": "The railroad moved more carloads, invested in track and locomotives, and improved safety. ",
        "Utilities": "The utility business built wind and solar capacity and earned regulated returns on equity. ",
    }

    def letter(year: int, twice: bool) -> Report:
        lines = [f"Letter {year}", ""]
        for h, t in texts.items():
            lines += [h, ""] * (2 if twice else 1) + [t * 6, "", t * 6, ""]
        return parse(load_text("\n".join(lines), path=f"{year}.txt", year=year))

    twice = letter(2010, True)
    assert list(texts) == [s.heading for s in twice.sections() if s.heading]  # the reprint is no section
    al = align([twice, letter(2011, False)])
    assert {(h, h) for h in texts} == {(p.a.heading, p.b.heading) for p in al.pairs if p.a and p.b}
    assert {Relation.MATCHED} == {p.relation for p in al.pairs}


def test_a_heading_only_copy_of_the_next_heading_takes_its_pairs_as_the_same_section() -> None:
    """Where the copy stays a section (numbered: （一）农业 then （二）农业), it stands in for the section
    after it and keeps that pair's relation: one section printed with its heading twice, not two
    sections merged into one."""
    a = report(2019, [("农业", ""), ("农业", body("农业")), ("金融", body("金融"))])
    b = report(2020, [("农业", body("农业")), ("金融", body("金融"))])
    al = align([a, b])
    farm = {p.a.heading: p.b.heading for p in al.pairs if p.a and p.b and "农业" in p.a.heading}
    assert {"（一）农业": "（一）农业", "（二）农业": "（一）农业"} == farm
    assert Relation.MERGED not in {p.relation for p in al.pairs}


def test_a_heading_without_text_at_the_end_is_still_aligned_by_itself() -> None:
    a = report(2019, [("农业", body("农业")), ("其他事项", "")])
    b = report(2020, [("农业", body("农业"))])
    headings = {p.a.heading for p in align([a, b]).pairs if p.a}
    assert "（二）其他事项" in headings


def test_sub_sections_pair_one_to_one_only_as_a_main_continuation() -> None:
    a = report(2019, [("农业", body("农业")), ("金融", body("金融"))])
    b = report(2020, [("农业", body("农业")), ("金融", body("金融"))])
    level2 = {(pa, pb) for pa, pb in pairs_of(align([a, b])) if pa.startswith("（")}
    assert {("（一）农业", "（一）农业"), ("（二）金融", "（二）金融")} == level2
    none = {(pa, pb) for pa, pb in pairs_of(align([a, b], thresholds=Thresholds(main=1.01))) if pa.startswith("（")}
    assert set() == none


def _absorbed(paragraphs: int) -> list[Report]:
    """Year A has a section on 环境 of ``paragraphs`` paragraphs; year B mentions the
    topic once, inside a long section that mainly continues A's 农业."""
    env = "\n".join([TOPICS["环境"] * 2] * paragraphs)
    a = report(2019, [("农业", body("农业")), ("环境", env), ("教育", body("教育"))])
    b = report(2020, [("农业", "\n".join([TOPICS["农业"] * 2] * 12 + [TOPICS["环境"] * 2])), ("教育", body("教育"))])
    return [a, b]


def test_a_section_absorbed_into_a_larger_one_is_merged_with_it() -> None:
    al = align(_absorbed(3))
    merged = {(pa, pb): p for p in al.pairs if p.a and p.b and p.relation is Relation.MERGED
              for pa, pb in [(p.a.heading, p.b.heading)]}
    assert {("（一）农业", "（一）农业"), ("（二）环境", "（一）农业")} == set(merged)
    assert Stage.ORPHAN is merged[("（二）环境", "（一）农业")].evidence.stage
    # the receiving section holds too small a share of it for an extra pair: without
    # the orphan stage the section is removed
    off = align(_absorbed(3), thresholds=Thresholds(orphan=None))
    assert "（二）环境" in {p.a.heading for p in off.pairs if p.relation is Relation.REMOVED and p.a}


def test_an_orphan_of_one_paragraph_is_not_evidence_enough() -> None:
    removed = {p.a.heading for p in align(_absorbed(1)).pairs if p.relation is Relation.REMOVED and p.a}
    assert "（二）环境" in removed


def _words(rng: random.Random, chars: list[str], n: int) -> list[str]:
    """``n`` two-character words made of characters taken (and removed) from ``chars``."""
    return [chars.pop(rng.randrange(len(chars))) + chars.pop(rng.randrange(len(chars))) for _ in range(n)]


def _phrase_series(topics: int) -> tuple[list[Report], str]:
    """Two years whose part 二 holds ``topics`` sections carried over word for word, each
    with one of two shared set sentences, and a last section whose words all come
    back in year B in reverse order: the same words (a high cosine), no phrase in
    common.  Generated characters, no real text.  Returns the reports and the last
    section's title."""
    rng = random.Random(7)
    chars = [chr(0x4E00 + k) for k in range(1500)]
    set_phrases = ["".join(_words(rng, chars, 8)) + "。" for _ in range(2)]
    sections_a, sections_b = [], []
    for k in range(topics):
        words = _words(rng, chars, 24)
        sentences = ["".join(words[i : i + 8]) + "。" for i in range(0, 24, 8)]
        text = "\n".join(["".join(sentences) + set_phrases[k % 2], "".join(sentences[::-1])])
        sections_a.append((f"第{k}项", text))
        sections_b.append((f"第{k}项", text))
    words = _words(rng, chars, 30)
    sections_a.append(("其他", "".join(words) + "。"))
    sections_b.append(("其他", "".join(words[::-1]) + "。"))
    return [report(2019, sections_a), report(2020, sections_b)], f"（{NUMS[topics]}）其他"


def test_sub_sections_with_the_same_words_but_no_phrase_in_common_are_not_paired() -> None:
    reports, last = _phrase_series(7)
    al = align(reports)
    assert {(f"（{NUMS[k]}）第{k}项",) * 2 for k in range(7)} <= pairs_of(al)
    assert last in {p.a.heading for p in al.pairs if p.relation is Relation.REMOVED and p.a}
    assert last in {p.b.heading for p in al.pairs if p.relation is Relation.ADDED and p.b}
    # without the phrase gate the shared words alone pair them
    assert (last, last) in pairs_of(align(reports, thresholds=Thresholds(phrase_quantile=None)))


def test_the_phrase_gate_needs_a_null_large_enough_to_measure_chance() -> None:
    reports, last = _phrase_series(1)
    assert (last, last) in pairs_of(align(reports))
