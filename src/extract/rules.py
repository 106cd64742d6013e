"""Load the pattern files into one frozen, checked `Rules` value.

Everything the pipeline knows about Chinese numbers, units, qualifiers and context
lives in `patterns/` as TOML. `load_rules` reads it, compiles every regex with its
named lists, runs every rule's examples, and raises one `PatternError` listing every
problem (file, rule id, what is wrong) instead of failing on the first.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import regex

from .errors import PatternError
from .model import Qualifier
from .numerals import NumeralTable

PATTERN_FILES = (
    "numerals.toml",
    "places.toml",
    "units.toml",
    "qualifiers.toml",
    "normalize.toml",
    "quantities.toml",
    "not_facts.toml",
    "context.toml",
)
RESOLVERS = frozenset(
    {"amount", "tenths", "percent_words", "fraction", "doubling", "ratio", "rank", "rank_bound", "first_place", "zero", "half", "discount"}
)
FLAGS = regex.VERBOSE | regex.V0


def default_patterns_dir() -> Path:
    """The `patterns/` folder: next to the package in a checkout, inside it when installed."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "patterns", here.parent.parent / "patterns"):
        if (candidate / "units.toml").is_file():
            return candidate
    return here.parent.parent / "patterns"


@dataclass(frozen=True)
class UnitInfo:
    unit: str  # canonical unit
    family: str  # currency, percent, permille, points, multiple, count, measure, index, duration


@dataclass(frozen=True)
class QuantityRule:
    id: str
    resolve: str
    pattern: Any  # compiled regex.Pattern
    examples: tuple[tuple[str, str], ...] = ()
    not_examples: tuple[str, ...] = ()
    needs: Any = None  # compiled regex found within quantities.NEAR of every match, or None


@dataclass(frozen=True)
class NotFactRule:
    id: str
    pattern: Any
    applies_to: frozenset[str] = frozenset()  # empty: every quantity rule
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()
    needs: Any = None  # as QuantityRule.needs


@dataclass(frozen=True)
class PeriodRule:
    id: str
    resolve: str  # how attach.py turns the match into a SCHEMA period
    pattern: Any
    needs: Any = None  # as QuantityRule.needs


@dataclass(frozen=True)
class Rules:
    """Everything in `patterns/`, compiled and checked. Immutable."""

    directory: Path
    numerals: NumeralTable
    units: Mapping[str, UnitInfo]  # surface form -> canonical unit and family
    currency_symbols: Mapping[str, str]  # ￥ -> 元, US$ -> 美元
    per_units: frozenset[str]
    qualifiers_before: Mapping[str, Qualifier]
    qualifiers_inside: Mapping[str, Qualifier]
    qualifiers_after: Mapping[str, Qualifier]
    folds: Mapping[str, str]  # one character -> one character
    furniture: Mapping[str, Any]  # normalize.toml [furniture], compiled by clean.py
    only_before_magnitude: frozenset[str]  # before-words that qualify only 百/千/万/亿 (上百)
    quantity_rules: tuple[QuantityRule, ...]
    not_fact_rules: tuple[NotFactRule, ...]
    context: Mapping[str, Any]  # context.toml, read by attach.py
    periods: tuple["PeriodRule", ...]
    named_lists: Mapping[str, frozenset[str]] = field(repr=False, default_factory=dict)

    def compile(self, pattern: str) -> Any:
        """Compile a pattern with the same named lists and subpatterns as the rule files."""
        return _compile(pattern, self.named_lists, self._defines)

    @property
    def _defines(self) -> Mapping[str, str]:
        return self.context.get("__defines__", {})


def _read_toml(path: Path, problems: list[str]) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        problems.append(f"{path}: missing")
    except tomllib.TOMLDecodeError as error:
        problems.append(f"{path}: not valid TOML: {error}")
    return {}


def _check_keys(where: str, table: Mapping, allowed: set[str], required: set[str], problems: list[str]) -> None:
    for key in sorted(set(table) - allowed):
        problems.append(f"{where}: unknown key {key!r}")
    for key in sorted(required - set(table)):
        problems.append(f"{where}: missing key {key!r}")


def _as_classes(pattern: str, named_lists: Mapping[str, frozenset[str]]) -> str:
    """Write each named list of single characters as a character class: the same match, but
    the regex engine tests a class at a glance and a named list one entry at a time."""
    def replace(found):
        words = named_lists.get(found.group(1))
        if words and all(len(w) == 1 for w in words):
            return "[" + "".join(regex.escape(w) for w in sorted(words)) + "]"
        return found.group(0)

    return regex.sub(r"\\L<(\w+)>", replace, pattern)


