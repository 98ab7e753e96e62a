"""The medical knowledge the readers use, from the data in bot/medicine/:
each kind's words as a piece of a regular expression, so that a lexicon's
patterns (a question's subject, the facts known not to decide) take their
words from the data instead of spelling them in code."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.medicine.terms import Kind, pattern

NOTHING = r"(?!x)x"


def words_of(kinds: Iterable[Kind], language: str) -> str:
    """A regular expression (no groups of its own) matching any word of
    `kinds` in `language`, in casefolded NFKC text; one that matches nothing
    when the data holds none."""
    source = pattern(kinds, language).pattern
    if source in ("(?!)", ""):
        return NOTHING
    return re.sub(r"\(\?P<w\d+>", "(?:", source)


def with_words(base: str, kinds: Iterable[Kind], language: str) -> str:
    """`base` or any word of `kinds`: a lexicon pattern grown by the data."""
    return f"{base}|{words_of(kinds, language)}"
