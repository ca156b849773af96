"""Cutting report text into blocks (lines), sentences and clauses, keeping character offsets."""

from __future__ import annotations

import enum
import re
from typing import NamedTuple

from esgclaims._lazy import compiled as rx
from esgclaims._lexicon import lexicon

from .literals import ahead

__all__ = ["Block", "BlockKind", "Sentence", "blocks", "clause_bounds", "sentences"]


class BlockKind(enum.Enum):
    """What a line of the text is."""

    TITLE = "title"
    """The first line, when it reads as a heading: it names the document, and sets no period."""
    HEADING = "heading"
    """A short line without final punctuation: its period frames the section below it."""
    LIST_INTRO = "list_intro"
    """A line ending in a colon, or the short last sentence of a longer one: its period frames the list after it."""
    ITEM = "item"
    """A list item: "1. Train 800 teachers."."""
    PARAGRAPH = "paragraph"


class Block(NamedTuple):
    """A line of the text."""

    kind: BlockKind
    start: int
    end: int
    body: int
    """Where the text starts after a list marker ("1. "); ``start`` otherwise."""


class Sentence(NamedTuple):
    """A sentence, and the index of its block."""

    start: int
    end: int
    block: int


_LIST_MARKER = r"\s*(?:\d{1,2}[.)]|\(\d{1,2}\)|[-•*·–])\s+"
#: Abbreviations whose full stop ends no sentence: "Sept. 30", "No. 1".
_ABBREVIATIONS = frozenset(lexicon().abbreviations)
#: How far back the word before a full stop is read: a character more than the longest abbreviation. A longer
#: word is cut there, and is still none of them, nor an initial.
_WORD_REACH = max(map(len, _ABBREVIATIONS), default=1) + 1


def blocks(text: str) -> list[Block]:
    """The non-empty lines of ``text``, each with its kind."""
    found: list[Block] = []
    for match in rx(r"[^\n]+").finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + len(line) - len(line.lstrip())
        end = match.start() + len(line.rstrip())
        marker = rx(_LIST_MARKER).match(line)
        if marker and len(stripped) > len(marker.group().strip()):
            found.append(Block(BlockKind.ITEM, start, end, match.start() + marker.end()))
            continue
        if stripped.endswith((":", "\uff1a")) and len(stripped.split()) <= 12:
            kind = BlockKind.LIST_INTRO
        elif stripped.endswith((":", "\uff1a")) and (intro := _intro(text, start, end)) is not None:
            # "Xingchuan has set interim goals. By 2028, the company aims to:": the last sentence opens the list
            found.append(Block(BlockKind.PARAGRAPH, start, intro[0], start))
            found.append(Block(BlockKind.LIST_INTRO, intro[1], end, intro[1]))
            continue
        elif _reads_as_heading(stripped):
            kind = BlockKind.TITLE if not found else BlockKind.HEADING
        else:
            kind = BlockKind.PARAGRAPH
        found.append(Block(kind, start, end, start))
    return found


def _intro(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the sentences before a line's short last sentence end, and where that sentence starts, if it has some."""
    found = sentences(text, Block(BlockKind.PARAGRAPH, start, end, start), 0)
    if len(found) < 2 or len(text[found[-1].start : end].split()) > 12:
        return None
    return found[-2].end, found[-1].start


def _reads_as_heading(line: str) -> bool:
    if line.endswith((".", "!", "?", "\u3002", "\uff01", "\uff1f", '"', "”", ")")):
        return False
    return len(line.split()) <= 16 and len(line) <= 120 and not rx(r"[.!?\u3002\uff01\uff1f]\s").search(line)


def sentences(text: str, block: Block, index: int) -> list[Sentence]:
    """The sentences of one block."""
    found: list[Sentence] = []
    start = block.body
    for match in rx(r"[.!?\u3002\uff01\uff1f]+[\"'”\u2019)]*").finditer(text[block.body : block.end]):
        end = block.body + match.end()
        stop = block.body + match.start()
        following = text[end : end + 2]
        if match.group()[0] in ".!?":
            if not (following[:1].isspace() or end == block.end):
                continue
            if match.group() == "." and _abbreviation(text, start, stop):
                continue
            nxt = text[end : block.end].lstrip()[:1]
            if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"“'\u2018(" or "\u4e00" <= nxt <= "\u9fff"):
                continue
        found.append(Sentence(start, end, index))
        start = end + len(text[end : block.end]) - len(text[end : block.end].lstrip())
    if start < block.end:
        found.append(Sentence(start, block.end, index))
    return found


def _abbreviation(text: str, start: int, stop: int) -> bool:
    before = text[max(start, stop - _WORD_REACH) : stop]  # not the whole sentence so far, for each full stop in it
    word = rx(r"(?<![A-Za-z.])([A-Za-z.]+)$").search(before)  # from a word's start: the same match, sooner
    if word is None:
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or len(token) == 1  # initials: "J. Smith"


_CLAUSE_MARK = ahead(re.compile(r",\s|;|，|；|\s[—–]\s|\s--\s|:\s"))  # noqa: RUF001
"""What ends a clause, behind a look-ahead for its first character: the same matches, skipped to."""


def clause_bounds(text: str, start: int, end: int, protected: list[tuple[int, int]]) -> list[int]:
    """Where the clauses of a sentence start and end: at commas, semicolons (also the Chinese ones) and dashes.

    A boundary inside a ``protected`` span (a date such as "Sept. 30, 2020") does not count.
    """
    bounds = [start]
    for match in _CLAUSE_MARK.finditer(text, start, end):
        position = match.start()
        if not any(first <= position < last for first, last in protected):
            bounds.append(match.end())
    bounds.append(end)
    return bounds
