"""The self-contained HTML report: lays out a computed :class:`~reportdiff.tables.report.ReportData`.

One file that opens from disk with no network: a sticky header and a table of
contents; the reports; year-over-year similarity; per pair of years every
section pair, each linked to its redline (inline, with next/previous change
links and moved text linked to where it went; side by side on request);
filters by change kind (a little inline JavaScript, plain links without it);
indicator tables in the units the reports printed, each value linked to its
verbatim quote and section; new and dropped indicators; targets against
outcomes; and the charts.  Every piece of report text is escaped; ids are
unique; each piece of report text carries its report's ``lang``.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable, Mapping, Sequence

import attrs

from reportdiff.model import SectionPair, TextDiff
from reportdiff.render import CSS as DIFF_CSS
from reportdiff.render import to_html as diff_html
from reportdiff.tables.report import Chart, ReportData, YearPair

__all__ = ["to_html"]

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Noto Sans SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;line-height:1.55;color:#1f2328;background:#fff}
header.top{position:sticky;top:0;z-index:5;background:#f6f8fa;border-bottom:1px solid #d0d7de;padding:.4em 1em;display:flex;flex-wrap:wrap;gap:.3em 1em;align-items:baseline}
header.top strong{font-size:1.05em;margin-right:.5em}
header.top a{color:#0969da;text-decoration:none;font-size:.92em}
main{max-width:78em;margin:0 auto;padding:0 1em 4em}
h1{font-size:1.5em;margin-top:1em}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2em;margin-top:2em;scroll-margin-top:3.5em}
h3{scroll-margin-top:3.5em}
[id]{scroll-margin-top:3.5em}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.6em 0;font-size:.9em}
th,td{border:1px solid #d8dee4;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f6f8fa;position:sticky;top:0}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.unit{white-space:nowrap}
.rel-matched{color:#57606a}.rel-renamed{color:#8a5a00}.rel-moved{color:#0a5ea8}
.rel-split,.rel-merged{color:#6a3ea1}.rel-added{color:#1a7f37}.rel-removed{color:#cf222e}
details.pair{margin:.4em 0;border:1px solid #d8dee4;border-radius:6px;padding:.3em .7em}
details.pair>summary{cursor:pointer}
.muted{color:#57606a}.warn{color:#cf222e}
nav.toc ol{padding-left:1.2em}nav.toc>ol{columns:2 18em}nav.toc>ol>li{break-inside:avoid}
.filters a{display:inline-block;margin:.1em .2em;padding:.05em .5em;border:1px solid #d0d7de;border-radius:1em;text-decoration:none;color:#1f2328;font-size:.88em}
.filters a.on{background:#0969da;color:#fff;border-color:#0969da}
.pairnav{float:right;font-size:.85em}.pairnav a{margin-left:.5em}
.hidden{display:none}
figure{margin:1em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:.9em;color:#57606a}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(18em,1fr));gap:.6em}
ol.quotes{font-size:.9em}ol.quotes li{margin:.2em 0}
.sbs{display:grid;grid-template-columns:1fr 1fr;gap:.8em}.sbs .left ins,.sbs .right del{display:none}
@media (max-width:40em){nav.toc>ol{columns:1}.sbs{grid-template-columns:1fr}header.top{position:static}}
"""

