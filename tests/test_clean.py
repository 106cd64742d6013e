"""Cleaning never moves a character; page furniture is masked, not deleted."""

from pathlib import Path

import pytest

from extract.clean import clean_text

ARTICLES = sorted(Path(__file__).resolve().parent.parent.joinpath("corpus", "articles").glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_cleaning_keeps_length_and_quantity_offsets(extractor, path):
    text = path.read_text(encoding="utf-8")
    cleaned = extractor.clean(text)
    assert len(cleaned) == len(text)
    for quantity in extractor.quantities(text):
        assert text[quantity.start:quantity.end] == quantity.text


CLEAN_CASES = [
    ("指数**６２．２**", "指数  62.2  "),  # markdown masked, full-width folded
    ("### 楼市\n", "    楼市\n"),
    ("占比\u00a0５０％", "占比 50%"),
    ("比例４：６", "比例4:6"),
    ("2，300", "2，300"),  # a Chinese comma separates a list; it is not a thousands mark
]


@pytest.mark.parametrize("text, expected", CLEAN_CASES)
def test_folds_and_marks(rules, text, expected):
    assert clean_text(text, rules) == expected


def test_caption_and_credit_are_masked(rules):
    text = "标题\n\n正文一句话很长很长很长很长很长很长很长，传统\n\n\n\n实验室操作人员在工作。\n\n受访者供图\n\n科研机构改制。\n"
    cleaned = clean_text(text, rules)
    assert "实验室" not in cleaned and "供图" not in cleaned
    assert "传统" in cleaned and "科研机构改制" in cleaned
    # The page break inside the sentence is blanked, so the sentence reads on.
    between = cleaned[cleaned.index("传统") + 2:cleaned.index("科研")]
    assert between.strip() == ""


@pytest.mark.parametrize(
    "line",
    ["责任编辑：张正君 ", "　　来源：华商报", "4月5日，游客观赏樱花。中新社发 俞方平/摄 吴比较/制图　",
     "全球主要国家疫苗接种速度（来源：Wind）", "　　《 人民日报海外版 》（ 2021年09月20日   第 03 版）"],
)
def test_furniture_lines(rules, line):
    text = f"标题\n{line}\n正文。"
    assert clean_text(text, rules).split("\n")[1].strip() == ""


@pytest.mark.parametrize("line", ["今天最高气温37摄氏度", "每人每天摄入食盐不超过5克", "全市新装摄像头2000个"])
def test_lines_with_words_that_hold_a_credit_character_are_read(rules, line):
    # 摄 is a photo credit only as a word of its own (张三 摄), not inside 摄氏度 or 摄入.
    assert clean_text(line, rules) == line
    assert clean_text(f"标题\n{line}\n正文。", rules).split("\n")[1] == line


def test_repeated_title_is_masked_but_a_different_one_is_read(rules):
    same = clean_text("1-4月西安增长\n　　原标题：1-4月西安增长\n正文。", rules)
    assert same.split("\n")[1].strip() == ""
    other = clean_text("利润增长\n原标题：利润增长38.0%\n正文。", rules)
    assert "38.0%" in other
