#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora under fuzz/seeds/ from files of the repository.

    python3 fuzz/make_seeds.py

- document: tests/data/sample_vi.txt and every case of tests/data/multilingual.json (LF,
  and one with CRLF line ends);
- jsonl_record: one options byte, then JSONL built from the same cases, with records that
  fail (not JSON, not an object, no text, a text that is not a string, blank lines);
- model: models/default.json with its vocabulary cut to its first 10 terms, compact, so
  that a valid model fits in the fuzzers' 64 KiB inputs.

Files named crash-* are inputs that once made a target fail; they stay as regression seeds
(this script does not write them).
"""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"


def write(target, name, data):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def cases():
    return json.loads((ROOT / "tests/data/multilingual.json").read_text())


def document_seeds():
    write("document", "sample_vi.txt", (ROOT / "tests/data/sample_vi.txt").read_bytes())
    for i, case in enumerate(cases()):
        write("document", f"case_{i:02}_{case['lang']}.txt", "\n".join(case["lines"]))
    write("document", "crlf.txt", "\r\n".join(cases()[0]["lines"]) + "\r\n")


def jsonl_seeds():
    records = [json.dumps({"id": i, "lang": c["lang"], "text": "\n".join(c["lines"])}, ensure_ascii=i % 2 == 0)
               for i, c in enumerate(cases())]
    bad = ['not json', '[1, 2]', '{"id": "x"}', '{"id": 1, "text": 5}', '{"text": ["a"]}', '{"text": "a\\u00e9\\ud83d\\ude00"}',
           '', '   ', '{"chaff": 1, "text": "T\\u1ed5ng th\\u1ed1ng"}', '{"text": "a\\nb"}\r']
    write("jsonl_record", "records.jsonl", b"\x00" + "\n".join(records[:4]).encode() + b"\n")
    write("jsonl_record", "failures.jsonl", b"\x07" + "\n".join(bad).encode())
    write("jsonl_record", "mixed.jsonl", b"\x3f" + "\n".join(records[4:8] + bad[:4]).encode() + b"\n")


def model_seed():
    model = json.loads((ROOT / "models/default.json").read_text())
    model["vocabulary"]["terms"] = model["vocabulary"]["terms"][:10]
    write("model", "default_small.json", json.dumps(model, separators=(",", ":"), ensure_ascii=False))


if __name__ == "__main__":
    document_seeds()
    jsonl_seeds()
    model_seed()