_JS = r"""
(function(){
  function openTarget(){
    var id=decodeURIComponent(location.hash.slice(1)); if(!id) return;
    var el=document.getElementById(id); if(!el) return;
    for(var p=el; p; p=p.parentElement){ if(p.tagName==='DETAILS') p.open=true; }
    el.scrollIntoView();
  }
  window.addEventListener('hashchange', openTarget);
  document.addEventListener('DOMContentLoaded', function(){
    openTarget();
    document.querySelectorAll('[data-filter]').forEach(function(a){
      a.addEventListener('click', function(ev){
        ev.preventDefault();
        var k=a.getAttribute('data-filter');
        document.querySelectorAll('[data-filter]').forEach(function(b){ b.classList.toggle('on', b===a && k!=='all'); });
        document.querySelectorAll('[data-kinds]').forEach(function(row){
          var kinds=' '+row.getAttribute('data-kinds')+' ';
          row.classList.toggle('hidden', k!=='all' && kinds.indexOf(' '+k+' ')<0);
        });
      });
    });
    document.querySelectorAll('button.sbs-toggle').forEach(function(b){
      b.hidden=false;
      b.addEventListener('click', function(){
        var box=document.getElementById(b.getAttribute('data-for'));
        var body=box.querySelector('.rd-body'); if(!body) return;
        var old=box.querySelector('.sbs');
        if(old){ old.remove(); body.hidden=false; b.textContent='side by side'; return; }
        var grid=document.createElement('div'); grid.className='sbs';
        ['left','right'].forEach(function(side){
          var c=body.cloneNode(true); c.className='rd-body '+side; c.removeAttribute('id');
          c.querySelectorAll('[id]').forEach(function(n){ n.removeAttribute('id'); });
          grid.appendChild(c);
        });
        body.hidden=true; body.parentNode.insertBefore(grid, body); b.textContent='inline';
      });
    });
  });
})();
"""

_KINDS = ("added", "removed", "renamed", "moved", "split", "merged", "changed", "numbers")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _lang(data: ReportData, year: int | None) -> str:
    for r in data.comparison.reports:
        if r.year == year:
            return str(r.document.language)
    return ""


def _text(data: ReportData, year: int | None, text: str) -> str:
    lang = _lang(data, year)
    return f'<span lang="{_e(lang)}">{_e(text)}</span>' if lang else _e(text)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], *, num_from: int = 99, cls: str = "") -> str:
    """Rows of already escaped HTML cells."""
    out = [f"<div class='scroll'><table{f' class={cls!r}' if cls else ''}><thead><tr>",
           *(f"<th>{_e(h)}</th>" for h in header), "</tr></thead><tbody>"]
    for row in rows:
        cells = [f"<td class='num'>{v}</td>" if k >= num_from else f"<td>{v}</td>" for k, v in enumerate(row)]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _kinds(p: SectionPair, d: TextDiff | None) -> list[str]:
    kinds = [p.relation.value]
    if d is not None and not d.identical:
        kinds.append("changed")
    if d is not None and d.stats.changed_numbers:
        kinds.append("numbers")
    return kinds


def _heading(data: ReportData, ref: object, year: int | None) -> str:
    heading = str(getattr(ref, "heading", "") or "").strip()
    return _text(data, year, heading) if heading else "<span class='muted'>—</span>"


def _reports(data: ReportData) -> str:
    rows = []
    for r in data.comparison.reports:
        rows.append([_e(r.year), _text(data, r.year, r.title or ""), _e(r.path), _e(r.document.language),
                     _e(r.document.encoding), _e(f"{len(r.text):,}"), _e(sum(1 for _ in r.sections())),
                     _e(len(r.warnings))])
    return "<h2 id='reports'>Reports</h2>" + _table(
        ("year", "title", "file", "language", "encoding", "characters", "sections", "warnings"), rows, num_from=5)


