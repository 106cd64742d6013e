"""Segment text into words: jieba's words, cut by jieba-rs, inside a blank spaCy `zh` pipeline.

The words are jieba's: the same dictionary, the same route through it and the same HMM for
unknown words. They are cut by jieba-rs (the `rjieba` binding), which runs the same algorithm
in Rust (with the re-splitting below, about six times as fast as jieba: bench/throughput.py). jieba-rs differs only in how it splits runs of
Latin letters, digits and symbols (it keeps `1-11` and `3.14.15` whole, and it cuts at rare
characters that jieba does not count as Chinese), so `JiebaWords` hands it the blocks jieba
would and re-splits those runs jieba's way. tests/test_segment.py checks the words against
jieba's own on the corpus and on random text.

Each pipeline has its own dictionary, so words we add never leak into, or depend on, anyone
else's jieba.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Iterable

import rjieba

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# jieba's own character classes (jieba/__init__.py and jieba/finalseg): the blocks it cuts, the
# white space it keeps apart, what it counts as Chinese, and how it splits a run of other
# characters that no dictionary word covers.
JIEBA_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-]+)")
JIEBA_SPACE = re.compile(r"(\r\n|\s)")
JIEBA_HAN = re.compile("[\u4E00-\u9FD5]")
JIEBA_UNKNOWN_RUN = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
JIEBA_ENGLISH = re.compile("[a-zA-Z0-9]")


class JiebaWords:
    """jieba's `Tokenizer.cut`, word for word, with a private dictionary."""

    def __init__(self, user_words: Iterable[str] = ()):
        self.jieba = rjieba.Jieba()
        for word in user_words:
            # (Only new words: jieba's add_word counts a known word's frequency twice in its total.)
            if not self.jieba.has_word(word):
                self.jieba.add_word(word, None, None)  # the frequency jieba's add_word would give

    def cut(self, text: str, hmm: bool = True) -> list[str]:
        words: list[str] = []
        for index, part in enumerate(JIEBA_BLOCK.split(text)):
            if not part:
                continue
            if index % 2:
                self._cut_block(part, hmm, words)
            else:  # between blocks: each white space, then each other character, on its own
                for piece in JIEBA_SPACE.split(part):
                    if JIEBA_SPACE.fullmatch(piece):
                        words.append(piece)
                    else:
                        words.extend(piece)
        return words

    def _cut_block(self, block: str, hmm: bool, words: list[str]) -> None:
        run: list[str] = []  # words with no Chinese character, for jieba's re-split
        for word in self.jieba.cut(block, hmm):
            if JIEBA_HAN.search(word):
                if run:
                    self._cut_run(run, hmm, words)
                    run = []
                words.append(word)
            else:
                run.append(word)
        if run:
            self._cut_run(run, hmm, words)

    def _cut_run(self, run: list[str], hmm: bool, words: list[str]) -> None:
        """A run of letters, digits and symbols as jieba cuts it: dictionary words (C++, AT&T)
        whole; with the HMM, the rest by JIEBA_UNKNOWN_RUN; without it, letters and digits
        together and every other character alone."""
        pending: list[str] = []

        def flush() -> None:
            if not pending:
                return
            chars = "".join(pending)
            pending.clear()
            if not hmm or len(chars) == 1:
                words.append(chars)
            elif self.jieba.has_word(chars):
                words.extend(chars)  # (jieba's quirk: a known word left over is cut in characters)
            else:
                words.extend(piece for piece in JIEBA_UNKNOWN_RUN.split(chars) if piece)

        for word in run:
            if len(word) > 1 and self.jieba.has_word(word):
                flush()
                words.append(word)
            elif hmm:
                pending.extend(word)
            else:
                for char in word:
                    if JIEBA_ENGLISH.match(char):
                        pending.append(char)
                    else:
                        flush()
                        words.append(char)
        flush()


class JiebaTokenizer:
    """A spaCy tokenizer that cuts jieba's words with a private dictionary; `doc.text == text`.

    It cuts words without spaCy (`cut`, `words`); spaCy, slow to import, is only needed for a
    Doc, once a pipeline wraps the tokenizer (build_nlp sets its vocab)."""

    def __init__(self, vocab=None, user_words: Iterable[str] = ()):
        self.vocab = vocab
        self.jieba = JiebaWords(user_words)

    @functools.lru_cache(maxsize=65536)
    def words(self, phrase: str) -> list[str]:
        """The words of a short phrase, without the HMM guesser (attach cuts leads with it);
        cached, as the same leads recur across an archive. Do not mutate the result."""
        return self.jieba.cut(phrase, hmm=False)

    def cut(self, text: str) -> list[str]:
        """The words of a text, with the HMM guesser; joined, they are the text (white space
        included). The Extractor reads these: it has no use for a Doc of its own."""
        return self.jieba.cut(text)

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        # No token is followed by a space: white space is a token of its own.
        words = self.cut(text)
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


def build_nlp(tokenizer: JiebaTokenizer) -> Language:
    """A blank Chinese spaCy pipeline whose tokenizer is `tokenizer` (jieba's words)."""
    import spacy

    nlp = spacy.blank("zh")
    tokenizer.vocab = nlp.vocab
    nlp.tokenizer = tokenizer
    return nlp
