#!/usr/bin/env python3
"""Builds the training documents made of real pieces:

  training-data/comments.jsonl   Indonesian YouTube comments (id-judol-comments/train.csv,
                                 MIT), each a one-line document: gambling promotion or not.
  training-data/leipzig.jsonl    clean pages of Leipzig/Wortschatz sentences (CC BY) in all
                                 75 languages, so that text in a language chaff has no
                                 lexicon for (Armenian, Tagalog, Welsh, Gujarati...), and
                                 pages of unrelated sentences in any language, are not taken
                                 for spam: the first 60 sentences of each language, six to a
                                 page.
  training-data/composed.jsonl   real clean pages (training-data/pages.jsonl) with a real spam
                                 piece injected the ways spammers inject them: a glued keyword
                                 title, a promotion paragraph in the middle, a block of
                                 unrelated headlines, a gambling tags line, a block of gambling
                                 links, an "editor" line, a promotion comment section; and
                                 clean compositions (two unrelated clean pages, a page with
                                 reader comments) so that incoherence alone is not spam.

    python3 training-data/compose.py            # writes the three files
    python3 training-data/compose.py --check    # exit 1 if they are not up to date

Run it after training-data/pages.py. Deterministic: every choice comes from random.Random
seeded with a fixed string per document. Reads ../shared/corpora (beside the checkout), and
../shared/dev only to leave the development sets' lines out; the only text written here is the glue of composed lines (`Tags: `, `Editor: `, `Komentar (3)`
and their translations).
"""

import csv
import hashlib
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, '..', '..', 'shared'))
CORPORA = os.path.join(SHARED, 'corpora')
# The development sets, read only to leave their lines out: dev.jsonl is built from the same
# Leipzig sentences and clickbait headlines that the corpora hold.
DEV_SETS = [os.path.join(SHARED, 'dev', name) for name in ('dev.jsonl', 'dev-real.jsonl')]
PAGES = os.path.join(HERE, 'pages.jsonl')
COMMENTS_OUT = os.path.join(HERE, 'comments.jsonl')
COMPOSED_OUT = os.path.join(HERE, 'composed.jsonl')
LEIPZIG_OUT = os.path.join(HERE, 'leipzig.jsonl')

# Sentences of each language taken for training (training-data/eval_sets.py leaves the same
# number out of its Leipzig evaluation pages). Until 2026-12-07 only the languages the pages
# do not cover; with the covered ones too, the default recipe's model flags 0.74% of the
# Leipzig evaluation pages instead of 0.95% (dev-real within one document).
LEIPZIG_SENTENCES = 60

# Comments taken from id-judol-comments/train.csv, per label. More were tried on 2026-12-06:
# 5,000 and all 8,000 raised judol eval recall (0.873 -> 0.890, 0.901) but cost dev.jsonl's
# Vietnamese injections (document F1 0.930 -> 0.916, 0.919) and left the FPR at 4.5%.
COMMENTS_PER_LABEL = 3000
SPAM_KINDS = {'spam_page', 'keyword_page', 'injected'}
CLEAN_KINDS = {'gambling_news', 'clean_template', 'clean'}

