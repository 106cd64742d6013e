"""Attach to each quantity what it measures (metric), about whom (subject), when
(period) and how the number moved (kind and sign).

The reading goes clause by clause, as a reader does:

- the **lead** of a quantity is its clause's text before the number (after any earlier
  number in the clause). Its last words decide kind and sign (同比增长 → growth, 下降 →
  negative); what is left without time words, the subject, verbs and fillers is the
  metric, cut after its last verb (科技型企业提供无抵押信用贷款 → 无抵押信用贷款);
- a count followed by its noun (225家科技型企业) measures that noun;
- a clause that names nothing (同比增长17.1%, 、5.2%) takes the metric, and for list
  items also the kind and sign, of the figure before it; `分别` hands out a list of
  metrics to the numbers that follow it in order;
- the subject is the nearest name before the number in its sentence, else the one
  carried from earlier sentences, else the article's first; 全市/全区 become the place
  the article names;
- the period is the nearest time in the clause, else the sentence, else the paragraph,
  else the year of the title or lead.
"""

from __future__ import annotations

import functools
import itertools
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Mapping

import regex

from .model import Fact, Kind, Quantity
from .numerals import parse_number
from .phrases import phrases_agree
from .quantities import joins_range, matches_near
from .rules import Rules

SENTENCE_END = "。！？!?；;\n"
CLAUSE_END = SENTENCE_END + "，,:："
# Punctuation and particles that never end or start a metric.
FUNCTION_CHARS = "，,、:：;；（）()的和与及是为在从对将把被由等其中以"
# Ranks written as one word (拔头筹, 领跑, 垫底): the name right before them is what is ranked.
WHO_RANK_RULES = frozenset({"quantity.rank_word", "quantity.last_place"})
# What follows a number that gives a loan's or a bond's term (7天期逆回购, 1年期MLF).
TENORS = frozenset({"天期", "日期", "月期", "个月期", "年期"})
# Names of places below the nation (a group inside one is part of its metric).
PLACE_KINDS = frozenset({"place", "own"})
# How a subject was found when its own sentence names none.
CARRIED = frozenset({"subject.paragraph", "subject.heading", "subject.article"})
NUMBER_MARKS = frozenset(",，:：")
LIST_SEPARATORS = ("、", "和", "及", "与", "以及", "或", "，")
VERB_TAGS = frozenset({"v", "vd", "vg", "vi", "vq"})
OWN_LEVELS = frozenset("省市区县")
# Adverbs, and verbs jieba tags where an adverb stands (累计, 合计).
ADVERB_TAGS = frozenset({"d", "ad", "a", "v", "vn"})
WEAK_TAGS = frozenset({"d", "ad", "p", "c", "r", "u", "uj", "ul", "f", "t", "m", "q", "y", "e"})
COMMON_NOUN_TAGS = frozenset({"n", "vn", "nz"})
PROPER_TAGS = frozenset({"", "nz", "nr", "nrt", "ns", "nt", "j", "a", "eng"})
PROPER_CANDIDATE_TAGS = frozenset({"nz", "nt", "nrt", "ns"})  # the tags of non-Latin proper names (_is_proper)
# Words that name a group of people or bodies (87.8%的学生…, 六成的受访者…).
GROUP_NOUN_TAGS = frozenset({"n"})
# How a rank's metric was found when its own words named none.
RANK_FALLBACKS = ("", "metric.inherited", "metric.paragraph", "metric.ranking_basis", "metric.sentence_topic")
QUOTES = ("“", "”", '"', "「", "」", "‘", "’")
# What the last word of an agent (银行机构, 网联清算平台, CIPS) may be: a noun, not 预计 (vn).
AGENT_TAGS = frozenset({"n", "nz", "nt", "ns", "nr", "nrt", "j", "eng", "ng", ""})
NAME_TAGS = frozenset({"n", "nz", "ns", "nt", "nrt", "j", "", "eng", "vn", "nl", "ng", "b"})
CHINESE_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                 "十一": 11, "十二": 12}


@dataclass(frozen=True, slots=True)
class Mention:
    """A name or a time found in the article."""

    start: int
    end: int
    value: str  # the name, or the time's groups as k=v;…
    kind: str  # names: place, org, national, own, source; times: the period rule's resolve
    surface: str = ""  # the name as written, when value is its fullest form (渝北 → 渝北区)


def _with_added(names: list[Mention], added: list[Mention]) -> list[Mention]:
    """`names` with the `added` mentions, in text order."""
    return sorted(names + added, key=lambda m: m.start) if added else names


def _by_sentence(readings: list["Reading"]) -> dict[tuple[int, int], list["Reading"]]:
    """The readings of each sentence, in order."""
    grouped: dict[tuple[int, int], list[Reading]] = {}
    for reading in readings:
        grouped.setdefault(reading.sentence, []).append(reading)
    return grouped


def _longest_first(words) -> tuple[str, ...]:
    """Words in a fixed order, longest first: sets iterate in hash order, which varies by run."""
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=None)
def _any_of(characters: str) -> Any:
    return regex.compile("[" + regex.escape(characters) + "]")


def _spans(text: str, ends: str) -> list[tuple[int, int]]:
    """Consecutive spans of `text`, each ending after one of `ends`; a comma or colon between
    two digits (4:6, 2,928,502) belongs to a number and ends nothing (a full stop always ends:
    …之比约为61:1。2022年…)."""
    spans, start = [], 0
    last = len(text) - 1
    for found in _any_of(ends).finditer(text):
        i = found.start()
        if not (0 < i < last and text[i] in NUMBER_MARKS and text[i - 1].isdigit() and text[i + 1].isdigit()):
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, 0)]


class Tokens(list):
    """(start, end, word, tag) of each word of a text cut into words, with the starts kept
    for bisecting."""

    def __init__(self, words: list[str], tags: Mapping[str, str]):
        bounds = list(itertools.accumulate(map(len, words), initial=0))
        super().__init__(zip(bounds, bounds[1:], words, map(tags.get, words, itertools.repeat(""))))
        self.starts = bounds[:-1]


class Mentions(list):
    """Mentions in text order, with their starts kept for bisecting."""

    def __init__(self, mentions):
        super().__init__(sorted(mentions, key=lambda m: m.start))  # (stable: already in order)
        self.starts = [m.start for m in self]

    def within(self, low: int, high: int) -> list:
        """The mentions that lie within text[low:high], in order."""
        return [m for m in self[bisect_left(self.starts, low):bisect_right(self.starts, high)] if m.end <= high]

    def from_(self, low: int) -> list:
        """The mentions that start at `low` or later, in order."""
        return self[bisect_left(self.starts, low):]


class Segments:
    """Sentences, clauses and paragraphs of one text, looked up by position."""

    def __init__(self, text: str):
        self.sentences = _spans(text, SENTENCE_END)
        self.clauses = _spans(text, CLAUSE_END)
        self.paragraphs = _spans(text, "\n")
        self.starts = {name: [s for s, _ in getattr(self, name)] for name in ("sentences", "clauses", "paragraphs")}

    def of(self, name: str, position: int) -> tuple[int, int]:
        spans = getattr(self, name)
        return spans[max(0, bisect_right(self.starts[name], position) - 1)]


@dataclass
class Reading:
    """What attach has worked out for one quantity so far."""

    quantity: Quantity
    sentence: tuple[int, int]
    clause: tuple[int, int]
    lead: str
    paragraph: tuple[int, int] = (0, 0)
    kind: Kind = Kind.LEVEL
    negative: bool = False
    verb: str = ""
    base: str = ""  # what a gap is measured against (低于平均值22个百分点 → 平均值)
    group: str = ""  # the group a share is of (87.8%的学生认为… → 学生)
    rate_of: str = ""  # what a rate after the figure measures (以10.9%的财政收入增速 → 财政收入)
    moved: str = ""  # what a move verb before the figure moves (下调存款准备金率0.5个百分点 → 存款准备金率)
    metric: str = ""
    subject: str = ""
    period: str = ""
    explain: dict[str, str] = field(default_factory=dict)  # field -> the rule that decided it


