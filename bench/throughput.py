"""Throughput and memory of the pipeline, measured in one run and reported as ratios.

    python bench/throughput.py                 # the full measurement (a few minutes)
    python bench/throughput.py --size-mb 1 --memory 200 2000   # a quick look

It builds a corpus of at least --size-mb MB from the bundled articles and measures, on the
same text and in the same run:

1. bare `jieba.cut` (a private jieba.Tokenizer), characters per second;
   and, for reference, the pipeline's own segmenter (jieba's words, cut by jieba-rs);
2. our whole pipeline in one process (`Extractor.extract`), characters per second, and its
   ratio to bare jieba (the two timed in turns, copy by copy, with our phrase caches cleared
   at each copy so that repeating articles does not flatter us);
3. `extract run --jobs 1` and `--jobs 2` as whole commands, and the speed-up of 2 over 1;
4. the peak memory (max RSS) of `extract run` over N1 and N2 short articles, and its ratio.

Machines are noisy: compare the ratios of one run, not figures across runs.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "corpus" / "articles").glob("*.txt"))


def build_corpus(size_mb: float) -> list[tuple[str, str]]:
    """The bundled articles, repeated under new ids until the text reaches size_mb MB (UTF-8)."""
    texts = [(path.stem, path.read_text(encoding="utf-8")) for path in ARTICLES]
    corpus, total, copy = [], 0, 0
    while total < size_mb * 1_000_000:
        for stem, text in texts:
            corpus.append((f"{stem}_{copy:04d}", text))
            total += len(text.encode("utf-8"))
        copy += 1
    return corpus


def short_articles(count: int) -> list[tuple[str, str]]:
    """`count` short articles (one paragraph each) for the memory measurement."""
    paragraphs = [p for path in ARTICLES for p in path.read_text(encoding="utf-8").split("\n") if len(p) > 80]
    return [(f"p{i:06d}", paragraphs[i % len(paragraphs)]) for i in range(count)]


def write_jsonl(records: list[tuple[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for doc_id, text in records:
            handle.write(json.dumps({"doc_id": doc_id, "text": text}, ensure_ascii=False) + "\n")


def jieba_and_pipeline(records: list[tuple[str, str]]) -> tuple[float, float, float]:
    """Seconds of bare `jieba.cut`, of our segmenter alone (segment.JiebaWords) and of our whole
    pipeline on the same text, timed copy by copy
    in turns, so that a machine that speeds up or slows down during the run affects both alike.

    Each copy of the bundled articles starts with the pipeline's phrase caches cold, as they
    would be on articles never seen before (clearing them is not timed)."""
    import jieba

    from extract.model import Article
    from extract.pipeline import Extractor

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    extractor = Extractor()
    copies: dict[str, list[tuple[str, str]]] = {}
    for doc_id, text in records:
        copies.setdefault(doc_id.rsplit("_", 1)[1], []).append((doc_id, text))
    segmenter = extractor.tokenizer
    jieba_seconds = segmenter_seconds = ours_seconds = 0.0
    for copy in copies.values():
        started = time.perf_counter()
        for _, text in copy:
            for _ in tokenizer.cut(text):
                pass
        jieba_seconds += time.perf_counter() - started
        started = time.perf_counter()
        for _, text in copy:
            segmenter.cut(text)
        segmenter_seconds += time.perf_counter() - started
        extractor.clear_caches()
        started = time.perf_counter()
        for doc_id, text in copy:
            extractor.extract(Article(doc_id=doc_id, text=text))
        ours_seconds += time.perf_counter() - started
    return jieba_seconds, segmenter_seconds, ours_seconds


def command(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of `extract …` run as its own process."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUN_AND_MEASURE, "run", *args], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"extract run {' '.join(args)} failed:\n{done.stderr}")
    return seconds, int(done.stdout.strip().splitlines()[-1])


# Runs the CLI in a child and prints the peak RSS of the child and its workers, in KiB.
RUN_AND_MEASURE = """
import resource, sys
from extract.cli import main
code = main(sys.argv[1:])
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(peak)
sys.exit(code)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=5.0, help="corpus size for the speed figures (default 5)")
    parser.add_argument("--memory", type=int, nargs=2, default=(1000, 10000), metavar=("N1", "N2"),
                        help="article counts for the memory figures (default 1000 10000)")
    options = parser.parse_args()
    import jieba  # noqa: F401 - imported first: it sets its logger to DEBUG when imported

    logging.getLogger("jieba").setLevel(logging.WARNING)

    corpus = build_corpus(options.size_mb)
    texts = [text for _, text in corpus]
    characters = sum(len(t) for t in texts)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"corpus: {len(corpus)} articles, {characters:,} characters, {megabytes:.1f} MB")

    jieba_seconds, segmenter_seconds, ours_seconds = jieba_and_pipeline(corpus)
    print(f"bare jieba.cut        {characters / jieba_seconds:12,.0f} characters/s")
    print(f"  our segmenter       {characters / segmenter_seconds:12,.0f} characters/s"
          f"   = {jieba_seconds / segmenter_seconds:.2f} x bare jieba (the same words, by jieba-rs)")
    print(f"pipeline, 1 process   {characters / ours_seconds:12,.0f} characters/s"
          f"   = {jieba_seconds / ours_seconds:.2f} x bare jieba")

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        write_jsonl(corpus, work / "corpus.jsonl")
        one, _ = command([str(work / "corpus.jsonl"), "-o", str(work / "one.csv"), "-q", "--jobs", "1"])
        two, _ = command([str(work / "corpus.jsonl"), "-o", str(work / "two.csv"), "-q", "--jobs", "2"])
        same = (work / "one.csv").read_bytes() == (work / "two.csv").read_bytes()
        print(f"extract run --jobs 1  {one:8.1f} s")
        print(f"extract run --jobs 2  {two:8.1f} s   = {one / two:.2f} x --jobs 1 (output identical: {same})")

        peaks = []
        for count in options.memory:
            write_jsonl(short_articles(count), work / f"short{count}.jsonl")
            _, peak = command([str(work / f"short{count}.jsonl"), "-o", str(work / f"short{count}.csv"), "-q"])
            peaks.append(peak)
            print(f"peak memory, {count:6d} articles {peak / 1024:8.0f} MiB")
        print(f"peak memory ratio {options.memory[1]} / {options.memory[0]} articles = {peaks[1] / peaks[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