# The glue of composed lines, per language: tags prefix, editor line, comment counter.
TAGS = {
    'ar': 'الوسوم: ', 'de': 'Schlagwörter: ', 'en': 'Tags: ', 'es': 'Etiquetas: ', 'fr': 'Mots-clés : ',
    'hi': 'टैग: ', 'id': 'Tag: ', 'ja': 'タグ: ', 'ko': '태그: ', 'ms': 'Tag: ', 'pt': 'Tags: ',
    'ru': 'Теги: ', 'th': 'แท็ก: ', 'tr': 'Etiketler: ', 'vi': 'Từ khóa: ', 'zh': '标签:',
}
EDITOR = {
    'ar': 'المحرر: {}', 'de': 'Redaktion: {}', 'en': 'Editor: {}', 'es': 'Editor: {}', 'fr': 'Éditeur : {}',
    'hi': 'संपादक: {}', 'id': 'Editor: {}', 'ja': '(責任編集:{})', 'ko': '편집: {}', 'ms': 'Editor: {}',
    'pt': 'Editor: {}', 'ru': 'Редактор: {}', 'th': 'บรรณาธิการ: {}', 'tr': 'Editör: {}',
    'vi': '(责任编辑:{})', 'zh': '(责任编辑:{})',
}
COMMENTS = {
    'id': 'Komentar ({})', 'ms': 'Komen ({})', 'vi': 'Bình luận ({})', 'en': 'Comments ({})',
    'th': 'ความคิดเห็น ({})', 'hi': 'टिप्पणियाँ ({})', 'es': 'Comentarios ({})', 'pt': 'Comentários ({})',
}
TAG_SEPARATOR = {'zh': ' ', 'ja': '、'}


def read_jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def render(records):
    return ''.join(json.dumps(r, ensure_ascii=False) + '\n' for r in records)


def rng(*parts):
    return random.Random(hashlib.sha256('|'.join(map(str, parts)).encode()).hexdigest())


def doc_id(prefix, text):
    return f"{prefix}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


# ---------------------------------------------------------------- the judol comments

def comments():
    path = os.path.join(CORPORA, 'id-judol-comments', 'train.csv')
    with open(path, encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f))
    out = []
    for label in ('1', '0'):
        picked = [(n, r) for n, r in enumerate(rows) if r['label'] == label and r['comment'].strip()]
        rng('comments', label).shuffle(picked)
        seen = set()
        for n, r in picked:
            # One line: comments with line breaks are joined as YouTube shows them.
            text = ' '.join(r['comment'].split('\n')).strip()
            if text in seen:
                continue
            seen.add(text)
            out.append({
                'id': doc_id('judol', text), 'lang': 'id', 'text': text, 'label': int(label),
                'spam_lines': [0] if label == '1' else [], 'boilerplate_lines': [],
                'kind': 'comment', 'source': f'id-judol-comments/train.csv:row{n + 2}',
                'group': f"youtube:{r['id']}",
            })
            if len(seen) >= COMMENTS_PER_LABEL:
                break
    out.sort(key=lambda r: r['id'])
    return out, rows


# ---------------------------------------------------------------- Leipzig sentences

def dev_lines():
    """Every line of the development sets, stripped: never trained on."""
    return {l.strip() for path in DEV_SETS for r in read_jsonl(path) for l in r['text'].split('\n')}


def leipzig(dev):
    folder = os.path.join(CORPORA, 'leipzig-sentences')
    out = []
    for name in sorted(os.listdir(folder)):
        lang = name[:-4]
        if not name.endswith('.txt') or not lang.islower():
            continue
        with open(os.path.join(folder, name), encoding='utf-8') as f:
            sentences = [l.strip() for l in f if l.strip()][:LEIPZIG_SENTENCES]
        # dev.jsonl's pages of seven languages are made of Leipzig sentences too: theirs are
        # left out. Numbered from 1, as the source names them.
        numbered = [(n, l) for n, l in enumerate(sentences, 1) if l not in dev]
        for k in range(0, len(numbered), 6):
            page = numbered[k:k + 6]
            text = '\n'.join(l for _, l in page)
            out.append({
                'id': doc_id(f'leipzig-{lang}', text), 'lang': lang, 'text': text, 'label': 0,
                'spam_lines': [], 'boilerplate_lines': [], 'kind': 'leipzig_clean',
                'source': f'leipzig-sentences/{name}:' + line_ranges([n for n, _ in page]),
                'group': f'leipzig:{lang}',
            })
    return out


def line_ranges(numbers):
    """`L1-L6`, or `L1-L2,L4-L7` where numbers are missing."""
    runs = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ','.join(f'L{a}-L{b}' if a != b else f'L{a}' for a, b in runs)


