"""The pattern files are data: they load, their ids are unique, their examples hold."""

import shutil

import pytest

from extract.errors import PatternError
from extract.rules import check_examples, load_rules


def test_bundled_patterns_load_and_examples_hold(rules):
    assert check_examples(rules) == []


def test_every_quantity_rule_has_examples(rules):
    assert all(rule.examples for rule in rules.quantity_rules)


def test_units_are_canonical(rules):
    # Every surface form maps to a canonical unit that is itself a form of the same family.
    for form, info in rules.units.items():
        assert info.unit in rules.units, form
        assert rules.units[info.unit].family == info.family, form


def _copy(tmp_path):
    target = tmp_path / "patterns"
    shutil.copytree(rules_dir(), target)
    return target


def rules_dir():
    from extract.rules import default_patterns_dir

    return default_patterns_dir()


def test_every_problem_is_reported_at_once(tmp_path):
    target = _copy(tmp_path)
    quantities = target / "quantities.toml"
    text = quantities.read_text(encoding="utf-8")
    text = text.replace('id = "quantity.bare"', 'id = "quantity.amount"')  # a duplicate id
    text = text.replace("百分之 (?P<number>", "百分之 ((?P<number>", 1)  # a regex that does not compile
    text = text.replace('resolve = "ratio"', 'resolve = "ratios"')  # an unknown resolver
    quantities.write_text(text, encoding="utf-8")
    with pytest.raises(PatternError) as raised:
        load_rules(target)
    problems = "\n".join(raised.value.problems)
    assert "quantity.amount: duplicate id" in problems
    assert "quantity.percent_words: regex does not compile" in problems
    assert "quantity.ratio: resolve 'ratios'" in problems


def test_unknown_keys_and_bad_toml_are_reported(tmp_path):
    target = _copy(tmp_path)
    (target / "units.toml").write_text((target / "units.toml").read_text(encoding="utf-8") + "\n[mystery]\nx = 1\n",
                                       encoding="utf-8")
    (target / "qualifiers.toml").write_text("[before\n", encoding="utf-8")
    with pytest.raises(PatternError) as raised:
        load_rules(target)
    problems = "\n".join(raised.value.problems)
    assert "units.toml: unknown key 'mystery'" in problems
    assert "qualifiers.toml: not valid TOML" in problems


def test_a_failing_example_is_reported(tmp_path):
    target = _copy(tmp_path)
    path = target / "quantities.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('["跌了一成", "一成"]', '["跌了一成", "两成"]'),
                    encoding="utf-8")
    problems = check_examples(load_rules(target))
    assert any("quantity.tenths" in p and "两成" in p for p in problems)
