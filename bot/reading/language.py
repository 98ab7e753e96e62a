"""Which writing a reply is in, before any reader tries to understand it.

A reader only reads its own language: a reply with no letters or digits at
all (empty, blank, emoji, punctuation) is never an answer, and a reply in
another script is never read as English.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum


class Script(str, Enum):
    NONE = "none"  # no letter or digit: empty, blank, emoji, punctuation
    LATIN = "latin"
    CJK = "cjk"  # Chinese characters (Japanese kanji too): the site's patients
    OTHER = "other"  # Cyrillic, Arabic, Greek, ...


NOT_READ = {Script.OTHER: "utter_language_not_understood"}
"""The response for a message in a script no reader reads (Cyrillic, Arabic...)."""

_LETTER_WORD = re.compile(r"[^\W\d_]+")  # "I'm" is two: "i", "m"
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
# Words an English sentence can hardly do without and pinyin never spells, so
# that a name ("Wang Fang") or an e-mail address written by a Chinese patient
# does not switch the conversation to English.
_ENGLISH_WORDS = frozenset(
    "i my me mine the is am are was were be been have has had having "
    "do does did don dont didn not no yes yeah yep nope please thanks thank "
    "of and or it this that what when how why who can could would will "
    "with for to in on at from never ever since ago years year months month "
    "weeks sure know call stop hello hi hey okay just about any some".split()
)


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


def language_written(text: str) -> str | None:
    """The language a message shows it is written in, or None when it does not
    tell: "zh" as soon as it holds a Chinese character; "en" for an English
    sentence (two words or more, one of them a common English word: "no
    thanks", "I have lupus") or the word "English". None for an empty
    message, emoji, digits, a button's payload ("/affirm"), one Latin word
    ("ok", "CAR-T", "SLE"), a name in pinyin or an e-mail address, which a
    Chinese patient writes too: the conversation keeps its language."""
    if text.strip().startswith("/"):
        return None
    script = script_of(text)
    if script is Script.CJK:
        return "zh"
    if script is not Script.LATIN:
        return None
    plain = _ADDRESS.sub(" ", unicodedata.normalize("NFKC", text).casefold())
    words = _LETTER_WORD.findall(plain)
    if "english" in words or (len(words) >= 2 and _ENGLISH_WORDS.intersection(words)):
        return "en"
    return None


_ASKS_FOR = (
    ("en", re.compile(r"english|英文|英语|英語")),
    ("zh", re.compile(r"chinese|mandarin|中文|汉语|漢語|普通话|华语|国语")),
)


def language_asked_for(text: str) -> str | None:
    """The language a request to change language names ("English please",
    "请用中文", "能说英语吗", "Chinese please"), or None when it names none or
    both ("我看不懂英文, 用中文吧" names both: the caller keeps the language the
    message is written in)."""
    plain = unicodedata.normalize("NFKC", text).casefold()
    named = [code for code, pattern in _ASKS_FOR if pattern.search(plain)]
    return named[0] if len(named) == 1 else None
