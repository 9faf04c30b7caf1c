//! Links: URLs and bare domains, how much of the line they take, domains shaped like
//! gambling or adult brands, and runs of lines full of links.

use super::{Analysis, log1};
use crate::resources::Resources;
use crate::segment::{LinkKind, find_links};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "link.urls",
    "link.domains",
    "link.char_frac",
    "link.spam_domain",
    "link.run",
];

/// Links of one line.
#[derive(Clone, Debug, Default)]
pub(crate) struct LinkFacts {
    /// URLs with a scheme or `www.`.
    pub urls: u32,
    /// Bare domain names.
    pub domains: u32,
    /// Bytes of the line inside links.
    pub bytes: u32,
    /// Links whose host has gambling or adult fragments or a TLD spam favours.
    pub spam_hosts: u32,
    /// Length of the run of consecutive non-blank lines with links that holds the line
    /// (0 when the line has none).
    pub run: u32,
}

impl LinkFacts {
    /// Whether the line holds any link.
    pub fn any(&self) -> bool {
        self.urls + self.domains > 0
    }
}

/// Finds the links of every line and classifies their hosts.
pub(crate) fn analyze(a: &mut Analysis, r: &Resources) {
    let mut spans = Vec::new();
    let mut host = String::new();
    for (i, line) in a.doc.lines().iter().enumerate() {
        if a.lines[i].blank {
            continue;
        }
        spans.clear();
        find_links(line.text, &mut spans);
        let facts = &mut a.lines[i].links;
        for span in &spans {
            match span.kind {
                LinkKind::Url => facts.urls += 1,
                LinkKind::Domain => facts.domains += 1,
            }
            facts.bytes += (span.end - span.start) as u32;
            host.clear();
            host.push_str(&line.text[span.host.0..span.host.1]);
            host.make_ascii_lowercase();
            facts.spam_hosts += (r.domains.host_mask(&host) != 0) as u32;
        }
    }
    measure_runs(a);
}

/// Sets [`LinkFacts::run`] of every line with links: each run of consecutive non-blank lines
/// with links (blank lines in between do not break it) is measured once.
fn measure_runs(a: &mut Analysis) {
    let mut run: Vec<usize> = Vec::new();
    let non_blank: Vec<usize> = (0..a.lines.len()).filter(|&i| !a.lines[i].blank).collect();
    for i in non_blank.into_iter().chain([usize::MAX]) {
        if a.lines.get(i).is_some_and(|l| l.links.any()) {
            run.push(i);
            continue;
        }
        for &k in &run {
            a.lines[k].links.run = run.len() as u32;
        }
        run.clear();
    }
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let l = &a.lines[i];
    let len = a.doc.lines()[i].text.len().max(1) as f32;
    out.copy_from_slice(&[
        log1(l.links.urls),
        log1(l.links.domains),
        (l.links.bytes as f32 / len).min(1.0),
        log1(l.links.spam_hosts),
        log1(l.links.run),
    ]);
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::features::Extractor;

    #[test]
    fn link_runs_are_measured_once_and_skip_blank_lines() {
        let doc = Document::new("https://a.com/x\n\nwww.b.org\nno link here\nkuwin88.vip\nhttps://d.net");
        let a = Extractor::new().analyze(&doc);
        let runs: Vec<u32> = a.lines.iter().map(|l| l.links.run).collect();
        assert_eq!(runs, vec![2, 0, 2, 0, 2, 2]);
    }
}
