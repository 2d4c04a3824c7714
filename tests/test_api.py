"""The public API: exports, docs, lazy heavy imports, README examples."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT

import reportdiff


def test_every_public_name_is_exported_sorted_and_documented() -> None:
    assert sorted(reportdiff.__all__) == reportdiff.__all__
    for name in reportdiff.__all__:
        obj = getattr(reportdiff, name)
        assert (obj.__doc__ or "").strip(), name


def test_import_does_not_load_pandas_or_matplotlib() -> None:
    code = "import sys, reportdiff; print('pandas' in sys.modules, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "False False" == out.strip()


def test_readme_python_blocks_run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Each block runs from the project root, in this process (a fresh namespace each) and prints."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks
    monkeypatch.chdir(ROOT)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {"__name__": "__readme__"})
        assert capsys.readouterr().out.strip()
