"""Renderers: pure functions from a :class:`~reportdiff.model.TextDiff` to text.

HTML (inline redline and side-by-side), Markdown, plain text (with ANSI
colour when asked) and JSON.  Every renderer walks the same pieces (see
:func:`pieces`); a markup style is data.  All report text is escaped: a report
containing ``<script>`` renders as text.  An approximate diff says so visibly
in every format.
"""

from __future__ import annotations

import enum
import html
import json
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs

from reportdiff.model import DiffSide, Edit, Move, Op, Span, TextDiff
from reportdiff.model.diff import register_html_renderer

__all__ = [
    "APPROXIMATE_NOTE",
    "CSS",
    "Piece",
    "View",
    "pieces",
    "summary",
    "to_dict",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
]

APPROXIMATE_NOTE = (
    "Approximate diff: a time limit cut it short, so some changes are shown coarser "
    "than they are (the edits still rebuild both texts exactly)."
)


class View(enum.Enum):
    """How an HTML diff is laid out."""

    INLINE = "inline"
    """One text with deletions and insertions marked in place (a redline)."""
    SIDE_BY_SIDE = "side-by-side"
    """The old text on the left, the new on the right, a row per paragraph."""


@attrs.frozen
class Piece:
    """A run of one edit, cut where a move starts or ends."""

    op: Op
    text: str
    move: int | None = None
    """Index into ``diff.moves`` when this run is a moved sentence."""


def _cut(
    text: str, start: int, spans: Sequence[tuple[Span, int]]
) -> Iterator[tuple[str, int | None]]:
    pos = start
    end = start + len(text)
    for span, k in spans:
        if span.end <= pos or span.start >= end or not len(span):
            continue
        if span.start > pos:
            yield text[pos - start : span.start - start], None
        hi = min(span.end, end)
        yield text[max(span.start, pos) - start : hi - start], k
        pos = hi
    if pos < end:
        yield text[pos - start :], None


def pieces(diff: TextDiff) -> list[Piece]:
    """The diff's edits in order, with moved sentences cut out as their own pieces.

    Args:
        diff: a text diff.

    Returns:
        The pieces; their texts join back to the edits' texts.

    >>> from reportdiff._diff import diff_texts
    >>> [(p.op.value, p.text) for p in pieces(diff_texts("甲", "乙"))]
    [('delete', '甲'), ('insert', '乙')]
    """
    by_a = sorted((m.a, k) for k, m in enumerate(diff.moves))
    by_b = sorted((m.b, k) for k, m in enumerate(diff.moves))
    out: list[Piece] = []
    for e in diff.edits:
        if e.op is Op.EQUAL or not diff.moves:
            out.append(Piece(e.op, e.text))
            continue
        spans, start = (by_a, e.a.start) if e.op is Op.DELETE else (by_b, e.b.start)
        out.extend(Piece(e.op, t, k) for t, k in _cut(e.text, start, spans) if t)
    return out


def _label(side: DiffSide, default: str) -> str:
    name = side.path or default
    if side.year is not None:
        name += f" ({side.year})"
    if side.section:
        name += f" § {side.section}"
    return name


def summary(diff: TextDiff) -> str:
    """One line of statistics.

    >>> from reportdiff._diff import diff_texts
    >>> summary(diff_texts("甲乙。", "甲丙。"))
    '+2 −2 characters (1 unchanged); 0% of sentences unchanged; similarity cosine 0.50, Jaccard 0.33, edit 0.50, simple 0.50; 0 moves; 0 changed numbers'
    """
    s = diff.stats
    sim = s.similarity
    return (
        f"+{s.chars_inserted} −{s.chars_deleted} characters ({s.chars_equal} unchanged); "
        f"{s.unchanged_share:.0%} of sentences unchanged; "
        f"similarity cosine {sim.cosine:.2f}, Jaccard {sim.jaccard:.2f}, "
        f"edit {sim.edit:.2f}, simple {sim.simple:.2f}; "
        f"{len(diff.moves)} moves; {len(s.changed_numbers)} changed numbers"
    )


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

