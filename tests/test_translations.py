"""Dutch is complete: every user-facing string is in a catalogue and translated, nothing fuzzy."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ["ondernemend", "initiatives", "workshops", "challenge", "templates", "locale"]
MAKEMESSAGES_IGNORES = ["static/vendor", "node_modules", ".venv", "var", "tests", "scripts"]


def _catalogues(root: Path) -> dict[str, Path]:
    return {
        str(path.relative_to(root)): path
        for directory in SOURCE_DIRS
        for path in (root / directory).rglob("django.po")
    }


def _msgids(po_file: Path) -> set[str]:
    """The msgids of a catalogue, joined across continuation lines (enough for comparing catalogues)."""
    ids, current, in_msgid = set(), [], False
    if not po_file.exists():
        return ids
    for line in po_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            current, in_msgid = [line[6:].strip().strip('"')], True
        elif in_msgid and line.startswith('"'):
            current.append(line.strip().strip('"'))
        else:
            if in_msgid and "".join(current):
                ids.add("".join(current))
            in_msgid = False
    return ids


@pytest.mark.parametrize("catalogue", sorted(_catalogues(ROOT)))
def test_dutch_catalogue_has_no_untranslated_or_fuzzy_messages(catalogue):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(ROOT / catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"\d+ translated messages?\.", result.stderr.strip()), result.stderr


def test_dutch_catalogues_hold_every_string_in_the_source(tmp_path):
    for directory in SOURCE_DIRS:
        shutil.copytree(ROOT / directory, tmp_path / directory, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    ignores = [f"--ignore={pattern}" for pattern in MAKEMESSAGES_IGNORES]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-location", *ignores],
        cwd=tmp_path,
        capture_output=True,
        check=True,
    )

    missing = {
        catalogue: sorted(_msgids(regenerated) - _msgids(ROOT / catalogue))
        for catalogue, regenerated in _catalogues(tmp_path).items()
    }

    assert {catalogue: ids for catalogue, ids in missing.items() if ids} == {}, "run `make messages`"