# ---------------------------------------------------------------- pieces of real pages

def lines_of(page, classes):
    """The page's lines of the given classes ('S', 'B', 'C'), as (index, text)."""
    out = []
    for i, line in enumerate(page['text'].split('\n')):
        c = 'S' if i in page['spam_lines'] else 'B' if i in page['boilerplate_lines'] else 'C' if line.strip() else None
        if c is not None and c in classes:
            out.append((i, line))
    return out


class Pieces:
    """Real spam material of one language, from its spam pages."""

    def __init__(self, pages):
        spam = [p for p in pages if p['kind'] in SPAM_KINDS]
        self.titles, self.paragraphs, self.keywords = [], [], []
        for p in spam:
            for i, line in lines_of(p, 'S'):
                n = len(line.strip())
                if p['kind'] == 'keyword_page' and n <= 200:
                    self.keywords.append((p, line.strip()))
                elif 8 <= n <= 110 and not line.rstrip().endswith('.'):
                    self.titles.append((p, line.strip()))
                elif 120 <= n <= 700:
                    self.paragraphs.append((p, line.strip()))


def title_line(page):
    """The index of the page's first content line of title length, if any."""
    for i, line in lines_of(page, 'C'):
        if 15 <= len(line.strip()) <= 160:
            return i
        break
    return None


def glue(rnd, title, prefix):
    """A keyword prefix glued onto a title, spaces dropped over part of it (seed 004's shape)."""
    words = title.split(' ')
    k = rnd.randint(1, max(1, min(4, len(words) - 1)))
    head = ''.join(words[:k]) if rnd.random() < 0.5 else ' '.join(words[:k])
    rest = ' '.join(words[k:])
    sep = rnd.choice(['', ' ', ': ', ' - ', ''])
    return f'{prefix}{sep}{head} {rest}'.strip()


def insert(page, at, new_lines, spam=True):
    """The page with `new_lines` inserted before line `at`: (text, spam_lines, boilerplate_lines)."""
    lines = page['text'].split('\n')
    n = len(new_lines)
    shift = lambda idx: [i if i < at else i + n for i in idx]
    out = lines[:at] + new_lines + lines[at:]
    added = list(range(at, at + n))
    spam_lines = sorted(shift(page['spam_lines']) + (added if spam else []))
    return '\n'.join(out), spam_lines, shift(page['boilerplate_lines'])


def domains():
    out = []
    for rel in ('vi-gambling-domains/domain-VN.txt', 'ut1-gambling-domains/gambling_domains_sample3000.txt'):
        with open(os.path.join(CORPORA, rel), encoding='utf-8') as f:
            out += [l.strip() for l in f if l.strip() and not l.startswith('#')]
    return sorted(set(out))


def clickbait(dev):
    with open(os.path.join(CORPORA, 'en-clickbait', 'clickbait_data.txt'), encoding='utf-8') as f:
        return [l.strip() for l in f if l.strip() and l.strip() not in dev]


def compose(pages, judol_rows, dev):
    by_lang = {}
    for p in pages:
        by_lang.setdefault(p['lang'], []).append(p)
    doms, baits = domains(), clickbait(dev)
    spam_urls = sorted(p['url'] for p in pages if p['kind'] in ('spam_page', 'keyword_page'))
    judol_spam = [r['comment'].replace('\n', ' ').strip() for r in judol_rows if r['label'] == '1']
    judol_clean = [r['comment'].replace('\n', ' ').strip() for r in judol_rows if r['label'] == '0']
    out = []
    for lang in sorted(by_lang):
        pages_l = by_lang[lang]
        pieces = Pieces(pages_l)
        bases = [p for p in pages_l if p['kind'] in CLEAN_KINDS and len(lines_of(p, 'C')) >= 2]
        heads = [(p, line) for p in pages_l for i, line in lines_of(p, 'C')[:1] if 20 <= len(line) <= 120]
        for base in bases:
            r = rng('compose', base['id'])
            kinds = ['glued_title', 'mid_injection', 'headline_block', 'tags_line', 'link_block',
                     'editor_line', 'unrelated_clean']
            if lang in ('id', 'ms'):
                kinds += ['comment_spam', 'comment_clean']
            for kind in r.sample(kinds, 2):
                rec = make(kind, r, base, lang, pieces, heads, doms, baits, judol_spam, judol_clean, bases, spam_urls)
                if rec:
                    out.append(rec)
    out.sort(key=lambda r: r['id'])
    return out