CSS = """
.rd-diff{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;line-height:1.7;max-width:72em}
.rd-body,.rd-side td{white-space:pre-wrap;overflow-wrap:anywhere}
.rd-diff ins{background:#dafbe1;color:#0a3622;text-decoration:none}
.rd-diff del{background:#ffebe9;color:#82071e;text-decoration:line-through}
.rd-diff .rd-moved{background:#fff8c5;color:#4d2d00;outline:1px dashed #bf8700}
.rd-diff .rd-inner{outline:none}
.rd-diff ins.rd-inner{background:#aceebb}
.rd-diff del.rd-inner{background:#ffcecb}
.rd-approximate{background:#fff1e5;border-left:4px solid #bc4c00;padding:.4em .8em}
.rd-summary{color:#57606a;font-size:.9em}
.rd-side{border-collapse:collapse;table-layout:fixed;width:100%}
.rd-side td,.rd-side th{border-top:1px solid #d0d7de;padding:.2em .5em;vertical-align:top;width:50%}
.rd-side tr.rd-changed td{background:#f6f8fa}
.rd-jump,.rd-nav a{text-decoration:none;color:#0969da;font-size:.8em;padding:0 .15em}
.rd-elided{color:#6e7781;font-style:italic;font-size:.85em}
""".strip()


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _html_move(diff: TextDiff, k: int, op: Op, prefix: str = "rd") -> str:
    m = diff.moves[k]
    other = m.b if op is Op.DELETE else m.a
    where = "moved to" if op is Op.DELETE else "moved from"
    title = f"{where} {other.start}–{other.end} (similarity {m.similarity:.2f})"
    tag = "del" if op is Op.DELETE else "ins"
    here, there = ("a", "b") if op is Op.DELETE else ("b", "a")
    attrs_ = (
        f'class="rd-{tag} rd-moved" id="{prefix}-move-{k}-{here}" '
        f'data-move="{k}" title="{_esc(title)}"'
    )
    if op is Op.DELETE or m.similarity == 1.0:
        body = _esc(
            (m.a if op is Op.DELETE else m.b).of(
                diff.old.text if op is Op.DELETE else diff.new.text
            )
        )
    else:
        body = "".join(_html_inner(e) for e in m.edits)
    jump = f'<a class="rd-jump" href="#{prefix}-move-{k}-{there}" title="{where}">{"↪" if op is Op.DELETE else "↩"}</a>'
    return f"<{tag} {attrs_}>{body}</{tag}>{jump}"


def _html_inner(e: Edit) -> str:
    if e.op is Op.EQUAL:
        return _esc(e.text)
    tag = "ins" if e.op is Op.INSERT else "del"
    return f'<{tag} class="rd-{tag} rd-inner">{_esc(e.text)}</{tag}>'


def _html_piece(diff: TextDiff, p: Piece, prefix: str = "rd") -> str:
    if p.op is Op.EQUAL:
        return _esc(p.text)
    if p.move is not None:
        return _html_move(diff, p.move, p.op, prefix)
    tag = "ins" if p.op is Op.INSERT else "del"
    return f'<{tag} class="rd-{tag}">{_esc(p.text)}</{tag}>'


def _elide(text: str, context: int) -> str:
    """An unchanged run cut to its first and last ``context`` characters (escaped HTML)."""
    if context <= 0 or len(text) <= 3 * context:
        return _esc(text)
    hidden = len(text) - 2 * context
    return (
        f'{_esc(text[:context])}<span class="rd-elided" title="unchanged text left out">'
        f" … {hidden} unchanged characters … </span>{_esc(text[-context:])}"
    )


