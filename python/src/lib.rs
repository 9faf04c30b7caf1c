//! chaff's Python module, `chaff._chaff` (re-exported by the `chaff` package): a
//! [`Classifier`] over the built-in model or a model file, whose verdicts are those of
//! `chaff score --spans --clean` on the same texts.
//!
//! Every verdict is computed without the GIL; `classify_batch` runs on rayon's pool (all
//! cores) or on a pool of its own of `threads` threads.

use std::borrow::Cow;
use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rayon::prelude::*;

use chaff::batch::{clean_text, line_char_ranges, spans_of_lines};
use chaff::{Limits, LineClass, Model};

pyo3::create_exception!(
    chaff,
    ChaffError,
    PyValueError,
    "An error from chaff, with chaff's message: a model file that cannot be used, a document \
     over the classifier's limits, a bad parameter."
);

/// A chaff error as a Python exception.
fn chaff_error(error: impl ToString) -> PyErr {
    ChaffError::new_err(error.to_string())
}

/// A feature that pushed a decision: its name, its value and its contribution to the
/// log-odds of the decided class.
#[pyclass(module = "chaff", frozen, get_all)]
#[derive(Clone)]
struct Reason {
    feature: String,
    value: f64,
    contribution: f64,
}

#[pymethods]
impl Reason {
    fn __repr__(&self) -> String {
        format!("Reason(feature={:?}, value={}, contribution={})", self.feature, self.value, self.contribution)
    }
}

/// The verdict on one line: its 0-based `index`, its `start` and `end` in characters of the
/// text (Python `str` indices, end exclusive, without the line end), its `label`
/// (`"content"`, `"boilerplate"`, `"spam"`, or `None` for a blank line), the `probability`
/// of that label, the probabilities of the three classes, and with `explain=True` its
/// `reasons`.
#[pyclass(module = "chaff", frozen, get_all)]
#[derive(Clone)]
struct Line {
    index: usize,
    start: usize,
    end: usize,
    label: Option<&'static str>,
    probability: f64,
    p_content: f64,
    p_boilerplate: f64,
    p_spam: f64,
    reasons: Vec<Reason>,
}

#[pymethods]
impl Line {
    fn __repr__(&self) -> String {
        let label = self.label.map_or("None".to_string(), |l| format!("{l:?}"));
        format!("Line(index={}, start={}, end={}, label={label}, probability={})", self.index, self.start, self.end, self.probability)
    }
}

/// The verdict on a document: its `label` (`"spam"` or `"clean"`) and `p_spam`, the
/// indices of its `spam_lines` and `boilerplate_lines`, every line's verdict in `lines`,
/// the `spans` of its spam and boilerplate lines as `(start, end, class, probability)` in
/// characters (as `chaff score --spans` writes them), its detected `language`, with
/// `explain=True` the `reasons` of the document decision, and with `clean=True` the `clean`
/// text (as `chaff score --clean` writes it; `None` otherwise).
#[pyclass(module = "chaff", frozen, get_all)]
#[derive(Clone)]
struct Verdict {
    label: &'static str,
    p_spam: f64,
    spam_lines: Vec<usize>,
    boilerplate_lines: Vec<usize>,
    spans: Vec<(usize, usize, &'static str, f64)>,
    lines: Vec<Line>,
    language: Option<&'static str>,
    reasons: Vec<Reason>,
    clean: Option<String>,
}

#[pymethods]
impl Verdict {
    /// The verdict as `chaff score --spans` adds it to a record under `"chaff"`:
    /// `{"label", "p_spam", "spam_lines", "boilerplate_lines", "spans"}`, spans as lists,
    /// and `"clean"` when the verdict has the clean text (as with `--clean`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("label", self.label)?;
        dict.set_item("p_spam", self.p_spam)?;
        dict.set_item("spam_lines", &self.spam_lines)?;
        dict.set_item("boilerplate_lines", &self.boilerplate_lines)?;
        let spans = PyList::empty(py);
        for &(start, end, class, p) in &self.spans {
            spans.append(PyList::new(py, [start.into_pyobject(py)?.into_any(), end.into_pyobject(py)?.into_any(), class.into_pyobject(py)?.into_any(), p.into_pyobject(py)?.into_any()])?)?;
        }
        dict.set_item("spans", spans)?;
        if let Some(clean) = &self.clean {
            dict.set_item("clean", clean)?;
        }
        Ok(dict)
    }

