//! chaff's integration tests, one binary (see `Cargo.toml`).

mod util;

mod attributes;
mod cli;
mod fuzzing;
mod multilingual;
mod perturbation;
mod properties;
mod readme;
mod score;
mod seeds;
mod train_eval;
mod training_data;
mod warc;

/// The classifier can be shared between threads.
#[test]
fn classifier_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<chaff::Classifier<'static>>();
    assert_send_sync::<chaff::Model>();
    assert_send_sync::<chaff::Verdict>();
}
