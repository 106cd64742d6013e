"""The pattern files are data: they load, their ids are unique, their examples hold."""

import shutil

import pytest
import regex

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


def test_an_example_that_lacks_what_its_rule_needs_is_reported(tmp_path):
    # A rule is only tried near what it needs: a needs that misses an example would hide it.
    target = _copy(tmp_path)
    path = target / "quantities.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("needs = '分之 | /'", "needs = '分之'"), encoding="utf-8")
    problems = check_examples(load_rules(target))
    assert any("quantity.fraction" in p and "1/4" in p and "never tried" in p for p in problems)


# -- quick looks -----------------------------------------------------------------------

def _without_quick_look(pattern: str) -> str:
    """The pattern without its opening (?= … ), the quick look at the first character."""
    body = pattern.lstrip()
    assert body.startswith("(?=")
    depth = 0
    for i, char in enumerate(body):
        depth += {"(": 1, ")": -1}.get(char, 0) if body[i - 1:i] != "\\" else 0
        if depth == 0:
            return body[i + 1:]
    raise AssertionError(f"unbalanced: {pattern}")


def _texts_to_scan(extractor, alphabet: str):
    """The bundled articles, and random strings of the characters the patterns are about."""
    import random
    from pathlib import Path

    articles = sorted(Path(__file__).resolve().parent.parent.joinpath("corpus", "articles").glob("*.txt"))
    texts = [extractor.clean(path.read_text(encoding="utf-8")) for path in articles]
    draw = random.Random(4)
    texts += ["".join(draw.choice(alphabet) for _ in range(400)) for _ in range(300)]
    return texts


def test_a_quick_look_before_a_time_pattern_changes_no_match(rules, extractor):
    # Each period regex opens with a look at the characters a match can start with: a look
    # that forgot one would lose every time that starts with it.
    import tomllib

    raw = tomllib.loads((rules_dir() / "context.toml").read_text(encoding="utf-8"))["period"]
    texts = _texts_to_scan(extractor, "2019200一二三四五六七八九十两0123456789年月日号份季度前上下半第本财当今去明节清五一劳动国庆元旦假期至到-~ 的此之提是，。")
    for entry in raw:
        look = rules.compile(entry["regex"])
        plain = rules.compile(_without_quick_look(entry["regex"]))
        for text in texts:
            assert [m.span() for m in look.finditer(text)] == [m.span() for m in plain.finditer(text)], entry["id"]


def test_a_rule_run_only_near_what_it_needs_finds_every_match(rules, extractor):
    # A rule with `needs` is run only within NEAR of a match of it: if a match could stand
    # farther away (a needs that forgot a word), the rule would silently find less.
    from extract.quantities import _near_needs

    texts = _texts_to_scan(extractor, "0123456789.:/-一二三四五六七八九十两百千万亿个分之成折翻倍番第前从后双"
                                      "每这该上述其方面问题位数年月日天周季度时点的以下内超过城市企业人元家%ABx ，。"
                                      "《》清明国庆元旦劳动节五一财本今去上半")
    checked = 0
    for rule in (*rules.quantity_rules, *rules.not_fact_rules, *rules.periods):
        if rule.needs is None:
            continue
        checked += 1
        for text in texts:
            everywhere = [(0, len(text))]
            near = _near_needs(rule.needs, text, everywhere)
            found = [m.span() for start, end in near for m in rule.pattern.finditer(text, start, end)]
            assert found == [m.span() for m in rule.pattern.finditer(text)], (rule.id, text)
    assert checked >= 20


def test_names_looked_for_only_near_a_word_they_need_are_all_found(rules, extractor):
    # The attacher tries some slow name patterns only near a word every match holds
    # (matches_near); and the agent pattern first looks ahead for its verb and a figure.
    from extract.quantities import matches_near

    attacher = extractor.attacher
    texts = _texts_to_scan(extractor, "据数据显示统计收盘报美股人民币对美元离岸在岸（688185）(00700.HK)SHZ"
                                      "iPhone 15 Pro宏光MINI EV公司银行机构共处理业务完成实现达亿元1234567890，。、 "
                                      "其中制造业工业企业私营增加值利润营业收入支付机构部门单位下称简称以下CIPS“”")
    for name, needs in [("market", "market_close"), ("currency_pair", "quoted_against"), ("product_model", "model_line"),
                        ("listed_company", "stock_code"), ("data_source", "data_report"),
                        ("group_pattern", "group_end"), ("body_group", "body_noun"),
                        ("alias_pattern", "opening_bracket"), ("acronym", "opening_bracket")]:
        pattern = getattr(attacher, name)
        for text in texts:
            assert [m.span() for m in matches_near(pattern, getattr(attacher, needs), text)] \
                == [m.span() for m in pattern.finditer(text)], (name, text)
    look = attacher.agent.pattern
    looks = look[look.index("(?= [^"):look.index("(?: \\d{4} 年 )")]
    plain = regex.compile(look.replace(looks, ""), attacher.agent.flags, **attacher.agent.named_lists)
    for text in texts:
        assert [m.span() for m in attacher.agent.finditer(text)] == [m.span() for m in plain.finditer(text)]
