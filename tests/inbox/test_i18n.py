"""Times in the site's zone; every text in both languages."""

from __future__ import annotations

from datetime import datetime, timezone

from inbox.i18n import TEXTS, site_time, site_today


def test_times_are_shown_in_asia_shanghai() -> None:
    assert site_time(datetime(2026, 11, 27, 18, 30, tzinfo=timezone.utc)) == "2026-11-28 02:30"
    assert site_time(datetime(2026, 11, 27, 18, 30)) == "2026-11-28 02:30"  # stored naive: UTC
    assert site_today(datetime(2026, 11, 27, 16, 0, tzinfo=timezone.utc)).day == 28


def test_every_text_has_english_and_chinese() -> None:
    assert [key for key, entry in TEXTS.items() if set(entry) != {"en", "zh"}] == []
    assert [key for key, entry in TEXTS.items() if not all(entry.values())] == []


def test_every_note_staff_must_read_has_a_text_in_both_languages() -> None:
    import re

    from bot.settings import PROJECT_ROOT
    from inbox.i18n import TEXTS

    source = (PROJECT_ROOT / "bot" / "protocol" / "criteria.py").read_text()
    notes = set(re.findall(r'\b(?:verify|met)\("(\w+)"\)', source))

    assert len(notes) > 10
    assert [n for n in sorted(notes) if set(TEXTS.get(f"note.{n}", {})) != {"en", "zh"}] == []
