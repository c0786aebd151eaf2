import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "find-python.sh"


def _fake_python(folder: Path, name: str) -> None:
    """A `python3` that answers like Python 3.11: too old for Django 6."""
    fake = folder / name
    fake.write_text('#!/bin/sh\ncase "$1" in --version) echo "Python 3.11.7";; *) exit 1;; esac\n')
    fake.chmod(0o755)


def _run(path: str, **env) -> subprocess.CompletedProcess:
    environment = {"PATH": path, "HOME": os.environ.get("HOME", "/tmp"), **env}
    return subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, env=environment, check=False)


def test_find_python_on_an_older_python_explains_what_to_do(tmp_path):
    # Every name the script tries, so that a newer Python elsewhere on the machine stays out of sight.
    for name in ("python3", "python3.13", "python3.12", "python"):
        _fake_python(tmp_path, name)

    result = _run(f"{tmp_path}:/bin")

    assert result.returncode == 1
    assert "needs Python 3.12 or newer" in result.stderr
    assert "Found: Python 3.11.7." in result.stderr
    assert "make PYTHON=/path/to/python3.12" in result.stderr


def test_find_python_prefers_the_python_make_is_given(tmp_path):
    _fake_python(tmp_path, "python3")

    result = _run(f"{tmp_path}:/bin", PYTHON=sys.executable)

    assert result.returncode == 0
    assert result.stdout.strip() == sys.executable