class Attacher:
    """Reads the context of quantities; built once per Extractor, immutable after."""

    def __init__(self, rules: Rules, word_tags: Mapping[str, str], segment: Callable[[str], list[str]]):
        self.rules = rules
        self.tags = word_tags
        self.segment = segment  # phrase -> words, the same dictionary the documents are cut with
        lists = rules.named_lists
        self.increase = lists["increase_word"]
        self.decrease = lists["decrease_word"]
        self.rate_words = _longest_first(lists["rate_word"])
        self.rate_movers = lists["rate_mover"]
        self.inner_fillers = rules.compile(r"\L<inner_filler>")
        self.average_words = _longest_first(lists["average_word"])
        self.basis_words = lists["basis_word"]
        self.range_joiners = lists["range_joiner"]
        # Rate nouns (降幅, 增速) move a value's sign but are metric words, never stripped.
        # With their 至/到 (飙升至), so that 升至 does not leave 飙 behind.
        moves_to = {verb + to for verb in self.increase | self.decrease for to in lists["to_word"]}
        self.strip_words = _longest_first(
            (lists["level_verb"] | lists["filler_word"] | self.increase | self.decrease | lists["q_before"]
             | lists["gap_up"] | lists["gap_down"] | moves_to) - lists["rate_word"])
        self.strip_word_set = frozenset(self.strip_words)
        self.regional_terms = tuple(t for t in lists["indicator_term"] if t.startswith("地区"))
        self.person_units = lists["person_unit"]
        self.quote_span = regex.compile(r"“[^“”]{2,400}”")
        self.first_person = rules.compile(r"\L<first_person>")
        self.body_nouns = tuple(lists["body_noun"])
        self.fillers = _longest_first(lists["filler_word"])
        self.leading_adverbs = lists["leading_adverb"]
        self.share_nouns = _longest_first(lists["share_noun"])
        self.to_words = lists["to_word"]
        self.time_needs = rules.compile(" | ".join(f"(?: {rule.needs.pattern} )" for rule in rules.periods))
        self.holiday_months = rules.context.get("holiday_month", {})
        self.partner_before = rules.compile(r"(?: \L<partner_preposition> ) \s* \Z")
        self.partner_prepositions = lists["partner_preposition"]
        # 占 as the verb of a share (not 占比, 占据, 占有 …), with the whole after it.
        self.share_lead = regex.compile(r"占 (?! [比据有用领到] ) (?= [^占，,。；;]+ \Z )", regex.VERBOSE)
        self.measure_nouns = _longest_first(lists["measure_noun"])
        self.comparison_then_figure = rules.compile(
            r"(?: \L<period_comparison> ) \s* (?: 为 | 是 | [：:] )? \s* (?: \L<q_before> )? \s* [（(]? \s* \Z")
        # The strip words indexed by their last and first character, for the per-figure loop.
        self.strip_last: dict[str, tuple[str, ...]] = {}
        self.strip_first: dict[str, tuple[str, ...]] = {}
        self.level_words = lists["level_verb"] | lists["filler_word"] | lists["agent_verb"]
        self.verb_words = _longest_first(self.increase | self.decrease)
        self.company_words = lists["company_word"]
        self.scheme_words = _longest_first(lists["scheme_word"])
        self.scheme_ends = tuple({w[-2:] for w in self.scheme_words})  # 保险, 基金: a scheme's fund is one too
        self.kind_prefixes = _longest_first(lists["kind_prefix"])
        self.apposed_kinds = _longest_first(lists["apposed_kind"])
        for word in self.strip_words:
            self.strip_last[word[-1]] = self.strip_last.get(word[-1], ()) + (word,)
            self.strip_first[word[0]] = self.strip_first.get(word[0], ()) + (word,)
        self.own = lists["own_jurisdiction"]
        self.anaphors = lists["anaphor"]
        self.bare_subject_words = _longest_first(self.own | (lists["national"] - {"国内"}) | self.anaphors)
        self.national = lists["national"]
        self.place_suffixes = _longest_first(lists["place_suffix"])
        self.org_suffixes = _longest_first(lists["org_suffix"])
        self.org_last = frozenset(w[-1] for w in self.org_suffixes)
        self.listed_names = self.national | self.own | lists["known_company"] | lists["known_place"] \
            | lists["not_place"] | self.company_words
        self.official_suffixes = _longest_first(lists["official_suffix"])
        # 国家统计局数据显示, 央行11月10日公布的…数据, BOSS直聘研究院最新发布
        self.source_after = rules.compile(
            r"\s* (?: \d{1,2} 月 (?: \d{1,2} [日号] )? )? \s* (?: \L<source_adverb> )? \s* \L<source_word>")
        # (not the 高 of 最高: 气温最高达到38度 is a level, the highest)
        self.verb_at_end = rules.compile(
            r"(?<! 最 ) (?P<verb> \L<increase_word> | \L<decrease_word> ) (?P<to> \L<to_word> )? \s* \Z")
        self.per_base = rules.compile(r"每 \s* (?&num)")  # 每百户, 每10万人: a count's base
        self.verb_then_object = rules.compile(
            r"(?P<verb> \L<increase_word> | \L<decrease_word> ) (?P<object> [\p{Han}A-Za-z（）()]{2,16} ) \s* \Z")
        self.noun_forming_verbs = lists["noun_forming_verb"]
        self.rate_word_set = lists["rate_word"]
        self.qualifier_at_end = rules.compile(r"\L<q_before> \s* \Z")
        self.qualifier_word = rules.compile(r"\s* \L<q_before> \s*")
        # A rate named after its figure: 实现了8.5%的增长, 以10.9%的财政收入增速排名第一.
        self.rate_after = rules.compile(
            r"\s* 的 (?P<measured> [\p{Han}A-Za-z&]{0,12}? )"
            r" (?P<rate> \L<rate_word> | \L<increase_word> | \L<decrease_word> ) (?! \p{Han} (?<! [排位居列] ) )")
        self.gap_at_end = rules.compile(
            r"(?P<verb> \L<gap_up> | \L<gap_down> ) (?P<base> [^，,。；;:：\d]{1,12}? ) \s* \Z")
        self.gap_down = lists["gap_down"]
        self.respectively = rules.compile(r"\L<respectively_word>")
        self.multiple_of = regex.compile(r"(?: 是 | 相当于 | 为 ) (?P<base> [^，,。；;:：是为]{1,16}? ) 的 \s* \Z",
                                         regex.VERBOSE)
        self.base_then_verb = rules.compile(
            r"(?<! [占之] ) (?: \L<comparison_word> ) (?! [重例值率] ) (?P<base> [^，,。；;:：比较]{2,12}? )"
            r" (?: \L<increase_word> | \L<decrease_word> ) \s* \Z")  # not 比 of 占比, 比重
        self.comparison_words = lists["gap_up"] | lists["gap_down"] | lists["comparison_word"]
        self.base_words = _longest_first(lists["base_word"])
        self.base_after = regex.compile(  # 上年的2.4倍, 上年2.4倍, 去年同期, 上年水平
            r"\s* (?: 的 \s* [\d一二两三四五六七八九十] | [\d.一二两三四五六七八九十]+ \s* 倍 | 同期 | 水平 )", regex.VERBOSE)
        self.duration = rules.compile(
            r"(?: 在 \s* )? \L<duration_lead> \s* 第? [\d一二两三四五六七八九十多数几]+ \s* 个? (?: 年 | 月 | 季度 | 周 | 天 | 交易日 | 日 )"
            r" (?: 间 | 里 | 以来 | 来 )?")
        self.present = rules.compile(r"\L<present_word>")  # 目前, 截至目前: times that are not metric words
        self.present_with_base = rules.compile(r"(?: \L<base_word> )? \L<present_word>")  # 比上月末
        self.person_after = rules.compile(r"\s* (?: \p{Han}{1,8}? \L<body_unit> )? \L<person_title>")
        self.object_before = lists["object_preposition"]
        self.object_before_in = rules.compile(r"\L<object_preposition>")  # (one search for any of them)
        # A group as subject: an industry or a kind of enterprise opening a clause (采矿业实现…,
        # 私营企业实现…, 规模以上工业企业).
        self.group_pattern = rules.compile(
            r"(?<= ^ | [，,。；;：:\n、] | 其中 ) \s* (?P<group> [\p{Han}、]{0,24}? (?: \L<group_suffix> | \L<sector_word> ) )"
            r" (?= \L<group_follow> )",
        )
        self.group_end = rules.compile(r"(?: \L<group_suffix> | \L<sector_word> ) \L<group_follow>")  # (matches_near)
        # A kind of body opening a clause before what is measured of it (支付机构跨境外汇支付收入…).
        self.body_group = rules.compile(r"(?<= ^ | [，,。；;：:\n] | 其中 ) \s* (?P<group> \p{Han}{1,8}? \L<body_noun> )")
        self.body_noun = rules.compile(r"\L<body_noun>")
        self.quantified_group = rules.compile(
            r"(?<= ^ | [，,。；;：:\n] ) \s* (?P<group> \L<group_quantifier> \p{Han}{0,6} \L<group_head> )")
        self.sector_words = lists["sector_word"]
        self.part_openings = lists["part_opening"]
        # The tail of a rank range and what names its members: (到第十位)的分别是…, 前五位分别是…
        self.ranked_list = regex.compile(r"(?:[到至\-—~～]第?[\d一二三四五六七八九十]+[位名])?(?:的(?:分别)?|分别)(?:是|为)")
        self.group_follow = tuple(lists["group_follow"])
        self.cohort = rules.compile(rules.context["names"]["cohort"])
        self.verb_objects = dict(sorted(rules.context.get("verb_object", {}).items(), key=lambda kv: (-len(kv[0]), kv[0])))
        # Whoever publishes the data a clause reports (携程旅行数据显示): an official body is
        # only a source (see _role), anyone else reports on itself.
        self.data_source = rules.compile(
            r"(?<= ^ | [，,。；;：:\n] ) \s* (?: 据 )? (?P<name> [\p{Han}A-Za-z]{2,8}? ) (?= \L<data_report> )")
        self.data_report = rules.compile(r"\L<data_report>")  # (what data_source needs: see matches_near)
        # A name with its stock code is a listed company: 康希诺（688185）, 腾讯控股(00700.HK).
        self.listed_company = regex.compile(
            r"(?<= ^ | [，,。；;：:、\s“] | 和 | 与 | 及 ) (?P<name> [\p{Han}A-Za-z]{2,12}? )"
            r" \s* [（(] \s* (?: \d{6} (?: \.S[HZ] )? | \d{4,5} \.HK | [A-Z]{1,5} \.[A-Z]{1,2} ) \s* [)）]",
            regex.VERBOSE)
        self.stock_code = regex.compile(r"[（(]\s*[\dA-Z]")
        # A programme or fund named in quotes at the head of its clause (“科信贷”通过…).
        self.quoted_name = rules.compile(r"(?<= ^ | [，,。；;：:\n] ) \s* “ (?P<name> [\p{Han}A-Za-z]{2,8} ) ”")
        # 洞见信息公司(下称洞见公司), 再升科技股份有限公司(以下简称再升科技)
        self.alias_pattern = rules.compile(
            r"\s* [(（] \s* (?: \L<alias_marker> ) \s* [“\"‘]? (?P<alias> [\p{Han}A-Za-z0-9]{2,12}? ) [”\"’]? \s* [)）]")
        # 第二产业增加值: a part of the place's economy is named in the metric, never a subject.
        self.not_names = lists["not_name"] | lists["economy_sector"]
        self.not_places = lists["not_place"]
        self.known_places = lists["known_place"]
        self.known_place_tuple = tuple(self.known_places)  # (for str.startswith)
        self.known_cities = lists["known_city"]
        self.jurisdiction_bodies = _longest_first(lists["jurisdiction_body"])
        self.reporting_verbs = _longest_first(w for w in lists["level_verb"] if len(w) > 1)  # 达到, 实现 …
        self.known_companies = lists["known_company"]
        self.function_chars = _longest_first(lists["function_char"])
        self.speech_words = _longest_first(lists["speech_word"])
        self.said_words = _longest_first(lists["said_word"])
        self.concessive_words = _longest_first(lists["concessive_word"])
        self.evaluative_words = _longest_first(lists["evaluative_word"])
        self.clause_opening = rules.compile(r"\s* (?: \L<count_opening> )? \s* \Z")
        # The whole a count is taken from, right before its opening word (上述城市中|共有…).
        self.scope_before_count = rules.compile(r"^ .*? 中 (?= \s* (?: \L<count_opening> ) \s* \Z )")
        # Small patterns used per token or per figure, compiled once.
        self.sentence_mark = regex.compile(r"[。！？!?；;]")
        self.rank_scope = regex.compile(r"在 (?P<inside> [^，,。]+? ) (?: 中 | 里 | 上 )", regex.VERBOSE)
        # A name right before a rank is where the ranking is (均居全市第一), unless a rank verb
        # follows it (美国排在第二位: what is ranked).
        self.interval_lead = regex.compile(
            r"(?P<span> 从 [^，,。；;从]+? [到至] [^，,。；;]+? ) (?: 仅用了? | 只用了? | 用了? | 花了? | 耗时 | 历时 ) \s* \Z",
            regex.VERBOSE)
        self.rank_verb_in = rules.compile(r"\L<rank_verb>")
        self.rank_verbs = tuple(lists["rank_verb"])
        self.ranking_nouns = tuple(lists["ranking_noun"])
        # (not across a rank verb: 苏州在全国排名第5, 比亚迪销量位列全球第三: 苏州, 比亚迪)
        # (深圳是全国第三大城市, 欧盟成为我国的第一大贸易伙伴: a name before 是 or 成为 is what is ranked)
        self.rank_scope_gap = rules.compile(r"(?: (?! \L<rank_verb> | \L<rank_copula> ) \p{Han} ){0,6}")
        self.rank_adverbs = regex.compile(r"^[\s均也则都又还已]*")
        self.topic_phrase = regex.compile(r"从 (?P<topic> [^，,。；]{2,20}? ) (?: 来看 | 看 | 方面看 )", regex.VERBOSE)
        self.word_start = regex.compile(r"[\p{Han}A-Za-z]")
        self.word = regex.compile(r"[\p{Han}A-Za-z&]+")
        self.name_word = regex.compile(r"[\p{Han}A-Za-z][\p{Han}A-Za-z0-9+]*")
        self.parenthesis = regex.compile(r"[(（][^)）]*[)）]")
        self.marks = regex.compile(r"[\s“”\"'‘’《》●■▲◆★*#]+")
        self.list_split = regex.compile(r"、|和|及|与|以及")
        self.party_join = regex.compile(r"\s*(?:与|和|、|及|同)\s*")
        # Between the members of a list of names: a separator, perhaps after a code in brackets
        # (康希诺（688185）、复星医药).
        self.list_join = regex.compile(r"(?:\s*[（(][^（）()]{1,12}[)）])?\s*(?:、|和|及|以及|与)\s*")
        self.headline_topic = regex.compile(r"[\p{Han}A-Za-z]{2,12}(?:[：:]|\s*$)")
        self.list_number = regex.compile(r"\d、\s*$")
        self.list_opening = regex.compile(r"^\s*(?:\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）])\s*")
        self.apposed_count = rules.compile(r"^ [两二三四五六七八九十\d]{1,2} 个? (?: \L<apposed_place> ) 的? (?=\S)")
        self.rank_opening = regex.compile(r"^第[\d一二三四五六七八九十]{1,3}[位名]?的")  # 第4的比亚迪销量
        self.level_place = regex.compile(r"\p{Han}{1,6}?[省市区县]")
        # Who handled what (银行机构共处理网上支付业务1000亿笔): a noun phrase opening its clause,
        # perhaps after a time, before an agent verb, its object, and a figure.
        self.agent = rules.compile(
            r"(?<= ^ | [，,。；;：:\n] ) \s*"
            # (quick looks ahead, for the figure and the verb the clause must hold: most have none)
            r" (?= [^，,。；;：:\d一二两三四五六七八九十几数]*+ [\d一二两三四五六七八九十几数] ) (?= [^，,。；;：:]*? \L<agent_verb> )"
            r" (?: \d{4} 年 )? (?: [上下] 半年 | [一二三四] 季度 | 前 [三四] 季度 | 全年 )? \s*"
            r" (?: \L<national> )? (?P<name> [\p{Han}A-Za-z（）()]{2,20}? (?: [、和及与] [\p{Han}A-Za-z]{2,20}? )* )"
            r" (?: \L<agent_adverb> )? \L<agent_verb>"
            r" (?= (?: 了? [\p{Han}A-Za-z]{2,24}? | 的 [\p{Han}A-Za-z、]{2,40}? ) \s* [\d一二两三四五六七八九十几数] )")
        # 人民币跨境支付系统（CIPS）: a full name opening its clause, then the acronym used after.
        self.acronym = regex.compile(
            r"(?<= ^ | [，,。；;：:\n] ) \s* (?P<full> \p{Han}{2,16} ) [（(] (?P<alias> [A-Z]{2,8} ) [)）]", regex.VERBOSE)
        self.opening_bracket = regex.compile(r"[（(]")  # (what aliases and acronyms need: matches_near)
        self.agent_verbs = lists["agent_verb"]
        self.agent_verb = rules.compile(r"\L<agent_verb>")
        self.enumeration_words = lists["enumeration_word"]
        # (…第2位的上海汽车, 纯电动汽车占比为43％的比亚迪: a rank or a share describes the name after 的)
        self.ranked_before = regex.compile(r"(?:第[\d一二三四五六七八九十]+[位名]?|首位|榜首|\d\s*[%％])的\Z")
        # A heading that names a ranking: 普通地级市财力10强：, 全国城市一季度财政收入10强.
        self.ranking_heading = regex.compile(
            r"(?P<topic> [\p{Han}A-Za-z]{2,16}? ) (?: [\d一二三四五六七八九十百]+ 强 | 排行榜 | 排行 | 排名 | 榜单 ) [：:]?",
            regex.VERBOSE)
        # A product model: a line name, a number, and the tiers after it (华为Mate 60 Pro+, iPhone 15).
        self.product_model = rules.compile(
            r"(?<! [A-Za-z0-9] ) (?P<name> \p{Han}{0,4}? (?P<line> [A-Za-z][A-Za-z]+ ) \s? \d{1,4} (?! [\d.,] )"
            r" (?! \s* (?: \L<cn_mag> | \L<unit> | % ) ) [A-Za-z]* (?: \s? (?: \L<model_tier> ) )* \+? )")
        self.model_line = regex.compile(r"[A-Za-z]{2}")
        self.quoted_model = regex.compile(r"(?<=\p{Han})“(?P<name>(?=[^”]*[A-Za-z])[\p{Han}A-Za-z0-9][\p{Han}A-Za-z0-9 +\-]{1,15})”")
        self.market_words = lists["market_close"]
        self.index_words = tuple(lists["index_word"])
        self.paired_measures = dict(rules.context.get("paired_measure", {}))
        self.metric_synonyms = dict(rules.context.get("metric_short_form", {}))
        self.market_price = rules.context["names"]["market_price"]
        self.sum_noun = rules.context["names"]["sum_noun"]
        self.rate_noun = rules.context["names"]["rate_noun"]
        self.referring_count = rules.compile(
            r"(?: \L<demonstrative> ) (?P<set> [\d一二两三四五六七八九十]{1,3} \s* \L<count_unit> )")
        self.referring_set = rules.compile(
            r"(?: \L<demonstrative> ) (?P<size> [\d一二两三四五六七八九十]{1,2} ) \s* (?: \L<count_unit> )? \L<group_head>")
        self.breakdown = rules.compile(r"分 (?: \L<sector_dimension> ) (?: 来看 | 看 ) [，,：:]?")
        self.sector_clause = rules.compile(
            r"(?<= [，,；;：:] ) (?P<phrase> [\p{Han}（）()]{3,12}? ) (?= \L<increase_word> | \L<decrease_word> )")
        self.region_before = rules.compile(
            r"(?<= ^ | [，,。；;：:\n、] ) (?: \L<national> | \p{Han}{1,8}? (?: \L<region_word> ) ) \Z")
        self.existential_before = rules.compile(r"\L<existential_word> \s* \Z")
        self.counted_opening = rules.compile(
            r"\L<existential_word> \s* [\d.一二两三四五六七八九十百千万]+ \s* \p{Han}? \s* \Z")
        self.counted_bodies = rules.compile(r"(?P<noun> \p{Han}{0,6}? (?: \L<body_noun> ) ) (?! \p{Han}{0,2} [的之] )")
        # What a ranking is by: 按企业统计2021年的纯电动汽车销量, 按销量排名.
        self.ranking_basis = regex.compile(
            r"按 \p{Han}{1,6}? (?: 统计 | 计算 | 排名 | 排序 ) (?: 的 )? (?: \d{4} 年 (?: 的 )? )?"
            r" (?P<basis> [\p{Han}A-Za-z]{2,16}? (?: [（(] [^）)]{1,12} [)）] [\p{Han}]{0,6} )? ) (?= [，,。；;] )",
            regex.VERBOSE)
        # An item of a list of things that moved: 纯碱涨2.85%, 沪锡涨2.92%.
        self.moved_item = rules.compile(
            r"(?<= ^ | [，,、；;：:\n*] ) \s* (?P<head> [\p{Han}A-Za-z]{1,10}? ) (?: \L<increase_word> | \L<decrease_word> ) \s* [\d.]+")
        # A currency quoted against another (周四在岸人民币对美元16:30收盘报7.1611).
        self.currency_pair = rules.compile(
            r"(?<= ^ | [，,。；;：:\n、*] | 周[一二三四五六日] | 今日 | 当日 ) \s*"
            r" (?P<name> (?: 在岸 | 离岸 )? \L<currency_name> ) (?= \s* 对 \s* \L<currency_name> )")
        self.quoted_against = regex.compile("对")
        # A market that closes (国内商品期货夜盘收盘…, 美股收盘): the subject of the moves after it.
        self.market = rules.compile(
            r"(?<= ^ | [，,。；;：:\n、*] ) \s* (?P<name> [\p{Han}A-Za-z]{2,12}? ) (?= \L<market_close> )")
        self.market_close = rules.compile(r"\L<market_close>")
        self.briefing_after = rules.compile(r"[^，,。；;！？\n]{0,30}? \L<briefing_word>")
        self.sample_before = rules.compile(r"(?: \L<sample_verb> ) \s* \Z")
        self.sample_noun = rules.compile(
            r"(?P<noun> [\p{Han}A-Za-z]{2,24}? ) (?= \L<document_word> | 的 | [，。；,;：:] )")
        self.label_after = rules.compile(r"[^，。；！？,;:：\n]{0,14}? (?: \L<partitive> )")

    # -- the whole article ---------------------------------------------------

    def attach(self, doc_id: str, original: str, text: str, words: list[str], quantities: list[Quantity]) -> list[Fact]:
        """The facts of the quantities of a cleaned `text`, cut into `words`."""
        segments = Segments(text)
        tokens = Tokens(words, self.tags)
        label_kinds = {q: self._label_kind(q, text, quantities[i + 1:], tokens)
                       for i, q in enumerate(quantities) if q.family == "count"}
        labels = [q for q, kind in label_kinds.items() if kind]
        # A group named with its count is the subject of the figure that follows (65家典型房企融资…).
        # The group's noun ends where what it measures begins (65家典型房企|融资总量).
        # A region before the count belongs to the group's name (长三角地区41个城市, GOLD.md).
        groups = [Mention(start, q.end + len(noun), text[start:q.end] + noun, "group", surface=noun)
                  for q in labels if label_kinds[q] == "subject"
                  for noun in [self._noun_after(q.end, len(text), tokens, self.group_follow)] if noun
                  for region in [self.region_before.search(text, max(0, q.start - 10), q.start)]
                  for start in [region.start() if region else q.start]]
        # The sample a reporter chose (梳理了12家A股和港股汽车经销商上市公司半年报) is the group
        # its later counts are taken from (7家公司营收和净利双降).
        samples = [Mention(q.start, found.end("noun"), text[q.start:found.end("noun")], "group",
                           surface=found.group("noun"))
                   for q in labels if label_kinds[q] == "sample"
                   for found in [self.sample_noun.match(text, q.end)] if found]
        groups += samples
        groups += self._sectors(text)
        # 这11个城市的常住人口…: a set named before, referred back to by its count, is a group.
        groups += [Mention(found.start("set"), found.start("set") + len(found.group("set")) + len(noun),
                           found.group("set") + noun, "group", surface=noun)
                   for found in self.referring_count.finditer(text)
                   for noun in [self._noun_after(found.end(), len(text), tokens, self.group_follow)]
                   if 2 <= len(noun) <= 6]
        # 全年共有43家支付机构开展了跨境支付业务，共处理…: the bodies counted after 有 are who the
        # clauses after them are about.
        groups += [Mention(q.end, found.end("noun"), found.group("noun"), "group", surface=found.group("noun"))
                   for q in quantities if q.family == "count" and q not in labels
                   and self.existential_before.search(text, max(0, q.start - 4), q.start)
                   for found in [self.counted_bodies.match(text, q.end)] if found]
        # 2021年国家公务员考试共有157.6万人通过资格审查: the noun phrase before 共有 and a count
        # is the topic that the count and the clause after it are about.
        groups += [topic for q in quantities if q.family == "count" and q not in labels
                   for found in [self.existential_before.search(text, max(0, q.start - 4), q.start)] if found
                   for topic in [self._existential_topic(text, segments.of("clauses", q.start)[0], found.start())]
                   if topic]
        # 排在首位的美国特斯拉, 第4位的比亚迪, 纯电动汽车占比为43％的比亚迪: what a figure before 的
        # describes is named after it.
        groups += [Mention(q.end + 1, q.end + 1 + len(noun), noun, "org")
                   for q in quantities if text[q.end:q.end + 1] == "的"
                   for noun in [self._noun_after(q.end + 1, len(text), tokens)]
                   if self._is_ranked_name(noun) if q.kind == Kind.RANK or self._is_proper_name(noun)]
        names = self.find_names(text, tokens, [q for q in quantities if q not in labels], groups, segments)
        names = self._resolve_referring_sets(names, text, segments)
        own_names = self._own_names(names, segments.paragraphs[0][1])
        names = Mentions(self._resolve_own(names, own_names, segments))
        times = self.find_times(text)
        lead_year, carried_period = self._lead_year(times, segments, text)
        # A comparison's base is never a figure's period: 比2019年, 较上年, 上年的2.4倍, 去年同期.
        times = Mentions(m for m in times if not self._is_base(m, text))

        readings = []
        ends = sorted(q.end for q in quantities)
        for quantity in quantities:
            if quantity in labels:
                continue  # 在41个工业大类行业中, 65家典型房企融资总量为…: a count that names a group
            clause = segments.of("clauses", quantity.start)
            # The lead starts after the last figure that ends in this clause before this one.
            before = ends[:bisect_right(ends, quantity.start)]
            lead_start = max(clause[0], before[-1] if before else 0)
            readings.append(Reading(quantity, segments.of("sentences", quantity.start), clause,
                                    text[lead_start:quantity.start], segments.of("paragraphs", quantity.start)))

        default = self._default_subject(names, own_names, text)
        # Headings: short lines that end no sentence (推出“创新52条”, 数读·渝北创新).
        headings = [p for p in segments.paragraphs[1:]
                    if 0 < len(text[p[0]:p[1]].strip()) <= 20 and not self.sentence_mark.search(text, p[0], p[1])]
        subject_words = self._subject_words(names, text)
        for position, reading in enumerate(readings):
            previous = readings[position - 1] if position else None
            self._read_kind(reading, previous, text)
            self._read_metric(reading, readings[:position], text, tokens, names, subject_words)
            if reading.kind == Kind.RANK and reading.explain["metric"] in RANK_FALLBACKS \
                    and not (reading.explain["metric"] == "metric.inherited"
                             and any(r.sentence == reading.sentence and r.metric for r in readings[:position])):
                # 普通地级市财力10强：…无锡在全国普通地级市中排名第2位: a rank under a ranking's
                # heading ranks what the heading names.
                found = next((m for h in reversed(headings) if h[1] <= reading.quantity.start
                              for m in [self.ranking_heading.fullmatch(text[h[0]:h[1]].strip())] if m), None)
                topic = self._strip_lead(found.group("topic"), subject_words) if found else ""
                if topic:
                    reading.metric, reading.explain["metric"] = topic, "metric.ranking_heading"
            subject, how = self._subject(names, own_names, reading, text)
            if reading.group:
                subject, how = reading.group, "subject.surveyed_group"
            paragraph = segments.of("paragraphs", reading.quantity.start)
            if how == "subject.sentence:group" and not any(c.isdigit() for c in subject):
                # (A counted set of places, 长三角地区41个城市, is a subject in its own right.)
                # 成都全市规模以上工业增加值增长11.4%。分行业看，五大先进制造业增长11.2%: in a
                # paragraph about a place, an industry is part of what is measured (GOLD.md).
                # (the place may stand earlier in the same sentence: 全省…，其中制造业实现利润…)
                group_start = max((n.start for n in names if n.kind == "group" and n.value == subject
                                   and n.start < reading.quantity.start), default=reading.sentence[0])
                place, _ = self._carried(names, own_names, paragraph[0], group_start, "", [], PLACE_KINDS)
                if place:
                    group_here = any(n.kind == "group" and n.value == subject and n.start >= reading.clause[0]
                                     for n in names)
                    if reading.explain["metric"] != "metric.lead" and subject not in reading.metric:
                        # 五大先进制造业增长11.2%: the industry is the metric (but 其中制造业实现利润
                        # 1800亿元，占比72% keeps 制造业利润占比, which names it already)
                        reading.metric = subject
                    elif group_here and not reading.metric.startswith(subject):
                        reading.metric = subject + reading.metric  # 高技术制造业|增加值增长17.1%
                    subject, how = place, "subject.place_of_group"
            if not subject:
                subject, how = self._carried(names, own_names, paragraph[0], reading.sentence[0], default, headings)
                counted = next((n for n in names if n.start == reading.quantity.end and n.kind == "group"), None)
                if counted and reading.quantity.family == "count" and reading.explain["metric"].startswith("metric.counted"):
                    subject, how = counted.value, "subject.counted_bodies"  # 全年共有43家支付机构开展了…
            reading.subject = subject
            reading.explain["subject"] = how
            reading.period, reading.explain["period"] = self._period(times, reading, segments, lead_year,
                                                                     carried_period)
        for sample in samples:
            unit = next(q.unit for q in labels if q.start == sample.start)
            for reading in readings:
                if reading.quantity.start > sample.end and reading.quantity.family == "count" \
                        and reading.quantity.unit == unit and reading.explain["subject"] in CARRIED:
                    reading.subject, reading.explain["subject"] = sample.value, "subject.sample"
        self._distribute(readings, text, names, subject_words)
        self._ratio_parties(readings, names, own_names, text)
        self._infer_units(readings)
        self._article_metric(readings)
        self._rate_of_growth_before(readings)
        readings = self._drop_thresholds(readings, text)

        facts = []
        for reading in readings:
            quantity = reading.quantity
            value = -quantity.value if reading.negative and quantity.value > 0 else quantity.value
            metric = reading.metric + (f"（每{quantity.per}）" if quantity.per else "")
            facts.append(Fact(
                doc_id=doc_id,
                quantity=replace(quantity, value=value, kind=reading.kind),
                subject=reading.subject,
                metric=metric,
                period=reading.period,
                kind=reading.kind,
                sentence=original[reading.sentence[0]:reading.sentence[1]].strip(),
                explain=(f"value={quantity.rule}" + (f"+{reading.verb}" if reading.negative else ""),
                         *(f"{key}={how}" for key, how in reading.explain.items() if how)),
            ))
        return facts

    # -- kind and sign --------------------------------------------------------

    def _read_kind(self, reading: Reading, previous: Reading | None, text: str) -> None:
        quantity = reading.quantity
        lead = reading.lead.strip()
        rate_after = self.rate_after.match(text, quantity.end, reading.clause[1])
        reading.explain["kind"] = "kind.construction"
        if quantity.kind in (Kind.RANK, Kind.RATIO):
            reading.kind = quantity.kind
            return
        if previous and previous.clause == reading.clause and previous.quantity.family == quantity.family \
                and (lead in LIST_SEPARATORS + ("",) or self._is_range_top(previous.quantity, quantity, lead)):
            # 分别下降24.4%、5.2%: a list item moves the way the first item does; so does the
            # top of a range (同比增长38.31%至48.07%), which is no 增至.
            reading.kind, reading.negative, reading.verb = previous.kind, previous.negative, previous.verb
            reading.explain["kind"] = "kind.list_item"
            return
        tail = lead.rstrip()
        # 同比下降超30%, 同比降幅均超40%, 至少已有11个: look past qualifiers (超, 至少) and
        # fillers (均, 同比, 了, 已有) for the verb; 超 is the qualifier, 下降 the verb.
        while True:
            found = self.qualifier_at_end.search(tail)
            if found:
                tail = tail[:found.start()].rstrip()
                continue
            filler = next((w for w in self.fillers if tail.endswith(w)), "") if tail.endswith(self.fillers) else ""
            if not filler or tail.endswith(self.verb_words):
                break
            tail = tail[: -len(filler)].rstrip()
        multiple_of = self.multiple_of.search(lead) if quantity.unit == "倍" else None
        if multiple_of and self._strip_lead(multiple_of.group("base"), ()) \
                and not any(word in multiple_of.group("base") for word in self.reporting_verbs):
            # 是美国接种量的3倍多, 相当于全国平均水平的1.4倍: a level against a base (GOLD.md);
            # a time as the base (是上年的2.4倍) leaves the metric bare, as 比上年 does, and a
            # base holds no level verb (not 这是出口额首次达到进口额的2倍)
            reading.kind, reading.base = Kind.LEVEL, multiple_of.group("base")
            reading.explain["kind"] = "kind.multiple_of"
            return
        gap = self.gap_at_end.search(tail) if quantity.family not in ("percent", "permille", "multiple") else None
        if gap and not self.verb_at_end.search(tail):
            # 低于平均值22个百分点: a gap to a named base is a change, signed by the comparison
            # (SCHEMA "Gaps between two subjects"); 比85后高出8个百分点 ends in its verb, read below.
            reading.kind, reading.verb, reading.base = Kind.CHANGE, gap.group("verb"), gap.group("base")
            reading.negative = gap.group("verb") in self.gap_down
            reading.explain["kind"] = f"kind.gap:{reading.verb}"
            return
        verb_found = self.verb_at_end.search(tail)
        verb = verb_found.group("verb") if verb_found else ""
        moved = self.verb_then_object.search(tail) if not verb_found else None
        words = self._cut(tail) if moved else []
        starts = dict(zip(itertools.accumulate([0] + [len(w) for w in words]), range(len(words) + 1)))
        at = starts.get(moved.start()) if moved else None  # the verb must be a whole word of the tail
        if at is not None and words[at] == moved.group("verb") \
                and moved.group("verb") not in self.noun_forming_verbs | self.rate_word_set \
                and not moved.group("object").startswith(self.function_chars + ("的",)) \
                and not (at and self.tags.get(words[at - 1], "") in COMMON_NOUN_TAGS) \
                and not self._has_verb(moved.group("object")):
            # (Not 经济增长贡献率: a verb after a noun is inside a noun; not 增速为负值: a rate word.)
            # 下调金融机构存款准备金率0.5个百分点: the verb, what it moves, then by how much
            verb, reading.moved = moved.group("verb"), moved.group("object")
        to_level = bool(verb_found and verb_found.group("to"))
        reading.verb = verb
        reading.negative = verb in self.decrease and not to_level
        compared = self.base_then_verb.search(tail) if verb and quantity.family not in (
            "percent", "permille", "multiple") else None
        if compared and self._strip_lead(compared.group("base"), ()):
            reading.base = compared.group("base")  # 比85后高出8个百分点: a gap to a group, not to a time
        reading.explain["kind"] = f"kind.verb:{verb}" if verb else "kind.level"
        if quantity.family == "points" or quantity.kind == Kind.CHANGE:
            reading.kind = Kind.CHANGE
        elif verb and not to_level:
            growth = quantity.family in ("percent", "permille", "multiple") or verb in self.rate_words
            reading.kind = Kind.GROWTH if growth else Kind.CHANGE
        elif quantity.kind:
            reading.kind = quantity.kind
        elif quantity.family in ("percent", "permille") and tail.endswith(self.rate_words + tuple(
                f"{word}为" for word in self.rate_words)):
            # 增速为-2.7%, 降幅为5%: a rate named, then given
            rate = next(word for word in self.rate_words if tail.rstrip("为").endswith(word))
            reading.kind, reading.negative = Kind.GROWTH, rate in self.decrease
            reading.explain["kind"] = f"kind.rate:{rate}"
        elif quantity.family in ("percent", "permille") and self.comparison_then_figure.search(lead):
            # 利润同比-2.3%, （同比+5%）: a percentage set against an earlier period is its growth
            reading.kind = Kind.GROWTH
            reading.explain["kind"] = "kind.period_comparison"
        elif quantity.family in ("percent", "permille", "multiple") and rate_after \
                and len(rate_after.group("rate")) > 1 and not self._has_verb(rate_after.group("measured")):
            # 实现了8.5%的增长, 以10.9%的财政收入增速: the rate after the figure says what it is
            rate = rate_after.group("rate")
            reading.kind, reading.negative = Kind.GROWTH, rate in self.decrease
            reading.rate_of = rate_after.group("measured")
            reading.explain["kind"] = f"kind.rate_after:{rate}"
        else:
            reading.kind, reading.negative = Kind.LEVEL, False

    # -- metric ---------------------------------------------------------------

    def _is_range_top(self, low: Quantity, high: Quantity, joiner: str) -> bool:
        """5%-6%, 增长38.31%至48.07%: the top of a range (the finder's rule, joins_range)."""
        return joiner in self.range_joiners and joins_range(joiner, low.value, high.value)

    def _read_metric(self, reading: Reading, earlier: list[Reading], text: str,
                     tokens, names, subject_words: tuple[str, ...]) -> None:
        quantity = reading.quantity
        lead = "" if reading.explain.get("kind") == "kind.list_item" and reading.lead.strip() in self.range_joiners \
            else reading.lead  # 5%-6%: the top of a range measures what its bottom does
        average = next((w for w in self.average_words if w in lead), "")
        if average:  # 两年平均增长18.9%: the metric is the averaged one, marked as such
            lead = lead.replace(average, "", 1)
        if quantity.kind == Kind.RANK:
            lead = self._rank_lead(lead, names)
        metric, how = self._strip_lead(lead, subject_words), "metric.lead"
        basis = next((w for w in self.basis_words if metric.endswith(w)), "")
        if basis and not average and (metric == basis or reading.verb):
            # 扣除价格因素，实际增长9.0%; 工业增加值同比实际增长4.4%: the real growth
            average, metric = basis, metric[:-len(basis)]
        if reading.base:
            # 对保险…关注度也不高，甚至低于平均值22个百分点: the measure, then its base (GOLD.md).
            measure = self._strip_lead(lead[:max(0, lead.rfind(reading.base))], subject_words) \
                or self._inherited_metric(reading, earlier)
            base = self._strip_lead(reading.base, ()) or reading.base.strip()  # (比2012年: a time stays)
            metric, how = f"{measure}（比{base}）", "metric.gap"
        if reading.moved and self._strip_lead(reading.moved, subject_words):
            metric, how = self._strip_lead(reading.moved, subject_words), "metric.moved_object"
        if reading.rate_of and self._strip_lead(reading.rate_of, subject_words):
            metric, how = self._strip_lead(reading.rate_of, subject_words), "metric.rate_after"
        interval = self.interval_lead.search(lead)
        if interval:  # 从1亿剂到2亿剂用25天: the time taken between two milestones
            metric, how = f"{interval.group('span')}用时", "metric.interval"
        share = self.share_lead.search(lead) if quantity.unit == "%" else None
        if share:
            # A share names the part and the whole (SCHEMA): 占出口总值的58.3% after 机电产品出口…
            # → 机电产品出口占出口总值; the part is the figure before when the lead leaves it out.
            whole = self._strip_lead(lead[share.end():], ())
            part = self._strip_lead(lead[:share.start()], subject_words) or self._inherited_metric(reading, earlier)
            if whole and part:
                metric, how = f"{part}占{whole}", "metric.share"
        after = self._noun_after(quantity.end, reading.clause[1], tokens)
        if quantity.kind == Kind.RANK and after in subject_words:
            after = ""  # 领跑全国: where the ranking is, not what is ranked
        if quantity.kind == Kind.RANK and after.startswith("大") and len(after) > 2:
            after = after[1:]  # 第一大贸易伙伴, 第三大城市: 大 makes the rank one of size
        if not after and text[quantity.end:quantity.end + 1] in ("为", "是"):
            after = self._noun_after(quantity.end + 1, reading.clause[1], tokens)  # 其中1.16亿元为投资收益
        counted = quantity.family == "count" or (quantity.family == "" and quantity.kind is None)
        if after and (counted or not metric or self._ends_with_verb(metric) or self._is_weak(metric)
                      or metric.endswith(self.function_chars)):
            # 225家科技型企业; 整合不低于3亿元财政资金; 按4:6出资比例: the noun after names it
            metric, how = after, "metric.noun_after"
            opening = self.present.sub("", self._without_times(reading.lead))  # (全年共有…)
            scope = self.scope_before_count.search(opening)
            opening = opening[scope.end():] if scope else opening  # 620种产品中有331种…: after the whole
            if counted and (self.clause_opening.match(opening) or opening.strip() == "在"):
                # 7家公司营收和净利双降: a count opening its clause counts those the rest of the
                # clause describes (营收和净利双降公司, GOLD.md's 净利下滑的经销商).
                members = self._noun_after(quantity.end, reading.clause[1], tokens, self.group_follow)
                predicate = self._predicate(text, quantity.end + len(members), reading.clause[1])
                described = self._predicate(text, quantity.end, reading.clause[1])
                if "的" in described:  # 8家净利下滑的经销商中: the clause is the noun phrase already
                    metric, how = described.removesuffix("中").removesuffix("当"), "metric.counted_phrase"
                elif len(members) > 1 and predicate and text.startswith(members, quantity.end):
                    metric, how = f"{predicate}的{members}", "metric.counted_predicate"
        if not metric and counted and quantity.unit in self.person_units:
            # …共有157.6万人通过资格审查: people counted by what they did
            predicate = self._predicate(text, quantity.end, reading.clause[1])
            if predicate:  # (no noun came after the count, so a verb or 通过 does)
                metric, how = f"{predicate}人数", "metric.people_who"
        if not metric and quantity.family == "currency" and reading.lead.strip() in ("、", "") and earlier \
                and earlier[-1].clause == reading.clause and earlier[-1].quantity.family == "count" \
                and earlier[-1].metric and not earlier[-1].metric.endswith(self.measure_nouns):
            # 共处理跨境支付业务71.91亿笔、9723.63亿元: the same business, its sum after its count
            metric, how = earlier[-1].metric.split("（")[0] + self.sum_noun, "metric.sum_of_before"
        if metric in self.measure_nouns and how == "metric.lead":
            # 共处理互联网支付业务1439.57亿笔、金额57.37万亿元: the amount of the business before
            before = next((r for r in reversed(earlier) if r.sentence == reading.sentence and r.metric), None)
            if before and not before.metric.endswith(self.measure_nouns):
                # (新增国家高新技术企业126家，总数达到862家: the total is of the kind, not of the new)
                noun = before.metric.split("（")[0]
                noun = next((noun[len(w):] for w in self.noun_forming_verbs if noun.startswith(w)
                             and len(noun) > len(w)), noun)
                metric, how = noun + metric, "metric.measure_of_before"
        if metric and (metric in self.share_nouns or metric.removeprefix("所占") in self.share_nouns):
            # 其中1.16亿元为投资收益，占比超6成: a bare share is the share of the figure before.
            part = self._inherited_metric(reading, earlier)
            metric, how = (part + metric, "metric.share_of_inherited") if part else (metric, how)
        if not metric and reading.lead.rstrip().endswith("以") and text[quantity.end:quantity.end + 1] == "的":
            # 阿里巴巴以58亿美元的总价回购…: the noun after 的 says what the figure is
            metric = self._noun_after(quantity.end + 1, reading.clause[1], tokens)
            how = "metric.by_the"
        surveyed = self._surveyed_group(reading, text) if not reading.rate_of else None
        if surveyed:  # 87.8%的学生认为作业量明显减少: the share of a group that does something
            reading.group, predicate = surveyed
            metric, how = f"{predicate}的比例", "metric.share_of_group"
        if not metric:
            metric, how = self._inherited_metric(reading, earlier, names), "metric.inherited"
            rate = next((w for w in self.rate_words if metric.endswith(w)), "")
            if rate and len(metric) > len(rate) and quantity.unit == "%" and reading.kind == Kind.LEVEL \
                    and not reading.verb:
                # …增速位居全国第一，达到38.7%: a percentage of a rate is the growth itself (SCHEMA)
                metric, reading.kind = metric[:-len(rate)], Kind.GROWTH
                reading.negative = rate in self.decrease
        if how == "metric.inherited" and quantity.kind == Kind.RANK and self._sentence_topic(reading, text):
            # 从各国疫苗总接种量来看，…中国接种总量超过10亿剂次，位居第一: what the sentence looks at
            # is what is ranked, not the figure before the rank.
            metric, how = self._sentence_topic(reading, text), "metric.sentence_topic"
        if not metric and quantity.unit == "%" and reading.kind == Kind.GROWTH \
                and any(word in text[reading.sentence[0]:reading.sentence[1]] for word in self.market_words):
            # 港股汽车零售板块走低，盘中中升控股一度跌超5%: in a trading session, a price moves
            metric, how = self.market_price, "metric.market_price"
        if not metric:
            metric, how = self._topic_clause(reading, earlier, text, subject_words), "metric.topic_clause"
        if not metric:
            metric, how = self._sentence_topic(reading, text), "metric.sentence_topic"
        if not metric and quantity.unit == "%" and reading.kind == Kind.LEVEL and not reading.verb:
            # …以10.9%的财政收入增速排名第一。北京紧随其后，以6.6%位居第二: a bare percentage
            # continues the series of growth rates before it.
            metric = self._paragraph_metric(replace(reading, kind=Kind.GROWTH), earlier)
            if metric:
                reading.kind, how = Kind.GROWTH, "metric.growth_series"
        if not metric:
            metric, how = self._paragraph_metric(reading, earlier), "metric.paragraph"
        if not metric and quantity.kind == Kind.RANK:
            # 按企业统计2021年的纯电动汽车（EV）销量…排在首位的美国特斯拉: what the article ranks by
            basis = self.ranking_basis.search(text)
            metric, how = (self._strip_lead(basis.group("basis"), ()), "metric.ranking_basis") if basis else ("", how)
        reading.explain["metric"] = how if metric else ""
        if average:
            metric = f"{metric}（{average}）"
        if reading.negative and reading.verb in self.rate_movers and metric.endswith(self.rate_words):
            reading.negative = False  # 降幅收窄1.2个百分点: the rate word carries the direction (SCHEMA)
        reading.metric = metric

    def _surveyed_group(self, reading: Reading, text: str) -> tuple[str, str] | None:
        """87.8%的学生认为作业量明显减少 → (学生, 认为作业量明显减少): a share followed by 的, a
        group named by nouns, and what that part of the group does (a verb first)."""
        quantity = reading.quantity
        linked = text[quantity.end:quantity.end + 1] == "的"
        if quantity.unit != "%":
            return None
        opening = self._without_times(reading.lead)
        while (found := self.qualifier_at_end.search(opening)):
            opening = opening[:found.start()]
        if not self.clause_opening.match(opening):
            return None  # 上汽出资50.1％的上汽通用五菱汽车, 低于9.8%的全国增速: a figure inside a noun phrase
        rest = text[quantity.end + linked:reading.clause[1]].rstrip("，,。；;！!？?：: \n")
        words = self._cut(rest)
        group = list(itertools.takewhile(lambda w: self.tags.get(w, "") in GROUP_NOUN_TAGS, words))
        if not group and len(words) > 2 and self.tags.get(words[0], "") in ("v", "vn") \
                and self.tags.get(words[1], "") in GROUP_NOUN_TAGS:
            # 七成的受访企业表示…: a participle before the group's noun belongs to the group
            group = words[:1] + list(itertools.takewhile(lambda w: self.tags.get(w, "") in GROUP_NOUN_TAGS, words[1:]))
        cohort = self.cohort.match(rest)
        if cohort and linked:  # 22.7%的00后倾向…: a birth cohort is a group of people
            predicate = rest[cohort.end():]
            if self._has_verb(predicate[:4]):
                return cohort.group(0), predicate
        if not linked:
            # 八成以上学生学业质量达到中等以上水平: without 的 only the first noun is the group, and
            # what it does must hold a verb.
            group = group[:1]
            if not group or not self._has_verb(rest[len(group[0]):]):
                return None
        elif not group or len(group) == len(words) or self.tags.get(words[len(group)], "") not in VERB_TAGS:
            return None
        predicate = rest[len("".join(group)):]
        said = next((w for w in self.said_words if predicate.startswith(w) and len(predicate) > len(w)), "")
        return "".join(group), predicate[len(said):]

    def _rank_lead(self, lead: str, names: list[Mention]) -> str:
        """What a rank ranks: 在全市科技竞争力排行中连续四年第一 → 全市科技竞争力排行. A lead that
        only says where the ranking is (位列重庆市都市核心区第一, 均居全市第一) names no metric: it
        is inherited from the figure before."""
        found = self.rank_scope.search(lead)
        if found and found.group("inside").endswith(self.ranking_nouns):
            return found.group("inside")
        if found:  # 宁波GDP在全部城市中排名第12位: the set ranked in, the metric before it
            return lead[:found.start()]
        verb = self.rank_verb_in.search(lead)
        if verb and lead[:verb.start()].strip():
            # 科技竞争力均居全市第一: what comes before the verb is ranked, unless it is the set
            # ranked in (在全部城市排名第12位).
            before = lead[:verb.start()]
            if not before.lstrip().startswith("在"):
                # 宁波GDP在全部城市排名第12位: what is ranked, then the set it is ranked in
                return before[:before.rfind("在")] if "在" in before else before
            # 在全部城市排名第12位: the set ranked in; 在一季度财政收入排名前10的榜单中: a metric.
            inside = self._strip_lead(before.lstrip()[1:], ())
            return inside if inside and not inside.endswith(tuple(self.not_places)) else ""
        scope = self.rank_adverbs.sub("", lead)
        word = next((w for w in self.strip_first.get(scope[:1], ()) if scope.startswith(w)), "")
        scope = scope[len(word):]
        places = {m.surface or m.value for m in names if m.kind in ("place", "national", "own")}
        return "" if any(scope.startswith(p) for p in places | self.own | self.national) else lead

    def _is_weak(self, phrase: str) -> bool:
        """Only adverbs, prepositions and the like (共同, 先后): no word that names a quantity."""
        return all(self.tags.get(word, "") in WEAK_TAGS for word in self._cut(phrase))

    def _has_verb(self, phrase: str) -> bool:
        return any(self.tags.get(word) == "v" for word in self._cut(phrase) if len(word) > 1)

    def _ends_with_verb(self, phrase: str) -> bool:
        words = self._cut(phrase)
        return bool(words) and self.tags.get(words[-1], "") in VERB_TAGS

    def _topic_clause(self, reading: Reading, earlier: list[Reading], text: str,
                      subject_words: tuple[str, ...]) -> str:
        """虽然北京工业占比较低，今年前三季度仅为13.8%: a clause with no figure that opens the
        sentence names what the next clause's figure is (its predicate, 较低, aside)."""
        start, end = reading.sentence[0], reading.clause[0] - 1
        if end <= start or any(start <= r.quantity.start < end for r in earlier) \
                or text[end] not in "，,":
            return ""
        clause = text[start:end]
        if any(mark in clause for mark in "，,：:"):
            return ""  # only the clause right before, opening the sentence
        clause = clause[len(next((w for w in self.concessive_words if clause.startswith(w)), "")):]
        if clause.startswith(self.function_chars) or self.present.match(clause):
            return ""  # 截至该季度末, 在…方面: an adverbial, not a topic
        clause = clause[:len(clause) - len(next((w for w in self.evaluative_words if clause.endswith(w)), ""))]
        topic = self._strip_lead(clause, subject_words)
        words = self._cut(topic)
        # A noun ends it (工业占比), not an idiom (紧随其后), a verb (值得注意) or a time (季度末).
        return topic if len(topic) >= 2 and words and (self.tags.get(words[-1], "") in ("n", "vn", "nz")
                                                       or topic.endswith(self.share_nouns)) else ""

    def _sentence_topic(self, reading: Reading, text: str) -> str:
        """从前三季度GDP增速来看，北京10.7%、浙江10.6%: the sentence says what its figures are."""
        head = text[reading.sentence[0]:reading.quantity.start]
        found = self.topic_phrase.search(head)
        return self._strip_lead(found.group("topic"), self.bare_subject_words) if found else ""

    def _inherited_metric(self, reading: Reading, earlier: list[Reading], names: list[Mention] = ()) -> str:
        """The metric of the figure this one follows in its sentence (同比增长17.1% after 实现…亿元);
        a rank may take it from the sentence before (…增长8.2%。湖北增速领跑全国)."""
        same_sentence = [r for r in earlier if r.sentence == reading.sentence and r.metric]
        if not same_sentence and reading.quantity.kind == Kind.RANK and earlier and earlier[-1].metric \
                and earlier[-1].sentence[1] == reading.sentence[0]:
            # …位居第一，占全球总量的比例超40%。美国排在第二位: the rank before, if there is one
            before = [r for r in earlier if r.sentence == earlier[-1].sentence and r.metric]
            same_sentence = [next((r for r in reversed(before) if r.kind == Kind.RANK), earlier[-1])]
        after_change = same_sentence and same_sentence[-1].quantity.family == "points" \
            and reading.lead.strip() in self.to_words
        if reading.quantity.family == "points" or after_change:  # …提升1.1个百分点至48.2%: the new level
            for candidate in reversed(same_sentence):
                if candidate.quantity.family == "points" or candidate.metric.endswith(self.rate_words):
                    return candidate.metric.split("（")[0]
        # A rank may take the metric of the rank before it (位居第一。美国排在第二位).
        rank = reading.quantity.kind == Kind.RANK
        skipped = (Kind.RATIO,) if rank else (Kind.RANK, Kind.RATIO)
        if reading.kind == Kind.GROWTH:
            # …增加值同比增长17.4%，对经济增长贡献率达到81.3%，两年平均增长9.3%: a growth rate is
            # not the growth of a share said in between.
            same_sentence = [c for c in same_sentence if not (c.kind == Kind.LEVEL and c.quantity.unit == "%")] \
                or same_sentence
        for candidate in reversed(same_sentence):
            if candidate.quantity.family != "points" and candidate.kind not in skipped \
                    and not (rank and candidate.quantity.family == "count" and (
                        candidate.sentence != reading.sentence
                        or any(candidate.quantity.end <= n.start < reading.quantity.start for n in names
                               if n.kind in ("place", "org")))) \
                    and not (candidate.quantity.family == "count" and reading.quantity.family in ("currency", "measure")) \
                    and candidate.explain.get("subject") != "subject.ranked_name":
                # (占比为43％的比亚迪涨至4.6倍: a figure that describes a name is not what the name does)
                # (…12家为中国企业。排在第2位的…, 各有一个城市入围，东莞市以202亿元排名第7位: a count
                # said before another name is not what that name is ranked by;
                # 各有一个城市入围，东莞市以202亿元…: a sum or a measure is not one of the things counted)
                metric = candidate.metric.split("（")[0]
                if (rank or reading.quantity.family == "points") and candidate.kind == Kind.GROWTH \
                        and not metric.endswith(self.rate_words):
                    # 以6.6%位居第二位, 增长7.6%，快于城镇居民2.4个百分点: the growth rate is ranked or
                    # compared, not the amount
                    metric += self.rate_noun
                return metric
        # 工业增加值增速位居全国第一，达到38.7%: the value of what was ranked just before, unless
        # the clause names someone else (…位居第5位，温州市以201.1亿元…).
        ranked = [c for c in same_sentence if c.kind == Kind.RANK and c.clause[1] <= reading.clause[0]]
        named = any(reading.clause[0] <= n.start < reading.quantity.start for n in names
                    if n.kind in ("place", "org", "group"))
        return ranked[-1].metric if ranked and not rank and not named else ""

    def _predicate(self, text: str, start: int, end: int) -> str:
        """The rest of a clause after a counted noun, without its closing mark or particle."""
        predicate = _any_of("（(").split(text[start:end])[0]  # 超过2万亿元(人民币，下同)
        predicate = predicate.rstrip("，,。；;！？!?：:\n ").removesuffix("了")
        return predicate if predicate and self.word_start.match(predicate) else ""

    def _article_metric(self, readings: list[Reading]) -> None:
        """…嘉兴市以250亿元位居第5位: a sum or a measure whose sentence and paragraph name no
        metric is of what the article measures most in that unit (at least three times); a
        growth named only by a rate word (增速) is that measure's growth."""
        counts = Counter((r.quantity.unit, r.metric.split("（")[0]) for r in readings
                         if r.metric and r.kind == Kind.LEVEL and r.quantity.family in ("currency", "measure"))
        for reading in readings:
            if reading.kind == Kind.GROWTH and reading.metric in self.rate_words:
                # 从增速看，榆林增速为120.5%: the growth of what the article measures most
                usual = counts.most_common(2)
                if usual and usual[0][1] >= 3 and (len(usual) == 1 or usual[1][1] < usual[0][1]):
                    reading.metric, reading.explain["metric"] = usual[0][0][1], "metric.article_growth"
                continue
            if reading.metric or reading.kind != Kind.LEVEL or reading.quantity.family not in ("currency", "measure"):
                continue
            usual = [(n, metric) for (unit, metric), n in counts.most_common() if unit == reading.quantity.unit]
            if usual and usual[0][0] >= 3 and (len(usual) == 1 or usual[1][0] < usual[0][0]):
                reading.metric, reading.explain["metric"] = usual[0][1], "metric.article"

    def _rate_of_growth_before(self, readings: list[Reading]) -> None:
        """…同比增长5.8%，增速比上半年提高0.2个百分点: a move in points of a rate named only by
        its rate word (增速) is of the growth said before it in the sentence (地区生产总值增速).
        Moves listed after a list of growths take them in order (销售面积、销售额同比分别下降
        39.0%、46.6%，降幅较3月分别扩大21.3、20.4个百分点)."""
        for sentence in _by_sentence(readings).values():
            # (降幅（比全国）: a gap's base stays after the rate word)
            moves = [r for r in sentence if r.quantity.family == "points" and r.metric.split("（")[0] in self.rate_words]
            if not moves:
                continue
            growths = [r for r in sentence if r.kind == Kind.GROWTH and r.metric and r.metric not in self.rate_words]
            for move in moves:
                before = [r for r in growths if r.quantity.start < move.quantity.start]
                if not before:
                    continue
                listed = [r for r in moves if r.clause == move.clause]
                # (出口增长5%，进口增长3%，增速分别提高1个和2个百分点: the last growths, in order)
                growth = before[-len(listed):][listed.index(move)] if 1 < len(listed) <= len(before) \
                    else before[-1]
                move.metric = growth.metric.split("（")[0] + move.metric
                move.explain["metric"] += "+rate_of_growth"

    @staticmethod
    def _paragraph_metric(reading: Reading, earlier: list[Reading]) -> str:
        """A figure whose sentence names no metric continues the last figure of the same kind and
        unit in its paragraph or the one before (…财政收入以2518.2亿元排名第一位。北京市以1689.7亿元
        排名第二位: short paragraphs of one sentence each are common)."""
        paragraphs = {reading.paragraph}
        for candidate in reversed(earlier):
            if candidate.paragraph not in paragraphs:
                if len(paragraphs) == 2:
                    break
                paragraphs.add(candidate.paragraph)
            if candidate.metric and candidate.kind == reading.kind and candidate.quantity.unit == reading.quantity.unit \
                    and not candidate.lead.lstrip("，, ").startswith("其中"):  # (其中税收…: a part, not the series)
                return candidate.metric.split("（")[0]
        return ""

    def _noun_after(self, position: int, limit: int, tokens: Tokens, stop_words: tuple[str, ...] = ()) -> str:
        """The noun right after a count (225家科技型企业 → 科技型企业), up to a verb or a stop."""
        index = bisect_right(tokens.starts, position - 1)
        words = []
        while index < len(tokens) and tokens[index][0] < limit:
            start, _, word, tag = tokens[index]
            if start < position or (not words and not word.strip()):
                index += 1  # a masked ** or a space between the count and its noun
                continue
            if words and word == "及" and index + 1 < len(tokens) and tokens[index + 1][2] in ("以上", "以下"):
                words.append(word + tokens[index + 1][2])  # 地级及以上城市: one kind of place
                index += 2
                continue
            if not words and word.isdigit() and index + 1 < len(tokens) and tokens[index + 1][2] in TENORS:
                words.append(word + tokens[index + 1][2])  # 5777亿元7天期逆回购: a tenor opens the noun
                index += 2
                continue
            if tag in VERB_TAGS and index + 1 < len(tokens) and tokens[index + 1][2] in self.body_nouns \
                    and tokens[index + 1][0] == tokens[index][1]:
                words.append(word)  # 支付|机构, 开发|企业: a verb that names the body's business
                index += 1
                continue
            if not word.strip() or tag in VERB_TAGS or tag in ("uj", "c", "p", "d", "r", "f", "m", "q", "u", "ul") \
                    or (words and (word.startswith(stop_words) or (stop_words and word.isascii()))) or word.startswith(self.rank_verbs + ("第",)) \
                    or (not tag and word in self.strip_word_set) \
                    or not self.word_start.match(word):
                break
            words.append(word)
            index += 1
        return "".join(words)

    def _subject_words(self, names: list[Mention], text: str = "") -> tuple[str, ...]:
        """Words that name a subject, longest first, for stripping from the head of a lead.

        国内 before a noun is part of it (国内贷款, 国内旅游); the other national words are subjects."""
        # (A name only ever seen as an object, 共有上市公司2263家, is what is counted, not who;
        # a place after 在 is where, and no metric word either: 华为在上海投资5亿元.)
        acting = {n.value for n in names if n.kind != "aside" or text[n.start - 1:n.start] == "在"}
        names = [n for n in names if n.value in acting]
        words = {n.value for n in names} | {n.surface for n in names} | self.own | self.national | self.anaphors
        # 企（事）业单位 as a lead reads once its brackets are gone (企业单位贷款), Mate 60 once
        # its spaces are (Mate60优惠).
        words |= {self.marks.sub("", self.parenthesis.sub("", word)) for word in words}
        return _longest_first(words - {"", "国内"})

    def _strip_lead(self, lead: str, subject_words: tuple[str, ...], whole: bool = False) -> str:
        """The metric words of a lead: no time, no subject, no verb, no filler. `whole` keeps
        what comes before a reporting verb (a list of parties: A、B处理业务…)."""
        phrase = self.parenthesis.sub("", lead).rstrip("（(")  # R&D(研究与试验发展)支出 → R&D支出
        phrase = self.list_opening.sub("", phrase)  # 1、周四在岸人民币…: a list number is no metric word
        phrase = self.rank_opening.sub("", phrase)  # 第4的比亚迪销量: the rank describes who, not what
        phrase = self.marks.sub("", phrase)
        phrase = self.present_with_base.sub("", phrase)  # (before the times: 上年末 whole, not 上年)
        for found in reversed(self.find_times(phrase)):
            # 增速比上月末高: a time as the base says what 同比 says; the base goes with it
            start = found.start - len(next((w for w in self.base_words if phrase.endswith(w, 0, found.start)), ""))
            phrase = phrase[:start] + phrase[found.end:]
        phrase = self.duration.sub("", phrase)  # 连续四年位居…: a duration says when, not what
        for name in [name for name in subject_words if name in phrase]:
            position = phrase.find(name)
            if position == 0 or (0 < position <= 2 and position in self._word_bounds(phrase)) \
                    or (position > 2 and phrase[:position].endswith(self.apposed_kinds)):
                # (在渝北区…, not 公司 of 上市公司; 另一家车企长城汽车营收: a kind, then the name)
                phrase = phrase[position + len(name):]
                break
            if position > 2 and phrase.startswith("的", position + len(name)) and len(phrase) - position - len(name) > 2 \
                    and not self.object_before_in.search(phrase, 0, position) and not self._has_verb(phrase[:position]):
                phrase = phrase[position + len(name) + 1:]  # 纯电动汽车专业公司特斯拉的股价: whose, then what
                break
        where = next((n for n in subject_words if phrase.startswith("在" + n) and len(phrase) > len(n) + 1), "") \
            if phrase.startswith("在") else ""
        phrase = phrase[len(where) + 1:] if where else phrase  # 华为在上海投资: where it acted, no metric word
        while (joined := self.list_join.match(phrase)) and joined.end() < len(phrase):
            # 武汉、成都…、西安等城市增量: the rest of a list of names, then 等 and their kind
            rest = phrase[joined.end():]
            name = next((n for n in subject_words if rest.startswith(n)), "")
            if not name:
                break
            phrase = rest[len(name):]
            phrase = self.apposed_count.sub("", phrase)  # 成都、重庆两地的GDP: the list counted again
        if phrase.startswith("等"):
            phrase = phrase[1:]
            phrase = phrase[len(next((w for w in self.not_places if phrase.startswith(w)), "")):]
        # 分别是宁波（6.3%）: a name right before the figure is whose it is, not what.
        trailing = next((name for name in subject_words if phrase.endswith(name)), "") \
            if phrase.endswith(subject_words) else ""
        if trailing and len(trailing) < len(phrase) and len(phrase) - len(trailing) not in self._word_bounds(phrase):
            trailing = ""  # 上市公司 does not end with the anaphor 公司
        phrase = phrase[:len(phrase) - len(trailing)]
        while phrase:
            # 之比, 占比: 比 here ends a noun, it is no comparison; a single character that ends
            # a word (成都, not 收入都 or 增速比) stays.
            word = "" if phrase.endswith(self.share_nouns) else \
                next((w for w in self.strip_last.get(phrase[-1], ()) if phrase.endswith(w)
                      and (len(w) > 1 or self._cut(phrase)[-1] == w)), "")
            if word:
                phrase = phrase[: -len(word)]
                continue
            # Only whole words are stripped in front: 增加值 is a noun, not 增加 and 值; of
            # single characters only adverbs (已|培育, 仅|酒店), not 总 of 总增量 or 比 of a base.
            # (新增 before a noun names the new amount: 新增城镇就业, 新增人民币贷款; GOLD.md)
            word = next((w for w in self.strip_first.get(phrase[0], ())
                         if (len(w) > 1 or w in self.leading_adverbs) and phrase.startswith(w)
                         and w not in self.noun_forming_verbs
                         and len(phrase) > len(w) and self._starts_with_word(phrase, w)), "")
            if word:
                phrase = phrase[len(word):]
                continue
            stripped = phrase.rstrip(FUNCTION_CHARS)
            if stripped and stripped[0] in FUNCTION_CHARS and self._starts_with_word(stripped, stripped[0]) \
                    and not (stripped[0] in self.partner_prepositions and stripped.startswith(self.known_place_tuple, 1)
                             and not any(mark in stripped[1:] for mark in LIST_SEPARATORS)):
                stripped = stripped[1:]  # 在 alone, not 在 of 在岸人民币; 对东盟进出口 keeps its partner
                # (a list of partners is shared out by _distribute: 与欧盟、东盟分别进出口)
            if stripped == phrase:
                break
            phrase = stripped
        if phrase in self.leading_adverbs:
            return ""  # 另有2人在逃: an adverb alone is left of 另有
        base = next((w for w in self.base_words if phrase.startswith(w)), "") if phrase.startswith(self.base_words) else ""
        if base and self._starts_with_word(phrase, base):
            return ""  # 比清明假期: only the base of a comparison, no metric of its own (not 比亚迪)
        phrase = self.inner_fillers.sub("", phrase) or phrase
        return phrase if whole else self._verb_object(self._after_last_verb(phrase) or phrase)

    def _verb_object(self, phrase: str) -> str:
        """生产粗钢 → 粗钢产量: a production verb and its object name the quantity made (an
        object of two characters at least: 出口额 is a noun already); the verb alone names what
        it makes (销售了…32万辆 → 销量)."""
        if phrase in self.rules.units:
            return ""  # 折合人民币36亿元: a currency alone names nothing; the metric is inherited
        if phrase in self.verb_objects:
            return self.verb_objects[phrase].replace("{}", "")
        for verb, noun in self.verb_objects.items():
            if phrase.startswith(verb) and len(phrase) >= len(verb) + 2 and self._starts_with_word(phrase, verb) \
                    and not phrase[len(verb):].startswith(self.measure_nouns) \
                    and not phrase[len(verb)] in FUNCTION_CHARS:  # 出口总值, 消费对…的贡献率: a noun
                rest = phrase[len(verb):]
                return noun.replace("{}", rest)
        return phrase

    def _after_last_verb(self, phrase: str) -> str:
        """What follows the last verb that reports a level (实现, 达到, 吸引) inside a phrase,
        when at least two characters do. Other verbs belong to the metric (人均可支配收入,
        城镇新增就业)."""
        last_verb_end, offset, previous = -1, 0, ""
        for word in self._cut(phrase):
            offset += len(word)
            # (每万人拥有执业医师, 农村居民每百户拥有家用汽车: after a per-unit base the verb is
            # part of the metric, and the base with it: SCHEMA; not after 每天, a rate's time)
            if word in self.level_words and self.tags.get(word, "") in VERB_TAGS and offset < len(phrase) \
                    and not phrase.startswith("每") and not self.per_base.search(phrase, 0, offset - len(word)) \
                    and previous != "所" and phrase[offset] != "的" \
                    and not phrase.startswith(self.measure_nouns, offset):  # 处理能力 is a noun
                # 所占比重, 每百元资产实现的营业收入: a verb before 的 or after 所 is inside a noun
                last_verb_end = offset
            previous = word
        if last_verb_end > 0 and len(phrase) - last_verb_end >= 2:
            return phrase[last_verb_end:]
        return ""

    def _starts_with_word(self, phrase: str, word: str) -> bool:
        """Whether `word` is the first whole word of `phrase` (生产总值 does not start with 生产)."""
        return len(self._cut(phrase[:6])[0]) <= len(word)

    def _word_bounds(self, phrase: str) -> set[int]:
        """The offsets where the words of a phrase end (0 included): a name is stripped from a
        lead only at a word's edge (公司 of 上市公司 is no anaphor)."""
        return {0, *itertools.accumulate(map(len, self._cut(phrase)))}

    def _cut(self, piece: str) -> list[str]:
        """The words of a phrase, cut by our segmenter (为|重庆市, not 为重|庆|市)."""
        return self.segment(piece)

    def _is_name(self, item: str, known: set[str]) -> bool:
        return item in known or item in self.known_places or item.endswith(self.org_suffixes)

    def _distribute(self, readings: list[Reading], text: str, names: list[Mention],
                    subject_words: tuple[str, ...]) -> None:
        """`A、B、C分别增长x、y、z`: each number takes the item in its place."""
        known = {n.value for n in names} | {n.surface for n in names if n.surface}
        for sentence, group in _by_sentence(readings).items():
            body = text[sentence[0]:sentence[1]]
            markers = [found.start() for found in self.respectively.finditer(body)]
            for marker, following in zip(markers, markers[1:] + [len(body)]):
                # …零售额同比分别增长7.4%、20.4%和22.7%，家具、建材分别增长6.7%和13.5%: each 分别
                # hands out the figures up to the next one.
                after = [r for r in group if sentence[0] + marker < r.quantity.start < sentence[0] + following]
                if after:
                    self._distribute_from(sentence[0] + marker, body[:marker], group, after, text, known,
                                          subject_words)

    def _distribute_from(self, marker: int, head: str, group: list[Reading], after: list[Reading],
                         text: str, known: set[str], subject_words: tuple[str, ...]) -> None:
        """The figures `after` the 分别 at `marker` go to the items of the clause before it."""
        head = head[max(head.rfind(c) for c in "，,:：") + 1:]
        items = self._expand_elliptic([item for item in self.list_split.split(
            self._strip_lead(head, self.bare_subject_words, whole=True)) if item])
        paired = next((word for word in self.paired_measures if len(items) == 1 and word in items[0]
                       and not items[0][items[0].find(word) + len(word):].startswith(self.measure_nouns)), "")  # (not 产销率)
        if paired:  # 新能源汽车产销分别完成…: 产量 and 销量; 城乡居民…: 城镇居民 and 农村居民
            item = self._strip_lead(items[0], subject_words) or items[0]
            items = [item.replace(paired, measure, 1) for measure in self.paired_measures[paired]]
        groups = self._parallel_groups(after, len(items))
        if not groups and len(after) == len(items):
            groups = [after]  # 交易笔数和金额分别是2304亿笔、236.60万亿元: one figure per item, of any kind
        if len(items) < 2 or not groups:
            self._respective_figures(group, after, next((w for w in self.rate_words if w in head), ""))
            return
        # 北京、上海分别增长…: the items are parties, so they are the subjects and what follows
        # 分别 is the metric. 我国与欧盟、东盟分别进出口…: parties after 与 are partners, where
        # the trade goes; they join the metric (与欧盟进出口) and the subject stays (GOLD.md).
        shared = self._strip_lead(text[self.respectively.match(text, marker).end():after[0].quantity.start],
                                  self.bare_subject_words)
        # 北京、浙江和山西地区生产总值分别…: the last party carries the metric they share.
        last_name = next((n for n in sorted(known, key=len, reverse=True)
                          if n and items[-1].startswith(n) and len(items[-1]) > len(n)), "")
        if last_name and all(self._is_name(item, known) for item in items[:-1]):
            shared = shared or self._strip_lead(self.apposed_count.sub("", items[-1][len(last_name):]), ())
            items[-1] = last_name
        parties = all(self._is_name(item, known) for item in items)
        partner = self.partner_before.search(head, 0, max(0, head.find(items[0])))
        for series in groups:
            for item, reading in zip(items, series):
                if parties and partner and shared:
                    reading.metric = f"{partner.group(0).strip()}{item}{shared}"
                    reading.explain["metric"] = "metric.partner_respectively"
                elif parties:
                    reading.subject, reading.explain["subject"] = item, "subject.distributed"
                    if shared:
                        reading.metric, reading.explain["metric"] = shared, "metric.after_respectively"
                else:  # 银行共处理交易笔数和金额分别为…: the item without who and the verb
                    metric = self._strip_lead(item, subject_words) or item
                    share = self.share_lead.search(item)
                    if share and self._strip_lead(item[:share.start()], subject_words):
                        # 第一、二、三产业增加值占地区生产总值的比重分别为…: each a share of the whole
                        metric = f"{self._strip_lead(item[:share.start()], subject_words)}占" \
                                 f"{self._strip_lead(item[share.end():], ())}"
                    reading.metric, reading.explain["metric"] = metric, "metric.distributed"

    def _expand_elliptic(self, items: list[str]) -> list[str]:
        """第一、二、三产业增加值…, 一、二线城市: numerals listed with the noun written once, after
        the last, are each that noun (第一产业增加值…, 第二产业增加值…)."""
        digits = self.rules.numerals.digits
        bare = [item.lstrip("第") for item in items]  # (the ordinal's 第 is written once, or each time)
        if len(items) < 2 or len(items[-1]) < 2 or bare[-1][:1] not in digits or bare[-1][1:2] in digits \
                or not all(numeral and all(c in digits for c in numeral) for numeral in bare[:-1]):
            return items
        prefix = "第" if items[0].startswith("第") else ""
        head = bare[-1][1:]
        return [prefix + numeral + head for numeral in bare[:-1]] + [prefix + bare[-1]]

    @staticmethod
    def _respective_figures(group: list[Reading], after: list[Reading], rate: str = "") -> None:
        """…业务1439.57亿笔、金额57.37万亿元，较上年分别增长50.06%和5.19%: with no list before
        分别, the changes after it go to the figures before it, in order; of their rate when the
        clause names one (增速较2020年分别增长31.62个和7.01个百分点)."""
        before = [r for r in group if r.quantity.start < after[0].quantity.start and r.kind == Kind.LEVEL and r.metric]
        run = [r for r in after[:len(before)] if r.kind in (Kind.GROWTH, Kind.CHANGE)]
        if len(run) < 2 or len(run) != len(before[-len(run):]) \
                or any(r.quantity.family != run[0].quantity.family for r in run):
            return
        for reading, level in zip(run, before[-len(run):]):
            reading.metric, reading.explain["metric"] = level.metric + rate, "metric.respective_figures"

    @staticmethod
    def _parallel_groups(readings: list[Reading], size: int) -> list[list[Reading]]:
        """Runs of `size` numbers of one family (同增1.9%和38.4%，分别占31.3%和10.8%)."""
        groups, run = [], []
        for reading in readings:
            if run and reading.quantity.family != run[-1].quantity.family:
                run = []
            run.append(reading)
            if len(run) == size:
                groups.append(run)
                run = []
        return groups if size and all(len(g) == size for g in groups) else []

    def _without_times(self, phrase: str) -> str:
        for found in reversed(self.find_times(phrase)):
            phrase = phrase[:found.start] + phrase[found.end:]
        return phrase

    def _ratio_parties(self, readings: list[Reading], names: list[Mention], own_names, text: str) -> None:
        """市科技局与渝北区政府按4:6出资: one part each, in the order the parties are named (SCHEMA)."""
        by_span: dict[tuple[int, int], list[Reading]] = {}
        for reading in readings:
            if reading.quantity.kind == Kind.RATIO:
                by_span.setdefault((reading.quantity.start, reading.quantity.end), []).append(reading)
        for (start, _), parts in by_span.items():
            clause = parts[0].clause
            parties = [n for n in names if clause[0] <= n.start and n.end <= start
                       and n.kind not in ("source", "group")]
            joined = len(parties) == len(parts) and all(
                self.party_join.fullmatch(text, a.end, b.start) for a, b in zip(parties, parties[1:]))
            if joined:
                for reading, party in zip(parts, parties):
                    reading.subject = self._name_value(party, own_names)
                    reading.explain["subject"] = "subject.ratio_party"

    def _infer_units(self, readings: list[Reading]) -> None:
        """A magnitude written without its unit (日均发送旅客超千万) takes the unit the article
        writes for the same metric nearby (SCHEMA "Unit when none is written")."""
        zeros = [r for r in readings if r.quantity.rule == "quantity.zero" and r.quantity.unit]
        for reading in readings:
            quantity = reading.quantity
            if quantity.unit:
                continue
            if quantity.rule == "quantity.zero":  # 无一 in a title, 没有一个城市 in the body
                if zeros:
                    reading.quantity = replace(quantity, unit=zeros[0].quantity.unit, family=zeros[0].quantity.family)
                continue
            if quantity.family or not reading.metric or not quantity.value:
                continue
            # The same quantity: same metric, and a value of the same order (within 100 times).
            donors = [r for r in readings if r.quantity.unit and r.quantity.family in ("currency", "count", "measure")
                      and phrases_agree(r.metric, reading.metric)
                      and r.quantity.value and abs(quantity.value / r.quantity.value) <= 100
                      and abs(r.quantity.value / quantity.value) <= 100]
            if donors:
                # The unit most of them are written with; the nearest breaks a tie.
                counts = Counter((r.quantity.unit, r.quantity.family) for r in donors)
                best = max(counts.values())
                donor = min((r for r in donors if counts[(r.quantity.unit, r.quantity.family)] == best),
                            key=lambda r: abs(r.quantity.start - quantity.start))
                reading.quantity = replace(quantity, unit=donor.quantity.unit, family=donor.quantity.family)

    def _drop_thresholds(self, readings: list[Reading], text: str) -> list[Reading]:
        """A bound after a count that opens its clause is the threshold that defines the group
        counted, not a figure of its own (SCHEMA "Thresholds"): 有8家预告净利下滑50%以上,
        5家公司净利同比下降40%以上, 无一增长超30万人. A bound about a group with no count
        (许多大城市…增长超过300万人) is a figure about that group, and stays."""
        openers = {}  # clause -> the count that opens it
        for r in readings:
            opening = self._without_times(text[r.clause[0]:r.quantity.start]).lstrip()
            if opening.startswith(self.bare_subject_words):
                opening = opening[len(next(w for w in self.bare_subject_words if opening.startswith(w))):]
            scope = self.scope_before_count.search(opening)
            opening = opening[scope.end():] if scope else opening  # 上述城市中共有5个城市…超过5%: the scope
            if (r.quantity.family == "count" or r.quantity.rule == "quantity.zero") and r.clause not in openers \
                    and self.clause_opening.match(opening):  # (全国)共有3个城市…突破1千亿元
                openers[r.clause] = r
        return [r for r in readings
                if not (r.clause in openers and r is not openers[r.clause]
                        and r.quantity.start > openers[r.clause].quantity.start
                        and r.quantity.qualifier.value not in ("=", "~"))]

    def _label_kind(self, quantity: Quantity, text: str, later: list[Quantity], tokens) -> str:
        """Why a count names a group rather than states a figure, or "" if it states one.

        `title`: 11个重点城市人口变局： (a headline's count naming its topic); `partitive`:
        在41个工业大类行业中 (the universe a breakdown is taken from); `sample`:
        梳理了12家…上市公司半年报 (the sample a reporter chose, GOLD.md); `subject`:
        65家典型房企融资总量为523.46亿元 (the group of the next figure in its clause, no verb between).
        """
        return ("title" if self._is_title_label(quantity, text) else
                "partitive" if self._is_partitive(quantity, text) else
                "sample" if self.sample_before.search(text, max(0, quantity.start - 6), quantity.start) else
                "subject" if self._is_subject_label(quantity, text, later, tokens) else "")

    def _is_title_label(self, quantity: Quantity, text: str) -> bool:
        line_end = text.find("\n") if "\n" in text else len(text)
        return quantity.end <= line_end and bool(
            self.headline_topic.match(text, quantity.end, line_end))

    def _is_partitive(self, quantity: Quantity, text: str) -> bool:
        # 在41个工业大类行业中 names the whole set; 8家净利下滑的经销商中 counts those meeting a
        # condition, and that count is a figure.
        partitive = self.label_after.match(text, quantity.end)
        return bool(partitive) and "的" not in partitive.group(0)

    def _is_subject_label(self, quantity: Quantity, text: str, later: list[Quantity], tokens) -> bool:
        clause_end = min([text.find(c, quantity.end) for c in "，。；！？,;\n" if text.find(c, quantity.end) >= 0]
                         + [len(text)])
        following = next((q for q in later if q.start < clause_end), None)
        if following is None or following.family == "count" or following.qualifier.value not in ("=", "~"):
            # 4家合作银行累计为225家企业: the next count measures its own noun; 共有15个省份GDP
            # 总量超过2万亿元: a bound after a count is the threshold, and the count the figure.
            return False
        between = [t for t in tokens if quantity.end <= t[0] and t[1] <= following.start and t[2].strip()]
        while between and between[-1][2] in self.level_words:
            between.pop()  # …融资总量为523.46亿元: 为 introduces the next figure
        if not between or not self.word_start.match(between[0][2]):
            return False  # 20家、重庆市新型高端研发机构12家: a list, not a group name
        # 337个地级及以上城市: 及以上 bounds the kind of place; it joins no two things.
        between = [t for i, t in enumerate(between)
                   if not (t[2] == "及" and i + 1 < len(between) and between[i + 1][2] in ("以上", "以下"))]
        # An adverb may stand between (65家典型房企累计融资总量为…); a verb, 的 or 和 may not.
        return not any(not (word in self.fillers and tag in ADVERB_TAGS) and (
            tag in VERB_TAGS or word in self.strip_words or not self.word.fullmatch(word))
            for _, _, word, tag in between)

    # -- subject --------------------------------------------------------------

    def find_names(self, text: str, tokens, quantities: list[Quantity] = (), groups: list[Mention] = (),
                   segments: Segments | None = None) -> list[Mention]:
        """Places, organisations, groups, national and own-jurisdiction words, in text order.

        Each is marked with what it is in its sentence: `source` for a body that reports the
        figures (据中指研究院, 国家统计局数据显示), `aside` for an affiliation or an object
        (中国工程院院士, 与中科院…合作); only the others can be subjects.
        """
        found: list[Mention] = []
        for index, (start, end, word, tag) in enumerate(tokens):
            if tag not in NAME_TAGS and word not in self.listed_names and word[-1:] not in self.org_last:
                continue  # (no test below could pass: a verb, an adverb, a number)
            if word in self.national:
                # 银联网络服务我国自主品牌银行卡…: after a noun, the nation qualifies what follows
                inside_noun = index and tokens[index - 1][1] == start and tokens[index - 1][3] in COMMON_NOUN_TAGS
                found.append(Mention(start, end, word, "aside" if inside_noun else "national"))
            elif word in self.own:
                found.append(Mention(start, end, word, "own"))
            elif word in self.known_companies:
                found.append(Mention(start, end, word, "org"))  # 比亚迪, 美团, 宁德时代
            elif word in self.not_places:
                pass
            elif word in self.known_places or (len(word) >= 2 and word.endswith(self.place_suffixes)
                                               and tag in NAME_TAGS):
                # 纯电动汽车全球销量: a place right after a common noun qualifies that noun.
                inside_noun = index and tokens[index - 1][1] == start and tokens[index - 1][3] in COMMON_NOUN_TAGS
                # 扎西|宗乡: a short place word takes the proper name cut off before it.
                if len(word) >= 4 and any(word.endswith(term[:2]) and text.startswith(term, end - 2)
                                          for term in self.regional_terms):
                    end, word = end - 2, word[:-2]  # 广东地区|生产总值: 地区 begins the metric (地区生产总值)
                if len(word) <= 2 and word not in self.known_places and index and tokens[index - 1][1] == start \
                        and tokens[index - 1][3] in ("nr", "nrt", "ns", "") and self.word.fullmatch(tokens[index - 1][2]):
                    start, word = tokens[index - 1][0], tokens[index - 1][2] + word
                found.append(Mention(start, end, word, "aside" if inside_noun else "place"))
            if word[-1:] in self.org_last or tag == "nt" or word in self.company_words:
                org = self._org_ending_at(index, tokens, text)  # (the test spares a call per token)
                if org:
                    found.append(org)
        found.extend(self._groups(text, tokens))
        found.extend(Mention(m.start(), m.end(), m.group(0), "cohort") for m in self.cohort.finditer(text))
        found.extend(groups)
        found.extend(self._topics(text, tokens))
        found.extend(Mention(m.start("name"), m.end("name"), m.group("name"), "org")
                     for m in self.quoted_name.finditer(text))
        # (Patterns slow to try everywhere are only tried near a word they need: matches_near.)
        # (An index that closes is what is measured, not where: 上证指数收盘报3050点, GOLD.md.)
        found.extend(Mention(m.start("name"), m.end("name"), m.group("name"), "org")
                     for m in matches_near(self.market, self.market_close, text)
                     if not self._is_weak(m.group("name")) and not m.group("name").endswith(self.index_words))
        found.extend(Mention(m.start("name"), m.end("name"), m.group("name"), "org")
                     for m in matches_near(self.currency_pair, self.quoted_against, text))
        found.extend(Mention(m.start("name"), m.end("name"), m.group("name"), "org")
                     for m in matches_near(self.product_model, self.model_line, text) if m.group("line") not in self.not_names)
        found.extend(Mention(m.start("name"), m.end("name"), m.group("name"), "org")
                     for m in matches_near(self.listed_company, self.stock_code, text))
        # 纯电动汽车“宏光MINI EV”…宏光MINI EV的2021年销量: a model introduced in quotes is a name
        # wherever it is written after.
        for model in {m.group("name") for m in self.quoted_model.finditer(text)}:
            found.extend(Mention(m.start(), m.end(), model, "org") for m in regex.finditer(regex.escape(model), text)
                         if text[m.start() - 1:m.start()] != "“")  # (in its quotes it is what was sold)
        found.extend(Mention(m.start("name"), m.end("name"), m.group("name"), "org")
                     for m in matches_near(self.data_source, self.data_report, text)
                     if m.group("name") not in self.not_names and not self._is_weak(m.group("name")))  # 目前已经公布数据
        # Agents yield to the places and cohorts inside them (全市共接待…: 全市 is the subject).
        taken = {i for m in found if m.kind in ("place", "national", "own", "cohort") for i in range(m.start, m.end)}
        # (an agent's match may reach farther from its verb than NEAR: only the verb is looked for)
        agents = self.agent.finditer(text) if self.agent_verb.search(text) else ()
        for found_agent in agents:
            # 大额实时支付系统、小额批量支付系统、网上支付跨行清算系统处理业务…: each member a name
            start = found_agent.start("name")
            for member in self.list_split.split(found_agent.group("name")):
                if len(member) >= 2 and self._is_agent(member, start, found_agent.end(), text, taken):
                    found.append(Mention(start, start + len(member), member, "org"))
                start += len(member) + 1
        occupied = {i for q in quantities for i in range(q.start, q.end)}
        found = [m for m in found if not occupied.intersection(range(m.start, m.end))]  # 超百城 is a figure
        # Merge runs of places (江苏|仪征市|新集镇|花园村) and keep the longest of overlaps.
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        merged: list[Mention] = []
        for mention in found:
            if merged and merged[-1].kind == "place" == mention.kind and merged[-1].end == mention.start:
                last = merged.pop()
                mention = Mention(last.start, mention.end, last.value + mention.value, "place")
            if merged and mention.start < merged[-1].end:
                longer = mention.end - mention.start > merged[-1].end - merged[-1].start
                # A name inside a group's span (北京 in 虽然北京工业) wins over the group.
                place_in_group = merged[-1].kind == "group" and mention.kind in ("place", "national", "own")
                if (longer and not (mention.kind == "group" and merged[-1].kind in ("place", "national", "own"))) \
                        or place_in_group:
                    merged[-1] = mention
                continue
            merged.append(mention)
        # A place written without its suffix (渝北 for 渝北区) is the same place.
        full = {m.value[:-1]: m.value for m in merged if m.kind == "place" and len(m.value) >= 3
                and m.value.endswith(self.place_suffixes)}
        merged = [replace(m, value=full[m.value], surface=m.value) if m.kind == "place" and m.value in full else m
                  for m in merged]
        merged = self._resolve_aliases(merged, text)
        merged = self._parallel_names(merged, text, tokens)
        merged = self._speakers_we(merged, text)
        segments = segments or Segments(text)
        clause_starts, sentence_starts = segments.starts["clauses"], segments.starts["sentences"]
        named: list[Mention] = []
        for mention in merged:
            previous = named[-1] if named else None
            if previous and previous.kind in ("aside", "source", "place", "org") \
                    and self.list_join.fullmatch(text, previous.end, mention.start):
                # 宁波（6.3%）和苏州（5.1%）, 与中科院、香港理工大学: a list member plays the first
                # member's part (和 here joins names, it does not make an object).
                kind = previous.kind if previous.kind in ("aside", "source") else mention.kind
            else:
                clause_start = clause_starts[bisect_right(clause_starts, mention.start) - 1]
                kind = self._role(mention, text, clause_start)
                actor = next((n for n in reversed(named) if n.kind in ("org", "place", "group")), None)
                if kind in ("place", "org") and text[mention.start - 1:mention.start] == "在" and actor \
                        and actor.start >= sentence_starts[bisect_right(sentence_starts, mention.start) - 1]:
                    kind = "aside"  # 中通国际在越南已开通…, 特斯拉…，在全球…中占了约2成: where it acted, not who
            named.append(Mention(mention.start, mention.end, mention.value, kind, mention.surface))
        return self._jurisdictions_of_sources(named)

    def _jurisdictions_of_sources(self, names: list[Mention]) -> list[Mention]:
        """据广东省统计局数据，前三季度地区生产总值增长4.5%: an official body that reports the
        figures reports on its own place, which is then named where the body is."""
        places = []
        for mention in names:
            if mention.kind != "source" or not mention.value.endswith(self.jurisdiction_bodies):
                continue
            place = next((mention.value[:size] for size in range(min(len(mention.value) - 1, 6), 1, -1)
                          if self._is_known_place(mention.value[:size])), "")
            if place:
                places.append(Mention(mention.start, mention.start + len(place), place, "place"))
        return _with_added(names, places)

    def _is_known_place(self, word: str) -> bool:
        """广东, 广东省, 西安市: a known place, with or without its level."""
        return word in self.known_places or (word.endswith(self.place_suffixes)
                                            and word[:-1] in self.known_places)

    def _speakers_we(self, names: list[Mention], text: str) -> list[Mention]:
        """“…我们在曼谷转运中心临时增加了2000名员工…”极兔国际泰国品牌经理刘谦丽介绍: inside a
        quote, 我们 is the organisation of whoever the quote is attributed to right after it."""
        added = []
        for quote in self.quote_span.finditer(text):
            speaker = next((n for n in names if quote.end() <= n.start <= quote.end() + 1
                            and n.kind == "org"), None)
            if not speaker or not any(word in text[speaker.end:speaker.end + 20] for word in self.speech_words):
                continue
            added += [Mention(found.start(), found.end(), speaker.value, "org", surface=found.group(0))
                      for found in self.first_person.finditer(text, quote.start(), quote.end())]
        return _with_added(names, added)

    def _is_agent(self, name: str, start: int, verb_end: int, text: str, taken: set[int]) -> bool:
        """Whether an agent match names who acted: a noun phrase (not 预计, not 处理金额占…)
        free of places, before a verb that is not part of a noun (处理能力, 处理率)."""
        words = self._cut(name)
        return not taken.intersection(range(start, start + len(name))) \
            and name not in self.not_names and not self._is_weak(name) \
            and not any(word in self.agent_verbs or word in self.level_words for word in words) \
            and self.tags.get(words[-1], "") in AGENT_TAGS \
            and not text.startswith(self.measure_nouns, verb_end)

    def _parallel_names(self, names: list[Mention], text: str, tokens) -> list[Mention]:
        """淘天集团收入1133.73亿元…；AIDC收入292.93亿元…。菜鸟收入268.11亿元: a noun opening a
        clause shaped like an earlier one of its paragraph that a name opened is a name too."""
        starts = {n.start: n for n in names if n.kind in ("org", "place")}
        added = []
        previous: tuple[str, int] | None = None  # the word after the last clause-opening name, its paragraph's end
        # (the words right after a clause mark, looked up instead of tested one by one)
        openings = {bisect_left(tokens.starts, found.end()) for found in _any_of(CLAUSE_END).finditer(text)}
        for index in sorted(i for i in openings | {0} if i < len(tokens) - 1):
            start, end, word, tag = tokens[index]
            if start and text[start - 1] not in CLAUSE_END:
                continue  # (a mark inside a word: no word opens there)
            following = tokens[index + 1][2]
            name = starts.get(start)
            if name:
                after = next((t[2] for t in tokens[index:] if t[0] == name.end), "")
                paragraph_end = text.find("\n", start)
                previous = (after, paragraph_end if paragraph_end >= 0 else len(text))
            elif previous and following == previous[0] and start < previous[1] and len(following) >= 2 \
                    and tag in GROUP_NOUN_TAGS | {""} and self.word.fullmatch(word) and word not in self.not_names:
                added.append(Mention(start, end, word, "org"))
            else:
                previous = None if previous and start >= previous[1] else previous
        return _with_added(names, added)

    def _resolve_aliases(self, names: list[Mention], text: str) -> list[Mention]:
        """洞见信息公司(下称洞见公司): every later 洞见公司 is 洞见信息公司 (the fullest name)."""
        full_names: dict[str, str] = {}
        ends = {m.end: m for m in names if m.kind in ("org", "place", "group")}
        for found in matches_near(self.alias_pattern, self.opening_bracket, text):
            named = ends.get(found.start())
            if named and found.group("alias") != named.value:
                full_names[found.group("alias")] = named.value
        # An acronym renames the names written with it (CIPS处理业务…), but is no name by itself
        # (CPI is a measure).
        acronyms = {found.group("alias"): found.group("full") for found in matches_near(self.acronym, self.opening_bracket, text)}
        resolved = []
        for mention in names:
            alias = next((a for a in _longest_first(full_names) if mention.value == a or mention.value.endswith(a)), "")
            if alias and mention.start not in {f.start("alias") for f in self.alias_pattern.finditer(text)}:
                mention = replace(mention, value=full_names[alias], surface=mention.value, kind="org")
            elif mention.value in acronyms and mention.kind == "org":
                mention = replace(mention, value=acronyms[mention.value], surface=mention.value)
            resolved.append(mention)
        if not full_names:
            return resolved
        # The alias written as a bare word, with no suffix we would recognise (再升科技), is a name too.
        known = {(m.start, m.end) for m in resolved}
        for alias, full in full_names.items():
            for found in regex.finditer(regex.escape(alias), text):
                if (found.start(), found.end()) not in known and not any(
                        m.start <= found.start() < m.end for m in resolved):
                    resolved.append(Mention(found.start(), found.end(), full, "org", alias))
        return sorted(resolved, key=lambda m: m.start)

    def _groups(self, text: str, tokens) -> list[Mention]:
        """Industries, kinds of enterprise and sectors opening a clause (采矿业实现…, 私营企业…,
        民航预计运输…): subjects of the rows that break a total down."""
        starts = dict(zip(tokens.starts, itertools.count()))
        ends = {end: i for i, (_, end, _, _) in enumerate(tokens)}
        found = []
        for match in matches_near(self.group_pattern, self.group_end, text):
            first, last = starts.get(match.start("group")), ends.get(match.end("group"))
            if first is None or last is None:
                continue  # 营业收入: the suffix is inside a word
            while first < last and tokens[first][2] in self.part_openings:
                first += 1  # ，其中制造业实现…: the group after 其中 (the match began at the comma)
            head, tail = tokens[first], tokens[last]
            if head[2] in self.strip_words or head[2] in self.not_names or head[3] in WEAK_TAGS | VERB_TAGS:
                continue  # 同比增加…, 单从…: not a noun phrase (农 of 农|副食品加工业 is tagged zg, and is one)
            whole = text[head[0]:match.end("group")]
            if tail[2] not in self.sector_words and whole not in self.sector_words and len(tail[2]) < 3 and not (
                    tail[2] in ("企业", "业") and last > first and len(whole) >= 3):
                continue  # 工业, 产业 alone are parts of metrics (规模以上工业增加值)
            found.append(Mention(head[0], match.end("group"), whole, "group"))
        for match in matches_near(self.body_group, self.body_noun, text):
            first, last = starts.get(match.start("group")), ends.get(match.end("group"))
            if first is None or last is None or last + 1 >= len(tokens):
                continue
            head, following = tokens[first], tokens[last + 1]
            if head[2] in self.strip_words or head[2] in self.not_names or head[3] in WEAK_TAGS \
                    or head[2] in self.level_words or following[3] not in COMMON_NOUN_TAGS or not self.word.fullmatch(match.group("group")):
                continue  # 该机构的…, 企业|表示: no noun of what is measured follows
            found.append(Mention(match.start("group"), match.end("group"), match.group("group"), "group"))
        found.extend(Mention(m.start("group"), m.end("group"), m.group("group"), "group")
                     for m in self.quantified_group.finditer(text) if m.end("group") in ends)
        return found

    def _topics(self, text: str, tokens) -> list[Mention]:
        """A proper name opening its clause (阿里巴巴2025财年…实现营收, 央行8月15日…开展): the
        clause's topic, even with no suffix that says it is an organisation."""
        topics = []
        previous_end = -1
        for index, (start, end, word, tag) in enumerate(tokens):
            if start == previous_end or (tag not in PROPER_CANDIDATE_TAGS and not word.isascii()) \
                    or not self._is_proper(word, tag):
                continue
            opening = start == 0 or text[start - 1] in CLAUSE_END + "、 " or self.list_number.search(text, max(0, start - 6), start)
            if not opening:
                continue
            if tag == "ns" and not (index + 1 < len(tokens) and tokens[index + 1][3] in ("n", "vn")):
                continue  # 银联|网络 opens a name; 海鲜、水果 (also tagged ns) opens none
            last = index
            while last + 1 < len(tokens) and self._is_proper(tokens[last + 1][2], tokens[last + 1][3]):
                last += 1
            following = text[tokens[last][1]:tokens[last][1] + 3]
            if following.startswith(tuple(self.speech_words)):
                continue  # 杨德龙表示: a person speaking
            if self._in_list_of_things(text, start):
                continue  # 纯碱涨2.85%，…，苯乙烯涨1.47%: one item of a list of things that moved
            topics.append(Mention(start, tokens[last][1], text[start:tokens[last][1]], "org"))
            previous_end = tokens[last][1]
        return topics

    def _sectors(self, text: str) -> list[Mention]:
        """分部门看，住户贷款增加4647亿元…；企（事）业单位贷款增加3101亿元: after a breakdown by
        sector, the noun phrase opening each clause is a sector and its measure (住户|贷款); the
        sector is the subject (GOLD.md, credit flows)."""
        found = []
        for topic in self.breakdown.finditer(text):
            end = min([i for i in (text.find(c, topic.end()) for c in "。\n") if i >= 0] + [len(text)])
            for clause in self.sector_clause.finditer(text, topic.end(), end):
                segment = text[max(topic.end(), text.rfind("；", 0, clause.start())):clause.start()]
                if "其中" in segment:
                    continue  # …其中，短期贷款增加426亿元: a part of the sector's figure, no sector
                phrase = clause.group("phrase")
                words = self._cut(phrase)
                if len(words) >= 2 and self.tags.get(words[-1], "") in GROUP_NOUN_TAGS | {"vn"}:
                    sector = phrase[:-len(words[-1])]
                    if len(sector) >= 2 and sector not in self.not_names:
                        found.append(Mention(clause.start("phrase"), clause.start("phrase") + len(sector), sector, "group"))
        return found

    def _is_proper_name(self, noun: str) -> bool:
        """One word the dictionary knows as a person's or body's name (比亚迪), not 新冠疫苗."""
        return self.tags.get(noun, "") in ("nr", "nrt", "nt") and noun not in self.not_names

    def _is_ranked_name(self, noun: str) -> bool:
        """A noun phrase that names someone (美国特斯拉, 比亚迪), not a kind of thing (城市)."""
        return len(noun) >= 2 and any(self.tags.get(word, "") in PROPER_TAGS | {"", "eng", "ns"}
                                      for word in self._cut(noun)) and noun not in self.not_names | self.not_places

    def _in_list_of_things(self, text: str, start: int) -> bool:
        """Whether the clause at `start` is one of three or more `X涨N` clauses of its sentence
        whose heads are mostly not names: the heads are what moved (metrics), so none is a
        subject, however the dictionary tags it."""
        sentence_start = max(text.rfind(c, 0, start) for c in SENTENCE_END + "\n") + 1
        ends = [i for i in (text.find(c, start) for c in SENTENCE_END + "\n") if i >= 0]
        heads = [found.group("head") for found in self.moved_item.finditer(text, sentence_start, min(ends + [len(text)]))]
        return len(heads) >= 3 and 2 * sum(self._is_proper(h, self.tags.get(h, "")) for h in heads) < len(heads)

    def _is_proper(self, word: str, tag: str) -> bool:
        if tag not in PROPER_CANDIDATE_TAGS and not word.isascii():
            return False  # (the test below would say so too, later)
        if word in self.not_names or not self.name_word.fullmatch(word) \
                or word.startswith(self.function_chars):
            return False  # 从三大门类看: an unknown word that starts with a preposition
        # Not nr: jieba's dictionary tags words like 同比增加 as personal names. Latin words are
        # not in the dictionary: one with capitals (AIDC, BYD) is a name unless it is a measure
        # (GDP, CPI: not_name).
        return tag in ("nz", "nt", "nrt") or (word.isascii() and word.isalpha() and len(word) >= 2
                                              and not word.islower()) \
            or (tag == "ns" and word not in self.known_places and not word.endswith(self.place_suffixes)
                and word not in self.not_places)  # 银联 is tagged as a place

    def _org_ending_at(self, index: int, tokens, text: str) -> Mention | None:
        """An organisation whose name ends with token `index` (重庆市天实精工科技有限公司)."""
        _, end, word, tag = tokens[index]
        weak = word in self.company_words  # 和谐汽车 is a company, 综合能源 is not
        # …nor 渝北区科技(竞争力): after a place with its level a company word is a field.
        if weak and not (index and tokens[index - 1][3] in PROPER_TAGS
                         and self.word.fullmatch(tokens[index - 1][2])
                         and not tokens[index - 1][2].endswith(tuple(OWN_LEVELS))):
            return self._clause_opening_company(index, tokens, text)
        if self._is_scheme(index, tokens, text):
            return None  # 参加基本养老保险人数, 基本医疗保险基金: a scheme or its fund, not who runs it
        suffix = next((s for s in self.org_suffixes if word.endswith(s)), "") if word.endswith(self.org_suffixes) else ""
        if len(suffix) == 1 and len(word) < 3 and tag != "nt":
            return None  # 变局, 内部, 东部: a common word that ends like an organisation
        if not (suffix or tag == "nt" or weak):
            return None
        first = index
        while first > 0 and index - first < 8:
            _, _, before, before_tag = tokens[first - 1]
            # 庞大集团; 荥阳|新|田地…合作社: an adjective next to the suffix, or after a proper name
            adjective = before_tag == "a" and (first == index or (
                first - 2 >= 0 and tokens[first - 2][3] in PROPER_TAGS - {"a", ""}))
            # 网联|清算|平台: a verb inside a name, if a noun comes before it (trimmed below if not)
            if (before_tag not in NAME_TAGS and not adjective and before_tag != "v") \
                    or not self.word.fullmatch(before) or before in self.own or before in self.strip_words:
                break
            first -= 1
        while first < index and tokens[first][3] == "v":
            first += 1
        name = text[tokens[first][0]:end]
        if first == index and word.startswith(self.kind_prefixes):
            return None  # 普通高校, 商业银行: a kind of body, whatever the dictionary's tag
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following and following[0] == end and word.endswith(self.body_nouns) and len(following[2]) >= 2 \
                and following[3] in ("nr", "nrt", "nz", "eng") and following[2] not in self.not_names \
                and (len(word) > 2 or (index and tokens[index - 1][1] == tokens[index][0]
                                       and tokens[index - 1][3] in COMMON_NOUN_TAGS)):
            # 纯电动汽车专业公司特斯拉: the kind, then the name in apposition; the name is who
            # (a kind: 公司 alone is the company already named, 公司锂离子电池销量)
            return Mention(following[0], following[1], following[2], "org")
        cut = max((name.find(k) + len(k) for k in self.apposed_kinds if 0 <= name.find(k) <= len(name) - len(k) - 2),
                  default=0)
        if cut:  # 车企长城汽车, 头部券商中信证券: the kind before a name in apposition is not part of it
            return Mention(tokens[first][0] + cut, end, name[cut:], "org")
        # 央行, 工行: an abbreviation (j) of two characters is a name already.
        return Mention(tokens[first][0], end, name, "org") if len(name) >= 3 or tag in ("nt", "j") else None

    def _is_scheme(self, index: int, tokens, text: str) -> bool:
        """Whether token `index` ends a scheme (养老保险), or is the fund of one (医疗保险|基金), with no
        proper name running into it (平安养老保险 is a company)."""
        start, end, word, _ = tokens[index]
        for stem in (end, start) if word.endswith(self.scheme_ends) else (end,):
            scheme = next((w for w in self.scheme_words if text.endswith(w, 0, stem)), "")
            if scheme:
                begin = stem - len(scheme)
                before = bisect_left(tokens.starts, begin)
                return begin == 0 or before == 0 or tokens.starts[min(before, len(tokens) - 1)] != begin \
                    or tokens[before - 1][3] not in PROPER_TAGS
        return False

    def _resolve_referring_sets(self, names: list[Mention], text: str, segments: Segments) -> list[Mention]:
        """…排名前五位分别是西藏、贵州、甘肃、云南和宁夏，这五省份…: a set referred back to by its
        size is the list of that many names said before it in its paragraph (GOLD.md)."""
        for found in self.referring_set.finditer(text):
            try:
                size = int(parse_number(found.group("size"), self.rules.numerals))
            except (ValueError, ArithmeticError):
                continue
            paragraph = segments.of("paragraphs", found.start())
            earlier = [n for n in names if paragraph[0] <= n.start and n.end <= found.start()
                       and n.kind in ("place", "org", "aside")]
            runs: list[list[Mention]] = []
            for mention in earlier:
                if runs and self.list_join.fullmatch(text, runs[-1][-1].end, mention.start):
                    runs[-1].append(mention)
                else:
                    runs.append([mention])
            run = next((r for r in reversed(runs) if len(r) == size), None)
            if size < 2 or not run:
                continue
            value = "、".join(self._name_value(m, {}) for m in run)
            names = [n for n in names if n.end <= found.start() or n.start >= found.end()]
            names = sorted(names + [Mention(found.start(), found.end(), value, "place", surface=found.group(0))],
                           key=lambda m: m.start)
        return names

    def _existential_topic(self, text: str, start: int, end: int) -> Mention | None:
        """The noun phrase from `start` to `end` (where 共有 begins) if it is one: a time may open
        it, it ends in a noun, and it holds no verb and no figure of its own."""
        phrase = text[start:end].strip()
        bare = self._without_times(phrase) if len(phrase) <= 16 else ""
        if len(bare) < 3 or not self.word.fullmatch(bare) or bare in self.own or bare in self.national:
            return None
        words = self._cut(bare)
        if self.tags.get(words[-1], "") not in ("n", "nz", "vn") or words[0] in self.strip_word_set \
                or any(self.tags.get(w, "") in VERB_TAGS | WEAK_TAGS for w in words):
            return None
        offset = text.index(phrase, start)
        return Mention(offset, offset + len(phrase), phrase, "group", surface=bare)

    def _clause_opening_company(self, index: int, tokens, text: str) -> Mention | None:
        """世纪|联合|控股虽然净利…: words the dictionary reads as verbs still make a company's
        name when they open the sentence from a noun and end in a company word."""
        first = index
        while first > 0 and index - first < 3 and tokens[first - 1][3] in NAME_TAGS | {"v"} \
                and self.word.fullmatch(tokens[first - 1][2]) and tokens[first - 1][1] == tokens[first][0]:
            first -= 1
        start = tokens[first][0]
        if first == index or (start and text[start - 1] not in "。！？\n") or tokens[first][3] not in NAME_TAGS \
                or tokens[first][2] in self.strip_word_set or tokens[index][1] - start < 4 \
                or not any(token[3] == "v" for token in tokens[first:index]) \
                or any(token[2] in self.object_before for token in tokens[first:index]):
            # (the other names end above; 占, 与, 比 relate two things: 新能源汽车销量占汽车总销量)
            return None
        return Mention(start, tokens[index][1], text[start:tokens[index][1]], "org")

    def _role(self, mention: Mention, text: str, clause_start: int) -> str:
        """The mention's kind, or `source` / `aside` when it cannot be the subject here."""
        before = text[max(0, mention.start - 3):mention.start]
        if before.endswith(("据", "根据", "来自")) or (
                self.source_after.match(text, mention.end) and mention.value.endswith(self.official_suffixes)):
            return "source"  # 据中指研究院监测, 国家统计局数据显示
        if mention.value.endswith(self.official_suffixes) and self.briefing_after.match(text, mention.end):
            return "source"  # 中共中央宣传部就…举行发布会: where the figures are given, not whose
        if self.person_after.match(text, mention.end):
            return "aside"  # 中国工程院院士俞建勇
        # 全年共有43家支付机构…: 有 and the count name the bodies; they are no verb before them.
        opening = self.counted_opening.sub("", text[clause_start:mention.start])
        if mention.kind in ("own", "national") and text[max(0, mention.start - 3):mention.start].endswith(self.rank_verbs):
            return "aside"  # 均居全市第一, 位居全国前列: where the ranking is, not who is ranked
        if mention.kind in ("own", "cohort"):
            # 全市 stands for the article's place wherever it is, and 00后 for the cohort, except
            # as a comparison's base (人均收入高于全市平均水平, 比90后和85后高5到7个百分点) or the
            # whole a part is taken of (占全省的三分之一).
            whole = text[max(0, mention.start - 1):mention.start] == "占"  # (as in share_lead)
            return "aside" if whole or any(word in opening for word in self.comparison_words) else mention.kind
        if text[mention.start - 1:mention.start] == "的" \
                and self.ranked_before.search(text, max(0, mention.start - 8), mention.start):
            return mention.kind  # …追赶特斯拉的是第2位的上海汽车: what the rank describes, not an object
        if opening.strip() in self.enumeration_words:
            return mention.kind  # 包括武汉、成都…等城市增量均超过10万人: the list is the subject
        if self.object_before_in.search(opening) and mention.kind != "group":
            return "aside"  # 与中科院、香港理工大学等…建立合作关系
        if self._has_verb(opening) and not (text[mention.start - 1:mention.start] == "的"
                                            and text[mention.end:mention.end + 1] in "，,"):
            # (排名第三的北京，同期…: a name heading the clause's noun phrase is its topic.)
            # After the clause's verb a name is not its subject (认定为重庆市新型研发机构) unless
            # it opens a list item with its own verb (成都增长24.5万人、杭州增长23.9万人).
            item_start = text.rfind("、", clause_start, mention.start) + 1
            item_end = min([i for i in (text.find(c, mention.end) for c in CLAUSE_END + "、") if i >= 0]
                           + [len(text)])
            if not (item_start and not self._has_verb(text[item_start:mention.start])
                    and self._has_verb(text[mention.end:item_end])):
                return "aside"
        return mention.kind

    def _own_names(self, names: list[Mention], title_end: int = 0) -> dict[str, str]:
        """全市 → the city the article names most (西安市), likewise 省, 区, 县; a listed city
        named without its level counts only in the title (2024年一季度成都经济运行情况)."""
        counts: Counter = Counter()
        for mention in names:
            if mention.kind in ("place", "org", "source"):
                for found in self.level_place.finditer(mention.value):
                    if mention.kind == "place" or found.start() == 0:
                        counts[found.group(0)] += 1
                if mention.kind == "place" and mention.value in self.known_cities and mention.end <= title_end:
                    counts[mention.value + "市"] += 1  # 成都 in a title is 成都市 to 全市
        best: dict[str, str] = {}
        for name, _ in counts.most_common():
            if len(name) >= 2 and name not in self.own and name[-1] not in best:
                best[name[-1]] = name
        return best

    def _resolve_own(self, names: list[Mention], own_names: dict[str, str], segments: Segments) -> list[Mention]:
        """全市 in a paragraph about 重庆 is 重庆; else the place of that level the article names most."""
        resolved = []
        for index, mention in enumerate(names):
            if mention.kind == "own":
                paragraph = segments.of("paragraphs", mention.start)
                level = mention.value[-1]
                # 全市 is a city: a place of another level (浙江省, 渝北区) is not it; 杭州 may be.
                # A place that only publishes the data (根据重庆2021年统计公报，全市…) still says
                # which city 全市 is.
                near = [n for n in names[:index] if n.start >= paragraph[0]
                        and (n.kind == "place" or (n.kind == "source" and n.value in self.known_places))
                        and (n.value[-1] == level or n.value[-1] not in OWN_LEVELS)]
                if near:
                    mention = replace(mention, value=near[-1].value, kind="place")
            resolved.append(mention)
        return resolved

    def _name_value(self, mention: Mention, own_names: dict[str, str]) -> str:
        if mention.kind == "own":
            return own_names.get(mention.value[-1], mention.value)
        if mention.kind == "national":
            return "全国"
        return mention.value

    def _subject(self, names: Mentions, own_names: dict[str, str], reading: Reading,
                 text: str = "") -> tuple[str, str]:
        """The nearest name before the number in its sentence; a group (采矿业, 私营企业) only
        when its clause names no place or organisation before it. A rank followed by 的 and a
        name ranks that name (排在第2位的上海汽车集团)."""
        position = reading.quantity.start
        listed = self.ranked_list.match(text, reading.quantity.end) if reading.quantity.kind == Kind.RANK else None
        if listed:
            # 排在第四到第十位的分别是巴西、英国…和土耳其: the rank range is about all of them
            members = [n for n in names if n.start >= listed.end() and n.kind in ("place", "org", "national", "aside")]
            run = members[:1]
            for member in members[1:]:
                if not self.list_join.fullmatch(text, run[-1].end, member.start):
                    break
                run.append(member)
            if run and run[0].start == listed.end():
                return "、".join(self._name_value(m, own_names) for m in run), "subject.ranked_list"
        if text[reading.quantity.end:reading.quantity.end + 1] == "的" \
                and (reading.quantity.kind == Kind.RANK
                     or not any(self.tags.get(w, "") in VERB_TAGS | {"vn"} and w not in self.level_words
                                for w in self._cut(reading.lead))):
            # 排在第2位的上海汽车, 海拔4000多米的西藏定日县扎西宗乡: a figure before 的 and a name
            # describes that name, wherever it stands (not 上汽出资50.1%的五菱: 上汽's stake).
            after = next((n for n in names if n.start == reading.quantity.end + 1
                          and n.kind not in ("source", "group")), None)
            if after:
                return self._name_value(after, own_names), "subject.ranked_name"
        framed = next((n for n in names.from_(reading.clause[0]) if n.kind == "aside" and text[n.start - 1:n.start] == "在"
                       and (n.end == position or self.qualifier_word.fullmatch(text, n.end, position))), None)
        if framed and reading.quantity.kind != Kind.RANK:
            return self._name_value(framed, own_names), "subject.framed"  # 在全球逾450万辆的…总销量中
        base_at = reading.lead.rfind(reading.base) if reading.base else -1
        base_start = position - len(reading.lead) + base_at if base_at >= 0 else position
        candidates = [n for n in names.within(reading.sentence[0], position) if n.kind not in ("source", "aside")
                      and not base_start <= n.start < position]  # (是美国接种量的3倍: 美国 is the base)
        if reading.quantity.kind == Kind.RANK and reading.quantity.rule not in WHO_RANK_RULES:
            # 均居全市第一, 位列重庆市都市核心区第一: the place right before a rank is where the
            # ranking is, not what is ranked (but 上海拔头筹, 湖北领跑: a rank word says who).
            candidates = [n for n in candidates if not self.rank_scope_gap.fullmatch(text, n.end, position)
                          and not text[max(0, n.start - 1):n.start] == "在"]  # 苏州在全国排名第5
        if not candidates:
            return "", ""
        best = candidates[-1]
        if best.kind == "group":  # 成都的五大先进制造业…: the city is the subject
            named = [n for n in candidates if n.kind in ("place", "org", "own") and n.start >= reading.clause[0]]
            if named:
                best = named[-1]
        # 小鹏汽车和蔚来汽车的月供货量超过1万辆: a figure said once of a list is about all of it
        # (SCHEMA; 分别 hands each its own figure later, in _distribute).
        members = [best]
        lead_start = position - len(reading.lead)
        for previous in reversed(candidates[:candidates.index(best)]):
            if previous.kind != best.kind or not self.list_join.fullmatch(text, previous.end, members[0].start) \
                    or previous.end < lead_start <= members[0].start:  # 宁波（6.3%）和苏州（5.1%）: each its own
                break
            members.insert(0, previous)
        if len(members) > 1:
            return "、".join(self._name_value(m, own_names) for m in members), "subject.list"
        return self._name_value(best, own_names), f"subject.sentence:{best.kind}"

    def _carried(self, names: list[Mention], own_names: dict[str, str], paragraph_start: int, before: int,
                 default: str, headings: list[tuple[int, int]],
                 kinds: frozenset[str] = frozenset({"place", "org", "own", "national", "cohort"})) -> tuple[str, str]:
        """The last name of those kinds earlier in the paragraph, else in the heading over it
        (数读·渝北创新), else the article's."""
        # A counted set of places (长三角地区41个城市) is carried like a place.
        usable = [n for n in names if n.kind in kinds
                  or (n.kind == "group" and "place" in kinds and any(c.isdigit() for c in n.value))]
        earlier = [n for n in usable if paragraph_start <= n.start and n.end <= before]
        if earlier:
            return self._name_value(earlier[-1], own_names), "subject.paragraph"
        heading = next((h for h in reversed(headings) if h[1] <= paragraph_start), None)
        earlier = [n for n in usable if heading and heading[0] <= n.start and n.end <= heading[1]]
        if earlier:
            return self._name_value(earlier[-1], own_names), "subject.heading"
        return default, "subject.article" if default else ""

    def _default_subject(self, names: list[Mention], own_names: dict[str, str], text: str = "") -> str:
        """Who an article's unattributed figures are about: 全国 when it speaks of the nation
        more than in passing, else the place or organisation it names most and at least twice
        (the first of equals), else 全国. A name in quotes (“双减”) is a policy or a programme
        more often than who the article is about: it is not counted."""
        names = [n for n in names if not (text[n.start - 1:n.start] in QUOTES and text[n.end:n.end + 1] in QUOTES)]
        if sum(n.kind == "national" for n in names) >= 2:
            return "全国"
        # An official body (央行, 统计局) reports on its jurisdiction; its own figures name it.
        counts = Counter(self._name_value(n, own_names) for n in names if n.kind in ("place", "org", "own")
                         and not (n.kind == "org" and n.value.endswith(self.official_suffixes)))
        # A place named once (in a list, as an example) is not what the article is about; with
        # none named twice, unattributed figures are national ones (今年的高校毕业生达1076万人).
        counts = Counter({name: count for name, count in counts.items() if count >= 2})
        if not counts:
            return "全国"
        first = {}
        for mention in names:
            first.setdefault(self._name_value(mention, own_names), mention.start)
        return max(counts, key=lambda name: (counts[name], -first[name]))

    # -- period ---------------------------------------------------------------

    def find_times(self, text: str) -> list[Mention]:
        if not self.time_needs.search(text):
            return []  # (most phrases hold no time: one search instead of one per pattern)
        found = [(match, rule.resolve) for rule in self.rules.periods if rule.needs.search(text)
                 for match in rule.pattern.finditer(text)]
        found.sort(key=lambda item: (-(item[0].end() - item[0].start()), item[0].start()))
        kept: list[tuple[Any, str]] = []
        for match, resolve in found:
            if not any(match.start() < m.end() and m.start() < match.end() for m, _ in kept):
                kept.append((match, resolve))
        kept.sort(key=lambda item: item[0].start())
        mentions = []
        for match, resolve in kept:
            parts = {k: v for k, v in match.groupdict().items() if v}
            if resolve == "holiday":  # 清明 → its month
                parts["m"], resolve = str(self.holiday_months[parts.pop("holiday")]), "month"
            mentions.append(Mention(match.start(), match.end(), ";".join(f"{k}={v}" for k, v in parts.items()), resolve))
        return mentions

    def _lead_year(self, times: list[Mention], segments: Segments, text: str) -> tuple[str, str]:
        """The article's year, and the period that carries down to figures with no time of
        their own (SCHEMA "period": else the title or lead).

        The year is the first the title or lead states, else the one the article states most
        often (2022上半年…今年 in an article that never dates itself). The period is the title's
        or lead's first time in that year (1-2月中国外贸增长… → 2022-01/2022-02); a dated line
        (2024年8月16日) gives its month; a day with no year (9月6日，港股…走低) dates an event,
        not the figures after it."""
        # The title and lines without a full stop (原标题, datelines) up to the second paragraph
        # of prose: the lead.
        prose = [p for p in segments.paragraphs if self.sentence_mark.search(text, p[0], p[1])]
        content = [p for p in segments.paragraphs if p[1] - p[0] > 1]
        lead_end = max(prose[min(len(prose), 2) - 1][1] if prose else 0,
                       content[min(len(content), 3) - 1][1] if content else 0)
        in_lead = [m for m in times if m.start < lead_end and not self._is_base(m, text)]
        stated = next((m for m in in_lead if _parts(m).get("y") or _parts(m).get("y1")), None)
        if stated:
            parts = _parts(stated)
            year = parts.get("y") or parts.get("y1")
            if "d" in parts:
                return year, f"{year}-{int(parts['m']):02d}"
            return year, _resolve_period(stated, year)
        # A comparison's base (比2019年) is not a year the article speaks of.
        years = Counter(_parts(m).get("y") for m in times if _parts(m).get("y") and not self._is_base(m, text))
        if not years:
            return "", ""
        year = max(years, key=lambda y: (years[y], y))
        # A relative time (去年) cannot be read against a year the article never says is its own.
        first = next((m for m in in_lead if "d" not in _parts(m) and m.kind != "relative"), None)
        return year, _resolve_period(first, year) if first else ""

    def _is_base(self, mention: Mention, text: str) -> bool:
        return (text[max(0, mention.start - 2):mention.start].endswith(self.base_words)
                or bool(self.base_after.match(text, mention.end)))

    def _period(self, times: Mentions, reading: Reading, segments: Segments, lead_year: str,
                carried: str) -> tuple[str, str]:
        """The period and how it was found: the nearest time before the number in its clause,
        sentence or paragraph (a comparison base such as 比2019年 is not one); else a time after
        it in its clause or sentence (…主要由于今年… dates less than 10月份 before it); else the
        lead's. A later sentence of the paragraph dates its own figures, unless the lead dates none."""
        position = reading.quantity.start
        scopes = (("clause", reading.clause), ("sentence", reading.sentence),
                  ("paragraph", segments.of("paragraphs", position)))
        for scope, (low, high) in scopes:
            before, after = times.within(low, position), times.within(position, high)
            if before or (after and scope == "clause"):
                chosen = before[-1] if before else after[0]
                return _resolve_period(chosen, lead_year), f"period.{chosen.kind}@{scope}"
        for scope, (low, high) in scopes[1:]:
            after = times.within(position, high)
            if after and (scope == "sentence" or not carried):
                return _resolve_period(after[0], lead_year), f"period.{after[0].kind}@{scope}"
        return carried, "period.lead" if carried else ""


