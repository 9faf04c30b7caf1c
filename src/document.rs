//! The first stage: a document and its lines.

use crate::error::{Error, Result};
use crate::segment;

/// Checks that `bytes` are text chaff can classify and returns them as `&str`.
///
/// # Errors
/// [`Error::Binary`] if they hold a NUL byte, [`Error::InvalidUtf8`] if they are not
/// UTF-8 (with the offset and line of the first bad byte), [`Error::Empty`] if they hold
/// nothing but white space.
pub fn decode_text(bytes: &[u8]) -> Result<&str> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
        Error::InvalidUtf8 { offset, line }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(text)
}

/// One line of a [`Document`]: the text between two `\n`, without a trailing `\r`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// Byte offset of the line in the document text.
    pub start: usize,
    /// The line's text.
    pub text: &'a str,
}

impl Line<'_> {
    /// Whether the line is empty or only white space. Empty lines have no class.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Byte offset just after the line's text.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// A document: its text split into lines, borrowing the text.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    text: &'a str,
    lines: Vec<Line<'a>>,
}

impl<'a> Document<'a> {
    /// Splits `text` into lines on `\n` (see [`segment::lines`]).
    pub fn new(text: &'a str) -> Self {
        let lines = segment::lines(text)
            .map(|(start, text)| Line { start, text })
            .collect();
        Document { text, lines }
    }

    /// The whole text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// All lines, blank ones included, in order.
    pub fn lines(&self) -> &[Line<'a>] {
        &self.lines
    }

    /// Number of lines that are not blank.
    pub fn content_line_count(&self) -> usize {
        self.lines.iter().filter(|l| !l.is_blank()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_rejects_bad_input() {
        assert!(matches!(decode_text(b"ok\x00"), Err(Error::Binary { offset: 2 })));
        assert!(matches!(decode_text(b"a\nb\xffc"), Err(Error::InvalidUtf8 { offset: 3, line: 2 })));
        assert!(matches!(decode_text(b" \n\t"), Err(Error::Empty)));
        assert_eq!(decode_text("\u{feff}xin chào".as_bytes()).unwrap(), "xin chào");
    }

    #[test]
    fn keeps_blank_lines_and_offsets() {
        let doc = Document::new("Title\r\n\n  \nBody.");
        assert_eq!(doc.lines().len(), 4);
        assert_eq!(doc.lines()[0].text, "Title");
        assert!(doc.lines()[1].is_blank());
        assert!(doc.lines()[2].is_blank());
        assert_eq!(doc.lines()[3].start, 11);
        assert_eq!(doc.content_line_count(), 2);
    }
}
