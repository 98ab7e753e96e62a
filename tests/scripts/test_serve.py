"""scripts/run's supervisor (scripts/serve.py): what it shows of the servers,
and what it does beside serving."""

from __future__ import annotations

from bot.settings import Settings
from scripts.serve import PURGE_EVERY, Daily, keys_beside_the_data, on_screen


def test_the_run_shows_warnings_and_errors_and_keeps_info_in_the_logs() -> None:
    assert not on_screen("2026-12-07 11:30:35 INFO     rasa.server  - Starting")
    assert not on_screen("\x1b[0m2026-12-07 11:30:35 DEBUG    rasa.core  - x")
    assert on_screen("2026-12-07 11:30:35 WARNING  rasa.core  - x")
    assert on_screen("2026-12-07 11:30:35 ERROR    rasa.core  - x")
    assert on_screen("Traceback (most recent call last):")


def test_the_purge_is_due_at_start_and_then_daily() -> None:
    daily = Daily()
    assert daily.due(100.0)
    daily.ran(100.0)
    assert not daily.due(100.0 + PURGE_EVERY - 1)
    assert daily.due(100.0 + PURGE_EVERY)


def test_the_embedded_run_says_when_its_keys_sit_beside_its_data() -> None:
    assert keys_beside_the_data(Settings())
    assert not keys_beside_the_data(Settings(keys=("k",)))
    assert not keys_beside_the_data(Settings(database_url="postgresql://db/prescreen"))
