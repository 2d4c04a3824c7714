"""Which part of a section continues which of its partners.

When sections ``a1`` and ``a2`` of one year merge into ``b`` of the next, the
redline of ``a1 → b`` should show ``a1`` against the part of ``b`` that
continues it, not against all of ``b`` (which would show ``a2``'s continuation
as inserted text, twice over the two pairs).  :func:`apportion` gives each
paragraph of ``b`` to the partner it is most similar to, so every paragraph of
``b`` is in exactly one pair's redline.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections import Counter
from collections.abc import Sequence

from reportdiff._align.vectors import tokenize
from reportdiff._text import Language, iter_lines

__all__ = ["apportion"]


def _unit(counts: Counter[str]) -> dict[str, float]:
    values = counts.values()
    norm = math.sqrt(sum(map(operator.mul, values, values))) or 1.0
    return {t: v / norm for t, v in counts.items()}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # the products in a's order, summed as a generator would, by map in C
    return float(sum(map(operator.mul, a.values(), map(b.get, a, itertools.repeat(0.0)))))


def apportion(whole: str, partners: Sequence[str], language: Language | str, *, min_chars: int | None = None) -> list[str]:
    """The part of ``whole`` that continues each of ``partners``, in partner order.

    Each paragraph (line) of ``whole`` goes to the partner whose text it is most
    similar to (cosine of the aligner's tokens); a paragraph similar to none goes
    with the paragraph before it (the first partner if it opens the text), and a
    short line (a heading, a run-in title: under ``min_chars``) goes with the
    paragraph after it.  A part is its paragraphs joined in text order, each with
    its line break, so the parts together hold every line of ``whole`` once.

    Args:
        whole: the text that several partners continue in (or came from).
        partners: the partners' texts.
        language: decides the tokens (character bigrams for Chinese, words otherwise).
        min_chars: the shortest paragraph (default: 40 for Chinese, 200 otherwise, as the aligner).

    >>> whole = "农业\\n加强农业基础设施建设，提高粮食产量，增加农民收入。\\n治理大气污染和水污染，推进节能减排。\\n"
    >>> apportion(whole, ["提高粮食产量，增加农民收入", "治理水污染，推进节能减排"], "zh", min_chars=10)
    ['农业\\n加强农业基础设施建设，提高粮食产量，增加农民收入。\\n', '治理大气污染和水污染，推进节能减排。\\n']
    """
    lang = Language(language)
    least = min_chars if min_chars is not None else (40 if lang == Language.ZH else 200)
    if len(partners) < 2:
        return [whole] * len(partners)
    vectors = [_unit(Counter(tokenize(p, lang))) for p in partners]
    lines = [(s, e + 1 if e < len(whole) else e) for s, e in iter_lines(whole)]
    owner: list[int | None] = []
    for s, e in lines:
        text = whole[s:e]
        if len(text.strip()) < least:
            owner.append(None)  # decided by its neighbours
            continue
        v = _unit(Counter(tokenize(text, lang)))
        sims = [_dot(v, w) for w in vectors]
        best = max(range(len(sims)), key=lambda k: (sims[k], -k))
        owner.append(best if sims[best] > 0 else -1)
    # a paragraph similar to no partner goes with the one before it
    last = 0
    for k, o in enumerate(owner):
        if o == -1:
            owner[k] = last
        elif o is not None:
            last = o
    # a short line goes with the next paragraph (the last ones with the one before)
    nxt: int | None = None
    for k in range(len(owner) - 1, -1, -1):
        if owner[k] is None:
            owner[k] = nxt
        else:
            nxt = owner[k]
    prev = 0
    for k, o in enumerate(owner):
        if o is None:
            owner[k] = prev
        else:
            prev = o
    parts = [""] * len(partners)
    for (s, e), o in zip(lines, owner, strict=True):
        parts[o or 0] += whole[s:e]
    return parts
