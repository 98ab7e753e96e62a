"""Admin pages: staff accounts (create, disable, enable, set a new password)
and the whole audit log. Every route answers 403 to coordinators."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required

from inbox.accounts import AccountError, Role
from inbox.auth import account, admin_required
from inbox.i18n import text
from inbox.parts import parts

blueprint = Blueprint("admin", __name__, url_prefix="/admin")


@blueprint.route("/accounts")
@login_required  # type: ignore[misc]
@admin_required
def accounts() -> ResponseReturnValue:
    return render_template("accounts.html", accounts=parts().accounts.all(), roles=list(Role))


@blueprint.route("/accounts", methods=["POST"])
@login_required  # type: ignore[misc]
@admin_required
def create_account() -> ResponseReturnValue:
    form = request.form
    try:
        role = Role(form.get("role", ""))
        made = parts().accounts.create(
            form.get("username", ""), form.get("password", ""), role, form.get("language", "en")
        )
    except AccountError as error:
        flash(text(str(error)))
    except ValueError:
        flash(text("not_allowed"))
    else:
        parts().audit.record(account().username, "account_created", detail=_who(made.username))
        flash(text("changed"))
    return redirect(url_for("admin.accounts"))


@blueprint.route("/accounts/<int:account_id>/active", methods=["POST"])
@login_required  # type: ignore[misc]
@admin_required
def set_active(account_id: int) -> ResponseReturnValue:
    active = request.form.get("active") == "1"
    if account_id == account().id and not active:
        flash(text("not_allowed"))  # an admin never locks themself out
        return redirect(url_for("admin.accounts"))
    _change(account_id, "account_enabled" if active else "account_disabled",
            lambda: parts().accounts.set_active(account_id, active))  # fmt: skip
    return redirect(url_for("admin.accounts"))


@blueprint.route("/accounts/<int:account_id>/password", methods=["POST"])
@login_required  # type: ignore[misc]
@admin_required
def set_password(account_id: int) -> ResponseReturnValue:
    password = request.form.get("password", "")
    _change(account_id, "password_reset",
            lambda: parts().accounts.set_password(account_id, password))  # fmt: skip
    return redirect(url_for("admin.accounts"))


@blueprint.route("/audit")
@login_required  # type: ignore[misc]
@admin_required
def audit() -> ResponseReturnValue:
    inbox = parts()
    return render_template("audit.html", audit=inbox.audit.entries(), broken=inbox.audit.verify())


def _change(account_id: int, action: str, change: Callable[[], None]) -> None:
    target = parts().accounts.by_id(account_id)
    try:
        change()
    except AccountError as error:
        flash(text(str(error)))
        return
    name = target.username if target else str(account_id)
    parts().audit.record(account().username, action, detail=_who(name))
    flash(text("changed"))


def _who(username: str) -> str:
    return f"account {username}"
