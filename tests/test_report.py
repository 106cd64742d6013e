"""The HTML report: self-contained pages that render in headless Chromium, every fact highlighted."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli import main

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


ARTICLES = sorted((ROOT / "corpus" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    assert main(["report", str(ROOT / "corpus" / "articles"), "--gold", str(ROOT / "corpus" / "gold"),
                 "-o", str(folder)]) == 0
    return folder


@pytest.fixture(scope="module")
def seed_facts():
    out = ROOT / "out" / "test_report_seed.csv"
    assert main(["run", str(ROOT / "corpus" / "articles" / "yubei_2020.txt"), "-o", str(out), "-q"]) == 0
    import csv

    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    out.unlink()
    return rows


def test_pages_are_self_contained(report):
    pages = sorted(report.glob("*.html"))
    assert len(pages) == len(ARTICLES) + 1  # a page per article and the index
    for page in pages:
        text = page.read_text(encoding="utf-8")
        # No request can leave the machine: no remote URL, no script, no external stylesheet.
        assert not re.search(r"(src|href)\s*=\s*\"(https?:)?//", text), page.name
        assert "<script" not in text and "<link" not in text
    assert "<svg" in (report / "index.html").read_text(encoding="utf-8")


def test_each_fact_of_the_seed_is_highlighted_once(report, seed_facts):
    page = (report / "yubei_2020.html").read_text(encoding="utf-8")
    highlighted = [i for ids in re.findall(r'data-fact-ids="([^"]*)"', page) for i in ids.split()]
    assert sorted(highlighted, key=int) == [row["fact_id"] for row in seed_facts]


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="needs Debian's chromium and chromium-driver")
def test_report_renders_in_headless_chromium(report, seed_facts, tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,1600"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get((report / "index.html").as_uri())
        assert "extract report" in driver.title
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "table a")]
        assert len(links) == len(ARTICLES)
        shot = tmp_path / "index.png"
        assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 10_000

        driver.find_element(By.LINK_TEXT, "yubei_2020").click()  # the index links work
        assert driver.current_url.endswith("yubei_2020.html")
        marks = driver.find_elements(By.CSS_SELECTOR, ".text mark")
        ids = [i for mark in marks for i in (mark.get_attribute("data-fact-ids") or "").split()]
        assert sorted(ids, key=int) == [row["fact_id"] for row in seed_facts]
        first = next(m for m in marks if m.get_attribute("data-fact-ids") == "1")
        assert first.text == "2000亿元" and "地区生产总值" in first.get_attribute("title")
        assert first.size["width"] > 0  # laid out, not hidden
        assert driver.save_screenshot(str(tmp_path / "yubei.png"))
        for link in links:  # every article page opens
            driver.get(link)
            assert driver.find_elements(By.CSS_SELECTOR, ".text")
    finally:
        driver.quit()


def test_spacy_finds_the_component_without_an_import(tmp_path):
    code = ("import spacy\nnlp = spacy.blank('zh')\nnlp.add_pipe('zh_statistics')\n"
            "docs = list(nlp.pipe(['产值实现2009.52亿元，同比增长3.9%。', '下降3个百分点。']))\n"
            "print([[(s.text, s.label_) for s in d.spans['quantities']] for d in docs])\n"
            "print(len(docs[0]._.facts))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0] == "[[('2009.52亿元', 'currency'), ('3.9%', 'percent')], [('3个百分点', 'points')]]"
    assert lines[1] == "2"


def test_frames_have_one_shape_whatever_the_format(tmp_path):
    from decimal import Decimal

    from extract import read_facts, to_frame
    from extract.pipeline import Extractor  # noqa: F401 - the default extractor is built by extract_facts

    import extract

    facts = extract.extract_facts("渝北区地区生产总值实现2009.52亿元，研发投入占比0.1%。", doc_id="x")
    frame = to_frame(facts)
    assert list(frame["value"]) == [Decimal("200952000000"), Decimal("0.1")]
    shapes = []
    for suffix in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"facts.{suffix}"
        article = tmp_path / "x.txt"
        article.write_text("渝北区地区生产总值实现2009.52亿元，研发投入占比0.1%。", encoding="utf-8")
        assert main(["run", str(article), "-o", str(out), "-q"]) == 0
        read = read_facts(out)
        assert list(read["value"]) == [Decimal("200952000000"), Decimal("0.1")]
        shapes.append({c: str(t) for c, t in read.dtypes.items()})
    assert shapes[0] == shapes[1] == shapes[2]
    assert shapes[0]["start"] == "Int64" and shapes[0]["unit"] == "category" and shapes[0]["kind"] == "category"