def _inline(pattern: str, defines: Mapping[str, str]) -> str:
    """Write each (?&name) call as the subpattern itself: the regex engine pays for a call at
    every position it tries, and an inline (?:…) costs nothing until it matches."""
    for _ in range(10):  # defines call each other a few levels deep, never in a cycle
        expanded = regex.sub(r"\(\?&(\w+)\)", lambda m: f"(?:{defines[m.group(1)]})" if m.group(1) in defines
                             else m.group(0), pattern)
        if expanded == pattern:
            return pattern
        pattern = expanded
    raise regex.error("subpatterns in [define] call each other in a cycle")


def _compile(pattern: str, named_lists: Mapping[str, frozenset[str]], defines: Mapping[str, str]) -> Any:
    full = _as_classes(_inline(pattern, defines), named_lists)
    used = {name: named_lists[name] for name in regex.findall(r"\\L<(\w+)>", full) if name in named_lists}
    return regex.compile(full, FLAGS, **used)


def _load_numerals(data: dict, where: str, problems: list[str]) -> NumeralTable:
    _check_keys(where, data, {"digits", "compound_digits", "small_units", "magnitudes", "points", "signs"},
                {"digits", "small_units", "magnitudes"}, problems)
    return NumeralTable(
        digits=MappingProxyType(dict(data.get("digits", {}))),
        compound_digits=MappingProxyType(dict(data.get("compound_digits", {}))),
        small_units=MappingProxyType(dict(data.get("small_units", {}))),
        magnitudes=MappingProxyType(dict(data.get("magnitudes", {}))),
        points=frozenset(data.get("points", {})),
        signs=MappingProxyType(dict(data.get("signs", {}))),
    )


def _load_units(data: dict, where: str, problems: list[str]) -> tuple[dict[str, UnitInfo], frozenset[str]]:
    _check_keys(where, data, {"unit", "per", "symbols"}, {"unit"}, problems)
    units: dict[str, UnitInfo] = {}
    for number, entry in enumerate(data.get("unit", []), 1):
        place = f"{where} [[unit]] #{number} ({entry.get('unit', '?')})"
        _check_keys(place, entry, {"unit", "family", "forms"}, {"unit", "family", "forms"}, problems)
        # A family entry ("count", "measure") lists classifiers that are their own unit.
        own_unit = entry.get("unit") == entry.get("family")
        for form in entry.get("forms", []):
            info = UnitInfo(form if own_unit else entry["unit"], entry.get("family", ""))
            if form in units and units[form] != info:
                problems.append(f"{place}: form {form!r} already means {units[form].unit!r}")
            units[form] = info
    per = frozenset(data.get("per", {}).get("forms", []))
    return units, per


def _load_qualifiers(data: dict, where: str, problems: list[str]) -> tuple[dict, dict, dict]:
    _check_keys(where, data, {"before", "inside", "after", "only_before_magnitude"}, {"before", "inside", "after"}, problems)
    tables = []
    for part in ("before", "inside", "after"):
        table = {}
        for word, symbol in data.get(part, {}).items():
            try:
                table[word] = Qualifier(symbol)
            except ValueError:
                problems.append(f"{where} [{part}] {word!r}: {symbol!r} is not a SCHEMA qualifier")
        tables.append(table)
    return tuple(tables)  # type: ignore[return-value]


def _load_folds(data: dict, where: str, problems: list[str]) -> dict[str, str]:
    _check_keys(where, data, {"ranges", "chars", "furniture", "traditional"}, set(), problems)
    folds: dict[str, str] = {}
    for name, (first, last, target) in data.get("ranges", {}).items():
        if len(first) != 1 or len(last) != 1 or len(target) != 1 or ord(last) < ord(first):
            problems.append(f"{where} [ranges] {name}: needs three single characters, first <= last")
            continue
        for offset in range(ord(last) - ord(first) + 1):
            folds[chr(ord(first) + offset)] = chr(ord(target) + offset)
    for source, target in list(data.get("chars", {}).items()) + list(data.get("traditional", {}).items()):
        if len(source) != 1 or len(target) != 1:
            problems.append(f"{where} [chars] {source!r}: a fold maps one character to one character")
            continue
        folds[source] = target
    return folds


