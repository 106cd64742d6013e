"""Where articles come from: files, folders, globs, stdin, and tables of (id, text) records.

`iter_sources` yields one `Source` per article, lazily, so a folder of 100,000 files or a
JSON Lines file of millions of records is never held in memory at once. A record that is
bad on its own (a duplicate id, a line that is not JSON) is yielded with its `error` set,
so the run reports it and goes on; a problem that makes the whole input unusable (a
missing column) raises `InputError` before anything runs.
"""

from __future__ import annotations

import csv
import glob
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError

TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
GLOB_CHARS = frozenset("*?[")
csv.field_size_limit(2**31 - 1)  # an article is one CSV field, and articles can be long


@dataclass(frozen=True)
class Source:
    """One article to process: its text, or the file to read it from."""

    doc_id: str
    origin: str  # the file, or file:line for a record of a table, for messages
    text: str | None = None
    path: str | None = None
    error: str = ""  # set when the record cannot be processed at all


def _is_table(path: Path) -> bool:
    return path.suffix.lower() in TABLE_SUFFIXES


def _folder_files(folder: Path) -> Iterator[tuple[Path, str]]:
    """*.txt under a folder, sorted, with doc_id = path relative to it without extension.

    Symbolic links to folders are not followed, so a link that points back up the tree
    cannot make the walk loop.
    """
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in files:
            if name.lower().endswith(".txt"):
                path = Path(root) / name
                found.append((path, path.relative_to(folder).with_suffix("").as_posix()))
    yield from sorted(found, key=lambda item: item[1])


def check_inputs(inputs: Iterable[str], *, text_col: str, id_col: str) -> None:
    """Problems that make a whole input unusable, found before anything runs.

    Raises:
        InputError: a path that does not exist, a glob that matches nothing, or a table
            without the id or text column.
    """
    for item in inputs:
        if item == "-":
            continue
        path = Path(item)
        if not path.exists() and not os.path.islink(item):
            if GLOB_CHARS & set(item):
                if not glob.glob(item, recursive=True):
                    raise InputError(f"{item}: the pattern matches no file")
                continue
            raise InputError(f"{item}: no such file or folder")
        if path.is_file() and _is_table(path):
            columns = _table_columns(path)
            missing = [c for c in (id_col, text_col) if columns is not None and c not in columns]
            if missing:
                raise InputError(f"{path}: no column {', '.join(repr(c) for c in missing)} "
                                 f"(it has {', '.join(columns) or 'none'}); choose with --id-col / --text-col")


def _table_columns(path: Path) -> list[str] | None:
    """The columns of a CSV or Parquet table; None for JSON Lines (checked record by record)."""
    kind = TABLE_SUFFIXES[path.suffix.lower()]
    try:
        if kind == "csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                return next(csv.reader(handle), [])
        if kind == "parquet":
            import pyarrow.parquet as pq

            return list(pq.ParquetFile(path).schema_arrow.names)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise InputError(f"{path}: cannot read the table: {error}") from None
    return None


def iter_sources(inputs: Iterable[str], *, text_col: str = "text", id_col: str = "doc_id",
                 stdin=None) -> Iterator[Source]:
    """Every article of the inputs, in order, each doc_id once (a clash names both sources)."""
    seen: dict[str, str] = {}
    for source in _raw_sources(inputs, text_col=text_col, id_col=id_col, stdin=stdin):
        if not source.error:
            if source.doc_id in seen:
                source = Source(source.doc_id, source.origin,
                                error=f"doc_id {source.doc_id!r} is used twice: {seen[source.doc_id]} and {source.origin}")
            else:
                seen[source.doc_id] = source.origin
        yield source


def _raw_sources(inputs: Iterable[str], *, text_col: str, id_col: str, stdin) -> Iterator[Source]:
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield Source("stdin", "<stdin>", text=stream.read())
            continue
        path = Path(item)
        if not path.exists() and GLOB_CHARS & set(item):
            for match in sorted(glob.glob(item, recursive=True)):
                yield from _file_sources(Path(match), text_col=text_col, id_col=id_col)
        elif path.is_dir():
            for file, doc_id in _folder_files(path):
                yield Source(doc_id, str(file), path=str(file))
        else:
            yield from _file_sources(path, text_col=text_col, id_col=id_col)


def _file_sources(path: Path, *, text_col: str, id_col: str) -> Iterator[Source]:
    if path.is_dir():
        for file, doc_id in _folder_files(path):
            yield Source(doc_id, str(file), path=str(file))
        return
    if not _is_table(path):
        yield Source(path.stem, str(path), path=str(path))
        return
    kind = TABLE_SUFFIXES[path.suffix.lower()]
    reader = {"jsonl": _jsonl_records, "csv": _csv_records, "parquet": _parquet_records}[kind]
    yield from reader(path, text_col=text_col, id_col=id_col)


def _record(path: Path, where: str, doc_id, text, *, text_col: str, id_col: str) -> Source:
    origin = f"{path}:{where}"
    if doc_id is None or str(doc_id).strip() == "":
        return Source(f"{path.stem}:{where}", origin, error=f"no {id_col!r}")
    if not isinstance(text, str):
        return Source(str(doc_id), origin, error=f"{text_col!r} is {type(text).__name__}, not text")
    return Source(str(doc_id), origin, text=text)


def _jsonl_records(path: Path, *, text_col: str, id_col: str) -> Iterator[Source]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield Source(path.stem, str(path), error=f"cannot read: {error.strerror or error}")
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                yield Source(f"{path.stem}:{number}", f"{path}:{number}", error=f"not a JSON line: {error}")
                continue
            if not isinstance(record, dict):
                yield Source(f"{path.stem}:{number}", f"{path}:{number}", error="not a JSON object")
                continue
            yield _record(path, str(number), record.get(id_col), record.get(text_col), text_col=text_col, id_col=id_col)


def _csv_records(path: Path, *, text_col: str, id_col: str) -> Iterator[Source]:
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        yield Source(path.stem, str(path), error=f"cannot read: {error.strerror or error}")
        return
    with handle:
        reader = csv.DictReader(handle)
        try:
            for row in reader:
                yield _record(path, str(reader.line_num), row.get(id_col), row.get(text_col),
                              text_col=text_col, id_col=id_col)
        except (UnicodeDecodeError, csv.Error) as error:
            yield Source(f"{path.stem}:{reader.line_num}", f"{path}:{reader.line_num}",
                         error=f"the table cannot be read from here on: {error}")


def _parquet_records(path: Path, *, text_col: str, id_col: str) -> Iterator[Source]:
    import pyarrow.parquet as pq

    row = 0
    for batch in pq.ParquetFile(path).iter_batches(columns=[id_col, text_col], batch_size=1024):
        ids, texts = batch.column(id_col).to_pylist(), batch.column(text_col).to_pylist()
        for doc_id, text in zip(ids, texts):
            row += 1
            yield _record(path, f"row {row}", doc_id, text, text_col=text_col, id_col=id_col)

