//! Parquet output: events as typed Arrow columns, written in row groups through arrow-rs.
//!
//! [`ParquetSink`] buffers up to [`BATCH_ROWS`] rows in Arrow builders and writes each full
//! buffer as one record batch (Snappy-compressed, which pyarrow, DuckDB, Spark and R's arrow
//! all read). Types: text as UTF-8 strings, `sentence_index`/`quad_class` as int32, `span` as a
//! list of int32, `goldstein`/`confidence` as float64, `future` as boolean, `date` as the
//! SCHEMA.md string plus `year` and `month` int32 columns (null when the date has no month).
//! No unsigned types are used, since Spark and R have none. [`read_events`] reads a file
//! back for checks; this module reads no other Parquet.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Float64Builder, Int32Builder, Int64Builder, ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use dyad_record::{Event, Story};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::{ExportError, Result};

/// Rows per record batch (and at most per row group).
pub const BATCH_ROWS: usize = 65_536;

/// The Arrow schema of an export.
pub fn schema(stories: bool) -> SchemaRef {
    let s = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let mut fields = vec![
        s("doc_id", false),
        s("event_id", false),
        Field::new("sentence_index", DataType::Int32, false),
        s("sentence", false),
        s("trigger", false),
        Field::new("span", DataType::List(Arc::new(Field::new("item", DataType::Int32, false))), false),
        s("source", false),
        s("source_country", false),
        s("source_agent", true),
        s("source_name", true),
        s("target", false),
        s("target_country", false),
        s("target_agent", true),
        s("target_name", true),
        s("code", false),
        s("root", false),
        Field::new("quad_class", DataType::Int32, false),
        Field::new("goldstein", DataType::Float64, false),
        s("plover", true),
        s("date", false),
        s("date_source", false),
        Field::new("future", DataType::Boolean, false),
        s("location", true),
        Field::new("confidence", DataType::Float64, false),
        Field::new("year", DataType::Int32, true),
        Field::new("month", DataType::Int32, true),
    ];
    if stories {
        fields.push(Field::new("mentions", DataType::Int64, false));
        fields.push(Field::new("doc_ids", DataType::List(Arc::new(Field::new("item", DataType::Utf8, false))), false));
    }
    Arc::new(Schema::new(fields))
}

/// Year and month of a SCHEMA.md date's first day: the contract crate's helper.
pub use dyad_record::year_month;

