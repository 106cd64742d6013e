"""Segment text into words: a private jieba tokenizer inside a blank spaCy `zh` pipeline.

jieba's module functions (and spaCy's own jieba segmenter) share one process-wide
dictionary; we build our own `jieba.Tokenizer`, so words we add never leak into, or
depend on, anyone else's jieba.
"""

from __future__ import annotations

import functools
from typing import Iterable

import jieba
import spacy
from spacy.tokens import Doc

WORDS_KEY = "extract.words"


class JiebaTokenizer:
    """A spaCy tokenizer that cuts with a private jieba dictionary; `doc.text == text`."""

    def __init__(self, vocab, user_words: Iterable[str] = ()):
        self.vocab = vocab
        self.jieba = jieba.Tokenizer()
        self.jieba.initialize()  # load the dictionary now, not on the first article
        for word in user_words:
            self.jieba.add_word(word)

    @functools.lru_cache(maxsize=65536)
    def words(self, phrase: str) -> list[str]:
        """The words of a short phrase, without the HMM guesser (attach cuts leads with it);
        cached, as the same leads recur across an archive. Do not mutate the result."""
        return list(self.jieba.cut(phrase, HMM=False))

    def __call__(self, text: str) -> Doc:
        # jieba returns every character, white space included, so the words joined are the
        # text: white space stays a token of its own and no token is followed by a space.
        words = [word for word in self.jieba.cut(text, HMM=True) if word]
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc.user_data[WORDS_KEY] = words  # plain strings, cheaper to walk than Token objects
        return doc


def build_nlp(user_words: Iterable[str] = ()) -> spacy.language.Language:
    """A blank Chinese spaCy pipeline whose tokenizer is our own jieba."""
    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaTokenizer(nlp.vocab, user_words)
    return nlp
