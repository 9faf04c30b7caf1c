//! Batch inputs: JSONL or WARC (WET included) from a file or standard input, plain or
//! compressed (gzip, zstd, bzip2, xz, told by their magic bytes), and folders of `.txt`
//! documents.
//!
//! What an input holds is told from its first bytes after decompression: `WARC/1.0` or
//! `WARC/1.1` starts a WARC file; a file that starts with Parquet's magic bytes is read as
//! Parquet (with the `parquet` feature; refused with a message saying so without it); the
//! magic bytes of zip and a few other binary formats, or a NUL byte, make it refused whole,
//! once; anything else is read as JSONL. A UTF-8 byte-order mark at the start (after
//! decompression) is skipped.
//! Folders are walked without following the symbolic links inside them (so a link to `.`
//! cannot make the walk loop); the links are counted for the caller to report. A link
//! named as the input itself is followed.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Size of the read buffers.
const BUFFER: usize = 1 << 20;

/// The bytes looked at to tell what an input holds, at most.
const HEAD: usize = 4096;

/// The bytes needed to tell it, at least (unless the input is shorter).
const MAGIC_LEN: usize = 8;

/// The magic bytes that start (and end) a Parquet file.
const PARQUET_MAGIC: &[u8] = b"PAR1";

/// The magic bytes of formats chaff does not read, and what they are called in messages.
const NOT_READ: &[(&[u8], &str)] = &[
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"\x04\x22\x4D\x18", "lz4-compressed data"),
    (b"ARROW1", "Arrow"),
    (b"Obj\x01", "Avro"),
    (b"%PDF", "a PDF document"),
    (b"SQLite format 3", "an SQLite database"),
];

/// One input of `chaff score`.
pub enum Input {
    /// JSONL records, one per line.
    Jsonl {
        /// The name used in messages (`-` for standard input).
        name: String,
        /// The decompressed stream.
        reader: Box<dyn BufRead + Send>,
    },
    /// A WARC or WET file: its records.
    Warc {
        /// The name used in messages (`-` for standard input).
        name: String,
        /// The decompressed stream.
        reader: Box<dyn BufRead + Send>,
    },
    /// A Parquet file: a record per row (with the `parquet` feature).
    #[cfg(feature = "parquet")]
    Parquet {
        /// The name used in messages.
        name: String,
        /// The file.
        path: PathBuf,
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
            Input::Jsonl { name, .. } | Input::Warc { name, .. } | Input::Folder { name, .. } => name,
            #[cfg(feature = "parquet")]
            Input::Parquet { name, .. } => name,
        }
    }
}

/// Opens `path`: `-` is standard input, a folder is read for `.txt` files, and a file is
/// read as Parquet when it starts with Parquet's magic bytes (with the `parquet` feature),
/// else decompressed when it is gzip, zstd, bzip2 or xz (by its magic bytes, whatever its
/// name), then read as WARC when it starts with a WARC version line, else as JSONL. A byte-order
/// mark at the start of the (decompressed) input is skipped. The folder walk does not
/// follow symbolic links (counted in [`Input::Folder`]'s `links_skipped`) and keeps regular
/// files only.
///
/// # Errors
/// [`Error::Io`] when the path cannot be opened or read; [`Error::InputFormat`] when it
/// holds a format chaff does not read (zip, binary data); [`Error::ParquetNotBuilt`] for
/// Parquet without the `parquet` feature; [`Error::Parquet`] for Parquet on standard input
/// or inside a compressed stream (Parquet is read from a file).
pub fn open(path: &Path) -> Result<Input> {
    if path.as_os_str() == "-" {
        return sniff(Box::new(BufReader::with_capacity(BUFFER, io::stdin())), path);
    }
    if path.is_dir() {
        let mut walk = Walk::default();
        walk.collect_txt(path)?;
        walk.files.sort();
        let name = path.display().to_string();
        return Ok(Input::Folder { name, files: walk.files, links_skipped: walk.links_skipped });
    }
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = BufReader::with_capacity(BUFFER, file);
    if reader.fill_buf().map_err(|e| Error::io(path, e))?.starts_with(PARQUET_MAGIC) {
        return parquet_file(path);
    }
    sniff(Box::new(reader), path)
}

