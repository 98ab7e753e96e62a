"""The inbox's commands: `python -m inbox <command>` (see `--help`).

Every command reads its settings from the environment (bot/settings.py), as
the servers do; each prints counts or addresses, never patient data.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence

from bot.services import Services
from bot.settings import Settings, inbox_address
from inbox import jobs, scheduler
from inbox.accounts import AccountError, AccountStore, Role
from inbox.audit import AuditLog


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m inbox", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the inbox (waitress)")
    serve.add_argument(
        "--scheduler", action="store_true",
        help="also send notifications and reminders from this process (embedded run)",
    )  # fmt: skip
    admin = commands.add_parser("create-admin", help="create the first admin account")
    admin.add_argument("username")
    admin.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    commands.add_parser("verify-audit", help="check the audit log's HMAC chain")
    commands.add_parser("send-notifications", help="e-mail the coordinators what is due")
    commands.add_parser(
        "remind-recontact", help="queue and send reminders of deferred patients now due"
    )
    commands.add_parser("purge-closed", help="delete referrals closed RETENTION_DAYS ago")
    args = parser.parse_args(argv)
    services = Services(Settings.from_env())
    handlers: dict[str, Callable[[Services, argparse.Namespace], int]] = {
        "serve": _serve,
        "create-admin": _create_admin,
        "verify-audit": _verify_audit,
        "send-notifications": _send_notifications,
        "remind-recontact": _remind_recontact,
        "purge-closed": _purge_closed,
    }
    return handlers[args.command](services, args)


def _serve(services: Services, args: argparse.Namespace) -> int:
    import waitress  # only the server needs it

    from inbox.app import create_app

    app = create_app(services)
    settings = services.settings
    if args.scheduler:
        scheduler.start(scheduler.embedded_jobs(services))
    print(f"inbox: {inbox_address(settings)}", flush=True)
    waitress.serve(
        app, host=settings.inbox_host, port=settings.inbox_port, threads=4, ident="",
        # Waitress drops X-Forwarded-* by default; behind the proxy the app's
        # ProxyFix reads them (INBOX_PROXIES), else the login throttle would
        # count every client as the proxy's one address.
        clear_untrusted_proxy_headers=not settings.inbox_proxies,
    )  # fmt: skip
    return 0


def _create_admin(services: Services, args: argparse.Namespace) -> int:
    services.referrals  # noqa: B018 - migrates the schema
    accounts = AccountStore(services.engine)
    if accounts.admins_exist():
        print("an admin exists already: create further accounts in the inbox", file=sys.stderr)
        return 1
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("password (12 characters or more): ")
    try:
        accounts.create(args.username, password, Role.ADMIN)
    except AccountError as error:
        print(f"not created: {error}", file=sys.stderr)
        return 1
    print(f"admin {args.username.strip().lower()} created")
    return 0


def _verify_audit(services: Services, args: argparse.Namespace) -> int:
    """0 when the chain is intact; 1, naming the first broken entries, if not."""
    services.referrals  # noqa: B018 - migrates the schema
    log = AuditLog(services.engine, services.audit_key)
    broken = log.verify()
    if broken:
        print(f"audit log BROKEN at entries {broken[:20]}", file=sys.stderr)
        return 1
    print(f"audit log intact ({log.count()} entries, last {log.last_mac()})")
    return 0


def _send_notifications(services: Services, args: argparse.Namespace) -> int:
    """Send what is due; 0 unless a send failed (cron then reports it)."""
    if not services.mailer.configured:
        print("SMTP_HOST or COORDINATOR_EMAILS not set: notifications wait", file=sys.stderr)
    report = jobs.send_notifications(services)
    print(f"sent {report.sent}, failed {report.failed}, waiting {services.delivery.pending()}")
    return 1 if report.failed else 0


def _remind_recontact(services: Services, args: argparse.Namespace) -> int:
    reminded = jobs.remind_recontact(services)
    print(f"reminders queued {reminded.queued}, sent {reminded.report.sent}, "
          f"failed {reminded.report.failed}")  # fmt: skip
    return 1 if reminded.report.failed else 0


def _purge_closed(services: Services, args: argparse.Namespace) -> int:
    print(f"purged {jobs.purge_closed(services)} closed referrals")
    return 0