    /// Whether the document is spam.
    #[getter]
    fn is_spam(&self) -> bool {
        self.label == "spam"
    }

    fn __repr__(&self) -> String {
        format!(
            "Verdict(label={:?}, p_spam={}, spam_lines={:?}, boilerplate_lines={:?})",
            self.label, self.p_spam, self.spam_lines, self.boilerplate_lines
        )
    }
}

/// Reasons as Python objects.
fn reasons(reasons: &[chaff::Reason]) -> Vec<Reason> {
    reasons
        .iter()
        .map(|r| Reason { feature: r.feature.to_string(), value: r.value, contribution: r.contribution })
        .collect()
}

/// What a verdict holds beyond the label, the lines and the spans.
#[derive(Clone, Copy)]
struct Extras {
    /// The features that pushed each decision.
    explain: bool,
    /// The clean text.
    clean: bool,
    /// With `clean`, keep boilerplate lines.
    keep_boilerplate: bool,
}

/// The Python verdict on `text` from chaff's.
fn verdict(text: &str, v: &chaff::Verdict, extras: Extras) -> Verdict {
    let ranges = line_char_ranges(text);
    let lines = v
        .lines()
        .iter()
        .zip(ranges.iter().copied())
        .map(|(line, (start, end))| Line {
            index: line.index,
            start,
            end,
            label: line.class.map(LineClass::as_str),
            probability: line.probability(),
            p_content: line.probs[LineClass::Content.index()],
            p_boilerplate: line.probs[LineClass::Boilerplate.index()],
            p_spam: line.probs[LineClass::Spam.index()],
            reasons: reasons(&line.reasons),
        })
        .collect();
    Verdict {
        label: v.label().as_str(),
        p_spam: v.p_spam(),
        spam_lines: v.lines_of(LineClass::Spam),
        boilerplate_lines: v.lines_of(LineClass::Boilerplate),
        spans: spans_of_lines(&ranges, v).into_iter().map(|(s, e, class, p)| (s, e, class.as_str(), p)).collect(),
        lines,
        language: v.language(),
        reasons: reasons(v.reasons()),
        clean: extras.clean.then(|| clean_text(text, v, extras.keep_boilerplate)),
    }
}

/// Classifies text with chaff's built-in model or a model file.
///
/// `Classifier(model=None, threshold=None, max_bytes=8 MiB, max_lines=100000)`: `model` is
/// the path of a model JSON (`chaff train`), `threshold` the document spam threshold
/// instead of the model's own, and a document over `max_bytes` bytes of UTF-8 or
/// `max_lines` lines is refused with `ChaffError`, never cut. The verdicts are those of
/// `chaff score` with the same options.
#[pyclass(module = "chaff", frozen)]
struct Classifier {
    model: Cow<'static, Model>,
    threshold: Option<f64>,
    limits: Limits,
}

impl Classifier {
    /// The library's classifier over this one's model and options (cheap: borrows the model).
    fn inner(&self) -> chaff::Classifier<'_> {
        let classifier = chaff::Classifier::new(&self.model).with_limits(self.limits);
        match self.threshold {
            Some(t) => classifier.with_threshold(t),
            None => classifier,
        }
    }

    /// The verdict on `text`, with what `extras` asks for.
    fn judge(&self, text: &str, extras: Extras) -> chaff::Result<Verdict> {
        let classifier = self.inner();
        let v = if extras.explain { classifier.explain(text)? } else { classifier.classify(text)? };
        Ok(verdict(text, &v, extras))
    }
}

/// Loads the model at `path`; the error names the file once, as the command line does
/// (`cannot use model m.json: No such file or directory (os error 2)`).
fn load_model(path: &std::path::Path) -> PyResult<Model> {
    Model::load(path).map_err(|e| {
        let message = match e {
            chaff::Error::Io { error, .. } => error.to_string(),
            other => other.to_string(),
        };
        ChaffError::new_err(format!("cannot use model {}: {message}", path.display()))
    })
}

