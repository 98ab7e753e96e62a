"""The product as a wheel: every module and data file of its packages is in
it, subpackages too (a list of top-level names alone ships bot/ without
bot/reading/)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.test_layout import PRODUCT, ROOT

PACKAGED = [folder for folder in PRODUCT if (ROOT / folder / "__init__.py").exists()]
DATA = ("*.py", "*.yml", "*.html", "*.css", "*.js")


def test_the_wheel_holds_every_file_of_the_product(tmp_path: Path) -> None:
    source = tmp_path / "source"  # built from a copy: the build leaves no file in the tree
    source.mkdir()
    shutil.copy(ROOT / "pyproject.toml", source)
    for folder in PACKAGED:
        shutil.copytree(
            ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            str(source),
            "-w",
            str(tmp_path / "wheel"),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = (tmp_path / "wheel").glob("*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        str(path.relative_to(source))
        for folder in PACKAGED
        for pattern in DATA
        for path in (source / folder).rglob(pattern)
    }
    assert sorted(expected - shipped) == []
