//! Parquet in and out of batch scoring (the `parquet` feature).
//!
//! A Parquet input is read in Arrow batches of [`BatchOptions::chunk_records`] rows; each
//! row is a record whose text is the string column [`BatchOptions::text_field`] (the
//! `Utf8`, `LargeUtf8` or `Utf8View` types), scored in
//! parallel like a chunk of JSONL. Every row is written or reported: a row whose text is
//! null, or that the classifier refuses, is a failed record (`line` is its 1-based row);
//! an input that cannot be read, or has no such string column, fails whole as one record;
//! a read that breaks off is one failed record after the rows before it.
//!
//! Out, either JSONL (each row as a JSON object of its columns, `chaff` added as for JSONL
//! input: [`Scorer::run`]) or Parquet ([`Scorer::run_to_parquet`]): the input's columns as
//! they were and a struct column `chaff` with the verdict's fields.
//!
//! [`BatchOptions::chunk_records`]: super::BatchOptions::chunk_records
//! [`BatchOptions::text_field`]: super::BatchOptions::text_field

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, Int64Type, UInt64Type};
use arrow_array::{Array, ArrayRef, BooleanArray, RecordBatchReader, Float64Array, ListArray, RecordBatch, StringArray, StructArray, UInt64Array};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use rayon::prelude::*;

use super::record::Fields as JsonFields;
use super::{Output, RecordError, RecordVerdict, Scorer, Summary};
use crate::error::{Error, Result};

/// The column the verdict is written to.
const VERDICT_COLUMN: &str = "chaff";

/// Each row's verdict, or why it failed.
type Rows = Vec<Result<RecordVerdict, String>>;

/// Opens the Parquet file at `path` for reading in batches of `rows`.
fn open(path: &Path, rows: usize) -> Result<ParquetRecordBatchReader> {
    let error = |message: String| Error::Parquet { path: path.to_path_buf(), message };
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| error(format!("not a readable Parquet file: {e}")))?;
    builder.with_batch_size(rows.max(1)).build().map_err(|e| error(e.to_string()))
}

/// The texts of `column`, `None` where it is null.
fn texts(column: &dyn Array) -> Option<Vec<Option<&str>>> {
    match column.data_type() {
        DataType::Utf8 => Some(column.as_string::<i32>().iter().collect()),
        DataType::LargeUtf8 => Some(column.as_string::<i64>().iter().collect()),
        DataType::Utf8View => Some(column.as_string_view().iter().collect()),
        _ => None,
    }
}

/// Why `schema` cannot be scored on the column `name`, if it cannot.
fn text_column_problem(schema: &Schema, name: &str) -> Option<String> {
    match schema.field_with_name(name) {
        Err(_) => Some(format!("no \"{name}\" column (--text-field)")),
        Ok(f) if matches!(f.data_type(), DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View) => None,
        Ok(f) => Some(format!("the \"{name}\" column holds {}, not strings", f.data_type())),
    }
}

/// The id of row `row` for messages: the id column's value when it is a string or an integer.
fn row_id(batch: &RecordBatch, name: &str, row: usize) -> Option<String> {
    let column = batch.column_by_name(name)?;
    if column.is_null(row) {
        return None;
    }
    match column.data_type() {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => texts(column.as_ref())?[row].map(str::to_string),
        DataType::Int64 => Some(column.as_primitive::<Int64Type>().value(row).to_string()),
        DataType::Int32 => Some(column.as_primitive::<Int32Type>().value(row).to_string()),
        DataType::UInt64 => Some(column.as_primitive::<UInt64Type>().value(row).to_string()),
        _ => None,
    }
}

/// The Arrow type of the verdict column for `scorer`'s options.
fn verdict_fields(scorer: &Scorer) -> Fields {
    let lines = || DataType::List(Arc::new(Field::new("item", DataType::UInt64, false)));
    let mut fields = vec![
        Field::new("label", DataType::Utf8, false),
        Field::new("p_spam", DataType::Float64, false),
        Field::new("spam_lines", lines(), false),
        Field::new("boilerplate_lines", lines(), false),
    ];
    if scorer.options.clean {
        fields.push(Field::new("clean", DataType::Utf8, false));
    }
    if scorer.options.spans {
        let item = Field::new("item", DataType::Struct(span_fields()), false);
        fields.push(Field::new("spans", DataType::List(Arc::new(item)), false));
    }
    fields.into()
}

/// The fields of one span: `start`, `end`, `class`, `probability`.
fn span_fields() -> Fields {
    vec![
        Field::new("start", DataType::UInt64, false),
        Field::new("end", DataType::UInt64, false),
        Field::new("class", DataType::Utf8, false),
        Field::new("probability", DataType::Float64, false),
    ]
    .into()
}

