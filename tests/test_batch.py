"""Batch runs: every input and output format, any number of workers, resume, Dask."""

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli import main
from extract.output import FileWriter
from extract.runner import run_processes
from extract.sources import iter_sources
from extract.table import COLUMNS, read_fact_rows

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "corpus" / "articles"
SMALL = ["d08_energy", "d10_tourism", "yubei_2020"]


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    for name in SMALL:
        shutil.copy(ARTICLES / f"{name}.txt", folder / f"{name}.txt")
    return folder


@pytest.fixture(scope="module")
def reference(small_corpus, tmp_path_factory):
    """The CSV of one worker: every other way of running must give these bytes."""
    out = tmp_path_factory.mktemp("ref") / "facts.csv"
    assert main(["run", str(small_corpus), "-o", str(out), "-q"]) == 0
    return out.read_bytes()


def _texts():
    return {name: (ARTICLES / f"{name}.txt").read_text(encoding="utf-8") for name in SMALL}


def test_jobs_two_gives_identical_csv(small_corpus, reference, tmp_path):
    out = tmp_path / "facts.csv"
    assert main(["run", str(small_corpus), "-o", str(out), "-q", "--jobs", "2"]) == 0
    assert out.read_bytes() == reference


def test_spawned_workers_give_the_same_outcomes(small_corpus):
    sources = list(iter_sources([str(small_corpus)]))
    spawned = list(run_processes(sources, jobs=2, start_method="spawn"))
    assert [o.doc_id for o in spawned] == SMALL and all(not o.error for o in spawned)
    forked = list(run_processes(sources, jobs=2, start_method="fork"))
    assert [o.rows for o in spawned] == [o.rows for o in forked]


@pytest.mark.parametrize("suffix", ["jsonl", "parquet"])
def test_output_formats_hold_the_same_rows(small_corpus, reference, tmp_path, suffix):
    out = tmp_path / f"facts.{suffix}"
    assert main(["run", str(small_corpus), "-o", str(out), "-q"]) == 0
    expected = list(csv.DictReader(io.StringIO(reference.decode("utf-8-sig"))))
    assert list(read_fact_rows(out)) == expected


def test_jsonl_input(reference, tmp_path):
    table = tmp_path / "news.jsonl"
    table.write_text("".join(json.dumps({"doc_id": k, "text": v}, ensure_ascii=False) + "\n"
                             for k, v in _texts().items()), encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert main(["run", str(table), "-o", str(out), "-q"]) == 0
    assert out.read_bytes() == reference


def test_csv_input_with_named_columns(reference, tmp_path):
    table = tmp_path / "articles.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "body"])
        for doc_id, text in _texts().items():
            writer.writerow([doc_id, "x", text])
    out = tmp_path / "facts.csv"
    assert main(["run", str(table), "--text-col", "body", "--id-col", "id", "-o", str(out), "-q"]) == 0
    assert out.read_bytes() == reference


def test_parquet_input(reference, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = _texts()
    table = tmp_path / "articles.parquet"
    pq.write_table(pa.table({"doc_id": list(texts), "text": list(texts.values())}), table)
    out = tmp_path / "facts.csv"
    assert main(["run", str(table), "-o", str(out), "-q"]) == 0
    assert out.read_bytes() == reference


def test_missing_column_is_a_usage_error(tmp_path, capsys):
    table = tmp_path / "articles.csv"
    table.write_text("id,body\n1,增长5%\n", encoding="utf-8")
    assert main(["run", str(table), "-o", str(tmp_path / "f.csv")]) == 2
    assert "no column 'doc_id'" in capsys.readouterr().err


def test_glob_and_stdin(small_corpus, tmp_path, monkeypatch):
    out = tmp_path / "facts.csv"
    assert main(["run", str(small_corpus / "d*.txt"), "-o", str(out), "-q"]) == 0
    assert {r["doc_id"] for r in read_fact_rows(out)} == {"d08_energy", "d10_tourism"}
    monkeypatch.setattr(sys, "stdin", io.StringIO("全市地区生产总值同比增长17.1%。"))
    out = tmp_path / "stdin.csv"
    assert main(["run", "-", "-o", str(out), "-q"]) == 0
    assert [(r["doc_id"], r["value"]) for r in read_fact_rows(out)] == [("stdin", "17.1")]


def test_duplicate_doc_id_names_both_sources(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("增长5%。", encoding="utf-8")  # doc_id x (relative to a/)
    (tmp_path / "b.jsonl").write_text('{"doc_id": "x", "text": "下降3%。"}\n', encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert main(["run", str(tmp_path / "a"), str(tmp_path / "b.jsonl"), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert "doc_id 'x' is used twice" in err and "a/x.txt" in err and "b.jsonl:1" in err
    assert [r["value"] for r in read_fact_rows(out)] == ["5"]  # the first keeps its facts


def test_resume_after_an_interruption(small_corpus, reference, tmp_path):
    out = tmp_path / "facts.csv"
    expected = list(csv.DictReader(io.StringIO(reference.decode("utf-8-sig"))))
    first = [r for r in expected if r["doc_id"] == SMALL[0]]
    # A run that wrote one article, then died while writing the next: a torn row at the end.
    writer = FileWriter(out, "csv", COLUMNS)
    writer.write(SMALL[0], first)
    writer.handle.write('d10_tourism,1,全国,"国内旅游出游,1020')
    writer.abandon()
    assert not out.exists()  # the output only appears when a run finishes
    assert main(["run", str(small_corpus), "-o", str(out), "-q", "--resume"]) == 0
    assert out.read_bytes() == reference
    assert not (tmp_path / "facts.csv.part").exists() and not (tmp_path / "facts.csv.progress").exists()


def test_resume_after_a_finished_run_adds_nothing(small_corpus, reference, tmp_path, capsys):
    out = tmp_path / "facts.jsonl"
    assert main(["run", str(small_corpus), "-o", str(out), "-q"]) == 0
    before = out.read_bytes()
    assert main(["run", str(small_corpus), "-o", str(out), "-q", "--resume"]) == 0
    assert out.read_bytes() == before
    assert "(3 already done)" in capsys.readouterr().err


def test_killed_run_resumes_to_the_same_output(tmp_path, reference, small_corpus):
    """A real kill: the child is stopped with SIGKILL after its first article is recorded."""
    out = tmp_path / "facts.csv"
    progress = tmp_path / "facts.csv.progress"
    child = subprocess.Popen([sys.executable, "-m", "extract", "run", str(small_corpus), "-o", str(out), "-q"],
                             stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            if progress.exists() and progress.read_text(encoding="utf-8").strip():
                break
            if child.poll() is not None:
                break
            __import__("time").sleep(0.05)
        if child.poll() is None:
            os.kill(child.pid, 9)
    finally:
        child.wait()
    assert main(["run", str(small_corpus), "-o", str(out), "-q", "--resume"]) == 0
    assert out.read_bytes() == reference


def test_dask_engine_matches_local(small_corpus, reference, tmp_path):
    pytest.importorskip("dask.distributed")
    out = tmp_path / "facts.csv"
    assert main(["run", str(small_corpus), "-o", str(out), "-q", "--engine", "dask", "--jobs", "2"]) == 0
    assert out.read_bytes() == reference
