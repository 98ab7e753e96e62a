"""The bilingual tokenizer: English as the WhitespaceTokenizer cut it, Chinese in
jieba's words, jieba loaded once and quietly."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

import jieba
import pytest
import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from components import bilingual_tokenizer
from components.bilingual_tokenizer import HAN, BilingualTokenizer

ROOT = Path(__file__).parents[2]


def examples(*patterns: str) -> list[str]:
    texts = []
    for pattern in patterns:
        for path in sorted(ROOT.glob(pattern)):
            for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
                texts += [
                    line.strip()[2:]
                    for line in item.get("examples", "").splitlines()
                    if line.strip().startswith("- ")
                ]
    return texts


ENGLISH = [
    text
    for text in examples("data/nlu/*.yml", "tests/nlu_holdout.yml", "tests/nlu_holdout_blind.yml")
    if not HAN.search(text)
]
CHINESE = examples("data/nlu/zh_*.yml")


def tokenizer() -> BilingualTokenizer:
    return BilingualTokenizer(BilingualTokenizer.get_default_config())


def tokens(text: str) -> list[tuple[str, int]]:
    message = Message(data={TEXT: text})
    return [(token.text, token.start) for token in tokenizer().tokenize(message, TEXT)]


def test_english_is_tokenised_as_the_whitespace_tokenizer_did() -> None:
    assert len(ENGLISH) > 3000
    ours, rasas = tokenizer(), WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    for text in ENGLISH:
        message = Message(data={TEXT: text})
        assert [(t.text, t.start, t.end) for t in ours.tokenize(message, TEXT)] == [
            (t.text, t.start, t.end) for t in rasas.tokenize(message, TEXT)
        ], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我没有做过", [("我", 0), ("没有", 1), ("做过", 3)]),
        ("CAR-T没做过", [("CAR-T", 0), ("没", 5), ("做", 6), ("过", 7)]),
        ("45岁", [("45", 0), ("岁", 2)]),
        ("做过,没有", [("做过", 0), ("没有", 3)]),  # punctuation between them dropped
        ("不清楚。", [("不", 0), ("清楚", 1)]),
        ("系统性红斑狼疮", [("系统性", 0), ("红斑狼疮", 3)]),
        (
            "I am 45, 住在太原",
            [("I", 0), ("am", 2), ("45", 5), ("住", 9), ("在", 10), ("太原", 11)],
        ),
        ("我是SLE患者(狼疮)", [("我", 0), ("是", 1), ("SLE", 2), ("患者", 5), ("狼疮", 8)]),
    ],
)
def test_runs_of_chinese_are_cut_into_words_and_latin_kept_whole(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert tokens(text) == expected


def test_chinese_beside_english_is_kept() -> None:
    """Rasa's WhitespaceTokenizer takes Chinese characters for emoji and drops them."""
    rasas = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    message = Message(data={TEXT: "hello 你好"})
    assert [t.text for t in rasas.tokenize(message, TEXT)] == ["hello"]
    assert tokens("hello 你好") == [("hello", 0), ("你好", 6)]


@pytest.mark.parametrize("text", ["？？", ":)", "👍", "。。。"])  # noqa: RUF001
def test_a_message_of_punctuation_or_emoji_alone_is_one_token(text: str) -> None:
    assert tokens(text) == [(text, 0)]


def test_every_chinese_training_example_gets_words_at_their_place() -> None:
    assert len(CHINESE) > 2000
    for text in CHINESE:
        found = tokens(text)
        assert found, text
        assert all(text[start : start + len(word)] == word for word, start in found), text
        assert any(HAN.search(word) for word, _ in found), text


def test_rasa_sets_the_tokens_through_process() -> None:
    message = Message(data={TEXT: "我没有做过"})
    tokenizer().process([message])
    assert [t.text for t in message.get(TOKENS_NAMES[TEXT])] == ["我", "没有", "做过"]


def test_it_is_registered_as_a_tokenizer_and_needs_no_training() -> None:
    registered = DefaultV1Recipe._registered_components[BilingualTokenizer.__name__]
    assert registered.clazz is BilingualTokenizer
    assert DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER in registered.types
    assert registered.is_trainable is False
    assert BilingualTokenizer.supported_languages() == ["en", "zh"]


@pytest.fixture
def fresh_jieba(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """No segmenter loaded yet, and a temporary directory where jieba cannot write
    its cache; returns the dictionaries loaded."""
    loaded: list[str] = []
    initialize = jieba.Tokenizer.initialize

    def counting(self: Any, dictionary: str | None = None) -> None:
        loaded.append(str(dictionary))
        initialize(self, dictionary)

    monkeypatch.setattr(bilingual_tokenizer, "_segmenter", None)
    monkeypatch.setattr(jieba.Tokenizer, "initialize", counting)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "not-there"))
    return loaded


def test_jieba_loads_once_per_process(fresh_jieba: list[str]) -> None:
    for _ in range(3):
        tokenizer().tokenize(Message(data={TEXT: "我没有做过"}), TEXT)
    assert len(fresh_jieba) == 1


def test_jieba_logs_no_error_and_prints_nothing(
    fresh_jieba: list[str], caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    tokenizer()
    records = [r for r in caplog.records if r.name == "jieba"]
    assert any("Building prefix dict" in r.getMessage() for r in records)
    assert [(r.levelname, r.getMessage()) for r in records if r.levelno >= logging.WARNING] == [
        ("WARNING", "Dump cache file failed.")  # jieba's, an ERROR with a traceback
    ]
    assert capsys.readouterr().err == ""


def test_the_cache_is_the_users_own() -> None:
    name = bilingual_tokenizer.cache_file_name()
    assert name.startswith(f"jieba-{jieba.__version__}-u") and name.endswith(".cache")