/// A list column of `lists`, each a list of `T` built into one array by `values`.
fn list_array<T>(item: DataType, lists: &[&[T]], values: impl FnOnce(Vec<&T>) -> ArrayRef) -> ArrayRef {
    let offsets = arrow_array::builder::OffsetBufferBuilder::<i32>::new(lists.len());
    let offsets = lists.iter().fold(offsets, |mut o, list| {
        o.push_length(list.len());
        o
    });
    let field = Arc::new(Field::new("item", item, false));
    let values = values(lists.iter().flat_map(|l| l.iter()).collect());
    Arc::new(ListArray::new(field, offsets.finish(), values, None))
}

/// The verdict column of `verdicts`.
fn verdict_column(scorer: &Scorer, verdicts: &[&RecordVerdict]) -> ArrayRef {
    let indices = |pick: fn(&RecordVerdict) -> &Vec<usize>| {
        let lists: Vec<&[usize]> = verdicts.iter().map(|v| pick(v).as_slice()).collect();
        list_array(DataType::UInt64, &lists, |all| Arc::new(all.into_iter().map(|&i| i as u64).collect::<UInt64Array>()))
    };
    let mut columns: Vec<ArrayRef> = vec![
        Arc::new(verdicts.iter().map(|v| Some(v.label)).collect::<StringArray>()),
        Arc::new(verdicts.iter().map(|v| v.p_spam).collect::<Float64Array>()),
        indices(|v| &v.spam_lines),
        indices(|v| &v.boilerplate_lines),
    ];
    if scorer.options.clean {
        columns.push(Arc::new(verdicts.iter().map(|v| v.clean.as_deref()).collect::<StringArray>()));
    }
    if scorer.options.spans {
        let lists: Vec<&[(usize, usize, &str, f64)]> = verdicts.iter().map(|v| v.spans.as_deref().unwrap_or_default()).collect();
        columns.push(list_array(DataType::Struct(span_fields()), &lists, |spans| {
            let parts: Vec<ArrayRef> = vec![
                Arc::new(spans.iter().map(|s| s.0 as u64).collect::<UInt64Array>()),
                Arc::new(spans.iter().map(|s| s.1 as u64).collect::<UInt64Array>()),
                Arc::new(spans.iter().map(|s| Some(s.2)).collect::<StringArray>()),
                Arc::new(spans.iter().map(|s| s.3).collect::<Float64Array>()),
            ];
            Arc::new(StructArray::new(span_fields(), parts, None))
        }));
    }
    Arc::new(StructArray::new(verdict_fields(scorer), columns, None))
}

/// `schema` without a column named `chaff` (which the verdict replaces).
fn without_verdict(schema: &Schema) -> Schema {
    Schema::new(schema.fields().iter().filter(|f| f.name() != VERDICT_COLUMN).cloned().collect::<Fields>())
}

/// The rows of `batch` that were scored (`keep`), without a `chaff` column.
fn scored_rows(batch: &RecordBatch, rows: &Rows) -> Result<RecordBatch, String> {
    let keep: BooleanArray = rows.iter().map(|r| Some(r.is_ok())).collect();
    let batch = arrow_select::filter::filter_record_batch(batch, &keep).map_err(|e| e.to_string())?;
    let keep: Vec<usize> = (0..batch.num_columns()).filter(|&i| batch.schema().field(i).name() != VERDICT_COLUMN).collect();
    batch.project(&keep).map_err(|e| e.to_string())
}

/// Where a run's counts, failed records and progress go.
struct Tally<'a> {
    summary: &'a mut Summary,
    on_error: &'a mut dyn FnMut(&RecordError),
    on_progress: &'a mut dyn FnMut(&Summary),
}

impl Tally<'_> {
    /// Counts and reports a failed record.
    fn fail(&mut self, error: &RecordError) {
        self.summary.fail(error, self.on_error);
    }
}

/// Where Parquet output goes: created with the schema of the first Parquet input.
struct ParquetOutput {
    name: String,
    file: Option<File>,
    /// The input columns, the output's schema (the columns and the verdict), the writer.
    writer: Option<(SchemaRef, SchemaRef, ArrowWriter<File>)>,
    written: u64,
}

impl ParquetOutput {
    /// The error of a failed write.
    fn error(&self, error: impl ToString) -> Error {
        let error = std::io::Error::other(error.to_string());
        Error::Output { name: self.name.clone(), written: self.written, whole: false, error }
    }

