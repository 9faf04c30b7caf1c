#!/usr/bin/env python3
"""Builds training-data/augmented.jsonl: real training documents with the evasion tricks
spammers use to dodge keyword filters applied to their spam lines, so that the model learns
what promotion looks like when it is written to be missed.

    python3 training-data/augment.py            # writes augmented.jsonl
    python3 training-data/augment.py --check    # exit 1 if it is not up to date

Run it after pages.py and compose.py. It reads pages.jsonl and composed.jsonl only, and
writes a copy of some of their documents with one trick applied:

  stripped tones     every Vietnamese spam document, its spam lines without tone marks and
                     diacritics (`nha cai uy tin`: real Vietnamese spam is often written so);
                     and a third of the Vietnamese clean documents stripped whole, so that
                     text without tones is not taken for spam by itself;
  spaced letters     `s l o t  g a c o r` on the short spam lines of a few spam documents;
  digits for letters `g4c0r`;
  invisible marks    a zero-width space or word joiner inside the words of spam lines;
  look-alikes        Cyrillic letters in place of Latin ones.

The same tricks on one word of a clean document are not spam: a spaced-out heading
(`N E W S`), a zero-width space left by an editor, a styled or fullwidth word, a Cyrillic
letter in a Latin word. A fifth of the clean documents are copied with one such word, so that
the model learns the trick on promotion, not the trick alone.

Only the spam lines of spam documents change, so the labels stay true; a copy keeps its
original's `group` (the site), so that cross-validation never puts a page and its copy on
both sides. Deterministic: every choice comes from the document's id.
"""

import hashlib
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compose import read_jsonl, render  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
INPUTS = [os.path.join(HERE, 'pages.jsonl'), os.path.join(HERE, 'composed.jsonl')]
OUT = os.path.join(HERE, 'augmented.jsonl')

# The share of spam documents (per thousand, by a hash of the id) given each trick, in turn.
TRICK_SHARES = [('spaced letters', 60), ('digits for letters', 40), ('invisible marks', 30), ('look-alikes', 30)]

# Spam lines longer than this (in characters) are not spaced out: spammers space a brand or
# a short call to action, not a paragraph.
MAX_SPACED_LINE = 120

LEET = str.maketrans({'a': '4', 'e': '3', 'o': '0', 'i': '1'})
LOOKALIKE = str.maketrans({'a': 'а', 'e': 'е', 'o': 'о', 'p': 'р', 'c': 'с', 'x': 'х', 'y': 'у',
                           'A': 'А', 'E': 'Е', 'O': 'О', 'P': 'Р', 'C': 'С', 'T': 'Т', 'H': 'Н',
                           'K': 'К', 'M': 'М'})


def bucket(*parts):
    """A number in 0..999 from the parts, the same on every run."""
    return int(hashlib.sha256('|'.join(parts).encode()).hexdigest()[:8], 16) % 1000


def strip_tones(line):
    out = []
    for c in unicodedata.normalize('NFD', line):
        if unicodedata.combining(c):
            continue
        out.append({'đ': 'd', 'Đ': 'D'}.get(c, c))
    return unicodedata.normalize('NFC', ''.join(out))


def spaced(line):
    if len(line) > MAX_SPACED_LINE:
        return line
    return '  '.join(' '.join(word) for word in line.split(' '))


def invisible(line, mark):
    words = []
    for word in line.split(' '):
        if len(word) >= 4 and word.isalnum():
            half = len(word) // 2
            word = word[:half] + mark + word[half:]
        words.append(word)
    return ' '.join(words)


TRICKS = {
    'stripped tones': strip_tones,
    'spaced letters': spaced,
    'digits for letters': lambda line: line.translate(LEET),
    'invisible marks': lambda line: invisible(line, '\u200b'),
    'look-alikes': lambda line: line.translate(LOOKALIKE),
}


