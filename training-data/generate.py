#!/usr/bin/env python3
"""Builds the generated part of chaff's training data, training-data/generated.jsonl, from the material in
training-data/sources/ (articles, template lines, spam material written by the chaff team),
training-data/sources/brands.txt. (The seeds are in training-data/seeds.jsonl, beside it.)

Deterministic: every random choice comes from random.Random seeded with a fixed string per
document, so the same sources give the same file byte for byte.

    python3 training-data/generate.py            # writes training-data/generated.jsonl
    python3 training-data/generate.py --check    # exits 1 if generated.jsonl is not up to date

Each base article yields documents of one `group` (so that cross-validation keeps its
variants together): clean versions (with site template lines, reader comments) and spam
versions with one or two injections of the kinds DESIGN.md lists.
"""

import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, 'sources')
OUT = os.path.join(HERE, "generated.jsonl")

CONTENT, BOILERPLATE, SPAM = 'content', 'boilerplate', 'spam'

# Languages whose sites commonly show the Chinese CMS "(责任编辑:...)" leak in spam pages.
EDITOR_LANGS = {'vi', 'zh'}
# The two languages the project cares most about get more variants per article.
PRIMARY = {'vi', 'id'}


# ---------------------------------------------------------------- reading the sources

def read_articles(folder):
    path = os.path.join(SOURCES, folder, 'articles.txt')
    articles, cur = [], None
    for raw in open(path, encoding='utf-8'):
        line = raw.rstrip('\n').rstrip('\r')
        if line.startswith('## '):
            parts = [p.strip() for p in line[3:].split('|')]
            flags = set() if len(parts) < 3 or parts[2] in ('', '-') else {f.strip() for f in parts[2].split(',')}
            cur = {'id': parts[0], 'topic': parts[1] if len(parts) > 1 else '', 'flags': flags, 'lines': []}
            articles.append(cur)
        elif line.strip() and cur is not None:
            cur['lines'].append(line.strip())
    out = []
    for a in articles:
        if len(a['lines']) >= 4:
            a['title'], a['body'] = a['lines'][0], a['lines'][1:]
            out.append(a)
    return out


def read_tsv(folder, name):
    path = os.path.join(SOURCES, folder, name)
    table = {}
    if not os.path.exists(path):
        return table
    for raw in open(path, encoding='utf-8'):
        line = raw.rstrip('\n')
        if not line.strip() or line.startswith('#') or '\t' not in line:
            continue
        key, value = line.split('\t', 1)
        if value.strip():
            table.setdefault(key.strip(), []).append(value.strip())
    return table


def read_brands():
    roots, digits, tlds, paths = [], [], [], []
    section = None
    for raw in open(os.path.join(SOURCES, 'brands.txt'), encoding='utf-8'):
        line = raw.strip()
        if not line or line.startswith('#'):
            continue
        if line.startswith('[') and line.endswith(']'):
            section = line[1:-1]
            continue
        {'roots': roots, 'digits': digits, 'tlds': tlds, 'paths': paths}[section].append(line)
    return roots, digits, tlds, paths


def folders():
    """Source folders: `<lang>` or `<lang>.<batch>` (a second batch of the same language)."""
    return sorted(d for d in os.listdir(SOURCES)
                  if os.path.isfile(os.path.join(SOURCES, d, 'articles.txt')))


# ---------------------------------------------------------------- spam material

class Brands:
    def __init__(self):
        self.roots, self.digits, self.tlds, self.paths = read_brands()

    def brand(self, rng):
        name = rng.choice(self.roots)
        if rng.random() < 0.35:
            name += rng.choice(self.roots)
        if rng.random() < 0.75:
            name += rng.choice(self.digits)
        return name

    def domain(self, rng, brand=None):
        brand = (brand or self.brand(rng)).lower()
        sub = rng.choice(['', '', '', 'www.', 'm.', 'link.', 'vn.', 'id.'])
        return sub + brand + '.' + rng.choice(self.tlds)

    def url(self, rng, brand=None):
        return 'https://' + self.domain(rng, brand) + rng.choice(self.paths + ['', '', '/'])


