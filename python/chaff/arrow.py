"""chaff on Arrow data: a column of verdicts for a table's text column.

Used by :mod:`chaff.spark` and by Ray Data's ``map_batches(..., batch_format="pyarrow")``.
Needs ``pyarrow``.

The ``chaff`` column is a struct with the fields of ``chaff score --spans`` (and ``clean``
with ``clean=True``) and ``error``: a text that cannot be classified (null, or over the
classifier's limits) gets null verdict fields and chaff's message in ``error``, so that
every row comes out.
"""

from functools import lru_cache
from typing import Optional, Union

import pyarrow as pa

from ._chaff import ChaffError, Classifier

SPAN = pa.struct(
    [("start", pa.int64()), ("end", pa.int64()), ("class", pa.string()), ("probability", pa.float64())]
)


def verdict_type(clean: bool = False) -> pa.DataType:
    """The Arrow type of the verdict column (``clean`` adds the clean text)."""
    fields = [
        ("label", pa.string()),
        ("p_spam", pa.float64()),
        ("spam_lines", pa.list_(pa.int64())),
        ("boilerplate_lines", pa.list_(pa.int64())),
        ("spans", pa.list_(SPAN)),
    ]
    if clean:
        fields.append(("clean", pa.string()))
    fields.append(("error", pa.string()))
    return pa.struct(fields)


@lru_cache(maxsize=8)
def classifier(model: Optional[str] = None, threshold: Optional[float] = None) -> Classifier:
    """A classifier per model and threshold, built once per process (a Spark or Ray worker)."""
    return Classifier(model=model, threshold=threshold)


def _row(verdict, clean: bool) -> dict:
    """One value of the verdict column."""
    if isinstance(verdict, (ChaffError, str)):
        row = {"label": None, "p_spam": None, "spam_lines": None, "boilerplate_lines": None, "spans": None}
        row["error"] = str(verdict)
        return row
    row = verdict.to_dict()
    row["spans"] = [dict(zip(("start", "end", "class", "probability"), span)) for span in row["spans"]]
    row["error"] = None
    return row


def score_table(
    data: Union[pa.Table, pa.RecordBatch],
    text_column: str = "text",
    output_column: str = "chaff",
    *,
    model: Optional[str] = None,
    threshold: Optional[float] = None,
    clean: bool = False,
    keep_boilerplate: bool = False,
    threads: Optional[int] = None,
) -> Union[pa.Table, pa.RecordBatch]:
    """``data`` with a verdict column ``output_column`` added (replacing a column of that
    name): the verdicts on ``text_column`` as ``chaff score --spans`` (``--clean`` with
    ``clean=True``) gives them, computed on all cores (or ``threads``)."""
    texts = data.column(text_column).to_pylist()
    present = [t for t in texts if t is not None]
    verdicts = iter(
        classifier(model, threshold).classify_batch(
            present, threads=threads, clean=clean, keep_boilerplate=keep_boilerplate, return_exceptions=True
        )
    )
    rows = [_row(f'"{text_column}" is null' if t is None else next(verdicts), clean) for t in texts]
    column = pa.array(rows, type=verdict_type(clean))
    names = [n for n in data.schema.names if n != output_column]
    columns = [data.column(n) for n in names] + [column]
    kind = pa.Table if isinstance(data, pa.Table) else pa.RecordBatch
    return kind.from_arrays(columns, names=names + [output_column])
