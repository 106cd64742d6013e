"""SCHEMA "Scoring", rule by rule, on small hand-made tables."""

from decimal import Decimal as D

import pytest

from extract.phrases import phrase_similarity, phrases_agree, subject_similarity
from extract.score import Row, canonical_period, match_rows, score, total, values_equal


def row(value, unit="元", metric="营业收入", subject="渝北区", qualifier="=", period="", kind="level", doc="a"):
    return Row(doc, subject, metric, D(value), unit, qualifier, period, kind)


@pytest.mark.parametrize(
    "a, b, agree",
    [("地区生产总值", "地区生产总值", True),
     ("GDP比重", "R&D支出占GDP比重", True),  # containment
     ("R＆D支出", "r&d支出", True),  # NFKC and lower case; & is a symbol and is removed
     ("营业收入", "营业总收入", True),  # Dice of bigrams: 2*2/(3+4) = 0.57
     ("营业收入", "净利润", False),
     ("", "", True),
     ("", "营业收入", False),  # an empty predicted phrase agrees only with an empty gold one
     ("全市", "我市", True),
     ("中国", "全国", True),
     ("全市", "全省", False)],
)
def test_phrase_agreement(a, b, agree):
    assert phrases_agree(a, b) is agree


def test_empty_gold_subject_agrees_with_anything():
    assert subject_similarity("重庆市", "") == 1.0
    assert subject_similarity("", "重庆市") == 0.0


def test_one_character_phrase_is_its_own_bigram():
    assert phrase_similarity("税", "税") == 1.0


@pytest.mark.parametrize("a, b, equal", [("200952000000", "200952000000.00", True), ("1000000", "1000000.9", True),
                                         ("1000000", "1000002", False), ("0", "0", True), ("0", "0.0000001", False)])
def test_relative_tolerance(a, b, equal):
    assert values_equal(D(a), D(b)) is equal


def test_unit_must_be_equal():
    assert match_rows([row("5", unit="家")], [row("5", unit="个")]) == []


def test_fact_matches_are_taken_before_quantity_matches():
    gold = [row("32", "家", metric="研发机构法人化试点单位"), row("32", "家", metric="新建新型研发机构")]
    predicted = [row("32", "家", metric="新建新型研发机构"), row("32", "家", metric="法人化试点单位")]
    pairs = sorted(match_rows(predicted, gold))
    assert pairs == [(0, 1, True), (1, 0, True)]


def test_an_undeduplicated_repeat_is_a_false_positive():
    gold = [row("690", "家", metric="国家高新技术企业")]
    predicted = [row("690", "家", metric="国家高新技术企业"), row("690", "家", metric="国家高新技术企业")]
    overall, _ = total(score(predicted, gold))
    assert (overall.quantity_matches, overall.predicted) == (1, 2)
    assert overall.quantity[0] == 0.5 and overall.quantity[1] == 1.0


def test_scores_and_agreement_shares():
    gold = [row("1", "rank", kind="rank", metric="排名"), row("4.08", "%", metric="比重", period="2020"),
            row("3", "元", metric="资金", qualifier=">=", period="2022-H1")]
    predicted = [row("1", "rank", kind="rank", metric="排名"), row("4.08", "%", metric="其他", period="2019"),
                 row("3", "元", metric="资金", qualifier=">=", period="2022-01/2022-06"), row("9", "个")]
    [article] = score(predicted, gold)
    counts = article.counts
    assert (counts.quantity_matches, counts.fact_matches) == (3, 2)
    assert counts.qualifier_agree == 3
    assert (counts.period_checked, counts.period_agree) == (2, 1)
    assert (article.separate.gold, article.separate.quantity_matches) == (1, 1)
    assert [r.value for r in article.extras] == [D("9")]


@pytest.mark.parametrize("period, canonical", [("2022-H1", "2022-01/2022-06"), ("2021-Q3", "2021-07/2021-09"),
                                               ("2021-08/2021-08", "2021-08"), ("2020", "2020")])
def test_equivalent_periods(period, canonical):
    assert canonical_period(period) == canonical
