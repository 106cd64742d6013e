"""Turn a written number (Arabic, Chinese or mixed) into an exact Decimal.

Finding numbers in text is quantities.py's job; this module only reads one number
that has already been found, so it can be tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Mapping

ARABIC_CHARS = "0123456789.,"
ARABIC_SIGNS = MappingProxyType({"-": "-", "−": "-", "+": "+"})
TWO_ONLY = frozenset("两兩俩倆")  # "two" before a unit, never a digit of a digit-by-digit run


@dataclass(frozen=True)
class NumeralTable:
    """The characters of Chinese numerals (patterns/numerals.toml)."""

    digits: Mapping[str, int]
    compound_digits: Mapping[str, int]
    small_units: Mapping[str, int]
    magnitudes: Mapping[str, int]  # character -> power of ten
    points: frozenset[str]
    signs: Mapping[str, str]



def _tokenize(text: str, table: NumeralTable) -> list[tuple[str, Decimal | int, str]]:
    """Split a numeral into (kind, value, surface) tokens; raise ValueError on anything else."""
    tokens: list[tuple[str, Decimal | int, str]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isdigit() and char.isascii():
            j = i
            while j < len(text) and text[j] in ARABIC_CHARS:
                j += 1
            tokens.append(("arabic", Decimal(text[i:j].replace(",", "")), text[i:j]))
            i = j
            continue
        if char in table.digits:
            tokens.append(("digit", table.digits[char], char))
        elif char in table.compound_digits:
            tokens.append(("compound", table.compound_digits[char], char))
        elif char in table.small_units:
            tokens.append(("small", table.small_units[char], char))
        elif char in table.magnitudes:
            tokens.append(("magnitude", table.magnitudes[char], char))
        elif char in table.points:
            tokens.append(("point", 0, char))
        else:
            raise ValueError(f"not a numeral character: {char!r} in {text!r}")
        i += 1
    return tokens


def _integer_part(tokens: list, text: str) -> Decimal:
    """Value of tokens holding no decimal point: 三千二百万, 3万4000, 二〇二〇, 一万二."""
    has_units = any(kind in ("small", "magnitude") for kind, _, _ in tokens)
    if not has_units:
        # A run of digits read one by one: 二〇二〇 -> 2020, 一二三 -> 123. Two digits
        # without a zero are more often two words (唯一一家, 唯二两家), and 两 never
        # appears in such a run.
        if all(kind == "digit" for kind, _, _ in tokens) and len(tokens) > 1:
            surface = "".join(s for _, _, s in tokens)
            if (len(tokens) >= 3 or any(v == 0 for _, v, _ in tokens)) and not set(surface) & TWO_ONLY:
                return Decimal("".join(str(value) for _, value, _ in tokens))
            raise ValueError(f"not a run of digits: {text!r}")
        if len(tokens) == 1:
            return Decimal(tokens[0][1])
        raise ValueError(f"digits without units: {text!r}")

    parts: list[tuple[Decimal, int]] = []  # closed sections: (value, power of their magnitude)
    section = Decimal(0)  # the part below the next magnitude: 三千二百
    number: Decimal | None = None  # a digit waiting for its unit
    last_unit = 0  # the most recent unit, for colloquial 一万二 = 12000
    after_zero = False  # 一万零二 is 10002, never 12000
    number_is_digit = False
    for kind, value, _ in tokens:
        if kind in ("digit", "arabic", "compound"):
            if number is not None:
                raise ValueError(f"two numbers in a row: {text!r}")
            if kind == "digit" and value == 0:
                after_zero = True
                continue
            number = Decimal(value)
            number_is_digit = kind == "digit"
        elif kind == "small":
            section += (number if number is not None else 1) * value
            number, last_unit, after_zero = None, value, False
        elif section == 0 and number is None and parts and not after_zero and parts[-1][1] <= value:
            # 万万 = 亿: a magnitude right after another scales it again.
            last, level = parts.pop()
            parts.append((last * Decimal(10) ** value, level + value))
            last_unit = 10 ** (level + value)
        else:  # magnitude
            below = section + (number or 0) + sum(v for v, p in parts if p < value)
            parts = [(v, p) for v, p in parts if p >= value]
            if below == 0:
                below = Decimal(1)  # a bare 万 is ten thousand
            parts.append((below * Decimal(10) ** value, value))
            section, number, last_unit, after_zero = Decimal(0), None, 10**value, False
    if number is not None and number_is_digit and not after_zero and last_unit >= 100:
        number *= Decimal(last_unit) / 10  # 一万二 = 12000, 两百五 = 250
    return sum((v for v, _ in parts), Decimal(0)) + section + (number or 0)


def parse_range(text: str, table: NumeralTable) -> tuple[Decimal, Decimal] | None:
    """The two ends of a number written with two neighbouring digits, or None.

    Chinese writes a fuzzy range by naming both digits: 三四十 (30 to 40), 两三千 (2000 to
    3000), 十七八万 (170000 to 180000), 五六百.

    >>> from extract.rules import load_rules
    >>> t = load_rules().numerals
    >>> [tuple(map(str, parse_range(s, t))) for s in ["三四十", "两三千", "十七八万"]]
    [('30', '40'), ('2000', '3000'), ('170000', '180000')]
    >>> parse_range("三十", t) is None
    True
    >>> parse_range("十点二三三", t) is None  # digits after a decimal point are no range
    True
    """
    if any(char in table.points for char in text):
        return None
    for i in range(len(text) - 1):
        first, second = table.digits.get(text[i]), table.digits.get(text[i + 1])
        if first and second and second == first + 1 and (i == 0 or text[i - 1] not in table.digits):
            try:
                return (parse_number(text[:i] + text[i] + text[i + 2:], table),
                        parse_number(text[:i] + text[i + 1:], table))
            except ValueError:
                return None
    return None


def parse_number(text: str, table: NumeralTable) -> Decimal:
    """The exact value of a written number.

    >>> from extract.rules import load_rules
    >>> t = load_rules().numerals
    >>> [str(parse_number(s, t)) for s in ["2009.52亿", "三千二百万", "一百零五", "3万4000"]]
    ['200952000000.00', '32000000', '105', '34000']
    >>> str(parse_number("2.79万亿", t)), str(parse_number("负三点五", t)), str(parse_number("零下5", t))
    ('2790000000000.00', '-3.5', '-5')

    Raises:
        ValueError: the text is not a number.
    """
    text = text.strip()
    if not text:
        raise ValueError("empty number")
    sign = 1
    word = text[0] if text[0] in ARABIC_SIGNS else "" if text[0].isdigit() else \
        next((w for w in table.signs if text.startswith(w)), "")
    if word:  # -3.2, 负三, 零下5
        symbol = ARABIC_SIGNS.get(word) or table.signs[word]
        sign = -1 if symbol == "-" else 1
        text = text[len(word):]
    if text[:1].isdigit() and text[:1].isascii() and not text.strip(ARABIC_CHARS):
        return sign * Decimal(text.replace(",", ""))  # 2009.52, 2,928,502: as _tokenize would read it
    tokens = _tokenize(text, table)
    if not tokens:
        raise ValueError("no digits")
    points = [i for i, (kind, _, _) in enumerate(tokens) if kind == "point"]
    if not points:
        return sign * _integer_part(tokens, text)
    if len(points) > 1:
        raise ValueError(f"two decimal points: {text!r}")
    # 三点五亿: the digits after 点 are read one by one, then the magnitudes that follow
    # scale the whole number.
    point = points[0]
    whole = _integer_part(tokens[:point], text) if point else Decimal(0)
    rest = tokens[point + 1 :]
    fraction = ""
    while rest and rest[0][0] == "digit":
        fraction += str(rest[0][1])
        rest = rest[1:]
    if not fraction:
        raise ValueError(f"nothing after the decimal point: {text!r}")
    value = Decimal(f"{whole}.{fraction}")
    for kind, scale, _ in rest:
        if kind == "magnitude":
            value *= Decimal(10) ** scale
        elif kind == "small":
            value *= scale
        else:
            raise ValueError(f"unexpected {kind} after the decimal part: {text!r}")
    return sign * value


def normalize_decimal(value: Decimal) -> str:
    """Write a value as a plain decimal: no exponent, no trailing zeros.

    >>> normalize_decimal(Decimal("200952000000.00")), normalize_decimal(Decimal("-9126.00"))
    ('200952000000', '-9126')
    >>> normalize_decimal(Decimal("0.10")), normalize_decimal(Decimal("1E+3"))
    ('0.1', '1000')
    """
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text
