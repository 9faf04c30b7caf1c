"""Measures Classifier.classify_batch on 10,000 documents on 1 and on 2 threads.

    python python/bench_batch.py [DOCUMENTS.jsonl]

The documents are the records of DOCUMENTS.jsonl (default: ../shared/dev/dev.jsonl beside
the repository, else the repository's test texts), repeated to 10,000. Prints both times
(the best of three runs each) and their ratio; the target is a ratio of at most 0.6.
"""

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The installed package, not the source folder beside this script (it has no native module).
sys.path = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import chaff  # noqa: E402

COUNT = 10_000
REPO = HERE.parent


def documents(path):
    """COUNT texts: the records of `path`, or the seeds and samples, repeated."""
    if path.exists():
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "data").rglob("*.txt"))]
    return [texts[i % len(texts)] for i in range(COUNT)]


def best_time(classifier, texts, threads, runs=3):
    """The fastest of `runs` runs of classify_batch, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        classifier.classify_batch(texts, threads=threads)
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "dev" / "dev.jsonl"
    texts = documents(path)
    classifier = chaff.Classifier()
    classifier.classify_batch(texts[:200])  # warm up
    one = best_time(classifier, texts, 1)
    two = best_time(classifier, texts, 2)
    ratio = two / one
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    print(f"classify_batch, {COUNT} documents ({megabytes:.1f} MB): 1 thread {one:.2f} s, 2 threads {two:.2f} s")
    print(f"ratio 2 threads / 1 thread: {ratio:.2f} (target <= 0.60): {'ok' if ratio <= 0.6 else 'TOO SLOW'}")
    return 0 if ratio <= 0.6 else 1


if __name__ == "__main__":
    sys.exit(main())
