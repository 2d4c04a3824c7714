"""The code each child of benchmarks/run.py runs, as ``python3 -c`` strings.

*Cold* probes (``FLOOR_*``) are whole processes: the figure is the child's CPU and wall time.
*Inner* probes (``*_INNER``) import what they need, warm up, time their work alone and print
``{"cpu": s, "wall": s}`` as their last line.  Only the top-level ``reportdiff`` names are
used.  Arguments come after the code: ``python3 -c CODE ARG…``.
"""

from __future__ import annotations

_TIMED = """
import json as _json, time as _time
_n, _c, _w = 0, _time.process_time(), _time.perf_counter()
while _n == 0 or (_LOOP and _time.perf_counter() - _w < 0.2):
    work()
    _n += 1
print(_json.dumps({"cpu": (_time.process_time() - _c) / _n, "wall": (_time.perf_counter() - _w) / _n}))
"""


def _inner(setup: str, *, loop: bool = False) -> str:
    """``setup`` (which defines ``work()``) followed by the timing of ``work()``.

    With ``loop`` (for floors, which keep no caches), work taking under 0.2 s is repeated
    until 0.2 s have passed and the mean per call is printed, so that a floor of microseconds
    is not one noisy reading.  reportdiff's own work is timed once per process, so that no
    cache of a first call (segmented text, for one) flatters the figure.
    """
    return setup.strip() + f"\n_LOOP = {loop}\n" + _TIMED


# Floor of cold_diff: Python start-up + read both files + character LCS.
FLOOR_DIFF = """
import sys
from rapidfuzz.distance import Indel
a = open(sys.argv[1], encoding="utf-8").read()
b = open(sys.argv[2], encoding="utf-8").read()
print(len(Indel.opcodes(a, b)))
"""

# Floor of align over N files: Python start-up + read them + LCS of each consecutive pair.
FLOOR_LCS_PAIRS = """
import sys
from rapidfuzz.distance import Indel
texts = [open(f, encoding="utf-8").read() for f in sys.argv[1:]]
print(sum(len(Indel.opcodes(a, b)) for a, b in zip(texts, texts[1:])))
"""

# Floor of report: import pandas and matplotlib, read the files, LCS of the consecutive
# pairs, draw one PNG chart (argv: OUT.png FILE...).
FLOOR_REPORT = """
import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from rapidfuzz.distance import Indel
out, files = sys.argv[1], sys.argv[2:]
texts = [open(f, encoding="utf-8").read() for f in files]
same = []
for a, b in zip(texts, texts[1:]):
    kept = sum(o.src_end - o.src_start for o in Indel.opcodes(a, b) if o.tag == "equal")
    same.append(2 * kept / (len(a) + len(b)))
table = pd.DataFrame({"similarity": same})
fig, ax = plt.subplots()
ax.plot(table.index, table["similarity"], marker="o")
fig.savefig(out)
"""

# doubling: reportdiff.diff_texts on the two files, after a warm-up diff loads the segmenter.
DIFF_INNER = _inner("""
import sys
import reportdiff
a = open(sys.argv[1], encoding="utf-8").read()
b = open(sys.argv[2], encoding="utf-8").read()
reportdiff.diff_texts("加快发展工作", "加强发展工作")
def work():
    reportdiff.diff_texts(a, b)
""")

# Floor of doubling: the character LCS of the same two files, its length only
# (Indel.distance: the same bit-parallel LCS as Indel.opcodes in linear memory; opcodes keeps
# an N x M bit matrix, 0.9 GB at 88K characters a side and 15 GB at 352K).
LCS_INNER = _inner("""
import sys
from rapidfuzz.distance import Indel
a = open(sys.argv[1], encoding="utf-8").read()
b = open(sys.argv[2], encoding="utf-8").read()
def work():
    Indel.distance(a, b)
""", loop=True)

# indicators: reportdiff.extract on the file's text, after a warm-up extraction.
EXTRACT_INNER = _inner("""
import sys
import reportdiff
text = open(sys.argv[1], encoding="utf-8").read()
reportdiff.extract("国内生产总值增长6.6%。", year=2019)
def work():
    reportdiff.extract(text, year=2019)
""")

# Floor of indicators: one regex pass over the same text.
REGEX_INNER = _inner("""
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
pattern = re.compile(r"增长(\\d+(?:\\.\\d+)?)%")
def work():
    sum(1 for _ in pattern.finditer(text))
""", loop=True)

# sections: reportdiff.align on the parsed reports (parsing excluded), after a warm-up
# alignment of two small reports made in memory.
ALIGN_INNER = _inner("""
import sys
import reportdiff
reports = reportdiff.read_reports(sys.argv[1:])
small = [
    reportdiff.parse(reportdiff.load_text(
        f"{y}年工作报告\\n\\n一、总体要求\\n\\n加快发展。\\n\\n二、主要任务\\n\\n推进改革。\\n",
        path=f"{y}.txt", year=y))
    for y in (2000, 2001)
]
reportdiff.align(small)
def work():
    reportdiff.align(reports)
""")

# Floor of sections: difflib over the lists of top-level headings (parsing excluded):
# get_opcodes, then each heading of a replaced block paired with its best ratio partner.
HEADINGS_INNER = _inner("""
import difflib, sys
import reportdiff
reports = reportdiff.read_reports(sys.argv[1:])
heads = [[s.heading for s in r.sections() if s.level == 1] for r in reports]
def work():
    pairs = []
    for ha, hb in zip(heads, heads[1:]):
        sm = difflib.SequenceMatcher(None, ha, hb, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                pairs += zip(ha[i1:i2], hb[j1:j2])
            elif tag == "replace":
                for h in ha[i1:i2]:
                    best = max(hb[j1:j2], key=lambda g: difflib.SequenceMatcher(None, h, g).ratio())
                    pairs.append((h, best))
    return pairs
""", loop=True)
