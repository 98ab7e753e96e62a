"""The adversarial batteries (tests/answers/battery.yml and, in Chinese,
tests/answers/battery_zh.yml, each written blind to the readers): every
answer typed at its question through the REST channel of the real servers,
the stored slot read back from the tracker store.

No firm wrong answer is tolerated: a wrong yes, no, choice or date, or any
value stored for something that is no answer, fails the suite; so does
asking again 10% or more of the clear answers in the battery's own language
(issue 14's ceiling, issue 16's for Chinese). docs/quality.md has the tables.
The same batteries are typed without servers too
(tests/e2e/test_answer_battery_in_process.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.answer_battery import BATTERY_EN, BATTERY_ZH, load, run
from harness.servers import RasaServer
from tests.support.answer_batteries import check_battery

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(("battery", "language"), [(BATTERY_EN, "en"), (BATTERY_ZH, "zh")])
def test_no_answer_of_the_battery_is_stored_firmly_wrong_and_few_are_asked_again(
    rasa: RasaServer, battery: Path, language: str
) -> None:
    check_battery(run(rasa.url, rasa.workdir / "rasa.db", load([battery]), workers=2), language)
