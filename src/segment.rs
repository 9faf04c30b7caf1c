//! Zero-copy segmentation: a document into lines, a line into link spans.
//!
//! Words are produced by the character scan in [`crate::features`], which needs to look at
//! every character anyway; this module holds the pieces that are pure string slicing.

/// Splits `text` into lines on `\n`, dropping one trailing `\r` from each line, as the label
/// policy says. A final `\n` (or `\r\n`) ends the last line and opens no new one, as in a
/// text file: `"a\nb\n"` has two lines, `"a\nb\n\n"` three (the last one blank). The
/// empty text has one empty line.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0usize;
    without_final_newline(text).split('\n').map(move |raw| {
        let line_start = start;
        start += raw.len() + 1;
        (line_start, raw.strip_suffix('\r').unwrap_or(raw))
    })
}

/// `text` without the one `\n` that ends its last line, if it has one: the part of the text
/// that [`lines`] splits (a `\r` before that `\n` stays; [`lines`] drops it).
pub fn without_final_newline(text: &str) -> &str {
    text.strip_suffix('\n').unwrap_or(text)
}

/// What kind of link a [`LinkSpan`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// A URL with a scheme (`https://…`) or starting with `www.`.
    Url,
    /// A bare domain name (`kuwin.vip`), recognised by a known top-level domain.
    Domain,
}

/// A URL or bare domain inside a line, as byte offsets into the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkSpan {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// URL or bare domain.
    pub kind: LinkKind,
    /// Byte range of the host name inside the line.
    pub host: (usize, usize),
}

/// Top-level domains recognised in bare domain names. Country codes of the languages chaff
/// covers, the generic ones, and the new generic ones common in spam.
const TLDS: &[&str] = &[
    "com", "net", "org", "info", "biz", "edu", "gov", "mil", "int", "io", "co", "me", "tv", "cc",
    "ws", "to", "ly", "la", "gg", "xyz", "top", "vip", "win", "bet", "club", "online", "site",
    "live", "fun", "pro", "app", "dev", "asia", "link", "click", "today", "store", "shop",
    "casino", "poker", "games", "game", "life", "world", "news", "blog", "space", "website",
    "tech", "one", "icu", "buzz", "cloud", "mobi", "name", "zone", "agency", "digital", "email",
    "vn", "id", "my", "sg", "th", "ph", "in", "pk", "bd", "lk", "np", "cn", "hk", "tw", "jp",
    "kr", "ru", "ua", "by", "kz", "uz", "es", "mx", "ar", "cl", "pe", "br", "pt", "fr", "de",
    "it", "nl", "be", "ch", "at", "uk", "ie", "us", "ca", "au", "nz", "za", "ng", "ke", "eg",
    "sa", "ae", "qa", "kw", "ma", "tr", "ir", "il", "pl", "cz", "sk", "hu", "ro", "bg", "gr",
    "se", "no", "dk", "fi", "ee", "lt", "lv", "eu", "su", "kh", "mm",
];

fn is_tld(label: &str) -> bool {
    label.len() >= 2
        && label.len() <= 8
        && TLDS.iter().any(|t| t.eq_ignore_ascii_case(label))
}

fn is_host_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'.'
}

/// Finds URLs and bare domain names in `line`, appending them to `out` in order.
///
/// URLs start at `http://`, `https://` or `www.` and run to the next whitespace. A bare
/// domain is a run of `[A-Za-z0-9.-]` with at least two labels, whose last label is a known
/// top-level domain and whose other labels are not all digits (`3.5` and `TP.HCM` are not
/// domains; `i.rik.vip` and `Bet88.com` are).
pub fn find_links(line: &str, out: &mut Vec<LinkSpan>) {
    let bytes = line.as_bytes();
    let dots = memchr::memchr_iter(b'.', bytes);
    let mut done = 0; // bytes before this offset are already covered
    for dot in dots {
        if dot < done {
            continue;
        }
        // The run of host characters around the dot.
        let start = bytes[done..dot].iter().rposition(|&b| !is_host_byte(b)).map_or(done, |p| done + p + 1);
        let end = dot + bytes[dot..].iter().take_while(|&&b| is_host_byte(b)).count();
        let url_start = url_start_before(line, done, start);
        if let Some(span) = url_start.and_then(|u| url_at(line, u)) {
            done = span.end;
            out.push(span);
        } else {
            if let Some(span) = domain_in(line, start, end) {
                out.push(span);
            }
            done = end;
        }
    }
}

