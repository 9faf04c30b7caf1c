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
}

/// Length of the run of consecutive non-blank lines with links that holds line `i`.
fn link_run(a: &Analysis, i: usize) -> u32 {
    if !a.lines[i].links.any() {
        return 0;
    }
    let mut run = 1;
    for step in [&a.prev, &a.next] {
        let mut j = step[i];
        while let Some(k) = j.filter(|&k| a.lines[k].links.any()) {
            run += 1;
            j = step[k];
        }
    }
    run
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let l = &a.lines[i];
    let len = a.doc.lines()[i].text.len().max(1) as f32;
    out.copy_from_slice(&[
        log1(l.links.urls),
        log1(l.links.domains),
        (l.links.bytes as f32 / len).min(1.0),
        log1(l.links.spam_hosts),
        log1(link_run(a, i)),
    ]);
}