#[pymethods]
impl Classifier {
    #[new]
    #[pyo3(signature = (model=None, threshold=None, max_bytes=Limits::DEFAULT_MAX_BYTES, max_lines=Limits::DEFAULT_MAX_LINES))]
    fn new(model: Option<PathBuf>, threshold: Option<f64>, max_bytes: usize, max_lines: usize) -> PyResult<Self> {
        if let Some(t) = threshold.filter(|t| !(0.0..=1.0).contains(t)) {
            return Err(ChaffError::new_err(format!("threshold {t} is not between 0 and 1")));
        }
        let model = match model {
            Some(path) => Cow::Owned(load_model(&path)?),
            None => Cow::Borrowed(Model::builtin().map_err(chaff_error)?),
        };
        Ok(Classifier { model, threshold, limits: Limits { max_bytes, max_lines } })
    }

    /// The document spam threshold in use.
    #[getter]
    fn threshold(&self) -> f64 {
        self.inner().threshold()
    }

    /// Classifies `text`; with `explain=True` the verdict and its lines carry the features
    /// that pushed each decision most; with `clean=True` the verdict's `clean` is the text
    /// without spam lines, and without boilerplate lines unless `keep_boilerplate`. Raises
    /// `ChaffError` for a document over the limits.
    #[pyo3(signature = (text, *, explain=false, clean=false, keep_boilerplate=false))]
    fn classify(&self, py: Python<'_>, text: String, explain: bool, clean: bool, keep_boilerplate: bool) -> PyResult<Verdict> {
        let extras = Extras { explain, clean, keep_boilerplate };
        py.allow_threads(|| self.judge(&text, extras)).map_err(chaff_error)
    }

    /// Classifies every text of `texts` (any iterable of `str`) in parallel, without the
    /// GIL, and returns their verdicts in order: on all cores, or on `threads` threads.
    /// `explain`, `clean` and `keep_boilerplate` as for `classify`.
    /// A text that cannot be classified raises `ChaffError` naming its index, unless
    /// `return_exceptions=True`, which puts the `ChaffError` in its place in the list.
    #[pyo3(signature = (texts, *, threads=None, explain=false, clean=false, keep_boilerplate=false, return_exceptions=false))]
    #[allow(clippy::too_many_arguments)]
    fn classify_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
        explain: bool,
        clean: bool,
        keep_boilerplate: bool,
        return_exceptions: bool,
    ) -> PyResult<Vec<PyObject>> {
        let extras = Extras { explain, clean, keep_boilerplate };
        if texts.is_instance_of::<pyo3::types::PyString>() {
            return Err(pyo3::exceptions::PyTypeError::new_err("texts must be an iterable of str, not a str"));
        }
        let texts: Vec<String> = texts.try_iter()?.map(|t| t?.extract::<String>()).collect::<PyResult<_>>()?;
        let pool = match threads {
            Some(0) => return Err(ChaffError::new_err("threads must be at least 1")),
            Some(n) => Some(rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(chaff_error)?),
            None => None,
        };
        let results: Vec<chaff::Result<Verdict>> = py.allow_threads(|| {
            let run = || texts.par_iter().map(|text| self.judge(text, extras)).collect();
            match &pool {
                Some(pool) => pool.install(run),
                None => run(),
            }
        });
        results
            .into_iter()
            .enumerate()
            .map(|(i, result)| match result {
                Ok(v) => Ok(Py::new(py, v)?.into_any()),
                Err(e) if return_exceptions => Ok(chaff_error(e).into_value(py).into_any()),
                Err(e) => Err(ChaffError::new_err(format!("text {i}: {e}"))),
            })
            .collect()
    }

    /// The text without its spam lines, and without its boilerplate lines unless
    /// `keep_boilerplate`: what `chaff score --clean` writes as `chaff.clean` (lines joined
    /// by `\n`, a final line break kept).
    #[pyo3(signature = (text, *, keep_boilerplate=false))]
    fn clean(&self, py: Python<'_>, text: String, keep_boilerplate: bool) -> PyResult<String> {
        py.allow_threads(|| Ok::<_, chaff::Error>(clean_text(&text, &self.inner().classify(&text)?, keep_boilerplate)))
            .map_err(chaff_error)
    }

    fn __repr__(&self) -> String {
        format!("Classifier(threshold={})", self.threshold())
    }
}

/// chaff's native module.
#[pymodule]
fn _chaff(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Classifier>()?;
    m.add_class::<Verdict>()?;
    m.add_class::<Line>()?;
    m.add_class::<Reason>()?;
    m.add("ChaffError", m.py().get_type::<ChaffError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
