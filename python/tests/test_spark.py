"""chaff.spark.score_dataframe in Spark local mode gives `chaff score`'s verdicts."""

import os
import shutil
import sys

import pytest

from conftest import importorskip, require, score

importorskip("pyspark")
importorskip("pyarrow")


@pytest.fixture(scope="module")
def spark():
    require(shutil.which("java") is not None or "JAVA_HOME" in os.environ, "no Java runtime for Spark")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("chaff-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_score_dataframe_equals_chaff_score(chaff_bin, tmp_path, texts, spark):
    from chaff.spark import score_dataframe

    expected = score(chaff_bin, tmp_path, texts, "--spans", "--clean")
    rows = [(i, text, "kept") for i, text in enumerate(texts)] + [(len(texts), None, "null text")]
    df = spark.createDataFrame(rows, "id long, text string, note string").repartition(3)
    scored = score_dataframe(df, clean=True).orderBy("id").collect()
    assert [r["id"] for r in scored] == list(range(len(texts) + 1)), "every row comes out once"
    assert all(r["note"] in ("kept", "null text") for r in scored), "other columns pass through"
    for row, want in zip(scored, expected):
        got = row["chaff"].asDict(recursive=True)
        assert got.pop("error") is None
        got["spans"] = [[s["start"], s["end"], s["class"], s["probability"]] for s in got["spans"]]
        assert got == want, f"row {row['id']}"
    null = scored[-1]["chaff"]
    assert (null["label"], null["error"]) == (None, '"text" is null')


def test_readme_example(tmp_path, spark):
    from test_readme import readme_block, run_in

    (tmp_path / "crawl.jsonl").write_text('{"id": 1, "text": "Một dòng duy nhất về thời tiết hôm nay."}\n')
    # The JVM started in another folder: the example's relative paths are made absolute.
    code = readme_block("### Spark")
    for name in ("crawl.jsonl", "kept.parquet"):
        assert f'"{name}"' in code
        code = code.replace(f'"{name}"', repr(str(tmp_path / name)))
    run_in(tmp_path, code)
    assert list((tmp_path / "kept.parquet").glob("*.parquet")), "the clean rows are written"
