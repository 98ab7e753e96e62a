"""The action server: rasa-sdk's own, started after the referral store's
migration (in a child process) and the outbox flusher, and closed to all but
Rasa.

`python -m actions.server --actions actions --port 5055` takes the same options
as `rasa run actions`. Starting the flusher here, at boot, means referrals kept
while the database was down are stored even if the server restarted since.

Only Rasa may call it: it listens on `ACTION_SERVER_HOST` (127.0.0.1 unless
set), and every route but `/health` refuses a request that does not carry the
shared secret (`ACTION_SERVER_TOKEN`, or the embedded run's local file) as
`Authorization: Bearer <secret>`. An error answers with a short code: rasa-sdk's
own handler answered with the whole request, a patient's tracker, and Rasa
logs an action server's answer at ERROR.
"""

from __future__ import annotations

import hmac
import logging
import subprocess
import sys
import traceback
from typing import Any

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


OPEN_PATHS = frozenset({"/health"})
"""What anyone may ask: whether the server is up."""


def close_to_all_but_rasa(app: Any, token: str) -> None:
    """Refuse every request to `app` without `token` (401, compared in
    constant time) but those to OPEN_PATHS, and answer errors with a short
    code instead of the request."""
    from sanic import response
    from sanic.exceptions import SanicException

    expected = f"Bearer {token}".encode()

    @app.middleware("request")
    async def only_rasa(request: Any) -> Any:
        if request.path in OPEN_PATHS:
            return None
        given = str(request.headers.get("authorization", "")).encode()
        if not hmac.compare_digest(given, expected):
            return response.json({"error": "unauthorized"}, status=401)
        return None

    @app.exception(Exception)
    async def short_error(request: Any, exception: Exception) -> Any:
        if isinstance(exception, SanicException):
            return response.json({"error": "refused"}, status=exception.status_code)
        logger.error("an action request failed: %s", where_it_failed(exception))
        return response.json({"error": "internal_error"}, status=500)


def where_it_failed(exception: BaseException) -> str:
    """The exception's type and the innermost frame's file, line and function:
    enough to find the fault, and never its message, which may quote a reply."""
    frames = traceback.extract_tb(exception.__traceback__)
    if not frames:
        return type(exception).__name__
    last = frames[-1]
    return f"{type(exception).__name__} at {last.filename}:{last.lineno} in {last.name}"


def serve(arguments: Any, host: str, token: str) -> None:
    """rasa-sdk's `run`, on `host`, closed to all but the holder of `token`."""
    from rasa_sdk import utils
    from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
    from rasa_sdk.endpoint import create_app, create_ssl_context
    from rasa_sdk.plugin import plugin_manager

    utils.configure_colored_logging(arguments.loglevel)
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME),
        arguments.log_file, arguments.loglevel, arguments.logging_config_file,
    )  # fmt: skip
    utils.update_sanic_log_level()
    app = create_app(arguments.actions, cors_origins=arguments.cors,
                     auto_reload=arguments.auto_reload)  # fmt: skip
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    close_to_all_but_rasa(app, token)
    ssl = create_ssl_context(
        arguments.ssl_certificate, arguments.ssl_keyfile, arguments.ssl_password
    )
    logger.info("action server on %s:%s, for Rasa only", host, arguments.port)
    app.run(host, arguments.port, ssl=ssl, workers=utils.number_of_sanic_workers())


def main(argv: list[str] | None = None) -> None:
    use_the_standard_distutils()
    from rasa_sdk.endpoint import create_argument_parser

    arguments = create_argument_parser().parse_args(argv)
    migrate_referral_store()
    services = services_from_env()
    services.start_outbox_flusher()
    serve(arguments, services.settings.action_server_host, services.action_server_token())


if __name__ == "__main__":
    main()
