"""The Extractor: every stage built once, then applied article by article."""

from __future__ import annotations

import functools
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import jieba

from .articles import read_article
from .attach import Attacher
from .clean import Furniture, clean_text
from .merge import merge_mentions
from .model import Article, Fact, Quantity
from .quantities import QuantityFinder
from .rules import Rules, load_rules
from .segment import JiebaTokenizer, build_nlp


def load_word_tags() -> Mapping[str, str]:
    """Part-of-speech tags of jieba's dictionary words (the third column of its dict.txt)."""
    tags: dict[str, str] = {}
    with jieba.get_dict_file() as handle:
        for line in handle:
            parts = line.decode("utf-8").split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return MappingProxyType(tags)


class Extractor:
    """Builds the pipeline once (rules, our jieba segmenter, matchers; spaCy on first use of
    `nlp`); immutable after."""

    def __init__(self, rules: Rules | None = None, *, patterns: str | Path | None = None):
        self.rules = rules if rules is not None else load_rules(patterns)
        keep_whole = {word for name in self.rules.context.get("keep_whole", ())
                      for word in self.rules.named_lists[name] if len(word) > 1}
        self.tokenizer = JiebaTokenizer(user_words=sorted(keep_whole))
        self.finder = QuantityFinder(self.rules)
        self.attacher = Attacher(self.rules, load_word_tags(), self.tokenizer.words)
        self.furniture = Furniture.from_rules(self.rules)
        # Characters statistics are written with, in both scripts: they tell GBK from Big5.
        self.common_chars = frozenset(self.rules.folds) | frozenset(self.rules.folds.values()) \
            | frozenset(self.rules.numerals.digits) | frozenset(self.rules.numerals.magnitudes)

    @functools.cached_property
    def nlp(self):
        """spaCy's blank Chinese pipeline around our tokenizer (nlp(text) is a Doc of our words).
        Built on first use: extracting needs no Doc, and a batch run need not import spaCy."""
        return build_nlp(self.tokenizer)

    def clear_caches(self) -> None:
        """Forget the cached words of short phrases. The cache pays off because leads
        recur across an archive; a benchmark that repeats its articles clears it between
        copies, so that it does not measure a warmer cache than a real archive gives."""
        type(self.tokenizer).words.cache_clear()

    def read(self, path, *, doc_id: str | None = None) -> Article:
        """Read and decode an article file (see articles.read_article)."""
        return read_article(path, doc_id=doc_id, common=self.common_chars)

    def clean(self, text: str) -> str:
        return clean_text(text, self.rules, self.furniture)

    def quantities(self, text: str) -> list[Quantity]:
        """Every quantity in `text`, values in base units (one stage alone)."""
        _check_text(text)
        return self.finder.quantities(self.clean(text), text)

    def extract(self, article: Article) -> list[Fact]:
        """The facts of one article, repeated mentions merged."""
        return self.analyse(article)[1]

    def analyse(self, article: Article) -> tuple[list[Quantity], list[Fact]]:
        """Every quantity of an article, and its facts (quantities that are labels or
        thresholds are not facts; repeated mentions are merged)."""
        _check_text(article.text)
        if not article.text.strip():
            return [], []
        cleaned = self.clean(article.text)
        quantities = self.finder.quantities(cleaned, article.text)
        words = self.tokenizer.cut(cleaned)  # (the words are all attach reads: no Doc is built)
        facts = self.attacher.attach(article.doc_id, article.text, cleaned, words, quantities)
        return quantities, merge_mentions(facts, self.attacher.rate_words, self.attacher.metric_synonyms)

    def extract_text(self, text: str, *, doc_id: str = "") -> list[Fact]:
        return self.extract(Article(doc_id=doc_id, text=text))


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
