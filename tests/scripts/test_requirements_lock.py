"""requirements.lock pins the whole tree and agrees with the choices in pyproject.toml."""

import re
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(lines) -> dict[str, str]:
    pins = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[_normalise(name)] = version
    return pins


def _locked() -> dict[str, str]:
    return _pins((ROOT / "requirements.lock").read_text().splitlines())


def test_requirements_lock_agrees_with_every_choice_in_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    chosen = _pins([*project["dependencies"], *project["optional-dependencies"]["test"]])

    assert {name: _locked().get(name) for name in chosen} == chosen


def test_requirements_lock_pins_what_the_chosen_packages_pull_in():
    """Every dependency of WeasyPrint (a package with a deep tree) is locked at the version installed."""
    locked = _locked()
    for requirement in metadata.requires("weasyprint") or []:
        if "extra ==" in requirement:
            continue
        name = _normalise(re.split(r"[ ;<>=!~\[]", requirement, maxsplit=1)[0])
        assert locked.get(name) == metadata.version(name), name
