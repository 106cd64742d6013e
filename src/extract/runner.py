"""Running the pipeline over many articles: in this process, in worker processes, or on Dask.

Every engine applies the same per-article function (`process_sources`) and yields outcomes in
input order, so the output is byte-identical whatever the engine or the number of workers.
Workers build their `Extractor` once (spaCy's pipeline cannot be pickled, so each process
builds its own), which also makes them work with the `spawn` start method.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable, Iterator

from .errors import ExtractError
from .sources import Source

log = logging.getLogger(__name__)
BATCH = 8  # articles per task: fewer round trips, still fine-grained enough to balance


@dataclass(frozen=True)
class Outcome:
    """What became of one article: its rows, or why it failed."""

    doc_id: str
    origin: str
    rows: list[dict[str, str]] = field(default_factory=list)
    error: str = ""
    stage: str = ""  # where it failed: input, read, extract, worker
    encoding: str = ""


_extractors: dict = {}  # per process: (patterns, explain) -> Extractor, built on first use


def _extractor(patterns: str | None):
    from .pipeline import Extractor

    key = patterns or ""
    if key not in _extractors:
        logging.getLogger("jieba").setLevel(logging.WARNING)
        _extractors[key] = Extractor(patterns=patterns)
    return _extractors[key]


def process_sources(sources: list[Source], patterns: str | None = None, explain: bool = False) -> list[Outcome]:
    """The per-article function every engine runs: read, extract, and make SCHEMA rows."""
    from .model import Article
    from .table import fact_rows

    extractor = _extractor(patterns)
    outcomes = []
    for source in sources:
        if source.error:
            outcomes.append(Outcome(source.doc_id, source.origin, error=source.error, stage="input"))
            continue
        try:
            if source.text is not None:
                article = Article(doc_id=source.doc_id, text=source.text, path=source.origin)
            else:
                article = extractor.read(source.path, doc_id=source.doc_id)
        except ExtractError as error:
            message = str(error).removeprefix(f"{source.path}: ")  # the origin is printed with it
            outcomes.append(Outcome(source.doc_id, source.origin, error=message, stage="read"))
            continue
        try:
            rows = list(fact_rows(extractor.extract(article), explain=explain))
        except Exception as error:  # noqa: BLE001 - one article must not stop the run; it is reported
            log.debug("extraction failed for %s", source.origin, exc_info=True)
            outcomes.append(Outcome(source.doc_id, source.origin, error=f"{type(error).__name__}: {error}",
                                    stage="extract", encoding=article.encoding))
            continue
        outcomes.append(Outcome(source.doc_id, source.origin, rows=rows,
                                encoding=article.encoding if source.text is None else ""))
    return outcomes


def _batches(sources: Iterable[Source], size: int = BATCH) -> Iterator[list[Source]]:
    iterator = iter(sources)
    while batch := list(islice(iterator, size)):
        yield batch


def run_here(sources: Iterable[Source], *, patterns: str | None = None, explain: bool = False) -> Iterator[Outcome]:
    for batch in _batches(sources):
        yield from process_sources(batch, patterns, explain)


def run_processes(sources: Iterable[Source], *, jobs: int, patterns: str | None = None, explain: bool = False,
                  start_method: str | None = None) -> Iterator[Outcome]:
    """`jobs` worker processes, at most 2 batches each in flight, outcomes in input order.

    A worker that dies (killed, out of memory) breaks the pool: its batches are retried once
    in a new pool, and an article that fails again is reported, never silently dropped.
    """
    import multiprocessing

    context = multiprocessing.get_context(start_method) if start_method else None
    if (context or multiprocessing).get_start_method() == "fork":
        _extractor(patterns)  # built once here; forked workers inherit it instead of building their own
    pool = _WorkerPool(jobs, context, patterns, explain)
    try:
        for batch in _batches(sources):
            pool.submit(batch)
            while len(pool.pending) >= 2 * jobs:
                yield from pool.collect()
        while pool.pending:
            yield from pool.collect()
    finally:
        pool.close()


class _WorkerPool:
    """A process pool and its batches in flight, which survives a worker's death."""

    def __init__(self, jobs: int, context, patterns: str | None, explain: bool):
        self.jobs, self.context, self.patterns, self.explain = jobs, context, patterns, explain
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
        self.pending: deque = deque()  # [batch, future or None, retried]

    def submit(self, batch: list[Source], retried: bool = False) -> None:
        try:
            future = self.pool.submit(process_sources, batch, self.patterns, self.explain)
        except BrokenProcessPool:
            future = None  # the pool broke meanwhile: the batch is resent when collected
        self.pending.append((batch, future, retried))

    def collect(self) -> list[Outcome]:
        """The outcomes of the oldest batch, or, after a worker died, of the batches given up."""
        _, future, _ = self.pending[0]
        try:
            if future is None:
                raise BrokenProcessPool("the pool was broken when the batch was sent")
            outcomes = future.result()
        except BrokenProcessPool:
            return self._recover()
        self.pending.popleft()
        return outcomes

    def _recover(self) -> list[Outcome]:
        """A new pool; every batch in flight is sent once more, one already retried is reported."""
        log.warning("a worker process died; its articles are retried once in a new pool")
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=self.context)
        items, failed = list(self.pending), []
        self.pending.clear()
        for batch, _, retried in items:
            if retried:
                failed.extend(Outcome(s.doc_id, s.origin, error="a worker process died twice on this article's batch",
                                      stage="worker") for s in batch)
            else:
                self.submit(batch, retried=True)
        return failed

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def run_dask(sources: Iterable[Source], *, scheduler: str | None = None, workers: int = 0,
             patterns: str | None = None, explain: bool = False) -> Iterator[Outcome]:
    """The same per-article function on a Dask cluster (an address, or a local one)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ExtractError("--engine dask needs Dask: pip install 'extract[dask]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        for batch in _batches(sources):
            pending.append(client.submit(process_sources, batch, patterns, explain, pure=False))
            while len(pending) >= in_flight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
