"""The screening calendar: the day every time window is counted from.

Windows are counted in the site's calendar (Asia/Shanghai, Taiyuan), whatever
the server's or the patient's time zone.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.protocol.criteria import SITE_TIMEZONE


def screening_date(now: datetime | None = None) -> date:
    """Today in the site's calendar: the day every time window is counted from.
    `now`, if given, must be timezone-aware."""
    if now is not None and now.tzinfo is None:
        raise ValueError("screening_date needs an aware datetime")
    return (now or datetime.now(ZoneInfo(SITE_TIMEZONE))).astimezone(ZoneInfo(SITE_TIMEZONE)).date()
