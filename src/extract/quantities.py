"""Find every quantity in a cleaned text and resolve it to a value in base units.

Finding and resolving are separate steps. `find_spans` runs the rules of
quantities.toml over the text, keeps the longest of overlapping spans (then the
earliest) and drops spans that overlap a not_facts.toml match. `resolve_span` turns
one span into zero or more `Quantity` values (a ratio gives one per part). Finally
`link_ranges_and_lists` lets the ends of a range or the items of a list borrow the
unit and magnitude written only on the last one (12~18万, 3.3、1.4、1.1倍).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, Iterator

import regex

from .model import Kind, Qualifier, Quantity
from .numerals import parse_number, parse_range
from .rules import QuantityRule, Rules

log = logging.getLogger(__name__)

FRACTION_PLACES = Decimal("0.000001")  # 三分之一 -> 33.333333, as SCHEMA writes it
HUNDRED = Decimal(100)
RANGE_SEPARATORS = "至到~-"
RANGE_TO = "至到"  # also reach a new level (下降0.2%至5.0%): see joins_range
WINDOW_BEFORE, WINDOW_AFTER = 8, 24  # see QuantityFinder._windows
ANCHOR_WORD_LISTS = ("first_place", "last_place")  # rules whose words hold no numeral (榜首, 垫底)
NEAR = 40  # longer than any not-fact match (a quoted name, 2016-2020年, 近三个季度), and than
# the reach from any rule's match to what it needs (a rule's `needs`: see _near_needs)
LIST_SEPARATORS = "、和及与或"


@dataclass(frozen=True)
class Span:
    """A rule's match before its value is resolved."""

    rule: QuantityRule
    match: Any  # regex.Match
    start: int  # a qualifier word before the number is not part of the span (SCHEMA `text`)
    end: int


def joins_range(separator: str, low: Decimal, high: Decimal) -> bool:
    """Whether `separator` between two figures of one unit joins the ends of a range (5%-6%,
    增长38.31%至48.07%). 至 and 到 also reach a new level (失业率下降0.2%至5.0%): they join a
    range only between ends of one size, the top within three times the bottom."""
    return separator not in RANGE_TO or 0 < low <= high <= 3 * low


def _joined(windows) -> list[tuple[int, int]]:
    """(start, end) windows given in order of their starts, overlapping or touching ones joined."""
    joined: list[tuple[int, int]] = []
    for start, end in windows:
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def matches_near(pattern: Any, needs: Any, text: str) -> Iterator[Any]:
    """The matches of `pattern` in `text`, each of which lies within NEAR of a match of
    `needs`: looked for only there (see _near_needs)."""
    for start, end in _near_needs(needs, text, [(0, len(text))]):
        yield from pattern.finditer(text, start, end)


