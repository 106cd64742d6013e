"""The segmenter gives jieba's own words (jieba-rs cuts them; segment.JiebaWords re-splits the
runs it cuts differently), on real articles and on random text, with and without the HMM."""

import logging
import random
from pathlib import Path

import jieba
import pytest

from extract.segment import JiebaWords

ARTICLES = sorted(Path(__file__).resolve().parent.parent.joinpath("corpus", "articles").glob("*.txt"))
# Characters of every class jieba treats apart: common Chinese, digits, Latin letters, the
# symbols jieba keeps inside words, punctuation and white space, characters outside jieba's
# Chinese range (㐀 is CJK extension A), full-width forms, and dictionary words made of them.
ALPHABET = list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工"
                "也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物"
                "现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全") \
    + list("0123456789abcXYZ+#&._%-，。、；：！？（）“”—… \n\t") \
    + ["\r\n", "㐀", "\u9fd6", "①", "Ａ", "１", "％", "〇", "C++", "AT&T", "c#", "B股", "T恤", "A股",
       "iPhone", "COVID-19", "3.14", "1-11月", "亿元", "同比增长", "百分点"]


@pytest.fixture(scope="module")
def both(extractor):
    """jieba's Python tokenizer and ours, each with the pipeline's own words added."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    user_words = sorted({word for name in extractor.rules.context.get("keep_whole", ())
                         for word in extractor.rules.named_lists[name] if len(word) > 1})
    reference = jieba.Tokenizer()
    reference.initialize()
    for word in user_words:
        if not reference.FREQ.get(word):  # only new words (see JiebaWords)
            reference.add_word(word)
    return reference, JiebaWords(user_words)


@pytest.mark.parametrize("hmm", [True, False])
def test_articles_are_cut_into_jiebas_words(both, hmm):
    reference, ours = both
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        assert ours.cut(text, hmm) == list(reference.cut(text, HMM=hmm)), path.name


@pytest.mark.parametrize("hmm", [True, False])
def test_random_text_is_cut_into_jiebas_words(both, hmm):
    reference, ours = both
    chooser = random.Random(20261124)
    for _ in range(3000):
        text = "".join(chooser.choice(ALPHABET) for _ in range(chooser.randint(1, 30)))
        assert ours.cut(text, hmm) == list(reference.cut(text, HMM=hmm)), repr(text)


def test_runs_of_digits_and_symbols_are_split_as_jieba_splits_them():
    words = JiebaWords()
    assert words.cut("1-11月") == ["1", "-", "11", "月"]  # jieba-rs alone keeps 1-11 whole
    assert words.cut("3.14.15") == ["3.14", ".", "15"]
    assert words.cut("学C++语言") == ["学", "C++", "语言"]  # a dictionary word stays whole
    assert words.cut("3.14.15", hmm=False) == ["3", ".", "14", ".", "15"]


def test_added_words_stay_whole_and_stay_private():
    words = JiebaWords(["渝北创新"])
    assert "渝北创新" in words.cut("推出渝北创新政策")
    assert "渝北创新" not in JiebaWords().cut("推出渝北创新政策")
