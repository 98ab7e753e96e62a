"""The answer batteries typed without servers (harness/in_process.py): the
trained model and the action server's classes in the test process, loaded
once for this module.

The adversarial batteries are held to the same bar as through the servers
(`python -m scripts.answer_battery`, the full-server run kept out of the
suite since it repeats this one over HTTP): no answer stored firmly wrong, fewer than
10% of the clear answers asked again. The closed-world batteries (issue 27,
scored by what each stored answer decides: harness/safety.py) are held to a
ratchet: per conversation language, no more UNSAFE and no more WRONG answers
than tests/answers/closed_world_ratchet.yml records. A reader that gets worse
fails here; one that gets better is told to lower the numbers, by hand.

Marked e2e: it needs the trained model, which scripts/test trains beside the
unit tests (the `model` fixture trains it when it is missing).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.protocol.calendar import screening_date
from bot.settings import PROJECT_ROOT
from harness.answer_battery import BATTERY_EN, BATTERY_ZH, CLOSED_WORLD, load
from harness.in_process import InProcessAssistant, run_in_process
from harness.safety import counts_by_language
from tests.support.answer_batteries import check_battery

pytestmark = pytest.mark.e2e

RATCHET = PROJECT_ROOT / "tests" / "answers" / "closed_world_ratchet.yml"
RATCHETED = ("unsafe", "wrong")


@pytest.fixture(scope="module")
def assistant(model: Path) -> InProcessAssistant:
    return InProcessAssistant(model)


@pytest.mark.parametrize(("battery", "language"), [(BATTERY_EN, "en"), (BATTERY_ZH, "zh")])
def test_no_answer_of_the_battery_is_stored_firmly_wrong_and_few_are_asked_again(
    assistant: InProcessAssistant, battery: Path, language: str
) -> None:
    check_battery(run_in_process(assistant, load([battery])), language)


def test_the_closed_world_batteries_get_no_more_unsafe_or_wrong_answers_than_recorded(
    assistant: InProcessAssistant,
) -> None:
    counts = counts_by_language(run_in_process(assistant, load(CLOSED_WORLD)), screening_date())
    recorded = yaml.safe_load(RATCHET.read_text(encoding="utf-8"))
    measured = {language: {v: counts[language][v] for v in RATCHETED} for language in counts}
    print(f"\nclosed world, measured: {measured}; recorded: {recorded}")
    assert set(measured) == set(recorded)
    worse = [
        f"{language} {verdict}: {n} (recorded {recorded[language][verdict]})"
        for language, found in measured.items()
        for verdict, n in found.items()
        if n > recorded[language][verdict]
    ]
    assert worse == []
    if measured != recorded:
        print(f"better than recorded: lower {RATCHET.name} to {measured}")