def load_rules(directory: str | Path | None = None) -> Rules:
    """Read, compile and check every pattern file in `directory` (default: the bundled one).

    Raises:
        PatternError: listing every problem found, each with its file and rule id.
    """
    base = Path(directory) if directory is not None else default_patterns_dir()
    problems: list[str] = []
    if not base.is_dir():
        raise PatternError([f"{base}: not a folder of pattern files"])
    raw = {name: _read_toml(base / name, problems) for name in PATTERN_FILES}

    numerals = _load_numerals(raw["numerals.toml"], "numerals.toml", problems)
    units, per_units = _load_units(raw["units.toml"], "units.toml", problems)
    symbols = dict(raw["units.toml"].get("symbols", {}))
    for symbol, unit in symbols.items():
        if unit not in units:
            problems.append(f"units.toml [symbols] {symbol!r}: {unit!r} is not a unit")
    before, inside, after = _load_qualifiers(raw["qualifiers.toml"], "qualifiers.toml", problems)
    folds = _load_folds(raw["normalize.toml"], "normalize.toml", problems)

    named: dict[str, frozenset[str]] = {
        "unit": frozenset(units),
        "count_unit": frozenset(form for form, info in units.items() if info.family == "count"),
        "measure_unit": frozenset(form for form, info in units.items() if info.family in ("measure", "currency")),
        "per": per_units,
        "currency_symbol": frozenset(symbols),
        "cn_digit": frozenset(numerals.digits),
        "cn_compound": frozenset(numerals.compound_digits),
        "cn_small": frozenset(numerals.small_units),
        "cn_mag": frozenset(numerals.magnitudes),
        "cn_point": numerals.points,
        "cn_sign": frozenset(numerals.signs),
        "q_before": frozenset(before),
        "q_inside": frozenset(inside),
        "q_after": frozenset(after),
    }
    places = raw["places.toml"]
    _check_keys("places.toml", places, {"places"}, {"places"}, problems)
    named["known_place"] = frozenset(w for words in places.get("places", {}).values() for w in words)
    named["known_city"] = frozenset(places.get("places", {}).get("cities", ()))
    for file_name in ("quantities.toml", "not_facts.toml", "context.toml"):
        for list_name, words in raw[file_name].get("lists", {}).items():
            if list_name in named:
                problems.append(f"{file_name} [lists] {list_name}: name already used")
            elif not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                problems.append(f"{file_name} [lists] {list_name}: must be a list of non-empty strings")
            else:
                named[list_name] = frozenset(words)

    quantities = raw["quantities.toml"]
    _check_keys("quantities.toml", quantities, {"define", "lists", "rule"}, {"rule"}, problems)
    defines = dict(quantities.get("define", {}))
    try:
        for body in defines.values():
            _compile(body, named, defines)
    except regex.error as error:
        problems.append(f"quantities.toml [define]: regex does not compile: {error}")
        defines = {}

    seen: set[str] = set()

    def compiled(file_name: str, rule: dict, key: str = "regex") -> Any:
        rule_id = rule.get("id", "?")
        if key == "regex":
            if rule_id in seen:
                problems.append(f"{file_name} rule {rule_id}: duplicate id")
            seen.add(rule_id)
        unknown = set(regex.findall(r"\\L<(\w+)>", rule.get(key, ""))) - set(named)
        if unknown:
            problems.append(f"{file_name} rule {rule_id}: unknown named list(s) {sorted(unknown)}")
            return None
        try:
            return _compile(rule.get(key, ""), named, defines)
        except regex.error as error:
            problems.append(f"{file_name} rule {rule_id}: {key} does not compile: {error}")
            return None

    def needs(file_name: str, rule: dict) -> Any:
        return compiled(file_name, rule, "needs") if "needs" in rule else None

    quantity_rules = []
    for rule in quantities.get("rule", []):
        where = f"quantities.toml rule {rule.get('id', '?')}"
        _check_keys(where, rule, {"id", "resolve", "regex", "needs", "examples", "not_examples"}, {"id", "resolve", "regex"}, problems)
        if rule.get("resolve") not in RESOLVERS:
            problems.append(f"{where}: resolve {rule.get('resolve')!r} is not one of {sorted(RESOLVERS)}")
        pattern = compiled("quantities.toml", rule)
        if pattern is None:
            continue
        if "number" not in pattern.groupindex and rule.get("resolve") != "first_place":
            problems.append(f"{where}: regex has no (?P<number>…) group")
        quantity_rules.append(
            QuantityRule(
                id=rule["id"],
                resolve=rule.get("resolve", ""),
                pattern=pattern,
                examples=tuple(tuple(pair) for pair in rule.get("examples", [])),
                not_examples=tuple(rule.get("not_examples", [])),
                needs=needs("quantities.toml", rule),
            )
        )

    not_facts = raw["not_facts.toml"]
    _check_keys("not_facts.toml", not_facts, {"lists", "rule"}, {"rule"}, problems)
    rule_ids = {rule.id for rule in quantity_rules}
    not_fact_rules = []
    for rule in not_facts.get("rule", []):
        where = f"not_facts.toml rule {rule.get('id', '?')}"
        _check_keys(where, rule, {"id", "regex", "needs", "applies_to", "examples", "not_examples"}, {"id", "regex"}, problems)
        for target in rule.get("applies_to", []):
            if target not in rule_ids:
                problems.append(f"{where}: applies_to names unknown rule {target!r}")
        pattern = compiled("not_facts.toml", rule)
        if pattern is None:
            continue
        not_fact_rules.append(
            NotFactRule(
                id=rule["id"],
                pattern=pattern,
                applies_to=frozenset(rule.get("applies_to", [])),
                examples=tuple(rule.get("examples", [])),
                not_examples=tuple(rule.get("not_examples", [])),
                needs=needs("not_facts.toml", rule),
            )
        )

    for key, value in raw["normalize.toml"].get("furniture", {}).items():
        for pattern in value if isinstance(value, list) else [value]:
            if isinstance(pattern, str):
                try:
                    regex.compile(pattern, regex.MULTILINE)
                except regex.error as error:
                    problems.append(f"normalize.toml [furniture] {key}: regex does not compile: {error}")

    # Holidays with a fixed month (清明 → 4): a named list for the period rules, and the months.
    holiday_months = raw["context.toml"].get("holiday_month", {})
    for name, month in holiday_months.items():
        if not (isinstance(month, int) and 1 <= month <= 12):
            problems.append(f"context.toml [holiday_month] {name!r}: needs a month number 1-12")
    named["fixed_holiday"] = frozenset(holiday_months)
    periods = []
    for rule in raw["context.toml"].get("period", []):
        where = f"context.toml period {rule.get('id', '?')}"
        _check_keys(where, rule, {"id", "resolve", "regex", "needs"}, {"id", "resolve", "regex", "needs"}, problems)
        pattern = compiled("context.toml", rule)
        if pattern is not None:
            periods.append(PeriodRule(rule["id"], rule.get("resolve", ""), pattern, needs("context.toml", rule)))

    for verb, noun in raw["context.toml"].get("verb_object", {}).items():
        if not isinstance(noun, str) or "{}" not in noun:
            problems.append(f"context.toml [verb_object] {verb!r}: needs a string with {{}} for the object")
    for name in raw["context.toml"].get("keep_whole", []):
        if name not in named:
            problems.append(f"context.toml keep_whole: no list named {name!r}")
    context = dict(raw["context.toml"])
    context.pop("period", None)
    context.pop("lists", None)
    context["__defines__"] = defines

    if problems:
        raise PatternError(problems)
    rules = Rules(
        directory=base,
        numerals=numerals,
        units=MappingProxyType(units),
        currency_symbols=MappingProxyType(symbols),
        per_units=per_units,
        qualifiers_before=MappingProxyType(before),
        qualifiers_inside=MappingProxyType(inside),
        qualifiers_after=MappingProxyType(after),
        folds=MappingProxyType(folds),
        furniture=MappingProxyType(dict(raw["normalize.toml"].get("furniture", {}))),
        only_before_magnitude=frozenset(raw["qualifiers.toml"].get("only_before_magnitude", {}).get("words", [])),
        quantity_rules=tuple(quantity_rules),
        not_fact_rules=tuple(not_fact_rules),
        context=MappingProxyType(context),
        periods=tuple(periods),
        named_lists=MappingProxyType(named),
    )
    return rules