# Mathematical alphabets spammers use: (capital A, small a, digit 0) code points. Double-struck
# letters missing from the block (ℂ ℍ ℕ ℙ ℚ ℝ ℤ) live in Letterlike Symbols.
MATH_ALPHABETS = {
    'bold': (0x1D400, 0x1D41A, 0x1D7CE),
    'bold_italic': (0x1D468, 0x1D482, 0x1D7CE),
    'sans_bold': (0x1D5D4, 0x1D5EE, 0x1D7EC),
    'double_struck': (0x1D538, 0x1D552, 0x1D7D8),
    'monospace': (0x1D670, 0x1D68A, 0x1D7F6),
}
DOUBLE_STRUCK_HOLES = {'C': 'ℂ', 'H': 'ℍ', 'N': 'ℕ', 'P': 'ℙ', 'Q': 'ℚ', 'R': 'ℝ', 'Z': 'ℤ'}
SMALL_CAPS = dict(zip('abcdefghijklmnopqrstuvwxyz', 'ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀsᴛᴜᴠᴡxʏᴢ'))
LOOKALIKES = {'a': 'а', 'e': 'е', 'o': 'о', 'p': 'р', 'c': 'с', 'x': 'х', 'y': 'у',
              'A': 'А', 'E': 'Е', 'O': 'О', 'P': 'Р', 'C': 'С', 'X': 'Х', 'T': 'Т', 'H': 'Н', 'K': 'К', 'M': 'М', 'B': 'В'}
LEET = {'a': '4', 'e': '3', 'o': '0', 'i': '1', 'A': '4', 'E': '3', 'O': '0', 'I': '1'}
EMOJI = ['💞', '🔥', '💰', '🎰', '🤑', '✅', '💯', '🙌', '😍', '⚡', '🎉', '👉']


def math_letters(s, alphabet='bold'):
    upper, lower, digit = MATH_ALPHABETS[alphabet]
    out = []
    for c in s:
        if alphabet == 'double_struck' and c in DOUBLE_STRUCK_HOLES:
            out.append(DOUBLE_STRUCK_HOLES[c])
        elif 'A' <= c <= 'Z':
            out.append(chr(upper + ord(c) - 65))
        elif 'a' <= c <= 'z':
            out.append(chr(lower + ord(c) - 97))
        elif '0' <= c <= '9':
            out.append(chr(digit + ord(c) - 48))
        else:
            out.append(c)
    return ''.join(out)


def fullwidth(s):
    return ''.join(chr(ord(c) + 0xFEE0) if '!' <= c <= '~' else c for c in s)


def styled_brand(rng, brand):
    """The tricks judol spammers use to dodge keyword filters."""
    style = rng.choice(['math', 'math', 'math', 'fullwidth', 'spaced', 'spaced_math', 'lookalike', 'leet',
                        'upper', 'upper', 'plain', 'invisible', 'small_caps'])
    b = brand.upper() if style in ('math', 'spaced', 'spaced_math', 'upper', 'lookalike') else brand
    if style == 'math':
        return math_letters(b, rng.choice(sorted(MATH_ALPHABETS)))
    if style == 'spaced_math':
        return ' '.join(math_letters(b, rng.choice(sorted(MATH_ALPHABETS))))
    if style == 'small_caps':
        return ''.join(SMALL_CAPS.get(c, c) for c in brand.lower())
    if style == 'fullwidth':
        return fullwidth(b.upper())
    if style == 'spaced':
        return ' '.join(b)
    if style == 'lookalike':
        return ''.join(LOOKALIKES.get(c, c) if rng.random() < 0.5 else c for c in b)
    if style == 'leet':
        return ''.join(LEET.get(c, c) for c in b.upper())
    if style == 'invisible':
        return '\u200b'.join(b)
    return b


def fill(template, rng, ctx):
    """Fills {placeholders} of a template line from the context `ctx`."""
    out = template
    for key in ('n', 'url', 'site', 'outlet', 'title', 'section', 'tags', 'author', 'date', 'year',
                'brand', 'domain', 'phrase'):
        token = '{' + key + '}'
        while token in out:
            out = out.replace(token, ctx[key](rng), 1)
    return out


# ---------------------------------------------------------------- documents

class Builder:
    """A document under construction: (text, class) lines."""

    def __init__(self):
        self.lines = []

    def add(self, text, cls):
        self.lines.append((text, cls))

    def insert(self, index, text, cls):
        self.lines.insert(index, (text, cls))

    def record(self, doc_id, lang, source, group):
        text = '\n'.join(t for t, _ in self.lines)
        spam = [i for i, (t, c) in enumerate(self.lines) if c == SPAM and t.strip()]
        bp = [i for i, (t, c) in enumerate(self.lines) if c == BOILERPLATE and t.strip()]
        return {'id': doc_id, 'lang': lang, 'text': text, 'label': 1 if spam else 0,
                'spam_lines': spam, 'boilerplate_lines': bp, 'source': source, 'group': group}


