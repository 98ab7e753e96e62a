"""The reader of each language the assistant speaks."""

from __future__ import annotations

from bot.reading.en.reader import EnglishReader
from bot.reading.reader import Reader
from bot.reading.zh.reader import ChineseReader

READERS: dict[str, Reader] = {"en": EnglishReader(), "zh": ChineseReader()}
"""By language code (the conversation's `language` slot, stored on the referral)."""


def reader_for(language: str) -> Reader:
    """The reader for `language`; raises KeyError for a language not offered."""
    return READERS[language]