def _inline_body(diff: TextDiff, prefix: str, context: int | None, navigate: bool, gap: int = 80) -> str:
    ps = pieces(diff)
    # a change group starts at a change that follows at least ``gap`` unchanged characters
    starts: list[int] = []
    run = gap
    for i, p in enumerate(ps):
        if p.op is Op.EQUAL:
            run += len(p.text)
            continue
        if run >= gap:
            starts.append(i)
        run = 0
    number = {i: n for n, i in enumerate(starts)}
    out = []
    for i, p in enumerate(ps):
        if p.op is Op.EQUAL:
            out.append(_elide(p.text, context) if context else _esc(p.text))
            continue
        if navigate and i in number:
            n = number[i]
            prev = f'<a href="#{prefix}-c{n - 1}" title="previous change">‹</a>' if n else ""
            nxt = f'<a href="#{prefix}-c{n + 1}" title="next change">›</a>' if n + 1 < len(starts) else ""
            out.append(f'<span class="rd-nav" id="{prefix}-c{n}">{prev}{nxt}</span>')
        out.append(_html_piece(diff, p, prefix))
    return "".join(out)


def _html_header(diff: TextDiff) -> str:
    out = [
        f'<p class="rd-files"><del class="rd-del">{_esc(_label(diff.old, "old"))}</del> → '
        f'<ins class="rd-ins">{_esc(_label(diff.new, "new"))}</ins></p>',
        f'<p class="rd-summary">{_esc(summary(diff))}</p>',
    ]
    if diff.approximate:
        out.insert(0, f'<p class="rd-approximate" role="alert">{_esc(APPROXIMATE_NOTE)}</p>')
    return "\n".join(out)


def _side_rows(diff: TextDiff) -> list[tuple[list[Piece], list[Piece]]]:
    """Rows that end where both texts end a line together (at a newline both keep)."""
    rows: list[tuple[list[Piece], list[Piece]]] = []
    left: list[Piece] = []
    right: list[Piece] = []
    for p in pieces(diff):
        if p.op is Op.EQUAL:
            for line in re.split(r"(?<=\n)", p.text):
                if not line:
                    continue
                left.append(attrs.evolve(p, text=line))
                right.append(attrs.evolve(p, text=line))
                if line.endswith("\n"):
                    rows.append((left, right))
                    left, right = [], []
        elif p.op is Op.DELETE:
            left.append(p)
        else:
            right.append(p)
    if left or right:
        rows.append((left, right))
    return rows


