"""The action server: rasa-sdk's own, started after the referral store's
migration (in a child process) and the outbox flusher.

`python -m actions.server --actions actions --port 5055` takes the same options
as `rasa run actions`. Starting the flusher here, at boot, means referrals kept
while the database was down are stored even if the server restarted since.
"""

from __future__ import annotations

import logging
import subprocess
import sys

from bot.services import services_from_env

logger = logging.getLogger(__name__)


def migrate_referral_store() -> None:
    """Migrate the referral store in a short-lived child process: Alembic is
    needed once, and this server would hold its 5 MiB for its whole life. If
    the child fails (the database is down), this process migrates when it
    first reaches the store, as it always could."""
    child = subprocess.run(
        [sys.executable, "-m", "bot.referrals.schema"], capture_output=True, check=False
    )
    if child.returncode:
        logger.warning("referral store not migrated at start (exit %s): later", child.returncode)


def use_the_standard_distutils() -> None:
    """Take setuptools' replacement of distutils out of the import system, so
    Python's own distutils is imported. rasa-sdk's Sanic CORS imports distutils
    for one version comparison; setuptools' copy imports setuptools, 4 MiB and
    85 ms this server would hold for nothing. Call before importing rasa_sdk."""
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__module__ != "_distutils_hack"]


def main(argv: list[str] | None = None) -> None:
    use_the_standard_distutils()
    from rasa_sdk.__main__ import main_from_args
    from rasa_sdk.endpoint import create_argument_parser

    arguments = create_argument_parser().parse_args(argv)
    migrate_referral_store()
    services_from_env().start_outbox_flusher()
    main_from_args(arguments)


if __name__ == "__main__":
    main()