/// The f64 whose shortest decimal form is the f32's (1.9, not 1.899999976).
fn wide(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

struct Builders {
    text: Vec<StringBuilder>,
    sentence_index: Int32Builder,
    span: ListBuilder<Int32Builder>,
    quad_class: Int32Builder,
    goldstein: Float64Builder,
    future: BooleanBuilder,
    confidence: Float64Builder,
    year: Int32Builder,
    month: Int32Builder,
    mentions: Int64Builder,
    doc_ids: ListBuilder<StringBuilder>,
    len: usize,
}

/// Text columns in schema order: doc_id, event_id, sentence, trigger, source, source_country,
/// source_agent, source_name, target, target_country, target_agent, target_name, code, root,
/// plover, date, date_source, location.
const TEXT_COLUMNS: usize = 18;

impl Builders {
    fn new() -> Builders {
        Builders {
            text: (0..TEXT_COLUMNS).map(|_| StringBuilder::new()).collect(),
            sentence_index: Int32Builder::new(),
            span: ListBuilder::new(Int32Builder::new()).with_field(Field::new("item", DataType::Int32, false)),
            quad_class: Int32Builder::new(),
            goldstein: Float64Builder::new(),
            future: BooleanBuilder::new(),
            confidence: Float64Builder::new(),
            year: Int32Builder::new(),
            month: Int32Builder::new(),
            mentions: Int64Builder::new(),
            doc_ids: ListBuilder::new(StringBuilder::new()).with_field(Field::new("item", DataType::Utf8, false)),
            len: 0,
        }
    }

    fn push(&mut self, e: &Event, story: Option<&Story>) {
        let texts: [Option<&str>; TEXT_COLUMNS] = [
            Some(&e.doc_id),
            Some(&e.event_id),
            Some(&e.sentence),
            Some(&e.trigger),
            Some(&e.source),
            Some(&e.source_country),
            e.source_agent.as_deref(),
            e.source_name.as_deref(),
            Some(&e.target),
            Some(&e.target_country),
            e.target_agent.as_deref(),
            e.target_name.as_deref(),
            Some(&e.code),
            Some(&e.root),
            e.plover.as_deref(),
            Some(&e.date),
            Some(&e.date_source),
            e.location.as_deref(),
        ];
        for (b, v) in self.text.iter_mut().zip(texts) {
            b.append_option(v);
        }
        self.sentence_index.append_value(i32::try_from(e.sentence_index).unwrap_or(i32::MAX));
        for x in e.span {
            self.span.values().append_value(i32::try_from(x).unwrap_or(i32::MAX));
        }
        self.span.append(true);
        self.quad_class.append_value(i32::from(e.quad_class));
        self.goldstein.append_value(wide(e.goldstein));
        self.future.append_value(e.future);
        self.confidence.append_value(wide(e.confidence));
        let (y, m) = year_month(&e.date);
        self.year.append_option(y);
        self.month.append_option(m);
        if let Some(s) = story {
            self.mentions.append_value(s.mentions as i64);
            for id in &s.doc_ids {
                self.doc_ids.values().append_value(id);
            }
            self.doc_ids.append(true);
        }
        self.len += 1;
    }

    fn finish(&mut self, stories: bool) -> Vec<ArrayRef> {
        let mut t: Vec<ArrayRef> = self.text.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef).collect();
        // Pull text columns out in TEXT_COLUMNS order, interleaved with the typed ones.
        let mut text = t.drain(..);
        let mut next = || text.next().expect("TEXT_COLUMNS text builders");
        let mut cols: Vec<ArrayRef> = vec![
            next(),
            next(),
            Arc::new(self.sentence_index.finish()),
            next(),
            next(),
            Arc::new(self.span.finish()),
        ];
        for _ in 0..10 {
            cols.push(next());
        }
        cols.push(Arc::new(self.quad_class.finish()));
        cols.push(Arc::new(self.goldstein.finish()));
        cols.push(next()); // plover
        cols.push(next()); // date
        cols.push(next()); // date_source
        cols.push(Arc::new(self.future.finish()));
        cols.push(next()); // location
        cols.push(Arc::new(self.confidence.finish()));
        cols.push(Arc::new(self.year.finish()));
        cols.push(Arc::new(self.month.finish()));
        if stories {
            cols.push(Arc::new(self.mentions.finish()));
            cols.push(Arc::new(self.doc_ids.finish()));
        }
        self.len = 0;
        cols
    }
}

/// An open Parquet file being written.
pub struct ParquetSink {
    writer: ArrowWriter<File>,
    schema: SchemaRef,
    builders: Builders,
    stories: bool,
}

fn perr(path: &Path, e: impl std::fmt::Display) -> ExportError {
    ExportError::Parquet { path: path.to_path_buf(), reason: e.to_string() }
}

