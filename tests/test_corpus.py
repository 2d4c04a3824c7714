"""reportdiff.corpus and ``reportdiff corpus``: many series on a pool or a Dask cluster, with a cache."""

from __future__ import annotations

import concurrent.futures as cf
import itertools
import pickle
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import reportdiff
from reportdiff import corpus
from reportdiff.cli import main
from reportdiff.corpus._cache import Cache, content_key
from reportdiff.corpus._work import Work

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "gov-work-report" / "2019.txt"


def _sentences(text: str, n: int) -> list[str]:
    """The first ``n`` sentences of ``text`` and its first ``n`` sentences holding a number."""
    all_ = [x.strip() + "。" for x in re.split(r"[。\n]", text) if x.strip()][1:]
    numbered = [x for x in all_ if re.search(r"\d", x)]
    return list(dict.fromkeys(all_[:n] + numbered[:n]))


def _sections(path: Path) -> list[tuple[str, list[str]]]:
    """Headed sections of a fixture (levels 1 and 2), each with a few of its sentences."""
    report = reportdiff.read_report(path)
    out = []
    for s in report.sections():
        if s.heading and s.level <= 2:
            out.append((s.heading.strip(), _sentences(s.text() if s.level == 2 else s.text()[:400], 2)))
    return out[:12]


def _year_text(sections: list[tuple[str, list[str]]], k: int) -> str:
    """Year ``k`` of a generated series: some sentences dropped, the numbers shifted by ``k``."""
    parts = ["政府工作报告", ""]
    for i, (heading, sentences) in enumerate(sections):
        kept = [x for j, x in enumerate(sentences) if (i + j + k) % 5 != 0]
        body = re.sub(r"\d+", lambda m: str(int(m.group()) + k), "".join(kept))
        parts += [heading, body, ""]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def source() -> list[tuple[str, list[str]]]:
    return _sections(FIXTURE)


def _series(root: Path, name: str, years: range, source: list[tuple[str, list[str]]], shift: int = 0) -> list[str]:
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, year in enumerate(years):
        path = folder / f"{year}.txt"
        path.write_text(_year_text(source[shift:] + source[:shift], k + shift), encoding="utf-8")
        paths.append(str(path))
    return paths


def _csv(result: corpus.CorpusResult) -> dict[str, str]:
    return {name: table.to_csv(index=False) for name, table in result.tables().items()}


def _threads(series: object, **kw: object) -> corpus.CorpusResult:
    with cf.ThreadPoolExecutor(2) as pool:
        return corpus.run(series, executor=pool, **kw)  # type: ignore[arg-type]


