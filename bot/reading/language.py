"""Which writing a reply is in, before any reader tries to understand it.

A reader only reads its own language: a reply with no letters or digits at
all (empty, blank, emoji, punctuation) is never an answer, and a reply in
another script is never read as English.
"""

from __future__ import annotations

import unicodedata
from enum import Enum


class Script(str, Enum):
    NONE = "none"  # no letter or digit: empty, blank, emoji, punctuation
    LATIN = "latin"
    CJK = "cjk"  # Chinese characters (Japanese kanji too): the site's patients
    OTHER = "other"  # Cyrillic, Arabic, Greek, ...


NOT_READ = {
    Script.CJK: "utter_chinese_not_available",  # in Chinese, offering a person
    Script.OTHER: "utter_language_not_understood",
}
"""The response for a message in a script the assistant does not read yet."""


def script_of(text: str) -> Script:
    """The script most of the reply's letters are in (digits count as Latin);
    CJK as soon as a Chinese character is there, since mixed replies
    ("CAR-T 没做过") carry their meaning in the Chinese part."""
    counts = {Script.LATIN: 0, Script.CJK: 0, Script.OTHER: 0}
    for char in unicodedata.normalize("NFKC", text):
        if not char.isalnum():
            continue
        if _is_cjk(char):
            counts[Script.CJK] += 1
        elif char.isascii() or "LATIN" in unicodedata.name(char, ""):
            counts[Script.LATIN] += 1
        else:
            counts[Script.OTHER] += 1
    if counts[Script.CJK]:
        return Script.CJK
    if not any(counts.values()):
        return Script.NONE
    return Script.LATIN if counts[Script.LATIN] >= counts[Script.OTHER] else Script.OTHER


def _is_cjk(char: str) -> bool:
    point = ord(char)
    return (
        0x4E00 <= point <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= point <= 0x4DBF  # extension A
        or 0xF900 <= point <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= point <= 0x2FA1F  # extensions B-F and supplement
    )