impl ParquetSink {
    pub fn new(file: File, stories: bool, path: &Path) -> Result<ParquetSink> {
        let schema = schema(stories);
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(BATCH_ROWS * 4))
            .set_created_by(format!("dyad {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(|e| perr(path, e))?;
        Ok(ParquetSink { writer, schema, builders: Builders::new(), stories })
    }

    pub fn push(&mut self, e: &Event, story: Option<&Story>, path: &Path) -> Result<()> {
        self.builders.push(e, story);
        if self.builders.len >= BATCH_ROWS {
            self.flush(path)?;
        }
        Ok(())
    }

    fn flush(&mut self, path: &Path) -> Result<()> {
        if self.builders.len == 0 {
            return Ok(());
        }
        let cols = self.builders.finish(self.stories);
        let batch = RecordBatch::try_new(self.schema.clone(), cols).map_err(|e| perr(path, e))?;
        self.writer.write(&batch).map_err(|e| perr(path, e))
    }

    pub fn finish(mut self, path: &Path) -> Result<()> {
        self.flush(path)?;
        let file = self.writer.into_inner().map_err(|e| perr(path, e))?;
        file.sync_all().map_err(|source| ExportError::Io { path: path.to_path_buf(), source })
    }
}

/// Reads the events of a Parquet file written by [`ParquetSink`] back, through the `parquet`
/// crate's Arrow reader: a check that an export round-trips (tests, `--verify`-style tools).
pub fn read_events(path: &Path) -> Result<Vec<Event>> {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Float64Type, Int32Type};
    use arrow_array::Array;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let file = File::open(path).map_err(|source| ExportError::Io { path: path.to_path_buf(), source })?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(file).and_then(|b| b.build()).map_err(|e| perr(path, e))?;
    let mut out = Vec::new();
    for batch in reader {
        let batch = batch.map_err(|e| perr(path, e))?;
        let col = |name: &str| batch.column_by_name(name).ok_or_else(|| perr(path, format!("no column `{name}`")));
        let text = |name: &str| -> Result<Vec<Option<String>>> {
            let c = col(name)?;
            let a = c.as_string_opt::<i32>().ok_or_else(|| perr(path, format!("`{name}` is not a string column")))?;
            Ok((0..a.len()).map(|i| a.is_valid(i).then(|| a.value(i).to_string())).collect())
        };
        let int = |name: &str| -> Result<Vec<i32>> {
            let a = col(name)?.as_primitive_opt::<Int32Type>().ok_or_else(|| perr(path, format!("`{name}` is not int32")))?.clone();
            Ok(a.values().to_vec())
        };
        let float = |name: &str| -> Result<Vec<f64>> {
            let a = col(name)?.as_primitive_opt::<Float64Type>().ok_or_else(|| perr(path, format!("`{name}` is not float64")))?.clone();
            Ok(a.values().to_vec())
        };
        let [doc_id, event_id, sentence, trigger, source, source_country, source_agent, source_name, target, target_country, target_agent, target_name, code, root, plover, date, date_source, location] =
            [
                "doc_id", "event_id", "sentence", "trigger", "source", "source_country", "source_agent", "source_name", "target",
                "target_country", "target_agent", "target_name", "code", "root", "plover", "date", "date_source", "location",
            ]
            .map(text);
        let (sentence_index, quad_class) = (int("sentence_index")?, int("quad_class")?);
        let (goldstein, confidence) = (float("goldstein")?, float("confidence")?);
        let future = col("future")?.as_boolean_opt().ok_or_else(|| perr(path, "`future` is not boolean"))?.clone();
        let span = col("span")?.as_list_opt::<i32>().ok_or_else(|| perr(path, "`span` is not a list"))?.clone();
        let (doc_id, event_id, sentence, trigger, source, source_country, source_agent, source_name) =
            (doc_id?, event_id?, sentence?, trigger?, source?, source_country?, source_agent?, source_name?);
        let (target, target_country, target_agent, target_name, code, root, plover, date, date_source, location) =
            (target?, target_country?, target_agent?, target_name?, code?, root?, plover?, date?, date_source?, location?);
        let req = |v: &Option<String>| v.clone().unwrap_or_default();
        for i in 0..batch.num_rows() {
            let sp = span.value(i);
            let sp = sp.as_primitive::<Int32Type>();
            out.push(Event {
                doc_id: req(&doc_id[i]),
                event_id: req(&event_id[i]),
                sentence_index: sentence_index[i] as usize,
                sentence: req(&sentence[i]),
                trigger: req(&trigger[i]),
                span: [sp.value(0) as usize, sp.value(1) as usize],
                source: req(&source[i]),
                source_country: req(&source_country[i]),
                source_agent: source_agent[i].clone(),
                source_name: source_name[i].clone(),
                target: req(&target[i]),
                target_country: req(&target_country[i]),
                target_agent: target_agent[i].clone(),
                target_name: target_name[i].clone(),
                code: req(&code[i]),
                root: req(&root[i]),
                quad_class: quad_class[i] as u8,
                goldstein: goldstein[i] as f32,
                plover: plover[i].clone(),
                date: req(&date[i]),
                date_source: req(&date_source[i]),
                future: future.value(i),
                location: location[i].clone(),
                confidence: confidence[i] as f32,
            });
        }
    }
    Ok(out)
}
