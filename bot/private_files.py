"""Files that hold patient data are readable by their owner only."""

from __future__ import annotations

import os
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
