"""Logging in and out, session limits and roles.

A session ends `SESSION_IDLE_MINUTES` after its last request and
`SESSION_MAX_HOURS` after its login, whichever comes first, and at once when
the account is disabled, its password is changed or it logs out (logging out
voids every earlier session of the account, a copied cookie included). Failed logins are
throttled (inbox/throttle.py), except from a browser that logged in to the
account before (inbox/devices.py). Every page but the login page needs a login;
`admin_required` pages also need the admin role (403 otherwise).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import (
    Blueprint,
    abort,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from werkzeug.wrappers import Response

from inbox.accounts import Account
from inbox.devices import DEVICE_COOKIE, LIFETIME, Device
from inbox.i18n import text
from inbox.parts import parts

blueprint = Blueprint("auth", __name__)
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = ""  # the login page says enough
login_manager.session_protection = "strong"

View = TypeVar("View", bound=Callable[..., Any])
DEVICE_PATH = "/login"
"""Where the device cookie is sent: the login form's posts, nowhere else."""


class StaffUser(UserMixin):  # type: ignore[misc]
    """The logged-in account, as Flask-Login sees it."""

    def __init__(self, account: Account) -> None:
        self.account = account

    def get_id(self) -> str:
        return str(self.account.id)


def account() -> Account:
    """The logged-in account (only inside a view that needs a login)."""
    user = cast(StaffUser, current_user)
    return user.account


@login_manager.user_loader  # type: ignore[misc]
def _load_user(user_id: str) -> StaffUser | None:
    found = parts().accounts.by_id(int(user_id))
    if found is None or not found.active:
        return None
    if found.password_changed_at.timestamp() > session.get("password_at", 0.0) + 1e-3:
        return None  # the password changed since this session's login
    revoked = found.sessions_revoked_at
    if revoked is not None and revoked.timestamp() >= session.get("login_at", 0.0):
        return None  # logged out (perhaps elsewhere) since this session's login
    return StaffUser(found)


def enforce_session_limits() -> ResponseReturnValue | None:
    """Before every request: end an idle or too old session; remember the
    account's language for the page."""
    settings = parts().services.settings
    now = time.time()
    if current_user.is_authenticated:
        idle = now - session.get("seen_at", 0.0) > settings.session_idle_minutes * 60
        old = now - session.get("login_at", 0.0) > settings.session_max_hours * 3600
        if idle or old:
            logout_user()
            session.clear()
            flash(text("session_ended"))
            return redirect(url_for("auth.login"))
        session["seen_at"] = now
        g.language = account().language
    else:
        g.language = session.get("language", "en")
    return None


def admin_required(view: View) -> View:
    """The view answers 403 to anyone but an admin."""

    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if not account().is_admin:
            abort(403)
        return view(*args, **kwargs)

    return cast(View, guarded)


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    if request.method != "POST":  # GET, and HEAD, which Flask routes here too
        return render_template("login.html")
    username = request.form.get("username", "")[:64]
    password = request.form.get("password", "")[:1024]
    address = request.remote_addr or "unknown"
    inbox = parts()
    # A browser that logged in to this account before is not held by the
    # account's or the address's throttle (an attacker's failures elsewhere
    # would lock its user out), only by its own count.
    device = inbox.devices.claim(request.cookies.get(DEVICE_COOKIE), username)
    if device is None and inbox.throttle.blocked(username, address):
        inbox.audit.record(_attempted(username), "login_throttled", detail=f"from {address}")
        return render_template("login.html", error=text("login_throttled")), 429
    found = inbox.accounts.authenticate(username, password)
    if found is None:
        return _failed(username, address, device)
    inbox.throttle.succeeded(username, address)
    inbox.audit.record(found.username, "login", detail=f"from {address}")
    _start_session(found)
    response = redirect(url_for("referrals.listing"))
    _trust_browser(
        response, inbox.devices.renew(found.username, request.cookies.get(DEVICE_COOKIE))
    )
    return response


def _failed(username: str, address: str, device: Device | None) -> ResponseReturnValue:
    """A wrong password: counted against the trusted browser it came from,
    else against the account and the address."""
    inbox = parts()
    if device is None:
        inbox.throttle.failed(username, address)
    trusted = "" if device is None else ", a browser trusted for the account"
    inbox.audit.record(_attempted(username), "login_failed", detail=f"from {address}{trusted}")
    response = make_response(render_template("login.html", error=text("login_failed")), 401)
    if device is not None and inbox.devices.failed(device):
        response.delete_cookie(DEVICE_COOKIE, path=DEVICE_PATH)  # trusted no longer
    return response


def _trust_browser(response: Response, cookie: str) -> None:
    """Give the browser its device cookie: sent with logins only, to no script."""
    secure = parts().services.settings.inbox_tls
    response.set_cookie(
        DEVICE_COOKIE,
        cookie,
        max_age=int(LIFETIME.total_seconds()),
        path=DEVICE_PATH,
        secure=secure,
        httponly=True,
        samesite="Strict",
    )


@blueprint.route("/logout", methods=["POST"])
def logout() -> ResponseReturnValue:
    if current_user.is_authenticated:
        parts().accounts.revoke_sessions(account().id)
        parts().audit.record(account().username, "logout")
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))


@blueprint.route("/language", methods=["POST"])
def choose_language() -> ResponseReturnValue:
    """The coordinator's language, kept on the account (or the session before login)."""
    chosen = request.form.get("language", "en")
    chosen = chosen if chosen in ("en", "zh") else "en"
    if current_user.is_authenticated:
        parts().accounts.set_language(account().id, chosen)
    session["language"] = chosen
    back = request.form.get("back", "")
    # Only a path of this site: never an open redirect to another host.
    if not back.startswith("/") or back.startswith("//"):
        back = url_for("referrals.listing")
    return redirect(back)


def _attempted(username: str) -> str:
    """The name a failed login tried, as the log shows it: a known account's
    name, else a marker (a password typed into the name field stays out)."""
    known = parts().accounts.by_name(username) if username.strip() else None
    return known.username if known else "(unknown name)"


def _start_session(found: Account) -> None:
    # A new session for every login: nothing set before it survives (fixation).
    session.clear()
    login_user(StaffUser(found))
    now = time.time()
    session.update(
        login_at=now,
        seen_at=now,
        password_at=found.password_changed_at.timestamp(),
    )
    session.permanent = True
