"""Type stubs of chaff's native module (re-exported by ``chaff``)."""

from os import PathLike
from typing import Any, Dict, Iterable, List, Literal, Optional, Tuple, Union, overload

__version__: str

class ChaffError(ValueError):
    """An error from chaff, with chaff's message: a model file that cannot be used, a
    document over the classifier's limits, a bad parameter."""

class Reason:
    """A feature that pushed a decision."""

    @property
    def feature(self) -> str: ...
    @property
    def value(self) -> float: ...
    @property
    def contribution(self) -> float: ...

class Line:
    """The verdict on one line; ``start``/``end`` are ``str`` indices of the text, end
    exclusive, without the line end; ``label`` is None for a blank line."""

    @property
    def index(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> Optional[Literal["content", "boilerplate", "spam"]]: ...
    @property
    def probability(self) -> float: ...
    @property
    def p_content(self) -> float: ...
    @property
    def p_boilerplate(self) -> float: ...
    @property
    def p_spam(self) -> float: ...
    @property
    def reasons(self) -> List[Reason]: ...

Span = Tuple[int, int, Literal["boilerplate", "spam"], float]

class Verdict:
    """The verdict on a document, as ``chaff score --spans`` gives it, with every line's."""

    @property
    def label(self) -> Literal["spam", "clean"]: ...
    @property
    def is_spam(self) -> bool: ...
    @property
    def p_spam(self) -> float: ...
    @property
    def spam_lines(self) -> List[int]: ...
    @property
    def boilerplate_lines(self) -> List[int]: ...
    @property
    def spans(self) -> List[Span]: ...
    @property
    def lines(self) -> List[Line]: ...
    @property
    def language(self) -> Optional[str]: ...
    @property
    def reasons(self) -> List[Reason]: ...
    @property
    def clean(self) -> Optional[str]:
        """The text without spam (and boilerplate) lines, with ``clean=True``."""
    def to_dict(self) -> Dict[str, Any]:
        """``{"label", "p_spam", "spam_lines", "boilerplate_lines", "spans"}`` (and
        ``"clean"`` with ``clean=True``) as ``chaff score --spans`` writes it under
        ``"chaff"``."""

class Classifier:
    """Classifies text with the built-in model or a model file (``chaff train``)."""

    def __init__(
        self,
        model: Union[str, "PathLike[str]", None] = None,
        threshold: Optional[float] = None,
        max_bytes: int = 8388608,
        max_lines: int = 100000,
    ) -> None: ...
    @property
    def threshold(self) -> float: ...
    def classify(
        self, text: str, *, explain: bool = False, clean: bool = False, keep_boilerplate: bool = False
    ) -> Verdict:
        """The verdict on ``text``; raises ChaffError for a document over the limits."""
    @overload
    def classify_batch(
        self,
        texts: Iterable[str],
        *,
        threads: Optional[int] = None,
        explain: bool = False,
        clean: bool = False,
        keep_boilerplate: bool = False,
        return_exceptions: Literal[False] = False,
    ) -> List[Verdict]: ...
    @overload
    def classify_batch(
        self,
        texts: Iterable[str],
        *,
        threads: Optional[int] = None,
        explain: bool = False,
        clean: bool = False,
        keep_boilerplate: bool = False,
        return_exceptions: Literal[True],
    ) -> List[Union[Verdict, ChaffError]]: ...
    def clean(self, text: str, *, keep_boilerplate: bool = False) -> str:
        """``text`` without spam (and boilerplate) lines, as ``chaff score --clean``."""
