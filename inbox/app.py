"""The inbox's Flask application factory.

`create_app(services)` is all a server (waitress, the tests) needs. Settings
come from `services.settings` (bot/settings.py): cookie security, session
limits, the secret key. Every page is escaped by Jinja's autoescaping, sent
with a strict Content-Security-Policy and never cached.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Flask, render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Response

from bot.private_files import local_secret
from bot.services import Services
from inbox import admin, auth, views
from inbox.i18n import language, site_date, site_time, text
from inbox.parts import build_parts, parts

csrf = CSRFProtect()

HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Same-origin only: Flask-WTF checks the Referer of form posts over HTTPS.
    "Referrer-Policy": "same-origin",
    # Pages show patient data: no browser or proxy may keep a copy.
    "Cache-Control": "no-store",
}


def create_app(services: Services) -> Flask:
    """The inbox on `services` (its database migrated on creation)."""
    settings = services.settings
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=settings.inbox_secret or local_secret(settings.key_file.parent / "inbox.secret"),
        SESSION_COOKIE_NAME="inbox_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.inbox_tls,
        REMEMBER_COOKIE_SECURE=settings.inbox_tls,
        PREFERRED_URL_SCHEME="https" if settings.inbox_tls else "http",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=settings.session_max_hours),
        WTF_CSRF_TIME_LIMIT=None,  # the session's own limits bound a token's life
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    if settings.inbox_proxies:
        proxies = settings.inbox_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
    app.extensions["inbox"] = build_parts(services, app.config["SECRET_KEY"])
    csrf.init_app(app)
    auth.login_manager.init_app(app)
    app.before_request(auth.enforce_session_limits)
    app.register_blueprint(auth.blueprint)
    app.register_blueprint(views.blueprint)
    app.register_blueprint(admin.blueprint)
    app.jinja_env.globals.update(t=text, language=language)
    app.jinja_env.filters.update(site_time=site_time, site_date=site_date)
    app.context_processor(_page_context)
    app.after_request(_secure_headers)
    app.register_error_handler(HTTPException, _error_page)
    return app


ADMIN_LINKS = [("admin.accounts", "accounts"), ("admin.audit", "audit")]
"""(endpoint, text key) of the admin pages, shown to admins only."""


def _page_context() -> dict[str, Any]:
    return {"admin_links": ADMIN_LINKS, "alerts": _alerts()}


def _alerts() -> list[str]:
    """Warnings for admins on every page: notifications that keep failing."""
    if not (current_user.is_authenticated and current_user.account.is_admin):
        return []
    failing = parts().services.delivery.failing()
    if not failing:
        return []
    return [text("mail_failing") + " " + " ".join(f"#{f.referral_id}" for f in failing)]


def _secure_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _error_page(error: HTTPException) -> ResponseReturnValue:
    key = {403: "forbidden", 404: "not_found"}.get(error.code or 500)
    if key is None:
        return error
    return render_template("error.html", message=text(key)), error.code or 500
