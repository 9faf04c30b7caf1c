//! Batch inputs: JSONL from a file (plain, gzip or zstd, told by extension or magic bytes)
//! or standard input, and folders of `.txt` documents.

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
/// decompressed when it is gzip or zstd (by its magic bytes, whatever its name).
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
        let mut files = Vec::new();
        collect_txt(path, &mut files)?;
        files.sort();
        return Ok(Input::Folder { name, files });
    }
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let reader = decompress(Box::new(BufReader::with_capacity(BUFFER, file)), path)?;
    Ok(Input::Jsonl { name, reader })
}

fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            collect_txt(&path, out)?;
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

/// Wraps `reader` in a decoder when its first bytes are a gzip or zstd header.
fn decompress(mut reader: Box<dyn BufRead + Send>, path: &Path) -> Result<Box<dyn BufRead + Send>> {
    let head = reader.fill_buf().map_err(|e| Error::io(path, e))?;
    if head.starts_with(&[0x1f, 0x8b]) {
        let decoder = flate2::bufread::MultiGzDecoder::new(reader);
        return Ok(Box::new(BufReader::with_capacity(BUFFER, decoder)));
    }
    if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        let decoder = zstd::stream::read::Decoder::with_buffer(reader).map_err(|e| Error::io(path, e))?;
        return Ok(Box::new(BufReader::with_capacity(BUFFER, decoder)));
    }
    Ok(reader)
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
        let mut enc = flate2::write::GzEncoder::new(File::create(&gz).unwrap(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        enc.finish().unwrap();
        let zst = dir.join("data.jsonl.zst");
        std::fs::write(&zst, zstd::encode_all(&data[..], 1).unwrap()).unwrap();
        for path in [&plain, &gz, &zst] {
            assert_eq!(lines_of(open(path).unwrap()), vec!["{\"text\":\"a\"}", "{\"text\":\"b\"}"], "{path:?}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
