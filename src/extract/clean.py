"""Clean an article without moving a character.

Every step maps the text to a text of the same length: folds replace one character
with one character (full-width digits, ％, NBSP), and masks overwrite page furniture
(captions, credits, markdown marks, the blank lines of a page break inside a sentence)
with spaces. So an offset in the cleaned text is an offset in the article, and the
`text` of a quantity is always `article[start:end]`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

import regex

from .rules import Rules

# A line that ends without closing its sentence continues after a page break.
SENTENCE_END = frozenset("。！？!?；;：:…”」』)）")
MIN_BROKEN_LINE = 15  # a shorter unfinished line is a heading, not a broken sentence


@dataclass(frozen=True)
class Furniture:
    """The compiled page-furniture patterns of normalize.toml."""

    lines: Any  # every furniture-line pattern in one alternation, run once over the text
    caption_end: Any
    credit_only: Any
    caption_hints: tuple[str, ...]
    caption_max: int
    repeat_title: Any
    markup: tuple[Any, ...]

    @classmethod
    def from_rules(cls, rules: Rules) -> "Furniture":
        table = rules.furniture
        compile_line = lambda pattern: regex.compile(pattern, regex.MULTILINE)  # noqa: E731
        return cls(
            lines=compile_line("|".join(f"(?:{p})" for p in table.get("line", [])) or r"(?!)"),
            caption_end=compile_line(table.get("caption_end", r"(?!)")),
            credit_only=compile_line(table.get("credit_only", r"(?!)")),
            caption_hints=tuple(table.get("caption_hint", ())),
            caption_max=int(table.get("caption_max", 80)),
            repeat_title=compile_line(table.get("repeat_title", r"(?!)")),
            markup=tuple(compile_line(p) for p in table.get("markup", [])),
        )


def fold_text(text: str, folds: dict[str, str]) -> str:
    """Replace characters one for one (full-width forms, odd spaces)."""
    return text.translate(str.maketrans(folds)) if folds else text


def _mask(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    spans, start = [], 0
    while (newline := text.find("\n", start)) >= 0:
        spans.append((start, newline))
        start = newline + 1
    spans.append((start, len(text)))
    return spans


def clean_text(text: str, rules: Rules, furniture: Furniture | None = None) -> str:
    """The article with furniture masked and characters folded; same length as `text`.

    >>> from extract.rules import load_rules
    >>> r = load_rules()
    >>> clean_text("指数**６２．２**", r)
    '指数  62.2  '
    """
    furniture = furniture or Furniture.from_rules(rules)
    folded = fold_text(text, dict(rules.folds))
    chars = list(folded)
    for pattern in furniture.markup:
        for found in pattern.finditer(folded):
            _mask(chars, found.start(), found.end())

    lines = _lines(folded)
    starts = [start for start, _ in lines]
    title = next((folded[s:e].strip() for s, e in lines if folded[s:e].strip()), "")
    # One pass of the line patterns over the whole text. A match marks the line it ends on: a
    # leading \s* may start it on a blank line before.
    flagged = {bisect_right(starts, m.end() - 1) - 1 for m in furniture.lines.finditer(folded) if m.end() > m.start()}
    # A caption or a credit ends with its hint (摄, 供图) on its own line: only lines holding
    # one are looked at, one by one (a match reaching back over blank lines ends there too).
    hinted = [(number, start, end) for number, (start, end) in enumerate(lines)
              if not furniture.caption_hints or any(hint in folded[start:end] for hint in furniture.caption_hints)]
    flagged |= {number for number, start, end in hinted if furniture.caption_end.search(folded, start, end)}
    credits = {number for number, start, end in hinted if furniture.credit_only.search(folded, start, end)}
    masked_lines: set[int] = set()
    for number, (start, end) in enumerate(lines):
        line = folded[start:end]
        if not line.strip():
            continue
        repeat = furniture.repeat_title.match(line)
        if repeat and line[repeat.end():].strip() == title:
            masked_lines.add(number)
        elif number in flagged:
            masked_lines.add(number)
        if number in credits:
            # The caption is the nearest non-empty line above a lone credit line.
            above = number - 1
            while above >= 0 and not folded[lines[above][0]:lines[above][1]].strip():
                above -= 1
            if above > 0 and lines[above][1] - lines[above][0] <= furniture.caption_max:
                masked_lines.add(above)
    for number in masked_lines:
        _mask(chars, *lines[number])

    _join_page_breaks("".join(chars), chars, lines, masked_lines)
    return "".join(chars)


def _join_page_breaks(text: str, chars: list[str], lines: list[tuple[int, int]], masked: set[int]) -> None:
    """Blank a page break that splits a sentence (`开花\\n\\n结果。`), so it reads as one."""
    content = [n for n, (s, e) in enumerate(lines) if n not in masked and text[s:e].strip()]
    for before, after in zip(content, content[1:]):
        if before == content[0]:
            continue  # the title never runs on into the next line
        start, end = lines[before]
        body = text[start:end].rstrip()
        if after - before < 2 or not body or body[-1] in SENTENCE_END or len(body.strip()) < MIN_BROKEN_LINE:
            continue
        next_start = lines[after][0]
        for i in range(start + len(body), next_start):
            chars[i] = " "
