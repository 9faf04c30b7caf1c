"""A real datatrove pipeline (JsonlReader → ChaffFilter → JsonlWriter on the
LocalPipelineExecutor) keeps, drops and cleans what `chaff score` says."""

import json

import pytest

from conftest import importorskip, score

importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from chaff.datatrove import ChaffFilter  # noqa: E402


@pytest.fixture(scope="module")
def documents(texts):
    """The texts datatrove reads (it skips records with an empty text)."""
    return [t for t in texts if t]


def run_pipeline(folder, texts, chaff_filter):
    """Runs the pipeline on records `{"id": "d<i>", "text", "source"}`: the documents
    written, by id, and the filter's stats."""
    (folder / "in").mkdir(parents=True)
    with (folder / "in" / "docs.jsonl").open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": f"d{i}", "text": text, "source": "test"}, ensure_ascii=False) + "\n")
    pipeline = [
        JsonlReader(str(folder / "in")),
        chaff_filter,
        JsonlWriter(str(folder / "out"), compression=None),
    ]
    LocalPipelineExecutor(pipeline=pipeline, tasks=1, workers=1, logging_dir=str(folder / "logs")).run()
    written = [json.loads(line) for path in sorted((folder / "out").glob("*.jsonl")) for line in path.open()]
    stats = json.loads((folder / "logs" / "stats.json").read_text())
    step = next(s for s in stats if s["name"].endswith(ChaffFilter.name))
    counts = {key: value["total"] if isinstance(value, dict) else value for key, value in step["stats"].items()}
    return {doc["id"]: doc for doc in written}, counts


def test_spam_documents_are_dropped_with_their_reason(chaff_bin, tmp_path, documents):
    expected = score(chaff_bin, tmp_path, documents, "--spans")
    written, stats = run_pipeline(tmp_path / "drop", documents, ChaffFilter(batch_size=16))
    clean = {f"d{i}": v for i, v in enumerate(expected) if v["label"] == "clean"}
    spam = len(documents) - len(clean)
    assert spam > 0 and clean
    assert sorted(written) == sorted(clean)
    for doc_id, doc in written.items():
        assert doc["text"] == documents[int(doc_id[1:])], "a kept document is unchanged"
        metadata = doc["metadata"]
        assert metadata["source"] == "test"
        assert metadata["chaff_label"] == "clean"
        assert metadata["chaff_p_spam"] == clean[doc_id]["p_spam"]
        assert metadata["chaff_spans"] == clean[doc_id]["spans"]
    assert stats["total"] == len(documents)
    assert (stats["forwarded"], stats["dropped"], stats["dropped_chaff_spam"]) == (len(clean), spam, spam)


def test_cleaning_removes_spam_lines_and_keeps_every_document(chaff_bin, tmp_path, documents):
    for remove_boilerplate, options in ((False, ["--keep-boilerplate"]), (True, [])):
        expected = score(chaff_bin, tmp_path, documents, "--spans", "--clean", *options)
        chaff_filter = ChaffFilter(action="clean", remove_boilerplate=remove_boilerplate)
        written, stats = run_pipeline(tmp_path / f"clean-{remove_boilerplate}", documents, chaff_filter)
        kept = {f"d{i}": v for i, v in enumerate(expected) if v["clean"].strip()}
        assert sorted(written) == sorted(kept)
        for doc_id, doc in written.items():
            assert doc["text"] == kept[doc_id]["clean"]
            assert doc["metadata"]["chaff_label"] == kept[doc_id]["label"]
            assert doc["metadata"]["chaff_spans"] == kept[doc_id]["spans"]
        empty = len(documents) - len(kept)
        assert (stats["forwarded"], stats.get("dropped_chaff_empty", 0)) == (len(kept), empty)


def test_a_document_over_the_limits_is_dropped_as_an_error(tmp_path):
    chaff_filter = ChaffFilter()
    big = "x" * (8 * 1024 * 1024 + 1)
    written, stats = run_pipeline(tmp_path / "big", ["Một dòng duy nhất.", big], chaff_filter)
    assert sorted(written) == ["d0"]
    assert stats["dropped_chaff_error"] == 1


def test_bad_options_fail_when_the_pipeline_is_built(tmp_path):
    with pytest.raises(ValueError, match="action must be"):
        ChaffFilter(action="keep")
    import chaff

    with pytest.raises(chaff.ChaffError, match="cannot use model"):
        ChaffFilter(model=str(tmp_path / "missing.json"))
