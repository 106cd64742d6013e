"""parse_number on its own: every way Chinese writes a number, values checked by hand."""

from decimal import Decimal as D

import pytest

from extract.numerals import normalize_decimal, parse_number

NUMBER_CASES = [
    ("2009.52", D("2009.52")),
    ("2,928,502", D("2928502")),
    ("-9126.00", D("-9126")),
    ("三千二百万", D("32000000")),
    ("两万", D("20000")),
    ("一百零五", D("105")),
    ("〇", D("0")),
    ("十", D("10")),
    ("十二", D("12")),
    ("二十", D("20")),
    ("一千零一十", D("1010")),
    ("一万零五", D("10005")),
    ("一亿零一万零一百零一", D("100010101")),
    ("2.79万亿", D("2790000000000")),
    ("3万4000", D("34000")),
    ("1亿2000万", D("120000000")),
    ("千万", D("10000000")),
    ("万", D("10000")),
    ("千亿", D("100000000000")),
    ("一万二", D("12000")),  # colloquial: the last digit is in the next unit down
    ("两百五", D("250")),
    ("三千五", D("3500")),
    ("二〇二〇", D("2020")),  # read digit by digit
    ("三点五", D("3.5")),
    ("三点五亿", D("350000000")),
    ("零点五", D("0.5")),
    ("负三", D("-3")),
    ("壹佰贰拾叁", D("123")),
    ("壹万贰仟", D("12000")),
    ("拾", D("10")),
    ("萬", D("10000")),
    ("兩億", D("200000000")),
    ("廿", D("20")),
    ("1千", D("1000")),
    ("1.2万", D("12000")),
    ("万万", D("100000000")),
    ("两万万", D("200000000")),
]


@pytest.mark.parametrize("text, expected", NUMBER_CASES)
def test_parse_number(rules, text, expected):
    assert parse_number(text, rules.numerals) == expected


@pytest.mark.parametrize("text", ["", "亿亿点", "三点", "一二点五点六", "元", "一一", "二两"])
def test_not_a_number(rules, text):
    with pytest.raises(ValueError):
        parse_number(text, rules.numerals)


@pytest.mark.parametrize(
    "value, written",
    [(D("200952000000.00"), "200952000000"), (D("0.10"), "0.1"), (D("-9126.00"), "-9126"),
     (D("1E+3"), "1000"), (D("-0"), "0"), (D("33.333333"), "33.333333")],
)
def test_normalize_decimal(value, written):
    assert normalize_decimal(value) == written


def test_an_arabic_number_read_at_once_reads_as_token_by_token(rules):
    # parse_number reads a plain Arabic number (2009.52, 2,928,502) in one step: it must give
    # what reading it token by token gives, to the last digit, or fail the same way.
    import random

    from extract.numerals import _integer_part, _tokenize

    draw = random.Random(11)
    for _ in range(3000):
        text = draw.choice("123456789") + "".join(draw.choice("0123456789.,") for _ in range(draw.randint(0, 12)))
        for signed in (text, "-" + text):
            try:
                slow = ("value", str((-1 if signed[0] == "-" else 1) * _integer_part(_tokenize(text, rules.numerals), text)))
            except (ValueError, ArithmeticError) as error:
                slow = ("error", type(error).__name__)
            try:
                fast = ("value", str(parse_number(signed, rules.numerals)))
            except (ValueError, ArithmeticError) as error:
                fast = ("error", type(error).__name__)
            assert fast == slow, signed
    assert str(parse_number("2,928,502", rules.numerals)) == "2928502"
