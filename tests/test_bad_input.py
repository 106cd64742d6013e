"""Bad input: every kind of file a real archive holds, each named with a reason, none fatal."""

import csv
import os
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.articles import decode
from extract.cli import main
from extract.errors import InputError
from extract.table import read_fact_rows, read_facts, write_frame

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "corpus" / "articles"
# A short article in traditional script, so that Big5 can hold it too.
TRADITIONAL = ("2020年渝北區地區生產總值實現2009.52億元，同比增長3.9%，萬人有效發明專利擁有量達到23.56件。"
               "今年前三季度，全區規模以上工業增加值增長12.1%，新增企業30餘家。")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "big5"])
def test_the_same_article_in_every_encoding_gives_the_same_facts(extractor, tmp_path, encoding):
    reference = extractor.extract_text(TRADITIONAL, doc_id="a")
    assert len(reference) >= 5
    path = tmp_path / "a.txt"
    path.write_bytes(TRADITIONAL.encode(encoding))
    article = extractor.read(path)
    assert article.text == TRADITIONAL
    assert extractor.extract(article) == reference


def test_a_simplified_article_in_gb18030_and_utf16(extractor, tmp_path):
    text = (ARTICLES / "d08_energy.txt").read_text(encoding="utf-8")
    reference = extractor.extract_text(text, doc_id="d")
    for encoding in ("gb18030", "utf-16"):
        path = tmp_path / f"d.{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        assert extractor.extract(extractor.read(path, doc_id="d")) == reference


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty file"), (b"  \n ", "only white space"), (b"%PDF-1.7\n...", "a PDF document"),
     (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"), (b"\xff\xd8\xff\xe0JFIF", "a JPEG image"),
     ("增长".encode() + b"\x00\x01\x02", "binary data"),
     (bytes([0x80, 0x81, 0xff]) * 4, "cannot be read as text")],
)
def test_unreadable_bytes_are_named(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data, "x.txt")


@pytest.fixture
def messy_folder(tmp_path):
    """One file of each kind an archive holds, built here (no binary junk in the repository)."""
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(ARTICLES / "d08_energy.txt", folder / "good_utf8.txt")
    (folder / "good_gbk.txt").write_bytes((ARTICLES / "d10_tourism.txt").read_text(encoding="utf-8").encode("gbk"))
    (folder / "good_big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (folder / "good_utf16.txt").write_bytes("净利润同比增长12%。".encode("utf-16"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (folder / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (folder / "truncated.txt").write_bytes("收入增长".encode("utf-8")[:-1] + bytes([0xff, 0xfe, 0x81]))
    with open(folder / "huge.txt", "wb") as handle:  # sparse: large on paper, nothing on disk
        handle.truncate(51 * 1024 * 1024)
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("missing_target", folder / "dangling.txt")
    (folder / "nested").mkdir()
    os.symlink("..", folder / "nested" / "up")  # a link back up the tree is not walked
    return folder


EXPECTED_FAILURES = {
    "empty": "empty file",
    "scan": "a PDF document",
    "photo": "a JPEG image",
    "truncated": "cannot be read as text",
    "huge": "too large",
    "loop": "loops back on itself",
    "dangling": "broken symbolic link",
}


def test_a_messy_folder_is_processed_and_every_bad_file_named(messy_folder, tmp_path, capsys):
    out, errors, report = tmp_path / "facts.csv", tmp_path / "errors.csv", tmp_path / "report.csv"
    code = main(["run", str(messy_folder), "-o", str(out), "--errors", str(errors), "--report", str(report), "-q"])
    assert code == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    failed = {row["doc_id"]: row for row in csv.DictReader(errors.open(encoding="utf-8-sig"))}
    assert set(failed) == set(EXPECTED_FAILURES)
    for doc_id, reason in EXPECTED_FAILURES.items():
        assert reason in failed[doc_id]["message"] and failed[doc_id]["stage"] == "read"
        assert f"{doc_id}.txt" in err  # named on stderr too
    rows = list(read_fact_rows(out))
    by_doc = {}
    for row in rows:
        by_doc.setdefault(row["doc_id"], []).append(row)
    assert set(by_doc) == {"good_utf8", "good_gbk", "good_big5", "good_utf16"}
    assert ("83.46万吨", "-834600") in {(r["text"], r["value"]) for r in by_doc["good_utf8"]}
    assert ("2009.52億元", "200952000000") in {(r["text"], r["value"]) for r in by_doc["good_big5"]}
    encodings = {row["doc_id"]: row["encoding"] for row in csv.DictReader(report.open(encoding="utf-8-sig"))}
    assert encodings["good_gbk"] == "gb18030" and encodings["good_big5"] == "big5"
    assert encodings["good_utf16"] == "utf-16" and encodings["good_utf8"] == "utf-8"


def test_pattern_errors_stop_before_anything_runs(tmp_path, capsys):
    patterns = tmp_path / "patterns"
    shutil.copytree(ROOT / "patterns", patterns)
    (patterns / "units.toml").write_text("[[unit]\n", encoding="utf-8")
    assert main(["run", str(ARTICLES / "d08_energy.txt"), "--patterns", str(patterns), "-o", str(tmp_path / "f.csv")]) == 2
    assert "units.toml: not valid TOML" in capsys.readouterr().err
    assert not (tmp_path / "f.csv").exists()


GOLD_HEADER = "doc_id,subject,metric,value,unit,qualifier,period,kind,text\n"


@pytest.mark.parametrize(
    "content, problem",
    [("doc_id,subject,metric,value,unit,qualifier,period,text\nx,a,b,1,元,=,,1元\n", "missing column(s) kind"),
     (GOLD_HEADER + "x,a,b,十,元,=,,level,十元\n", "gold.csv:2: value '十' is not a number"),
     (GOLD_HEADER + "x,a,b,1,元,=,,level,1元\nx,a,b,2,万元,=,,level,2万元\n", "gold.csv:3: unit '万元' is not a canonical unit"),
     (GOLD_HEADER + "x,a,b,1,元,about,,level,1元\n", "gold.csv:2: qualifier 'about'"),
     (GOLD_HEADER + "x,a,b,1,元,=,,total,1元\n", "gold.csv:2: kind 'total'")],
)
def test_malformed_gold_is_rejected_with_file_line_and_reason(tmp_path, capsys, content, problem):
    gold = tmp_path / "gold.csv"
    gold.write_text(content, encoding="utf-8")
    facts = tmp_path / "facts.csv"
    facts.write_text("doc_id,value,unit\nx,1,元\n", encoding="utf-8")
    assert main(["validate", str(facts), "--gold", str(gold)]) == 2
    assert problem in capsys.readouterr().err


def test_a_doc_in_two_gold_files_is_rejected(tmp_path, capsys):
    (tmp_path / "gold").mkdir()
    for name in ("a.csv", "b.csv"):
        (tmp_path / "gold" / name).write_text(GOLD_HEADER + "x,a,b,1,元,=,,level,1元\n", encoding="utf-8")
    facts = tmp_path / "facts.csv"
    facts.write_text("doc_id,value,unit\nx,1,元\n", encoding="utf-8")
    assert main(["validate", str(facts), "--gold", str(tmp_path / "gold")]) == 2
    assert "b.csv: doc_id 'x' already has a gold table in" in capsys.readouterr().err


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.one_of(st.decimals(allow_nan=False, allow_infinity=False, places=6,
                                             min_value=-10**15, max_value=10**15),
                                 st.sampled_from([Decimal("200952000000"), Decimal("0.1"), Decimal("-9126")])),
                       min_size=1, max_size=5))
