"""The architecture is a check that runs: the import contracts in pyproject.toml hold, and they bite.

See docs/architecture.md for the layers and the contracts, and why.
"""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(directory: Path) -> subprocess.CompletedProcess:
    """Run lint-imports on the packages in `directory` with the pyproject.toml there."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(directory / "pyproject.toml"), "--no-cache"],
        cwd=directory,
        env={**os.environ, "PYTHONPATH": str(directory)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_code_keeps_every_import_contract():
    result = _lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken." in result.stdout


def _contracts_toml() -> str:
    """The [tool.importlinter] section of the project's pyproject.toml, unchanged."""
    text = (ROOT / "pyproject.toml").read_text()
    section = text[text.index("[tool.importlinter]") :]
    tomllib.loads(section)  # the section stands on its own
    return section


# A tree that keeps every contract: each app's urls → views → services → models, apps using the base.
CLEAN_TREE = {
    "ondernemend/__init__.py": "",
    "ondernemend/accounts.py": "",
    "ondernemend/urls.py": "import challenge.urls\nimport initiatives.urls\nimport workshops.urls\n",
    "ondernemend/demo/__init__.py": "",
    "ondernemend/demo/seeding.py": "import initiatives.models\nimport workshops.models\n",
    "initiatives/__init__.py": "",
    "initiatives/urls.py": "from . import views\n",
    "initiatives/views.py": "from . import services\n",
    "initiatives/services.py": "from . import models\n",
    "initiatives/models.py": "import ondernemend.accounts\n",
    "workshops/__init__.py": "",
    "workshops/urls.py": "from . import views\n",
    "workshops/views.py": "from . import services\n",
    "workshops/services.py": "from . import models\nimport initiatives.models\n",
    "workshops/models.py": "import ondernemend.accounts\n",
    "challenge/__init__.py": "",
    "challenge/urls.py": "from . import views\n",
    "challenge/views.py": "import ondernemend.accounts\n",
}

# Each crossing of a forbidden line, as (file, the import it gains, the contract that must break).
VIOLATIONS = {
    "the base imports an app": (
        "ondernemend/accounts.py",
        "import workshops.models",
        "The base (ondernemend) imports no app",
    ),
    "the map imports the workshops": (
        "initiatives/services.py",
        "import workshops.models",
        "The map (initiatives) imports neither",
    ),
    "the map imports the challenge": (
        "initiatives/views.py",
        "import challenge.views",
        "The map (initiatives) imports neither",
    ),
    "the workshops import the challenge": (
        "workshops/services.py",
        "import challenge.views",
        "The workshops and the challenge never import each other",
    ),
    "the challenge imports the workshops": (
        "challenge/views.py",
        "import workshops.models",
        "The workshops and the challenge never import each other",
    ),
    "a model imports a service": ("workshops/models.py", "from . import services", "Inside an app"),
    "a service imports a view": ("initiatives/services.py", "from . import views", "Inside an app"),
}


def _make_tree(directory: Path, extra: tuple[str, str] | None = None) -> Path:
    for name, source in CLEAN_TREE.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    if extra:
        name, line = extra
        with (directory / name).open("a") as file:
            file.write(line + "\n")
    (directory / "pyproject.toml").write_text(_contracts_toml())
    return directory


def test_a_tree_that_keeps_the_rules_passes_the_same_contracts(tmp_path):
    result = _lint_imports(_make_tree(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("violation", VIOLATIONS.values(), ids=VIOLATIONS.keys())
def test_crossing_a_forbidden_line_breaks_its_contract(tmp_path, violation):
    name, line, contract = violation

    result = _lint_imports(_make_tree(tmp_path, extra=(name, line)))

    assert result.returncode == 1, result.stdout + result.stderr
    broken = [output for output in result.stdout.splitlines() if " BROKEN" in output]
    # A crossing can break more than one contract (an app reached through the base is reached indirectly).
    assert any(output.startswith(contract) for output in broken), result.stdout