def test_process_pool_and_dask_local_cluster_give_identical_tables(tmp_path: Path, source: list) -> None:
    """The same call on a process pool and on a Dask client: the same tables, row for row.

    The pool pickles every job and result across processes; the cluster runs its workers in this
    process (starting worker processes would only repeat what the pool checks, at seconds a run)."""
    import distributed  # in the test extra (pyproject.toml)
    _series(tmp_path, "alpha", range(2016, 2019), source)
    _series(tmp_path, "beta", range(2017, 2019), source, shift=1)
    _series(tmp_path, "gamma", range(2018, 2020), source, shift=2)
    pooled = corpus.run(tmp_path, workers=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        assert corpus.is_dask_client(client)
        dasked = corpus.run(tmp_path, executor=client)
    assert _csv(pooled) == _csv(dasked)
    assert ["alpha", "beta", "gamma"] == sorted(set(pooled.documents["series"]))
    assert Work(reports_parsed=7, pairs_compared=4, links_made=3) == dasked.work
    assert () == dasked.errors


def test_tables_have_a_leading_series_column_and_the_cli_columns(tmp_path: Path, source: list) -> None:
    """Every table starts with ``series``; sections and alignment keep the single-series CLI columns."""
    from reportdiff._cli.align import CSV_COLUMNS as ALIGN
    from reportdiff._cli.sections import CSV_COLUMNS as SECTIONS

    _series(tmp_path, "alpha", range(2016, 2018), source)
    result = _threads(tmp_path)
    assert all("series" == t.columns[0] for t in result.tables().values())
    assert ["series", *SECTIONS] == list(result.sections.columns)
    assert ["series", *ALIGN] == list(result.alignment.columns)
    assert ["series", "indicator", "2016", "2017"] == list(result.trends.columns[:4])


def test_pair_rows_are_those_of_comparing_the_two_years(tmp_path: Path, source: list) -> None:
    """Each consecutive pair is compared on its own: its rows equal ``compare([a, b])``'s."""
    paths = _series(tmp_path, "alpha", range(2016, 2019), source)
    result = _threads({"alpha": paths})
    reports = reportdiff.read_reports(paths)
    expected_pairs, expected_cosine = [], []
    for a, b in itertools.pairwise(reports):
        c = reportdiff.compare([a, b])
        expected_pairs += [(p.relation.value, p.score) for p in c.alignment.pairs]
        expected_cosine += [d.stats.similarity.cosine for d in c.documents]
    assert expected_pairs == list(zip(result.alignment["status"], result.alignment["score"], strict=True))
    assert expected_cosine == result.documents["cosine"].tolist()
    assert [2016, 2017] == result.documents["year_a"].tolist()


def test_a_corrupt_file_is_named_and_the_other_series_stay_complete(tmp_path: Path, source: list) -> None:
    """A binary file in one series: its error names the file, every other series is as if alone."""
    alpha = _series(tmp_path, "alpha", range(2016, 2019), source)
    beta = _series(tmp_path, "beta", range(2016, 2019), source, shift=1)
    bad = Path(beta[1])
    bad.write_bytes(b"\x00\x01\x02binary" * 100)
    both = _threads(tmp_path)
    alone = _threads({"alpha": alpha})
    assert [str(bad)] == [e.file for e in both.errors]
    assert str(bad) in both.errors[0].message
    for name, table in both.tables().items():
        mine = table[table["series"] == "alpha"].reset_index(drop=True)
        assert alone.tables()[name].to_csv(index=False) == mine.to_csv(index=False), name
    beta_years = sorted(set(both.sections[both.sections["series"] == "beta"]["year"]))
    assert [2016, 2018] == beta_years


def test_cache_gives_identical_tables_and_adding_a_year_computes_only_the_new_pair(
        tmp_path: Path, source: list) -> None:
    """Second run: everything from the cache.  A new year: one report parsed, one pair compared,
    its series relinked; the other series untouched."""
    root, cache = tmp_path / "root", tmp_path / "cache"
    _series(root, "alpha", range(2016, 2019), source)
    _series(root, "beta", range(2016, 2019), source, shift=1)
    first = _threads(root, cache=cache)
    assert Work(reports_parsed=6, pairs_compared=4, links_made=2) == first.work
    again = _threads(root, cache=cache)
    assert Work(reports_cached=6, pairs_cached=4, links_cached=2) == again.work
    assert _csv(first) == _csv(again)
    _series(root, "alpha", range(2016, 2020), source)  # rewrites the same three years, adds 2019
    grown = _threads(root, cache=cache)
    assert Work(reports_parsed=1, reports_cached=6, pairs_compared=1, pairs_cached=4, links_made=1,
                links_cached=1) == grown.work
    assert _csv(_threads(root)) == _csv(grown)


def test_a_changed_option_or_file_misses_the_cache(tmp_path: Path, source: list) -> None:
    """The diff options are in the pair key; a file's bytes are in its report key."""
    root, cache = tmp_path / "root", tmp_path / "cache"
    paths = _series(root, "alpha", range(2016, 2018), source)
    _threads(root, cache=cache)
    assert Work(reports_cached=2, pairs_compared=1, links_cached=1) == _threads(root, cache=cache,
                                                                         granularity="char").work
    Path(paths[1]).write_text(Path(paths[1]).read_text(encoding="utf-8") + "\n新增一句。\n", encoding="utf-8")
    assert Work(reports_parsed=1, reports_cached=1, pairs_compared=1, links_made=1) == _threads(
        root, cache=cache).work


def test_cache_never_trusts_an_entry_under_a_key_it_was_not_written_for(tmp_path: Path) -> None:
    """A copied, truncated or foreign file at a key's place reads as a miss."""
    cache = Cache(tmp_path)
    k1, k2 = content_key("one"), content_key("two")
    cache.put("pair", k1, {"value": 1})
    assert {"value": 1} == cache.get("pair", k1)
    src = tmp_path / "pair" / k1[:2] / f"{k1}.pkl"
    dst = tmp_path / "pair" / k2[:2] / f"{k2}.pkl"
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(src, dst)
    assert None is cache.get("pair", k2)
    src.write_bytes(src.read_bytes()[:10])
    assert None is cache.get("pair", k1)
    dst.write_bytes(pickle.dumps({"value": 2}))
    assert None is cache.get("pair", k2)
    assert [] == [p.name for p in tmp_path.rglob(".tmp-*")]


@given(st.lists(st.text(max_size=5), max_size=4), st.lists(st.text(max_size=5), max_size=4))
def test_content_key_differs_whenever_the_parts_differ(a: list[str], b: list[str]) -> None:
    """Parts are length-prefixed: ``("ab",)`` and ``("a", "b")`` never share a key."""
    assert (a == b) == (content_key(*a) == content_key(*b))


def test_discover_takes_a_folder_per_series_and_report_files_only(tmp_path: Path) -> None:
    (tmp_path / "s1").mkdir()
    (tmp_path / "s1" / "2019.txt").write_text("x", encoding="utf-8")
    (tmp_path / "s1" / "notes.csv").write_text("x", encoding="utf-8")
    (tmp_path / "s1" / ".2018.txt").write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    assert {"s1": [str(tmp_path / "s1" / "2019.txt")]} == corpus.discover(tmp_path)
    with pytest.raises(reportdiff.InputError, match="no series found"):
        corpus.discover(tmp_path / "empty")


def test_cli_writes_the_tables_and_exits_0(tmp_path: Path, source: list, capsys: pytest.CaptureFixture[str]) -> None:
    """A clean corpus: exit 0, a CSV per table, a summary, and nothing on a piped standard error."""
    _series(tmp_path / "root", "alpha", range(2016, 2018), source)
    out = tmp_path / "out"
    assert 0 == main(["corpus", str(tmp_path / "root"), "--executor", "thread", "--workers", "1", "-o", str(out)])
    assert "" == capsys.readouterr().err
    written = {p.name for p in out.iterdir() if p.suffix == ".csv"}
    assert {f"{n}.csv" for n in ("sections", "alignment", "documents", "section_diffs", "indicators",
                                 "trends")} == written
    assert ["alpha"] == sorted(set(pd.read_csv(out / "documents.csv")["series"]))


def test_cli_exits_2_naming_the_broken_file_after_writing_the_rest(
        tmp_path: Path, source: list, capsys: pytest.CaptureFixture[str]) -> None:
    _series(tmp_path / "root", "alpha", range(2016, 2018), source)
    beta = _series(tmp_path / "root", "beta", range(2016, 2018), source)
    Path(beta[0]).write_bytes(b"\x00" * 50)
    out = tmp_path / "out"
    assert 2 == main(["corpus", str(tmp_path / "root"), "--executor", "thread", "-o", str(out)])
    err = capsys.readouterr().err
    assert 1 == len(err.splitlines()) and beta[0] in err
    assert ["alpha", "beta"] == sorted(set(pd.read_csv(out / "sections.csv")["series"]))


def test_cli_bad_root_or_options_give_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == main(["corpus", str(tmp_path / "missing"), "-o", str(tmp_path / "out")])
    assert 2 == main(["corpus", str(tmp_path), "--workers", "0", "-o", str(tmp_path / "out")])
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "2019.txt").write_text("一、总则\n内容。\n", encoding="utf-8")
    assert 2 == main(["corpus", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1", "-o", str(tmp_path / "out")])
    lines = capsys.readouterr().err.splitlines()
    assert 3 == len(lines)
    assert ["not a folder", "--workers 0", "--executor dask"] == [
        next(k for k in ("not a folder", "--workers 0", "--executor dask") if k in ln) for ln in lines]


def test_cli_writes_parquet_tables_equal_to_the_csv_ones(tmp_path: Path, source: list) -> None:
    """With pyarrow (in the test extra) each table is also Parquet, typed, with the same rows."""
    _series(tmp_path / "root", "alpha", range(2016, 2018), source)
    out = tmp_path / "out"
    assert 0 == main(["corpus", str(tmp_path / "root"), "--executor", "thread", "-o", str(out)])
    for name in ("sections", "alignment", "documents", "indicators", "trends"):
        parquet = pd.read_parquet(out / f"{name}.parquet")
        csv = pd.read_csv(out / f"{name}.csv", keep_default_na=False, dtype=str)
        assert csv.to_csv(index=False) == parquet.to_csv(index=False, float_format="%.10g"), name
    assert "Int64" == str(pd.read_parquet(out / "alignment.parquet")["level_a"].dtype)


class _Tty:
    """A terminal-like standard error that keeps what is written."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> int:
        self.text += s
        return len(s)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True


def test_cli_shows_progress_per_series_on_a_terminal(tmp_path: Path, source: list,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _series(tmp_path / "root", "alpha", range(2016, 2018), source)
    _series(tmp_path / "root", "beta", range(2016, 2018), source)
    tty = _Tty()
    monkeypatch.setattr("sys.stderr", tty)
    assert 0 == main(["corpus", str(tmp_path / "root"), "--executor", "thread", "--workers", "1",
                      "-o", str(tmp_path / "out")])
    assert "series beta 2/2" in tty.text
    assert "2 series: 4 reports parsed" in tty.text


class _DyingExecutor(cf.ThreadPoolExecutor):
    """Runs every series but one, whose worker 'dies'."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        if args and getattr(args[0], "name", "") == "beta":
            fut: cf.Future[object] = cf.Future()
            fut.set_exception(RuntimeError("worker killed"))
            return fut
        return super().submit(fn, *args, **kwargs)


def test_a_series_whose_worker_dies_is_an_error_and_the_others_are_kept(tmp_path: Path, source: list) -> None:
    _series(tmp_path, "alpha", range(2016, 2018), source)
    beta = _series(tmp_path, "beta", range(2016, 2018), source)
    with _DyingExecutor(1) as pool:
        result = corpus.run(tmp_path, executor=pool)
    assert [("beta", str(Path(beta[0]).parent))] == [(e.series, e.file) for e in result.errors]
    assert "worker killed" in result.errors[0].message
    assert ["alpha"] == sorted(set(result.sections["series"]))


def test_a_cache_that_cannot_be_written_is_named_and_the_tables_are_complete(tmp_path: Path, source: list) -> None:
    _series(tmp_path / "root", "alpha", range(2016, 2018), source)
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    result = _threads(tmp_path / "root", cache=blocked)
    assert [str(blocked)] == [e.file for e in result.errors]
    assert "cannot write the cache" in result.errors[0].message
    assert _csv(_threads(tmp_path / "root")) == _csv(result)