class Language:
    def __init__(self, folder, brands, english):
        self.folder = folder
        self.lang = folder.split('.')[0]
        self.articles = read_articles(folder)
        self.bp = read_tsv(folder, 'boilerplate.tsv')
        self.names = read_tsv(folder, 'names.tsv')
        self.spam = read_tsv(folder, 'spam.tsv')
        self.brands = brands
        self.english = english  # the English spam table, for cross-language clickbait
        self.titles = [a['title'] for a in self.articles]

    def pick(self, table, key, rng, default=''):
        values = table.get(key) or []
        return rng.choice(values) if values else default

    def context(self, article):
        names = self.names
        site = lambda r: self.pick(names, 'site', r, 'example.com')

        def tags(r):
            words = [w.strip('.,:;"“”()') for w in ' '.join(article['body'][:3]).split()]
            proper = []
            for w in words:
                if w[:1].isupper() and len(w) > 2 and w not in proper:
                    proper.append(w)
            r.shuffle(proper)
            chosen = proper[:r.randint(3, 5)] or [article['title'].split()[0]]
            return ', '.join(w.lower() if r.random() < 0.5 else w for w in chosen)

        return {
            'n': lambda r: str(r.choice([0, 0, 1, 2, 3, 5, 8, 12, 24, 57, 102])),
            'site': site,
            'url': lambda r: 'https://' + site(r) + '/' + r.choice(['tin-tuc', 'news', 'berita', 'a', 'p', 'article', '2024/05']) + '/' + str(r.randint(10000, 999999)) + r.choice(['.html', '.htm', '', '.amp']),
            'outlet': lambda r: self.pick(names, 'outlet', r, 'Daily News'),
            'title': lambda r: r.choice([t for t in self.titles if t != article['title']] or self.titles),
            'section': lambda r: self.pick(names, 'section', r, 'News'),
            'tags': tags,
            'author': lambda r: self.pick(names, 'author', r, 'Staff'),
            'date': lambda r: '%02d/%02d/%d %02d:%02d' % (r.randint(1, 28), r.randint(1, 12), r.randint(2019, 2025), r.randint(0, 23), r.randint(0, 59)),
            'year': lambda r: str(r.randint(2015, 2025)),
            'brand': lambda r: self.brands.brand(r),
            'domain': lambda r: self.brands.domain(r),
            'phrase': lambda r: self.phrase(r),
        }

    def phrase(self, rng, kinds=('phrase',)):
        pool = [p for k in kinds for p in self.spam.get(k, [])]
        return rng.choice(pool) if pool else self.brands.brand(rng)

    def template(self, rng, ctx, category):
        options = self.bp.get(category)
        return fill(rng.choice(options), rng, ctx) if options else None

    # ------------------------------------------------------------ clean skeleton

    def skeleton(self, article, rng, templates, title=None):
        """The article as a Builder: optional title, body, and site template lines."""
        ctx = self.context(article)
        b = Builder()
        if templates and rng.random() < 0.2:
            b.add(self.template(rng, ctx, rng.choice(['breadcrumb', 'date', 'ad'])) or '', BOILERPLATE)
        with_title = rng.random() < 0.6 if title is None else title
        if with_title:
            b.add(article['title'], CONTENT)
        body = list(article['body'])
        for i, line in enumerate(body):
            b.add(line, CONTENT)
            if templates and 0 < i < len(body) - 1 and rng.random() < 0.06:
                b.add(self.template(rng, ctx, rng.choice(['ad', 'read_also'])) or '', BOILERPLATE)
        if self.lang == 'vi' and rng.random() < 0.7:
            # Vietnamese news sites end with the author's name and "Theo <outlet>" credits.
            b.add(ctx['author'](rng), BOILERPLATE)
            if rng.random() < 0.3:
                b.add(self.template(rng, ctx, 'credit') or ctx['outlet'](rng), BOILERPLATE)
        elif templates and rng.random() < 0.35:
            b.add(self.template(rng, ctx, 'credit') or '', BOILERPLATE)
        if templates:
            k = rng.choice([0, 1, 1, 2, 2, 3, 4])
            cats = ['source', 'read_also', 'share', 'comments', 'copyright', 'tags', 'nav', 'ad', 'date']
            for cat in rng.sample(cats, k):
                line = self.template(rng, ctx, cat)
                if line:
                    b.add(line, BOILERPLATE)
        b.lines = [(t, c) for t, c in b.lines if t.strip()]
        return b, ctx

    def body_end(self, b):
        """Index just after the last content line."""
        last = max((i for i, (_, c) in enumerate(b.lines) if c == CONTENT), default=len(b.lines) - 1)
        return last + 1

    # ------------------------------------------------------------ injections

    def headlines(self, article, rng, n):
        others = [a['title'] for a in self.articles if a['topic'] != article['topic'] and a['id'] != article['id']]
        clickbait = self.spam.get('clickbait', [])
        pool = rng.sample(others, min(len(others), n))
        k = rng.randint(0, min(3, len(clickbait)))
        pool = pool[:n - k] + rng.sample(clickbait, k)
        rng.shuffle(pool)
        return pool[:n]

    def inject_headline_block(self, b, article, rng, ctx):
        n = rng.randint(5, 12)
        foreign = self.lang != 'en' and rng.random() < 0.3 and self.english
        block = rng.sample(self.english['clickbait'], n) if foreign else self.headlines(article, rng, n)
        pos = len(b.lines) if rng.random() < 0.6 else self.body_end(b)
        lines = [(h, SPAM) for h in block]
        if rng.random() < (0.45 if self.lang in EDITOR_LANGS else 0.12):
            lines.insert(0, ('(责任编辑:%s)' % self.editor_name(rng), SPAM))
        b.lines[pos:pos] = lines
        return 'headline_block' + ('_en' if foreign else '')

    def editor_name(self, rng):
        name = self.phrase(rng) if rng.random() < 0.6 else self.brands.brand(rng)
        return name.title() if rng.random() < 0.5 else name

    def inject_editor_line(self, b, article, rng, ctx):
        b.add('(责任编辑:%s)' % self.editor_name(rng), SPAM)
        return 'editor_line'

    def inject_glued_title(self, b, article, rng, ctx):
        title = article['title']
        words = title.split()
        phrases = [self.phrase(rng) for _ in range(rng.randint(1, 3))]
        if len(words) >= 3:
            i = rng.randint(0, len(words) - 2)
            j = rng.randint(i + 1, len(words))
            glued = ''.join(words[i:j])
            cut = rng.randint(0, len(glued))
            glued = glued[:cut] + ''.join(phrases) + glued[cut:]
            text = ' '.join(words[:i] + [glued] + words[j:])
        else:
            text = title + ''.join(phrases)
        idx = next((k for k, (t, c) in enumerate(b.lines) if t == title), None)
        if idx is None:
            first = next((k for k, (_, c) in enumerate(b.lines) if c == CONTENT), 0)
            b.insert(first, text, SPAM)
            idx = first
        else:
            b.lines[idx] = (text, SPAM)
        if rng.random() < 0.25 and idx + 1 < len(b.lines) and b.lines[idx + 1][1] == CONTENT:
            # The glued title runs straight into the lead paragraph (seed 004).
            b.lines[idx] = (text + b.lines[idx + 1][0], SPAM)
            del b.lines[idx + 1]
        return 'glued_title'

    def inject_promo_line(self, b, article, rng, ctx):
        templates = self.spam.get('promo') or ['{brand} {phrase} {domain}']
        text = fill(rng.choice(templates), rng, ctx)
        if rng.random() < 0.3:
            brand = self.brands.brand(rng)
            text = text.replace(brand, styled_brand(rng, brand))
        pos = rng.randint(1, max(1, self.body_end(b) - 1))
        b.insert(pos, text, SPAM)
        return 'promo_line'

    def inject_link_block(self, b, article, rng, ctx):
        n = rng.randint(3, 6)
        lines = []
        if rng.random() < 0.5 and self.spam.get('link_header'):
            lines.append(rng.choice(self.spam['link_header']))
        for _ in range(n):
            brand = self.brands.brand(rng)
            form = rng.random()
            if form < 0.4:
                lines.append(self.brands.url(rng, brand))
            elif form < 0.7:
                lines.append(self.brands.domain(rng, brand))
            else:
                lines.append('%s: %s' % (brand, self.brands.url(rng, brand)))
        pos = len(b.lines) if rng.random() < 0.5 else self.body_end(b)
        b.lines[pos:pos] = [(t, SPAM) for t in lines]
        return 'link_block'

    def inject_tags_line(self, b, article, rng, ctx):
        n = rng.randint(5, 12)
        items = [self.phrase(rng) if rng.random() < 0.65 else self.brands.brand(rng) for _ in range(n)]
        prefix = rng.choice(self.spam.get('tags_prefix') or ['Tags:'])
        b.add(prefix + ' ' + ', '.join(items), SPAM)
        return 'tags_line'

    def inject_keyword_run(self, b, article, rng, ctx):
        kinds = rng.choice([('phrase',), ('phrase',), ('phrase_seo',), ('phrase_adult',), ('phrase_pharma',), ('phrase', 'phrase_seo')])
        items = [self.phrase(rng, kinds) for _ in range(rng.randint(3, 9))]
        sep = rng.choice([' ', ', ', ' | ', ' - ', ''])
        text = sep.join(items)
        pos = rng.randint(1, len(b.lines))
        b.insert(pos, text, SPAM)
        return 'keyword_run_' + kinds[-1]

    def inject_glued_sentence(self, b, article, rng, ctx):
        candidates = [k for k, (_, c) in enumerate(b.lines) if c == CONTENT]
        k = rng.choice(candidates)
        kinds = rng.choice([('phrase',), ('phrase',), ('phrase_adult',), ('phrase_seo',)])
        glue = ''.join(self.phrase(rng, kinds) for _ in range(rng.randint(1, 3)))
        text = b.lines[k][0]
        text = text + glue if rng.random() < 0.6 else glue + text
        b.lines[k] = (text, SPAM)
        return 'glued_sentence'

    def inject_seo_string(self, b, article, rng, ctx):
        queries = [self.phrase(rng, ('phrase', 'phrase_seo')) for _ in range(rng.randint(3, 6))]
        if rng.random() < 0.5:
            queries.append(self.brands.brand(rng))
        text = ''.join(queries)
        pos = rng.choice([0, rng.randint(1, len(b.lines)), len(b.lines)])
        b.insert(pos, text, SPAM)
        return 'seo_string'

    def subtle_comment(self, rng):
        """An ordinary-looking comment that only names a (styled) brand: the judol comments
        that carry no gambling word at all ("Serius deh, di 𝐀𝐋𝐄𝐗𝐈𝐒17 ada fitur ...")."""
        words = rng.choice(self.spam['comment_ok']).split()
        brand = styled_brand(rng, self.brands.brand(rng))
        if rng.random() < 0.3:
            brand = rng.choice(EMOJI) + brand + rng.choice(EMOJI)
        words.insert(rng.randint(0, len(words)), brand)
        return ' '.join(words)

    def spam_comment(self, rng, ctx):
        if self.spam.get('comment_ok') and rng.random() < 0.35:
            return self.subtle_comment(rng)
        templates = self.spam.get('comment_spam') or ['{brand} {phrase}']
        text = fill(rng.choice(templates), rng, dict(ctx, brand=lambda r: styled_brand(r, self.brands.brand(r))))
        if rng.random() < 0.4:
            text = rng.choice(EMOJI) + ' ' + text + ' ' + rng.choice(EMOJI)
        return text

    def inject_comment_spam(self, b, article, rng, ctx):
        if rng.random() < 0.5:
            # A comment section: a counter, ordinary comments, and the spam among them.
            section = []
            if rng.random() < 0.6:
                section.append((self.template(rng, ctx, 'comments') or 'Comments (%d)' % rng.randint(1, 9), BOILERPLATE))
            comments = [(c, CONTENT) for c in rng.sample(self.spam.get('comment_ok', []), min(rng.randint(0, 3), len(self.spam.get('comment_ok', []))))]
            comments += [(self.spam_comment(rng, ctx), SPAM) for _ in range(rng.randint(1, 3))]
            rng.shuffle(comments)
            b.lines.extend(section + comments)
        else:
            for _ in range(rng.randint(1, 3)):
                b.insert(rng.randint(1, len(b.lines)), self.spam_comment(rng, ctx), SPAM)
        return 'comment_spam'

    def inject_adult_line(self, b, article, rng, ctx):
        kind = rng.choice(['phrase_adult', 'phrase_pharma'])
        items = [self.phrase(rng, (kind,)) for _ in range(rng.randint(2, 5))]
        text = ', '.join(items)
        if rng.random() < 0.5:
            text = '%s %s' % (text, self.brands.domain(rng))
        b.insert(rng.randint(1, len(b.lines)), text, SPAM)
        return kind

    INJECTIONS = ['headline_block', 'glued_title', 'promo_line', 'link_block', 'editor_line', 'tags_line',
                  'keyword_run', 'glued_sentence', 'seo_string', 'comment_spam', 'adult_line']

    def inject(self, kind, b, article, rng, ctx):
        return getattr(self, 'inject_' + kind)(b, article, rng, ctx)

    # ------------------------------------------------------------ variants

    def clean_doc(self, article, rng, variant):
        b, ctx = self.skeleton(article, rng, templates=rng.random() < 0.75)
        kind = 'clean'
        if variant == 'comments' or rng.random() < 0.15:
            ok = self.spam.get('comment_ok', [])
            if ok:
                if rng.random() < 0.6:
                    b.add(self.template(rng, ctx, 'comments') or 'Comments', BOILERPLATE)
                for c in rng.sample(ok, min(len(ok), rng.randint(2, 5))):
                    b.add(c, CONTENT)
                kind = 'clean_comments'
        return b, kind

    def spam_doc(self, article, rng, kind):
        b, ctx = self.skeleton(article, rng, templates=rng.random() < 0.7, title=True if kind == 'glued_title' else None)
        done = [self.inject(kind, b, article, rng, ctx)]
        if rng.random() < 0.15:
            second = rng.choice([k for k in self.INJECTIONS if k not in (kind, 'glued_title')])
            done.append(self.inject(second, b, article, rng, ctx))
        return b, '+'.join(done)

    def miscellany(self, rng, n):
        """A page of unrelated sentences (forums, listing pages, scraped snippets)."""
        b = Builder()
        for a in rng.sample(self.articles, min(n, len(self.articles))):
            b.add(rng.choice(a['body']), CONTENT)
        return b

    def documents(self):
        docs = []
        kinds = list(self.INJECTIONS)
        for n, article in enumerate(self.articles):
            rng = random.Random('chaff:%s' % article['id'])
            key = article['id'] if self.folder == self.lang else self.folder + ':' + article['id']
            group = key
            variants = ['clean']
            if 'gambling-news' in article['flags'] or self.lang in PRIMARY:
                variants.append('comments')
            for v in variants:
                b, kind = self.clean_doc(article, rng, v)
                docs.append(b.record('gen-%s-%s' % (key, v), self.lang, 'generated:%s:%s' % (key, kind), group))
            spam_kinds = [kinds[n % len(kinds)]]
            if self.lang in PRIMARY:
                spam_kinds.append(kinds[(n + 5) % len(kinds)])
            for k, kind in enumerate(spam_kinds):
                b, done = self.spam_doc(article, rng, kind)
                docs.append(b.record('gen-%s-spam%d' % (key, k), self.lang, 'generated:%s:%s' % (key, done), group))
        for m in range(6 if self.lang in PRIMARY else 4):
            rng = random.Random('chaff:misc:%s:%d' % (self.folder, m))
            b = self.miscellany(rng, rng.randint(5, 8))
            kind = 'clean'
            if m % 2 == 1:
                kind = self.inject(rng.choice(['headline_block', 'keyword_run', 'glued_sentence', 'comment_spam']), b, {'id': '', 'topic': '', 'title': '', 'body': []}, rng, self.context(self.articles[0]))
            docs.append(b.record('gen-%s-misc%d' % (self.folder, m), self.lang, 'generated:miscellany:%s' % kind, 'misc-%s-%d' % (self.folder, m)))
        return docs


def build():
    brands = Brands()
    english = {}
    for folder in folders():
        if folder.split('.')[0] == 'en':
            for key, values in read_tsv(folder, 'spam.tsv').items():
                english.setdefault(key, []).extend(values)
    english = english if english.get('clickbait') else None
    records = []
    for folder in folders():
        records.extend(Language(folder, brands, english).documents())
    return ''.join(json.dumps(r, ensure_ascii=False, sort_keys=False) + '\n' for r in records)


def main():
    data = build()
    if '--check' in sys.argv:
        current = open(OUT, encoding='utf-8').read() if os.path.exists(OUT) else ''
        if current != data:
            print('training-data/generated.jsonl is not up to date: run python3 training-data/generate.py', file=sys.stderr)
            sys.exit(1)
        return
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write(data)
    recs = [json.loads(l) for l in data.splitlines()]
    spam = sum(r['label'] for r in recs)
    langs = sorted({r['lang'] for r in recs})
    print('wrote %d documents (%d spam, %.0f%%) in %d languages: %s' % (len(recs), spam, 100 * spam / len(recs), len(langs), ' '.join(langs)))


if __name__ == '__main__':
    main()
