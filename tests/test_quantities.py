"""find_quantities, family by family (Core I). Expected values come from reading the text."""

from decimal import Decimal as D

import pytest

Q = pytest.param

ARABIC = [
    ("地区生产总值实现2009.52亿元", [("2009.52亿元", D("200952000000"), "元", "=")]),
    ("持有2,928,502股", [("2,928,502股", D("2928502"), "股", "=")]),
    ("净利润为-9126.00万元", [("-9126.00万元", D("-91260000"), "元", "=")]),
    ("吸引资金+15亿元", [("+15亿元", D("1500000000"), "元", "=")]),
    ("出口9734.5亿美元", [("9734.5亿美元", D("973450000000"), "美元", "=")]),
]

CHINESE = [
    ("投资三千二百万元", [("三千二百万元", D("32000000"), "元", "=")]),
    ("增加两万人", [("两万人", D("20000"), "人", "=")]),
    ("共有一百零五个", [("一百零五个", D("105"), "个", "=")]),
    ("贸易额2.79万亿元", [("2.79万亿元", D("2790000000000"), "元", "=")]),
    ("招聘3万4000人", [("3万4000人", D("34000"), "人", "=")]),
    ("投入千万余元建设", [("千万余元", D("10000000"), "元", ">")]),
    ("收入萬元", []),  # a magnitude alone, with no qualifier, is not a number
    ("收入兩億元", [("兩億元", D("200000000"), "元", "=")]),
    ("捐款壹佰贰拾叁元", [("壹佰贰拾叁元", D("123"), "元", "=")]),
    ("共有〇个", [("〇个", D("0"), "个", "=")]),
]

PERCENT = [
    ("占GDP比重增至4.08%", [("4.08%", D("4.08"), "%", "=")]),
    ("占比百分之十二", [("百分之十二", D("12"), "%", "=")]),
    ("下降两成", [("两成", D("20"), "%", "=")]),
    ("占比近五成", [("五成", D("50"), "%", "<")]),
    ("出生率为3‰", [("3‰", D("3"), "‰", "=")]),
    ("约占三分之一", [("三分之一", D("33.333333"), "%", "~")]),
    ("占全球1/4", [("1/4", D("25"), "%", "=")]),
    ("提高3.3个百分点", [("3.3个百分点", D("3.3"), "百分点", "=")]),
    ("增长５０．１％", [("５０．１％", D("50.1"), "%", "=")]),  # full-width forms
]

MAGNITUDE_UNITS = [
    ("发电3亿千瓦时", [("3亿千瓦时", D("300000000"), "千瓦时", "=")]),
    ("吞吐量20万标箱", [("20万标箱", D("200000"), "标箱", "=")]),
    ("接待游客3.5万人次", [("3.5万人次", D("35000"), "人次", "=")]),
    ("种植5万亩", [("5万亩", D("50000"), "亩", "=")]),
    ("总产量13657亿斤", [("13657亿斤", D("1365700000000"), "斤", "=")]),
    ("存栏10万头", [("10万头", D("100000"), "头", "=")]),
    ("能耗187.41万吨标准煤", [("187.41万吨标准煤", D("1874100"), "吨标准煤", "=")]),
    ("重3千克", [("3千克", D("3"), "千克", "=")]),  # 千 starts the unit, not a magnitude
]

