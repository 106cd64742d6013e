"""The values passed between stages: frozen, compared by value."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal


class Qualifier(str, enum.Enum):
    """How exact a value is, as SCHEMA spells it."""

    EXACT = "="
    AT_LEAST = ">="
    MORE = ">"
    AT_MOST = "<="
    LESS = "<"
    ABOUT = "~"

    def __str__(self) -> str:
        return self.value


class Kind(str, enum.Enum):
    """What sort of statistic a fact is."""

    LEVEL = "level"
    CHANGE = "change"
    GROWTH = "growth"
    RANK = "rank"
    RATIO = "ratio"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text, resolved to its base unit."""

    value: Decimal  # 2009.52亿元 -> Decimal("200952000000")
    unit: str  # canonical unit; "" for a bare index or a ratio part
    qualifier: Qualifier
    text: str  # exactly as written
    start: int  # offsets in the decoded article, end exclusive
    end: int
    rule: str  # id of the rule that found it
    family: str = ""  # unit family from units.toml (currency, percent, count …)
    kind: Kind | None = None  # set when the construction itself decides it (rank, ratio, 个百分点)
    per: str = ""  # denominator of a per-unit amount: 7.54万元/吨 -> "吨"


@dataclass(frozen=True, slots=True)
class Fact:
    """A quantity with what it measures, about whom, and when."""

    doc_id: str
    quantity: Quantity
    subject: str
    metric: str
    period: str
    kind: Kind
    sentence: str
    mentions: int = 1
    explain: tuple[str, ...] = field(default=(), compare=False)  # rule ids behind the row

    @property
    def value(self) -> Decimal:
        return self.quantity.value

    @property
    def unit(self) -> str:
        return self.quantity.unit

    @property
    def qualifier(self) -> Qualifier:
        return self.quantity.qualifier

    @property
    def text(self) -> str:
        return self.quantity.text

    @property
    def start(self) -> int:
        return self.quantity.start

    @property
    def end(self) -> int:
        return self.quantity.end


@dataclass(frozen=True, slots=True)
class Article:
    """A decoded article: its id, its text, and where it came from."""

    doc_id: str
    text: str
    path: str = ""
    encoding: str = "utf-8"
