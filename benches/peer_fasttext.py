#!/usr/bin/env python3
"""The peer to beat on quality (DESIGN.md): fastText classifiers trained on chaff's own
training data, measured on the same labelled sets as `chaff eval`.

    python3 -m venv /tmp/ftv && /tmp/ftv/bin/pip install fasttext-wheel 'numpy<2'
    /tmp/ftv/bin/python benches/peer_fasttext.py ../shared/dev/dev-real.jsonl ../shared/dev/dev.jsonl

Two classifiers, both trained on every record of training-data/*.jsonl (a record's weight
counts as up to three copies) with word bigrams and character 2-4-grams:
  - doc:  one example per document (lines joined by ' ¶ '), label = the document's label;
  - line: one example per non-empty line (spam / boilerplate / content); a document's
          p_spam is its spammiest line's.
For each set it prints the document metrics at the threshold with the best F1 whose
false-positive rate on that same set is at most --max-fpr: a threshold chosen on the test
set itself, which flatters the peer (chaff's threshold is fixed in its model file).
fastText's training is seeded, but with two threads it is not bit-for-bit repeatable: expect
the last digit to move between runs.
"""

import argparse
import glob
import json
import os
import random
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.join(HERE, '..', 'training-data')
PARAMS = dict(epoch=10, wordNgrams=2, minn=2, maxn=4, dim=50, lr=0.5, thread=2, seed=1, bucket=2_000_000, verbose=0)
THRESHOLDS = [i / 100 for i in range(5, 100)] + [0.995, 0.999, 0.9999]


def norm(text):
    return re.sub(r'\s+', ' ', text).strip().lower()


def records(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def training_examples():
    """(doc examples, line examples) in fastText's `__label__X text` form, shuffled."""
    docs, lines = [], []
    for path in sorted(glob.glob(os.path.join(TRAINING, '*.jsonl'))):
        for r in records(path):
            copies = min(int(r.get('weight', 1)), 3)
            docs += [f"__label__{r['label']} {norm(r['text'].replace(chr(10), ' ¶ '))}"] * copies
            spam, bp = set(r.get('spam_lines', [])), set(r.get('boilerplate_lines', []))
            for i, line in enumerate(r['text'].split('\n')):
                if line.strip():
                    cls = 'spam' if i in spam else 'bp' if i in bp else 'content'
                    lines += [f'__label__{cls} {norm(line)}'] * copies
    rng = random.Random(0)
    rng.shuffle(docs)
    rng.shuffle(lines)
    return docs, lines


def fit(examples, folder, name):
    import fasttext
    path = os.path.join(folder, name)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(examples) + '\n')
    return fasttext.train_supervised(path, **PARAMS)


def p_label(model, text, label):
    labels, probs = model.predict(text, k=-1)
    return dict(zip(labels, probs)).get(label, 0.0)


def doc_scores(model, rows):
    return [p_label(model, norm(r['text'].replace('\n', ' ¶ ')), '__label__1') for r in rows]


def line_scores(model, rows):
    return [max([p_label(model, norm(l), '__label__spam') for l in r['text'].split('\n') if l.strip()] or [0.0])
            for r in rows]


def best(labels, scores, max_fpr):
    """(threshold, precision, recall, f1, fpr) with the best F1 at FPR <= max_fpr."""
    negatives = sum(1 for y in labels if not y) or 1
    top = None
    for t in THRESHOLDS:
        tp = sum(1 for y, p in zip(labels, scores) if y and p >= t)
        fp = sum(1 for y, p in zip(labels, scores) if not y and p >= t)
        fn = sum(1 for y, p in zip(labels, scores) if y and p < t)
        precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        if fp / negatives <= max_fpr and (top is None or f1 > top[3]):
            top = (t, precision, recall, f1, fp / negatives)
    return top


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('sets', nargs='+', help='labelled JSONL sets (never training data)')
    ap.add_argument('--max-fpr', type=float, default=0.03)
    args = ap.parse_args()
    docs, lines = training_examples()
    with tempfile.TemporaryDirectory() as tmp:
        models = {'doc': (fit(docs, tmp, 'docs.txt'), doc_scores), 'line': (fit(lines, tmp, 'lines.txt'), line_scores)}
    print(f'| set | fastText | threshold | doc P | doc R | doc F1 | doc FPR (<= {args.max_fpr}) |')
    print('|---|---|---|---|---|---|---|')
    for path in args.sets:
        rows = records(path)
        labels = [r['label'] for r in rows]
        for name, (model, scores) in models.items():
            r = best(labels, scores(model, rows), args.max_fpr)
            cells = ['–'] * 5 if r is None else [f'{x:g}' if i == 0 else f'{x:.3f}' for i, x in enumerate(r)]
            print(f'| {os.path.basename(path)} | {name} | ' + ' | '.join(cells) + ' |')


if __name__ == '__main__':
    sys.exit(main())
