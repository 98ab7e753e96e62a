"""One tokenizer for the one model that serves English and Simplified Chinese.

Rasa's WhitespaceTokenizer leaves a Chinese sentence as one word ("我没有做过")
and drops Chinese words beside Latin ones ("hello 你好" -> "hello": see
_WHITESPACE_PUNCTUATION); its JiebaTokenizer refuses `language: en`. This one
splits every message as the WhitespaceTokenizer does (English is tokenised
exactly as before), then cuts each run of Chinese characters inside a token into
words with jieba 0.42.1:
"CAR-T没做过" -> "CAR-T", "没", "做过". Latin letters and digits next to Chinese
stay whole tokens ("45岁" -> "45", "岁"); punctuation between them is dropped.

jieba builds its prefix dictionary once per process (about 0.5 s; kept in a cache
file in the temporary directory, one per user so that no user trips over
another's file) and logs through Python's logging at DEBUG instead of printing
to stderr; a cache it cannot write is a warning, not an error (it only costs the
next start the 0.5 s).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from typing import Any

import jieba
import regex
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

# CJK unified ideographs, extension A and the compatibility block: the characters
# of Simplified (and Traditional) Chinese. Full-width punctuation is not among them.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Between two runs of Chinese: keep what has a letter or a digit, trimmed of the
# punctuation around it as the WhitespaceTokenizer trims a word.
_LATIN_WORD = re.compile(r"[\w#@&](?:.*[\w#@&])?", re.DOTALL)

# The WhitespaceTokenizer's split (rasa 3.6.21, whitespace_tokenizer.py), kept
# as it is so that English is tokenised as before. Its emoji removal is not
# applied to Chinese: its emoji pattern spans U+24C2-U+1F251, every Chinese
# character included, so it drops "你好" from "hello 你好" and keeps a Chinese
# sentence whole only when nothing else is left.
_WHITESPACE_PUNCTUATION = regex.compile(
    r"[^\w#@&]+(?=\s|$)|"
    r"(\s|^)[^\w#@&]+(?=[^0-9\s])|"
    r"(?<=[^0-9\s])[^\w._~:/?#\[\]()@!$&*+,;=-]+(?=[^0-9\s])"
)

_JIEBA_LOGGER = logging.getLogger("jieba")
_load_lock = threading.Lock()
_segmenter: jieba.Tokenizer | None = None


class _CacheWriteIsNoError(logging.Filter):
    """jieba logs a failed write of its cache file as an exception: it is not one."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and "cache" in record.getMessage().lower():
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info, record.exc_text = None, None
        return True


def _quiet_jieba() -> None:
    """jieba prints to stderr with its own handler at DEBUG: use the app's logging."""
    for handler in list(_JIEBA_LOGGER.handlers):
        _JIEBA_LOGGER.removeHandler(handler)
    _JIEBA_LOGGER.setLevel(logging.NOTSET)
    if not any(isinstance(f, _CacheWriteIsNoError) for f in _JIEBA_LOGGER.filters):
        _JIEBA_LOGGER.addFilter(_CacheWriteIsNoError())


def cache_file_name() -> str:
    """The prefix dictionary's cache, per jieba version and per user."""
    user = os.getuid() if hasattr(os, "getuid") else 0
    return f"jieba-{jieba.__version__}-u{user}.cache"


def segmenter() -> jieba.Tokenizer:
    """jieba's segmenter with its dictionary loaded: once per process."""
    global _segmenter
    with _load_lock:
        if _segmenter is None:
            _quiet_jieba()
            loading = jieba.Tokenizer()
            loading.cache_file = cache_file_name()
            loading.initialize()
            _segmenter = loading
        return _segmenter


def split_token(token: Token) -> list[Token]:
    """The token itself, or its Chinese runs cut into words and the rest kept whole."""
    if not HAN.search(token.text):
        return [token]
    pieces: list[Token] = []
    position = 0
    for run in HAN.finditer(token.text):
        pieces += _latin(token, position, run.start())
        pieces += [
            Token(word, token.start + run.start() + start)
            for word, start, _ in segmenter().tokenize(run.group())
        ]
        position = run.end()
    return pieces + _latin(token, position, len(token.text))


def _latin(token: Token, start: int, end: int) -> list[Token]:
    word = _LATIN_WORD.search(token.text, start, end)
    return [Token(word.group(), token.start + word.start())] if word else []


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False
)  # fmt: skip
class BilingualTokenizer(Tokenizer):
    """Whitespace tokens for Latin script, jieba's words for runs of Chinese."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return dict(WhitespaceTokenizer.get_default_config())

    @staticmethod
    def supported_languages() -> list[str] | None:
        return ["en", "zh"]

    @staticmethod
    def required_packages() -> list[str]:
        return ["jieba"]

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self._whitespace = WhitespaceTokenizer(config)
        segmenter()  # at start-up, not on the first Chinese message

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> BilingualTokenizer:
        return cls(config)

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text: str = message.get(attribute)
        words = [
            word if HAN.search(word) else self._whitespace.remove_emoji(word)
            for word in _WHITESPACE_PUNCTUATION.sub(" ", text).split()
        ]
        # A message of punctuation or emoji alone (":)", full-width "??") stays one token.
        words = [word for word in words if word] or [text]
        return [
            piece
            for token in self._convert_words_to_tokens(words, text)
            for piece in split_token(token)
        ]
