"""Score predicted facts against gold tables exactly as SCHEMA "Scoring" says.

1. Quantity match: equal unit, values equal within a relative tolerance of 1e-6; one to
   one. Pairs are taken greedily: first every candidate pair that is also a fact match,
   then the rest, each group in order of decreasing metric similarity plus subject
   similarity (Dice of character bigrams, 1 for containment).
2. Fact match: a quantity match whose metric and subject also agree.
3. Precision, recall and F1 for both, micro over all articles and per article; the share
   of quantity matches whose qualifier equals the gold's, and (where the gold period is
   not empty) whose period agrees; rank and ratio rows again on a line of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .phrases import phrase_similarity, phrases_agree, subject_similarity
from .table import read_fact_rows, read_rows

TOLERANCE = Decimal("1e-6")
REQUIRED_GOLD = ("doc_id", "subject", "metric", "value", "unit", "qualifier", "period", "kind", "text")
QUALIFIERS = frozenset({"=", ">=", ">", "<=", "<", "~"})
KINDS = frozenset({"level", "change", "growth", "rank", "ratio"})
SEPARATE_KINDS = frozenset({"rank", "ratio"})


@dataclass(frozen=True)
class Row:
    """One fact row as scoring sees it."""

    doc_id: str
    subject: str
    metric: str
    value: Decimal
    unit: str
    qualifier: str
    period: str
    kind: str
    text: str = ""
    source: str = ""  # file:line, for messages


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    quantity_matches: int = 0
    fact_matches: int = 0
    qualifier_agree: int = 0
    period_checked: int = 0
    period_agree: int = 0

    def add(self, other: "Counts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def prf(matches: int, predicted: int, gold: int) -> tuple[float, float, float]:
        precision = matches / predicted if predicted else (1.0 if not gold else 0.0)
        recall = matches / gold if gold else (1.0 if not predicted else 0.0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def quantity(self) -> tuple[float, float, float]:
        return self.prf(self.quantity_matches, self.predicted, self.gold)

    @property
    def fact(self) -> tuple[float, float, float]:
        return self.prf(self.fact_matches, self.predicted, self.gold)


@dataclass
class ArticleScore:
    doc_id: str
    counts: Counts
    separate: Counts  # rank and ratio rows only
    misses: list[Row] = field(default_factory=list)  # gold rows with no quantity match
    extras: list[Row] = field(default_factory=list)  # predicted rows with no quantity match
    wrong_context: list[tuple[Row, Row]] = field(default_factory=list)  # quantity but not fact matches


def values_equal(a: Decimal, b: Decimal) -> bool:
    """Equal within a relative tolerance of 1e-6 (both zero counts as equal)."""
    if a == b:
        return True
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


MONTH_RANGE = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")


def canonical_period(period: str) -> str:
    """2022-H1 → 2022-01/2022-06, 2021-Q3 → 2021-07/2021-09, 2021-08/2021-08 → 2021-08."""
    period = period.strip()
    found = re.fullmatch(r"(\d{4})-H([12])", period)
    if found:
        year, half = found.group(1), int(found.group(2))
        return f"{year}-{(half - 1) * 6 + 1:02d}/{year}-{half * 6:02d}"
    found = re.fullmatch(r"(\d{4})-Q([1-4])", period)
    if found:
        year, quarter = found.group(1), int(found.group(2))
        return f"{year}-{(quarter - 1) * 3 + 1:02d}/{year}-{quarter * 3:02d}"
    found = MONTH_RANGE.match(period)
    if found and found.group(1, 2) == found.group(3, 4):
        return f"{found.group(1)}-{found.group(2)}"
    return period


def periods_agree(predicted: str, gold: str) -> bool:
    return canonical_period(predicted) == canonical_period(gold)


def _similarity(predicted: Row, gold: Row) -> float:
    return phrase_similarity(predicted.metric, gold.metric) + subject_similarity(predicted.subject, gold.subject)


def is_fact_match(predicted: Row, gold: Row) -> bool:
    return phrases_agree(predicted.metric, gold.metric) and subject_similarity(predicted.subject, gold.subject) >= 0.5


def match_rows(predicted: list[Row], gold: list[Row]) -> list[tuple[int, int, bool]]:
    """Greedy one-to-one pairs (predicted index, gold index, is a fact match)."""
    fact_pairs, other_pairs = [], []
    for g, gold_row in enumerate(gold):
        for p, predicted_row in enumerate(predicted):
            if predicted_row.unit != gold_row.unit or not values_equal(predicted_row.value, gold_row.value):
                continue
            pair = (-_similarity(predicted_row, gold_row), g, p)
            (fact_pairs if is_fact_match(predicted_row, gold_row) else other_pairs).append(pair)
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for group, is_fact in ((sorted(fact_pairs), True), (sorted(other_pairs), False)):
        for _, g, p in group:
            if g in used_gold or p in used_predicted:
                continue
            used_gold.add(g)
            used_predicted.add(p)
            pairs.append((p, g, is_fact))
    return pairs


def _count(predicted: list[Row], gold: list[Row]) -> tuple[Counts, list[tuple[int, int, bool]]]:
    pairs = match_rows(predicted, gold)
    counts = Counts(gold=len(gold), predicted=len(predicted), quantity_matches=len(pairs))
    for p, g, is_fact in pairs:
        counts.fact_matches += is_fact
        counts.qualifier_agree += predicted[p].qualifier == gold[g].qualifier
        if gold[g].period.strip():
            counts.period_checked += 1
            counts.period_agree += periods_agree(predicted[p].period, gold[g].period)
    return counts, pairs


def score_article(doc_id: str, predicted: list[Row], gold: list[Row]) -> ArticleScore:
    counts, pairs = _count(predicted, gold)
    separate, _ = _count([r for r in predicted if r.kind in SEPARATE_KINDS], [r for r in gold if r.kind in SEPARATE_KINDS])
    matched_p = {p for p, _, _ in pairs}
    matched_g = {g for _, g, _ in pairs}
    return ArticleScore(
        doc_id=doc_id,
        counts=counts,
        separate=separate,
        misses=[row for i, row in enumerate(gold) if i not in matched_g],
        extras=[row for i, row in enumerate(predicted) if i not in matched_p],
        wrong_context=[(predicted[p], gold[g]) for p, g, is_fact in pairs if not is_fact],
    )


def score(predicted: Iterable[Row], gold: Iterable[Row]) -> list[ArticleScore]:
    """Per-article scores for every article that has gold rows (sorted by doc_id).

    Predicted rows of articles without gold are ignored: there is nothing to score them by.
    """
    by_doc_gold: dict[str, list[Row]] = {}
    for row in gold:
        by_doc_gold.setdefault(row.doc_id, []).append(row)
    by_doc_predicted: dict[str, list[Row]] = {}
    for row in predicted:
        by_doc_predicted.setdefault(row.doc_id, []).append(row)
    return [score_article(doc, by_doc_predicted.get(doc, []), rows) for doc, rows in sorted(by_doc_gold.items())]


def total(scores: Iterable[ArticleScore]) -> tuple[Counts, Counts]:
    overall, separate = Counts(), Counts()
    for article in scores:
        overall.add(article.counts)
        separate.add(article.separate)
    return overall, separate


# -- reading ------------------------------------------------------------------


def canonical_units() -> frozenset[str]:
    """Every unit a gold row may have: units.toml's canonical units, rank, and empty."""
    from .rules import load_rules

    return frozenset(info.unit for info in load_rules().units.values()) | {"rank", ""}


