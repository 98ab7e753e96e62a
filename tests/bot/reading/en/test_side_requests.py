"""The cues of the requests that leave the questions: every way the training
data asks for them carries them, and answers that were taken for them do not."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
import yaml

from bot.reading import side_requests as _core_side_requests
from bot.reading.en.side_requests import WORDS as _en_side_requests_words
from bot.settings import PROJECT_ROOT

carries_side_request = partial(_core_side_requests.carries_side_request, _en_side_requests_words)

GATED = ("request_human", "stop", "start_over", "delete_my_data", "correct")


def training_examples(intent: str) -> list[str]:
    examples = []
    for path in sorted(Path(PROJECT_ROOT, "data", "nlu").glob("*.yml")):
        if path.name.startswith("zh_"):
            continue  # the Chinese examples carry the Chinese reader's cues
        for item in yaml.safe_load(path.read_text())["nlu"]:
            if item.get("intent") == intent:
                examples += [line.strip()[2:] for line in item["examples"].splitlines()]
    return [example for example in examples if example]


@pytest.mark.parametrize("intent", GATED)
def test_every_training_example_of_a_request_carries_its_cues(intent: str) -> None:
    examples = training_examples(intent)

    assert len(examples) > 50
    assert [e for e in examples if not carries_side_request(intent, e)] == []


@pytest.mark.parametrize(
    ("intent", "answer"),
    [
        ("request_human", "I'm a man"),
        ("request_human", "speaking as a man"),
        ("stop", "got a cold but I'm not taking anything for it"),
        ("delete_my_data", "they tested me for everything and nobody ever said anything"),
        ("correct", "still on watch and wait, no treatment yet"),
        ("correct", "no CAR-T, but I did have a bone marrow transplant"),
        ("start_over", "never had one"),
    ],
)
def test_answers_taken_for_a_request_carry_none_of_its_cues(intent: str, answer: str) -> None:
    assert not carries_side_request(intent, answer)
