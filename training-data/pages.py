#!/usr/bin/env python3
"""Reads the real pages labelled line by line in training-data/pages/<lang>.txt and writes
them as training records (DESIGN.md's format) to training-data/pages.jsonl.

    python3 training-data/pages.py                 # all languages -> training-data/pages.jsonl
    python3 training-data/pages.py --check         # exit 1 if pages.jsonl is not up to date
    python3 training-data/pages.py FILE.txt...     # validate files, print their records (JSONL)

Format of a pages file (UTF-8): a page starts with a header line

    @@ url=<the page's URL> kind=<kind> [note=<free text to the end of the line>]

followed by the page's lines as they were scraped, one per line, each prefixed by its class
and a TAB:  `S` spam, `B` boilerplate, `C` content, `_` an empty line (no class). Lines
starting with `#` outside a page's body are comments; blank lines between pages are ignored.

Kinds: spam_page (whole-page promotion), keyword_page (keyword strings, glued queries),
injected (a real page with injected spam lines), gambling_news (clean pages about gambling,
lotteries, betting), clean_template (a clean page with template lines), clean.
"""

import hashlib
import json
import os
import re
import sys
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, 'pages')
OUT = os.path.join(HERE, 'pages.jsonl')

KINDS = {'spam_page', 'keyword_page', 'injected', 'gambling_news', 'clean_template', 'clean'}
CLASSES = {'S': 'spam', 'B': 'boilerplate', 'C': 'content'}
SPAM_KINDS = {'spam_page', 'keyword_page', 'injected'}
HEADER = re.compile(r'^@@ url=(\S+) kind=(\S+)(?: note=(.*))?$')


class FormatError(Exception):
    pass


def site_of(url):
    """The registrable-looking host of a URL: the cross-validation group."""
    host = urlsplit(url).netloc.lower().split(':')[0]
    if host.startswith('www.'):
        host = host[4:]
    return host


def parse(path, lang):
    """Yields the pages of one file as dicts; raises FormatError with path:line."""
    page = None
    with open(path, encoding='utf-8') as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip('\n').rstrip('\r')
            where = f'{path}:{n}'
            if line.startswith('@@'):
                if page:
                    yield finish(page)
                m = HEADER.match(line)
                if not m:
                    raise FormatError(f'{where}: a header is "@@ url=URL kind=KIND [note=...]"')
                url, kind, note = m.groups()
                if kind not in KINDS:
                    raise FormatError(f'{where}: unknown kind {kind!r} (one of {sorted(KINDS)})')
                page = {'url': url, 'kind': kind, 'note': (note or '').strip(), 'lines': [],
                        'where': where, 'lang': lang}
                continue
            if page is None or (not page['lines'] and (not line.strip() or line.startswith('#'))):
                if line.strip() and not line.startswith('#'):
                    raise FormatError(f'{where}: text before the first "@@" header')
                continue
            if not line.strip():
                page['blank_run'] = page.get('blank_run', 0) + 1
                continue
            for _ in range(page.pop('blank_run', 0)):
                page['lines'].append(('_', ''))  # blank separator lines inside a page: kept as empty lines
            cls, sep, text = line.partition('\t')
            if not sep or cls not in ('S', 'B', 'C', '_'):
                raise FormatError(f'{where}: a body line is CLASS<TAB>TEXT with CLASS one of S B C _')
            if cls == '_' and text.strip():
                raise FormatError(f'{where}: "_" marks an empty line, but this one has text')
            if cls != '_' and not text.strip():
                raise FormatError(f'{where}: an empty line must be marked "_"')
            page['lines'].append((cls, text))
    if page:
        yield finish(page)


def finish(page):
    lines = page['lines']
    while lines and lines[-1][0] == '_':
        lines.pop()
    while lines and lines[0][0] == '_':
        lines.pop(0)
    if not lines:
        raise FormatError(f"{page['where']}: a page without lines")
    spam = [i for i, (c, _) in enumerate(lines) if c == 'S']
    kind = page['kind']
    if kind in SPAM_KINDS and not spam:
        raise FormatError(f"{page['where']}: kind {kind} but no spam line")
    if kind not in SPAM_KINDS and spam:
        raise FormatError(f"{page['where']}: kind {kind} but spam lines {spam}")
    text = '\n'.join(t for _, t in lines)
    digest = hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]
    return {
        'id': f"page-{page['lang']}-{digest}",
        'lang': page['lang'],
        'text': text,
        'label': 1 if spam else 0,
        'spam_lines': spam,
        'boilerplate_lines': [i for i, (c, _) in enumerate(lines) if c == 'B'],
        'kind': kind,
        'source': 'pages',
        'url': page['url'],
        'group': site_of(page['url']),
        **({'note': page['note']} if page['note'] else {}),
    }


def lang_of(path):
    return os.path.splitext(os.path.basename(path))[0].split('.')[0]


def records(paths):
    """Every page of the files, each URL and each text once (the first wins)."""
    seen_urls, seen_texts = set(), set()
    for path in paths:
        for rec in parse(path, lang_of(path)):
            key = rec['url'].lower().rstrip('/')
            if key in seen_urls or rec['text'] in seen_texts:
                continue
            seen_urls.add(key)
            seen_texts.add(rec['text'])
            yield rec


def render(recs):
    return ''.join(json.dumps(r, ensure_ascii=False) + '\n' for r in recs)


def main(argv):
    try:
        if argv and argv[0] != '--check':
            sys.stdout.write(render(records(argv)))
            return 0
        paths = sorted(os.path.join(PAGES, f) for f in os.listdir(PAGES) if f.endswith('.txt'))
        out = render(records(paths))
    except FormatError as e:
        print(e, file=sys.stderr)
        return 1
    if argv[:1] == ['--check']:
        current = open(OUT, encoding='utf-8').read() if os.path.exists(OUT) else ''
        if current != out:
            print('training-data/pages.jsonl is not what training-data/pages/ gives: '
                  'run python3 training-data/pages.py', file=sys.stderr)
            return 1
        return 0
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write(out)
    print(f'{out.count(chr(10))} pages -> {OUT}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
