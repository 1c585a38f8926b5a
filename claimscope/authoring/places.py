"""Where a mention sits in its text, as the catalogue's files need it: the sentence
around it, a quote that occurs once and shows the mention first, and a not-claim's
context that occurs once (spaces and line breaks aside)."""

from __future__ import annotations

import re
from typing import Protocol

from claimscope.files.coverage import context_places
from claimscope.finder import Mention


class Span(Protocol):
    """A number's place: the finder's mentions and the coverage check's both have one."""

    start: int
    end: int
    text: str

_SENTENCE_END = re.compile(r"[.!?](?=[\s\"”’)\]]|$)|\n[ \t]*\n")
_SENTENCE_START = re.compile(r"(?:[.!?][\"”’)\]]*\s+|\n[ \t]*\n)")
_LONGEST = 400  # characters of a sentence kept on each side of a mention


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding text[start:end] (bounded in length, trimmed of
    spaces): from after the previous sentence's end to its own."""
    floor = max(0, start - _LONGEST)
    begin = floor
    for match in _SENTENCE_START.finditer(text, floor, start):
        begin = match.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + _LONGEST))
    finish = stop.end() if stop and not stop.group().startswith("\n") else (
        stop.start() if stop else min(len(text), end + _LONGEST))
    while begin < start and text[begin].isspace():
        begin += 1
    while finish > end and text[finish - 1].isspace():
        finish -= 1
    return begin, finish


def _occurs_once(text: str, part: str) -> bool:
    first = text.find(part)
    return first >= 0 and text.find(part, first + 1) < 0


def quote_for(text: str, mention: Mention) -> str:
    """A verbatim quote for a claim: its sentence, narrowed so the mention's first place
    in it is this one, widened until it occurs only once in the text."""
    begin, finish = sentence_around(text, mention.start, mention.end)
    while (earlier := text.find(mention.text, begin, mention.end)) != mention.start:
        begin = earlier + 1
    while not _occurs_once(text, text[begin:finish]):
        if finish < len(text):
            finish += 1
        elif begin > 0 and text.find(mention.text, begin - 1, mention.end) == mention.start:
            begin -= 1
        else:
            break  # the whole text from here: it occurs once by then
    return text[begin:finish]


def context_for(text: str, mention: Span) -> str:
    """A not-claim's context: the mention with words around it, grown a word at a time
    on each side until it occurs once in the text."""
    begin, finish = mention.start, mention.end
    words_before = [m.start() for m in re.finditer(r"\S+", text[:begin])][::-1]
    words_after = [m.end() for m in re.finditer(r"\S+", text[finish:])]
    step = 0
    while len(context_places(text, text[begin:finish])) != 1:
        grew = False
        if step < len(words_before):
            begin, grew = words_before[step], True
        if step < len(words_after):
            finish, grew = mention.end + words_after[step], True
        step += 1
        if not grew:
            break
    return text[begin:finish]