    /// The columns the output has (without the verdict), once known.
    fn columns(&self) -> Option<SchemaRef> {
        self.writer.as_ref().map(|(columns, _, _)| columns.clone())
    }

    /// Writes `batch` (its columns, then `verdicts`); the first batch sets the output's columns.
    fn write(&mut self, scorer: &Scorer, batch: RecordBatch, verdicts: &[&RecordVerdict]) -> Result<()> {
        if self.writer.is_none() {
            let columns = batch.schema();
            let mut fields: Vec<Field> = columns.fields().iter().map(|f| f.as_ref().clone()).collect();
            fields.push(Field::new(VERDICT_COLUMN, DataType::Struct(verdict_fields(scorer)), false));
            let file = self.file.take().expect("the file is there until the writer is made");
            let schema = Arc::new(Schema::new(fields));
            let writer = ArrowWriter::try_new(file, schema.clone(), None).map_err(|e| self.error(e))?;
            self.writer = Some((columns, schema, writer));
        }
        let (_, schema, writer) = self.writer.as_mut().expect("made above");
        let mut columns = batch.columns().to_vec();
        columns.push(verdict_column(scorer, verdicts));
        let out = RecordBatch::try_new(schema.clone(), columns);
        let result = out.map_err(|e| e.to_string()).and_then(|out| writer.write(&out).map_err(|e| e.to_string()));
        result.map_err(|e| self.error(e))?;
        self.written += verdicts.len() as u64;
        Ok(())
    }

    /// Ends the file (a file with the verdict column alone when no row was written).
    fn finish(mut self, scorer: &Scorer) -> Result<()> {
        if self.writer.is_none() {
            self.write(scorer, RecordBatch::new_empty(Arc::new(Schema::empty())), &[])?;
        }
        let (_, _, writer) = self.writer.take().expect("made above");
        writer.close().map(drop).map_err(|e| self.error(e))
    }
}

