"""rasa-webchat 1.0.1's bundle (website/node_modules, installed by
scripts/setup), made fit to serve to patients.

The published bundle cannot meet our bar through its options and styles
(docs/website.md): its answer buttons are `div`s (no keyboard, no role), its
send button has no accessible name, its message box is labelled only by a
placeholder, its message list is not announced, its CSS `@import`s a font
from fonts.googleapis.com, and it prints its session id, the secret of the
patient's conversation (channels/conversation_secret.py), and its socket id to
the browser console. `patched` rewrites those few places in the minified
text; each anchor must be found exactly as often as expected, so a different
bundle fails loudly at start-up instead of serving a half-patched widget.
"""

from __future__ import annotations

from pathlib import Path

from bot.settings import PROJECT_ROOT

BUNDLE = PROJECT_ROOT / "website" / "node_modules" / "rasa-webchat" / "lib" / "index.js"
MAX_MESSAGE_ATTRIBUTE = "maxLength:2000,"  # channels.patient_rest.MAX_MESSAGE, in the box itself

GOOGLE_FONT = "@import url(https://fonts.googleapis.com/css?family=Inter:400,500,700&display=swap);"
REPLY_DIV = (
    'o.a.createElement("div",{key:t,className:"rw-reply",'
    "onClick:function(t){t.stopPropagation(),r.handleClick(e)}"
)
REPLY_BUTTON = (
    'o.a.createElement("button",{key:t,type:"button",className:"rw-reply",'
    "onClick:function(t){t.stopPropagation(),r.handleClick(e)}"
)
LABEL = 'document.documentElement.getAttribute("data-send-label")||"Send"'
CONSOLE_LINES = [
    # the session id is the conversation's secret; the socket id lets whoever
    # reads it poll the socket's long-polling transport
    'console.log("session_confirm:".concat(o.socket.id," session_id:").concat(a)),',
    'console.log("sending init payload",l),',
    'console.log("connect:".concat(o.id)),',
]

PATCHES: list[tuple[str, str, int]] = [
    # (anchor, replacement, how many times the 1.0.1 bundle has it)
    (GOOGLE_FONT, "", 11),
    (REPLY_DIV, REPLY_BUTTON, 1),
    (
        'className:"rw-new-message",name:"message",placeholder:n,',
        'className:"rw-new-message",name:"message",placeholder:n,"aria-label":n,'
        + MAX_MESSAGE_ATTRIBUTE,
        1,
    ),
    ('className:"rw-send",disabled:', f'className:"rw-send","aria-label":{LABEL},disabled:', 1),
    (
        '{id:"rw-messages",style:{backgroundColor:a},className:"rw-messages-container"}',
        '{id:"rw-messages",style:{backgroundColor:a},className:"rw-messages-container",'
        'role:"log","aria-live":"polite",tabIndex:0}',
        1,
    ),
    *((line, "", 1) for line in CONSOLE_LINES),
]


class BundleMismatch(RuntimeError):
    """The installed bundle is not the one the patches were written for."""


def patched(source: str) -> str:
    """The bundle with every patch applied; raises BundleMismatch when an
    anchor is missing or found a different number of times."""
    for anchor, replacement, expected in PATCHES:
        found = source.count(anchor)
        if found != expected:
            raise BundleMismatch(f"rasa-webchat anchor found {found}x, expected {expected}x")
        source = source.replace(anchor, replacement)
    return source


def load(path: Path = BUNDLE) -> bytes:
    """The patched bundle as served; FileNotFoundError (naming scripts/setup)
    when the npm packages are not installed."""
    if not path.exists():
        raise FileNotFoundError(f"{path} missing: run scripts/setup (npm ci in website/)")
    return patched(path.read_text(encoding="utf-8")).encode("utf-8")