def make(kind, r, base, lang, pieces, heads, doms, baits, judol_spam, judol_clean, bases, spam_urls):
    lines = base['text'].split('\n')
    content = [i for i, _ in lines_of(base, 'C')]
    sources = [base['url']]
    bp_only = False
    if kind == 'glued_title':
        t = title_line(base) if r.random() < 0.5 else (content[0] if content else None)
        material = pieces.keywords + pieces.titles
        if t is None or not material:
            return None
        piece_page, prefix = r.choice(material)
        if r.random() < 0.5:
            # A spam title or keyword string run straight into the first line, no space.
            lines[t] = prefix + lines[t].lstrip()
        else:
            prefix = ' '.join(prefix.split()[:r.randint(3, 8)])
            lines[t] = glue(r, lines[t], prefix)
        text = '\n'.join(lines)
        spam, bp = sorted(base['spam_lines'] + [t]), base['boilerplate_lines']
        sources.append(piece_page['url'])
    elif kind == 'mid_injection':
        # A promotion paragraph, or a spam page's title or keyword string, between two lines.
        material = pieces.paragraphs if r.random() < 0.6 else pieces.titles + pieces.keywords
        if not material or len(content) < 2:
            return None
        piece_page, para = r.choice(material)
        at = content[r.randint(1, len(content) - 1)]
        text, spam, bp = insert(base, at, [para])
        sources.append(piece_page['url'])
    elif kind == 'headline_block':
        others = [(p, h) for p, h in heads if p['group'] != base['group']]
        if len(others) < 6:
            return None
        n = r.randint(5, 11)
        block = r.sample(others, min(n, len(others)))
        titles = [h for _, h in block]
        if r.random() < 0.3:
            titles[r.randrange(len(titles))] = r.choice(baits)
        material = pieces.keywords + pieces.titles
        if material and r.random() < 0.4:
            # Often after a leaked "editor" line naming a betting phrase (seed 004's shape).
            piece_page, k = r.choice(material)
            titles.insert(0, EDITOR.get(lang, 'Editor: {}').format(' '.join(k.split()[:r.randint(2, 5)])))
            sources.append(piece_page['url'])
        text, spam, bp = insert(base, len(lines), titles)
        sources += [p['url'] for p, _ in block]
    elif kind == 'tags_line':
        # Spam titles and keyword strings joined, or short keyword phrases cut from them.
        material = pieces.keywords + pieces.titles
        if len(material) < 3:
            return None
        if r.random() < 0.5:
            picked = r.sample(material, r.randint(2, min(4, len(material))))
            tags = [k for _, k in picked]
            sources += [p['url'] for p, _ in picked]
        else:
            words = sorted({w for _, k in material for w in split_keywords(k, lang)})
            if len(words) < 4:
                return None
            tags = r.sample(words, min(len(words), r.randint(4, 9)))
        sep = TAG_SEPARATOR.get(lang, ', ')
        text, spam, bp = insert(base, len(lines), [TAGS.get(lang, 'Tags: ') + sep.join(tags)])
    elif kind == 'link_block':
        # Real gambling domains, bare or as URLs, and the URLs of real spam pages.
        block = r.sample(doms, r.randint(1, 4))
        block = [d if r.random() < 0.5 else f'https://{d}/' for d in block]
        block += r.sample(spam_urls, r.randint(1, 3))
        r.shuffle(block)
        if r.random() < 0.5:
            block = [' | '.join(block)]
        text, spam, bp = insert(base, len(lines), block)
    elif kind == 'editor_line':
        material = pieces.keywords + pieces.titles
        if not material:
            return None
        piece_page, k = r.choice(material)
        k = ' '.join(k.split()[:r.randint(2, 6)])
        text, spam, bp = insert(base, len(lines), [EDITOR.get(lang, 'Editor: {}').format(k)])
        sources.append(piece_page['url'])
    elif kind == 'unrelated_clean':
        others = [p for p in bases if p['group'] != base['group']]
        if not others:
            return None
        other = r.choice(others)
        extra = [l for _, l in lines_of(other, 'C')][:r.randint(1, 4)]
        text, spam, bp = insert(base, len(lines), extra, spam=False)
        sources.append(other['url'])
        bp_only = True
    elif kind in ('comment_spam', 'comment_clean'):
        n_clean = r.randint(1, 4)
        block = r.sample(judol_clean, n_clean)
        n_spam = r.randint(1, 3) if kind == 'comment_spam' else 0
        spam_comments = r.sample(judol_spam, n_spam)
        positions = sorted(r.sample(range(n_clean + n_spam), n_spam))
        for pos, c in zip(positions, spam_comments):
            block.insert(pos, c)
        counter = COMMENTS.get(lang, 'Komentar ({})').format(len(block))
        at = len(lines)
        text, spam, bp = insert(base, at, [counter] + block, spam=False)
        spam = sorted(spam + [at + 1 + p for p in positions])
        bp = sorted(bp + [at])
        sources.append('id-judol-comments/train.csv')
    else:
        raise ValueError(kind)
    label = 1 if spam else 0
    if label == 0 and not bp_only and kind != 'comment_clean':
        return None
    return {
        'id': doc_id(f'composed-{lang}', text), 'lang': lang, 'text': text, 'label': label,
        'spam_lines': spam, 'boilerplate_lines': bp, 'kind': f'composed_{kind}',
        'source': f'composed:{kind}', 'sources': sources, 'group': base['group'],
    }


