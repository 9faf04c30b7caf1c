#!/usr/bin/env python3
"""Writes the evaluation-only sets README's results table measures on, as JSONL for
`chaff eval`, into a folder outside training-data/ (they must never be trained on):

  judol-eval.jsonl     id-judol-comments/eval.csv, each comment a one-line document
  leipzig-clean.jsonl  the Leipzig sentences of 75 languages cut into clean pages of 5 to 8
                       sentences (every line content), without the first 60 sentences of
                       each language (compose.py trains on those) and their repeats

    python3 training-data/eval_sets.py /tmp/chaff-eval
    chaff eval /tmp/chaff-eval/judol-eval.jsonl

Deterministic. Reads ../shared/corpora beside the checkout.
"""

import csv
import json
import os
import random
import sys

from compose import CORPORA, LEIPZIG_SENTENCES


def judol():
    with open(os.path.join(CORPORA, 'id-judol-comments', 'eval.csv'), encoding='utf-8', newline='') as f:
        for n, row in enumerate(csv.DictReader(f)):
            text = ' '.join(row['comment'].split('\n')).strip()
            if not text:
                continue
            spam = row['label'] == '1'
            yield {'id': f'judol-eval-{n}', 'lang': 'id', 'text': text, 'label': int(spam),
                   'spam_lines': [0] if spam else [], 'boilerplate_lines': []}


def leipzig():
    folder = os.path.join(CORPORA, 'leipzig-sentences')
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.txt') or name.upper().startswith(('LICENSE', 'SOURCE')):
            continue
        lang = name[:-4]
        with open(os.path.join(folder, name), encoding='utf-8') as f:
            sentences = [l.strip() for l in f if l.strip()]
        # compose.py trains on the first LEIPZIG_SENTENCES; a sentence the file holds twice
        # (`Todos los derechos reservados.`) is left out after them too.
        trained = set(sentences[:LEIPZIG_SENTENCES])
        sentences = [l for l in sentences[LEIPZIG_SENTENCES:] if l not in trained]
        r = random.Random(lang)
        i = page = 0
        while i < len(sentences):
            n = r.randint(5, 8)
            lines = sentences[i:i + n]
            i += n
            yield {'id': f'leipzig-{lang}-{page}', 'lang': lang, 'text': '\n'.join(lines), 'label': 0,
                   'spam_lines': [], 'boilerplate_lines': []}
            page += 1


def main(argv):
    if len(argv) != 1:
        sys.exit(__doc__)
    os.makedirs(argv[0], exist_ok=True)
    for name, records in (('judol-eval.jsonl', judol()), ('leipzig-clean.jsonl', leipzig())):
        path = os.path.join(argv[0], name)
        with open(path, 'w', encoding='utf-8') as f:
            n = sum(f.write(json.dumps(r, ensure_ascii=False) + '\n') > 0 for r in records)
        print(f'{n} documents -> {path}', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1:])