def _row(raw: dict[str, str], source: str, *, strict: bool, problems: list[str],
         units: frozenset[str] = frozenset()) -> Row | None:
    value_text = (raw.get("value") or "").strip()
    try:
        value = Decimal(value_text)
        if not value.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        problems.append(f"{source}: value {value_text!r} is not a number")
        return None
    row = Row(
        doc_id=(raw.get("doc_id") or "").strip(),
        subject=raw.get("subject") or "",
        metric=raw.get("metric") or "",
        value=value,
        unit=(raw.get("unit") or "").strip(),
        qualifier=(raw.get("qualifier") or "=").strip() or "=",
        period=(raw.get("period") or "").strip(),
        kind=(raw.get("kind") or "").strip(),
        text=raw.get("text") or "",
        source=source,
    )
    if strict:
        if not row.doc_id:
            problems.append(f"{source}: empty doc_id")
        if row.qualifier not in QUALIFIERS:
            problems.append(f"{source}: qualifier {row.qualifier!r} is not one of {' '.join(sorted(QUALIFIERS))}")
        if row.kind not in KINDS:
            problems.append(f"{source}: kind {row.kind!r} is not one of {' '.join(sorted(KINDS))}")
        if units and row.unit not in units:
            problems.append(f"{source}: unit {row.unit!r} is not a canonical unit (patterns/units.toml)")
    return row


def read_table(path: str | Path, *, strict: bool) -> list[Row]:
    """Rows of one CSV; with `strict` (gold), every malformed line is an error.

    Raises:
        InputError: listing file, line and reason for every problem.
    """
    path = Path(path)
    raw_rows = list(read_rows(path) if strict else read_fact_rows(path))
    problems: list[str] = []
    header = list(raw_rows[0].keys()) if raw_rows else _header(path)
    required = REQUIRED_GOLD if strict else ("doc_id", "value", "unit")
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
    rows = []
    units = canonical_units() if strict else frozenset()
    for number, raw in enumerate(raw_rows, start=2):
        row = _row(raw, f"{path}:{number}", strict=strict, problems=problems, units=units)
        if row is not None:
            rows.append(row)
    if problems:
        raise InputError("\n".join(problems))
    return rows


def _header(path: Path) -> list[str]:
    first = path.read_bytes().decode("utf-8-sig").splitlines()[:1]
    return [c.strip() for c in first[0].split(",")] if first else []


def read_gold(target: str | Path) -> list[Row]:
    """Gold rows from one CSV or every *.csv in a folder (one file per article, or one for many)."""
    target = Path(target)
    if target.is_dir():
        files = sorted(target.glob("*.csv"))
        if not files:
            raise InputError(f"{target}: no gold tables (*.csv) in this folder")
    elif target.is_file():
        files = [target]
    else:
        raise InputError(f"{target}: no such file or folder")
    rows: list[Row] = []
    problems: list[str] = []
    first_file: dict[str, Path] = {}  # doc_id -> the gold file that holds it
    for path in files:
        try:
            table = read_table(path, strict=True)
        except InputError as error:
            problems.append(str(error))
            continue
        for doc_id in dict.fromkeys(row.doc_id for row in table):
            if first_file.setdefault(doc_id, path) != path:
                problems.append(f"{path}: doc_id {doc_id!r} already has a gold table in {first_file[doc_id]}")
        rows.extend(table)
    if problems:
        raise InputError("\n".join(problems))
    return rows