BOUNDS = [
    ("吸引30余名人才", [("30余名", D("30"), "名", ">")]),
    ("历经70多次修改", [("70多次", D("70"), "次", ">")]),
    ("聘请十多名专家", [("十多名", D("10"), "名", ">")]),
    ("覆盖约80万", [("80万", D("800000"), "", "~")]),
    ("保持在1%左右", [("1%左右", D("1"), "%", "~")]),
    ("进出港近20万艘次", [("20万艘次", D("200000"), "艘次", "<")]),
    ("整合不低于3亿元财政资金", [("3亿元", D("300000000"), "元", ">=")]),
    ("突破2000亿元", [("2000亿元", D("200000000000"), "元", ">")]),
    ("超过5家", [("5家", D("5"), "家", ">")]),
    ("不足百个", [("百个", D("100"), "个", "<")]),
    ("90%以上", [("90%以上", D("90"), "%", ">=")]),
    ("控制在10%以内", [("10%以内", D("10"), "%", "<=")]),
    ("粉丝900万+", [("900万+", D("9000000"), "", ">")]),
    ("出动上百警力", [("百", D("100"), "", ">=")]),
    ("至少已有11个", [("11个", D("11"), "个", ">=")]),  # the qualifier may stand a little before
    ("同比下降超30%", [("30%", D("30"), "%", ">")]),
    ("逾450万辆", [("450万辆", D("4500000"), "辆", ">")]),
    ("1200余万人次", [("1200余万人次", D("12000000"), "人次", ">")]),
    ("十几万人", [("十几万人", D("100000"), "人", ">")]),
]

RANGES = [
    ("预计8.5亿元至10亿元", [("8.5亿元", D("850000000"), "元", ">="), ("10亿元", D("1000000000"), "元", "<=")]),
    ("增速16%-37%", [("16%", D("16"), "%", ">="), ("37%", D("37"), "%", "<=")]),
    ("月薪1.2万-2万元", [("1.2万", D("12000"), "元", ">="), ("2万元", D("20000"), "元", "<=")]),
    ("规模12~18万", [("12", D("120000"), "", ">="), ("18万", D("180000"), "", "<=")]),
    ("占30%到55%", [("30%", D("30"), "%", ">="), ("55%", D("55"), "%", "<=")]),
    ("高5到7个百分点", [("5", D("5"), "百分点", ">="), ("7个百分点", D("7"), "百分点", "<=")]),
    ("每克400克至500克", [("400克", D("400"), "克", ">="), ("500克", D("500"), "克", "<=")]),
]

MULTIPLES_RATIOS_RANKS = [
    ("增长1.3倍", [("1.3倍", D("1.3"), "倍", "=")]),
    ("收入翻一番", [("翻一番", D("2"), "倍", "=")]),
    ("翻了两番", [("翻了两番", D("4"), "倍", "=")]),
    ("按4:6出资", [("4:6", D("4"), "", "="), ("4:6", D("6"), "", "=")]),
    ("比例为5：1", [("5：1", D("5"), "", "="), ("5：1", D("1"), "", "=")]),
    ("结构为3.9：59.5：36.6", [("3.9：59.5：36.6", D("3.9"), "", "="), ("3.9：59.5：36.6", D("59.5"), "", "="),
                             ("3.9：59.5：36.6", D("36.6"), "", "=")]),
    ("均居全市第一", [("第一", D("1"), "rank", "=")]),
    ("居全市第三", [("第三", D("3"), "rank", "=")]),
    ("排名第12位", [("第12位", D("12"), "rank", "=")]),
    ("位居榜首", [("榜首", D("1"), "rank", "=")]),
    ("入围前十", [("前十", D("10"), "rank", "<=")]),
    ("没有发生一笔呆账", [("一笔", D("0"), "笔", "=")]),
]

FUZZY_AND_HALF = [
    ("销售两三千箱", [("两三千箱", D("2000"), "箱", ">="), ("两三千箱", D("3000"), "箱", "<=")]),
    ("来了十七八万人", [("十七八万人", D("170000"), "人", ">="), ("十七八万人", D("180000"), "人", "<=")]),
    ("超过一半", [("一半", D("50"), "%", ">")]),
    ("占比过半", [("过半", D("50"), "%", ">")]),
    ("在10家净利盈利的公司中垫底", [("10家", D("10"), "家", "="), ("垫底", D("10"), "rank", "=")]),
    ("半数以上", [("半数以上", D("50"), "%", ">=")]),
    ("三成五的企业", [("三成五", D("35"), "%", "=")]),
    ("七成半", [("七成半", D("75"), "%", "=")]),
    ("两个亿的投资", [("两个亿", D("200000000"), "", "=")]),  # spoken: a magnitude counted with 个
    ("出生率为千分之三", [("千分之三", D("3"), "‰", "=")]),  # per mille, as written
    ("降息25bp", [("25bp", D("25"), "基点", "=")]),
    ("约合￥100万", [("￥100万", D("1000000"), "元", "~")]),  # a currency sign is the unit
    ("回购US$58亿", [("US$58亿", D("5800000000"), "美元", "=")]),
    ("回收期为51.3天", [("51.3天", D("51.3"), "天", "=")]),  # a duration that is measured
    ("同比减少0.9天", [("0.9天", D("0.9"), "天", "=")]),
]