def _near_needs(needs: Any, text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of `windows` within NEAR of a match of a rule's `needs` (all of them when the
    rule has none). Every match of the rule lies that near one, so running it only there finds
    the same matches: a rule that needs 分之 is not run over a text that has none."""
    if needs is None:
        return windows
    near = _joined((found.start() - NEAR, found.end() + NEAR) for found in needs.finditer(text))
    parts, i = [], 0
    for start, end in windows:
        while i < len(near) and near[i][1] <= start:
            i += 1
        j = i
        while j < len(near) and near[j][0] < end:
            parts.append((max(start, near[j][0]), min(end, near[j][1])))
            j += 1
    return parts


class QuantityFinder:
    """Finds and resolves quantities with one set of rules; built once, reused."""

    def __init__(self, rules: Rules):
        self.rules = rules
        # 至少已有11个, 超过了30%, 约降1.0%, 约合人民币36亿元: a qualifier word may stand a little
        # before the number.
        self._before = rules.compile(r"(?: \L<q_before> ) (?: 已有 | 已经 | 已 | 有 | 了 | 达 | 为 | 是 | 占"
                                     r" | \L<increase_word> | \L<decrease_word> | \L<currency_name> ){0,2} \s* \Z")
        self._before_word = rules.compile(r"\L<q_before>")
        # 约占全国的15%: a share's qualifier stands before the whole it is a share of.
        self._share_before = rules.compile(r"(?P<word> 约占 ) [^，,。；;：:\d]{0,12}? 的 \s* \Z")
        table = rules.numerals
        anchors = set("0123456789") | set(table.digits) | set(table.compound_digits) | set(table.small_units) \
            | set(table.magnitudes) | {w[0] for name in ANCHOR_WORD_LISTS for w in rules.named_lists.get(name, ())} \
            | set(rules.named_lists.get("anchor_char", ()))
        self._anchor = regex.compile("[" + "".join(regex.escape(c) for c in sorted(anchors)) + "]+")
        self._lookalikes = tuple(rules.named_lists.get("qualifier_lookalike", ()))
        # Currencies other than the yuan, by every name they are written with (港币, 新台币), longest first.
        self._foreign_currencies = tuple(sorted((form for form, info in rules.units.items()
                                                 if info.family == "currency" and info.unit != "元"),
                                                key=lambda form: (-len(form), form)))
        # The low end of a range or an earlier list item, written without its unit.
        self._bare_tail = rules.compile(r"(?P<number> (?&num) ) \s* \Z")
        self._digit_then_small_unit = regex.compile(r"\d[" + "".join(table.small_units) + "]")

    # -- finding -------------------------------------------------------------

    def _windows(self, text: str) -> list[tuple[int, int]]:
        """Stretches of text that can hold a quantity: around every digit or numeral character.

        Rules are only run there, which spares the regex engine the prose between numbers. A
        window reaches WINDOW_BEFORE characters before its first anchor (the 第 of 第三, the 过
        of 过半) and WINDOW_AFTER after its last (units, per-unit denominators, 以上/左右);
        lookbehinds still see the text before a window.
        """
        return _joined((max(0, found.start() - WINDOW_BEFORE), min(len(text), found.end() + WINDOW_AFTER))
                       for found in self._anchor.finditer(text))

    def find_spans(self, text: str) -> list[Span]:
        """Every match of every rule, in rule order (overlaps not yet resolved)."""
        windows = self._windows(text)
        return [
            Span(rule, found, found.start(), found.end())
            for rule in self.rules.quantity_rules
            for start, end in _near_needs(rule.needs, text, windows)
            for found in rule.pattern.finditer(text, start, end)
            if found.end() > found.start()
        ]

    def _not_fact_matches(self, text: str, spans: list[Span]) -> list[tuple[str, frozenset[str], int, int]]:
        """Not-fact matches near the given spans (a not-fact match is never longer than NEAR)."""
        windows = _joined((max(0, span.start - NEAR), min(len(text), span.end + NEAR))
                          for span in sorted(spans, key=lambda span: span.start))
        found = {
            (rule.id, rule.applies_to, match.start(), match.end())
            for rule in self.rules.not_fact_rules
            for start, end in _near_needs(rule.needs, text, windows)
            for match in rule.pattern.finditer(text, start, end)
            if match.end() > match.start()
        }
        return sorted(found, key=lambda item: (item[2], item[0]))

    def quantities(self, text: str, original: str | None = None) -> list[Quantity]:
        """All quantities of a cleaned `text`; `text` fields are sliced from `original`.

        Of overlapping spans the longest wins, then the earliest, then the rule listed
        first; a span that resolves to nothing (a bare 62.2 seen by the general rule) is
        passed over, so it does not hide another rule's match of the same text. A kept span
        that overlaps a not-fact match is dropped. (Spans are resolved in that order, and
        only where no longer span was kept: most never need resolving.)
        """
        original = text if original is None else original
        spans = self.find_spans(text)
        # sorted() is stable: among equal spans the rule listed first stays first.
        spans.sort(key=lambda span: (-(span.end - span.start), span.start))
        occupied = bytearray(len(text) + 1)
        resolved: list[tuple[Span, list[Quantity]]] = []
        for span in spans:
            if any(occupied[span.start:span.end]):
                continue
            try:
                found = list(self.resolve_span(span, text, original))
            except (ValueError, ArithmeticError) as error:
                log.debug("unresolved %r (%s): %s", text[span.start:span.end], span.rule.id, error)
                continue
            if found:
                occupied[span.start:span.end] = b"\x01" * (span.end - span.start)
                resolved.append((span, found))
        excluded = self._not_fact_matches(text, [span for span, _ in resolved])
        kept: list[Quantity] = []
        for span, found in resolved:
            hit = next((rule_id for rule_id, applies_to, s, e in excluded
                        if s < span.end and span.start < e and (not applies_to or span.rule.id in applies_to)), None)
            if hit:
                log.debug("dropped %r (%s): %s", text[span.start:span.end], span.rule.id, hit)
                continue
            kept.extend(found)
        kept.sort(key=lambda q: (q.start, q.end))
        return self.link_ranges_and_lists(kept, text, original)

    # -- resolving -----------------------------------------------------------

    def _qualifier_before(self, text: str, start: int, number: str) -> Qualifier | None:
        window = text[max(0, start - 8):start]
        found = self._before.search(window)
        if not found:
            share = self._share_before.search(text, max(0, start - 16), start)
            return self.rules.qualifiers_before.get(share.group("word")) if share else None
        word = self._before_word.match(found.group(0)).group(0)
        if word in self.rules.only_before_magnitude and not self._is_bare_magnitude(number):
            return None
        if window.endswith(self._lookalikes, 0, found.start() + len(word)):
            return None  # 签约11个项目: the 约 of 签约 qualifies nothing
        return self.rules.qualifiers_before[word]

    def _is_bare_magnitude(self, number: str) -> bool:
        """百, 千万, 万: a magnitude with no digit before it. 十 is the exception: 十家, 十万人
        are ten and a hundred thousand, as 一百 would be written for a hundred."""
        table = self.rules.numerals
        return bool(number) and not number.startswith("十") \
            and all(c in table.small_units or c in table.magnitudes for c in number)

    def resolve_span(self, span: Span, text: str, original: str) -> Iterator[Quantity]:
        """The quantities one span stands for (none if the span turns out not to be one)."""
        found, rule = span.match, span.rule
        groups = found.groupdict()
        number = groups.get("number") or ""
        if rule.id == "quantity.amount" and self._is_bare(groups, number) and not self._is_bare_magnitude(number):
            return  # (as _resolve_amount would, before the qualifier is read: most spans end here)
        table = self.rules.numerals
        surface = original[span.start:span.end]
        before = self._qualifier_before(text, span.start, number)
        inside = self.rules.qualifiers_inside.get(groups.get("inside") or "")
        after = self.rules.qualifiers_after.get(groups.get("after") or "")
        qualifier = before or inside or after or Qualifier.EXACT

        def make(value: Decimal, unit: str, family: str, kind: Kind | None = None, **extra) -> Quantity:
            return Quantity(value=value, unit=unit, qualifier=extra.pop("qualifier", qualifier), text=surface,
                            start=span.start, end=span.end, rule=rule.id, family=family, kind=kind, **extra)

        resolve = rule.resolve
        if resolve == "amount":
            yield from self._resolve_amount(span, groups, text, original, qualifier, before or inside)
        elif resolve == "percent_words":  # 百分之十二; 负百分之二 carries its sign in front
            sign = -1 if table.signs.get(groups.get("sign") or "") == "-" else 1
            yield make(sign * parse_number(number, table), "%", "percent")
        elif resolve == "tenths":
            ends = parse_range(number, table) if not groups.get("tenth") else None
            if ends:  # 七八成: 70 % to 80 %, a fuzzy range like 五六十
                for end_value, end_qualifier in zip(ends, (Qualifier.AT_LEAST, Qualifier.AT_MOST)):
                    yield make(end_value * 10, "%", "percent", qualifier=end_qualifier)
                return
            tenth = groups.get("tenth") or ""
            extra = Decimal(5) if tenth == "半" else Decimal(table.digits[tenth]) if tenth else Decimal(0)
            tenths = Decimal("0.5") if number == "半" else parse_number(number, table)  # 半成 = 5 %
            yield make(tenths * 10 + extra, "%", "percent")
        elif resolve == "fraction":
            numerator, denominator = parse_number(number, table), parse_number(groups["den"], table)
            if denominator == 0 or numerator > denominator:
                return
            if denominator == 1000:  # 千分之三 is per mille, as written (SCHEMA)
                yield make(numerator, "‰", "permille")
                return
            value = (numerator / denominator * HUNDRED).quantize(FRACTION_PLACES, ROUND_HALF_EVEN)
            yield make(value, "%", "percent")
        elif resolve == "doubling":
            times = parse_number(number, table) if number else Decimal(1)
            yield make(Decimal(2) ** int(times), "倍", "multiple", Kind.GROWTH)
        elif resolve == "ratio":
            for part in found.group(0).strip().split(":"):  # (Decimal reads " 6" as 6)
                yield make(Decimal(part), "", "ratio", Kind.RATIO)
        elif resolve == "rank":
            yield make(parse_number(number, table), "rank", "rank", Kind.RANK)
        elif resolve == "rank_bound":
            yield make(parse_number(number, table), "rank", "rank", Kind.RANK, qualifier=Qualifier.AT_MOST)
        elif resolve == "discount":  # 八五折 → 85 %, 五折 → 50 %, 9.9折 → 99 %
            if len(number) == 2 and all(c in table.digits for c in number):
                value = Decimal(table.digits[number[0]] * 10 + table.digits[number[1]])
            elif len(number) == 2 and number.isdigit():  # 75折
                value = Decimal(number)
            else:
                value = parse_number(number, table) * 10
            yield make(value, "%", "percent")
        elif resolve == "half":  # 一半, 半数: fifty per cent; 过半: more than that
            yield make(Decimal(50), "%", "percent", qualifier=Qualifier.MORE if number.startswith("过") else qualifier)
        elif resolve == "first_place":
            yield make(Decimal(1), "rank", "rank", Kind.RANK)
        elif resolve == "zero":
            info = self.rules.units.get(groups.get("unit") or "")
            yield make(Decimal(0), info.unit if info else "", info.family if info else "count",
                       qualifier=Qualifier.EXACT)

    def _resolve_amount(self, span, groups, text, original, qualifier, approximate) -> Iterator[Quantity]:
        """A number with an optional magnitude, unit and per-unit denominator."""
        table = self.rules.numerals
        rule = span.rule
        number = groups.get("number") or ""
        start = span.start
        info = self.rules.units.get(groups.get("unit") or "")
        magnitude = groups.get("magnitude") or ""
        if rule.id == "quantity.amount" and self._is_bare(groups, number) \
                and not (approximate and self._is_bare_magnitude(number)):
            return  # a bare number is a quantity only where quantity.bare finds it (上百 aside)
        if self._is_bare_magnitude(number) and not (approximate or self._follows(text, start, "bare_magnitude_cue")):
            return  # 万人有效发明专利拥有量: a magnitude word alone is not a number
        if info and info.family == "duration" and not self._follows(text, start, "duration_cue"):
            return  # 3年来, 两天假期: a duration that only says when (SCHEMA)
        ends = parse_range(number, table) if rule.id == "quantity.amount" else None
        if ends:  # 两三千箱: a fuzzy range, its two ends
            for end_value, end_qualifier in zip(ends, (Qualifier.AT_LEAST, Qualifier.AT_MOST)):
                for char in magnitude:
                    end_value *= table.small_units.get(char) or Decimal(10) ** table.magnitudes[char]
                yield Quantity(value=end_value, unit=info.unit if info else "", qualifier=end_qualifier,
                               text=original[start:span.end], start=start, end=span.end, rule=rule.id,
                               family=info.family if info else "", per=groups.get("per") or "")
            return
        try:
            value = parse_number(number, table)
        except ValueError:
            # 唯二两家, 唯一一家: the numeral run holds a word's last character; read the tail.
            for cut in range(1, len(number)):
                try:
                    value = parse_number(number[cut:], table)
                except ValueError:
                    continue
                start += cut
                break
            else:
                raise
        for char in magnitude:
            value *= table.small_units.get(char) or Decimal(10) ** table.magnitudes[char]
        symbol = groups.get("symbol") or ""
        if not info and symbol:  # ￥100万: the sign is the unit
            info = self.rules.units[self.rules.currency_symbols[symbol]]
        if info and groups.get("unit") == "元":  # 港币10亿元, 新台币约300亿元: 元 of the currency named
            info = self._currency_before(text, start) or info
        family = info.family if info else ("index" if rule.id == "quantity.bare" else "")
        yield Quantity(value=value, unit=info.unit if info else "", qualifier=qualifier,
                       text=original[start:span.end], start=start, end=span.end, rule=rule.id, family=family,
                       kind=Kind.CHANGE if family == "points" else None, per=groups.get("per") or "")

    def _currency_before(self, text: str, start: int):
        """The unit of a foreign currency named right before a number in 元 (港币10亿元, 港币约
        10亿元); not in a rate of exchange (每美元7.1元, 1欧元7.8元), where it is the other side."""
        head = text[max(0, start - 10):start].rstrip()
        qualifier = self._before.search(head)
        head = head[:qualifier.start()].rstrip() if qualifier else head
        named = next((form for form in self._foreign_currencies if head.endswith(form)), "")
        before = head[:len(head) - len(named)][-1:]
        if not named or before == "每" or before.isdigit() or before in self.rules.numerals.digits:
            return None
        return self.rules.units[named]

    def _follows(self, text: str, start: int, list_name: str) -> bool:
        """Whether a word of the named list ends right before `start` (spaces allowed)."""
        words = self.rules.named_lists.get(list_name, frozenset())
        head = text[max(0, start - 12):start].rstrip()
        qualifier = self._before.search(head)
        if qualifier:  # 用了近25天: look past the qualifier word
            head = head[:qualifier.start()].rstrip()
        return any(head.endswith(word) for word in words) or bool(qualifier and qualifier.group(0).strip() in words)

    # -- ranges and lists ----------------------------------------------------

    def link_ranges_and_lists(self, found: list[Quantity], text: str, original: str) -> list[Quantity]:
        """Give the low end of a range, or the earlier items of a list, the unit of the last.

        `12~18万` → 120000 (>=) and 180000 (<=); `分别增长3.3、1.4、1.1倍` → three 倍;
        `31.62个和7.01个百分点` → two 百分点.
        """
        result = list(found)
        by_end = {q.end: i for i, q in enumerate(result)}
        added: list[Quantity] = []
        for i, high in enumerate(list(result)):
            if high.kind in (Kind.RATIO,) or high.rule == "quantity.zero":
                continue
            position = high.start
            is_range_end = True
            while True:
                gap_start = position
                while gap_start > 0 and text[gap_start - 1] == " ":
                    gap_start -= 1
                separator = text[gap_start - 1] if gap_start > 0 else ""
                if not separator or separator not in RANGE_SEPARATORS + LIST_SEPARATORS:
                    break
                is_range = separator in RANGE_SEPARATORS
                if is_range and not is_range_end:
                    break
                low_end = gap_start - 1
                while low_end > 0 and text[low_end - 1] == " ":
                    low_end -= 1
                low = self._low_end(result, by_end, low_end, text, original, high)
                if low is None:
                    break
                index, low_quantity = low
                if is_range and not joins_range(separator, low_quantity.value, high.value):
                    break  # 失业率下降0.2%至5.0%: 至 reaches a new level
                if is_range:
                    low_quantity, high = self._as_range(low_quantity, high)
                    result[i] = high
                if index is None:
                    added.append(low_quantity)
                else:
                    result[index] = low_quantity
                if is_range:
                    break  # a range has two ends
                is_range_end = False
                position = low_quantity.start
        return sorted(result + added, key=lambda q: (q.start, q.end))

    def _low_end(self, result, by_end, end, text, original, high):
        """The range's low end or the list item ending at `end`, in `high`'s unit; None if there is none.

        An item already found keeps its own unit when it has one; a bare number, or the
        classifier 个 before 个百分点, takes the last item's unit and magnitude.
        """
        if end in by_end:
            index = by_end[end]
            low = result[index]
            if low.unit == high.unit:
                return index, low
            if low.unit == "" or (low.unit == "个" and high.family == "points"):
                value = low.value if self._has_magnitude(low.text) else low.value * self._trailing_scale(high)
                return index, replace(low, value=value, unit=high.unit, family=high.family, kind=high.kind)
            return None
        window_start = max(0, end - 24)
        tail = self._bare_tail.search(text[window_start:end])
        if not tail:
            return None
        start = window_start + tail.start("number")
        number = tail.group("number")
        try:
            value = parse_number(number, self.rules.numerals)
        except ValueError:
            return None
        if not self._has_magnitude(number):
            value *= self._trailing_scale(high)
        return None, Quantity(value=value, unit=high.unit, qualifier=Qualifier.EXACT, text=original[start:end],
                              start=start, end=end, rule=high.rule, family=high.family, kind=high.kind, per=high.per)

    def _is_bare(self, groups: dict, number: str) -> bool:
        """A number with no unit, magnitude, 余/多 or currency symbol (62.2, 十八)."""
        return not groups.get("unit") and not groups.get("magnitude") and not groups.get("inside") \
            and not groups.get("symbol") and not self._has_magnitude(number)

    def _has_magnitude(self, number: str) -> bool:
        """万 or 亿 anywhere, or 千/百 after an Arabic digit (3千): 十八 has none, 18万 has one."""
        table = self.rules.numerals
        return any(c in table.magnitudes for c in number) or bool(self._digit_then_small_unit.search(number))

    def _trailing_scale(self, quantity: Quantity) -> Decimal:
        """The magnitude written after the last digit of a quantity's text: 18万 → 10000."""
        table = self.rules.numerals
        scale = Decimal(1)
        text = quantity.text
        digits = [i for i, c in enumerate(text) if c.isdigit() or c in table.digits]
        if not digits:
            return scale
        for char in text[digits[-1] + 1:]:
            if char in table.magnitudes:
                scale *= Decimal(10) ** table.magnitudes[char]
            elif char in table.small_units and not any(text.startswith(u, text.index(char)) for u in self.rules.units):
                scale *= table.small_units[char]
            elif char in "余多几":
                continue
            else:
                break
        return scale

    @staticmethod
    def _as_range(low: Quantity, high: Quantity) -> tuple[Quantity, Quantity]:
        if low.qualifier == Qualifier.EXACT:
            low = replace(low, qualifier=Qualifier.AT_LEAST)
        if high.qualifier == Qualifier.EXACT:
            high = replace(high, qualifier=Qualifier.AT_MOST)
        return low, high
