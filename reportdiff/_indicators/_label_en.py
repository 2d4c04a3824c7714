"""Labels of English number hits: the words the number measures, inside its own sentence.

A label is the last content words of the number's clause (after a comma, a relative
``that``/``which``/``whose``…, or the quantity before it in the sentence), never across a
sentence end (``. ``, or ``.`` glued to a capital: ``rapidly.Following``).  When the clause
holds no content word of its own, the label comes from what the text gives instead, in order:
the start of a change (``from $147 million to $1,085 million``: the second takes the first's
label), the noun phrase after an adjectival amount (``a 4 per cent trend GDP growth rate``), the
``of`` phrase after it (``13.0% of American Express``), or the topic of the quantity before it
(``the number earning less than $9,000 a month fell from 1.12 million``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportdiff._indicators._kind import kind_of
from reportdiff._indicators._label import Labelled
from reportdiff._indicators._qualify import Hit
from reportdiff._indicators._scan_en import FROM_RE
from reportdiff._indicators._view import EN_SENTENCE_END_RE, Marks
from reportdiff._numerals import EN_NUMBER_WORDS
from reportdiff._vocab import EN_DOWN_WORDS, EN_UP_WORDS
from reportdiff.model import Direction, Kind

__all__ = ["label_hits_en"]

_STOP = frozenset("""
a an the of to by was were is are be been being at in on into onto and or but nor for with from as
will would shall should can could may might must do does did has have had having
i we our us ours it its they their them he she his her you your this that these those such
each every some all any both also only just now still even further again then so than
about over more less nearly approximately around almost roughly very well up down there here
last next year years month months today recently currently already yet ago
that's that’s it's it’s there's there’s we've we’ve we're we’re i'm i’m same
""".split()) | frozenset(EN_NUMBER_WORDS)
"""Words that never make a label on their own (function words, and times: ``last year``)."""
_CUT = frozenset("that which who whom whose where when while whereas because although though if unless".split())
"""Words that open a new clause: the label starts after the last of them."""
_DETERMINERS = frozenset("a an the this that these those its our their his her each every another".split())
"""Words before an adjectival amount (``a 4 per cent trend growth rate``): the noun after it is the label."""
_WORD_RE = re.compile(r"(?<![^\W_])(?:[^\W\d_](?:[^\W\d_]|['’-])*[^\W\d_]|[A-Za-z])(?![^\W_])(?!-?\d)")
"""A word: two or more letters of any script (``Café``, ``Zürich``), with inner apostrophes and
hyphens, or one Latin letter (``a``, ``I``; a lone ``Š`` is a mis-read bullet); a whole word only, so
letters glued to a figure (``FY2020``, ``2020s``) give none, not a piece of one."""
_SENTENCE_END_RE = re.compile(EN_SENTENCE_END_RE.pattern + r"|:(?=\s)|\n|•|\(\d{1,2}\)|\([a-z]\)")
"""What ends an English sentence for labelling: a sentence end (:data:`EN_SENTENCE_END_RE`), a colon,
a line break of the view (where a paragraph, a heading or the title ends: the view reads a line
wrapped inside a paragraph as a space), a bullet, an enumerator ``(1)``."""
_CLAUSE_RE = re.compile(r",(?=\s)|\s[–—-]\s|\s[–—]|[–—]\s")
_PER_RE = re.compile(r"\s+(?:a|per|each|every)\s+(?:year|month|week|day|annum|share|head|person|capita)\b"
                     r"(?!\s+(?:ago|earlier|before|later)\b)", re.IGNORECASE)
"""A rate after an amount (``$9,000 a month``, ``$7.14 per share``): part of that amount's quote."""
_PER_UNIT = frozenset("share head person capita".split())
"""What an amount can be per that makes it another indicator than the total (a rate in time, ``$43
billion a year``, is how budgets state totals anyway)."""
_COMPARED = frozenset("compared comparing versus vs against contrasted".split())
"""Words that set a figure beside the one before it (``compared with $1.9 billion``): that figure is
the earlier one's indicator, its point of comparison."""
_TO_RE = re.compile(r"\bto\b", re.IGNORECASE)
_OF_RE = re.compile(r"\s+of\s+")
_BASE_RE = re.compile(r"year[- ]over[- ]year|year[- ]on[- ]year|from (?:a year earlier|last year)", re.IGNORECASE)
_LOOKBACK = 300
"""How far back a sentence start is looked for (keeps a long line without stops linear)."""
_MAX_WORDS = 5


