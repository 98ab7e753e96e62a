"""The inbox's commands: `python -m inbox <command>` (see `--help`).

Every command reads its settings from the environment (bot/settings.py), as
the servers do; each prints counts or addresses, never patient data.
"""

from __future__ import annotations

import argparse
import getpass
import smtplib
import sys
from collections.abc import Callable, Sequence

from bot.referrals.audit_head import Head, read_head
from bot.services import Services
from bot.settings import Settings, inbox_address
from inbox import jobs, scheduler
from inbox.accounts import AccountError, AccountStore, Role
from inbox.audit import AuditLog, Comparison, Standing


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
    verify = commands.add_parser("verify-audit", help="check the audit log's HMAC chain")
    verify.add_argument(
        "--expect", type=_head, metavar="COUNT:MAC",
        help="a head recorded earlier (a mail's): report a cut or a rewrite since",
    )  # fmt: skip
    commands.add_parser("audit-head", help="print the audit log's head, COUNT:MAC")
    restore = commands.add_parser(
        "record-restore", help="append 'restored from a backup at COUNT:MAC' (after a restore)"
    )
    restore.add_argument(
        "--backup", type=_head, metavar="COUNT:MAC",
        help="the head taken with the backup: refuse unless the log's head is that one",
    )  # fmt: skip
    commands.add_parser("mail-audit-head", help="mail the audit log's head (once a day)")
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
        "audit-head": _audit_head,
        "record-restore": _record_restore,
        "mail-audit-head": _mail_audit_head,
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


def _head(written: str) -> Head:
    try:
        return Head.parse(written)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _audit_log(services: Services) -> AuditLog:
    services.referrals  # noqa: B018 - migrates the schema
    return AuditLog(services.engine, services.audit_key)


def _verify_audit(services: Services, args: argparse.Namespace) -> int:
    """0 when the chain is intact (and holds the expected head); 1, saying
    what is wrong, if not."""
    log = _audit_log(services)
    if args.expect is not None:
        return _against(log.compare(args.expect), args.expect)
    broken = log.verify()
    if broken:
        print(f"audit log BROKEN at entries {broken[:20]}", file=sys.stderr)
        return 1
    print(f"audit log intact ({log.count()} entries, head {log.head()})")
    return 0


def _against(found: Comparison, expected: Head) -> int:
    now, restore = found.now, found.restore
    if found.standing is Standing.INTACT:
        print(f"audit log intact: holds {expected} ({now.count} entries, head {now})")
        return 0
    if found.standing is Standing.BROKEN:
        problem = f"BROKEN at entries {list(found.broken[:20])}"
    elif found.standing is Standing.CUT:
        problem = (
            f"CUT: {found.lost} entries missing ({now.count} of the {expected.count} expected)"
        )
    elif restore is not None:  # RESTORED
        problem = (
            f"restored to {restore.backup.count}, {found.lost} entries lost (entry "
            f"{restore.backup.count + 1}, of {restore.at:%Y-%m-%d %H:%M} UTC, records the "
            f"restore from a backup at {restore.backup}; a head recorded after that time "
            "and not found means a cut)"
        )
    else:
        problem = (
            f"REWRITTEN: its entry {expected.count} is not the expected one (re-chained "
            f"with the key, or cut and appended to; now {now.count} entries)"
        )
    print(f"audit log {problem}", file=sys.stderr)
    return 1


def _audit_head(services: Services, args: argparse.Namespace) -> int:
    """Prints COUNT:MAC alone, for another host that keeps heads (over ssh):
    it needs DATABASE_URL only, and neither migrates nor makes a key."""
    with services.engine.connect() as connection:
        print(read_head(connection))
    return 0


def _record_restore(services: Services, args: argparse.Namespace) -> int:
    try:
        head = _audit_log(services).record_restore(args.backup)
    except ValueError as error:
        print(f"not recorded: {error}", file=sys.stderr)
        return 1
    print(f"recorded: restored from a backup at {head}")
    return 0


def _mail_audit_head(services: Services, args: argparse.Namespace) -> int:
    if not services.mailer.configured:
        print("SMTP_HOST or COORDINATOR_EMAILS not set: no head mailed", file=sys.stderr)
        return 1
    try:
        head = jobs.mail_audit_head(services)
    except (smtplib.SMTPException, OSError) as error:
        print(f"audit head not mailed: {type(error).__name__}", file=sys.stderr)
        return 1
    print(f"audit head mailed: {head}" if head else "today's audit head mail went out already")
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