def to_html(
    diff: TextDiff,
    *,
    view: View | str = View.INLINE,
    page: bool = True,
    id_prefix: str = "rd",
    style: bool = True,
    context: int | None = None,
    navigate: bool = False,
) -> str:
    """The diff as HTML: ``<del>``/``<ins>`` with ``rd-`` CSS classes, all text escaped.

    Args:
        diff: a text diff.
        view: ``inline`` (a redline) or ``side-by-side``.
        page: a whole self-contained page (True) or a fragment (False, as for Jupyter).
        id_prefix: prefix of every id in the output, so several diffs can share a page.
        style: include the ``<style>`` block (leave it out when the page has it once).
        context: in the inline view, cut unchanged runs longer than three times this
            to their first and last ``context`` characters (None: show all text).
        navigate: in the inline view, mark each group of changes (changes closer than
            80 unchanged characters form one) with an id ``{id_prefix}-c{n}`` and links to
            the previous and next group.

    Returns:
        The HTML text.

    >>> from reportdiff._diff import diff_texts
    >>> frag = to_html(diff_texts("<b>旧</b>", "<b>新</b>"), page=False)
    >>> '<del class="rd-del">旧</del><ins class="rd-ins">新</ins>' in frag, "<b>" in frag
    (True, False)
    """
    v = View(view)
    parts = [f'<div class="rd-diff rd-{v.value}">', _html_header(diff)]
    if v is View.INLINE:
        parts.append(f'<div class="rd-body">{_inline_body(diff, id_prefix, context, navigate)}</div>')
    else:
        parts.append('<table class="rd-side">')
        parts.append(
            f"<thead><tr><th>{_esc(_label(diff.old, 'old'))}</th>"
            f"<th>{_esc(_label(diff.new, 'new'))}</th></tr></thead><tbody>"
        )
        for left, right in _side_rows(diff):
            changed = any(p.op is not Op.EQUAL for p in left + right)
            cls = ' class="rd-changed"' if changed else ""
            cells = ["".join(_html_piece(diff, p, id_prefix) for p in side) for side in (left, right)]
            parts.append(f"<tr{cls}><td>{cells[0]}</td><td>{cells[1]}</td></tr>")
        parts.append("</tbody></table>")
    parts.append("</div>")
    fragment = (f"<style>{CSS}</style>\n" if style else "") + "\n".join(parts)
    if not page:
        return fragment
    title = _esc(f"{_label(diff.old, 'old')} → {_label(diff.new, 'new')}")
    return (
        '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------
# Markdown and plain text
# --------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def _md_esc(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _md_wrap(tag: str, text: str) -> str:
    # One tag per line: an inline tag cannot span a Markdown paragraph break.
    return "".join(
        f"<{tag}>{_md_esc(line.rstrip(chr(10)))}</{tag}>" + ("\n" if line.endswith("\n") else "")
        if line.strip()
        else line
        for line in re.split(r"(?<=\n)", text)
        if line
    )


def to_markdown(diff: TextDiff) -> str:
    """The diff as Markdown: ``<del>``/``<ins>`` inline, text escaped, a stats table.

    Args:
        diff: a text diff.

    Returns:
        The Markdown text.

    >>> from reportdiff._diff import diff_texts
    >>> print(to_markdown(diff_texts("a*b", "a*c")).splitlines()[-1])
    a\\*<del>b</del><ins>c</ins>
    """
    s = diff.stats
    lines = [f"## {_md_esc(_label(diff.old, 'old'))} → {_md_esc(_label(diff.new, 'new'))}", ""]
    if diff.approximate:
        lines += [f"> **{_md_esc(APPROXIMATE_NOTE)}**", ""]
    sim = s.similarity
    lines += [
        "| | old | new | unchanged |",
        "|---|---:|---:|---:|",
        f"| characters | {s.chars_deleted} deleted | {s.chars_inserted} inserted | {s.chars_equal} |",
        f"| tokens | {s.tokens_deleted} deleted | {s.tokens_inserted} inserted | {s.tokens_equal} |",
        f"| sentences | {s.sentences_old} | {s.sentences_new} | {s.sentences_unchanged} ({s.unchanged_share:.0%}) |",
        "",
        f"Similarity: cosine {sim.cosine:.3f}, Jaccard {sim.jaccard:.3f}, "
        f"minimum-edit {sim.edit:.3f}, simple {sim.simple:.3f}. "
        f"Moves: {len(diff.moves)}. Changed numbers: "
        + (
            ", ".join(
                f"{_md_esc(c.old or '∅')} → {_md_esc(c.new or '∅')}" for c in s.changed_numbers
            )
            or "none"
        )
        + ".",
        "",
    ]
    body = []
    for p in pieces(diff):
        if p.op is Op.EQUAL:
            body.append(_md_esc(p.text))
        else:
            body.append(_md_wrap("del" if p.op is Op.DELETE else "ins", p.text))
    return "\n".join(lines) + "\n" + "".join(body) + "\n"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x9b]")


@attrs.frozen
class _TextStyle:
    delete: tuple[str, str]
    insert: tuple[str, str]
    moved_delete: tuple[str, str]
    moved_insert: tuple[str, str]


_PLAIN = _TextStyle(("[-", "-]"), ("{+", "+}"), ("[<-", "-]"), ("{>+", "+}"))
_ANSI = _TextStyle(
    ("\x1b[31;9m", "\x1b[0m"),
    ("\x1b[32;1m", "\x1b[0m"),
    ("\x1b[33;9m", "\x1b[0m"),
    ("\x1b[33;1m", "\x1b[0m"),
)


