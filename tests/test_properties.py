"""Properties that hold for any input (hypothesis)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Text made of what Chinese news is made of: digits, numerals, units, qualifiers, punctuation.
PIECES = list("0123456789.,%‰:：-~零〇一二两三四五六七八九十百千万亿壹贰叁拾佰仟萬億兩点负第成倍番分之") + [
    "元", "亿元", "万人", "个", "家", "件", "名", "个百分点", "人次", "吨", "亩", "年", "月", "日", "约", "近",
    "超过", "不足", "以上", "左右", "余", "多", "增长", "下降", "同比", "，", "。", "、", "和", "至", "\n",
    "“", "”", "**", "全市", "渝北区", "公司", "N95", "5G", "％", "２", " ",
]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=st.one_of(NEWSY, st.text(max_size=60)))
def test_find_quantities_never_raises_and_spans_slice_the_text(extractor, text):
    for quantity in extractor.quantities(text):
        assert text[quantity.start:quantity.end] == quantity.text
        assert quantity.value.is_finite()


@SETTINGS
@given(text=NEWSY)
def test_extract_facts_is_deterministic(extractor, text):
    first = extractor.extract_text(text, doc_id="x")
    assert first == extractor.extract_text(text, doc_id="x")
