"""Files that hold patient data are readable by their owner only."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

OWNER_ONLY = 0o600


def create_private_file(path: str | Path) -> None:
    """Make sure `path` exists with mode 600 before anything else creates it
    with the process's umask; an existing file is narrowed to 600. Its folder
    must exist (raises FileNotFoundError)."""
    path = Path(path)
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, OWNER_ONLY)
    os.close(descriptor)
    os.chmod(path, OWNER_ONLY)


def local_secret(path: Path) -> str:
    """The secret kept in `path` for the embedded run, made (random, mode 600)
    on first use; several processes starting together end up with the same one
    (the file is linked into place atomically)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        draft = path.with_name(f"{path.name}.{os.getpid()}")
        with os.fdopen(os.open(draft, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, OWNER_ONLY), "w") as f:
            f.write(secrets.token_urlsafe(32))
        try:
            os.link(draft, path)  # fails if another process made it first
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text(encoding="utf-8").strip()