def to_text(diff: TextDiff, *, color: bool = False) -> str:
    """The diff as plain text, git word-diff style.

    Without colour, deletions read ``[-…-]`` and insertions ``{+…+}`` (moved
    text ``[<-…-]`` and ``{>+…+}``); with colour they are red and green
    (moved: yellow).  Control characters in the report become ``�``.

    Args:
        diff: a text diff.
        color: use ANSI colour (only for a terminal).

    Returns:
        The text.

    >>> from reportdiff._diff import diff_texts
    >>> to_text(diff_texts("增长6%。", "增长7%。")).splitlines()[-1]
    '增长[-6%-]{+7%+}。'
    """
    style = _ANSI if color else _PLAIN
    clean: Callable[[str], str] = lambda t: _CONTROL.sub("\ufffd", t)  # noqa: E731
    head = [f"--- {clean(_label(diff.old, 'old'))}", f"+++ {clean(_label(diff.new, 'new'))}"]
    if diff.approximate:
        head.append(f"!!! {APPROXIMATE_NOTE}")
    head.append(f"### {summary(diff)}")
    body = []
    for p in pieces(diff):
        t = clean(p.text)
        if p.op is Op.EQUAL:
            body.append(t)
            continue
        if p.op is Op.DELETE:
            o, c = style.moved_delete if p.move is not None else style.delete
        else:
            o, c = style.moved_insert if p.move is not None else style.insert
        body.append(f"{o}{t}{c}")
    return "\n".join(head) + "\n" + "".join(body) + "\n"


# --------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------


def _span(s: Span) -> list[int]:
    return [s.start, s.end]


def _edit(e: Edit) -> dict[str, Any]:
    return {"op": e.op.value, "text": e.text, "a": _span(e.a), "b": _span(e.b)}


def _move(m: Move) -> dict[str, Any]:
    return {
        "a": _span(m.a),
        "b": _span(m.b),
        "similarity": m.similarity,
        "edits": [_edit(e) for e in m.edits],
    }


def to_dict(diff: TextDiff) -> dict[str, Any]:
    """The diff as the JSON contract's object (see docs/diff.md).

    Keys: ``old`` and ``new`` (``path``, ``year``, ``text``), ``section``,
    ``granularity``, ``approximate``, ``stats``, ``edits`` (``op``, ``text``,
    ``a``, ``b``) and ``moves`` (``a``, ``b``, ``similarity``, ``edits``).

    >>> from reportdiff._diff import diff_texts
    >>> to_dict(diff_texts("甲", "甲"))["edits"]
    [{'op': 'equal', 'text': '甲', 'a': [0, 1], 'b': [0, 1]}]
    """
    s = diff.stats
    return {
        "old": {"path": diff.old.path, "year": diff.old.year, "text": diff.old.text},
        "new": {"path": diff.new.path, "year": diff.new.year, "text": diff.new.text},
        "section": diff.old.section or diff.new.section or None,
        "granularity": diff.granularity.value,
        "approximate": diff.approximate,
        "stats": {
            "chars": {
                "equal": s.chars_equal,
                "deleted": s.chars_deleted,
                "inserted": s.chars_inserted,
            },
            "tokens": {
                "equal": s.tokens_equal,
                "deleted": s.tokens_deleted,
                "inserted": s.tokens_inserted,
            },
            "sentences": {
                "old": s.sentences_old,
                "new": s.sentences_new,
                "unchanged": s.sentences_unchanged,
                "unchanged_share": s.unchanged_share,
            },
            "similarity": attrs.asdict(s.similarity),
            "changed_numbers": [
                {"old": c.old, "new": c.new, "a": _span(c.a), "b": _span(c.b)}
                for c in s.changed_numbers
            ],
        },
        "edits": [_edit(e) for e in diff.edits],
        "moves": [_move(m) for m in diff.moves],
    }