def _parts(mention: Mention) -> dict[str, str]:
    return dict(part.split("=", 1) for part in mention.value.split(";") if "=" in part)


def _small_number(written: str) -> int:
    """A month's or a quarter's number: 7, 07, 七, 十二."""
    return int(written) if written.isdigit() else CHINESE_SMALL[written]


def _resolve_period(mention: Mention, lead_year: str) -> str:
    """A time expression as a SCHEMA period, with the lead's year where it gives none."""
    parts = _parts(mention)
    resolve = mention.kind
    if resolve == "years":
        return f"{parts['y1']}/{parts['y2']}"
    if resolve == "year":
        return parts["y"]
    if resolve == "relative":
        if not lead_year:
            return ""
        offset = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}[parts["rel"]]
        return str(int(lead_year) + offset)
    year = parts.get("y", lead_year)
    if not year:
        return ""
    if resolve == "month":
        return f"{year}-{_small_number(parts['m']):02d}"
    if resolve == "months":
        return f"{year}-{_small_number(parts.get('m1', '1')):02d}/{year}-{_small_number(parts['m2']):02d}"
    if resolve == "quarter":
        return f"{year}-Q{_small_number(parts['q'])}"
    if resolve == "quarters":
        return f"{year}-01/{year}-{_small_number(parts['q']) * 3:02d}"
    if resolve == "half":
        return f"{year}-H{1 if parts['h'] == '上' else 2}"
    return ""