def split_keywords(text, lang):
    """Short keyword phrases from a spam title or keyword string."""
    if lang in ('zh', 'ja', 'th'):
        parts = [p for p in text.replace('，', ' ').replace('、', ' ').split() if 2 <= len(p) <= 12]
    else:
        words = text.split()
        parts = [' '.join(words[i:i + 2]) for i in range(0, len(words) - 1, 2)]
    return [p.strip(' ,.:;|-') for p in parts if len(p.strip(' ,.:;|-')) >= 3]


def main(argv):
    check = argv[:1] == ['--check']
    if not os.path.isdir(CORPORA):
        print(f'{CORPORA} is missing: the corpora must be beside the checkout', file=sys.stderr)
        return 1
    missing = [p for p in DEV_SETS if not os.path.exists(p)]
    if missing:
        print(f'{missing[0]} is missing: the development sets must be beside the checkout '
              '(their lines are left out of the training data)', file=sys.stderr)
        return 1
    comment_docs, judol_rows = comments()
    pages = read_jsonl(PAGES)
    dev = dev_lines()
    composed = compose(pages, judol_rows, dev)
    outputs = {COMMENTS_OUT: render(comment_docs), COMPOSED_OUT: render(composed),
               LEIPZIG_OUT: render(leipzig(dev))}
    stale = [p for p, text in outputs.items()
             if not os.path.exists(p) or open(p, encoding='utf-8').read() != text]
    if check:
        for p in stale:
            print(f'{os.path.relpath(p)} is not what compose.py builds: run python3 training-data/compose.py',
                  file=sys.stderr)
        return 1 if stale else 0
    for p, text in outputs.items():
        with open(p, 'w', encoding='utf-8') as f:
            f.write(text)
        print(f"{text.count(chr(10))} documents -> {os.path.relpath(p)}", file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