def check_examples(rules: Rules) -> list[str]:
    """Run every rule's examples and non-examples; return the failures, one line each."""
    problems = []
    for rule in (*rules.quantity_rules, *rules.not_fact_rules):
        for example in rule.examples:
            text = example if isinstance(example, str) else example[0]
            if rule.needs is not None and not rule.needs.search(text):  # (an example is shorter than NEAR)
                problems.append(f"rule {rule.id}: example {text!r} holds nothing it needs, so it is never tried")
    for rule in rules.quantity_rules:
        for text, expected in rule.examples:
            spans = [m.group(0) for m in rule.pattern.finditer(text)]
            if expected not in spans:
                problems.append(f"quantities.toml rule {rule.id}: example {text!r} should match {expected!r}, got {spans}")
        for text in rule.not_examples:
            spans = [m.group(0) for m in rule.pattern.finditer(text)]
            if spans:
                problems.append(f"quantities.toml rule {rule.id}: non-example {text!r} matched {spans}")
    for rule in rules.not_fact_rules:
        for text in rule.examples:
            if not rule.pattern.search(text):
                problems.append(f"not_facts.toml rule {rule.id}: example {text!r} does not match")
        for text in rule.not_examples:
            found = rule.pattern.search(text)
            if found:
                problems.append(f"not_facts.toml rule {rule.id}: non-example {text!r} matched {found.group(0)!r}")
    return problems
