"""Static analysis as a check that runs: bandit finds nothing of medium or high severity in our code.

A finding that is not a problem is silenced on its own line with `# nosec <test ids> # <why it is safe>`;
the reason is required (docs/security.md, "Statische analyse").
"""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANDIT = Path(sys.executable).parent / "bandit"
PACKAGES = ("ondernemend", "initiatives", "workshops", "challenge")
NOSEC = re.compile(r"#\s*nosec\b(?P<rest>.*)$")
EXPLAINED_NOSEC = re.compile(r"^(\s+B\d{3})+\s+#\s*\S.{5,}$")


def _bandit(*paths: Path | str, cwd: Path = ROOT) -> list[dict]:
    """bandit's medium-and-high findings for `paths`, as its JSON report lists them."""
    result = subprocess.run(
        [str(BANDIT), "-q", "-c", str(ROOT / "pyproject.toml"), "-ll", "-f", "json", "-r", *map(str, paths)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(result.stdout)["results"]


def test_bandit_finds_nothing_of_medium_or_high_severity():
    findings = _bandit(*PACKAGES)

    assert [f"{item['filename']}:{item['line_number']} {item['test_id']}" for item in findings] == []


def test_bandit_flags_an_unexplained_mark_safe(tmp_path):
    (tmp_path / "unsafe.py").write_text(
        "from django.utils.safestring import mark_safe\n\n\ndef greet(name):\n"
        "    return mark_safe(f'<b>{name}</b>')\n"
    )

    findings = _bandit(tmp_path, cwd=tmp_path)

    assert sorted({item["test_id"] for item in findings}) == ["B308", "B703"]


def test_every_nosec_names_its_tests_and_says_why():
    unexplained = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                match = NOSEC.search(line)
                if match and not EXPLAINED_NOSEC.match(match["rest"]):
                    unexplained.append(f"{path.relative_to(ROOT)}:{number}")

    assert unexplained == []
