"""The embedded run's scheduler: what cron or a systemd timer runs in
production (`python -m inbox send-notifications`, `remind-recontact`,
`purge-closed`, `mail-audit-head`), run by `python -m inbox serve --scheduler`
in a daemon thread.

Each job runs at start and then every `every` seconds; a failing job is
logged (its error class only) and tried again at its next turn.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.services import Services
from inbox import jobs

logger = logging.getLogger(__name__)

HOUR = 3600.0


@dataclass(frozen=True)
class Job:
    name: str
    every: float
    run: Callable[[], object]


def embedded_jobs(services: Services) -> list[Job]:
    return [
        Job("send-notifications", services.settings.scheduler_seconds,
            lambda: jobs.send_notifications(services)),
        Job("remind-recontact", HOUR, lambda: jobs.remind_recontact(services)),
        Job("purge-closed", HOUR, lambda: jobs.purge_closed(services)),
        # Hourly, but one mail a day: a day whose first turns fail still gets its own.
        Job("mail-audit-head", HOUR, lambda: jobs.mail_audit_head(services)),
    ]  # fmt: skip


def start(job_list: list[Job], stop: threading.Event | None = None) -> threading.Thread:
    """Run the jobs in a daemon thread until `stop` is set."""
    stop = stop or threading.Event()
    thread = threading.Thread(target=_loop, args=(job_list, stop), name="scheduler", daemon=True)
    thread.start()
    return thread


def _loop(job_list: list[Job], stop: threading.Event) -> None:
    next_run = dict.fromkeys((job.name for job in job_list), 0.0)
    while not stop.is_set():
        now = time.monotonic()
        for job in job_list:
            if now >= next_run[job.name]:
                next_run[job.name] = now + job.every
                try:
                    job.run()
                except Exception as error:  # the next turn tries again
                    logger.warning("%s failed: %s", job.name, type(error).__name__)
        stop.wait(min(job.every for job in job_list) / 4 if job_list else 1.0)
