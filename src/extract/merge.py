"""Fold repeated mentions of one fact into one row (SCHEMA "Merging")."""

from __future__ import annotations

from dataclasses import replace

from .model import Fact
from .phrases import phrases_agree


def _periods_agree(first: str, second: str) -> bool:
    return first == second or not first or not second


def same_fact(first: Fact, second: Fact) -> bool:
    """Subject, metric, value, unit, qualifier and period all agree."""
    return (
        first.value == second.value
        and first.unit == second.unit
        and first.qualifier == second.qualifier
        and first.kind == second.kind
        and _periods_agree(first.period, second.period)
        and phrases_agree(first.metric, second.metric)
        and phrases_agree(first.subject, second.subject)
    )


def merge_mentions(facts: list[Fact]) -> list[Fact]:
    """One row per fact, in order of first mention; later mentions add to `mentions`.

    A repeat may fill in what the first mention left empty (a period, a subject).
    """
    merged: list[Fact] = []
    for fact in facts:
        for index, kept in enumerate(merged):
            if same_fact(kept, fact):
                merged[index] = replace(
                    kept,
                    mentions=kept.mentions + fact.mentions,
                    period=kept.period or fact.period,
                    subject=kept.subject or fact.subject,
                )
                break
        else:
            merged.append(fact)
    return merged