def _sentence_start(view: str, pos: int) -> int:
    lo = max(0, pos - _LOOKBACK)
    start = lo
    for m in _SENTENCE_END_RE.finditer(view, lo, pos):
        start = m.end()
    return start


def _clause_start(view: str, lo: int, pos: int) -> int:
    start = lo
    for m in _CLAUSE_RE.finditer(view, lo, pos):
        start = m.end()
    return start


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w.lower() not in _STOP]


def _after_cut(words: list[str]) -> list[str]:
    """The words after the last clause opener, when some content words follow it."""
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() in _CUT:
            rest = words[k + 1:]
            return rest if _content(rest) else words
    return words


def _is_direction(word: str) -> bool:
    return word.lower() in EN_UP_WORDS or word.lower() in EN_DOWN_WORDS


def _phrase_after(view: str, pos: int, *, skip_numbers: bool) -> tuple[list[str], int]:
    """The content words right after ``pos`` up to a stop word or punctuation (at most four) and their end."""
    out: list[str] = []
    end = pos
    i = pos
    n = len(view)
    limit = min(n, pos + 80)
    while i < limit and len(out) < 4:
        while i < limit and view[i] in " \t\n":
            i += 1
        if i >= limit:
            break
        if skip_numbers and not out and (view[i].isdigit() or view[i] in "$€£¥"):
            j = i
            while j < limit and not view[j].isspace():
                j += 1
            i = j
            continue
        m = _WORD_RE.match(view, i)
        if m is None:
            break
        w = m.group()
        if w.lower() in _STOP or w.lower() in _CUT:
            if out or w.lower() not in _DETERMINERS:
                break
            i = m.end()
            continue
        out.append(w)
        end = i = m.end()
    return out, end


_MODIFIER_OPENERS = frozenset("equivalent equal amounting accounting representing reflecting bringing taking "
                              "making raising lifting pushing up down".split())
"""Words opening a clause that only qualifies the amount before it (``…, representing 22 per cent``)."""


def _modifies_what_precedes(words: list[str]) -> bool:
    """The clause opens with a participle or ``equivalent to``: it says more of what came before it."""
    first = words[0].lower() if words else ""
    return first in _MODIFIER_OPENERS


def _direction(words: list[str]) -> Direction:
    for w in reversed(words[-4:]):
        lw = w.lower()
        if lw in EN_UP_WORDS:
            return Direction.UP
        if lw in EN_DOWN_WORDS:
            return Direction.DOWN
    return Direction.NONE


