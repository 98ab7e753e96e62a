"""The reader of each language the assistant speaks."""

from __future__ import annotations

from bot.reading.en.reader import read_reply as read_english
from bot.reading.reader import ReadReply

READERS: dict[str, ReadReply] = {"en": read_english}
"""By language code (the referral's `language`)."""


def reader_for(language: str) -> ReadReply:
    """The reader for `language`; raises KeyError for a language not offered."""
    return READERS[language]