def test_csv_frame_csv_round_trips_values_exactly(tmp_path_factory, values):
    from extract.numerals import normalize_decimal
    from extract.table import COLUMNS

    folder = tmp_path_factory.mktemp("round")
    first = folder / "facts.csv"
    with first.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for number, value in enumerate(values, 1):
            writer.writerow({**{c: "" for c in COLUMNS}, "doc_id": "x", "fact_id": number,
                             "value": normalize_decimal(value), "unit": "元", "qualifier": "=", "kind": "level",
                             "start": 0, "end": 1, "mentions": 1})
    second = folder / "again.csv"
    write_frame(read_facts(first), second)
    assert second.read_bytes() == first.read_bytes()


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


@pytest.mark.skipif(shutil.which("pgrep") is None, reason="needs pgrep to find the worker processes")
def test_a_killed_worker_is_detected_and_the_output_stays_whole(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(30):  # (enough work that a loaded machine still has a worker to kill)
        for path in sorted(ARTICLES.glob("*.txt"))[:4]:
            shutil.copy(path, folder / f"{path.stem}_{copy:02d}.txt")
    reference = tmp_path / "reference.csv"
    assert main(["run", str(folder), "-o", str(reference), "-q"]) == 0
    out, errors = tmp_path / "facts.csv", tmp_path / "errors.csv"
    child = subprocess.Popen([sys.executable, "-m", "extract", "run", str(folder), "-o", str(out), "--jobs", "2",
                              "--errors", str(errors), "-q"], stderr=subprocess.PIPE, text=True)
    killed = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None and not killed:
        progress = tmp_path / "facts.csv.progress"
        workers = _children(child.pid)
        if len(workers) >= 2 and progress.exists() and progress.read_text(encoding="utf-8").count("\n") >= 2:
            os.kill(workers[-1], 9)
            killed = True
        time.sleep(0.02)
    _, err = child.communicate(timeout=300)
    assert killed, f"the run ended before a worker could be killed: {err}"
    assert "Traceback" not in err
    assert child.returncode in (0, 1), err
    got = list(csv.DictReader(out.open(encoding="utf-8-sig")))  # whole rows only
    failed = {row["doc_id"] for row in csv.DictReader(errors.open(encoding="utf-8-sig"))}
    expected = [r for r in csv.DictReader(reference.open(encoding="utf-8-sig")) if r["doc_id"] not in failed]
    assert got == expected, err
