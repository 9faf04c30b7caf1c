"""Shared fixtures: the `chaff` binary of this checkout and the texts the tests classify.

Every expected verdict comes from running `chaff score` at test time, never from a
hard-coded label: the model may be retrained.

`CHAFF_BIN` names the binary (else `cargo build --bin chaff` builds it). Tests that need
`../shared`, datatrove or pyspark skip without them, unless `CHAFF_REQUIRE_ALL=1` (set by
CI), which makes a skip a failure.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEV = REPO.parent / "shared" / "dev" / "dev.jsonl"
DEV_RECORDS = 300


def require(condition: bool, why: str) -> None:
    """Skips the test when `condition` is false, or fails it under CHAFF_REQUIRE_ALL=1."""
    if condition:
        return
    if os.environ.get("CHAFF_REQUIRE_ALL") == "1":
        pytest.fail(f"{why} (CHAFF_REQUIRE_ALL=1)")
    pytest.skip(why)


def importorskip(module: str):
    """The module, or a skip (a failure under CHAFF_REQUIRE_ALL=1) when it is missing."""
    try:
        return __import__(module)
    except ImportError:
        require(False, f"{module} is not installed")


@pytest.fixture(scope="session")
def chaff_bin() -> str:
    """The `chaff` binary whose verdicts the package must equal."""
    if os.environ.get("CHAFF_BIN"):
        return os.environ["CHAFF_BIN"]
    subprocess.run(["cargo", "build", "--quiet", "--bin", "chaff"], cwd=REPO, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return str(target / "debug" / "chaff")


def edge_texts() -> list:
    """Texts whose spans and clean text are easy to get wrong."""
    sample = (REPO / "tests" / "data" / "sample_vi.txt").read_text(encoding="utf-8")
    return [
        "",
        "\n",
        "Một dòng duy nhất.",
        "🎉 北京今天下雨，Hà Nội nắng đẹp 🌞\r\n" + sample,
        sample.replace("\n", "\r\n"),
        sample + "\n\n",
        "Bình luận (0)\nSoi kèo nhà cái uy tín, đăng ký nhận thưởng 200% tại kuwin88.vip\n",
    ]


@pytest.fixture(scope="session")
def texts() -> list:
    """The seeds, the multilingual samples, edge cases, and up to 300 dev records (when
    ../shared is there): for measuring only, never for training."""
    seeds = sorted((REPO / "tests" / "data" / "seeds").glob("*.txt"))
    out = [p.read_text(encoding="utf-8") for p in seeds]
    multilingual = json.loads((REPO / "tests" / "data" / "multilingual.json").read_text(encoding="utf-8"))
    out += ["\n".join(item["lines"]) for item in multilingual]
    out += edge_texts()
    if DEV.exists():
        with DEV.open(encoding="utf-8") as f:
            out += [json.loads(line)["text"] for _, line in zip(range(DEV_RECORDS), f)]
    return out


@pytest.fixture(scope="session")
def dev_texts(texts) -> list:
    """The dev records among `texts` (skips without ../shared)."""
    require(DEV.exists(), f"{DEV} is missing")
    return texts[-DEV_RECORDS:]


def score(chaff_bin: str, tmp_path: Path, texts: list, *options: str) -> list:
    """`chaff score -q OPTIONS` on records `{"id": i, "text": texts[i]}`: the `chaff` value of
    each output record, in order. Fails unless every record is scored."""
    path = tmp_path / "texts.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
    run = subprocess.run([chaff_bin, "score", "-q", *options, str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in records] == list(range(len(texts)))
    return [r["chaff"] for r in records]


def cli_error(chaff_bin: str, *args: str, stdin: str = "") -> str:
    """The first `chaff: …` line `chaff ARGS` prints on standard error, without `chaff: `."""
    run = subprocess.run([chaff_bin, *args], capture_output=True, text=True, input=stdin)
    assert run.returncode == 2, run
    lines = [line for line in run.stderr.splitlines() if line.startswith("chaff: ")]
    assert lines, run.stderr
    return lines[0][len("chaff: ") :]