def to_json(diff: TextDiff, *, indent: int | None = 1) -> str:
    """The diff as JSON text (UTF-8 characters unescaped, keys in contract order).

    >>> from reportdiff._diff import diff_texts
    >>> to_json(diff_texts("", ""), indent=None)[:60]
    '{"old": {"path": "", "year": null, "text": ""}, "new": {"pat'
    """
    obj = to_dict(diff)
    if indent is None:  # the json module's C encoder
        return json.dumps(obj, ensure_ascii=False) + "\n"
    return _indented_json(obj, indent) + "\n"


_INT_REPR = int.__repr__
_FLOAT_REPR = float.__repr__


def _indented_json(obj: Any, indent: int) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=indent)``, character for character.

    With an indent the json module encodes in Python, one generator per
    container and a ``yield`` per piece (its C encoder takes no indent); this
    writer appends the same pieces to one list: about twice as fast on a
    diff's edits.  Strings are still escaped by the json module's C function.
    Anything but str keys and JSON's own value types goes back to the json
    module.

    >>> o = {"a": [1, 2.5, None, True, "é\\n"], "b": {}, "c": [], "d": {"e": [[]]}}
    >>> _indented_json(o, 1) == json.dumps(o, ensure_ascii=False, indent=1)
    True
    """
    out: list[str] = []
    add = out.append
    quote = json.encoder.encode_basestring  # the C escaper, as json.dumps(ensure_ascii=False)
    pads = ["\n" + " " * (indent * d) for d in range(64)]
    keys: dict[str, str] = {}  # each key quoted, with its separator

    def ints(o: list[int] | tuple[int, ...], depth: int) -> None:  # a non-empty list of plain ints
        add("[" + pads[depth + 1] + ("," + pads[depth + 1]).join(map(_INT_REPR, o)) + pads[depth] + "]")

    def value(o: Any, depth: int) -> None:
        if isinstance(o, str):
            add(quote(o))
        elif o is None:
            add("null")
        elif o is True:
            add("true")
        elif o is False:
            add("false")
        elif isinstance(o, int):
            add(_INT_REPR(o))
        elif isinstance(o, float):
            add(_float_json(o))
        elif depth + 1 >= len(pads):
            raise TypeError(o)  # deeper than any diff: the json module's way
        elif isinstance(o, (list, tuple)):
            if not o:
                add("[]")
            elif all(type(x) is int for x in o):
                ints(o, depth)
            else:
                sep = "," + pads[depth + 1]
                add("[" + pads[depth + 1])
                for k, item in enumerate(o):
                    if k:
                        add(sep)
                    value(item, depth + 1)
                add(pads[depth] + "]")
        elif isinstance(o, dict):
            if not o:
                add("{}")
                return
            sep = "," + pads[depth + 1]
            first = True
            for key, item in o.items():
                if not isinstance(key, str):
                    raise TypeError(key)
                if first:
                    add("{" + pads[depth + 1] + quote(key) + ": ")
                    first = False
                else:
                    add(sep + (keys.get(key) or keys.setdefault(key, quote(key) + ": ")))
                t = type(item)
                if t is str:  # the common values inline: no call
                    add(quote(item))
                elif t is list and len(item) == 2 and type(item[0]) is int and type(item[1]) is int:
                    ints(item, depth + 1)  # a span
                else:
                    value(item, depth + 1)
            add(pads[depth] + "}")
        else:
            raise TypeError(o)

    try:
        value(obj, 0)
    except TypeError:  # a type only the json module knows what to do with (or an error it reports)
        return json.dumps(obj, ensure_ascii=False, indent=indent)
    return "".join(out)


def _float_json(o: float) -> str:
    """A float as the json module writes it (``NaN`` and ``Infinity`` included)."""
    if o != o:
        return "NaN"
    if o == float("inf"):
        return "Infinity"
    if o == float("-inf"):
        return "-Infinity"
    return _FLOAT_REPR(o)


register_html_renderer(lambda diff: to_html(diff, page=False))
