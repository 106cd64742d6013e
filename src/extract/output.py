"""Writing the facts table: CSV, JSON Lines or Parquet, incrementally, resumably, atomically.

A run writes to `<output>.part`, one article at a time, and records each finished article
with the byte offset after its rows in `<output>.progress`. When the run ends the part file
becomes the output (Parquet is converted from the part in batches), so an interrupted run
never leaves a torn output behind: the previous output stays as it was, and the part file
holds whole articles only — `--resume` truncates anything after the last recorded article
and carries on from there.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import IO, Iterator

from .errors import InputError
from .table import COLUMNS, EXPLAIN_COLUMNS

FORMATS = ("csv", "jsonl", "parquet")
SUFFIX_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
INTEGER_COLUMNS = frozenset({"fact_id", "start", "end", "mentions"})
PARQUET_BATCH = 10_000  # rows per Parquet row group when converting the part file


def format_for(path: str | None, explicit: str | None) -> str:
    """The output format: --format if given, else the output's suffix, else CSV."""
    if explicit:
        return explicit
    if path:
        return SUFFIX_FORMATS.get(Path(path).suffix.lower(), "csv")
    return "csv"


def csv_block(rows: list[dict[str, str]], columns: tuple[str, ...], *, header: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def jsonl_block(rows: list[dict[str, str]], columns: tuple[str, ...]) -> str:
    """One JSON object per row; integers as numbers, `value` as a string so it stays exact."""
    lines = []
    for row in rows:
        record = {c: (int(row[c]) if c in INTEGER_COLUMNS and row.get(c, "") != "" else row.get(c, ""))
                  for c in columns}
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(lines)


class StreamWriter:
    """Rows straight to a stream (stdout): no part file, no resume."""

    def __init__(self, stream: IO[str], fmt: str, columns: tuple[str, ...]):
        if fmt == "parquet":
            raise InputError("Parquet cannot be written to stdout: give an output file with -o")
        self.stream, self.fmt, self.columns = stream, fmt, columns
        self.done: set[str] = set()
        if fmt == "csv":
            stream.write(csv_block([], columns, header=True))

    def write(self, doc_id: str, rows: list[dict[str, str]]) -> None:
        block = csv_block(rows, self.columns) if self.fmt == "csv" else jsonl_block(rows, self.columns)
        self.stream.write(block)
        self.stream.flush()

    def finish(self) -> None:
        self.stream.flush()

    def abandon(self) -> str:
        return ""


class FileWriter:
    """Rows to `<path>.part`, each finished article recorded in `<path>.progress`."""

    def __init__(self, path: str | Path, fmt: str, columns: tuple[str, ...], *, resume: bool = False):
        self.path = Path(path)
        self.fmt, self.columns = fmt, columns
        self.part = self.path.with_name(self.path.name + ".part")
        self.progress_path = self.path.with_name(self.path.name + ".progress")
        # The part file is CSV for CSV output and JSON Lines otherwise (Parquet is made at the end).
        self.part_format = "csv" if fmt == "csv" else "jsonl"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.done = self._open(resume)
        except OSError as error:
            raise InputError(f"{self.path}: cannot write the output: {error.strerror or error}") from None

    # -- starting, fresh or resumed ------------------------------------------

    def _open(self, resume: bool) -> set[str]:
        done: set[str] = set()
        if resume and self.part.exists() and self.progress_path.exists():
            offset, done = self._read_progress()
            with self.part.open("r+b") as handle:
                handle.truncate(offset)  # drop whatever followed the last whole article
        elif resume and self.path.exists():
            done = self._adopt_finished_output()
        else:
            with self.part.open("w", encoding="utf-8-sig" if self.part_format == "csv" else "utf-8",
                                newline="") as handle:
                if self.part_format == "csv":
                    handle.write(csv_block([], self.columns, header=True))
            self.progress_path.write_text("", encoding="utf-8")
        self.handle = self.part.open("a", encoding="utf-8", newline="")
        self.progress = self.progress_path.open("a", encoding="utf-8")
        return done

    def _read_progress(self) -> tuple[int, set[str]]:
        offset = self._header_size()
        done: set[str] = set()
        for line in self.progress_path.read_text(encoding="utf-8").splitlines():
            size, _, doc_id = line.partition("\t")
            if size.isdigit() and doc_id:
                offset = int(size)
                done.add(doc_id)
        return offset, done

    def _header_size(self) -> int:
        if self.part_format != "csv":
            return 0
        return len(("\ufeff" + csv_block([], self.columns, header=True)).encode("utf-8"))

    def _adopt_finished_output(self) -> set[str]:
        """--resume after a run that finished: its rows become the part to append to."""
        from .table import read_fact_rows

        rows = list(read_fact_rows(self.path))
        done = {row["doc_id"] for row in rows}
        with self.part.open("w", encoding="utf-8-sig" if self.part_format == "csv" else "utf-8",
                            newline="") as handle:
            if self.part_format == "csv":
                handle.write(csv_block(rows, self.columns, header=True))
            else:
                handle.write(jsonl_block(rows, self.columns))
        size = self.part.stat().st_size
        self.progress_path.write_text("".join(f"{size}\t{doc_id}\n" for doc_id in sorted(done)), encoding="utf-8")
        return done

    # -- writing ---------------------------------------------------------------

    def write(self, doc_id: str, rows: list[dict[str, str]]) -> None:
        """One article's rows in one write, then its line in the progress file."""
        block = csv_block(rows, self.columns) if self.part_format == "csv" else jsonl_block(rows, self.columns)
        self.handle.write(block)
        self.handle.flush()
        self.progress.write(f"{self.handle.tell()}\t{doc_id}\n")
        self.progress.flush()
        self.done.add(doc_id)

    def finish(self) -> None:
        """Make the part the output: renamed for CSV and JSON Lines, converted for Parquet."""
        self.handle.close()
        self.progress.close()
        if self.fmt == "parquet":
            staging = self.path.with_name(self.path.name + ".staging")
            _jsonl_to_parquet(self.part, staging, self.columns)
            os.replace(staging, self.path)
            self.part.unlink()
        else:
            os.replace(self.part, self.path)
        self.progress_path.unlink(missing_ok=True)

    def abandon(self) -> str:
        """Stop without finishing: the part keeps whole articles for --resume."""
        self.handle.close()
        self.progress.close()
        return str(self.part)


def open_writer(path: str | None, fmt: str, *, explain: bool = False, resume: bool = False, stream=None):
    columns = COLUMNS + (EXPLAIN_COLUMNS if explain else ())
    if path is None:
        return StreamWriter(stream, fmt, columns)
    return FileWriter(path, fmt, columns, resume=resume)


def _read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _jsonl_to_parquet(source: Path, target: Path, columns: tuple[str, ...]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.int64() if c in INTEGER_COLUMNS else pa.string()) for c in columns])
    with pq.ParquetWriter(target, schema) as writer:
        batch: list[dict] = []
        for record in _read_jsonl(source):
            batch.append(record)
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))

