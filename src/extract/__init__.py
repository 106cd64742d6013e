"""Pull statistics out of Chinese news: quantities with exact values, and the facts they state.

    >>> import extract
    >>> [q.text for q in extract.find_quantities("累计为225家科技型企业提供贷款4.02亿元")]
    ['225家', '4.02亿元']

Nothing is built at import; the convenience functions build one default `Extractor`
on first use and reuse it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ExtractError, InputError, PatternError
from .model import Article, Fact, Kind, Qualifier, Quantity
from .rules import Rules, load_rules

if TYPE_CHECKING:
    from .pipeline import Extractor

__all__ = [
    "Article", "ExtractError", "Extractor", "Fact", "InputError", "Kind", "PatternError", "Qualifier",
    "Quantity", "Rules", "extract_facts", "find_quantities", "load_rules", "read_facts", "to_frame",
]

_default: "Extractor | None" = None


def default_extractor() -> "Extractor":
    """The shared Extractor with the bundled patterns, built on first use."""
    global _default
    if _default is None:
        from .pipeline import Extractor

        _default = Extractor()
    return _default


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`: value in base units, unit, qualifier, text and offsets."""
    return default_extractor().quantities(text)


def extract_facts(text: str, *, doc_id: str = "") -> list[Fact]:
    """The facts one article states, one per fact, repeated mentions merged."""
    return default_extractor().extract_text(text, doc_id=doc_id)


def to_frame(facts):
    """Facts as a pandas DataFrame in SCHEMA's column order."""
    from .table import to_frame as build

    return build(facts)


def read_facts(path):
    """A facts CSV as the same DataFrame shape `to_frame` gives."""
    from .table import read_facts as read

    return read(path)


def __getattr__(name: str):
    if name == "Extractor":
        from .pipeline import Extractor

        return Extractor
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
