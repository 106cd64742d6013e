"""Attach to each quantity what it measures (metric), about whom (subject), when
(period) and how the number moved (kind and sign).

The reading is done clause by clause, the way a reader does it:

- the **lead** of a quantity is the text of its clause before the number (after any
  earlier number in that clause); its last words decide kind and sign (同比增长 → growth,
  下降 → negative), the rest, without time words, subject and verbs, is the metric;
- a clause that names no metric (同比增长17.1%) takes the metric of the sentence's last
  level figure; a count whose noun follows it (225家科技型企业) takes that noun;
- the subject is the nearest name before the number in its sentence, else the one
  carried from earlier sentences, else the title's;
- the period is the nearest time in the clause, else the sentence, else the paragraph,
  else the title or lead.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Iterable, Mapping

import regex

from .model import Fact, Kind, Quantity
from .rules import Rules

SENTENCE_END = "。！？!?；;\n"
CLAUSE_END = SENTENCE_END + "，,:："
VERB_TAGS = frozenset({"v", "vd", "vg", "vi", "vq"})
NOUN_TAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nl", "ng", "vn", "an", "eng", "j", "l", "i", "b", "x", ""})
SIGN_FAMILIES = frozenset({"currency", "count", "measure", "percent", "permille", "points", "multiple", "index", ""})


@dataclass(frozen=True)
class Mention:
    """A time or a name found in the article."""

    start: int
    end: int
    value: str  # the period (2021-01/2021-08) or the name
    kind: str  # for names: place, org, national, own; for times: the period rule's resolve


def _spans(text: str, ends: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, char in enumerate(text):
        if char in ends:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _containing(spans: list[tuple[int, int]], starts: list[int], position: int) -> tuple[int, int]:
    index = max(0, bisect_right(starts, position) - 1)
    return spans[index]


class Attacher:
    """Reads context around quantities; built once per Extractor."""

    def __init__(self, rules: Rules, word_tags: Mapping[str, str]):
        self.rules = rules
        self.tags = word_tags
        lists = rules.named_lists
        self.increase = lists["increase_word"]
        self.decrease = lists["decrease_word"]
        self.rate_words = lists["rate_word"]
        self.to_words = lists["to_word"]
        self.gap_words = lists["gap_word"]
        self.strip_words = sorted(
            lists["level_verb"] | lists["filler_word"] | self.increase | self.decrease | lists["q_before"]
            | lists["to_word"],
            key=len, reverse=True,
        )
        self.own = lists["own_jurisdiction"]
        self.national = lists["national"]
        self.anaphors = lists["anaphor"]
        self.source_after = rules.compile(r"\s* (?: 数据 | 统计 | 发布 | 公布 | 显示 | 表示 | 介绍 | 指出 | 称 | 获悉 | 了解到 | 消息 | 记者 )")
        place = r"(?: \L<place_suffix> )"
        self.place_pattern = rules.compile(
            rf"(?<! \p{{Han}} ) (?: \p{{Han}}{{1,6}}? {place} )+ | (?: \p{{Han}}{{2,6}}? {place} )+"
        )
        self.org_pattern = rules.compile(r"\p{Han}{1,14}? \L<org_suffix>")
        self.verb_pattern = rules.compile(
            r"(?P<verb> \L<increase_word> | \L<decrease_word> ) (?P<to> \L<to_word> )? \s* \Z"
        )
        self.time_words = rules.compile(
            r"(?: 截至目前 | 截至 | 截止 | 目前 | 如今 | 现在 | 当前 | 近日 | 日前 | 同期 | 全年 | 当年 | 去年同期 | 上年同期 )"
        )

    # -- whole article ---------------------------------------------------------

    def attach(self, doc_id: str, original: str, text: str, doc: Any, quantities: list[Quantity]) -> list[Fact]:
        sentences = _spans(text, SENTENCE_END)
        sentence_starts = [s for s, _ in sentences]
        clauses = _spans(text, CLAUSE_END)
        clause_starts = [s for s, _ in clauses]
        paragraphs = _spans(text, "\n")
        paragraph_starts = [s for s, _ in paragraphs]
        token_tags = [(t.idx, t.idx + len(t.text), t.text, self.tags.get(t.text, "")) for t in doc]

        times = self.find_times(text)
        names = self.find_names(text)
        default_period = self._lead_period(text, times, paragraphs)

        facts: list[Fact] = []
        carried_subject = self._title_subject(text, names, paragraphs)
        previous_level: dict[int, str] = {}  # sentence start -> metric of its last level figure
        last_sentence = -1
        for quantity in quantities:
            sentence = _containing(sentences, sentence_starts, quantity.start)
            clause = _containing(clauses, clause_starts, quantity.start)
            paragraph = _containing(paragraphs, paragraph_starts, quantity.start)
            lead_start = max([clause[0]] + [q.end for q in quantities if clause[0] <= q.end <= quantity.start])
            lead = text[lead_start:quantity.start]

            subject = self._subject(names, sentence, quantity.start)
            if subject:
                carried_subject = subject
            elif sentence[0] != last_sentence:
                subject = carried_subject
            else:
                subject = carried_subject
            last_sentence = sentence[0]

            kind, negative, verb = self._kind(quantity, lead)
            metric = self._metric(quantity, lead, text, token_tags, names, clause)
            if not metric:
                metric = previous_level.get(sentence[0], "")
            if negative and verb in ("收窄", "扩大") and metric.endswith(tuple(self.rate_words)):
                negative = False  # 降幅收窄1.2个百分点: the rate word carries the direction
            value = quantity.value
            if negative and value > 0:
                value = -value
            if kind == Kind.LEVEL and quantity.family not in ("rank", "ratio"):
                previous_level[sentence[0]] = metric
            if quantity.per:
                metric = f"{metric}（每{quantity.per}）"
            period = self._period(times, quantity.start, clause, sentence, paragraph, default_period)
            facts.append(
                Fact(
                    doc_id=doc_id,
                    quantity=replace(quantity, value=value, kind=kind),
                    subject=subject,
                    metric=metric,
                    period=period,
                    kind=kind,
                    sentence=original[sentence[0]:sentence[1]].strip(),
                    explain=(quantity.rule,),
                )
            )
        return facts

    # -- kind and sign --------------------------------------------------------

    def _kind(self, quantity: Quantity, lead: str) -> tuple[Kind, bool, str]:
        """The kind, whether a decrease word makes the value negative, and that word."""
        if quantity.kind in (Kind.RANK, Kind.RATIO):
            return quantity.kind, False, ""
        tail = lead.rstrip()
        for word in ("同比", "环比", "了", "约", "近", "超过", "超", "逾", "不足", "达"):
            if tail.endswith(word) and not tail.endswith(tuple(self.increase | self.decrease)):
                tail = tail[: -len(word)].rstrip()
        found = self.verb_pattern.search(tail)
        verb = found.group("verb") if found else ""
        to_level = bool(found and found.group("to"))
        negative = verb in self.decrease and not to_level
        if quantity.family == "points" or quantity.kind == Kind.CHANGE:
            return Kind.CHANGE, negative, verb
        if verb and not to_level:
            if quantity.family in ("percent", "permille", "multiple"):
                return Kind.GROWTH, negative, verb
            if verb in self.rate_words:
                return Kind.GROWTH, negative, verb
            return Kind.CHANGE, negative, verb
        if quantity.kind:
            return quantity.kind, negative, verb
        if any(word in tail[-4:] for word in self.rate_words) and quantity.family in ("percent", "permille"):
            rate = next(word for word in self.rate_words if word in tail[-4:])
            return Kind.GROWTH, rate in self.decrease, rate
        return Kind.LEVEL, False, verb

    # -- metric ---------------------------------------------------------------

    def _metric(self, quantity: Quantity, lead: str, text: str, tokens, names, clause) -> str:
        if quantity.family == "count" or (quantity.family == "" and quantity.kind is None):
            following = self._noun_after(quantity.end, clause[1], tokens)
            if following:
                return following
        phrase = self._strip_lead(lead, names)
        return phrase

    def _noun_after(self, position: int, limit: int, tokens) -> str:
        """The noun phrase right after a count (225家科技型企业 → 科技型企业)."""
        words = []
        index = bisect_right([t[0] for t in tokens], position) - 1
        index = max(index, 0)
        while index < len(tokens) and tokens[index][0] < position:
            index += 1
        while index < len(tokens) and tokens[index][0] < limit:
            start, end, word, tag = tokens[index]
            if not word.strip() or tag in VERB_TAGS or tag in ("uj", "c", "p", "d", "r", "f", "m", "q", "u") \
                    or not regex.match(r"[\p{Han}A-Za-z]", word):
                break
            words.append(word)
            index += 1
        return "".join(words)

    def _strip_lead(self, lead: str, names: list[Mention]) -> str:
        """The metric words of a lead: no time, no subject, no verb, no filler."""
        phrase = regex.sub(r"[(（][^)）]*[)）]", "", lead)  # R&D(研究与试验发展)支出 → R&D支出
        phrase = regex.sub(r"\s+", "", phrase)
        for found in self.find_times(phrase):
            phrase = phrase.replace(phrase[found.start:found.end], "", 1) if found.end <= len(phrase) else phrase
        phrase = self.time_words.sub("", phrase)
        names_in = sorted({n.value for n in names} | {n for n in self.own | self.national}, key=len, reverse=True)
        for name in names_in:
            if phrase.startswith(name):
                phrase = phrase[len(name):]
                break
        changed = True
        while changed and phrase:
            changed = False
            for word in self.strip_words:
                if phrase.endswith(word) and len(phrase) > 0:
                    phrase = phrase[: -len(word)]
                    changed = True
                    break
                if phrase.startswith(word) and len(phrase) > len(word):
                    phrase = phrase[len(word):]
                    changed = True
                    break
            stripped = phrase.strip("，,、:：;；的和与及是为在从对将把被由")
            if stripped != phrase:
                phrase, changed = stripped, True
        # After the last verb: 科技型企业提供无抵押信用贷款 → 无抵押信用贷款.
        cut = self._after_last_verb(phrase)
        return cut or phrase

    def _after_last_verb(self, phrase: str) -> str:
        """What follows the last verb inside a phrase, if at least two characters do."""
        last_verb_end, offset = -1, 0
        for word in self._cut(phrase):
            offset += len(word)
            if self.tags.get(word, "") in VERB_TAGS and offset < len(phrase):
                last_verb_end = offset
        if last_verb_end > 0 and len(phrase) - last_verb_end >= 2:
            return phrase[last_verb_end:]
        return ""

    def _cut(self, piece: str) -> list[str]:
        """Greedy longest dictionary words (the tag table is jieba's dictionary)."""
        words, i = [], 0
        while i < len(piece):
            for size in range(min(6, len(piece) - i), 0, -1):
                word = piece[i:i + size]
                if size == 1 or word in self.tags:
                    words.append(word)
                    i += size
                    break
        return words

    # -- subject --------------------------------------------------------------

    def find_names(self, text: str) -> list[Mention]:
        """Places, organisations, national and own-jurisdiction words, in text order."""
        found: list[Mention] = []
        for match in self.org_pattern.finditer(text):
            found.append(Mention(match.start(), match.end(), match.group(0), "org"))
        for match in self.place_pattern.finditer(text):
            found.append(Mention(match.start(), match.end(), match.group(0), "place"))
        for word_list, kind in ((self.national, "national"), (self.own, "own")):
            for word in word_list:
                for match in regex.finditer(regex.escape(word), text):
                    found.append(Mention(match.start(), match.end(), word, kind))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        for mention in found:
            if kept and mention.start < kept[-1].end:
                continue
            if self.source_after.match(text, mention.end):
                continue  # 国家统计局数据显示: a source, not a subject
            kept.append(mention)
        return kept

    def _subject(self, names: list[Mention], sentence: tuple[int, int], position: int) -> str:
        candidates = [n for n in names if sentence[0] <= n.start and n.end <= position]
        if not candidates:
            return ""
        best = candidates[-1]
        if best.kind == "own":
            return self._own_name(names, best.value) or best.value
        if best.kind == "national":
            return "全国"
        return best.value

    def _own_name(self, names: list[Mention], word: str) -> str:
        level = word[-1]
        for name in names:
            if name.kind == "place" and name.value.endswith(level):
                return name.value
        return ""

    def _title_subject(self, text: str, names: list[Mention], paragraphs) -> str:
        for start, end in paragraphs[:4]:
            for name in names:
                if start <= name.start < end and name.kind in ("place", "org", "national"):
                    return "全国" if name.kind == "national" else name.value
        return ""

    # -- period ---------------------------------------------------------------

    def find_times(self, text: str) -> list[Mention]:
        found = []
        for rule in self.rules.periods:
            for match in rule.pattern.finditer(text):
                found.append((match, rule.resolve))
        found.sort(key=lambda item: (-(item[0].end() - item[0].start()), item[0].start()))
        kept: list[tuple[Any, str]] = []
        for match, resolve in found:
            if any(match.start() < m.end() and m.start() < match.end() for m, _ in kept):
                continue
            kept.append((match, resolve))
        kept.sort(key=lambda item: item[0].start())
        return [Mention(m.start(), m.end(), _groups(m), resolve) for m, resolve in kept]

    def _lead_period(self, text: str, times: list[Mention], paragraphs) -> str:
        """The year the title or lead pins (a year stated once at the top carries down)."""
        lead_end = paragraphs[min(len(paragraphs), 6) - 1][1] if paragraphs else 0
        for mention in times:
            if mention.start < lead_end and "y=" in mention.value:
                return _year_of(mention.value)
        return ""

    def _period(self, times, position, clause, sentence, paragraph, default_year) -> str:
        for low, high in (clause, sentence, paragraph):
            inside = [m for m in times if low <= m.start and m.end <= high]
            if inside:
                before = [m for m in inside if m.end <= position]
                chosen = before[-1] if before else inside[0]
                return _resolve_period(chosen, default_year)
        return default_year


def _groups(match) -> str:
    return ";".join(f"{k}={v}" for k, v in match.groupdict().items() if v)


def _year_of(encoded: str) -> str:
    for part in encoded.split(";"):
        if part.startswith("y="):
            return part[2:]
        if part.startswith("y1="):
            return part[3:]
    return ""


CHINESE_SMALL = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _resolve_period(mention: Mention, default_year: str) -> str:
    parts = dict(part.split("=", 1) for part in mention.value.split(";") if "=" in part)
    year = parts.get("y", default_year)
    resolve = mention.kind
    if resolve == "years":
        return f"{parts['y1']}/{parts['y2']}"
    if resolve == "year":
        return parts["y"]
    if resolve == "relative":
        if not default_year:
            return ""
        offset = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}[parts["rel"]]
        return str(int(default_year) + offset)
    if not year:
        return ""
    if resolve == "month":
        return f"{year}-{int(parts['m']):02d}"
    if resolve == "months":
        return f"{year}-{int(parts['m1']):02d}/{year}-{int(parts['m2']):02d}"
    if resolve == "quarter":
        return f"{year}-Q{CHINESE_SMALL[parts['q']]}"
    if resolve == "quarters":
        return f"{year}-01/{year}-{CHINESE_SMALL[parts['q']] * 3:02d}"
    if resolve == "half":
        return f"{year}-H{1 if parts['h'] == '上' else 2}"
    return ""

