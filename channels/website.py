"""The patient website, served by Rasa itself so that the page and the chat's
socket.io share one origin (no CORS, no third-party cookie).

Registered in credentials.yml like a channel (Rasa's way to add routes to its
server); it receives no messages itself. Routes, all under `/study`:

- `/study/` (English) and `/study/zh/` (Simplified Chinese): one template,
  `website/page.html`, filled from `website/text/<language>.yml`; `/study`
  and `/study/zh` redirect there;
- `/study/static/<name>`: the page's own CSS and JS (`website/static/`);
- `/study/vendor/webchat.js`: rasa-webchat's bundle, patched
  (channels/webchat_bundle.py).

Everything is read and rendered once, when Rasa starts; a missing npm install
is a start-up error. Every answer carries a Content-Security-Policy that allows
nothing from another origin, so a forgotten external font or script is
blocked in the browser as well as caught by the tests.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.settings import PROJECT_ROOT
from channels import webchat_bundle

SITE = PROJECT_ROOT / "website"
LANGUAGES = ("en", "zh")
PREFIX = "/study"
TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
HEADERS = {
    # The widget injects its styles as <style> elements, hence 'unsafe-inline'
    # for styles only, and embeds its icon font as data: (no request made);
    # scripts, images and sockets: this origin alone.
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "font-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def page_path(language: str) -> str:
    """The address of the page in `language` (relative to the server)."""
    return f"{PREFIX}/" if language == "en" else f"{PREFIX}/{language}/"


CJK = "\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
FOLD_BETWEEN_CJK = re.compile(f"(?<=[{CJK}]) (?=[{CJK}])")


def unfolded(value: Any) -> Any:
    """`value` with the spaces YAML's folding put between two Chinese
    characters removed (Chinese has none); other spaces are kept."""
    if isinstance(value, str):
        return FOLD_BETWEEN_CJK.sub("", value)
    if isinstance(value, list):
        return [unfolded(item) for item in value]
    if isinstance(value, dict):
        return {key: unfolded(item) for key, item in value.items()}
    return value


def texts(language: str, site: Path = SITE) -> dict[str, Any]:
    """The page's words in `language` (website/text/<language>.yml)."""
    loaded = yaml.safe_load((site / "text" / f"{language}.yml").read_text("utf-8"))
    words: dict[str, Any] = unfolded(loaded)
    return words


def render(language: str, site: Path = SITE) -> str:
    """The whole page in `language`, as served."""
    environment = Environment(
        loader=FileSystemLoader(str(site)),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,  # a missing text is an error, never a blank
    )
    # Each link to the other language carries what the patient would say to
    # switch the conversation ("请用中文"): a conversation already under way
    # goes on in the new page's language, its answers kept (website/static/chat.js).
    others = [(other, page_path(other), texts(other, site)["language_name"],
               texts(other, site)["switch_message"])
              for other in LANGUAGES if other != language]  # fmt: skip
    return environment.get_template("page.html").render(
        t=texts(language, site), language=language, prefix=PREFIX, others=others
    )


def static_files(site: Path = SITE) -> dict[str, tuple[bytes, str]]:
    """name -> (content, content type) of website/static/ (CSS and JS only)."""
    return {
        path.name: (path.read_bytes(), TYPES[path.suffix])
        for path in sorted((site / "static").iterdir())
        if path.suffix in TYPES
    }


def with_slash(request: Request, language: str) -> HTTPResponse:
    """A permanent redirect from the page's address without its trailing
    slash ("/study", "/study/zh") to the page, keeping the query string; the
    address is a path on this same host, as the proxy forwarded it."""
    query = f"?{request.query_string}" if request.query_string else ""
    return response.redirect(page_path(language) + query, status=301, headers=dict(HEADERS))


class PatientWebsite(InputChannel):
    """credentials.yml: `channels.website.PatientWebsite:` (no settings)."""

    @classmethod
    def name(cls) -> str:
        return "website"

    def url_prefix(self) -> str:
        return PREFIX

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        pages = {language: render(language) for language in LANGUAGES}
        files = static_files()
        bundle = webchat_bundle.load()
        site = Blueprint("patient_website", __name__)

        # strict_slashes: Sanic would otherwise serve the page at "/study" too,
        # where "End and clear" and the links would not find their way back.
        @site.route("/", methods=["GET"], strict_slashes=True)
        async def english(_: Request) -> HTTPResponse:
            return response.html(pages["en"], headers=HEADERS)

        @site.route("/zh/", methods=["GET"], strict_slashes=True)
        async def chinese(_: Request) -> HTTPResponse:
            return response.html(pages["zh"], headers=HEADERS)

        @site.route("", methods=["GET"], strict_slashes=True)
        async def english_without_slash(request: Request) -> HTTPResponse:
            return with_slash(request, "en")

        @site.route("/zh", methods=["GET"], strict_slashes=True)
        async def chinese_without_slash(request: Request) -> HTTPResponse:
            return with_slash(request, "zh")

        @site.route("/static/<name>", methods=["GET"])
        async def static(_: Request, name: str) -> HTTPResponse:
            if name not in files:
                return response.text("not found", status=404, headers=HEADERS)
            content, kind = files[name]
            return response.raw(content, content_type=kind, headers=HEADERS)

        @site.route("/vendor/webchat.js", methods=["GET"])
        async def webchat(_: Request) -> HTTPResponse:
            return response.raw(bundle, content_type=TYPES[".js"], headers=HEADERS)

        return site