def styled(word):
    """Mathematical bold letters and digits."""
    out = []
    for c in word:
        if 'A' <= c <= 'Z':
            c = chr(0x1D400 + ord(c) - ord('A'))
        elif 'a' <= c <= 'z':
            c = chr(0x1D41A + ord(c) - ord('a'))
        elif '0' <= c <= '9':
            c = chr(0x1D7CE + ord(c) - ord('0'))
        out.append(c)
    return ''.join(out)


def fullwidth(word):
    return ''.join(chr(ord(c) - 0x21 + 0xFF01) if '!' <= c <= '~' else c for c in word)


# One word of a clean document, rewritten (share per thousand clean documents, in turn).
WORD_TRICKS = [
    ('spaced word', 60, lambda w: ' '.join(w)),
    ('invisible mark in a word', 50, lambda w: w[:len(w) // 2] + '\u200b' + w[len(w) // 2:]),
    ('styled word', 40, styled),
    ('fullwidth word', 30, fullwidth),
    ('look-alike in a word', 20, lambda w: w.translate(LOOKALIKE)),
]


def word_trick_for(doc):
    """The trick one word of a clean document gets, if any."""
    at = bucket('word', doc['id'])
    for name, share, fn in WORD_TRICKS:
        if at < share:
            return name, fn
        at -= share
    return None


def one_word(doc, name, fn):
    """A copy of clean `doc` with `fn` applied to one word of four ASCII letters or more,
    on a line chosen by a hash of the id."""
    lines = doc['text'].split('\n')
    candidates = [i for i, line in enumerate(lines) if any(len(w) >= 4 and w.isascii() and w.isalpha() for w in line.split(' '))]
    if not candidates:
        return None
    i = candidates[bucket('line', doc['id']) % len(candidates)]
    words = lines[i].split(' ')
    which = [j for j, w in enumerate(words) if len(w) >= 4 and w.isascii() and w.isalpha()]
    j = which[bucket('which', doc['id']) % len(which)]
    words[j] = fn(words[j])
    lines[i] = ' '.join(words)
    return record(doc, name, '\n'.join(lines))


def trick_for(doc):
    """The trick a spam document gets, if any."""
    if doc['lang'] == 'vi':
        return 'stripped tones'
    at = bucket('trick', doc['id'])
    for name, share in TRICK_SHARES:
        if at < share:
            return name
        at -= share
    return None


def copy(doc, trick, lines_to_change):
    fn = TRICKS[trick]
    lines = doc['text'].split('\n')
    for i in lines_to_change:
        lines[i] = fn(lines[i])
    text = '\n'.join(lines)
    if text == doc['text']:
        return None
    return record(doc, trick, text)


def record(doc, trick, text):
    """The copy of `doc` with `text`: its labels, site and provenance, and what was done."""
    slug = trick.replace(' ', '-')
    out = {k: v for k, v in doc.items() if k not in ('id', 'text', 'weight')}
    out.update(id=f"aug-{slug}-{doc['id']}", text=text, source=f"augment.py:{doc.get('source', '')}",
               augmented=trick, original=doc['id'])
    return out


def augment(docs):
    out = []
    for doc in sorted(docs, key=lambda d: d['id']):
        if doc['label'] == 1:
            trick = trick_for(doc)
            changed = doc['spam_lines']
        elif doc['lang'] == 'vi' and bucket('clean', doc['id']) < 333:
            trick = 'stripped tones'
            changed = range(len(doc['text'].split('\n')))
        else:
            word_trick = word_trick_for(doc)
            made = word_trick and one_word(doc, *word_trick)
            if made:
                out.append(made)
            continue
        if trick:
            made = copy(doc, trick, changed)
            if made:
                out.append(made)
    return out


def main(argv):
    check = argv[:1] == ['--check']
    docs = [d for path in INPUTS for d in read_jsonl(path)]
    text = render(augment(docs))
    if check:
        if not os.path.exists(OUT) or open(OUT, encoding='utf-8').read() != text:
            print(f'{os.path.relpath(OUT)} is not what augment.py builds: run python3 training-data/augment.py',
                  file=sys.stderr)
            return 1
        return 0
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write(text)
    print(f"{text.count(chr(10))} documents -> {os.path.relpath(OUT)}", file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