/// The Parquet file at `path` as an input.
#[cfg(feature = "parquet")]
fn parquet_file(path: &Path) -> Result<Input> {
    Ok(Input::Parquet { name: path.display().to_string(), path: path.to_path_buf() })
}

/// Parquet cannot be read by a chaff built without the `parquet` feature.
#[cfg(not(feature = "parquet"))]
fn parquet_file(path: &Path) -> Result<Input> {
    Err(Error::ParquetNotBuilt { path: path.to_path_buf() })
}

/// Parquet that is not a file of its own: on standard input or inside a compressed stream.
fn parquet_stream(path: &Path) -> Error {
    match cfg!(feature = "parquet") {
        true => Error::Parquet {
            path: path.to_path_buf(),
            message: "Parquet is read from a file, not from standard input or a compressed stream".into(),
        },
        false => Error::ParquetNotBuilt { path: path.to_path_buf() },
    }
}

/// Decompresses `reader` and tells what it holds: WARC, JSONL, or a format chaff refuses.
fn sniff(reader: Box<dyn BufRead + Send>, path: &Path) -> Result<Input> {
    let name = path.display().to_string();
    let (head, reader) = peek(decompress(reader, path)?).map_err(|e| Error::io(path, e))?;
    if crate::batch::warc::is_warc(&head) {
        return Ok(Input::Warc { name, reader });
    }
    if head.starts_with(PARQUET_MAGIC) {
        return Err(parquet_stream(path));
    }
    if let Some(kind) = not_read(&head) {
        return Err(Error::InputFormat { path: path.to_path_buf(), kind });
    }
    Ok(Input::Jsonl { name, reader })
}

/// What `head` looks like when it is a format chaff does not read.
fn not_read(head: &[u8]) -> Option<String> {
    if let Some((_, kind)) = NOT_READ.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(kind.to_string());
    }
    let nul = memchr::memchr(0, head)?;
    Some(format!("binary data (a NUL byte at byte {nul})"))
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