def _similarity(data: ReportData) -> str:
    rows = []
    for yp in data.year_pairs:
        d = yp.document
        counts: dict[str, int] = {}
        for _i, p, _d in yp.pairs:
            counts[p.relation.value] = counts.get(p.relation.value, 0) + 1
        link = f"<a href='#y{yp.year_a}-{yp.year_b}'>{yp.year_a} → {yp.year_b}</a>"
        summary = _e(", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
        if d is None:
            rows.append([link, "", "", "", "", "", "", summary])
            continue
        s = d.stats
        rows.append([link, f"{s.similarity.cosine:.3f}", f"{s.similarity.jaccard:.3f}", f"{s.similarity.edit:.3f}",
                     f"{s.similarity.simple:.3f}", f"{s.unchanged_share:.0%}",
                     f"−{s.chars_deleted:,} +{s.chars_inserted:,}", summary])
    return (
        "<h2 id='similarity'>Year over year</h2><p class='muted'>Similarity measures of Cohen, Malloy &amp; "
        "Nguyen, “Lazy Prices” (2020); <em>unchanged</em> is the share of sentences carried over verbatim. "
        "Each pair of years links to its sections.</p>"
        + _table(("years", "cosine", "Jaccard", "min-edit", "simple", "unchanged", "characters", "sections"),
                 rows, num_from=1)
    )


def _filters(data: ReportData) -> str:
    counts = dict.fromkeys(_KINDS, 0)
    for yp in data.year_pairs:
        for _i, p, d in yp.pairs:
            for k in _kinds(p, d):
                counts[k] = counts.get(k, 0) + 1
    links = [f"<a href='#kind-{k}' data-filter='{k}'>{_e(k if k != 'numbers' else 'changed numbers')} "
             f"({n})</a>" for k, n in counts.items() if n]
    return "<p class='filters'>Show: <a href='#sections' data-filter='all'>all</a>" + "".join(links) + "</p>"


def _pair_rows(data: ReportData, yp: YearPair) -> str:
    out = ["<div class='scroll'><table><thead><tr><th>relation</th><th>score</th>"
           f"<th>{_e(yp.year_a)}</th><th>{_e(yp.year_b)}</th><th>change</th><th></th></tr></thead><tbody>"]
    for i, p, d in yp.pairs:
        change = ""
        if d is not None:
            change = "identical" if d.identical else f"−{d.stats.chars_deleted:,} +{d.stats.chars_inserted:,}"
            if d.stats.changed_numbers:
                change += f", {len(d.stats.changed_numbers)} numbers"
        has_redline = d is not None and not d.identical
        link = f"<a href='#p{i}'>redline</a>" if has_redline else ""
        relation = f"<a href='#p{i}'>{_e(p.relation.value)}</a>" if has_redline else _e(p.relation.value)
        kinds = " ".join(_kinds(p, d))
        out.append(
            f"<tr class='rel-{_e(p.relation.value)}' data-kinds='{_e(kinds)}' id='row-p{i}'>"
            f"<td>{relation}</td><td class='num'>{p.score:.2f}</td>"
            f"<td>{_heading(data, p.a, yp.year_a)}</td><td>{_heading(data, p.b, yp.year_b)}</td>"
            f"<td class='num'>{_e(change)}</td><td>{link}</td></tr>"
        )
    out.append("</tbody></table></div>")
    return "".join(out)


def _redline(data: ReportData, yp: YearPair, rows: Mapping[int, tuple[int, SectionPair, TextDiff | None]],
             order: Sequence[int], k: int, context: int) -> str:
    i, p, d = rows[order[k]]
    prev_link = f"<a href='#p{order[k - 1]}'>‹ previous</a>" if k else ""
    next_link = f"<a href='#p{order[k + 1]}'>next ›</a>" if k + 1 < len(order) else ""
    head = f"{_heading(data, p.a, yp.year_a)} → {_heading(data, p.b, yp.year_b)}"
    kinds = " ".join(_kinds(p, d))
    body = ""
    if d is not None:
        # name the two sides by year and section (a diff shared by equal texts carries neither)
        named = attrs.evolve(
            d,
            old=attrs.evolve(d.old, year=yp.year_a, section=p.a.path if p.a else ""),
            new=attrs.evolve(d.new, year=yp.year_b, section=p.b.path if p.b else ""),
        )
        body = diff_html(named, page=False, style=False, id_prefix=f"p{i}", context=context, navigate=True)
    lang = _lang(data, yp.year_b)
    return (
        f"<details class='pair' id='p{i}' data-kinds='{_e(kinds)}'>"
        f"<summary>{head} <span class='muted'>({_e(p.relation.value)}, score {p.score:.2f})</span></summary>"
        f"<p class='pairnav'><a href='#row-p{i}'>↑ in the table</a>{prev_link}{next_link}"
        f"<button type='button' class='sbs-toggle' data-for='p{i}' hidden>side by side</button></p>"
        f"<div lang='{_e(lang)}'>{body}</div></details>"
    )


def _sections(data: ReportData, context: int) -> list[str]:
    """The pieces of the sections part (the page's bulk: joined once, with the rest of the page)."""
    out = ["<h2 id='sections'>Sections, year by year</h2>", _filters(data)]
    by_kind: dict[str, list[str]] = {k: [] for k in _KINDS}
    for yp in data.year_pairs:
        out.append(f"<h3 id='y{yp.year_a}-{yp.year_b}'>{yp.year_a} → {yp.year_b}</h3>")
        out.append(_pair_rows(data, yp))
        order = [i for i, _p, d in yp.pairs if d is not None and not d.identical]
        rows = {row[0]: row for row in yp.pairs}
        out.extend(_redline(data, yp, rows, order, k, context) for k in range(len(order)))
        for i, p, d in yp.pairs:
            label = f"{yp.year_a}→{yp.year_b} {(getattr(p.b, 'heading', '') or getattr(p.a, 'heading', '')).strip()}"
            target = f"p{i}" if d is not None and not d.identical else f"row-p{i}"
            for k in _kinds(p, d):
                by_kind.setdefault(k, []).append(f"<li><a href='#{target}'>{_e(label)}</a></li>")
    out.append("<h3 id='by-kind'>Section pairs by kind of change</h3>")
    for k, items in by_kind.items():
        out.append(f"<details id='kind-{k}'><summary>{_e(k)} ({len(items)})</summary><ul>{''.join(items)}</ul></details>")
    return out


def _indicators(data: ReportData) -> list[str]:
    if not data.quantities:
        return ["<h2 id='indicators'>Indicators</h2><p class='muted'>No quantities found.</p>"]
    years = data.years
    rows = []
    cited: set[int] = set()
    for r in data.indicators:
        cells = []
        for y, cell in zip(years, r.cells, strict=True):
            if cell is None:
                cells.append("")
                continue
            cited.add(cell.quantity)
            cells.append(f"<a href='#q{cell.quantity}'>{_text(data, y, cell.text)}</a>")
        rows.append([_text(data, years[-1], r.series), _e(r.kind), *cells, _e(r.change)])
    out = [
        "<h2 id='indicators'>Indicators</h2>",
        f"<p class='muted'>{len(data.quantities):,} quantities, {len(data.indicators):,} linked series. Values as "
        "printed; each links to its sentence. The change is over the series' last two years.</p>",
        _table(("series", "kind", *map(str, years), "last change"), rows, num_from=2),
        "<h3 id='indicator-churn'>New and dropped indicators</h3>",
        _churn(data),
        _targets(data),
        "<h3 id='quotes'>Where each value comes from</h3><ol class='quotes'>",
    ]
    for k in sorted(cited):
        q = data.quantities[k]
        out.append(f"<li id='q{k}' value='{k + 1}'><strong>{_e(q.year)}</strong> "
                   f"<span class='muted'>§ {_e(q.section or '—')}</span> {_text(data, q.year, q.quote)}</li>")
    out.append("</ol>")
    return out


def _churn(data: ReportData) -> str:
    rows = []
    for year in data.years[1:]:
        new = [s for y, s in data.new_series if y == year]
        dropped = [s for y, s in data.dropped_series if y == year]
        rows.append([_e(year), _text(data, year, "、".join(new[:40]) + (" …" if len(new) > 40 else "")),
                     _text(data, year - 1, "、".join(dropped[:40]) + (" …" if len(dropped) > 40 else ""))])
    return _table(("year", "new series", "dropped series"), rows)


def _targets(data: ReportData) -> str:
    head = "<h3 id='targets'>Targets and outcomes</h3>"
    if not data.targets:
        return head + "<p class='muted'>No target was linked to an outcome.</p>"
    rows = []
    for r in data.targets:
        met = {True: "met", False: "missed"}.get(r.met, "") if r.met is not None else ""
        rows.append([_e(r.target_year), _text(data, r.target_year, r.target_label), _e(r.target),
                     _e(r.outcome_year), _text(data, r.outcome_year, r.outcome_label), _e(r.outcome),
                     f"<span class='{'rel-added' if met == 'met' else 'warn'}'>{_e(met)}</span>"])
    return head + _table(("target year", "target", "value", "outcome year", "outcome", "value", ""), rows)


def _charts(charts: Sequence[Chart]) -> str:
    if not charts:
        return ""
    out = ["<h2 id='charts'>Charts</h2>"]
    kinds = [("trends", "Indicator trends (printed magnitude; change over the year before above each point)"),
             ("deltas", "Year-over-year changes"), ("targets", "Targets against outcomes"),
             ("similarity", "Section similarity"), ("volume", "Change volume")]
    for kind, caption in kinds:
        group = [c for c in charts if c.kind == kind]
        if not group:
            continue
        out.append(f"<h3 id='chart-{kind}'>{_e(caption)}</h3><div class='{'grid' if kind == 'trends' else ''}'>")
        for c in group:
            out.append(f"<figure><img src='{_data_uri(c.png)}' alt='{_e(c.title)}'>"
                       f"<figcaption>{_e(c.title)}</figcaption></figure>")
        out.append("</div>")
    return "".join(out)


def _toc(data: ReportData) -> str:
    items = ["<li><a href='#reports'>Reports</a></li>", "<li><a href='#similarity'>Year over year</a></li>",
             "<li><a href='#sections'>Sections, year by year</a><ol>"]
    items += [f"<li><a href='#y{yp.year_a}-{yp.year_b}'>{yp.year_a} → {yp.year_b}</a></li>" for yp in data.year_pairs]
    items += ["</ol></li>", "<li><a href='#by-kind'>Section pairs by kind of change</a></li>",
              "<li><a href='#indicators'>Indicators</a></li>", "<li><a href='#indicator-churn'>New and dropped</a></li>",
              "<li><a href='#targets'>Targets and outcomes</a></li>"]
    if data.charts:
        items.append("<li><a href='#charts'>Charts</a></li>")
    return "<nav class='toc' id='contents'><h2>Contents</h2><ol>" + "".join(items) + "</ol></nav>"


def to_html(data: ReportData, *, context: int = 160) -> str:
    """The report as one self-contained HTML page.

    Args:
        data: the computed content, from :func:`reportdiff.tables.report.build`.
        context: characters of unchanged text kept on each side of a change in the
            redlines (longer unchanged runs are cut in the middle).

    Returns:
        The page; every piece of report text in it is escaped.
    """
    years = data.years
    title = data.title or "reports"
    head = f"reportdiff: {title} {years[0]}–{years[-1]}"
    lang = _lang(data, years[0]) or "en"
    nav = ("<header class='top'><strong>" + _e(f"{title} {years[0]}–{years[-1]}") + "</strong>"
           "<a href='#contents'>Contents</a><a href='#similarity'>Year over year</a>"
           "<a href='#sections'>Sections</a><a href='#indicators'>Indicators</a><a href='#targets'>Targets</a>"
           + ("<a href='#charts'>Charts</a>" if data.charts else "") + "</header>")
    pieces = [
        f"<!DOCTYPE html><html lang='{_e(lang)}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(head)}</title><style>{_CSS}{DIFF_CSS}</style></head><body>",
        nav, "<main>", f"<h1>{_e(head)}</h1>", _toc(data), _reports(data), _similarity(data),
        *_sections(data, context), *_indicators(data), _charts(data.charts), "</main>",
        f"<script>{_JS}</script></body></html>\n",
    ]
    # one join: the page is built once (no intermediate copies of its bulk)
    return "".join(pieces)

