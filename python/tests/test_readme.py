"""README's Python and datatrove examples run as shown (the Spark one runs in test_spark)."""

import json
import os
import re

from conftest import REPO, importorskip


def readme_block(heading: str) -> str:
    """The first ```python block after `heading` in README.md."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index(f"\n{heading}\n") :]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def run_in(folder, code: str) -> None:
    """Runs `code` with `folder` as the working folder."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
    finally:
        os.chdir(before)


def test_python_example(capsys):
    run_in(REPO, readme_block("### Python"))
    printed = capsys.readouterr().out
    assert printed.split()[0] in ("spam", "clean")


def test_datatrove_example(tmp_path, chaff_bin):
    importorskip("datatrove")
    (tmp_path / "crawl").mkdir()
    sample = (REPO / "tests" / "data" / "sample_vi.txt").read_text(encoding="utf-8")
    records = [{"id": "a", "text": sample}, {"id": "b", "text": "Một dòng duy nhất về thời tiết hôm nay."}]
    (tmp_path / "crawl" / "docs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    run_in(tmp_path, readme_block("### datatrove"))
    stats = json.loads((tmp_path / "logs" / "chaff" / "stats.json").read_text())
    step = next(s for s in stats if s["name"].endswith("chaff"))
    assert step["stats"]["total"] == 2
    assert list((tmp_path / "kept").glob("*.jsonl.gz")), "the kept documents are written"
