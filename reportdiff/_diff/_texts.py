"""Each text's own share of a diff's work, made once per text: its tokens, sentences and terms.

A series' texts are each diffed twice, with the year before and the year after (a
report's whole text in two document diffs, most sections' own texts in two section
diffs).  What depends on one text alone (the word scan, the tokens, the sentences, the
similarity terms and the count of each sentence) is the same both times;
:class:`TextCache` keeps it for the last few texts diffed.
"""

from __future__ import annotations

import collections
from collections.abc import Mapping

from reportdiff._tokens import Segmenter, sentence_terms, sentences, tokenize, word_matches
from reportdiff.model import Granularity, Span

__all__ = ["Prepared", "TextCache", "prepare"]


class Prepared:
    """What a diff needs of one text besides the other text."""

    __slots__ = ("ends", "sentence_counts", "sentences", "terms", "tokens")

    def __init__(self, tokens: list[str], spans: list[Span], terms: list[str], ends: list[int],
                 sentence_counts: collections.Counter[str]) -> None:
        self.tokens = tokens
        """The tokens of the diff's granularity; they partition the text (none when
        prepared for statistics alone)."""
        self.sentences = spans
        """The sentences' spans (:func:`~reportdiff._tokens.sentences`)."""
        self.terms = terms
        """The similarity terms (:func:`~reportdiff._tokens.sentence_terms`)."""
        self.ends = ends
        """Where each sentence's terms end."""
        self.sentence_counts = sentence_counts
        """How often each sentence (stripped) occurs."""


def prepare(text: str, granularity: Granularity | None, segmenter: Segmenter | None) -> Prepared:
    """The :class:`Prepared` of ``text``: one word scan serves the word tokens and the terms.

    With ``granularity`` None there are no tokens (for statistics alone).

    >>> p = prepare("改革开放。Sales rose.", Granularity.WORD, None)
    >>> p.terms, p.ends, [s.end for s in p.sentences]
    (['改', '革', '开', '放', 'sales', 'rose'], [4, 6], [5, 16])
    """
    scan = word_matches(text)
    tokens = [] if granularity is None else tokenize(
        text, granularity, segmenter=segmenter, matches=scan if granularity is Granularity.WORD else None)
    spans = sentences(text)
    terms, ends = sentence_terms(text, matches=scan, stops=[s.end for s in spans])
    return Prepared(tokens, spans, terms, ends, collections.Counter(s.of(text).strip() for s in spans))


class TextCache:
    """The :class:`Prepared` of the last ``size`` texts diffed (least recently used goes first).

    Pass one to the diffs of a series (``diff_texts(..., cache=cache)``) so that a text
    diffed with its year before and its year after is cut and scanned once.  Results are
    the same with or without it.

    >>> cache = TextCache(size=2)
    >>> cache.get("改革。", Granularity.WORD, None) is cache.get("改革。", Granularity.WORD, None)
    True
    """

    def __init__(self, size: int = 64, *, uses: Mapping[str, int] | None = None) -> None:
        """Args:
            size: how many texts are kept (without ``uses``).
            uses: how many times each text will be asked for, when the caller knows: a
                text is then kept from its first use to its last and dropped after it,
                whatever ``size`` (a text asked for once is never kept).
        """
        self.size = size
        self._left = None if uses is None else dict(uses)
        self._known: collections.OrderedDict[tuple[str, Granularity, Segmenter | None], Prepared] = (
            collections.OrderedDict())

    def get(self, text: str, granularity: Granularity, segmenter: Segmenter | None) -> Prepared:
        """The :class:`Prepared` of ``text``, made now or kept from before."""
        key = (text, granularity, segmenter)
        if self._left is not None:
            left = self._left.get(text, 0) - 1
            self._left[text] = left
            found = self._known.pop(key, None) if left <= 0 else self._known.get(key)
            if found is None:
                found = prepare(text, granularity, segmenter)
                if left > 0:
                    self._known[key] = found
            return found
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = prepare(text, granularity, segmenter)
            if len(self._known) > self.size:
                self._known.popitem(last=False)
        else:
            self._known.move_to_end(key)
        return found
