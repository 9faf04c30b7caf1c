//! chaff separates the wheat from the chaff in scraped text: it finds the lines injected
//! into a page (gambling and other SEO spam, glued keyword strings, blocks of unrelated
//! headlines or links) and the lines of site template (ad placeholders, comment counters,
//! `Source:` lines), and it scores whole documents, in many languages.
//!
//! # The pipeline
//!
//! 1. [`Document`]: the text split into lines ([`document`], [`segment`]).
//! 2. [`features`]: an [`Extractor`] analyses the document once and writes one feature row
//!    per line, family by family (script mixing, glued words, lexicons, register, the
//!    learned vocabulary, contrast with the page, headline blocks, topical coherence, links,
//!    boilerplate markers, language, shape and position, context).
//! 3. [`model::line`]: a multinomial logistic regression per line kind (headline, prose,
//!    other) gives each line the probabilities of content, boilerplate and spam.
//! 4. [`model::stacked`]: a second multinomial logistic regression weighs each line again in
//!    the light of its neighbours, its run of headlines and its page.
//! 5. [`model::document`]: aggregates of the lines and the page's densities feed a logistic
//!    regression for the document; the lines are then classed consistently with it.
//! 6. [`Classifier`] → [`Verdict`]: the document's label and probability, each line's class
//!    and probability, and with [`Classifier::explain`] the features that pushed each
//!    decision most.
//!
//! Time is linear in the document whatever its shape, and a [`Classifier`] refuses a
//! document over its [`Limits`] (8 MiB or 100,000 lines by default) with
//! [`Error::TooLarge`], which bounds its memory. The lexicons read through the tricks that
//! dodge keyword filters ([`normalize`]).
//!
//! [`batch`] streams JSONL records (WET/WARC pages, and with the `parquet` feature the rows
//! of Parquet files) through a classifier on all cores; [`train`] fits both
//! models with linfa-logistic; [`eval`] measures a model on labelled data. The default model
//! ships inside the library ([`Model::builtin`]).
//!
//! # Example
//!
//! ```
//! let text = "Giá vàng hôm nay tăng mạnh trên thị trường trong nước, theo các doanh nghiệp.\n\
//!             Soi kèo nhà cái uy tín, đăng ký nhận thưởng 200% tại kuwin88.vip\n\
//!             Bình luận (0)";
//! let verdict = chaff::classify(text)?;
//! println!("{} (p = {:.2})", verdict.label().as_str(), verdict.p_spam());
//! for line in verdict.lines() {
//!     println!("{}: {:?}", line.index, line.class);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod batch;
pub mod chars;
pub mod classifier;
pub mod document;
pub mod error;
pub mod eval;
pub mod features;
pub mod model;
pub mod normalize;
pub mod resources;
pub mod segment;
pub mod train;

pub use classifier::{Classifier, Label, Limits, LineVerdict, Reason, Verdict, classify};
pub use document::{Document, decode_text};
pub use error::{Error, Result};
pub use features::{Extractor, LineFeatures, LineKind};
pub use model::{LineClass, Model};
