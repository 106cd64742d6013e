"""Comparing phrases the way SCHEMA "Scoring" does: folded, then containment or bigram Dice."""

from __future__ import annotations

import unicodedata
from collections import Counter

DICE_THRESHOLD = 0.5
JURISDICTION_GROUPS = (
    frozenset({"全市", "我市", "本市", "该市"}),
    frozenset({"全省", "我省", "本省", "该省"}),
    frozenset({"全区", "我区", "本区", "该区"}),
    frozenset({"全县", "我县", "本县", "该县"}),
    frozenset({"全国", "我国", "中国", "国内"}),
)


def fold_phrase(phrase: str) -> str:
    """NFKC, lower case, and no white space, punctuation or symbols (Unicode P, S, Z).

    >>> fold_phrase("R&D支出（研究与试验发展）")
    'rd支出研究与试验发展'
    """
    folded = unicodedata.normalize("NFKC", phrase).lower()
    return "".join(c for c in folded if unicodedata.category(c)[0] not in "PSZ")


def _bigrams(folded: str) -> Counter:
    if len(folded) == 1:
        return Counter([folded])
    return Counter(folded[i:i + 2] for i in range(len(folded) - 1))


def phrase_similarity(predicted: str, gold: str) -> float:
    """1 for containment (either way), else the character-bigram Dice coefficient.

    >>> phrase_similarity("地区生产总值", "2020年地区生产总值"), phrase_similarity("", "")
    (1.0, 1.0)
    """
    a, b = fold_phrase(predicted), fold_phrase(gold)
    if not a or not b:
        return 1.0 if a == b else 0.0
    if a in b or b in a:
        return 1.0
    for group in JURISDICTION_GROUPS:
        if a in group and b in group:
            return 1.0
    x, y = _bigrams(a), _bigrams(b)
    return 2 * sum((x & y).values()) / (sum(x.values()) + sum(y.values()))


def phrases_agree(predicted: str, gold: str) -> bool:
    return phrase_similarity(predicted, gold) >= DICE_THRESHOLD


def subject_similarity(predicted: str, gold: str) -> float:
    """As phrase_similarity, except that an empty gold subject agrees with anything."""
    if not fold_phrase(gold):
        return 1.0
    return phrase_similarity(predicted, gold)
