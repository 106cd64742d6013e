"""Facts as SCHEMA rows: CSV out (utf-8-sig, plain decimals), CSV in, pandas frames."""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Iterable, Iterator

from .errors import InputError
from .model import Fact
from .numerals import normalize_decimal

COLUMNS = (
    "doc_id", "fact_id", "subject", "metric", "value", "unit", "qualifier", "period", "kind",
    "text", "start", "end", "sentence", "mentions",
)
EXPLAIN_COLUMNS = ("rules",)


def fact_rows(facts: Iterable[Fact], *, explain: bool = False) -> Iterator[dict[str, str]]:
    """SCHEMA rows, `fact_id` numbered 1, 2, 3 … within each article in order of first mention."""
    counters: dict[str, int] = {}
    for fact in facts:
        counters[fact.doc_id] = counters.get(fact.doc_id, 0) + 1
        row = {
            "doc_id": fact.doc_id,
            "fact_id": str(counters[fact.doc_id]),
            "subject": fact.subject,
            "metric": fact.metric,
            "value": normalize_decimal(fact.value),
            "unit": fact.unit,
            "qualifier": fact.qualifier.value,
            "period": fact.period,
            "kind": fact.kind.value,
            "text": fact.text,
            "start": str(fact.start),
            "end": str(fact.end),
            "sentence": fact.sentence,
            "mentions": str(fact.mentions),
        }
        if explain:
            row["rules"] = " ".join(fact.explain)
        yield row


class CsvWriter:
    """Writes SCHEMA rows to a stream; the header once, a BOM when the stream is a new file."""

    def __init__(self, stream: IO[str], *, explain: bool = False):
        self.columns = COLUMNS + (EXPLAIN_COLUMNS if explain else ())
        self.explain = explain
        self.writer = csv.DictWriter(stream, fieldnames=self.columns, lineterminator="\r\n")
        self.writer.writeheader()
        self.stream = stream

    def write(self, facts: Iterable[Fact]) -> int:
        rows = list(fact_rows(facts, explain=self.explain))
        self.writer.writerows(rows)
        return len(rows)


def write_csv(facts: Iterable[Fact], target: str | Path | IO[str], *, explain: bool = False) -> int:
    """Write facts as SCHEMA CSV (utf-8-sig for a file, so Excel shows the Chinese)."""
    if isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8-sig", newline="") as stream:
            return CsvWriter(stream, explain=explain).write(facts)
    return CsvWriter(target, explain=explain).write(facts)


def read_rows(path: str | Path) -> list[dict[str, str]]:
    """Rows of a SCHEMA CSV (BOM or not) as dictionaries of strings."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 at byte {error.start}") from None
    return list(csv.DictReader(io.StringIO(text, newline="")))


def to_frame(facts: Iterable[Fact]):
    """A pandas DataFrame with SCHEMA's columns, in SCHEMA's order.

    `value` holds exact `Decimal`s (no float noise on 200952000000 or 0.1); `start`, `end`,
    `fact_id` and `mentions` are nullable integers; `unit`, `kind`, `qualifier` categorical.
    """
    import pandas as pd

    rows = list(fact_rows(facts))
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return typed_frame(frame)


def typed_frame(frame):
    """Give a frame of SCHEMA columns (strings) the package's dtypes."""
    import pandas as pd

    frame = frame.copy()
    frame["value"] = [_decimal(v) for v in frame["value"]]
    for column in ("fact_id", "start", "end", "mentions"):
        if column in frame:
            frame[column] = pd.array(
                [None if v in ("", None) or (isinstance(v, float) and v != v) else int(v) for v in frame[column]],
                dtype="Int64",
            )
    for column in ("unit", "kind", "qualifier"):
        if column in frame:
            frame[column] = frame[column].fillna("").astype(str).astype("category")
    for column in ("doc_id", "subject", "metric", "period", "text", "sentence"):
        if column in frame:
            frame[column] = frame[column].fillna("").astype(str)
    return frame


def write_frame(frame, target: str | Path) -> None:
    """Write a frame of SCHEMA columns (from `to_frame` or `read_facts`) back to a facts CSV,
    values as plain decimals: what was read is written back exactly."""
    import pandas as pd

    columns = [c for c in COLUMNS if c in frame.columns]
    with open(target, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(columns)
        for record in frame[columns].itertuples(index=False):
            writer.writerow(["" if pd.isna(v) else normalize_decimal(v) if isinstance(v, Decimal) else str(v)
                             for v in record])


def _decimal(value) -> Decimal | None:
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def read_fact_rows(path: str | Path) -> Iterator[dict[str, str]]:
    """The rows of a facts file written by `extract run` (CSV, JSON Lines or Parquet), as strings."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        import json

        with path.open(encoding="utf-8-sig") as handle:
            for line in handle:
                if line.strip():
                    yield {k: "" if v is None else str(v) for k, v in json.loads(line).items()}
    elif suffix == ".parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches():
            for record in batch.to_pylist():
                yield {k: "" if v is None else str(v) for k, v in record.items()}
    else:
        yield from read_rows(path)


def read_facts(path: str | Path):
    """Read a facts file written by `extract run` (CSV, JSON Lines or Parquet) into the same
    frame shape as `to_frame`."""
    import pandas as pd

    rows = list(read_fact_rows(path))
    frame = pd.DataFrame(rows, columns=list(COLUMNS) if not rows else None)
    return typed_frame(frame)
