"""chaff.Classifier gives `chaff score`'s verdicts, spans and clean text, and chaff's errors."""

import subprocess
import sys

import pytest

import chaff
from conftest import REPO, cli_error, edge_texts, score


@pytest.fixture(scope="module")
def classifier():
    return chaff.Classifier()


def test_verdicts_spans_and_clean_text_equal_chaff_score(chaff_bin, tmp_path, texts, classifier):
    expected = score(chaff_bin, tmp_path, texts, "--spans", "--clean")
    got = [classifier.classify(t, clean=True).to_dict() for t in texts]
    assert len(got) > 20
    assert sum(v["label"] == "spam" for v in expected) > 0, "the texts hold spam"
    for i, (g, e) in enumerate(zip(got, expected)):
        assert g == e, f"text {i}"


def test_dev_records_equal_chaff_score(chaff_bin, tmp_path, dev_texts, classifier):
    expected = score(chaff_bin, tmp_path, dev_texts, "--spans", "--clean")
    got = [v.to_dict() for v in classifier.classify_batch(dev_texts, clean=True)]
    assert got == expected


def test_clean_keeping_boilerplate_equals_chaff_score(chaff_bin, tmp_path, texts, classifier):
    expected = score(chaff_bin, tmp_path, texts, "--clean", "--keep-boilerplate")
    assert [classifier.clean(t, keep_boilerplate=True) for t in texts] == [v["clean"] for v in expected]
    dropped = score(chaff_bin, tmp_path, texts, "--clean")
    assert [classifier.clean(t) for t in texts] == [v["clean"] for v in dropped]


def test_threshold_and_model_file_equal_chaff_score(chaff_bin, tmp_path, texts):
    model = str(REPO / "models" / "default.json")
    expected = score(chaff_bin, tmp_path, texts, "--spans", "--threshold", "0.2", "--model", model)
    custom = chaff.Classifier(model=model, threshold=0.2)
    assert custom.threshold == 0.2
    assert [custom.classify(t).to_dict() for t in texts] == expected


def test_spans_and_lines_are_str_indices(texts, classifier):
    for text in texts:
        verdict = classifier.classify(text)
        lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
        if text.endswith("\n"):
            lines.pop()
        assert [text[l.start : l.end] for l in verdict.lines] == lines
        assert [l.index for l in verdict.lines] == list(range(len(lines)))
        for start, end, kind, p in verdict.spans:
            line = next(l for l in verdict.lines if l.start == start)
            assert (line.end, line.label, line.probability) == (end, kind, p)
        assert [l.index for l in verdict.lines if l.label == "spam"] == verdict.spam_lines
        assert [l.index for l in verdict.lines if l.label == "boilerplate"] == verdict.boilerplate_lines
        for line in verdict.lines:
            if line.label is None:
                assert text[line.start : line.end].strip() == ""
            else:
                assert line.probability == getattr(line, f"p_{line.label}")


def test_emoji_and_cjk_offsets_count_characters_not_bytes(classifier):
    text = edge_texts()[3]
    verdict = classifier.classify(text)
    assert verdict.spans, "the sample has spam and boilerplate lines"
    start, end, _, _ = verdict.spans[0]
    assert len(text[:start].encode()) != start, "byte and character offsets differ here"
    assert text[start:end] in text.replace("\r", "").split("\n")


def test_explain_gives_reasons_and_the_same_verdict(texts, classifier):
    spam = next(t for t in texts if classifier.classify(t).is_spam)
    plain = classifier.classify(spam)
    explained = classifier.classify(spam, explain=True)
    assert explained.to_dict() == plain.to_dict()
    assert 1 <= len(explained.reasons) <= 3
    assert all(isinstance(r.feature, str) and r.feature for r in explained.reasons)
    assert any(line.reasons for line in explained.lines if line.label == "spam")
    assert not plain.reasons and not any(line.reasons for line in plain.lines)


def test_batch_equals_one_by_one_on_any_number_of_threads(texts, classifier):
    one_by_one = [classifier.classify(t, clean=True).to_dict() for t in texts]
    for threads in (None, 1, 2, 3):
        batch = classifier.classify_batch(texts, threads=threads, clean=True)
        assert [v.to_dict() for v in batch] == one_by_one, f"threads={threads}"
    assert [v.to_dict() for v in classifier.classify_batch(iter(texts), clean=True)] == one_by_one, "any iterable"
    assert classifier.classify_batch([]) == []


def test_bad_parameters_are_errors(classifier):
    with pytest.raises(chaff.ChaffError, match="^threads must be at least 1$"):
        classifier.classify_batch(["a"], threads=0)
    with pytest.raises(TypeError, match="not a str"):
        classifier.classify_batch("one text")
    with pytest.raises(chaff.ChaffError, match="^threshold 1.5 is not between 0 and 1$"):
        chaff.Classifier(threshold=1.5)
    assert issubclass(chaff.ChaffError, ValueError)


def test_a_missing_or_corrupt_model_gives_chaffs_message(chaff_bin, tmp_path):
    missing = str(tmp_path / "missing.json")
    with pytest.raises(chaff.ChaffError) as error:
        chaff.Classifier(model=missing)
    assert str(error.value) == f"cannot use model {missing}: No such file or directory (os error 2)"
    assert str(error.value) == cli_error(chaff_bin, "score", "--model", missing, "-", stdin='{"text": "a"}\n')
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"version": 1, "vocabulary": [')
    with pytest.raises(chaff.ChaffError) as error:
        chaff.Classifier(model=corrupt)
    assert str(error.value).startswith(f"cannot use model {corrupt}: not a valid chaff model: ")
    assert str(error.value) == cli_error(chaff_bin, "score", "--model", str(corrupt), "-", stdin='{"text": "a"}\n')


def test_a_document_over_the_limits_is_an_error(chaff_bin, classifier):
    small = chaff.Classifier(max_lines=2)
    message = "the document is too large: 3 lines, more than the limit of 2 lines"
    for call in (small.classify, small.clean):
        with pytest.raises(chaff.ChaffError) as error:
            call("a\nb\nc")
        assert str(error.value) == message
    record = '{"id": 1, "text": "a\\nb\\nc"}\n'
    assert cli_error(chaff_bin, "score", "--max-lines", "2", "-", stdin=record) == f"-:1: {message}"
    with pytest.raises(chaff.ChaffError, match=f"^text 1: {message}$"):
        small.classify_batch(["a", "a\nb\nc"])
    ok, failed = small.classify_batch(["a", "a\nb\nc"], return_exceptions=True)
    assert ok.to_dict() == small.classify("a").to_dict()
    assert isinstance(failed, chaff.ChaffError) and str(failed) == message
    big = "x" * (8 * 1024 * 1024 + 1)
    with pytest.raises(chaff.ChaffError, match="^the document is too large: 8388609 bytes, more than the limit of 8388608 bytes$"):
        classifier.classify(big)


def test_import_chaff_needs_neither_datatrove_nor_spark():
    code = "import sys, chaff; assert not {'datatrove', 'pyspark', 'pyarrow'} & set(sys.modules), sys.modules.keys()"
    subprocess.run([sys.executable, "-c", code], check=True)
