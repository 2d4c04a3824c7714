"""``reportdiff align FILE...`` and ``reportdiff lineage FILE...``: which
section of each year continues as which section of the next."""

from __future__ import annotations

import argparse

from reportdiff._cli.common import add_files, add_format, emit, load_reports
from reportdiff._formats import Table
from reportdiff.model import Alignment, SectionPair, SectionRef

ALIGN_HELP = """\
Pair the level-1 and level-2 sections of each year with those of the next year:
matched, renamed, moved, split, merged, added or removed, with a score in [0, 1]
and its evidence (heading, body and position similarity).

example:
  reportdiff align fixtures/gov-work-report/*.txt
  reportdiff align fixtures/gov-work-report/2018.txt fixtures/gov-work-report/2019.txt --format csv
"""

LINEAGE_HELP = """\
Follow each section across all years: one line per lineage, its heading in every
year it appears in (a lineage chains each section to its best partner of the next year).

example:
  reportdiff lineage fixtures/gov-work-report/*.txt
  reportdiff lineage fixtures/gov-work-report/*.txt --format csv
"""

#: The CSV contract read by the evaluation scorer: these columns first, in this order.
CSV_COLUMNS = (
    "year_a", "heading_a", "level_a", "year_b", "heading_b", "level_b", "status", "score",
    "path_a", "path_b", "heading_similarity", "body_similarity", "position_similarity",
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``align`` and ``lineage`` subcommands."""
    p = sub.add_parser("align", help="pair each year's sections with the next year's", description=ALIGN_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_files(p)
    add_format(p, ("text", "csv", "json"), "text")
    p.set_defaults(func=run_align)
    q = sub.add_parser("lineage", help="follow each section across all years", description=LINEAGE_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_files(q)
    add_format(q, ("text", "csv", "json"), "text")
    q.set_defaults(func=run_lineage)


def _side(ref: SectionRef | None) -> tuple[object, object, object, object]:
    if ref is None:
        return ("", "", "", "")
    return (ref.year, ref.heading, ref.level, ref.path)


def pair_rows(al: Alignment) -> list[tuple[object, ...]]:
    """One CSV row per pair, in :data:`CSV_COLUMNS` order."""
    rows: list[tuple[object, ...]] = []
    for p in al.pairs:
        ya, ha, la, pa = _side(p.a)
        yb, hb, lb, pb = _side(p.b)
        if p.a is None and p.b is not None:
            ya = p.b.year - 1 if p.b.year - 1 in al.years else _previous(al, p.b.year)
        if p.b is None and p.a is not None:
            yb = _next(al, p.a.year)
        rows.append((ya, ha, la, yb, hb, lb, p.relation.value, f"{p.score:.3f}", pa, pb,
                     f"{p.evidence.heading:.3f}", f"{p.evidence.body:.3f}", f"{p.evidence.position:.3f}"))
    return rows


def _previous(al: Alignment, year: int) -> int:
    return max(y for y in al.years if y < year)


def _next(al: Alignment, year: int) -> int:
    return min(y for y in al.years if y > year)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_pairs(al: Alignment) -> str:
    """The pairs as a readable table, one block per pair of years."""
    lines: list[str] = []
    for ya, yb in zip(al.years, al.years[1:], strict=False):
        lines.append(f"{ya} → {yb}")
        for p in al.pairs:
            year = p.a.year if p.a else (_previous(al, p.b.year) if p.b else 0)
            if year != ya:
                continue
            a = f"L{p.a.level} {_short(p.a.heading, 34)}" if p.a else "—"
            b = f"L{p.b.level} {_short(p.b.heading, 34)}" if p.b else "—"
            ev = p.evidence
            why = "" if p.a is None or p.b is None else (
                f"  (heading {ev.heading:.2f}, body {ev.body:.2f}, position {ev.position:.2f})")
            lines.append(f"  {p.relation.value:<8} {p.score:4.2f}  {a}  →  {b}{why}")
        lines.append("")
    return "\n".join(lines)


def _pair_json(p: SectionPair) -> dict[str, object]:
    def ref(r: SectionRef | None) -> dict[str, object] | None:
        return None if r is None else {"year": r.year, "path": r.path, "heading": r.heading, "level": r.level}

    return {"a": ref(p.a), "b": ref(p.b), "relation": p.relation.value, "score": p.score,
            "evidence": {"heading": p.evidence.heading, "body": p.evidence.body, "position": p.evidence.position}}


def run_align(args: argparse.Namespace) -> int:
    """Run ``reportdiff align``."""
    from reportdiff._align import align

    al = align(load_reports(args))
    emit(args, Table(CSV_COLUMNS, tuple(pair_rows(al))), text=lambda: render_pairs(al),
         json_value=lambda: {"years": list(al.years), "pairs": [_pair_json(p) for p in al.pairs]})
    return 0


def run_lineage(args: argparse.Namespace) -> int:
    """Run ``reportdiff lineage``."""
    from reportdiff._align import align

    al = align(load_reports(args))
    rows = tuple((lin.id, m.year, m.level, m.path, m.heading) for lin in al.lineages for m in lin.members)

    def text() -> str:
        lines = []
        for lin in al.lineages:
            first, last = lin.members[0].year, lin.members[-1].year
            lines.append(f"{lin.id}  ({first}–{last}, {len(lin.members)} year{'s' if len(lin.members) > 1 else ''})")
            lines.extend(f"  {m.year}  L{m.level} {m.heading}" for m in lin.members)
        return "\n".join(lines)

    emit(args, Table(("lineage", "year", "level", "path", "heading"), rows), text=text,
         json_value=lambda: [{"id": lin.id, "members": [{"year": m.year, "level": m.level, "path": m.path,
                                                          "heading": m.heading} for m in lin.members]}
                             for lin in al.lineages])
    return 0