/// Where a URL holding the host run starting at `host` begins: `http://` or `https://`
/// just before it, or the run itself when it starts with `www.`.
fn url_start_before(line: &str, floor: usize, host: usize) -> Option<usize> {
    let before = &line.as_bytes()[floor..host];
    for scheme in ["https://", "http://"] {
        if before.len() >= scheme.len() && before[before.len() - scheme.len()..].eq_ignore_ascii_case(scheme.as_bytes()) {
            return Some(host - scheme.len());
        }
    }
    starts_with_ci(&line[host..], "www.").then_some(host)
}

fn url_at(line: &str, i: usize) -> Option<LinkSpan> {
    let rest = &line[i..];
    let host_start = if starts_with_ci(rest, "https://") {
        i + 8
    } else if starts_with_ci(rest, "http://") {
        i + 7
    } else if starts_with_ci(rest, "www.") {
        i
    } else {
        return None;
    };
    let end = line[i..]
        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '»' | '”'))
        .map_or(line.len(), |n| i + n);
    let host_end = host_start
        + line.as_bytes()[host_start..end]
            .iter()
            .take_while(|&&b| is_host_byte(b))
            .count();
    (host_end > host_start).then_some(LinkSpan {
        start: i,
        end,
        kind: LinkKind::Url,
        host: (host_start, host_end),
    })
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn domain_in(line: &str, start: usize, end: usize) -> Option<LinkSpan> {
    let raw = &line[start..end];
    let run = raw.trim_start_matches(['.', '-']).trim_end_matches(['.', '-']);
    let offset = start + (raw.len() - raw.trim_start_matches(['.', '-']).len());
    let (rest, tld) = run.rsplit_once('.')?;
    let name = rest.rsplit('.').next().unwrap_or(rest);
    let labels_ok = run.split('.').all(|l| !l.is_empty());
    let name_ok = name.len() >= 2 && name.bytes().any(|b| b.is_ascii_alphabetic());
    if !labels_ok || !is_tld(tld) || !name_ok || tld.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // "Mr.Smith" or "TP.HCM": an upper-case TLD after a short all-caps name is an
    // abbreviation, not a domain.
    if tld.bytes().all(|b| b.is_ascii_uppercase()) && tld.len() > 2 {
        return None;
    }
    Some(LinkSpan {
        start: offset,
        end: offset + run.len(),
        kind: LinkKind::Domain,
        host: (offset, offset + run.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(line: &str) -> Vec<&str> {
        let mut out = Vec::new();
        find_links(line, &mut out);
        out.iter().map(|s| &line[s.start..s.end]).collect()
    }

    #[test]
    fn splits_lines_and_drops_carriage_returns() {
        let got: Vec<_> = lines("a\r\nb\n\nc").collect();
        assert_eq!(got, vec![(0, "a"), (3, "b"), (5, ""), (6, "c")]);
        assert_eq!(lines("").count(), 1);
    }

    #[test]
    fn a_final_newline_opens_no_line() {
        let got: Vec<_> = lines("a\nb\n").collect();
        assert_eq!(got, vec![(0, "a"), (2, "b")]);
        let got: Vec<_> = lines("a\r\nb\r\n").collect();
        assert_eq!(got, vec![(0, "a"), (3, "b")]);
        assert_eq!(lines("a\n\n").map(|(_, l)| l).collect::<Vec<_>>(), vec!["a", ""]);
        assert_eq!(lines("\n").map(|(_, l)| l).collect::<Vec<_>>(), vec![""]);
    }

    #[test]
    fn finds_urls_and_domains() {
        assert_eq!(
            links("Sumber: https://baoquocte.vn/nga-trung-quoc-288544.html"),
            vec!["https://baoquocte.vn/nga-trung-quoc-288544.html"]
        );
        assert_eq!(links("Đăng ký ngay tại i.rik.vip nhận thưởng"), vec!["i.rik.vip"]);
        assert_eq!(links("taiv8: https://taiv8.info"), vec!["https://taiv8.info"]);
        assert_eq!(links("vn88.io"), vec!["vn88.io"]);
        assert_eq!(links("Visit www.example.com today."), vec!["www.example.com"]);
    }

    #[test]
    fn finds_several_links_in_one_line() {
        assert_eq!(
            links("Xem tại https://a.com/x.html và kuwin.vip hoặc www.b.net/y, (cc.io)."),
            vec!["https://a.com/x.html", "kuwin.vip", "www.b.net/y,", "cc.io"]
        );
        assert_eq!(links("Ngày 1.2.2024 tại TP.HCM"), Vec::<&str>::new());
    }

    #[test]
    fn ignores_numbers_and_abbreviations() {
        assert!(links("Giá tăng 3.5% tại TP.HCM ngày 8.2").is_empty());
        assert!(links("End of sentence.Next one").is_empty());
        assert!(links("Ms. Smith said so.").is_empty());
    }
}
