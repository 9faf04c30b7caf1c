"""chaff on Spark DataFrames (needs ``pyspark`` and ``pyarrow``; chaff installed on every
executor).

>>> from chaff.spark import score_dataframe
>>> scored = score_dataframe(spark.read.json("crawl.jsonl"), text_col="text")  # doctest: +SKIP
>>> scored.filter("chaff.label = 'clean'").select("id", "text")  # doctest: +SKIP
"""

from typing import Optional

from .arrow import score_table


def verdict_type(clean: bool = False):
    """The Spark type of the verdict column: ``label``, ``p_spam``, ``spam_lines``,
    ``boilerplate_lines``, ``spans`` (``start``, ``end``, ``class``, ``probability``),
    ``clean`` with ``clean=True``, and ``error`` (null unless the text could not be
    classified)."""
    from pyspark.sql.types import (
        ArrayType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    span = StructType(
        [
            StructField("start", LongType()),
            StructField("end", LongType()),
            StructField("class", StringType()),
            StructField("probability", DoubleType()),
        ]
    )
    fields = [
        StructField("label", StringType()),
        StructField("p_spam", DoubleType()),
        StructField("spam_lines", ArrayType(LongType())),
        StructField("boilerplate_lines", ArrayType(LongType())),
        StructField("spans", ArrayType(span)),
    ]
    if clean:
        fields.append(StructField("clean", StringType()))
    fields.append(StructField("error", StringType()))
    return StructType(fields)


def score_dataframe(
    df,
    text_col: str = "text",
    output_col: str = "chaff",
    *,
    model: Optional[str] = None,
    threshold: Optional[float] = None,
    clean: bool = False,
    keep_boilerplate: bool = False,
    threads: Optional[int] = None,
):
    """``df`` with a struct column ``output_col`` added (replacing one of that name): the
    verdict on ``text_col`` of every row, as ``chaff score --spans`` gives it (``--clean``
    with ``clean=True``). Runs with ``mapInArrow``: each batch of rows is classified on the
    executor's cores (or ``threads``); ``model`` is a model file's path on the executors."""
    from pyspark.sql.types import StructField, StructType

    if output_col in df.columns:
        df = df.drop(output_col)
    schema = StructType(df.schema.fields + [StructField(output_col, verdict_type(clean))])
    options = dict(model=model, threshold=threshold, clean=clean, keep_boilerplate=keep_boilerplate, threads=threads)

    def score(batches):
        for batch in batches:
            yield score_table(batch, text_col, output_col, **options)

    return df.mapInArrow(score, schema)
