"""The command line: CSV that pandas and Excel read, exit codes, messages on stderr."""

import csv
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from extract.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "articles" / "yubei_2020.txt"
COLUMNS = ["doc_id", "fact_id", "subject", "metric", "value", "unit", "qualifier", "period", "kind",
           "text", "start", "end", "sentence", "mentions"]


@pytest.fixture(scope="module")
def seed_csv(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "facts.csv"
    assert main(["run", str(SEED), "-o", str(out), "--quiet"]) == 0
    return out


def test_csv_has_schema_columns_bom_and_plain_decimals(seed_csv):
    raw = seed_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # utf-8-sig: Excel shows the Chinese
    frame = pd.read_csv(seed_csv, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == COLUMNS
    assert "200952000000" in set(frame["value"])  # 2009.52亿元, never 2.00952e+11
    assert not frame["value"].str.contains("e", case=False).any()
    text = SEED.read_text(encoding="utf-8")
    for _, row in frame.iterrows():
        assert text[int(row["start"]):int(row["end"])] == row["text"]
    assert list(frame["fact_id"].astype(int)) == list(range(1, len(frame) + 1))


def test_read_facts_gives_exact_values(seed_csv):
    from extract import read_facts

    frame = read_facts(seed_csv)
    assert Decimal("200952000000") in set(frame["value"])
    assert str(frame["start"].dtype) == "Int64" and str(frame["unit"].dtype) == "category"


def test_stdout_when_no_output(capsys):
    assert main(["run", str(SEED), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ",".join(COLUMNS)


def test_dash_output_is_stdout(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["run", str(SEED), "--quiet", "-o", "-", "--format", "jsonl"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["doc_id"] == SEED.stem and not (tmp_path / "-").exists()


def test_inputs_without_articles_are_named(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "blank.jsonl").write_text("\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "empty"), str(tmp_path / "blank.jsonl"), "-o", str(tmp_path / "f.csv")]) == 0
    err = capsys.readouterr().err
    assert f"warning: no articles in {tmp_path / 'empty'}, {tmp_path / 'blank.jsonl'}" in err


def test_missing_input_is_a_usage_error(capsys, tmp_path):
    assert main(["run", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt: no such file or folder" in capsys.readouterr().err


def test_bad_article_is_named_and_the_run_goes_on(capsys, tmp_path):
    (tmp_path / "good.txt").write_text("利润增长3.5%。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x80\x81\xff" * 4)
    out = tmp_path / "facts.csv"
    assert main(["run", str(tmp_path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "bad.txt: not UTF-8 (bad byte at 0), GB18030 or Big5" in err and "Traceback" not in err
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [(r["doc_id"], r["value"]) for r in rows] == [("good", "3.5")]


def test_validate_prints_table_and_min_f1(capsys, seed_csv):
    gold = ROOT / "corpus" / "gold" / "yubei_2020.csv"
    assert main(["validate", str(seed_csv), "--gold", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "yubei_2020" in out and "TOTAL (micro)" in out and "rank and ratio rows" in out
    assert main(["validate", str(seed_csv), "--gold", str(gold), "--min-f1", "1.01"]) == 1
    assert "below 1.01" in capsys.readouterr().err


def test_check_patterns_is_silent_when_all_is_well(capsys):
    assert main(["check", "patterns"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_python_dash_m_and_help_example():
    done = subprocess.run([sys.executable, "-m", "extract", "run", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "extract run corpus/articles -o out/facts.csv" in done.stdout


def test_output_does_not_depend_on_hash_seed(tmp_path):
    # Word lists are sets; every place that iterates them must order them first.
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"facts{seed}.csv"
        env = {**__import__("os").environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "extract", "run", str(ROOT / "corpus" / "articles"), "-o", str(out), "-q"],
                       check=True, env=env)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_output_folder_is_created(tmp_path):
    out = tmp_path / "new" / "folder" / "facts.csv"
    assert main(["run", str(SEED), "-o", str(out), "-q"]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_unwritable_output_is_a_clear_error(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["run", str(SEED), "-o", str(blocker / "facts.csv"), "-q"]) == 2
    err = capsys.readouterr().err
    assert "cannot write the output" in err and "Traceback" not in err


def test_a_run_starts_without_importing_spacy(tmp_path):
    # extracting needs jieba's words, not a spaCy Doc: a batch run (and each worker) starts
    # without spaCy's import, about half a second; Extractor.nlp builds the pipeline on demand
    article = tmp_path / "a.txt"
    article.write_text("2020年渝北区地区生产总值实现2009.52亿元。", encoding="utf-8")
    code = ("import sys\nfrom extract.cli import main\n"
            f"assert main(['run', {str(article)!r}, '-o', {str(tmp_path / 'out.csv')!r}, '-q']) == 0\n"
            "print('spacy' in sys.modules)\n"
            "from extract.pipeline import Extractor\n"
            "doc = Extractor().nlp('渝北区地区生产总值实现2009.52亿元')\n"
            "print([token.text for token in doc][:3])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.splitlines() == ["False", "['渝北区', '地区生产总值', '实现']"], done.stderr
