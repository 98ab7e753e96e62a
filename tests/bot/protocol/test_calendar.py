"""The screening calendar: today at the site (bot/protocol/calendar.py)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.protocol.calendar import screening_date

SITE = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        (datetime(2026, 11, 25, 0, 0, tzinfo=timezone.utc), date(2026, 11, 25)),
        (datetime(2026, 11, 25, 15, 59, 59, tzinfo=timezone.utc), date(2026, 11, 25)),
        (datetime(2026, 11, 25, 16, 0, tzinfo=timezone.utc), date(2026, 11, 26)),
        (datetime(2026, 11, 25, 23, 30, tzinfo=timezone.utc), date(2026, 11, 26)),
        (datetime(2026, 11, 24, 16, 0, tzinfo=timezone.utc), date(2026, 11, 25)),
        (datetime(2026, 11, 25, 11, 30, tzinfo=ZoneInfo("America/New_York")), date(2026, 11, 26)),
        (datetime(2028, 2, 28, 16, 0, tzinfo=timezone.utc), date(2028, 2, 29)),
        (datetime(2026, 12, 31, 16, 0, tzinfo=timezone.utc), date(2027, 1, 1)),
    ],
    ids=lambda value: value.isoformat(),
)
def test_screening_date_is_the_site_calendar_day(instant: datetime, expected: date) -> None:
    assert screening_date(instant) == expected


def test_screening_date_defaults_to_now_at_the_site() -> None:
    before = datetime.now(SITE).date()
    today = screening_date()
    after = datetime.now(SITE).date()
    assert today in {before, after}