impl Scorer<'_> {
    /// Scores every row of one batch in parallel.
    fn score_batch(&self, batch: &RecordBatch) -> Rows {
        let column = batch.column_by_name(&self.options.text_field).expect("the schema was checked");
        let texts = texts(column.as_ref()).expect("the schema was checked");
        texts
            .par_iter()
            .map(|text| match text {
                None => Err(format!("\"{}\" is null", self.options.text_field)),
                Some(text) => self.classifier.classify(text).map(|v| self.record_verdict(text, &v)).map_err(|e| e.to_string()),
            })
            .collect()
    }

    /// Reads the Parquet input at `path` batch by batch, checks its columns, scores each
    /// batch and hands it to `write` with its rows' outcomes; reports the failed rows and
    /// every failure of the input itself as records.
    fn each_parquet_batch(
        &self,
        name: &str,
        path: &Path,
        tally: &mut Tally,
        check: &dyn Fn(&Schema) -> Option<String>,
        write: &mut dyn FnMut(&RecordBatch, &Rows) -> Result<()>,
    ) -> Result<()> {
        let whole = |message: String| RecordError::at_line(name, 0, None, message);
        if self.options.attributes.is_some() {
            let message = "--attributes takes JSONL, WARC and folder inputs, not Parquet".to_string();
            tally.fail(&whole(message));
            return Ok(());
        }
        let reader = match open(path, self.options.chunk_records) {
            Ok(reader) => reader,
            Err(e) => {
                tally.fail(&RecordError::unreadable(path, e));
                return Ok(());
            }
        };
        let problem = text_column_problem(&reader.schema(), &self.options.text_field).or_else(|| check(&reader.schema()));
        if let Some(problem) = problem {
            tally.fail(&whole(problem));
            return Ok(());
        }
        let mut row = 0u64;
        for batch in reader {
            let batch = match batch {
                Ok(batch) => batch,
                Err(e) => {
                    let message = format!("the input cannot be read from this row on: {e}");
                    tally.fail(&RecordError::at_line(name, row + 1, None, message));
                    break;
                }
            };
            let rows = self.score_batch(&batch);
            write(&batch, &rows)?;
            for (i, outcome) in rows.iter().enumerate() {
                match outcome {
                    Ok(verdict) => {
                        tally.summary.read += 1;
                        tally.summary.scored += 1;
                        tally.summary.spam += (verdict.label == "spam") as u64;
                    }
                    Err(message) => {
                        let id = row_id(&batch, &self.options.id_field, i);
                        tally.fail(&RecordError::at_line(name, row + 1 + i as u64, id, message.clone()));
                    }
                }
            }
            row += batch.num_rows() as u64;
            tally.summary.bytes += batch.get_array_memory_size() as u64;
            (tally.on_progress)(tally.summary);
        }
        Ok(())
    }

    /// Scores the Parquet input at `path` into JSONL: each scored row as a JSON object of its
    /// columns (nulls left out) with `chaff` added.
    pub(super) fn parquet_to_jsonl<W: Write>(
        &self,
        name: &str,
        path: &Path,
        out: &mut Output<W>,
        on_error: &mut dyn FnMut(&RecordError),
        on_progress: &mut dyn FnMut(&Summary),
        summary: &mut Summary,
    ) -> Result<()> {
        let mut write = |batch: &RecordBatch, rows: &Rows| {
            let lines = json_lines(batch, rows).map_err(|e| Error::Parquet { path: path.to_path_buf(), message: e })?;
            let verdicts = rows.iter().filter_map(|r| r.as_ref().ok());
            for (line, verdict) in lines.iter().zip(verdicts) {
                let fields = JsonFields::parse(line).map_err(|e| Error::Parquet { path: path.to_path_buf(), message: e })?;
                let mut record = Vec::with_capacity(line.len() + 256);
                fields.write_with(line, VERDICT_COLUMN, &serde_json::to_string(verdict).expect("verdicts serialise"), &mut record);
                record.push(b'\n');
                out.write_record(&record)?;
            }
            Ok(())
        };
        let mut tally = Tally { summary, on_error, on_progress };
        self.each_parquet_batch(name, path, &mut tally, &|_| None, &mut write)
    }

    /// Scores every input into the Parquet file at `output`: the columns of the first
    /// Parquet input as they were (a `chaff` column among them is replaced) and a struct
    /// column `chaff` with the verdict. Inputs whose columns differ from the first one's,
    /// and inputs that are not Parquet, are refused whole, each as one failed record.
    /// Failed rows are handed to `on_error`, `on_progress` sees the summary after each
    /// batch.
    ///
    /// # Errors
    /// [`Error::Io`] when the output cannot be created; [`Error::Output`] when writing it
    /// fails (the file is then not a whole Parquet file).
    pub fn run_to_parquet(
        &self,
        inputs: impl IntoIterator<Item = Result<super::Input, RecordError>>,
        output: &Path,
        on_error: &mut dyn FnMut(&RecordError),
        on_progress: &mut dyn FnMut(&Summary),
    ) -> Result<Summary> {
        let file = File::create(output).map_err(|e| Error::io(output, e))?;
        let mut out = ParquetOutput { name: output.display().to_string(), file: Some(file), writer: None, written: 0 };
        let mut summary = Summary::default();
        let mut tally = Tally { summary: &mut summary, on_error, on_progress };
        for input in inputs {
            let (name, path) = match input {
                Ok(super::Input::Parquet { name, path }) => (name, path),
                Ok(other) => {
                    let message = "Parquet output (-o FILE.parquet) takes Parquet inputs only".to_string();
                    tally.fail(&RecordError::at_line(other.name(), 0, None, message));
                    continue;
                }
                Err(e) => {
                    tally.fail(&e);
                    continue;
                }
            };
            let columns = out.columns();
            let check = move |schema: &Schema| {
                let differ = columns.as_ref().is_some_and(|c| c.as_ref() != &without_verdict(schema));
                differ.then(|| "its columns differ from those of the first Parquet input".to_string())
            };
            let mut write = |batch: &RecordBatch, rows: &Rows| {
                let kept = scored_rows(batch, rows).map_err(|e| out.error(e))?;
                let verdicts: Vec<&RecordVerdict> = rows.iter().filter_map(|r| r.as_ref().ok()).collect();
                out.write(self, kept, &verdicts)
            };
            self.each_parquet_batch(&name, &path, &mut tally, &check, &mut write)?;
        }
        out.finish(self)?;
        Ok(summary)
    }
}

/// The scored rows of `batch` as JSON objects, one per line, without a `chaff` column.
fn json_lines(batch: &RecordBatch, rows: &Rows) -> Result<Vec<String>, String> {
    let kept = scored_rows(batch, rows)?;
    let mut buffer = Vec::new();
    let mut writer = arrow_json::LineDelimitedWriter::new(&mut buffer);
    writer.write(&kept).and_then(|()| writer.finish()).map_err(|e| format!("cannot write a row as JSON: {e}"))?;
    let text = String::from_utf8(buffer).map_err(|e| e.to_string())?;
    // Every scored row is one line, an empty object included.
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    match lines.len() == kept.num_rows() {
        true => Ok(lines),
        false => Err(format!("{} rows came out as {} JSON lines", kept.num_rows(), lines.len())),
    }
}
