//! Batch inputs: JSONL from a file (plain, gzip or zstd, told by extension or magic bytes)
//! or standard input, and folders of `.txt` documents.
//!
//! A UTF-8 byte-order mark at the start of a JSONL input (after decompression) is skipped.
//! Folders are walked without following the symbolic links inside them (so a link to `.`
//! cannot make the walk loop); the links are counted for the caller to report. A link
//! named as the input itself is followed.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Size of the read buffers.
const BUFFER: usize = 1 << 20;

/// One input of `chaff score`.
pub enum Input {
    /// JSONL records, one per line.
    Jsonl {
        /// The name used in messages (`-` for standard input).
        name: String,
        /// The decompressed stream.
        reader: Box<dyn BufRead + Send>,
    },
    /// A folder of `.txt` files, one document each.
    Folder {
        /// The folder as given.
        name: String,
        /// Its `.txt` files, recursively, sorted.
        files: Vec<PathBuf>,
        /// The symbolic links found in it, which were not followed.
        links_skipped: usize,
    },
}

impl Input {
    /// The input's name for messages.
    pub fn name(&self) -> &str {
        match self {
            Input::Jsonl { name, .. } | Input::Folder { name, .. } => name,
        }
    }
}

/// Opens `path`: `-` is standard input, a folder is read for `.txt` files, and a file is
/// decompressed when it is gzip or zstd (by its magic bytes, whatever its name). A
/// byte-order mark at the start of the (decompressed) JSONL is skipped. The folder walk
/// does not follow symbolic links (counted in [`Input::Folder`]'s `links_skipped`) and keeps
/// regular files only.
///
/// # Errors
/// [`Error::Io`] when the path cannot be opened or read.
pub fn open(path: &Path) -> Result<Input> {
    let name = path.display().to_string();
    if path.as_os_str() == "-" {
        let reader = decompress(Box::new(BufReader::with_capacity(BUFFER, io::stdin())), path)?;
        return Ok(Input::Jsonl { name, reader });
    }
    if path.is_dir() {
        let mut walk = Walk::default();
        walk.collect_txt(path)?;
        walk.files.sort();
        return Ok(Input::Folder { name, files: walk.files, links_skipped: walk.links_skipped });
    }
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let reader = decompress(Box::new(BufReader::with_capacity(BUFFER, file)), path)?;
    Ok(Input::Jsonl { name, reader })
}

/// A folder walk: the `.txt` files found and the symbolic links passed over.
#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    links_skipped: usize,
}

impl Walk {
    /// Adds the regular `.txt` files under `dir`. The entries' own types are used, which do
    /// not follow links: a link is counted, never entered or read.
    fn collect_txt(&mut self, dir: &Path) -> Result<()> {
        for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
            let entry = entry.map_err(|e| Error::io(dir, e))?;
            let path = entry.path();
            let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
            if kind.is_symlink() {
                self.links_skipped += 1;
            } else if kind.is_dir() {
                self.collect_txt(&path)?;
            } else if kind.is_file() && path.extension().is_some_and(|x| x == "txt") {
                self.files.push(path);
            }
        }
        Ok(())
    }
}

