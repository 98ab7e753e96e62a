# Patients type full-width punctuation: the cases keep it as typed.
# ruff: noqa: RUF001
"""The Chinese cues of the requests that leave the questions: every way the
Chinese training data asks for them carries them, and answers that were (or
could be) taken for them do not."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
import yaml

from bot.reading import side_requests as _core_side_requests
from bot.reading.zh.side_requests import WORDS as _zh_side_requests_words
from bot.reading.zh.wording import WORDING
from bot.settings import PROJECT_ROOT

carries_side_request = partial(_core_side_requests.carries_side_request, _zh_side_requests_words)

GATED = ("request_human", "stop", "start_over", "delete_my_data", "correct")


def training_examples(intent: str) -> list[str]:
    examples = []
    for path in sorted(Path(PROJECT_ROOT, "data", "nlu").glob("zh_*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if item.get("intent") == intent:
                examples += [line.strip()[2:] for line in item["examples"].splitlines()]
    return [example for example in examples if example]


@pytest.mark.parametrize("intent", GATED)
def test_every_chinese_training_example_of_a_request_carries_its_cues(intent: str) -> None:
    examples = training_examples(intent)

    assert len(examples) > 40
    assert [e for e in examples if not carries_side_request(intent, e)] == []


@pytest.mark.parametrize(
    ("intent", "answer"),
    [
        ("request_human", "我是男的"),
        ("request_human", "男的，不可能怀孕"),
        ("request_human", "医生说是狼疮"),
        ("request_human", "得问问我的主治医生"),  # a hedge, no request for a person
        ("request_human", "去医院找医生看过，说没事"),
        ("request_human", "洗澡上厕所都要叫人扶"),
        ("request_human", "门诊电话随访过一次"),
        ("stop", "没有，一直在吃激素"),
        ("stop", "激素停了三个月了"),
        ("stop", "停止用药两周了"),
        ("stop", "先停了甲氨蝶呤"),
        ("stop", "那个试验上个月提前终止了"),
        ("stop", "后来退出了那个研究"),
        ("stop", "原来参加过，现在不参加了"),
        ("stop", "手术取消了，改成化疗"),
        ("stop", "重活不干了，在家歇着"),
        ("stop", "上周结束了"),
        ("start_over", "从来没有"),
        ("start_over", "去年复发，又开始吃药了"),
        ("delete_my_data", "乙肝病毒已经清除了"),
        ("delete_my_data", "忘了我是哪天打的"),
        ("delete_my_data", "记录上写的是干燥综合征"),
        ("correct", "还在观察，没做任何治疗"),
        ("correct", "没做过CAR-T，但是做过骨髓移植"),
        ("correct", "心脏有点不对劲"),
        ("correct", "应该是2020年吧"),
        ("correct", "我没记错的话是三月份"),
        ("correct", "上一个试验早就结束了"),
        ("correct", "这不算大病吧"),
    ],
)
def test_answers_taken_for_a_request_carry_none_of_its_cues(intent: str, answer: str) -> None:
    assert not carries_side_request(intent, answer)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("为什么问这个", True),
        ("什么是CAR-T", True),
        ("打疫苗也算吗", True),
        ("这个要多久？", True),
        ("不知道，这个算吗", True),
        ("为什么我也要填这个", True),
        # "any" and one's own doubt ask nothing of us
        ("什么手术都没做过", False),
        ("哪儿都不疼", False),
        ("啥时候打电话都可以", False),
        ("不清楚是不是活疫苗", False),
        ("不记得吃的是什么药", False),
        ("我也不知道还能不能生", False),
    ],
)
def test_what_is_asked_back(text: str, asks: bool) -> None:
    assert WORDING.is_question(text) is asks
