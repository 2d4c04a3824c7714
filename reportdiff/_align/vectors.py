"""Text features for the aligner: tokens, paragraphs and TF-IDF vectors.

Features need no segmenter: character bigrams of Chinese runs, lower-cased words
of other scripts; digits and punctuation are dropped (figures change every year
and say nothing about the topic).  Vectors are sparse (``scipy.sparse``) rows of
unit length over the series' vocabulary, so products cost what the shared
tokens cost, not what the vocabulary does.
"""

from __future__ import annotations

import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reportdiff._text import CJK, Language, nfkc

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from scipy import sparse

    Matrix = npt.NDArray[np.float64]

__all__ = ["Tokenizer", "Vectors", "paragraphs", "phrases", "tokenize"]

#: Splits a text into the tokens similarity is computed on: ``(text, language) -> tokens``.
Tokenizer = Callable[[str, str], list[str]]

_CJK_RUN = re.compile(f"[{CJK}]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def tokenize(text: str, language: str) -> list[str]:
    """The tokens similarity works on: character bigrams of each run of Chinese
    characters, lower-cased words of other scripts; digits and punctuation are
    dropped.

    Args:
        text: any text.
        language: ``zh`` or ``en`` (only decides how Latin words are kept).

    Returns:
        The tokens in text order.

    >>> tokenize("加强农业，促进增收2.5%", "zh")
    ['加强', '强农', '农业', '促进', '进增', '增收']
    >>> tokenize("Our GEICO float grew 7%.", "en")
    ['our', 'geico', 'float', 'grew']
    """
    text = nfkc(text)
    out: list[str] = []
    if language == Language.ZH:
        for run in _CJK_RUN.findall(text):
            if len(run) == 1:
                out.append(run)
            out.extend(map(operator.add, run, run[1:]))  # the bigrams run[i:i + 2], made in C
        out.extend(w.lower() for w in _WORD.findall(_CJK_RUN.sub(" ", text)) if len(w) > 1)
        return out
    return [w.lower() for w in _WORD.findall(text)]


#: Characters in a Chinese phrase (a window of a run of Chinese characters).
PHRASE_CHARS = 4


def phrases(text: str, language: str) -> list[str]:
    """The phrases of a text: windows of ``PHRASE_CHARS`` characters of each run of
    Chinese characters, pairs of consecutive lower-cased words of other scripts;
    digits and punctuation are dropped (``in 2008 the fund`` has the pair ``in the``).

    Two sections on the same measure share names and set terms (``Science Park``,
    ``电子政务``), two sections on neighbouring topics mostly share single words.

    >>> phrases("推进电子政务。", "zh")
    ['推进电子', '进电子政', '电子政务']
    >>> phrases("The Science Park grew 7%.", "en")
    ['the science', 'science park', 'park grew']
    """
    if language == Language.ZH:
        # no NFKC here: it changes no Chinese run but compatibility ideographs, and costs
        # more than the windows
        n = PHRASE_CHARS
        return [run[i : i + n] for run in _CJK_RUN.findall(text) for i in range(len(run) - n + 1)]
    words = [w.lower() for w in _WORD.findall(nfkc(text))]
    return [f"{a} {b}" for a, b in itertools.pairwise(words)]


def paragraphs(text: str, language: str, min_chars: int) -> list[str]:
    """The paragraphs of ``text``; a short line (a run-in heading) is joined to the next one.

    >>> paragraphs("标题\\n第一段很长很长。\\n第二段。", "zh", 4)
    ['标题\\n第一段很长很长。', '第二段。']
    """
    sep = "\n" if language == Language.ZH else "\n\n"
    out: list[str] = []
    buf = ""
    for piece in text.split(sep):
        buf = f"{buf}\n{piece}" if buf else piece
        if len(buf.strip()) >= min_chars:
            out.append(buf)
            buf = ""
    if buf.strip():
        if out:
            out[-1] += "\n" + buf
        else:
            out.append(buf)
    return out


class Vectors:
    """TF-IDF over a series: a paragraph is a document for the IDF, term
    frequencies are dampened (``1 + log tf``), rows have unit length.

    Build once from every paragraph's token counts, then :meth:`rows` turns
    groups of paragraphs (a paragraph, a section) into a sparse matrix.
    """

    def __init__(self, counts: Sequence[Counter[str]], tokenizer: Tokenizer = tokenize) -> None:
        self.tokenize = tokenizer
        df: Counter[str] = Counter(itertools.chain.from_iterable(counts))  # each paragraph's tokens once
        n_docs = len(counts)
        self.vocab = dict(zip(sorted(df), itertools.count()))
        # one IDF per document frequency (a few hundred of them for ~100K tokens)
        of_df = {d: math.log((1 + n_docs) / (1 + d)) + 1.0 for d in set(df.values())}
        self.idf = dict(zip(df.keys(), map(of_df.__getitem__, df.values()), strict=True))

    def counts(self, counts: Sequence[Counter[str]]) -> sparse.csr_matrix:
        """The raw token counts of each paragraph as a sparse matrix (paragraphs × vocabulary)."""
        import numpy as np
        from scipy import sparse

        sizes = np.array([len(cnt) for cnt in counts], dtype=np.int64)
        total = int(sizes.sum())
        # map over the chained keys runs in C (a generator's frame per token was most of the cost)
        c = np.fromiter(map(self.vocab.get, itertools.chain.from_iterable(counts), itertools.repeat(-1)),
                        dtype=np.int64, count=total)
        v = np.fromiter(itertools.chain.from_iterable(cnt.values() for cnt in counts), dtype=float, count=total)
        r = np.repeat(np.arange(len(counts), dtype=np.int64), sizes)
        known = c >= 0  # tokens of texts the vectors were not built from have no column
        return sparse.csr_matrix((v[known], (r[known], c[known])), shape=(len(counts), max(1, len(self.vocab))))

    def rows(self, counts: sparse.csr_matrix, groups: Sequence[Sequence[int]]) -> sparse.csr_matrix:
        """One unit-length TF-IDF row per group of paragraphs (row indexes into ``counts``)."""
        import numpy as np
        from scipy import sparse

        r = [k for k, g in enumerate(groups) for _ in g]
        c = [i for g in groups for i in g]
        member = sparse.csr_matrix((np.ones(len(r)), (np.array(r, dtype=np.int64), np.array(c, dtype=np.int64))),
                                   shape=(len(groups), counts.shape[0]))
        tf = sparse.csr_matrix(member @ counts)
        tf.data = (1.0 + np.log(tf.data)) * self._idf()[tf.indices]
        norm = np.sqrt(np.asarray(tf.multiply(tf).sum(axis=1)).ravel())
        norm[norm == 0] = 1.0
        out: sparse.csr_matrix = sparse.csr_matrix(sparse.diags(1.0 / norm) @ tf)
        return out

    def idf_of(self, column: int) -> float:
        """The IDF of the token in ``column``."""
        return float(self._idf()[column])

    def _idf(self) -> Matrix:
        import numpy as np

        if not hasattr(self, "_idf_array"):
            arr = np.ones(max(1, len(self.vocab)))
            # the vocabulary numbers its tokens 0, 1, … in its own order
            arr[: len(self.vocab)] = np.fromiter(map(self.idf.__getitem__, self.vocab), dtype=float,
                                                 count=len(self.vocab))
            self._idf_array = arr
        out: Matrix = self._idf_array
        return out


def cosine(a: sparse.csr_matrix, b: sparse.csr_matrix) -> Matrix:
    """Dense ``len(a) × len(b)`` cosines of two sets of unit rows, clipped to [0, 1]."""
    import numpy as np

    out: Matrix = np.clip(np.asarray((a @ b.T).toarray(), dtype=np.float64), 0.0, 1.0)
    return out