NOT_QUANTITIES = [
    ("2020年以来", []),
    ("1-8月", []),
    ("9月17日", []),
    ("生产N95口罩", []),
    ("5G基站", []),
    ("BA.5毒株", []),
    ("COVID-19疫情", []),
    ("“十四五”规划", []),
    ("三大引擎", []),
    ("一次性奖励", []),
    ("一头是需求", []),
    ("连续5个月", []),
    ("3年来", []),
    ("第一批企业", []),
    ("成千上万", []),
    ("几十万人", []),
    ("数百家", []),
    ("08-16 06:22", []),
    ("陆家嘴财经早餐", []),  # 陆 is a financial six only inside a run of numerals
    ("增长超过30万人的城市", []),  # a threshold that picks out a group (SCHEMA)
    ("这11个城市", []),  # refers back to a group already named
    ("两年平均增长", []),  # a duration that says when
    ("休假三天", []),
    ("唯一的因素", []),
    ("重点城市人口变局", []),
    ("有相当一部分是00后", []),  # a birth cohort is a name
    ("大部分都是99、00年左右的", []),
    ("从4个方面提出要求", []),  # the parts of an argument are rhetoric
    ("万人有效发明专利拥有量达到23.56件", [("23.56件", D("23.56"), "件", "=")]),  # the 万人 is the metric's
]


def _found(extractor, text):
    return [(q.text, q.value, q.unit, q.qualifier.value) for q in extractor.quantities(text)]


@pytest.mark.parametrize("text, expected", ARABIC + CHINESE)
def test_numbers(extractor, text, expected):
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", PERCENT)
def test_percent_and_shares(extractor, text, expected):
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", MAGNITUDE_UNITS)
def test_magnitudes_with_units(extractor, text, expected):
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", BOUNDS)
def test_approximations_and_bounds(extractor, text, expected):
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", RANGES)
def test_ranges_give_two_quantities(extractor, text, expected):
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", MULTIPLES_RATIOS_RANKS)
def test_multiples_ratios_ranks_zero(extractor, text, expected):
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", FUZZY_AND_HALF)
def test_fuzzy_ranges_halves_last_place_durations(extractor, text, expected):
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", NOT_QUANTITIES)
def test_not_quantities(extractor, text, expected):
    assert _found(extractor, text) == expected


LISTS = [
    ("分别增长3.3、1.4、1.1倍", [("3.3", D("3.3"), "倍", "="), ("1.4", D("1.4"), "倍", "="), ("1.1倍", D("1.1"), "倍", "=")]),
    ("分别增长31.62个和7.01个百分点", [("31.62个", D("31.62"), "百分点", "="), ("7.01个百分点", D("7.01"), "百分点", "=")]),
    ("分别扩大21.3、20.4个百分点", [("21.3", D("21.3"), "百分点", "="), ("20.4个百分点", D("20.4"), "百分点", "=")]),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_lists_share_the_last_unit(extractor, text, expected):
    assert _found(extractor, text) == expected


def test_offsets_slice_the_original(extractor):
    text = "近日，**增长５０．１％**，整合不低于3亿元。"
    for quantity in extractor.quantities(text):
        assert text[quantity.start:quantity.end] == quantity.text


@pytest.mark.parametrize("bad", [None, b"bytes", 12])
def test_wrong_type_is_a_type_error(extractor, bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        extractor.quantities(bad)


def test_blank_text_has_no_quantities(extractor):
    assert extractor.quantities("") == [] and extractor.quantities("  \n ") == []
