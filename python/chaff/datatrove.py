"""chaff as a datatrove filter (needs ``datatrove``).

>>> from datatrove.executor import LocalPipelineExecutor
>>> from datatrove.pipeline.readers import JsonlReader
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from chaff.datatrove import ChaffFilter
>>> LocalPipelineExecutor(pipeline=[JsonlReader("in/"), ChaffFilter(), JsonlWriter("out/")]).run()  # doctest: +SKIP

Every document that passes gets ``chaff_label``, ``chaff_p_spam`` and ``chaff_spans``
(``[start, end, class, probability]`` of its spam and boilerplate lines, in characters of
the text it had when it was classified) in its metadata, as do the dropped ones that an
``exclusion_writer`` saves. The drop reasons show in datatrove's stats as
``dropped_chaff_spam``, ``dropped_chaff_empty`` and ``dropped_chaff_error``.
"""

from typing import Optional

from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.writers.disk_base import DiskWriter

from ._chaff import ChaffError, Classifier


class ChaffFilter(BaseFilter):
    """Drops spam documents, or with ``action="clean"`` keeps every document without its
    spam lines (and without its boilerplate lines with ``remove_boilerplate=True``).

    Args:
        action: ``"drop"`` drops the documents chaff labels spam (reason ``chaff_spam``);
            ``"clean"`` replaces each document's text with ``chaff score --clean``'s text
            and drops a document left with no text (reason ``chaff_empty``).
        remove_boilerplate: with ``action="clean"``, also remove boilerplate lines.
        model: path of a model file (``chaff train``); the built-in model by default.
        threshold: document spam threshold instead of the model's own.
        batch_size: documents classified at once, in parallel on ``threads`` threads (all
            cores by default).
        exclusion_writer: a datatrove writer for the dropped documents.

    A document chaff cannot classify (over its size limits) is dropped with reason
    ``chaff_error`` and its message in ``chaff_error`` in the metadata.
    """

    name = "🌾 chaff"

    def __init__(
        self,
        action: str = "drop",
        remove_boilerplate: bool = False,
        model: Optional[str] = None,
        threshold: Optional[float] = None,
        batch_size: int = 256,
        threads: Optional[int] = None,
        exclusion_writer: Optional[DiskWriter] = None,
    ):
        if action not in ("drop", "clean"):
            raise ValueError(f'action must be "drop" or "clean", not {action!r}')
        if remove_boilerplate and action != "clean":
            raise ValueError('remove_boilerplate=True needs action="clean"')
        super().__init__(exclusion_writer=exclusion_writer, batch_size=batch_size)
        self.action = action
        self.remove_boilerplate = remove_boilerplate
        self.model = model
        self.threshold = threshold
        self.threads = threads
        # Built in the worker that runs the step: the native classifier is not pickled.
        self._classifier: Optional[Classifier] = None
        # Fails here, not in the workers, when the model or the threshold cannot be used.
        Classifier(model=model, threshold=threshold)

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_classifier"] = None
        return state

    @property
    def classifier(self) -> Classifier:
        """The classifier, built on first use."""
        if self._classifier is None:
            self._classifier = Classifier(model=self.model, threshold=self.threshold)
        return self._classifier

    def filter(self, doc):
        return self.filter_batch([doc])[0]

    def filter_batch(self, batch):
        verdicts = self.classifier.classify_batch(
            [doc.text for doc in batch],
            threads=self.threads,
            clean=self.action == "clean",
            keep_boilerplate=not self.remove_boilerplate,
            return_exceptions=True,
        )
        return [self._judge(doc, verdict) for doc, verdict in zip(batch, verdicts)]

    def _judge(self, doc, verdict):
        """Writes the verdict into ``doc`` and says whether to keep it."""
        if isinstance(verdict, ChaffError):
            doc.metadata["chaff_error"] = str(verdict)
            return False, "chaff_error"
        doc.metadata["chaff_label"] = verdict.label
        doc.metadata["chaff_p_spam"] = verdict.p_spam
        doc.metadata["chaff_spans"] = [list(span) for span in verdict.spans]
        if self.action == "drop":
            return (False, "chaff_spam") if verdict.is_spam else True
        doc.text = verdict.clean
        return True if doc.text.strip() else (False, "chaff_empty")