/// Wraps `reader` in a decoder when its first bytes are a gzip or zstd header, and skips a
/// byte-order mark at the start of what it yields.
fn decompress(mut reader: Box<dyn BufRead + Send>, path: &Path) -> Result<Box<dyn BufRead + Send>> {
    let head = reader.fill_buf().map_err(|e| Error::io(path, e))?;
    let reader: Box<dyn BufRead + Send> = if head.starts_with(&[0x1f, 0x8b]) {
        let decoder = flate2::bufread::MultiGzDecoder::new(reader);
        Box::new(BufReader::with_capacity(BUFFER, decoder))
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        let decoder = zstd::stream::read::Decoder::with_buffer(reader).map_err(|e| Error::io(path, e))?;
        Box::new(BufReader::with_capacity(BUFFER, decoder))
    } else {
        reader
    };
    skip_bom(reader).map_err(|e| Error::io(path, e))
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Skips a byte-order mark at the start of `reader`.
fn skip_bom(mut reader: Box<dyn BufRead + Send>) -> io::Result<Box<dyn BufRead + Send>> {
    let head = reader.fill_buf()?;
    if head.len() >= BOM.len() || head.is_empty() {
        if head.starts_with(BOM) {
            reader.consume(BOM.len());
        }
        return Ok(reader);
    }
    // A first read shorter than a mark (a decoder may yield a byte at a time): read three
    // bytes to tell, and put them back when they are not a mark.
    let mut start = Vec::with_capacity(BOM.len());
    (&mut reader).take(BOM.len() as u64).read_to_end(&mut start)?;
    if start == BOM {
        return Ok(reader);
    }
    Ok(Box::new(io::Cursor::new(start).chain(reader)))
}

/// Reads a whole `.txt` document.
pub fn read_document(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    File::open(path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// Writes `data` gzip-compressed to `path`.
    fn write_gzip(path: &Path, data: &[u8]) {
        let mut enc = flate2::write::GzEncoder::new(File::create(path).unwrap(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        enc.finish().unwrap();
    }

    fn lines_of(input: Input) -> Vec<String> {
        match input {
            Input::Jsonl { reader, .. } => reader.lines().map(|l| l.unwrap()).collect(),
            Input::Folder { .. } => panic!("not a file"),
        }
    }

    #[test]
    fn reads_plain_gzip_and_zstd_by_magic() {
        let dir = std::env::temp_dir().join(format!("chaff-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let data = b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n";
        let plain = dir.join("plain.jsonl");
        std::fs::write(&plain, data).unwrap();
        let gz = dir.join("data.bin");
        write_gzip(&gz, data);
        let zst = dir.join("data.jsonl.zst");
        std::fs::write(&zst, zstd::encode_all(&data[..], 1).unwrap()).unwrap();
        for path in [&plain, &gz, &zst] {
            assert_eq!(lines_of(open(path).unwrap()), vec!["{\"text\":\"a\"}", "{\"text\":\"b\"}"], "{path:?}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A reader yielding one byte a time, like a decoder with little output at first.
    struct OneByte(io::Cursor<Vec<u8>>);

    impl Read for OneByte {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(1);
            self.0.read(&mut buf[..n])
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped_plain_gzip_and_split() {
        let dir = std::env::temp_dir().join(format!("chaff-bom-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let data = b"\xEF\xBB\xBF{\"text\":\"a\"}\n";
        let plain = dir.join("bom.jsonl");
        std::fs::write(&plain, data).unwrap();
        let gz = dir.join("bom.jsonl.gz");
        write_gzip(&gz, data);
        for path in [&plain, &gz] {
            assert_eq!(lines_of(open(path).unwrap()), vec!["{\"text\":\"a\"}"], "{path:?}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
        for (bytes, expected) in [(&data[..], "{\"text\":\"a\"}\n"), (b"{}\n", "{}\n"), (b"\xEF\xBB", "\u{FFFD}")] {
            let slow: Box<dyn BufRead + Send> = Box::new(BufReader::new(OneByte(io::Cursor::new(bytes.to_vec()))));
            let mut text = Vec::new();
            skip_bom(slow).unwrap().read_to_end(&mut text).unwrap();
            assert_eq!(String::from_utf8_lossy(&text), expected, "{bytes:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn folder_walks_do_not_follow_symbolic_links() {
        let dir = std::env::temp_dir().join(format!("chaff-links-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a.txt"), "a").unwrap();
        std::fs::write(dir.join("sub/b.txt"), "b").unwrap();
        for (target, link) in [(".", "x"), (".", "y"), ("a.txt", "c.txt"), ("..", "sub/up")] {
            std::os::unix::fs::symlink(target, dir.join(link)).unwrap();
        }
        let Input::Folder { files, links_skipped, .. } = open(&dir).unwrap() else { panic!("a folder") };
        assert_eq!(files, vec![dir.join("a.txt"), dir.join("sub/b.txt")]);
        assert_eq!(links_skipped, 4);
        let named = std::env::temp_dir().join(format!("chaff-links-named-{}", std::process::id()));
        let _ = std::fs::remove_file(&named);
        std::os::unix::fs::symlink(&dir, &named).unwrap();
        let Input::Folder { files, .. } = open(&named).unwrap() else {
            panic!("a link named as the input is followed")
        };
        assert_eq!(files.len(), 2);
        std::fs::remove_file(&named).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
