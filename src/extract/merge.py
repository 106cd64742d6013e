"""Fold repeated mentions of one fact into one row (SCHEMA "Merging")."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType
from typing import Mapping

from .model import Fact, Kind
from .phrases import phrases_agree
from .score import periods_agree

SENTENCE_ENDS = ("。", "！", "？", "!", "?", "；", ";", "…", "”")


def _agree_or_unsaid(first: str, second: str, agree=lambda a, b: a == b) -> bool:
    """Equal (or agreeing), or left unsaid by one of the two mentions (a title's bare figure)."""
    return not first or not second or agree(first, second)


def _same_sentence(first: Fact, second: Fact) -> bool:
    """One sentence, not two with the same words (a paragraph that repeats the lead's): two
    figures of one sentence lie closer together than its length."""
    return first.sentence == second.sentence and abs(first.start - second.start) < len(first.sentence)


def _one_is_rate_of_other(first: str, second: str, rate_words: tuple[str, ...]) -> bool:
    """财政收入 and 财政收入增速: a level and its rate are two metrics, though one contains the other."""
    return first.endswith(rate_words) != second.endswith(rate_words)


def _metrics_agree(first: str, second: str, short_forms: tuple[tuple[str, str], ...]) -> bool:
    """Agreeing phrases, also once each is written with the common short forms (a headline's
    单位GDP碳排放 is the body's 单位国内生产总值二氧化碳排放)."""
    return phrases_agree(first, second) or (
        bool(short_forms) and phrases_agree(_shortened(first, short_forms), _shortened(second, short_forms)))


def _shortened(phrase: str, short_forms: tuple[tuple[str, str], ...]) -> str:
    for long_form, short_form in short_forms:
        phrase = phrase.replace(long_form, short_form)
    return phrase


def _longest_first(synonyms: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(synonyms.items(), key=lambda item: -len(item[0])))


def _is_headline(fact: Fact) -> bool:
    """A title or heading: a line that ends no sentence."""
    return not fact.sentence.rstrip().endswith(SENTENCE_ENDS)


def _named_apart(first: Fact, second: Fact) -> bool:
    """Mate 60 Pro and Mate 60 Pro+ each named in its own sentence: two subjects, though one
    name contains the other."""
    return first.subject != second.subject and all(
        any(rule.startswith("subject=subject.sentence") for rule in fact.explain) for fact in (first, second))


def same_fact(first: Fact, second: Fact, rate_words: tuple[str, ...] = (),
              short_forms: tuple[tuple[str, str], ...] = ()) -> bool:
    """Subject, metric, value, unit, qualifier and period all agree (SCHEMA "Merging").

    A mention that leaves the metric, subject or period unsaid (a headline figure) agrees
    with the mention that says it. Two figures in one sentence are two facts
    (研发机构32家，新建新型研发机构32家).
    """
    return (
        not _same_sentence(first, second)  # a sentence does not restate its own figure
        and first.value == second.value
        and first.unit == second.unit
        and first.qualifier == second.qualifier
        and first.kind == second.kind
        and (first.kind != Kind.RATIO or first.text == second.text)  # a part of 61:1 is not a part of 68:1
        and _agree_or_unsaid(first.period, second.period, periods_agree)  # 2022-Q1 is 2022-01/2022-03
        and _agree_or_unsaid(first.metric, second.metric, lambda a, b: _metrics_agree(a, b, short_forms))
        and not (first.metric and second.metric and _one_is_rate_of_other(first.metric, second.metric, rate_words))
        and _agree_or_unsaid(first.subject, second.subject, phrases_agree)
        and not _named_apart(first, second)
    )


def merge_mentions(facts: list[Fact], rate_words: tuple[str, ...] = (),
                   synonyms: Mapping[str, str] = MappingProxyType({})) -> list[Fact]:
    """One row per fact, in order of first mention; later mentions add to `mentions`.

    A repeat may fill in what the first mention left empty (a period, a subject). `rate_words`
    (增速, 增幅…) end the metric of a rate, which is never the same fact as its level.
    """
    short_forms = _longest_first(synonyms)  # (sorted once, not per comparison)
    merged: list[Fact] = []
    body_metric: dict[int, str] = {}  # a headline's short name (外贸) gives way to the body's (进出口总值)
    # Only facts of one value and unit can be one fact: compare within those (in order).
    same_value: dict[tuple, list[int]] = {}
    for fact in facts:
        indices = same_value.setdefault((fact.value, fact.unit), [])
        for index in indices:
            kept = merged[index]
            if same_fact(kept, fact, rate_words, short_forms):
                merged[index] = replace(
                    kept,
                    mentions=kept.mentions + fact.mentions,
                    period=kept.period or fact.period,
                    subject=kept.subject or fact.subject,
                    metric=kept.metric or fact.metric,
                )
                if fact.metric and _is_headline(kept) and not _is_headline(fact):
                    body_metric.setdefault(index, fact.metric)
                break
        else:
            indices.append(len(merged))
            merged.append(fact)
    # (Renamed after merging, so that which mentions merge does not depend on it.)
    return [replace(fact, metric=body_metric[index]) if index in body_metric else fact
            for index, fact in enumerate(merged)]