/// Wraps `reader` in a decoder when its first bytes are a gzip, zstd, bzip2 or xz header.
/// Streams of several members (as Common Crawl writes, a gzip member per record) are read
/// to their end.
fn decompress(mut reader: Box<dyn BufRead + Send>, path: &Path) -> Result<Box<dyn BufRead + Send>> {
    let head = reader.fill_buf().map_err(|e| Error::io(path, e))?;
    let decoder: Box<dyn Read + Send> = if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(flate2::bufread::MultiGzDecoder::new(reader))
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Box::new(zstd::stream::read::Decoder::with_buffer(reader).map_err(|e| Error::io(path, e))?)
    } else if head.starts_with(b"BZh") && head.get(3).is_some_and(|b| (b'1'..=b'9').contains(b)) {
        Box::new(bzip2::bufread::MultiBzDecoder::new(reader))
    } else if head.starts_with(b"\xFD7zXZ\x00") {
        Box::new(xz2::bufread::XzDecoder::new_multi_decoder(reader))
    } else {
        return Ok(reader);
    };
    Ok(Box::new(BufReader::with_capacity(BUFFER, decoder)))
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The first bytes of `reader` (at least [`MAGIC_LEN`] unless it is shorter, at most
/// [`HEAD`]; a decoder may yield a byte at a time) without a byte-order mark, and the
/// stream read from its start again, past the mark.
fn peek(mut reader: Box<dyn BufRead + Send>) -> io::Result<(Vec<u8>, Box<dyn BufRead + Send>)> {
    let mut head = vec![0; HEAD];
    let mut len = 0;
    while len < MAGIC_LEN + BOM.len() {
        match reader.read(&mut head[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    head.truncate(len);
    if head.starts_with(BOM) {
        head.drain(..BOM.len());
    }
    let again = io::Cursor::new(head.clone()).chain(reader);
    Ok((head, Box::new(again)))
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
            _ => panic!("not a JSONL file"),
        }
    }

    #[test]
    fn reads_plain_gzip_zstd_bzip2_and_xz_by_magic() {
        let dir = std::env::temp_dir().join(format!("chaff-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let data = b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n";
        let plain = dir.join("plain.jsonl");
        std::fs::write(&plain, data).unwrap();
        let gz = dir.join("data.bin");
        write_gzip(&gz, data);
        let zst = dir.join("data.jsonl.zst");
        std::fs::write(&zst, zstd::encode_all(&data[..], 1).unwrap()).unwrap();
        let bz2 = dir.join("data.jsonl.bz2");
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        bz.write_all(data).unwrap();
        std::fs::write(&bz2, bz.finish().unwrap()).unwrap();
        let xz = dir.join("data.jsonl.xz");
        let mut x = xz2::write::XzEncoder::new(Vec::new(), 1);
        x.write_all(data).unwrap();
        std::fs::write(&xz, x.finish().unwrap()).unwrap();
        for path in [&plain, &gz, &zst, &bz2, &xz] {
            assert_eq!(lines_of(open(path).unwrap()), vec!["{\"text\":\"a\"}", "{\"text\":\"b\"}"], "{path:?}");
        }
        // A WARC file named like JSONL is read as WARC.
        let warc = dir.join("misnamed.jsonl.gz");
        write_gzip(&warc, b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
        assert!(matches!(open(&warc).unwrap(), Input::Warc { .. }));
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
            let (head, mut again) = peek(slow).unwrap();
            again.read_to_end(&mut text).unwrap();
            assert_eq!(String::from_utf8_lossy(&text), expected, "{bytes:?}");
            assert!(text.starts_with(&head), "the head is the start of the stream");
        }
        let slow = Box::new(BufReader::new(OneByte(io::Cursor::new(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n".to_vec()))));
        let (head, _) = peek(slow).unwrap();
        assert!(crate::batch::warc::is_warc(&head), "enough bytes to tell, one at a time: {head:?}");
    }

    #[test]
    fn formats_chaff_does_not_read_are_refused_by_name() {
        let dir = std::env::temp_dir().join(format!("chaff-refused-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let cases: [(&str, &[u8], &str); 2] = [
            ("x.zip", b"PK\x03\x04\x14\x00\x00\x00", "a zip archive"),
            ("x.jsonl", b"{\"text\":\"a\"}\n\x00\x01\x02", "binary data (a NUL byte at byte 13)"),
        ];
        for (name, bytes, kind) in cases {
            let path = dir.join(name);
            match name.ends_with(".gz") {
                true => write_gzip(&path, bytes),
                false => std::fs::write(&path, bytes).unwrap(),
            }
            let Err(error) = open(&path) else { panic!("{name} is refused") };
            let reads = "(chaff reads JSONL, WET/WARC, plain or gzip/zstd/bzip2/xz)";
            assert_eq!(error.to_string(), format!("{}: not a JSONL file: looks like {kind} {reads}", path.display()));
        }
        let parquet = dir.join("x.parquet");
        std::fs::write(&parquet, b"PAR1\x15\x04\x15\x10").unwrap();
        let compressed = dir.join("x.parquet.gz");
        write_gzip(&compressed, b"PAR1 inside gzip");
        let not_built = |path: &Path| {
            format!("{}: looks like Parquet: this chaff was built without Parquet support; build it with `--features parquet` to read it", path.display())
        };
        match open(&parquet) {
            #[cfg(feature = "parquet")]
            Ok(Input::Parquet { path, .. }) => assert_eq!(path, parquet),
            Ok(_) => panic!("a Parquet file is Parquet"),
            Err(error) => assert_eq!(error.to_string(), not_built(&parquet)),
        }
        let Err(error) = open(&compressed) else { panic!("compressed Parquet is refused") };
        let expected = match cfg!(feature = "parquet") {
            true => format!("{}: Parquet is read from a file, not from standard input or a compressed stream", compressed.display()),
            false => not_built(&compressed),
        };
        assert_eq!(error.to_string(), expected);
        std::fs::remove_dir_all(&dir).unwrap();
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
