"""Segment text into words: a private jieba tokenizer inside a blank spaCy `zh` pipeline.

jieba's module functions (and spaCy's own jieba segmenter) share one process-wide
dictionary; we build our own `jieba.Tokenizer`, so words we add never leak into, or
depend on, anyone else's jieba.
"""

from __future__ import annotations

from typing import Iterable

import jieba
import spacy
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces


class JiebaTokenizer:
    """A spaCy tokenizer that cuts with a private jieba dictionary; `doc.text == text`."""

    def __init__(self, vocab, user_words: Iterable[str] = ()):
        self.vocab = vocab
        self.jieba = jieba.Tokenizer()
        self.jieba.initialize()  # load the dictionary now, not on the first article
        for word in user_words:
            self.jieba.add_word(word)

    def __call__(self, text: str) -> Doc:
        words = [word for word in self.jieba.cut(text, HMM=True) if word]
        words, spaces = get_words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)


def build_nlp(user_words: Iterable[str] = ()) -> spacy.language.Language:
    """A blank Chinese spaCy pipeline whose tokenizer is our own jieba."""
    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaTokenizer(nlp.vocab, user_words)
    return nlp