def label_hits_en(marks: Marks, hits: Sequence[Hit]) -> list[Labelled]:
    """Label each English hit (in text order) and decide its direction, base, kind and start value.

    >>> from reportdiff._indicators._scan_en import scan
    >>> m = Marks("Profits rose from $147 million to $1,085 million. About 95% of these outlays.")
    >>> [(x.label, x.start_value) for x in label_hits_en(m, scan(m))]
    [('Profits rose', True), ('Profits rose', False), ('outlays', False)]
    """
    view = marks.text
    out: list[Labelled] = []
    prev: Labelled | None = None
    for hit in hits:
        qs = hit.qual_start if hit.qual_start >= 0 else hit.start
        ss = _sentence_start(view, qs)
        same_sentence = prev is not None and ss <= prev.hit.start
        lo = ss
        if prev is not None and same_sentence:
            lo = max(lo, prev.quote_end if prev.quote_end <= qs else prev.hit.end)
        cs = _clause_start(view, lo, qs)
        raw = view[cs:qs]
        words = _after_cut(_WORD_RE.findall(raw))
        content = _content(words)
        direction = _direction(words)
        start_value = bool(FROM_RE.search(raw))
        if prev is not None and same_sentence and content and all(w.lower() in _COMPARED for w in content):
            # net earnings were $2.4 billion, compared with $1.9 billion: the figure it is compared with
            content, topic, start_value = [], [], True
        post_end = hit.tail if hit.tail >= 0 else hit.end
        quote_end = post_end
        label = ""
        subject = ""
        last = words[-1].lower() if words else ""
        topic = [w for w in content if not _is_direction(w)]
        if hit.counts and _OF_RE.match(view, post_end) is None:
            # We will build 30,000 public rental flats: what is done to what is counted
            label = " ".join([*[w for w in content if w.lower() not in _DETERMINERS][-2:], hit.counts])
            subject = hit.counts
        elif last in _DETERMINERS:
            noun, e = _phrase_after(view, post_end, skip_numbers=True)
            if noun:
                label, subject, quote_end = " ".join(noun), " ".join(noun), e
        if not label and prev is not None and same_sentence and prev.start_value \
                and (not topic or _TO_RE.search(raw)):
            # from X to Y: Y is the same indicator (with what the text adds: to a four-year low of Y)
            label = " ".join([prev.subject or prev.label, *topic[-3:]]) if topic else prev.label
            subject = prev.subject
        if not label and len(topic) <= 2 and (of := _OF_RE.match(view, post_end)) is not None:
            noun, e = _phrase_after(view, of.end(), skip_numbers=False)
            if noun:
                own = " ".join(content[-_MAX_WORDS:])
                if not own and prev is not None and same_sentence and prev.subject and words[:1] == ["or"]:
                    own = f"{prev.subject} of"  # a deficit of $3.4 billion, or 1.2 per cent of GDP
                label = (own + " " if own else "") + " ".join(noun)
                subject, quote_end = label, e
        if not label and not topic and prev is not None and same_sentence and prev.subject:
            label = " ".join([prev.subject, *content[-2:]])
            subject = prev.subject
        if not label and not content and cs > lo:
            # a comma clause with no words of its own: the clause before it names the number
            wider = _content(_after_cut(_WORD_RE.findall(view[lo:qs])))
            label = " ".join(wider[-_MAX_WORDS:])
            subject = " ".join(w for w in wider[-_MAX_WORDS:] if not _is_direction(w)) or label
        if not label and not content and not hit.base_unit:
            # Around 1.9 million taxpayers: a bare count names what it counts right after it
            noun, e = _phrase_after(view, post_end, skip_numbers=False)
            if noun:
                label, subject, quote_end = " ".join(noun), " ".join(noun), e
        if not label:
            label = " ".join(content[-_MAX_WORDS:])
            subject = " ".join(topic[-_MAX_WORDS:]) or label
        if prev is not None and same_sentence and prev.subject and cs > lo and _modifies_what_precedes(words) \
                and not label.startswith(prev.subject):
            # X was $300 billion, representing 22 per cent of GDP: the share is X's
            label = f"{prev.subject} {label}"
            subject = prev.subject
        if (pm := _PER_RE.match(view, quote_end)) is not None:
            quote_end = pm.end()
            per = " ".join(pm.group().split()).lower()
            per_noun = per.split()[-1]
            if per_noun in _PER_UNIT and not any(w.lower().rstrip("s") == per_noun for w in label.split()):
                label = f"{label} {per}".strip()  # $3.10 per share is not the total's indicator
        after = view[post_end:post_end + 40]
        after = after[:m.start()] if (m := _SENTENCE_END_RE.search(after)) else after
        base = "year-over-year" if _BASE_RE.search(raw) or _BASE_RE.match(after.lstrip(" ,")) else ""
        kind = kind_of(marks, hit, raw, True)
        if start_value:
            kind = Kind.ACTUAL  # down from $196.9 billion: the start of a change is a result
        item = Labelled(hit, label, subject, raw, cs, quote_end, direction, base, kind, start_value,
                        False, ss)
        out.append(item)
        prev = item
    return out
