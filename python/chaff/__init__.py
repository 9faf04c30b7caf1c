"""chaff: finds injected spam and site boilerplate in scraped multilingual text.

>>> import chaff
>>> classifier = chaff.Classifier()
>>> verdict = classifier.classify("Giá vàng hôm nay tăng mạnh.\\nSoi kèo nhà cái uy tín tại kuwin88.vip")
>>> verdict.label, verdict.spam_lines  # doctest: +SKIP
('spam', [1])

The verdicts are those of ``chaff score --spans --clean`` on the same texts. Integrations:
``chaff.datatrove.ChaffFilter`` (needs ``datatrove``) and ``chaff.spark.score_dataframe``
(needs ``pyspark``, ``pyarrow`` and ``pandas``); neither is imported by ``import chaff``.
"""

from ._chaff import ChaffError, Classifier, Line, Reason, Verdict, __version__

__all__ = ["ChaffError", "Classifier", "Line", "Reason", "Verdict", "__version__"]
